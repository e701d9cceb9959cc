"""Catastrophic backtracking guard: hostile near-matches must not blow up (bench/ measures the speed).

The ceiling here is deliberately generous (a linear scan takes well under a second): this test fails only
when a pattern goes super-linear, which would take minutes.
"""

from __future__ import annotations

import gc
import time

import pytest

from marketguard import Screener, ScreenerConfig

SIZE = 200_000
HOSTILE = {
    "letters": "a" * SIZE,
    "at-signs": "a@" * (SIZE // 2),
    "dots": "a." * (SIZE // 2),
    "spaced-digits": "1 " * (SIZE // 2),
    "dashed-digits": "1-" * (SIZE // 2),
    "spelled-at": "x at " * (SIZE // 5),
    "spelled-dot": "x dot " * (SIZE // 6),
    "digit-words": "five " * (SIZE // 5),
    "spaced-letters": "w h a t s " * (SIZE // 10),
    "schemes": "http://" * (SIZE // 7),
    "fences": "```" * (SIZE // 3),
    "brackets": "[at]" * (SIZE // 4),
    "zero-width": "a\u200b" * (SIZE // 2),
    "cyrillic-mix": "аa" * (SIZE // 2),
    "hashes": "#1234 " * (SIZE // 6),
    "hex": "0x" + "a" * SIZE,
    "handles": "@ab " * (SIZE // 4),
    "pay-words": "pay you directly " * (SIZE // 17),
    "email-parts": "jdoe at gmail dot " * (SIZE // 18),
    "phone-groups": "415 555 " * (SIZE // 8),
    "backwards": "moc.liamg@eodj " * (SIZE // 15),
}


def _seconds(screener: Screener, text: str) -> float:
    """CPU seconds of one screen, with the garbage collector held off: a collection of the whole test
    session's objects (a quarter of a second) landing inside one timing is noise, not a pattern's cost."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        screener.screen(text)
        return time.process_time() - started
    finally:
        gc.enable()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_stays_linear(name: str) -> None:
    """Four times the text may take at most ten times as long (quadratic work would take sixteen)."""
    screener = Screener(ScreenerConfig(max_chars=10**9))
    text = HOSTILE[name]
    small = min(_seconds(screener, text[: len(text) // 4]) for _ in range(2))
    full = min(_seconds(screener, text) for _ in range(2))
    assert full < 20.0
    assert full < max(10 * small, 0.25), f"{name}: {small:.3f}s for a quarter, {full:.3f}s for all"
