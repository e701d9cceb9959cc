"""The policy table, case by case (the README shows the same table)."""

from __future__ import annotations

from typing import Any

import pytest

from marketguard.core.model import Decision, Phase, Signal
from marketguard.core.policy import PolicyError, decide, parse_policy
from marketguard.defaults import default_policy


def sig(kind: str, score: float = 0.9) -> Signal:
    return Signal(kind, kind.split(".")[0], score, 0, 4, "text", None, "why", "test@1")


CASES = [
    # (phase, signals, prior attempts, decision, deciding rule)
    (Phase.PRE_CONTRACT, [], 0, Decision.ALLOW, "default-allow"),
    (Phase.PRE_CONTRACT, [sig("contact.email")], 0, Decision.REDACT, "contact-before-contract"),
    (Phase.PRE_CONTRACT, [sig("contact.request", 0.75)], 0, Decision.REDACT, "contact-before-contract"),
    (Phase.PRE_CONTRACT, [sig("contact.url", 0.5)], 0, Decision.ALLOW, "default-allow"),
    (Phase.PRE_CONTRACT, [sig("contact.phone")], 1, Decision.REDACT, "contact-before-contract"),
    (Phase.PRE_CONTRACT, [sig("contact.phone")], 2, Decision.REVIEW, "contact-repeated-before-contract"),
    (Phase.PRE_CONTRACT, [sig("payment.offplatform")], 0, Decision.REVIEW, "payment-before-contract"),
    (Phase.ACTIVE_CONTRACT, [sig("contact.email")], 0, Decision.ALLOW, "contact-during-contract"),
    (Phase.ACTIVE_CONTRACT, [sig("contact.phone")], 5, Decision.ALLOW, "contact-during-contract"),
    (Phase.ACTIVE_CONTRACT, [sig("payment.offplatform")], 0, Decision.NUDGE, "payment-during-contract"),
    (Phase.ACTIVE_CONTRACT, [sig("payment.rail")], 0, Decision.REVIEW, "payment-rail-during-contract"),
    (
        Phase.ACTIVE_CONTRACT,
        [sig("payment.offplatform"), sig("payment.amount", 0.7)],
        0,
        Decision.REVIEW,
        "payment-rail-during-contract",
    ),
    (Phase.ENDED, [sig("payment.wallet")], 0, Decision.REVIEW, "payment-rail-during-contract"),
    (Phase.ENDED, [sig("contact.handle")], 0, Decision.ALLOW, "contact-during-contract"),
]


@pytest.mark.parametrize(("phase", "signals", "attempts", "decision", "rule"), CASES)
def test_default_policy(phase: Phase, signals: list[Signal], attempts: int, decision: Decision, rule: str) -> None:
    verdict = decide(default_policy(), signals, phase, attempts)
    assert verdict.decision is decision
    assert verdict.rule == rule


def test_nudge_names_what_the_user_loses() -> None:
    verdict = decide(default_policy(), [sig("contact.email")], Phase.PRE_CONTRACT)
    assert verdict.nudge is not None
    for loss in ("payment protection", "dispute assistance", "feedback", "Job Success Score"):
        assert loss in verdict.nudge


def test_redaction_covers_signals_of_rows_that_redact() -> None:
    email, pay = sig("contact.email"), sig("payment.rail")
    verdict = decide(default_policy(), [email, pay], Phase.PRE_CONTRACT)
    assert verdict.decision is Decision.REVIEW
    assert set(verdict.redact) == {email, pay}
    assert "contact-before-contract" in verdict.fired and "payment-before-contract" in verdict.fired


def row(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "r", "families": ["contact"], "decision": "nudge", "phases": ["pre_contract"]}
    base.update(over)
    return base


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"rows": [row(decision="ban")]}, "ban"),
        ({"rows": [row(phases=["someday"])]}, "someday"),
        ({"rows": [row(families=["spam"])]}, "unknown families"),
        ({"rows": [row(min_score=1.5)]}, "min_score"),
        ({"rows": [row(), row()]}, "duplicate id"),
        ({"rows": [row(nudge="missing")]}, "not defined"),
        ({"rows": [row(colour="red")]}, "unknown fields"),
        ({"rows": [row(families=[])]}, "needs 'families' or 'kinds'"),
        ({"nope": []}, "rows"),
    ],
)
def test_malformed_tables_are_refused_with_the_row_named(bad: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_policy(bad)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"version": "abc", "rows": [row()]}, "version"),
        ({"rows": [row(families=5)]}, "list of names"),
        ({"rows": [row(phases=3)]}, "list of names"),
        ({"rows": [row(kinds=[["x"]], families=[])]}, "list of names"),
        ({"rows": [row(nudge=["x"])]}, "not defined"),
        ({"rows": [{**row(), 1: "x"}]}, "unknown fields"),
    ],
)
def test_wrongly_typed_tables_are_refused_not_crashed(bad: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_policy(bad)
