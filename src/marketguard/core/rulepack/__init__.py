"""Declarative rule packs: rules as YAML data, validated and compiled at start, matched in linear time.

schema    the records (Rule, CueGroup, Pack) and the closed vocabularies (kinds, severities)
loader    YAML text or files -> Pack, with errors naming the file and the rule
compiler  phrases -> regexes, checked for RE2 and for star height; one RE2 prefilter for the pack
matcher   a text view -> the rules that fire, with the spans of the cues that made them fire
fixtures  each rule's own positive and negative examples, run by the tests and `marketguard rules test`
"""

from marketguard.core.rulepack.compiler import CompiledPack, compile_pack
from marketguard.core.rulepack.loader import default_pack, load_pack, load_paths
from marketguard.core.rulepack.matcher import RuleHit, match
from marketguard.core.rulepack.schema import KINDS, SEVERITIES, CueGroup, Pack, Rule, RulePackError

__all__ = [
    "KINDS",
    "SEVERITIES",
    "CompiledPack",
    "CueGroup",
    "Pack",
    "Rule",
    "RuleHit",
    "RulePackError",
    "compile_pack",
    "default_pack",
    "load_pack",
    "load_paths",
    "match",
]
