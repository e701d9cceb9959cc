"""The scam development files of the langfraud round, screened by the rules alone.

`eval/fraud/messages.langs.jsonl` (Italian, Polish, Turkish, Indonesian, Tagalog(-English), Hindi in Devanagari and
romanised, Arabic, Dutch: 15 scams over the typologies and 10 hard benign look-alikes each) and
`messages.langs2.jsonl` (a second batch written after the first rules, adding Malay, Vietnamese, Ukrainian and
Romanian) hold texts written for this project from the taxonomy, never from an evaluation set. Both were measured
once at main before being tuned on (`docs/fraud.md`, "Languages beyond the six"). `messages.langs3.jsonl` (langfraud2
round, `eval/fraud/LANGS3.md`) does the same for Japanese, Chinese (simplified and traditional), Korean, Thai, Bengali,
Urdu (Arabic script and romanised), Persian and Swahili, and deepens Hindi and Malay: nine scams (one per typology)
and six or seven look-alikes per script. The model is off, so a miss is a
gap in the rule pack; the benign lines (a paid test, a rent deposit, an invoice, a bank named in passing, "I won't
move to WhatsApp", an exchange's deposit page, a report of a scam) must get no scam or account signal.
"""

from __future__ import annotations

from typing import Any

import pytest

from fraud_dev_sets import positives_and_benign, read_records, rules_only_screener
from marketguard import Screener

FILES = ("messages.langs.jsonl", "messages.langs2.jsonl", "messages.langs3.jsonl")
FIRST_LANGUAGES = {"it", "pl", "tr", "id", "tl", "hi", "ar", "nl"}


RECORDS = {name: read_records(name) for name in FILES}
POSITIVES, BENIGN = positives_and_benign(RECORDS)


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    return rules_only_screener()


def test_the_first_file_has_fifteen_scams_and_ten_look_alikes_per_language() -> None:
    records = RECORDS["messages.langs.jsonl"]
    for lang in FIRST_LANGUAGES:
        mine = [r for r in records if r["lang"] == lang]
        assert sum(bool(r["labels"]) for r in mine) == 15 and sum(not r["labels"] for r in mine) == 10, lang
    assert {r["lang"] for r in records} == FIRST_LANGUAGES


def test_the_third_file_has_one_scam_of_each_typology_per_script() -> None:
    records = RECORDS["messages.langs3.jsonl"]
    scripts = {r["category"] for r in records if r["labels"]}
    assert len(scripts) == 13
    for script in scripts:
        kinds = [r["kinds"][0].replace("lookalike_link", "phishing") for r in records if r["category"] == script]
        assert len(kinds) == 9 and len(set(kinds)) == 9, script
    assert sum(not r["labels"] for r in records) == 83


@pytest.mark.parametrize("name", FILES)
def test_ids_are_unique_and_english_is_absent(name: str) -> None:
    records = RECORDS[name]
    assert len({r["id"] for r in records}) == len(records)
    assert not {r["lang"] for r in records} & {"en", "es", "pt", "fr", "de", "ru"}


@pytest.mark.parametrize("record", POSITIVES, ids=[r["id"] for r in POSITIVES])
def test_every_scam_gets_a_scam_signal_from_the_rules(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    found = [s for s in signals if s.family == "scam" and s.score >= 0.6 and s.detector.startswith("fraud.rules@")]
    assert found, signals


@pytest.mark.parametrize("record", BENIGN, ids=[r["id"] for r in BENIGN])
def test_benign_look_alikes_get_no_scam_or_account_signal(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    assert not [s for s in signals if s.family in ("scam", "account") and s.score >= 0.6], signals
