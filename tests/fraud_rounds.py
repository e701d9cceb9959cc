"""What the blind-round rule tests count as a finding: the rule layers' own, strong enough to act on."""

from __future__ import annotations

from collections.abc import Iterable

from marketguard.core.model import Signal


def rule_scam(signals: Iterable[Signal]) -> list[Signal]:
    """Scam findings of the rule layers (not the model), strong enough for a policy row to act on (0.6)."""
    return [s for s in signals if s.family == "scam" and s.kind != "scam.model" and s.score >= 0.6]
