"""A detector made of named phrase patterns, the common case for requests, pointers and payment talk.

A message is scanned once by an RE2 prefilter over all the patterns (`marketguard.core.text.prefilter`);
only the patterns it names run in `re` to find their spans, so most messages cost one linear pass. The set
is built once per phrase table and shared by every screener, so the automaton RE2 builds as messages come
stays warm. (The phrases stay out of the shared gate of `marketguard.core.text.gate`: in one set with the
hints, the automaton took some 10,000 messages to warm up, which a `marketguard scan` run never repays.)
Scores are checked when a phrase is made; Python's `re` compiles a pattern the first time the prefilter
names it, so start-up does not pay for ~150 patterns that most short runs never need (that every pattern
compiles is a test, `tests/core/detectors/test_phrases.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from marketguard.core.detectors.base import Detector, DetectorConfig, Finding
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


class PhraseDetector(Detector):
    """Subclasses set `phrases`; `view` names the normalised view they read ('plain' by default)."""

    phrases: ClassVar[tuple[Phrase, ...]]
    view: ClassVar[str] = "plain"

    def __init__(self, config: DetectorConfig) -> None:
        super().__init__(config)
        names = [p.name for p in self.phrases]
        if len(names) != len(set(names)):
            raise ValueError(f"{type(self).__name__}: duplicate pattern names")
        self._prefilter = _prefilter(self.phrases)

    def detect(self, doc: Document) -> list[Finding]:
        view = getattr(doc, self.view)
        out: list[Finding] = []
        for i in self._prefilter.candidates(view.text):
            phrase = self.phrases[i]
            for m in _pattern(phrase.regex).finditer(view.text):
                start, end = view.span(m.start(), m.end())
                out.append(
                    Finding(phrase.kind, phrase.score, start, end, phrase.value, phrase.reason, soft=phrase.soft)
                )
        return out


@cache
def _pattern(regex: str) -> re.Pattern[str]:
    """A phrase's pattern, compiled on first use (views are lower-case, so no IGNORECASE)."""
    return re.compile(regex)


PHRASE_SETS = 3
"""RE2 sets a phrase table runs as (`sets.SplitSet`, ordered: the findings keep the one set's order). Each set
meets the product of a third of the phrases' automaton states, so far fewer states are built as texts come.
Replayed under callgrind (the calls of a forked scan worker's 8,976 lines, after the parent's 2,048 head lines),
`contact.request` (121 phrases) 1,152 M instructions as one set, 893 M in two, 799 M in three;
`payment.offplatform` (43) 802 M, 550 M, 498 M (bench/README.md, perf5)."""


@cache
def _prefilter(phrases: tuple[Phrase, ...]) -> Prefilter:
    """The RE2 sets of one phrase table, built once and shared by every screener."""
    # phrases read a lower-case view; the callers read the hits in order, so the split keeps it
    return Prefilter([p.regex for p in phrases], case_sensitive=True, split=PHRASE_SETS, ordered=True)
