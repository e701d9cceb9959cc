"""Every example of every rule in the packaged fraud pack: one test each, named after the rule."""

from __future__ import annotations

import pytest

from marketguard.core.detectors.fraud.rules import default_compiled
from marketguard.core.rulepack.fixtures import fixture_cases, run_case

CASES = [
    pytest.param(rule_id, expected, text, id=f"{rule_id}:{'match' if expected else 'no_match'}:{text[:30]}")
    for rule_id, expected, text in fixture_cases(default_compiled())
]


def test_every_rule_has_both_kinds_of_example() -> None:
    pack = default_compiled()
    for compiled in pack.rules:
        assert compiled.rule.fixtures.match and compiled.rule.fixtures.no_match, compiled.rule.id


@pytest.mark.parametrize(("rule_id", "expected", "text"), CASES)
def test_rule_fixture(rule_id: str, expected: bool, text: str) -> None:
    result = run_case(default_compiled(), rule_id, expected, text)
    assert result.ok, f"{rule_id} {'did not fire' if expected else 'fired'} on {text!r}"


def test_every_scam_and_account_kind_has_a_rule() -> None:
    kinds = {c.rule.kind for c in default_compiled().rules}
    expected = {
        "scam.offplatform_interview",
        "scam.fake_check",
        "scam.vendor_purchase",
        "scam.upfront_fee",
        "scam.crypto_task",
        "scam.phishing",
        "scam.identity_harvest",
        "scam.money_mule",
        "scam.free_work",
        "scam.malware",
        "scam.stolen_card",
        "account.rental_offer",
        "account.sale",
        "account.verification_proxy",
        "account.payout_redirect",
    }
    assert expected <= kinds
