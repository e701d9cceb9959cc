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

import re
from functools import lru_cache

from marketguard.core.combine import VETOED
from marketguard.core.detectors.base import Detector, DetectorConfig, DetectorInfo, Finding
from marketguard.core.rulepack import KINDS, CompiledPack, RuleHit, compile_pack, default_pack, match
from marketguard.core.rulepack.compiler import group_regex
from marketguard.core.rulepack.matcher import MESSAGE_VETO
from marketguard.core.rulepack.schema import CueGroup
from marketguard.core.text.normalize import Document

ASIDE_CUES = ("reporting", "company_pays")
"""Shared cues (`cues.yaml`) whose message-level veto of a rule also sets the trained model aside."""


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
        self._aside_phrases = tuple(p for name in ASIDE_CUES for p in self.pack.pack.cue(name))
        """The message-level vetoes that also rule out the model: a report or refusal, or the company paying.
        Other `unless_in_message` cues (product or shop work) only keep one rule's words from misfiring."""
        self._aside_regex: re.Pattern[str] | None = None

    def _aside(self) -> re.Pattern[str] | None:
        """Compiled on first need: a vetoed hit is rare, and the alternation cost 0.1 s of start-up."""
        if self._aside_regex is None and self._aside_phrases:
            self._aside_regex = re.compile(group_regex(CueGroup(self._aside_phrases)))
        return self._aside_regex

    def _sets_model_aside(self, hit: RuleHit, text: str) -> bool:
        if hit.veto != MESSAGE_VETO:
            return True  # negated or quoted: the passage itself is refused or reported
        aside = self._aside()
        return aside is not None and aside.search(text) is not None

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        out: list[Finding] = []
        vetoed: list[RuleHit] = []
        hits = match(self.pack, view.text, vetoed)
        for hit in [*hits, *(v for v in vetoed if self._sets_model_aside(v, view.text))]:
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
                    pack_rule=rule.id,
                )
            )
        return out
