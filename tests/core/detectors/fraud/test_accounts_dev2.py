"""The account development file of the blind7 round (`eval/fraud/accounts.dev2.jsonl`), screened by the rules alone.

The file holds account offers and hard benign look-alikes written for this project (no evaluation set's text): each
of the four account kinds in thirteen languages in words the older fixtures do not use (parting with a profile,
"I take the orders, you get $300 every month", the selfie step done "for me", a payout card linked to one the
sender will text), and the everyday talk that shares their words (the platform's own identity check, one's own
payout bank, a PayPal account used to pay an invoice, retainers for a shop, template shops). The model is off, so
a miss is a gap in the rule pack. Benign lines are checked for the account family: the scam family's rules and
model have their own rounds (three benign lines here get a scam signal with the model on, `docs/fraud.md`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marketguard import Screener, ScreenerConfig
from marketguard.core.registry import Registry

DEV2 = Path(__file__).resolve().parents[4] / "eval" / "fraud" / "accounts.dev2.jsonl"


def _records() -> list[dict[str, Any]]:
    with DEV2.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


RECORDS = _records()
POSITIVES = [r for r in RECORDS if r["labels"]]
BENIGN = [r for r in RECORDS if not r["labels"]]


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    """The rule-based layers alone: the trained scam model (when installed) is switched off."""
    model = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model)))


def test_the_file_covers_every_kind_in_every_language() -> None:
    kinds = {(r["lang"], r["kinds"][0]) for r in POSITIVES}
    langs = {r["lang"] for r in POSITIVES}
    assert len(langs) == 13
    assert len(kinds) == 13 * 4
    assert len(POSITIVES) >= 40 and len(BENIGN) >= 40


@pytest.mark.parametrize("record", POSITIVES, ids=[r["id"] for r in POSITIVES])
def test_every_account_offer_fires_its_kind(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    kind = record["kinds"][0]
    assert any(s.kind == kind and s.score >= 0.6 and s.detector.startswith("fraud.rules@") for s in signals), signals


@pytest.mark.parametrize("record", BENIGN, ids=[r["id"] for r in BENIGN])
def test_benign_look_alikes_get_no_account_signal(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    assert not [s for s in signals if s.family == "account" and s.score >= 0.6], signals
