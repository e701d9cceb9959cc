"""The scam model as a detector: one explained signal per scam-like text, nothing for work talk."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard import Screener
from marketguard.core.detectors.base import DetectorConfig
from marketguard.core.detectors.fraud.model import FLOOR, ScamModelDetector
from marketguard.core.registry import Registry
from marketguard.core.text.normalize import Document

DETECTOR = ScamModelDetector(DetectorConfig())


def test_a_scam_gets_one_signal_over_the_text_with_its_cues() -> None:
    text = "Hello dear, top up 100 USDT to unlock your tasks, the commission is paid with the deposit."
    findings = DETECTOR.detect(Document(text))
    assert len(findings) == 1
    f = findings[0]
    assert f.kind == "scam.model" and f.score >= 0.9
    assert (f.start, f.end) == (0, len(text))
    assert "top n-grams" in f.reason and "usdt" in f.reason
    assert f.value is not None and f.value.startswith("p=")


def test_work_talk_gets_nothing() -> None:
    for text in (
        "I've uploaded the revised logo files to the workroom, three colour variants and the SVG.",
        "Can we move the deadline to Friday? The client added two pages.",
        "ok thanks",
        "",
    ):
        assert DETECTOR.detect(Document(text)) == [], text


def test_small_amounts_and_real_links_in_work_talk_stay_under_the_policy_bar() -> None:
    """Model 1.1 read "25 euros" as "£1000" (every digit was `0`) and any URL as SMS spam: a paid test in
    French scored 0.98. Phrasings here are in no training or evaluation file."""
    for text in (
        "Das Probeprojekt wird mit 40 Euro bezahlt, danke!",
        "La prueba de traducción se paga 35 euros.",
        "The sample article is paid, 45 dollars, via a separate contract.",
        "Invoice 2231 paid, thanks. Total 450 USD.",
        "My portfolio: https://www.behance.net/mk_design and my Upwork profile has 30 reviews.",
    ):
        assert all(f.score < 0.5 for f in DETECTOR.detect(Document(text))), text
    # while a premium-rate prize claim, digits and all, is still read as one
    prize = "WINNER!! You have been selected for a 900 GBP prize. Call 09061701461 to claim, code KL341."
    assert DETECTOR.detect(Document(prize))[0].score >= 0.99


def test_disguised_letters_are_read_through_the_clean_view() -> None:
    plain = "Pay the $49 training fee to activate your worker ID, refunded after your first task."
    disguised = plain.replace("a", "а").replace("e", "е")  # Cyrillic а and е inside Latin words
    found = DETECTOR.detect(Document(disguised))
    assert found and abs(found[0].score - DETECTOR.detect(Document(plain))[0].score) < 0.05
    assert (found[0].start, found[0].end) == (0, len(disguised))


def test_registered_and_switchable() -> None:
    assert "scam.model" in Registry().ids
    info = Registry().get("scam.model").info
    assert info.family == "scam" and info.kinds == ("scam.model",)


def test_screener_reports_the_model_signal() -> None:
    screener = Screener(registry=Registry([ScamModelDetector]))  # alone: other layers may outrank it on overlap
    result = screener.screen("Your account will be locked. Verify your card within 24 hours to avoid suspension.")
    models = [s for s in result.signals if s.kind == "scam.model"]
    assert models and models[0].family == "scam" and models[0].detector.startswith("scam.model@")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_never_crashes_and_spans_stay_inside_the_text(text: str) -> None:
    for f in DETECTOR.detect(Document(text)):
        assert FLOOR <= f.score <= 1.0
        assert 0 <= f.start <= f.end <= len(text)
