"""Several RE2 sets standing for one: the same answers, with far fewer automaton states to build."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import re2


def compile_set(patterns: Sequence[str], opts: re2.Options) -> Any:
    """One RE2 set of `patterns` (RE2 syntax), compiled: the raw set, without the wrapper's per-call work."""
    wrapper = re2.Set.SearchSet(opts)
    for p in patterns:
        wrapper.Add(p)
    wrapper.Compile()
    return getattr(wrapper, "_set", wrapper)


class SplitSet:
    """Patterns run as `groups` RE2 sets (pattern i in set i % groups) instead of one: same answers, far
    fewer automaton states to build.

    RE2 builds a set's DFA state by state as texts arrive, and a state is the combination of every
    pattern's partial progress at that byte, so the number of states grows with the product of the
    patterns' own: the screener's gate (34 patterns) still built ~1.3 new states per message after 15,000
    messages, at ~96,000 instructions each (callgrind: a quarter of the contact+payment path's instructions,
    in `re2::DFA::RunStateOnByte`, with no cache reset). Split in three, each set meets the product of a
    third of the patterns: the states to build fall far more than the extra passes over the text cost (a
    warm scan is ~1 us). Replaying the gate's own calls from the every-layer screener (5,000 messages, then
    10,000 counted) under callgrind: 78,680 instructions per call as one set, 50,750 in two, 44,080 in
    three, 47,121 in four. The phrase tables and the rule pack's prefilter gained at most 12 % in two and
    lost in three or four (and an ordered split pays for the order), so they stay whole.

    `Match` returns the same indices as one set would. When there are two or more, their order is asked of
    the set of all the patterns (built on first need, and asked about few texts: most have no hit), so a
    caller that reads the order gets the single set's order exactly; `ordered=False` (the gate, which keeps
    a frozenset) skips that.
    """

    def __init__(self, patterns: Sequence[str], opts: re2.Options, groups: int, ordered: bool = True) -> None:
        self._patterns = list(patterns)
        self._opts = opts
        count = len(self._patterns)
        groups = max(1, min(groups, count))
        self._parts = [  # (the set's bound Match, the first index it holds); the i-th hit is g + i * groups
            (compile_set(self._patterns[g::groups], opts).Match, g) for g in range(groups)
        ]
        self._groups = groups
        self._ordered = ordered
        self._whole: Any = None  # the set of every pattern, for the order of hits from several groups

    def Match(self, data: bytes) -> list[int]:  # RE2's name: a `SplitSet` stands where a raw set did
        found: list[int] = []
        step = self._groups
        for match, first in self._parts:
            hits = match(data)
            if hits:
                found += [first + step * i for i in hits]
        if self._ordered and len(found) > 1:
            whole = self._whole
            if whole is None:
                whole = self._whole = compile_set(self._patterns, self._opts)  # two threads may both: harmless
            return whole.Match(data) or []
        return found
