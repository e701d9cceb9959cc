"""The rule pack explains, the model covers what rules miss: the model's signal steps aside under a rule."""

from __future__ import annotations

from marketguard import Screener
from marketguard.core.combine import MODEL_KIND, defer_model
from marketguard.core.model import Signal


def _signal(kind: str, family: str, score: float = 0.9) -> Signal:
    return Signal(kind, family, score, 0, 10, "x" * 10, None, "because", kind)


def test_model_steps_aside_when_a_rule_names_the_pattern() -> None:
    rule, model = _signal("account.rental_offer", "account"), _signal(MODEL_KIND, "scam", 0.99)
    kept, deferred = defer_model([rule, model])
    assert kept == [rule]
    assert [d.signal for d in deferred] == [model]
    assert "account.rental_offer" in deferred[0].why


def test_model_stands_alone_without_a_rule() -> None:
    model = _signal(MODEL_KIND, "scam", 0.99)
    kept, deferred = defer_model([model])
    assert kept == [model] and deferred == []


def test_a_phone_number_is_circumvention_not_a_scam() -> None:
    """The SMS-trained model reads "call <number>" as spam; the contact rule explains the text and decides."""
    result = Screener().screen("call me on +1 415 555 0198 tonight please, about the logo")
    assert result.rule == "contact-before-contract"
    assert not any(s.family == "scam" for s in result.signals)


def test_the_model_does_not_judge_a_bare_number() -> None:
    assert Screener().screen("1200").signals == ()


def test_screen_reports_the_rule_and_keeps_the_model_score_as_evidence() -> None:
    result = Screener().screen("Add my PayPal as the withdrawal method on your account and keep 15%.")
    assert any(s.family == "account" for s in result.signals)
    assert not any(s.kind == MODEL_KIND for s in result.signals)
    assert any(s.signal.kind == MODEL_KIND and "corroborates" in s.why for s in result.suppressed)
    assert result.decision.value in {"review", "block"}
