"""A phrase table's RE2 sets asked only when the literal words its patterns need are in the text.

Every phrase pattern needs some literal text to match: "pay (?:me )?(?:via|by|through) paypal" cannot match a
text without "pay" and "paypal" in it. RE2's FilteredRE2 works out, for each pattern, such a condition over
literal atoms (an AND/OR of substrings, lower-cased), and finds which atoms a text holds with one pass of a
set of plain literals, whose automaton is small and stays in cache. A pattern whose condition fails cannot
match (RE2's contract for "potential" matches), so when no pattern of a table passes, the table's own sets,
the costly part (three sets of look-alike alternations, their automata built state by state as texts come),
need not run: the answer is the empty list they would give.

Some patterns have no usable atoms (every alternative of a leading group is two letters, say): FilteredRE2
then names them for every text. They are run as a small set of their own when nothing else passes, so they do
not keep the whole table running. When more than one of them hits, the full sets answer, to keep the order of
the one set (`sets.SplitSet`).

The answers are exactly `Prefilter.candidates`' (`tests/core/text/test_atoms.py` compares them on every dev
line and on generated text); only the work differs. On the realistic chat corpus, three benign messages in four
name no atom of `payment.offplatform`'s patterns and one in five none of `contact.request`'s beyond the
unfiltered ones (bench/README.md, perfc).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import re2

from marketguard.core.text.prefilter import Prefilter, _utf8, options, widen
from marketguard.core.text.sets import compile_set


class AtomGatedPrefilter:
    """`candidates(text)`, as `Prefilter(patterns, case_sensitive=..., split=..., ordered=...)` answers it."""

    def __init__(
        self, patterns: Sequence[str], *, case_sensitive: bool = False, split: int = 1, ordered: bool = False
    ) -> None:
        self._full = Prefilter(patterns, case_sensitive=case_sensitive, split=split, ordered=ordered)
        opts = options()
        if case_sensitive:
            opts.case_sensitive = True
        widened = [widen(p) for p in patterns]
        atoms = re2._re2.Filter()  # the raw FilteredRE2: the wrapper converts every text and answer again
        for p in widened:
            if atoms.Add(p.encode("utf-8"), opts) < 0:
                raise ValueError(f"RE2 rejected a widened phrase pattern: {p!r}")
        if not atoms.Compile():
            raise ValueError("RE2 could not compile the phrase table's atom filter")
        self._potentials = atoms.Match
        # with no atom found, the patterns still named are the ones FilteredRE2 cannot filter
        self._always: frozenset[int] = frozenset(atoms.Match(b"", True) or ())
        self._always_index = sorted(self._always)
        self._always_set: Any = (
            compile_set([widened[i] for i in self._always_index], opts) if self._always_index else None
        )

    def candidates(self, text: str) -> list[int]:
        data = _utf8(text)
        potentials = self._potentials(data, True)
        if len(potentials) > len(self._always) or not self._always.issuperset(potentials):
            return self._full.candidates(text)  # a pattern with its atoms present: the sets decide
        if self._always_set is None:
            return []
        hits = self._always_set.Match(data) or []
        if len(hits) > 1:
            return self._full.candidates(text)  # the one set's order
        return [self._always_index[i] for i in hits]
