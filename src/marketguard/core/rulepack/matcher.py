"""A text -> the rules that fire in it, each with the spans of the cues that made it fire.

One RE2 pass over the text names the cue groups that can match; a rule whose groups are not all named
costs nothing more. For the others, each group's exact spans are found once (shared between rules) and
the rule fires when one span of every group lies inside a window of `within` characters. Then three
vetoes: a reporting phrase anywhere in the message ("is this a scam?"), since people quote scams to warn
others; a negation in the clause just before the passage ("I will never pay a registration fee"); and a
passage that lies inside quotation marks in a longer message ("the moderators see 'rent your account'
as an example"). The last two veto the passage, not the rule: a later passage may still fire.
Offsets are those of the text given (a view); the caller maps them back to the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from marketguard.core.rulepack.compiler import CompiledPack, CompiledRule
from marketguard.core.rulepack.schema import Rule
from marketguard.core.text.lazy import lazy_compile

MAX_SPANS_PER_GROUP = 32
"""Enough to find a nearby combination; a text repeating one cue a thousand times gains nothing more."""
CLAUSE_REACH = 60
"""How far back, at most, a negation is looked for before the passage."""
_CLAUSE_BREAK = lazy_compile(r"[.!?;,:\n。、]|\bbut\b|\bhowever\b|\bpero\b|\bmas\b|\bmais\b|\baber\b|\bно\b")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RuleHit:
    rule: Rule
    start: int
    end: int
    cues: tuple[Span, ...]
    """One span per cue group of the rule, in the rule's order."""
    veto: str | None = None
    """Why the rule did NOT fire although its cues matched (a reporting phrase, a negation, a quotation), or None
    for a hit. Only `match(..., vetoed=[...])` returns vetoed hits: the caller may use them to set aside a vaguer
    verdict on the same words (the trained model reading a quoted scam as a scam)."""


class GroupSpans:
    """Exact spans of each candidate group in one text, computed on first use."""

    def __init__(self, pack: CompiledPack, text: str, prefiltered: list[int] | None = None) -> None:
        """`prefiltered`: `pack.prefilter.candidates(text)`, when the caller has it already."""
        self.pack = pack
        self.text = text
        if prefiltered is None:
            prefiltered = pack.prefilter.candidates(text)
        self.candidates = {pack.trigger_groups[i] for i in prefiltered}
        """Trigger groups that may match; other groups are searched only when a rule needs them."""
        self._cache: dict[int, list[Span]] = {}

    def __call__(self, group: int) -> list[Span]:
        if group in self.pack.by_trigger and group not in self.candidates:
            return []  # the prefilter has already said no
        found = self._cache.get(group)
        if found is None:
            matches = (m.span() for m in self.pack.patterns[group].finditer(self.text) if m.end() > m.start())
            found = list(islice(matches, MAX_SPANS_PER_GROUP))
            self._cache[group] = found
        return found


def match(pack: CompiledPack, text: str, vetoed: list[RuleHit] | None = None) -> list[RuleHit]:
    """Every rule of `pack` that fires in `text` (lower-case view text), in pack order.

    When `vetoed` is a list, each rule whose cues all matched but whose every passage was vetoed is appended to
    it (with `RuleHit.veto` saying why); the returned list never holds a vetoed rule."""
    prefiltered = pack.prefilter.candidates(text)
    if not prefiltered:
        return []  # most messages: no spans object is built
    spans = GroupSpans(pack, text, prefiltered)
    tried = sorted({r for g in spans.candidates for r in pack.by_trigger.get(g, ())})
    hits: list[RuleHit] = []
    for number in tried:
        hit = match_rule(pack.rules[number], spans, keep_vetoed=vetoed is not None)
        if hit is None:
            continue
        if hit.veto is None:
            hits.append(hit)
        elif vetoed is not None:
            vetoed.append(hit)
    return hits


def match_rule(compiled: CompiledRule, spans: GroupSpans, keep_vetoed: bool = False) -> RuleHit | None:
    """The rule's hit in the text, or None. With `keep_vetoed`, a rule whose cues matched but whose passages were
    all vetoed is returned too, its first vetoed passage with `veto` set."""
    first_veto: RuleHit | None = None
    found: list[list[Span]] = []
    for group in compiled.groups:
        group_spans = spans(group)
        if not group_spans:
            return None
        found.append(group_spans)
    rule = compiled.rule
    checked_message = False
    for _ in range(_PASSAGES):
        cues = _near(found, rule.within)
        if cues is None:
            return first_veto
        start = min(s for s, _ in cues)
        end = max(e for _, e in cues)
        if not checked_message:
            veto = compiled.unless_in_message
            if veto is not None and spans.pack.patterns[veto].search(spans.text):
                if not keep_vetoed:
                    return None
                return RuleHit(rule, start, end, tuple(cues), MESSAGE_VETO)
            checked_message = True
        # A vetoed passage vetoes only its own cues: "we don't interview in this chat, our HR will WhatsApp you"
        # is negated at "interview" but not at "HR ... WhatsApp". Later spans get another chance.
        cut: int | None = None
        why = ""
        if compiled.unless is not None and _negated(spans, compiled.unless, start):
            cut, why = start + 1, "negated in its clause"
        elif not rule.in_quotes:
            quote_end = _quoted(spans.text, start, end)
            if quote_end is not None:
                cut, why = quote_end, "quoted in a longer message"
        if cut is None:
            return RuleHit(rule, start, end, tuple(cues))
        if keep_vetoed and first_veto is None:
            first_veto = RuleHit(rule, start, end, tuple(cues), why)
        found = [[s for s in group if s[0] >= cut] for group in found]
        if any(not group for group in found):
            return first_veto
    return first_veto


