"""Precision and recall per family on a labelled JSON Lines file.

Each line is an input record plus `labels`: the families present in that message (`contact`, `payment`,
`scam`, `account`; empty for a benign one), optionally `kinds` (e.g. `scam.upfront_fee`) and a `category`.
Records are screened in file order through one screener, so conversations see their earlier messages as
they would in production. A message counts as predicted for a family when a signal of that family reaches
`min_score` (the policy's lowest threshold) and the lowest threshold of the policy rows that can act on it:
the trained model's `scam.model` probability counts from its own row's 0.8, not from 0.6.

Only the families that the file labels somewhere are scored (and count towards "benign flagged"): the
circumvention sets label contact and payment, the fraud sets (`eval/fraud/`) scam and account, and a scam
message that also names a messenger is not a contact error in a file that never labels contact. A file of
benign messages only names the families it is scored for in a `scored` list on its records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from marketguard.core.engine import Screener
from marketguard.core.model import Decision, ScreenResult, Signal
from marketguard.core.policy.table import Policy
from marketguard.core.records import message_from_dict
from marketguard.errors import RecordError

FAMILIES = ("contact", "payment")
"""Scored when a file labels no family at all (a file of benign messages only)."""
ALL_FAMILIES = ("contact", "payment", "scam", "account")


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
    kinds: dict[str, FamilyScore] = field(default_factory=lambda: defaultdict(FamilyScore))
    """Per labelled kind: tp when a signal of that very kind reached min_score, fn otherwise; fp when the kind
    was predicted on a message not labelled with it."""

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
            **(
                {
                    "kinds": {
                        k: {
                            "precision": round(s.precision, 4),
                            "recall": round(s.recall, 4),
                            "tp": s.tp,
                            "fp": s.fp,
                            "fn": s.fn,
                        }
                        for k, s in sorted(self.kinds.items())
                    }
                }
                if self.kinds
                else {}
            ),
        }


def evaluate(lines: Iterable[bytes], screener: Screener | None = None, min_score: float = 0.6) -> Report:
    screener = screener or Screener()
    records: list[tuple[int, dict[str, Any]]] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not valid JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise ValueError(f"line {number}: a labelled record must be a JSON object")
        if not isinstance(record.get("labels"), list):
            raise ValueError(f"line {number}: a labelled record needs a 'labels' list")
        kinds = record.get("kinds", [])
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise ValueError(f"line {number}: 'kinds' must be a list of kind names")
        records.append((number, record))
    labelled = {str(x) for _, r in records for x in [*r["labels"], *(r.get("scored") or [])]}
    families = tuple(f for f in ALL_FAMILIES if f in labelled) or FAMILIES
    report = Report(families={f: FamilyScore() for f in families})
    has_kinds = any(r.get("kinds") for _, r in records)
    for number, record in records:
        expected = {str(x) for x in record["labels"]} & set(families)
        try:
            message = message_from_dict(record)
        except RecordError as exc:
            raise ValueError(f"line {number}: {exc}") from exc
        result = screener.screen(message)
        counted = _counted(result, screener.policy, min_score)
        predicted = {s.family for s in counted if s.family in families}
        if has_kinds:
            _score_kinds(report, record.get("kinds", []), counted, families)
        report.total += 1
        category = record.get("category")
        if not expected:
            report.benign += 1
            if predicted:
                report.benign_flagged += 1
        for fam in families:
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
                    message.text,
                    sorted(expected),
                    sorted(predicted),
                    category,
                    [f"{s.kind}:{s.score}:{s.text!r}" for s in result.signals],
                )
            )
    return report


def _counted(result: ScreenResult, policy: Policy, min_score: float) -> list[Signal]:
    """The signals strong enough to count as a detection: past `min_score` and past the policy's own bar."""
    return [s for s in result.signals if s.score >= max(min_score, _policy_bar(policy, s))]


def _policy_bar(policy: Policy, signal: Signal) -> float:
    """The lowest `min_score` of the rows that could act on this signal (1.0 when none would: never a flag)."""
    bars = [
        row.min_score
        for row in policy.rows
        if row.decision is not Decision.ALLOW and (signal.family in row.families or signal.kind in row.kinds)
    ]
    return min(bars, default=1.0)


def _score_kinds(
    report: Report, labelled: list[str], counted: list[Signal], families: tuple[str, ...]
) -> None:
    """Kind-level figures, only for kinds of the scored families (a messenger named in a scam is no error)."""
    found = {s.kind for s in counted if s.family in families}
    for kind in labelled:
        score = report.kinds[kind]
        if kind in found:
            score.tp += 1
        else:
            score.fn += 1
    for kind in found - set(labelled):
        report.kinds[kind].fp += 1
