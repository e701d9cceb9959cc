"""What the monitor answers for one event: decision, the rule that decided, signals and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class AccountDecision(str, Enum):
    """In order of severity: step-up authentication, payouts held, a case for a human, blocked."""

    ALLOW = "allow"
    CHALLENGE = "challenge"
    HOLD = "hold"
    REVIEW = "review"
    BLOCK = "block"

    @property
    def severity(self) -> int:
        return _ORDER[self]


_ORDER = {d: i for i, d in enumerate(AccountDecision)}


@dataclass(slots=True)  # not frozen: frozen dataclasses cost a setattr call per field, per event
class AccountSignal:
    """One finding about an event, with the evidence that explains it."""

    kind: str
    score: float
    reason: str
    detector: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "family": "account",
            "score": round(self.score, 3),
            "reason": self.reason,
            "detector": self.detector,
            **self.evidence,
        }


@dataclass(slots=True)  # not frozen: frozen dataclasses cost a setattr call per field, per event
class AccountResult:
    """The answer for one account event; `to_dict()` has the shape of a message result."""

    id: str
    account_id: str
    kind: str
    decision: AccountDecision
    rule: str
    signals: tuple[AccountSignal, ...] = ()
    verdicts: dict[str, float] = field(default_factory=dict)
    risk: float = 0.0
    rules_fired: tuple[str, ...] = ()
    replay: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "account_id": self.account_id,
            "kind": self.kind,
            "decision": self.decision.value,
            "rule": self.rule,
            "rules_fired": list(self.rules_fired),
            "signals": [s.to_dict() for s in self.signals],
            "verdicts": {k: round(v, 3) for k, v in sorted(self.verdicts.items()) if v >= 0.005},
            "risk": round(self.risk, 3),
        }
        if self.replay:
            out["replay"] = True
        return out
