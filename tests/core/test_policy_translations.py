"""Nudges and warnings in the users' language (`context.language`), with English where a text is missing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketguard.core.engine import Screener
from marketguard.core.model import Context, Message, Phase, Signal
from marketguard.core.policy import PolicyError, decide, parse_policy
from marketguard.core.records import message_from_dict
from marketguard.defaults import default_policy
from marketguard.errors import RecordError

SHIPPED = ("es", "pt", "fr", "de", "it", "ru")


def sig(kind: str, score: float = 0.9) -> Signal:
    return Signal(kind, kind.split(".")[0], score, 0, 4, "text", None, "why", "test@1")


def test_every_shipped_language_translates_every_nudge_and_warning_and_keeps_what_they_lose() -> None:
    policy = default_policy()
    assert set(SHIPPED) <= set(policy.translations)
    for language in SHIPPED:
        texts = policy.translations[language]
        assert set(texts.nudges) == set(policy.nudges), language
        assert set(texts.warnings) == set(policy.warnings), language
        for name, text in texts.nudges.items():
            assert text != policy.nudges[name]
            assert "Job Success Score" in text, (language, name)  # the nudge says what leaving costs


@pytest.mark.parametrize(
    ("language", "needle"),
    [("es", "protección de pagos"), ("pt-BR", "proteção de pagamento"), ("FR", "protection des paiements"),
     ("de_AT", "Zahlungsschutz"), ("ru", "защиту платежей"), ("it", "protezione dei pagamenti")],
)  # fmt: skip
def test_the_nudge_comes_in_the_users_language(language: str, needle: str) -> None:
    verdict = decide(default_policy(), [sig("contact.email")], Phase.PRE_CONTRACT, 0, language)
    assert verdict.nudge is not None and needle in verdict.nudge


@pytest.mark.parametrize("language", [None, "en", "en-GB", "ja", "zz-Latn"])
def test_english_when_there_is_no_translation(language: str | None) -> None:
    policy = default_policy()
    verdict = decide(policy, [sig("payment.offplatform")], Phase.PRE_CONTRACT, 0, language)
    assert verdict.nudge == policy.nudges["payment"]


def test_a_missing_translation_falls_back_name_by_name() -> None:
    data: dict[str, Any] = {
        "rows": [{"id": "r", "families": ["contact"], "decision": "nudge", "nudge": "a", "warning": "w"}],
        "nudges": {"a": "Stay here."},
        "warnings": {"w": "Careful."},
        "translations": {"es": {"nudges": {"a": "Quédate aquí."}}},
    }
    verdict = decide(parse_policy(data), [sig("contact.email")], Phase.PRE_CONTRACT, 0, "es")
    assert (verdict.nudge, verdict.warning) == ("Quédate aquí.", "Careful.")


@pytest.mark.parametrize(
    ("translations", "message"),
    [
        ({"es": {"nudges": {"nope": "x"}}}, r"translations.es.nudges: \['nope'\] not defined"),
        ({"es-MX": {"nudges": {"a": "x"}}}, "lower-case primary subtag"),
        ({"es": {"greetings": {}}}, "only 'nudges' and 'warnings'"),
        ({"es": {"nudges": {"a": ""}}}, "must map names to texts"),
        (["es"], "'translations' must map languages"),
    ],
)
def test_malformed_translations_are_refused_with_the_place_named(translations: Any, message: str) -> None:
    data = {"rows": [{"id": "r", "families": ["contact"], "decision": "nudge", "nudge": "a"}], "nudges": {"a": "x"}}
    with pytest.raises(PolicyError, match=message):
        parse_policy({**data, "translations": translations})


def test_the_screener_reads_the_language_from_the_context_and_the_record() -> None:
    screener = Screener()
    text = "mi correo es ana punto ruiz arroba gmail punto com"
    by_context = screener.screen(Message(text=text, context=Context(phase=Phase.PRE_CONTRACT, language="es")))
    record = message_from_dict({"text": text, "context": {"language": "es-419"}})
    by_record = screener.screen(record)
    assert by_context.nudge is not None and "Términos del servicio" in by_context.nudge
    assert by_record.nudge == by_context.nudge
    assert screener.screen(text).nudge == default_policy().nudges["contact"]


@pytest.mark.parametrize("bad", ["", "e", "español", "es-", "es--MX", 5, "x" * 80])
def test_a_malformed_language_tag_is_a_record_error(bad: Any) -> None:
    with pytest.raises(RecordError, match=r"'context\.language' must be a language tag"):
        message_from_dict({"text": "hi", "context": {"language": bad}})


@given(st.text(max_size=60))
def test_any_language_value_is_taken_or_refused_never_a_crash(value: str) -> None:
    try:
        message = message_from_dict({"text": "hi", "context": {"language": value}})
    except RecordError:
        return
    assert message.context.language == value
    decide(default_policy(), [sig("contact.email")], Phase.PRE_CONTRACT, 0, message.context.language)
