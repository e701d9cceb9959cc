"""How the two fraud layers combine: the rule pack explains, the trained model covers what rules miss.

A rule names the pattern ("an upfront fee", "renting an account") and the span that shows it; the model only
says "this reads like fraud". When a rule already explains a text, the model's signal would add a vaguer,
second verdict on the same words (and, since the model learnt rental offers as fraud too, call a rental offer
a scam). So the model's signal steps aside into `suppressed`, still printed with its probability as the
corroborating score, and the rule decides. When no rule fires, the model's signal stands alone and the
policy's `scam.model` rows decide, with a higher bar than the rules' (see `rules/policy.yaml`).
"""

from __future__ import annotations

from marketguard.core.model import Signal, Suppressed

MODEL_KIND = "scam.model"
RULE_FAMILIES = frozenset({"contact", "payment", "scam", "account"})


def defer_model(signals: list[Signal]) -> tuple[list[Signal], list[Suppressed]]:
    """Move the model's signals aside when a rule-pack signal (scam or account) already explains the text."""
    explained = sorted({s.kind for s in signals if s.family in RULE_FAMILIES and s.kind != MODEL_KIND})
    if not explained or not any(s.kind == MODEL_KIND for s in signals):
        return signals, []
    why = f"corroborates {', '.join(explained)}: the rule that names the pattern decides"
    kept = [s for s in signals if s.kind != MODEL_KIND]
    return kept, [Suppressed(s, why) for s in signals if s.kind == MODEL_KIND]
