"""The account development files of the blind7, blind8 and blind9 rounds, screened by the rules alone.

`eval/fraud/accounts.dev2.jsonl` (blind7 round), `accounts.dev3.jsonl` (blind8 round) and `accounts.dev4.jsonl`
(blind9 round) and `accounts.dev5.jsonl` (acct10 round, rules by typology x language in `accounts_languages.yaml`)
and `accounts.dev6.jsonl` (acct11 round, shapes x 26 languages in `accounts_eleventh.yaml`) and `accounts.dev7.jsonl`
(acct12 round, blind12's causes in 21 languages, `accounts_twelfth.yaml`)
hold account offers and hard benign look-alikes written for this project (no evaluation set's text):
each of the four account kinds in the thirteen languages of the pack (dev4: in seventeen, adding Dutch, Vietnamese,
Ukrainian and Romanian, and Hindi in Devanagari as well as in Latin letters), in words the older fixtures do not
use (parting with a profile, "I take the orders, you get $300 every month", the selfie step done "for me", a payout
card linked to one the sender will text; "my country was dropped, let me in with your login", the owner "on paper"
while the sender's team runs the account, "point your withdrawals at the card I'll DM you"; someone with a local ID
sought for the check "on my account"), and the everyday talk that shares their words (the platform's own identity
check, one's own payout bank or method, a PayPal account used to pay an invoice, retainers, template shops, a domain
whose owner on paper is a company, a video interview, a French "compte rendu"). The model is off, so a miss is a gap
in the rule pack. Benign lines are checked for the account family only: the scam family's rules and model have their
own rounds (a few benign lines get a scam signal with the model on, `docs/fraud.md`).
"""

from __future__ import annotations

from typing import Any

import pytest

from fraud_dev_sets import positives_and_benign, read_records, rules_only_screener
from marketguard import Screener

FILES = (
    "accounts.dev2.jsonl",
    "accounts.dev3.jsonl",
    "accounts.dev4.jsonl",
    "accounts.dev5.jsonl",
    "accounts.dev6.jsonl",
    "accounts.dev7.jsonl",
)
LANGUAGES = {"en", "es", "pt", "fr", "de", "ru", "hi", "id", "tl", "it", "pl", "tr", "ar"}
# the blind sets reach beyond the pack's thirteen languages; the blind9 round's file covers four more
LANGUAGES_BY_FILE = {
    "accounts.dev2.jsonl": LANGUAGES,
    "accounts.dev3.jsonl": LANGUAGES,
    "accounts.dev4.jsonl": LANGUAGES | {"nl", "vi", "uk", "ro"},
    # the acct10 round's file: every language the project handles, Urdu, Bengali, Chinese, Swahili and Malay added
    "accounts.dev5.jsonl": LANGUAGES | {"nl", "vi", "uk", "ro", "ur", "bn", "zh", "sw", "ms"},
    # the acct11 round's file: those of acct10 plus Japanese, Korean, Persian and Thai
    "accounts.dev6.jsonl": LANGUAGES | {"nl", "vi", "uk", "ro", "ur", "bn", "zh", "sw", "ms", "ja", "ko", "fa", "th"},
    # the acct12 round's file: the languages of blind12's account misses and warnings, not the pack's thirteen
    "accounts.dev7.jsonl": {
        "en",
        "es",
        "de",
        "ru",
        "hi",
        "id",
        "tl",
        "tr",
        "vi",
        "uk",
        "ro",
        "ur",
        "bn",
        "zh",
        "sw",
        "ms",
        "ja",
        "ko",
        "fa",
        "th",
    },
}
# offers a file keeps that the rules still miss, each with its reason (a strict xfail: it fails once caught)
KNOWN_MISSES = {
    # "akaun verified US": "verified" serves the badge group, and the bare "US" (a pronoun in English) names no
    # country by itself
    "fadev7-0029": "Malay, the country only as a bare 'US' after 'verified'",
}
KINDS = {"account.rental_offer", "account.sale", "account.verification_proxy", "account.payout_redirect"}


RECORDS = {name: read_records(name) for name in FILES}
POSITIVES, BENIGN = positives_and_benign(RECORDS)


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    return rules_only_screener()


@pytest.mark.parametrize("name", FILES)
def test_each_file_covers_every_language_and_kind_with_unique_ids(name: str) -> None:
    positives = [r for r in RECORDS[name] if r["labels"]]
    assert {r["lang"] for r in positives} == LANGUAGES_BY_FILE[name]
    assert {r["kinds"][0] for r in positives} == KINDS
    assert len({r["id"] for r in RECORDS[name]}) == len(RECORDS[name])
    assert len(positives) >= 30 and len(RECORDS[name]) - len(positives) >= 40


def test_the_blind7_file_has_every_kind_in_every_language() -> None:
    positives = [r for r in RECORDS["accounts.dev2.jsonl"] if r["labels"]]
    assert len({(r["lang"], r["kinds"][0]) for r in positives}) == len(LANGUAGES) * len(KINDS)


def test_the_blind9_file_has_every_kind_in_every_language_and_hindi_in_both_scripts() -> None:
    positives = [r for r in RECORDS["accounts.dev4.jsonl"] if r["labels"]]
    languages = LANGUAGES_BY_FILE["accounts.dev4.jsonl"]
    assert len({(r["lang"], r["kinds"][0]) for r in positives}) == len(languages) * len(KINDS)
    hindi = [r for r in positives if r["lang"] == "hi"]
    devanagari = {r["kinds"][0] for r in hindi if any("\u0900" <= c <= "\u097f" for c in r["text"])}
    assert devanagari == KINDS


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[r["id"]]))
        if r["id"] in KNOWN_MISSES
        else r
        for r in POSITIVES
    ],
    ids=[r["id"] for r in POSITIVES],
)
def test_every_account_offer_fires_its_kind(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    kind = record["kinds"][0]
    assert any(s.kind == kind and s.score >= 0.6 and s.detector.startswith("fraud.rules@") for s in signals), signals


@pytest.mark.parametrize("record", BENIGN, ids=[r["id"] for r in BENIGN])
def test_benign_look_alikes_get_no_account_signal(rules_screener: Screener, record: dict[str, Any]) -> None:
    signals = rules_screener.screen(record["text"]).signals
    assert not [s for s in signals if s.family == "account" and s.score >= 0.6], signals
