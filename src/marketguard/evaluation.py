"""Precision and recall per family on a labelled JSON Lines file.

Each line is an input record plus `labels`: the families present in that message (`contact`, `payment`;
empty for a benign one), and optionally a `category`. Records are screened in file order through one
screener, so conversations see their earlier messages as they would in production. A message counts as
predicted for a family when a signal of that family reaches `min_score` (the policy's lowest threshold).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from marketguard.core.engine import Screener
from marketguard.core.model import ScreenResult
from marketguard.core.records import message_from_dict
from marketguard.errors import RecordError

FAMILIES = ("contact", "payment")


@dataclass
class FamilyScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Miss:
    id: Any
    text: str
    expected: list[str]
    predicted: list[str]
    category: str | None
    signals: list[str]


@dataclass
class Report:
    total: int = 0
    benign: int = 0
    benign_flagged: int = 0
    families: dict[str, FamilyScore] = field(default_factory=lambda: {f: FamilyScore() for f in FAMILIES})
    categories: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[Miss] = field(default_factory=list)

    @property
    def benign_flag_rate(self) -> float:
        return self.benign_flagged / self.benign if self.benign else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.total,
            "benign": self.benign,
            "benign_flagged": self.benign_flagged,
            "benign_flag_rate": round(self.benign_flag_rate, 4),
            "families": {
                f: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for f, s in self.families.items()
            },
            "categories": {c: dict(v) for c, v in sorted(self.categories.items())},
        }


def evaluate(lines: Iterable[bytes], screener: Screener | None = None, min_score: float = 0.6) -> Report:
    screener = screener or Screener()
    report = Report()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not valid JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise ValueError(f"line {number}: a labelled record must be a JSON object")
        labels = record.get("labels")
        if not isinstance(labels, list):
            raise ValueError(f"line {number}: a labelled record needs a 'labels' list")
        expected = {str(x) for x in labels}
        try:
            message = message_from_dict(record)
        except RecordError as exc:
            raise ValueError(f"line {number}: {exc}") from exc
        result = screener.screen(message)
        predicted = _predicted(result, min_score)
        report.total += 1
        category = record.get("category")
        if not expected:
            report.benign += 1
            if predicted:
                report.benign_flagged += 1
        for fam in FAMILIES:
            score = report.families[fam]
            if fam in expected and fam in predicted:
                score.tp += 1
            elif fam in predicted:
                score.fp += 1
            elif fam in expected:
                score.fn += 1
        ok = expected == predicted
        report.categories[str(category or "uncategorised")]["ok" if ok else "wrong"] += 1
        if not ok:
            report.misses.append(
                Miss(
                    record.get("id"),
                    record["text"],
                    sorted(expected),
                    sorted(predicted),
                    category,
                    [f"{s.kind}:{s.score}:{s.text!r}" for s in result.signals],
                )
            )
    return report


def _predicted(result: ScreenResult, min_score: float) -> set[str]:
    return {s.family for s in result.signals if s.score >= min_score and s.family in FAMILIES}