MESSAGE_VETO = "ruled out by the message"
"""`RuleHit.veto` of a rule vetoed by its `unless_in_message` cues (a report, a refusal, product or shop work...)."""

_PASSAGES = 3
"""How many passages a rule may try in all, each starting after the last vetoed one: enough for a refusal
followed by the real request, and bounded so a text of many negations costs little."""

_QUOTATION = lazy_compile(
    r"""(?<!\w)'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w)){2,400}?(?<=\S)'(?!\w)"""
    r"""|"[^"\n]{2,400}"|“[^”\n]{2,400}”|«[^»\n]{2,400}»|„[^“”\n]{2,400}[“”]"""
    r"""|‘(?:[^’\n]|(?<=\w)’(?=\w)){2,400}?’(?!\w)"""
)
"""A quotation: straight, curly, angle or low-high quotes on one line (an apostrophe inside a word, as in
"don't", does not end a single-quoted passage). Bounded repeats: linear on any text."""
_OUTSIDE_WORDS = 3
"""Words outside the quotation for it to count as quoted: a message that IS the quotation is not quoting."""
_QUOTED_WORDS = 3
"""Words inside it: a quoted label or term ("click 'Enable Content'", "reply 'YES'") is named, not reported."""
_WORD = lazy_compile(r"\w{2,}")


def _quoted(text: str, start: int, end: int) -> int | None:
    """The end of the quotation that holds the passage [start, end), when the message quotes it among other
    words ("Someone sent me 'rent your account for $800' - scam, right?"); None otherwise."""
    for m in _QUOTATION.finditer(text):
        if m.start() > start:
            break
        if m.start() < start and end < m.end():
            inside = len(_WORD.findall(text, m.start(), m.end()))
            outside = len(_WORD.findall(text, 0, m.start())) + len(_WORD.findall(text, m.end()))
            if inside >= _QUOTED_WORDS and outside >= _OUTSIDE_WORDS:
                return m.end()
            return None
    return None


def _near(groups: list[list[Span]], within: int) -> list[Span] | None:
    """One span per group, none inside another, all inside `within` characters; the tightest such passage.

    A small search (the nearest spans first, a bounded number of steps): one word may serve only one group,
    so "change your withdrawal method to my bank account" must give "withdrawal method" to the group that
    needs it and "bank account" to the other.
    """
    if any(not g for g in groups):
        return None
    budget = [_SEARCH_STEPS]

    def extend(chosen: list[Span], rest: list[list[Span]]) -> list[Span] | None:
        if not rest:
            return chosen
        lo = max(e for _, e in chosen) - within
        hi = min(s for s, _ in chosen) + within
        anchor = chosen[0][0]
        options = sorted((s for s in rest[0] if s[0] >= lo and s[1] <= hi), key=lambda s: abs(s[0] - anchor))
        for span in options:
            budget[0] -= 1
            if budget[0] < 0:
                return None
            if any((c[0] <= span[0] and span[1] <= c[1]) or (span[0] <= c[0] and c[1] <= span[1]) for c in chosen):
                continue  # one word serves one group; partly overlapping cues ("change your" / "your withdrawal") may
            found = extend([*chosen, span], rest[1:])
            if found is not None:
                return found
        return None

    best: list[Span] | None = None
    for anchor in groups[0]:
        found = extend([anchor], groups[1:])
        if found is not None and (best is None or _extent(found) < _extent(best)):
            best = found  # the tightest passage explains best ("$42/hr ... HR manager on Telegram")
        if budget[0] < 0:
            break
    return best


def _extent(spans: list[Span]) -> int:
    return max(e for _, e in spans) - min(s for s, _ in spans)


_SEARCH_STEPS = 4000
"""Enough for every real message; a text built to make the search explode stops here and does not fire."""


def _negated(spans: GroupSpans, group: int, start: int) -> bool:
    """A negation phrase in the clause that ends where the passage starts."""
    text = spans.text
    lo = max(0, start - CLAUSE_REACH)
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        lo = m.end()
    return spans.pack.patterns[group].search(text, lo, start) is not None
