"""The account development file of the blind8 round (`eval/fraud/accounts.dev3.jsonl`), screened by the rules alone.

Written for this project (no evaluation set's text): 30 account offers in the thirteen languages in words the older
sets do not use ("my country was dropped, let me in with your login", a profile "you're not touching anymore", the
owner "on paper" while the sender's team runs the account, "point your withdrawals at the card I'll DM you"), and
43 hard benign look-alikes that share their words (one's own payout method, the platform's own check done "on your own
account", a domain whose owner on paper is a company, a video interview, an invoice addressed to a company while the
payout method stays the freelancer's, a French "compte rendu", bank accounts for staff). The model is off, so a miss
is a gap in the rule pack; benign lines are checked for the account family only, as in `test_accounts_dev2.py`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marketguard import Screener, ScreenerConfig
from marketguard.core.registry import Registry

DEV3 = Path(__file__).resolve().parents[4] / "eval" / "fraud" / "accounts.dev3.jsonl"


def _records() -> list[dict[str, Any]]:
    with DEV3.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


RECORDS = _records()
POSITIVES = [r for r in RECORDS if r["labels"]]
BENIGN = [r for r in RECORDS if not r["labels"]]


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    """The rule-based layers alone: the trained scam model (when installed) is switched off."""
    model = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model)))


def test_the_file_covers_every_language_and_kind() -> None:
    langs = {"en", "es", "pt", "fr", "de", "ru", "hi", "id", "tl", "it", "pl", "tr", "ar"}
    assert {r["lang"] for r in POSITIVES} == langs
    assert {r["kinds"][0] for r in POSITIVES} == {
        "account.rental_offer",
        "account.sale",
        "account.verification_proxy",
        "account.payout_redirect",
    }
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    assert len(POSITIVES) >= 30 and len(BENIGN) >= 40


@pytest.mark.parametrize("record", POSITIVES, ids=[r["id"] for r in POSITIVES])
def test_every_account_offer_fires_its_kind(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    kind = record["kinds"][0]
    assert any(s.kind == kind and s.score >= 0.6 and s.detector.startswith("fraud.rules@") for s in signals), signals


@pytest.mark.parametrize("record", BENIGN, ids=[r["id"] for r in BENIGN])
def test_benign_look_alikes_get_no_account_signal(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    assert not [s for s in signals if s.family == "account" and s.score >= 0.6], signals
