"""The rule pack through the screener: families, original offsets through disguise, explanations, warnings."""

from __future__ import annotations

import pytest

from marketguard import Context, Decision, Message, Phase, Screener, ScreenerConfig
from marketguard.core.detectors.base import DetectorConfig
from marketguard.core.detectors.fraud.rules import FraudRulesDetector
from marketguard.core.registry import Registry
from marketguard.core.text.normalize import Document


@pytest.fixture(scope="module")
def fraud_screener() -> Screener:
    """The rule-based layers alone: the trained scam model (when installed) is switched off."""
    model = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model)))


@pytest.mark.parametrize(
    ("text", "kind", "family"),
    [
        ("Message HR on Telegram to continue.", "scam.offplatform_interview", "scam"),
        ("Rent me your account, $1,000 a month.", "account.rental_offer", "account"),
        ("Add my Payoneer as withdrawal method on your profile.", "account.payout_redirect", "account"),
        ("Top up 100 USDT to unlock tasks.", "scam.crypto_task", "scam"),
    ],
)
def test_each_finding_takes_its_kind_family(fraud_screener: Screener, text: str, kind: str, family: str) -> None:
    result = fraud_screener.screen(text)
    signal = next(s for s in result.signals if s.kind == kind)
    assert signal.family == family
    assert signal.detector.startswith("fraud.rules@")
    assert "rule " in signal.reason and signal.value and signal.value.startswith("cues: ")


def test_disguised_text_matches_and_offsets_point_into_the_original() -> None:
    text = "Kindly message our H\u200bR on Т е l e g r a m for the interview"
    (finding,) = FraudRulesDetector(DetectorConfig()).detect(Document(text))
    assert text[finding.start : finding.end].startswith("message")
    assert text[finding.start : finding.end].endswith("m")
    assert "'Т е l e g r a m'" in (finding.value or "")


@pytest.mark.parametrize("phase", list(Phase))
def test_scams_are_never_allowed_and_the_recipient_is_warned(fraud_screener: Screener, phase: Phase) -> None:
    result = fraud_screener.screen(
        "There is a $49 training fee, refunded with your first payment.", Context(phase=phase)
    )
    assert result.decision is Decision.REVIEW
    assert result.warning and "never ask you to pay to start a job" in result.warning
    assert "scam-fee-warning" in result.rules_fired
    assert result.to_dict()["warning"] == result.warning


def test_a_confident_phishing_link_is_blocked(fraud_screener: Screener) -> None:
    result = fraud_screener.screen("Your contract is ready, sign it at upw0rk-contracts.com/offer/8812")
    assert result.decision is Decision.BLOCK and result.rule == "scam-phishing-block"
    assert result.warning and "phishing" in result.warning


def test_rental_offers_go_to_review_with_the_account_warning(fraud_screener: Screener) -> None:
    result = fraud_screener.screen(
        Message(text="Keep 30%, give me TeamViewer.", context=Context(Phase.ACTIVE_CONTRACT))
    )
    assert result.decision is Decision.REVIEW and result.rule == "account-trade"
    assert result.warning and "Renting, selling or lending an account" in result.warning


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, I won't move to WhatsApp.",
        "The test task is paid: $40 for a 300-word sample, through a milestone.",
        "Receipt: your payment of $250.00 was sent. View it at https://www.paypal.com/activity/payment/7GH12345XY",
        "Got this: 'message HR on Telegram for interview'. Is this a scam?",
        "Never pay to start a job, a real client will never ask you for a registration fee.",
    ],
)
def test_hard_negatives_get_no_scam_signal_nor_warning(fraud_screener: Screener, text: str) -> None:
    result = fraud_screener.screen(text)
    assert not [s for s in result.signals if s.family in ("scam", "account")]
    assert result.warning is None and "warning" not in result.to_dict()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Earn $400 a day rating hotel photos from home, no experience, no interview, reply YES.", "scam.fake_job"),
        ("Vendo minha conta verificada com 200 avaliações, 900 dólares.", "account.sale"),
        ("Use my Wise details as the payout method on your profile, I send your cut.", "account.payout_redirect"),
    ],
)
def test_the_pack_covers_typologies_the_first_rules_missed(fraud_screener: Screener, text: str, kind: str) -> None:
    """The rule pack now names easy-money jobs itself (`scam.fake_job`), and account trade in other phrasings."""
    assert kind in FraudRulesDetector.info.kinds
    assert any(s.kind == kind and s.detector.startswith("fraud.rules@") for s in fraud_screener.screen(text).signals)


@pytest.mark.parametrize(
    "text",
    [
        "For our scam awareness page: 'earn $400 a day from home, no interview, reply YES' is a classic fake job.",
        "Please build the KYC screen where users upload their ID card and a selfie; Figma mockup attached.",
        "The code you received by SMS is your login code, don't share it with anyone, including me.",
    ],
)
def test_talking_about_a_scam_or_building_the_product_stays_silent(fraud_screener: Screener, text: str) -> None:
    """Vetoes: a quoted or taught scam (@reporting) and product work on identity screens (@product_work)."""
    result = fraud_screener.screen(text)
    assert not [s for s in result.signals if s.family in {"scam", "account"}]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a refusal in one clause does not hide the request in the next
        (
            "We don't do interviews in this inbox; our recruiter will Telegram you tonight.",
            "scam.offplatform_interview",
        ),
        # proxy verification names the sender's own account, so it is account trade, not an identity grab
        (
            "Need someone in the US to pass the ID check on my seller profile with their passport, $90.",
            "account.verification_proxy",
        ),
        (
            "Mi tarjeta fue bloqueada, cierro el contrato y mi socio te abre uno nuevo desde su cuenta.",
            "scam.stolen_card",
        ),
        (
            "Buying 20 of your gigs at $150 each right now, don't care about delivery, accept them all fast.",
            "scam.stolen_card",
        ),
        (
            "Open a second bank account for our shop; customer money comes in and you forward it as I instruct.",
            "scam.money_mule",
        ),
    ],
)
def test_causes_of_the_second_blind_set_fire(fraud_screener: Screener, text: str, kind: str) -> None:
    signals = fraud_screener.screen(text).signals
    assert any(s.kind == kind and s.detector.startswith("fraud.rules@") for s in signals), signals


@pytest.mark.parametrize(
    "text",
    [
        # quoting a scam in a report, a lesson or a moderation queue
        "A stranger wrote 'top up 30 USDT to unlock your tasks' under my post; deleted and blocked.",
        "The moderators' guide lists 'lend me your account for $500 a month' as a typical offer.",
        "Quelqu'un voulait louer mon compte, j'ai refusé et signalé le message.",
        # a refusal phrased without "not"
        "I'll pass on the unpaid 20-page sample, a short paid one is fine by me.",
        # the client's own product charges its customers, or handles cheques, IDs and overpayments
        "The yoga studio site shows a $20 registration fee for new members at checkout.",
        "Our banking app's cheque deposit feature asks users for the front and back of the cheque.",
        "In the billing system, an overpayment stays as credit on the customer's balance instead of a refund.",
        "The malware analysis write-up covers how the .docm asks users to enable macros.",
    ],
)
def test_quotes_refusals_and_product_work_of_the_second_blind_set_stay_silent(
    fraud_screener: Screener, text: str
) -> None:
    result = fraud_screener.screen(text)
    assert not [s for s in result.signals if s.family in {"scam", "account"} and s.score >= 0.6]
