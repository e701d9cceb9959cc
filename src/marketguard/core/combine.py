"""How the two fraud layers combine: the rule pack explains, the trained model covers what rules miss.

A rule names the pattern ("an upfront fee", "renting an account") and the span that shows it; the model only
says "this reads like fraud". When a rule already explains a text, the model's signal would add a vaguer,
second verdict on the same words (and, since the model learnt rental offers as fraud too, call a rental offer
a scam). So the model's signal steps aside into `suppressed`, still printed with its probability as the
corroborating score, and the rule decides. When no rule fires, the model's signal stands alone and the
policy's `scam.model` rows decide, with a higher bar than the rules' (see `rules/policy.yaml`).

A rule that matched but was VETOED (the message reports, refuses or quotes the offer, or the company pays the
fee) sets the model aside too: those vetoes are exactly what the model cannot see, so its verdict on the same
words ("lol I just got 'I will pay you 1000$ per month for your account'. Reported.") would be the one the rule
already rejected.
"""

from __future__ import annotations

from collections.abc import Sequence

from marketguard.core.model import Signal, Suppressed

MODEL_KIND = "scam.model"
RULES_DETECTOR = "fraud.rules"
VETOED = "vetoed"
"""How a vetoed rule's `allowed_by` (and so its `Suppressed.why`) begins (`detectors/fraud/rules.py`)."""
RULE_FAMILIES = frozenset({"contact", "payment", "scam", "account"})


def defer_model(
    signals: list[Signal], suppressed: Sequence[Suppressed] = ()
) -> tuple[list[Signal], list[Suppressed]]:
    """Move the model's signals aside when a rule-pack signal (scam or account) already explains the text, or
    when a fraud rule matched the same words and was vetoed (`suppressed` entries of `fraud.rules`)."""
    if not any(s.kind == MODEL_KIND for s in signals):
        return signals, []
    explained = sorted({s.kind for s in signals if s.family in RULE_FAMILIES and s.kind != MODEL_KIND})
    if explained:
        why = f"corroborates {', '.join(explained)}: the rule that names the pattern decides"
    else:
        vetoed = [v for v in suppressed if _rule_of(v.signal) and v.why.startswith(VETOED)]
        if not vetoed:
            return signals, []
        rule = vetoed[0].signal.pack_rule or "a rule"
        why = f"set aside: {rule} matched these words and was {vetoed[0].why}"
    kept = [s for s in signals if s.kind != MODEL_KIND]
    return kept, [Suppressed(s, why) for s in signals if s.kind == MODEL_KIND]


def _rule_of(signal: Signal) -> bool:
    """The signal comes from the fraud rule pack (`fraud.rules@<version>`)."""
    return signal.detector.split("@")[0] == RULES_DETECTOR
