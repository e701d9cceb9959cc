"""The rule pack explains, the model covers what rules miss: the model's signal steps aside under a rule."""

from __future__ import annotations

from marketguard import Screener
from marketguard.core.combine import MODEL_KIND, RULES_DETECTOR, VETOED, defer_model
from marketguard.core.model import Signal, Suppressed


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


def _rule_signal(kind: str, family: str, pack_rule: str | None = "fee.named_fee") -> Signal:
    reason = "rule fee.named_fee (high): a fee"
    return Signal(kind, family, 0.85, 0, 10, "x" * 10, None, reason, "fraud.rules@1.0.0", pack_rule=pack_rule)


def test_a_vetoed_rule_sets_the_model_aside() -> None:
    """The rule matched and was vetoed (reported, refused, quoted, company-paid): the model must not flag it alone."""
    model = _signal(MODEL_KIND, "scam", 0.99)
    vetoed = Suppressed(_rule_signal("scam.upfront_fee", "scam"), f"{VETOED} (negated in its clause)")
    kept, deferred = defer_model([model], [vetoed])
    assert kept == [] and [d.signal for d in deferred] == [model]
    assert "fee.named_fee" in deferred[0].why and "negated" in deferred[0].why


def test_the_rule_is_named_from_its_field_not_from_the_reason() -> None:
    """`reason` is prose for people: the model's note names the rule from `pack_rule`, whatever the reason says."""
    model = _signal(MODEL_KIND, "scam", 0.99)
    renamed = Suppressed(_rule_signal("scam.upfront_fee", "scam", "fee.other_name"), f"{VETOED} (quoted)")
    _, deferred = defer_model([model], [renamed])
    assert "fee.other_name matched" in deferred[0].why and "fee.named_fee" not in deferred[0].why
    unnamed = Suppressed(_rule_signal("scam.upfront_fee", "scam", None), f"{VETOED} (quoted)")
    _, deferred = defer_model([model], [unnamed])
    assert deferred[0].why.startswith("set aside: a rule matched")


def test_rule_signals_carry_their_rule_and_print_as_before() -> None:
    """The screener carries the rule's id from the pack to the signal; the printed signal keeps issue 3's fields."""
    result = Screener().screen("Message HR on Telegram to continue the interview.")
    rules = [s for s in result.signals if s.detector.startswith(RULES_DETECTOR)]
    assert rules and all(s.pack_rule and s.reason.startswith(f"rule {s.pack_rule} (") for s in rules)
    assert all(s.pack_rule is None for s in result.signals if s not in rules)
    assert all("pack_rule" not in s for s in result.to_dict()["signals"])


def test_other_suppressions_do_not_set_the_model_aside() -> None:
    """Only a vetoed fraud rule counts: an allow-listed link or another detector's suppression says nothing of fraud."""
    model = _signal(MODEL_KIND, "scam", 0.99)
    other = Suppressed(_signal("contact.url", "contact"), "example.com is on the allowed-domains list")
    not_rules = Suppressed(_signal("scam.phishing", "scam"), f"{VETOED} (quoted)")  # not from fraud.rules
    kept, deferred = defer_model([model], [other, not_rules])
    assert kept == [model] and deferred == []


def test_a_reported_quoted_offer_is_not_flagged_by_the_model() -> None:
    text = 'Got this today: "I will pay you $1000 per month to rent your account" - reported it, right?'
    result = Screener().screen(text)
    assert result.decision.value == "allow"
    assert any(s.signal.detector.startswith("fraud.rules") and s.why.startswith(VETOED) for s in result.suppressed)
    assert not any(s.family in {"scam", "account"} for s in result.signals)


def test_a_refused_fee_is_not_flagged_by_the_model() -> None:
    result = Screener().screen("I will never pay a training fee of $50 to start a job, so no thanks.")
    assert not any(s.family == "scam" for s in result.signals)


def test_the_same_offer_unreported_still_fires() -> None:
    result = Screener().screen("I will pay you $1000 per month to rent your account.")
    assert any(s.family == "account" for s in result.signals)


def test_a_rule_kept_quiet_by_work_context_does_not_silence_the_model() -> None:
    """Product or shop context ("banking app", "our customers") keeps one rule's words from misfiring; it is no
    evidence that the message is harmless, so the model still speaks there."""
    text = "The company will send you a check to buy your home office equipment. Deposit it in our banking app today."
    result = Screener().screen(text)
    assert not any(s.why.startswith(VETOED) for s in result.suppressed)
