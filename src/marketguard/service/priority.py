"""Which case a reviewer sees first: severity tier, confidence, reporter reputation and age.

Phishing and account take-overs come first (tier 3), then scams and other account abuse, then
circumvention, then the rest. Inside a tier the score grows with how sure the detection is and how
trustworthy the reporters have been, and an old case slowly rises so nothing waits for ever.

Age enters the queue order without rewriting rows: ordering by `priority - opened_epoch * AGE_RATE`
equals ordering by `priority + age * AGE_RATE` at any moment, in any database.

Reporter reputation is the mean of a Beta posterior: a new reporter starts at 0.5 and each upheld (or
dismissed) report moves them up (or down), quickly at first and then slowly.
"""

from __future__ import annotations

FAMILY_TIER = {"other": 0, "circumvention": 1, "account": 2, "scam": 2}
URGENT_KINDS = ("phishing", "takeover", "take_over", "ato")
"""Signal kinds or rules containing these words lift a case to the top tier."""
TIER_WEIGHT = 100.0
AGE_RATE = 1.0 / 3600.0
"""Priority points gained per second of waiting: one point per hour."""
REPUTATION_PRIOR = (2.0, 2.0)
"""Beta(alpha, beta) prior: a new reporter is worth 0.5, and two reports already move them noticeably."""

REPORT_REASONS = ("circumvention", "scam", "fake_or_shared_account", "other")
REASON_FAMILY = {
    "circumvention": "circumvention",
    "scam": "scam",
    "fake_or_shared_account": "account",
    "other": "other",
}
FAMILY_SEVERITY = {"scam": 0.8, "account": 0.7, "circumvention": 0.5, "other": 0.3}


def case_family(signal_family: str) -> str:
    """The case family (and queue) of a detection family: contact and payment details are circumvention."""
    if signal_family in ("contact", "payment"):
        return "circumvention"
    if signal_family in FAMILY_TIER:
        return signal_family
    if signal_family in ("fraud", "scam"):
        return "scam"
    return "other"


def is_urgent(kinds: list[str]) -> bool:
    return any(word in kind for kind in kinds for word in URGENT_KINDS)


def reputation(upheld: int, rejected: int) -> float:
    """Posterior mean of the share of this reporter's reports that reviewers upheld."""
    a, b = REPUTATION_PRIOR
    return (upheld + a) / (upheld + rejected + a + b)


def priority(family: str, severity: float, confidence: float, reporter_weight: float, urgent: bool) -> float:
    """The case's score at opening time (age is added by the queue order, see module docstring)."""
    tier = 3 if urgent else FAMILY_TIER.get(family, 0)
    return round(tier * TIER_WEIGHT + 40.0 * severity * confidence + 10.0 * min(reporter_weight, 3.0), 4)
