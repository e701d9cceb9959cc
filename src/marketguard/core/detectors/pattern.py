"""A detector made of named phrase patterns, the common case for requests, pointers and payment talk.

All patterns of a detector are compiled into one alternation of named groups, so a message is scanned
once whatever the number of patterns; `lastgroup` tells which pattern matched. Patterns are checked when
the class is built (they compile, scores lie in [0, 1]), not when a message arrives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from marketguard.core.detectors.base import Detector, DetectorConfig, Finding
from marketguard.core.text.normalize import Document


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
        self._by_group = {f"p{i}": p for i, p in enumerate(self.phrases)}
        self._regex = re.compile("|".join(f"(?P<p{i}>{p.regex})" for i, p in enumerate(self.phrases)), re.IGNORECASE)

    def detect(self, doc: Document) -> list[Finding]:
        view = getattr(doc, self.view)
        out: list[Finding] = []
        for m in self._regex.finditer(view.text):
            if m.lastgroup is None:
                continue
            phrase = self._by_group[m.lastgroup]
            start, end = view.span(m.start(), m.end())
            out.append(Finding(phrase.kind, phrase.score, start, end, phrase.value, phrase.reason, soft=phrase.soft))
        return out
