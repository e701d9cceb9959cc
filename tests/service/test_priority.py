"""Queue order: phishing and take-overs first; confidence, reporters and age inside a tier."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marketguard.service.priority import AGE_RATE, case_family, is_urgent, priority, reputation


def test_urgent_beats_everything_else() -> None:
    urgent = priority("circumvention", 0.1, 0.1, 0.0, urgent=True)
    for family in ("scam", "account", "circumvention", "other"):
        assert urgent > priority(family, 1.0, 1.0, 3.0, urgent=False)
    assert is_urgent(["scam.phishing"]) and is_urgent(["account.takeover"]) and not is_urgent(["contact.email"])


def test_tiers_then_confidence_then_reporters() -> None:
    assert priority("scam", 0.8, 0.5, 0, False) > priority("circumvention", 1.0, 1.0, 3.0, False)
    assert priority("circumvention", 0.5, 0.9, 0, False) > priority("circumvention", 0.5, 0.6, 0, False)
    assert priority("other", 0.3, 0.5, 1.5, False) > priority("other", 0.3, 0.5, 0.5, False)


def test_a_day_of_waiting_outweighs_a_small_confidence_gap() -> None:
    old = priority("circumvention", 0.5, 0.6, 0, False) + 24 * 3600 * AGE_RATE
    assert old > priority("circumvention", 0.5, 0.9, 0, False)


@given(st.integers(0, 1000), st.integers(0, 1000))
def test_reputation_is_a_probability_that_learns(upheld: int, rejected: int) -> None:
    r = reputation(upheld, rejected)
    assert 0 < r < 1
    assert reputation(upheld + 1, rejected) > r > reputation(upheld, rejected + 1)


def test_new_reporters_start_neutral() -> None:
    assert reputation(0, 0) == 0.5


def test_detection_families_map_to_queues() -> None:
    assert [case_family(f) for f in ("contact", "payment", "scam", "account", "weird")] == [
        "circumvention",
        "circumvention",
        "scam",
        "account",
        "other",
    ]
