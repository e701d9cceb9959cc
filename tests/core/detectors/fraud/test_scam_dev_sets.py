"""The scam development file of the blind10 round, screened by the rules alone.

`eval/fraud/messages.dev10.jsonl` holds scams and hard benign look-alikes written for this project (no evaluation
set's text), one family per cause the round found in blind10: equipment from "our approved supplier" paid back on
the first payslip, an overpayment "instead of" the right sum in Polish or Portuguese, parcels whose one label is
swapped, a share of customer payments "sent on", a "cuota de registro", a contract moved to "another client
account", a payout card to "reconfirm", an archive to open with one's e-mail password, a shortened link to "enter
your details", online-banking credentials in French, "npm install" for the test in Russian and Spanish, a "free test"
of the whole job, USDT bought with one's card "3 guna" back, "we dont use this app for interviews". Two batches: the
first (`fdev10-0001`-`0103`) was written before any change of the round, the second (`0104`-`0175`) after the
fixes; each was screened once before being tuned on (eval/fraud/BLIND10-ROUND.md). The model is off, so a miss is a
gap in the rule pack.

One benign line (`fdev10-0161`, "contract.zip ... no login needed, just unzip it") is flagged by the link layer's
attachment heuristic, not by a rule: the test pins that, so a fix of the link layer shows up here.
"""

from __future__ import annotations

from typing import Any

import pytest

from fraud_dev_sets import positives_and_benign, read_records, rules_only_screener
from marketguard import Screener

FILES = ("messages.dev10.jsonl",)
FLAGGED_BY_THE_LINK_LAYER = {"fdev10-0161"}


RECORDS = {name: read_records(name) for name in FILES}
POSITIVES, BENIGN = positives_and_benign(RECORDS)


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    return rules_only_screener()


def _strong(signals: list[Any], families: tuple[str, ...]) -> list[Any]:
    return [s for s in signals if s.family in families and s.score >= 0.6]


@pytest.mark.parametrize("name", FILES)
def test_ids_are_unique_and_every_scam_kind_but_fake_job_is_there(name: str) -> None:
    records = RECORDS[name]
    assert len({r["id"] for r in records}) == len(records)
    kinds = {r["kinds"][0] for r in records if r["labels"]}
    assert {k for k in kinds if not k.startswith("scam.")} == set()
    assert len(kinds) == 12 and "scam.fake_job" not in kinds


@pytest.mark.parametrize("record", POSITIVES, ids=[r["id"] for r in POSITIVES])
def test_every_scam_gets_a_scam_signal_from_the_rules(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    assert [s for s in _strong(signals, ("scam",)) if s.detector.startswith("fraud.rules@")], signals


@pytest.mark.parametrize("record", BENIGN, ids=[r["id"] for r in BENIGN])
def test_benign_look_alikes_get_no_scam_or_account_signal(rules_screener: Screener, record: dict[str, Any]) -> None:
    found = _strong(rules_screener.screen(record["text"]).signals, ("scam", "account"))
    if record["id"] in FLAGGED_BY_THE_LINK_LAYER:
        assert found and not [s for s in found if s.detector.startswith("fraud.rules@")], found
    else:
        assert not found, found
