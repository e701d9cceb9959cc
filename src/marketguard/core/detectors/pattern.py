"""A detector made of named phrase patterns, the common case for requests, pointers and payment talk.

A message is scanned once by an RE2 prefilter over all the patterns (`marketguard.core.text.prefilter`);
only the patterns it names run in `re` to find their spans, so most messages cost one linear pass. Phrases
that read the `plain` view join the shared gate over that view (`marketguard.core.text.gate`), so that
pass also answers every other detector's hints.
Patterns are checked when the class is built (they compile, scores lie in [0, 1]), not per message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from marketguard.core.detectors.base import Detector, DetectorConfig, Finding
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.normalize import Document
from marketguard.core.text.prefilter import Prefilter


@dataclass(frozen=True, slots=True)
class Phrase:
    """One named pattern: what it means (kind, reason), how sure it is (score) and if context may cancel it."""

    name: str
    regex: str
    kind: str
    score: float
    reason: str
    soft: bool = True
    value: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"pattern {self.name!r}: score {self.score} is outside [0, 1]")
        try:
            re.compile(self.regex)
        except re.error as exc:
            raise ValueError(f"pattern {self.name!r} does not compile: {exc}") from exc


class PhraseDetector(Detector):
    """Subclasses set `phrases`; `view` names the normalised view they read ('plain' by default)."""

    phrases: ClassVar[tuple[Phrase, ...]]
    view: ClassVar[str] = "plain"

    def __init__(self, config: DetectorConfig) -> None:
        super().__init__(config)
        names = [p.name for p in self.phrases]
        if len(names) != len(set(names)):
            raise ValueError(f"{type(self).__name__}: duplicate pattern names")
        # Views are lower-case, so no IGNORECASE: the same cache key as the check in Phrase.__post_init__.
        self._compiled = [re.compile(p.regex) for p in self.phrases]
        self._in_gate = self.view == PLAIN.view
        if self._in_gate:
            self._positions = _gate_positions(self.phrases)
        else:
            self._prefilter = Prefilter([p.regex for p in self.phrases])

    def _candidates(self, doc: Document, text: str) -> Sequence[int]:
        """Indices of the phrases that may match, in the order the RE2 scan met them."""
        if not self._in_gate:
            return self._prefilter.candidates(text)
        positions = self._positions
        return [i for at in PLAIN.matches(doc).order if at in positions for i in positions[at]]

    def detect(self, doc: Document) -> list[Finding]:
        view = getattr(doc, self.view)
        out: list[Finding] = []
        for i in self._candidates(doc, view.text):
            phrase = self.phrases[i]
            for m in self._compiled[i].finditer(view.text):
                start, end = view.span(m.start(), m.end())
                out.append(
                    Finding(phrase.kind, phrase.score, start, end, phrase.value, phrase.reason, soft=phrase.soft)
                )
        return out


@cache
def _gate_positions(phrases: tuple[Phrase, ...]) -> dict[int, tuple[int, ...]]:
    """Gate index -> the phrases it stands for (two phrases may widen to one pattern); once per phrase set."""
    positions: dict[int, tuple[int, ...]] = {}
    for i, phrase in enumerate(phrases):
        at = PLAIN.add(phrase.regex)
        positions[at] = (*positions.get(at, ()), i)
    return positions
