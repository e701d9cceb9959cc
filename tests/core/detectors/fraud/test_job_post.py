"""Job posts: records with structured fields, and the detector that weighs the post by its client."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard import Screener, ScreenerConfig
from marketguard.core.detectors.fraud import job_post
from marketguard.core.model import Kind
from marketguard.core.records import message_from_dict
from marketguard.core.registry import Registry
from marketguard.errors import RecordError


@pytest.fixture(scope="module")
def fraud_screener() -> Screener:
    """The rule-based layers alone: the trained scam model (when installed) is switched off."""
    model = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model)))


SCAM = {
    "kind": "job_post",
    "title": "Data Entry Clerk - $45/hr",
    "description": "No experience needed, immediate start. Apply by messaging our HR on Telegram @hr_desk.",
    "budget": {"amount": 45, "type": "hourly"},
    "client": {"spend": 0, "payment_verified": False, "account_age_days": 2, "country": "us"},
}


def test_a_job_post_record_is_screened_as_title_then_description() -> None:
    message = message_from_dict(SCAM)
    assert message.kind is Kind.JOB_POST and message.job is not None
    assert message.text == f"{SCAM['title']}\n\n{SCAM['description']}"
    assert message.text[message.job.description_offset :] == SCAM["description"]
    assert message.job.client.country == "US" and message.job.budget == 45 and message.job.budget_type == "hourly"
    assert "title" not in message.extra


def _job_signal(screener: Screener, record: dict[str, Any]) -> Any:
    result = screener.screen(message_from_dict(record))
    return next((s for s in result.signals if s.detector.startswith("fraud.job_post")), None)


def test_marks_and_client_facts_are_named_and_the_span_is_the_strongest_mark(fraud_screener: Screener) -> None:
    signal = _job_signal(fraud_screener, SCAM)
    assert signal is not None and signal.score >= 0.9
    assert signal.kind == "scam.offplatform_interview"
    assert signal.text.startswith("Apply by messaging our HR on Telegram")
    assert "$0 spent" in signal.reason and "no experience, immediate start" in signal.reason


def test_client_facts_raise_the_score_but_never_flag_alone(fraud_screener: Screener) -> None:
    weak = {**SCAM, "title": "Typing job", "description": "Simple typing, $35/hr. No experience needed."}
    new = _job_signal(fraud_screener, weak)
    old = _job_signal(fraud_screener, {**weak, "client": {"spend": 50_000, "payment_verified": True}})
    assert new is not None and old is not None and new.score > old.score
    honest_new = {**SCAM, "title": "Fix Django migrations", "description": "Conflicting migrations after a merge."}
    assert _job_signal(fraud_screener, honest_new) is None


def test_a_company_writing_from_a_personal_mailbox(fraud_screener: Screener) -> None:
    record = {
        "kind": "job_post",
        "title": "Typing assistant",
        "description": "Typing work, $38 per hour, start today. Email acme.hiring@gmail.com.",
        "company": "Acme Staffing LLC",
    }
    signal = _job_signal(fraud_screener, record)
    assert signal is not None and "personal gmail mailbox" in signal.reason


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"kind": "job_post"}, "missing field 'text' (or 'title'/'description')"),
        ({"kind": "job_post", "title": 3}, "field 'title' must be a string"),
        ({"kind": "job_post", "title": "t", "budget": "lots"}, "field 'budget' must be a number or an object"),
        ({"kind": "job_post", "title": "t", "budget": {"amount": 5, "type": "weekly"}}, "'fixed' or 'hourly'"),
        ({"kind": "job_post", "title": "t", "client": {"spend": -1}}, "field 'client.spend' must be a number >= 0"),
        ({"kind": "job_post", "title": "t", "client": {"payment_verified": "yes"}}, "true or false"),
        ({"kind": "job_post", "title": "t", "client": {"account_age_days": 1.5}}, "whole number"),
        ({"kind": "job_post", "title": "t", "client": {"country": "Atlantis"}}, "'client.country' must be a country"),
        ({"kind": "job_post", "title": "t", "client": {"country": 49}}, "'client.country' must be a country"),
    ],
)
def test_malformed_job_fields_are_precise_errors(record: dict[str, Any], message: str) -> None:
    with pytest.raises(RecordError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        message_from_dict(record)


_values = st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats() | st.text(max_size=10)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {"kind": st.just("job_post")},
        optional={
            "title": _values,
            "description": _values,
            "company": _values,
            "budget": _values | st.dictionaries(st.sampled_from(["amount", "type", "x"]), _values, max_size=3),
            "client": _values
            | st.dictionaries(
                st.sampled_from(["spend", "payment_verified", "account_age_days", "country", "x"]), _values, max_size=4
            ),
            "text": _values,
        },
    )
)
def test_any_job_record_parses_or_fails_with_a_record_error(record: dict[str, Any]) -> None:
    try:
        message = message_from_dict(record)
    except RecordError:
        return
    assert isinstance(message.text, str) and message.job is not None


def test_the_rule_and_the_job_post_weighing_both_explain_the_post(fraud_screener: Screener) -> None:
    result = fraud_screener.screen(message_from_dict(SCAM))
    detectors = {s.detector.split("@")[0] for s in result.signals if s.family == "scam"}
    assert {"fraud.rules", "fraud.job_post"} <= detectors  # overlapping patterns of two detectors both stay
    rule = next(
        s for s in result.signals if s.detector.startswith("fraud.rules") and s.kind == "scam.offplatform_interview"
    )
    assert "HR on Telegram" in rule.text and "/hr" not in rule.text  # the tightest passage; "$45/hr" is no HR


@pytest.mark.parametrize(
    ("pattern", "words", "examples"),
    [
        (
            job_post._OFFPLATFORM,
            job_post._OFFPLATFORM_WORDS,
            [
                "apply on telegram",
                "dm us on whatsapp",
                "text me via whats app",
                "contact signal",
                "add wechat",
                "write to our viber",
                "reach us on google chat",
                "interview on hangouts",
                "hr: t.me/@desk",
                "message wa.me/+1",
            ],
        ),
        (
            job_post._NO_EXPERIENCE,
            job_post._NO_EXPERIENCE_WORDS,
            [
                "no prior experience required",
                "without experience",
                "sin experiencia",
                "sem experiência",
                "sans expérience",
                "keine erfahrung",
                "без опыта",
            ],
        ),
        (
            job_post._IMMEDIATE,
            job_post._IMMEDIATE_WORDS,
            [
                "immediately start",
                "start right away",
                "hiring urgently",
                "urgently hiring",
                "inicio inmediato",
                "início imediato",
                "début immédiat",
                "sofortiger start",
                "сразу",
            ],
        ),
        (job_post._HOURLY, job_post._MONEY_WORDS, ["$45/hr", "usd 40 per hour", "50 usd / hour", "30$ per hr"]),
        (job_post._DAILY, job_post._MONEY_WORDS, ["$300/day", "usd 500 per day", "$1000 a day"]),
    ],
)
def test_gate_words_hold_in_every_form_the_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...], examples: list[str]
) -> None:
    """The substring gates skip a search only where it cannot match: each form matches and holds a gate word."""
    for text in examples:
        assert pattern.search(text) is not None, text
        assert job_post._holds(text, words), text
    assert not job_post._holds("we pay well for careful design work", words)


def test_client_facts_and_budget_keys_the_reader_does_not_know_are_ignored_like_unknown_fields() -> None:
    client = {"rating": 4.9, "spend": 10}
    record = {"kind": "job_post", "title": "t", "client": client, "budget": {"amount": 5, "currency": "EUR"}}
    job = message_from_dict(record).job
    assert job is not None and job.client.spend == 10 and job.budget == 5
