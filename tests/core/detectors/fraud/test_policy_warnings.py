"""Recipient warnings in the policy table: parsed, validated, chosen by table order, serialised only when set."""

from __future__ import annotations

import pytest

from marketguard.core.model import Phase, Signal
from marketguard.core.policy import PolicyError, decide, parse_policy


def _signal(kind: str, score: float = 0.9) -> Signal:
    return Signal(kind, kind.partition(".")[0], score, 0, 4, "text", None, "why", "test@1")


TABLE = {
    "rows": [
        {"id": "fee-warning", "kinds": ["scam.upfront_fee"], "min_score": 0.5, "decision": "nudge", "warning": "fee"},
        {"id": "scam-review", "families": ["scam"], "min_score": 0.8, "decision": "review", "warning": "generic"},
    ],
    "warnings": {"fee": "A real client will never ask you to pay to start a job.", "generic": "Be careful."},
}


def test_the_first_row_with_a_warning_speaks_and_the_most_severe_decides() -> None:
    verdict = decide(parse_policy(TABLE), [_signal("scam.upfront_fee")], Phase.PRE_CONTRACT)
    assert verdict.rule == "scam-review"
    assert verdict.warning == TABLE["warnings"]["fee"]  # type: ignore[index]


def test_a_row_without_warning_leaves_none() -> None:
    table = {"rows": [{"id": "r", "families": ["scam"], "decision": "review"}]}
    assert decide(parse_policy(table), [_signal("scam.phishing")], Phase.ENDED).warning is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"rows": [{"id": "r", "families": ["scam"], "decision": "nudge", "warning": "nope"}]}, "warning 'nope'"),
        ({"rows": [], "warnings": ["x"]}, "'warnings' must map names to texts"),
        ({"rows": [], "warnings": {"a": 3}}, "'warnings' must map names to texts"),
    ],
)
def test_bad_warnings_are_policy_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_policy(table)
