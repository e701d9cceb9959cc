"""Searches rewritten to cost less find exactly what the patterns they replaced found, on any text.

Each old pattern is kept here, verbatim, as the reference: the rewrite must give the same spans and groups.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core import context
from marketguard.core.text import digits, plain
from marketguard.core.text.prefilter import Pruned

_OLD_CLAUSE_BREAK = re.compile(r"[.!?;,\n]|\bbut\b|\bhowever\b|\bpero\b|\bmas\b|\bmais\b|\baber\b|\bно\b")
_REWRITTEN = {  # the pattern as it was -> the pattern that replaced it
    "spelled dot": (
        re.compile(rf"(?<=[a-z0-9])\s{{1,3}}{plain._DOT_WORD}\s{{1,3}}(?=(?P<label>[a-z0-9\-]{{1,63}}))"),
        plain._SPELLED_DOT,
    ),
    "spelled slash": (
        re.compile(r"(?<=[a-z0-9.])\s{0,3}(?:slash|barra|/)\s{0,3}(?=[a-z0-9_])"),
        plain._SPELLED_SLASH,
    ),
    "spelled colon": (
        re.compile(r"(?<=[a-z0-9])\s{1,3}(?:colon|dois pontos|deux points)\s{1,3}(?=[a-z0-9.])"),
        plain._SPELLED_COLON,
    ),
    "cyrillic mail": (
        re.compile(
            r"(?:(?<=собака\s)|(?<=точка\s))(?:яндекс|гмейл|джимейл|мейл|рамблер|ру|ком)\b|(?<=[@.])(?:яндекс|ру|ком)\b"
            r"|(?<=точка\s)py\b"
        ),
        plain._CYRILLIC_MAIL,
    ),
    "zero letter": (re.compile(r"(?=o)(?<![^\W\d_])(?:oh|o)(?![^\W\d_])"), digits._ZERO_LETTER_RE),
}

_PIECES = st.lists(
    st.sampled_from(
        [
            *"ab.,!?;:\n\t _-x0129é",
            "\u00a0",
            "but",
            "butter",
            "however",
            "pero",
            "mas",
            "mais",
            "aber",
            "но",
            "нож",
            " dot ",
            " point ",
            " slash ",
            "/",
            "barra",
            " colon ",
            "deux points",
            "oh",
            "o",
            "7",
            "собака ",
            "точка ",
            "яндекс",
            "ру",
            "py",
            "@",
            "  punkt ",
            "acme",
            "io",
            "www.",
            "a.b",
        ]
    ),
    max_size=40,
).map("".join)


def _old_clause_before(text: str, pos: int, width: int) -> str:
    chunk = text[max(0, pos - width) : pos]
    cut = 0
    for m in _OLD_CLAUSE_BREAK.finditer(chunk):
        cut = m.end()
    return chunk[cut:]


@settings(max_examples=400, deadline=None)
@given(_PIECES, st.integers(min_value=0, max_value=60), st.sampled_from([50, 80]))
def test_clause_before_is_the_text_after_the_last_break(text: str, pos: int, width: int) -> None:
    assert context._clause_before(text, pos, width) == _old_clause_before(text, pos, width)


def test_clause_before_reads_words_and_marks_alike() -> None:
    assert context._clause_before("ok, but i will not share it", 27) == " i will not share it"
    assert context._clause_before("butter, i will share", 20) == " i will share"
    assert context._clause_before("mais non. aber", 14) == ""


@pytest.mark.parametrize("name", sorted(_REWRITTEN))
@settings(max_examples=300, deadline=None)
@given(text=_PIECES)
def test_rewritten_patterns_match_as_before(name: str, text: str) -> None:
    old, new = _REWRITTEN[name]
    assert [(m.span(), m.group(), m.groupdict()) for m in new.finditer(text)] == [
        (m.span(), m.group(), m.groupdict()) for m in old.finditer(text)
    ]


_WORDS = [word for _, word in digits._WORD_PARTS]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=len(_WORDS) - 1), min_size=1, max_size=8, unique=True).map(sorted),
    st.data(),
)
def test_digit_words_lead_test_changes_no_match(kept: list[int], data: st.DataObject) -> None:
    new = re.compile(digits._digit_words_regex(kept))
    lead = re.match(r"\(\?=\[[^\]]*\]\)", new.pattern)
    assert lead is not None  # the first-letter test leads the pattern
    old = re.compile(new.pattern[lead.end() :])
    words = [_WORDS[i] for i in kept]
    text = data.draw(
        st.lists(st.sampled_from([*words, "x", " ", "-", "and", "2", "y", "oh", "é"]), max_size=14).map("".join)
    )
    assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == [
        (m.span(), m.groupdict()) for m in old.finditer(text)
    ]


_ASCII_WORDS = [w for w in _WORDS if w.isascii()]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_ASCII_WORDS[:60], *_ASCII_WORDS[-40:], "labing-apat", "x", "A", "-", "2", " ", "FIVE", "é"]),
        max_size=12,
    ).map("".join)
)
def test_digit_words_are_found_in_ascii_text_as_the_re2_probe_finds_them(text: str) -> None:
    pruned = digits._DIGIT_WORDS_PARTS
    by_re2 = Pruned.for_text(pruned, text)  # the base class: one RE2 pass over every word's probe
    found = pruned.for_text(text)
    assert (found.pattern if found else None) == (by_re2.pattern if by_re2 else None)


def test_digit_words_in_ascii_text_are_found_without_re2() -> None:
    pruned = digits._DIGIT_WORDS_PARTS
    assert pruned._exact  # no word can reach an ASCII text only through a case fold
    found = pruned.for_text("call me at Five one five, or labing-apat")
    assert found is not None and "five" in found.pattern and "labing" in found.pattern
    assert "one" in found.pattern and "two" not in found.pattern.split("|")
    assert pruned.for_text("fivefold onerous") is None  # a word inside a longer run of letters is not a hit
