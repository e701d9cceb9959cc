"""The scam development files of the blind10 and blind11 rounds, screened by the rules alone.

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

`eval/fraud/messages.dev11.jsonl` is the blind11 round's (eval/fraud/BLIND11-ROUND.md): 61 scams in the eight kinds
whose blind11 misses it answers (a combo order or VIP level paid in USDT, a worker-ID or mandatory-course fee, a
cheque "over" or cashed to pay "our supplier", an ID with a selfie or voice samples, a timed "npm install" test,
relabelled parcels, interviews on Signal, a contract signed with one's password elsewhere) and 60 look-alikes,
written before any change of the round and measured once then.

One benign line (`fdev10-0161`, "contract.zip ... no login needed, just unzip it") is flagged by the link layer's
attachment heuristic, not by a rule: the test pins that, so a fix of the link layer shows up here.
"""

from __future__ import annotations

from typing import Any

import pytest

from fraud_dev_sets import positives_and_benign, read_records, rules_only_screener
from marketguard import Screener

FILES = ("messages.dev10.jsonl", "messages.dev11.jsonl")
SCAM_KINDS = {"messages.dev10.jsonl": 12, "messages.dev11.jsonl": 8}
"""How many scam kinds each file covers: dev10 every one but fake_job, dev11 those of the blind11 misses."""
FLAGGED_BY_THE_LINK_LAYER = {"fdev10-0161"}


RECORDS = {name: read_records(name) for name in FILES}
POSITIVES, BENIGN = positives_and_benign(RECORDS)


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    return rules_only_screener()


def _strong(signals: list[Any], families: tuple[str, ...]) -> list[Any]:
    return [s for s in signals if s.family in families and s.score >= 0.6]


@pytest.mark.parametrize("name", FILES)
def test_ids_are_unique_and_the_file_s_scam_kinds_are_there(name: str) -> None:
    records = RECORDS[name]
    assert len({r["id"] for r in records}) == len(records)
    kinds = {r["kinds"][0] for r in records if r["labels"]}
    assert {k for k in kinds if not k.startswith("scam.")} == set()
    assert len(kinds) == SCAM_KINDS[name] and "scam.fake_job" not in kinds


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
