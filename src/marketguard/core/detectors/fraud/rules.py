"""The fraud rule pack as a detector: one finding per rule that fires, family `scam` or `account`.

The pack is data (`marketguard/rules/fraud/*.yaml`), compiled once per process. A finding spans the
passage from the first cue to the last, in the ORIGINAL text (the `plain` view maps back, so "T e l e g r a m"
and "hxxp" still match); its `value` lists each cue with its own original offsets, and its `reason` names
the rule, so every decision can be traced to the words that made it.

A rule whose cues matched but that was vetoed (the message reports or refuses the offer, quotes it, or names
the company paying) is reported too, as a finding the engine files under `suppressed` (`allowed_by` starts
with `VETOED`): the trained model, which has no such vetoes, must not flag those same words alone
(`core/combine.py`).
"""

from __future__ import annotations

from functools import lru_cache

from marketguard.core.combine import VETOED
from marketguard.core.detectors.base import Detector, DetectorConfig, DetectorInfo, Finding
from marketguard.core.rulepack import KINDS, CompiledPack, RuleHit, compile_pack, default_pack, match
from marketguard.core.text.normalize import Document


@lru_cache(maxsize=1)
def default_compiled() -> CompiledPack:
    """The packaged pack, compiled from its stored plan when the plan is current (start-up)."""
    from marketguard.core.rulepack.loader import default_sources
    from marketguard.core.rulepack.precompiled import packaged_plan

    return compile_pack(default_pack(), packaged_plan(default_sources()))


class FraudRulesDetector(Detector):
    info = DetectorInfo(
        id="fraud.rules",
        family="fraud",
        kinds=tuple(sorted(k for k in KINDS if k != "scam.lookalike_link")),
        version="1.0.0",
        description="Scam and account-trade messages, from the declarative rule pack (rules/fraud/*.yaml).",
    )

    def __init__(self, config: DetectorConfig, pack: CompiledPack | None = None) -> None:
        super().__init__(config)
        self.pack = pack or default_compiled()

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        out: list[Finding] = []
        vetoed: list[RuleHit] = []
        for hit in [*match(self.pack, view.text, vetoed), *vetoed]:
            start, end = view.span(hit.start, hit.end)
            cues = []
            for s, e in sorted(hit.cues):
                os_, oe = view.span(s, e)
                cues.append(f"{doc.text[os_:oe]!r} [{os_}:{oe}]")
            rule = hit.rule
            out.append(
                Finding(
                    kind=rule.kind,
                    score=rule.score,
                    start=start,
                    end=end,
                    value="cues: " + " + ".join(cues),
                    reason=f"rule {rule.id} ({rule.severity}): {rule.description}",
                    allowed_by=None if hit.veto is None else f"{VETOED} ({hit.veto})",
                )
            )
        return out
