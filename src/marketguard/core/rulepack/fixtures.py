"""Each rule's own examples, run against the whole compiled pack: the rule must fire on every `match`
text and stay silent on every `no_match` text. Used by the test suite and `marketguard rules test`."""

from __future__ import annotations

from dataclasses import dataclass

from marketguard.core.rulepack.compiler import CompiledPack
from marketguard.core.rulepack.matcher import GroupSpans, match_rule
from marketguard.core.text.normalize import Document


@dataclass(frozen=True, slots=True)
class FixtureResult:
    rule_id: str
    expected: bool
    """True for a `match` example, False for a `no_match` one."""
    text: str
    fired: bool

    @property
    def ok(self) -> bool:
        return self.fired == self.expected


def fixture_cases(pack: CompiledPack) -> list[tuple[str, bool, str]]:
    """(rule id, should fire, text) for every example of every rule."""
    out: list[tuple[str, bool, str]] = []
    for compiled in pack.rules:
        out.extend((compiled.rule.id, True, t) for t in compiled.rule.fixtures.match)
        out.extend((compiled.rule.id, False, t) for t in compiled.rule.fixtures.no_match)
    return out


def run_case(pack: CompiledPack, rule_id: str, expected: bool, text: str) -> FixtureResult:
    """Read `text` the way the detector does (the `plain` view) and ask whether `rule_id` fires."""
    compiled = next(c for c in pack.rules if c.rule.id == rule_id)
    view = Document(text).plain
    fired = match_rule(compiled, GroupSpans(pack, view.text)) is not None
    return FixtureResult(rule_id, expected, text, fired)


def run_fixtures(pack: CompiledPack) -> list[FixtureResult]:
    return [run_case(pack, rid, expected, text) for rid, expected, text in fixture_cases(pack)]
