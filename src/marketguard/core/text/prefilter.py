"""A linear-time prefilter: which of many patterns could match a text, in one RE2 pass.

Python's `re` tries every alternative at every position, so fifty phrase patterns cost microseconds per
character. RE2 runs all of them as one automaton in linear time, but it has no look-arounds, so each
pattern is first *widened*: word boundaries become "a non-word character or the edge" (consumed, which a
yes/no question allows), other look-arounds are dropped and `\\w` becomes any non-space character, so the
widened pattern matches at least everything the original does (Unicode words included). RE2 then says
which patterns may match, and only those run in `re` to find exact spans. Widening can only add
candidates, never lose a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import re2

from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.sets import SplitSet

_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")
_WORD_START = r"(?:^|[^\pL\pN_])"
_WORD_END = r"(?:$|[^\pL\pN_])"
_BOUNDARY_LOOKAROUNDS = (
    ("(?<!\\w)", _WORD_START),
    ("(?<![^\\W\\d_])", r"(?:^|[^\pL])"),
    ("(?<!\\pL)", r"(?:^|[^\pL])"),
    ("(?!\\w)", _WORD_END),
    ("(?![^\\W\\d_])", r"(?:$|[^\pL])"),
    ("(?!\\pL)", r"(?:$|[^\pL])"),
)


def _at_branch_start(out: list[str]) -> bool:
    last = "".join(out[-3:])
    return not out or (last.endswith(("(?:", "|", "(")) and not last.endswith("\\|"))


def _boundary_lookaround(pattern: str, i: int, out: list[str]) -> tuple[str, int] | None:
    """A word-boundary look-around at `i` at the edge of a branch, as (replacement, its length)."""
    for look, replacement in _BOUNDARY_LOOKAROUNDS:
        if pattern.startswith(look, i) and _at_branch_edge(pattern, i, out, len(look)):
            return replacement, len(look)
    return None


def _at_branch_edge(pattern: str, i: int, out: list[str], length: int) -> bool:
    """Look-behinds count at the start of a branch, look-aheads at its end; elsewhere they are dropped."""
    if pattern[i + 2] == "<":
        return _at_branch_start(out)
    return pattern[i + length : i + length + 1] in ("", ")", "|")


def _in_class_after(c: str, in_class: bool) -> bool:
    """Whether a pattern is inside a character class after the (unescaped) character `c`."""
    return c != "]" if in_class else c == "["


def _closing(pattern: str, start: int) -> int:
    """Index of the parenthesis that closes the group opened at `start`."""
    depth = 0
    in_class = False
    i = start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class or c == "[":
            in_class = _in_class_after(c, in_class)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced parentheses in {pattern!r}")


def widen(pattern: str) -> str:
    """A pattern RE2 accepts that matches everywhere `pattern` matches (and perhaps more)."""
    pattern = pattern.replace(r"[^\W\d_]", r"\pL")
    out: list[str] = []
    groups: list[tuple[int, bool]] = []  # open groups: (index of "(" in pattern, a start boundary precedes it)
    i = 0
    in_class = False
    size = len(pattern)
    while i < size:
        c = pattern[i]
        if c not in _SPECIAL_CHARS:  # a run of plain characters is copied whole: they change no state here
            run = _SPECIAL.search(pattern, i)
            end = run.start() if run else size
            out.append(pattern[i:end])  # never empty, never a boundary replacement: `_at_branch_start` holds
            i = end
            continue
        if c == "(" and not in_class:  # every look-around opens with "(": skip the look-ups elsewhere
            boundary = _boundary_lookaround(pattern, i, out)
            if boundary is not None:
                replacement, length = boundary
                if not _already_bounded(pattern, i + length, groups, replacement in _STARTS):
                    out.append(replacement)  # consume one non-word character, or none at the edge of the text
                i += length
                continue
            if pattern.startswith(_LOOKAROUNDS, i):
                i = _closing(pattern, i) + 1
                continue
            starts_bounded = bool(out) and out[-1] in _STARTS
            groups.append((i, starts_bounded or (bool(groups) and groups[-1][1] and _at_branch_start(out))))
        elif c == ")" and not in_class and groups:
            groups.pop()
        if c == "\\":
            esc = pattern[i : i + 2]
            if esc == r"\b" and not in_class:
                at_start = _at_branch_start(out)
                at_edge = at_start or pattern[i + 2 : i + 3] in ("", ")", "|")
                if at_edge and not _already_bounded(pattern, i + 2, groups, at_start):
                    out.append(_WORD_START if at_start else _WORD_END)
                # a boundary in the middle of a pattern is simply dropped (which only widens)
            elif esc == r"\w":
                out.append(r"\pL\pN_" if in_class else r"\S")  # any non-space: a superset, and a small automaton
            elif esc == r"\W" and not in_class:
                out.append(r"(?s:.)")
            else:
                out.append(esc)
            i += 2
            continue
        in_class = _in_class_after(c, in_class)
        out.append(c)
        i += 1
    # Long bounded repeats ("[^.!?]{0,70}") unroll into many automaton states; an open repeat matches a
    # superset and compiles in a fraction of the time.
    widened = _LONG_REPEAT.sub(lambda m: "{" + m.group(1) + ",}", "".join(out))
    # Unicode classes make RE2's automaton several times slower; "not an ASCII letter" is a superset of "not
    # a letter" (a Cyrillic letter counts as a boundary too), which a prefilter may afford.
    for unicode_class, ascii_class in _ASCII_CLASSES:
        widened = widened.replace(unicode_class, ascii_class)
    return widened


_SPECIAL_CHARS = frozenset("()[]\\")
_SPECIAL = re.compile(r"[()\[\]\\]")
"""The characters `widen` looks at; every other one is copied as it is (start-up: `widen` runs for some 200
patterns, and stepping through them a character at a time was 5-10 % of a one-line `scan`'s Python work)."""

_STARTS = frozenset({_WORD_START, *(r for look, r in _BOUNDARY_LOOKAROUNDS if look.startswith("(?<"))})
_ENDS = (*(look for look, _ in _BOUNDARY_LOOKAROUNDS if not look.startswith("(?<")), "\\b")


def _already_bounded(pattern: str, after: int, groups: list[tuple[int, bool]], start: bool) -> bool:
    """Whether a word boundary at the edge of a branch is already consumed by one around its group.

    "(?<!\\w)(?:western\\s?union|\\bwu\\b)(?!\\w)": each boundary, widened, consumes a character, so the
    inner ones would ask for two non-word characters on each side of "wu" and miss "pay by wu". The outer
    boundary already stands where the inner one would: dropping the inner one only widens.
    """
    if not groups:
        return False
    opened, bounded_before = groups[-1]
    if start:
        return bounded_before
    if pattern[after : after + 1] not in (")", "|"):
        return False
    close = _closing(pattern, opened)
    return pattern.startswith(_ENDS, close + 1)


_ASCII_CLASSES = (
    (r"[^\pL\pN_]", r"[^a-z0-9_]"),
    (r"[^\pL]", r"[^a-z]"),
)


_LONG_REPEAT = lazy_compile(r"\{(\d+),(\d{2,})\}")


_last: tuple[str, bytes] = ("", b"")


def _utf8(text: str) -> bytes:
    """UTF-8 of `text`, remembered for the last text: several hints in a row read the same view."""
    global _last
    cached = _last  # one read: another thread may replace the pair, never half of it
    if cached[0] is text:
        return cached[1]
    data = text.encode("utf-8", "surrogatepass")
    _last = (text, data)
    return data


def options() -> re2.Options:
    """RE2 options of every prefilter: case-insensitive, and room for the DFA cache."""
    opts = re2.Options()
    opts.case_sensitive = False
    opts.max_mem = 256 << 20  # a budget, not an allocation: room for the DFA cache keeps scans fast
    return opts


_options = options


class Prefilter:
    """`candidates(text)` -> indices of the patterns that may match `text` (case-insensitive)."""

    def __init__(
        self,
        patterns: Sequence[str],
        *,
        ready: bool = False,
        case_sensitive: bool = False,
        split: int = 1,
        ordered: bool = False,
    ) -> None:
        """`ready`: the patterns are RE2 patterns already (a superset the caller built), not widened here.
        `case_sensitive`: match case as the `re` patterns it stands for do (they have no IGNORECASE). Right for
        a set asked only about lower-case views: RE2 then adds no upper-case twin for each range, which halved
        the compile of the rule pack's set (1.32 G instructions of start-up, callgrind); and needed for a
        pattern that looks for capitals.
        `split`: run the patterns as that many RE2 sets (`sets.SplitSet`, fewer automaton states to build); the
        same indices come back, in no particular order, unless `ordered`: then in the one set's order (a text with
        hits from two or more sets is asked again of the set of all the patterns, `sets.SplitSet`)."""
        opts = _options()
        if case_sensitive:
            opts.case_sensitive = True
        widened = [p if ready else widen(p) for p in patterns]
        if split > 1:
            self._set: Any = SplitSet(widened, opts, split, ordered=ordered)
            return
        wrapper = re2.Set.SearchSet(opts)
        for p in widened:
            wrapper.Add(p)
        wrapper.Compile()
        self._set = getattr(wrapper, "_set", wrapper)  # the compiled set, without the wrapper's per-call work

    def candidates(self, text: str) -> list[int]:
        return self._set.Match(_utf8(text)) or []


class Hint:
    """`hint(text)` is False only when `pattern` cannot match `text`: a cheap gate before costly work."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        # A one-pattern set, not a compiled RE2: a yes/no needs no match offsets, and the set's Match takes
        # bytes alone, where RE2.Match converts an anchor enum and builds group spans (three times the cost).
        self._prefilter = Prefilter([pattern])

    def __call__(self, text: str) -> bool:
        return bool(self._prefilter.candidates(text))


class Pruned:
    """A large alternation run with only the parts RE2 finds in the text.

    Python's `re` tries every branch of an alternation at every position: forty rail names or a hundred
    digit words cost tens of microseconds per message even when one of them occurs. A part that cannot
    match anywhere in the text (its widened `probe` says so, in one RE2 pass for all parts) can be left out
    without changing any match: it could not have won at any position. `build` writes the regex of a
    subset of the parts (keeping their order, which decides between branches that match at one place);
    each subset met is compiled once and remembered.
    """

    def __init__(
        self, parts: Sequence[str], build: Callable[[Sequence[int]], str], probe: Callable[[str], str] | None = None
    ) -> None:
        self._build = build
        self._probes = [probe(p) if probe else p for p in parts]
        self._prefilter: Prefilter | None = None  # built on first use: start-up need not pay for it
        self.pattern = re.compile(build(range(len(parts))))
        """The whole alternation, for callers that need it as a plain pattern."""

    def for_text(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the parts that may match `text`; None when none can."""
        prefilter = self._prefilter
        if prefilter is None:
            prefilter = self._prefilter = Prefilter(self._probes)  # two threads may both build it: harmless
        found = prefilter.candidates(text)
        return self._compiled(tuple(sorted(found))) if found else None

    @lru_cache(maxsize=2048)  # noqa: B019 - one Pruned per pattern family, alive as long as the module
    def _compiled(self, parts: tuple[int, ...]) -> re.Pattern[str]:
        return re.compile(self._build(parts))
