"""Phrases -> regexes, checked so that no rule can make screening slower than linear.

Phrase syntax (case does not matter; views are lower-case):

    hiring manager      words in order, separated by 1-3 non-word characters ("hiring-manager" too); a vowel,
                        "c", "n" or Russian "е" also matches its accented forms ("deposit*": "deposítalo")
    verif*              a word stem: "verify", "verification", "verified"
    pay ~ fee           `~` stands for up to three words in between ("pay the registration fee")
    re:\\$\\s?\\d+        a raw regular expression (see below), used as written

Word phrases are matched as whole words, except on a side that ends in a script written without spaces
(Chinese, Japanese, Korean, Thai: "研修費" matches inside "研修費をお振込み", see `_unspaced`).
A raw expression must compile both in Python `re` (which finds exact spans) and in RE2 (which screens the
whole pack in one linear pass), and must have star height 1: no
repeat inside a repeat, and no alternation inside a repeat, since that is where backtracking explodes.
Each cue group becomes ONE alternation; one RE2 set over every group of the pack says which groups can
match a text, and only those run in `re` (see `marketguard.core.text.prefilter`).
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib parser, to inspect structure
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import re2

from marketguard.core.rulepack.schema import CueGroup, Pack, Rule, RulePackError
from marketguard.core.text.confusables import latin_lookalikes
from marketguard.core.text.prefilter import Prefilter, widen

_SEPARATOR = r"\W{1,3}"
_GAP = r"\W{1,3}(?:\w{1,24}\W{1,3}){0,3}"
_STEM = r"\w{0,24}"
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None))


_FOLDS = ("aáàâã", "eéèêë", "iíìîï", "oóòôõ", "uúùû", "cç", "nñ", "её")
_FOLD = {ch: "[" + group + "]" for group in _FOLDS for ch in group}
"""Letters that a writer may or may not accent: "deposítalo" and "alquílame" put an accent on the stem that
a phrase spells plain, and "transferez" drops the one it spells; Russian writes "е" for "ё". German umlauts
are letters of their own ("händler" is not "handler") and are not folded."""


_FOLD_TABLE = str.maketrans(_FOLD)

_LEET = {"a": "@4", "e": "3", "i": "1", "l": "1", "o": "0", "s": "$5"}
_INNER = dict(_FOLD)
for _base, _signs in _LEET.items():
    _group = next((g for g in _FOLDS if _base in g), _base)
    _INNER.update({ch: "[" + _group + _signs + "]" for ch in _group})
_INNER_TABLE = str.maketrans(_INNER)
"""Inside a word (never its first letter) a letter also matches the digit or sign that disguises it:
"Telegr@m", "P@yoneer", "acc0unts", "unl0ck", "U$DT", "verificati0n", "buy1ng". The first letter stays as
it was, so the pack's dispatch on first letters (`_word_alternation`) and its cost do not change, and a
number at a word start is never read as a word."""


def _literal(word: str) -> str:
    """A word of a phrase as a regex: escaped, with each foldable letter matching its accented forms too,
    and inside the word its disguises (`_INNER_TABLE`).

    `re.escape` leaves letters alone, so folding after escaping is the same as escaping letter by letter, in
    C-level passes: start-up compiles some 50,000 words."""
    escaped = re.escape(word)
    head = 2 if escaped.startswith("\\") else 1
    return escaped[:head].translate(_FOLD_TABLE) + escaped[head:].translate(_INNER_TABLE)


def _as_viewed(word: str) -> str:
    """A phrase word as the `plain` view writes it: the view turns a non-Latin word made only of letters that
    look Latin into Latin ("с" -> "c", "его" -> "ero", `core/text/clean.py`), so a Russian cue word such as
    "с" in "с двух сторон" must be spelled so too, or it never matches. Stems are left alone: the view maps
    whole words, and "сер*" may stand for a word it leaves Cyrillic."""
    if word.isascii():
        return word
    word = _viewed_letters(word)
    if word.endswith("*"):
        return word
    table = latin_lookalikes()
    if not all(c in table for c in word):
        return word
    mapped = [table[c] for c in word]
    return "".join(mapped) if all(len(c) == 1 for c in mapped) else word


_DROPPED_BY_VIEW = frozenset({"Mn", "Me", "Cf"})
"""Categories the `clean` view drops (`clean._fold`): Devanagari vowel signs and viramas, Arabic harakat and
shadda, joiners. A phrase keeping them could never match the view: "भेजिए" is viewed "भजिए", "شغّل" "شغل"."""


def _viewed_letters(word: str) -> str:
    """A phrase word with the letters the view drops dropped, and the Turkish dotless "ı" read as "i" as the
    view reads it (`clean._deconfuse`), so cue words may be written as a native speaker spells them."""
    if "ı" in word:
        word = word.replace("ı", "i")
    if any(unicodedata.category(c) in _DROPPED_BY_VIEW for c in word):
        word = "".join(c for c in word if unicodedata.category(c) not in _DROPPED_BY_VIEW)
    if not unicodedata.is_normalized("NFKC", word):
        # the view folds each character by NFKC, which splits some letters: Thai "ำ" becomes "ํา", a Devanagari
        # letter with nukta its letter and the sign; a phrase must be split the same way to match
        word = "".join(unicodedata.normalize("NFKC", c) for c in word)
    return word


@lru_cache(maxsize=65536)
def phrase_regex(phrase: str) -> str:
    """The regex of one phrase (see the module docstring for the syntax); remembered, since many groups share
    phrases and start-up compiles every group."""
    if phrase.startswith("re:"):
        return f"(?:{phrase[3:]})"
    parts: list[str] = []
    for word in map(_as_viewed, phrase.lower().split()):
        if not word.rstrip("*"):
            raise ValueError(f"{phrase!r}: a word made only of marks the text view drops can never match")
        if word == "~":
            if not parts or parts[-1] in (_SEPARATOR, _GAP):
                raise ValueError("'~' must stand between two words")
            parts.append(_GAP)
            continue
        if parts and parts[-1] != _GAP:
            parts.append(_SEPARATOR)
        stem = word.endswith("*") and len(word) > 1
        parts.append(_literal(word[:-1] if stem else word) + (_STEM if stem else ""))
    if not parts or parts[-1] == _GAP:
        raise ValueError("'~' must stand between two words")
    return "".join(parts)


def group_regex(group: CueGroup) -> str:
    """One alternation for a cue group: word phrases as whole words, raw expressions as written.

    The word phrases are tried longest first, as `(?<!W)(?:A|B|...)(?!W)` would (W: a word character of a script
    written with spaces, `SPACED_WORD_AHEAD`); they are written so that `re` rejects most positions cheaply (see
    `_word_alternation`), with exactly the same matches.
    """
    words = [p for p in group.phrases if not p.startswith("re:") and not _unspaced(p)]
    unspaced = [p for p in group.phrases if not p.startswith("re:") and _unspaced(p)]
    raws = [phrase_regex(p) for p in group.phrases if p.startswith("re:")]
    branches = []
    if words:
        branches.append(_word_alternation(words))
    if unspaced:
        branches.append(_unspaced_alternation(unspaced))
    branches.extend(raws)
    return "(?:" + "|".join(branches) + ")"


_UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul jamo
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)
"""Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) or gluing particles
to them (Korean "교육비를", "카카오톡으로"): the characters around a phrase are letters of the same script, so a
whole-word boundary there would never let the phrase match ("研修費" in "研修費をお振込み")."""


_SPACED_ABOVE = (
    (0x10A0, 0x10FF),  # Georgian
    (0x1200, 0x13FF),  # Ethiopic, Cherokee
    (0x1C80, 0x1CBF),  # Cyrillic extended C, Georgian extended
    (0x1D00, 0x1FFF),  # phonetic extensions, Latin extended additional (Vietnamese), Greek extended
    (0x2C00, 0x2D2F),  # Glagolitic, Latin extended C, Coptic, Georgian supplement
    (0x2DE0, 0x2DFF),  # Cyrillic extended A
    (0xA640, 0xA69F),  # Cyrillic extended B
    (0xA720, 0xA7FF),  # Latin extended D
    (0xAB30, 0xABBF),  # Latin extended E, Cherokee supplement
    (0xFB00, 0xFDFF),  # alphabetic and Arabic presentation forms
    (0xFE70, 0xFFEF),  # Arabic presentation forms B, half- and full-width forms
)
"""The blocks at or above U+0E00 that hold letters of scripts written with spaces (every script below U+0E00 is)."""

_GLUE = "[^\\x00-\\u0dff" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _SPACED_ABOVE) + "]"
"""A character that never joins a spaced word: one at or above U+0E00 outside `_SPACED_ABOVE`, i.e. of a script
written without spaces (`_UNSPACED_RANGES`, and the rare scripts between them). Written as a class of what it is
NOT on purpose: Python `re` spends a loop step per code point of each range in a class when it compiles it, so
the no-space ranges themselves (45,000 code points) cost 2 ms per use, in every group regex of every process,
where this class costs a tenth of that."""

SPACED_WORD_AHEAD = f"(?:(?!\\w)|(?={_GLUE}))"
"""At a position not followed by a word character of a script written with spaces: the only kind that joins a
whole word to its neighbour. A Latin word glued to a no-space script ("LINEで", "WhatsApp上", "텔레그램으로",
"Telegram으로") is still a word."""

SPACED_WORD_BEHIND = f"(?:(?<!\\w)|(?<={_GLUE}))"
"""The same, looking back."""


def _is_unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _UNSPACED_RANGES)


def _unspaced(phrase: str) -> bool:
    """Whether a word phrase begins or ends in a script written without spaces: it is matched without the
    whole-word boundary on that side (`_unspaced_alternation`)."""
    words = phrase.lower().split()
    return bool(words) and (_is_unspaced(words[0][0]) or _is_unspaced(words[-1].rstrip("*")[-1:] or " "))


def _unspaced_regex(phrase: str) -> str:
    """One phrase of a no-space script: the whole-word boundary kept only on a side that ends in a spaced script
    ("usdt充值" needs a boundary before "u", none after "值")."""
    words = phrase.lower().split()
    first, last = words[0][0], words[-1][-1]
    left = "" if _is_unspaced(first) else SPACED_WORD_BEHIND
    right = "" if last == "*" or _is_unspaced(last) else SPACED_WORD_AHEAD
    return left + phrase_regex(phrase) + right


def _unspaced_alternation(phrases: list[str]) -> str:
    """The no-space phrases of a group, longest first, behind a look-ahead on their first characters, so that
    `re` skips any other position in C. Kept apart from `_word_alternation`, so a group without such phrases
    compiles to exactly the regex it always had."""
    regexes = sorted((_unspaced_regex(p) for p in phrases), key=lambda r: -len(r))
    firsts = sorted({ch for p in phrases for ch in _letters(_literal(_as_viewed(p.lower().split()[0])[0]))})
    return "(?=[" + "".join(re.escape(ch) for ch in firsts) + "])(?:" + "|".join(regexes) + ")"


def _word_alternation(phrases: list[str]) -> str:
    """Whole-word phrases, longest regex first, dispatched on their first letter.

    A group holds a couple of hundred phrases, and `re` tried every one at every word start: most of the rule
    pack's time. Here the pattern opens with a class of the phrases' first letters (so `re` skips any other
    character in C, without entering the pattern), checks the word boundary behind that letter, and then tries
    only the phrases that begin with it. Phrases with different first letters never match at one position (the
    accent folds are disjoint classes), and those with the same keep their order: leftmost-first `re`
    semantics pick the same match as the plain alternation.
    """
    # (regex, token of its first letter), in the plain alternation's order (a stable sort, longest first)
    firsts = (_literal(_as_viewed(p.lower().split()[0])[0]) for p in phrases)
    pairs = sorted(zip((phrase_regex(p) for p in phrases), firsts, strict=True), key=lambda r: -len(r[0]))
    by_first: dict[str, list[str]] = {}
    for regex, first in pairs:
        if not regex.startswith(first):
            raise ValueError(f"phrase regex {regex!r} does not start with {first!r}")  # a compiler bug, not a rule's
        by_first.setdefault(first, []).append(regex[len(first) :])
    letters = "".join(re.escape(ch) for first in by_first for ch in _letters(first))
    dispatch = "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return rf"[{letters}](?:(?<!\w[\s\S])|(?<={_GLUE}[\s\S]))(?:{dispatch}){SPACED_WORD_AHEAD}"


def _letters(token: str) -> str:
    """The characters a first-letter token of `_literal` matches: a fold class, or one escaped character."""
    return token[1:-1] if token.startswith("[") else re.sub(r"\\(.)", r"\1", token, flags=re.S)


@lru_cache(maxsize=65536)
def phrase_hint(phrase: str) -> str:
    """A literal form of a word phrase for the RE2 prefilter: the words with simple separators, cut at a stem
    or a gap (the longer side kept). Every text the phrase matches contains it."""
    runs: list[list[str]] = [[]]
    for word in map(_as_viewed, phrase.lower().split()):
        if not word.rstrip("*"):
            raise ValueError(f"{phrase!r}: a word made only of marks the text view drops can never match")
        if word == "~":
            runs.append([])
            continue
        runs[-1].append(word.rstrip("*") if len(word) > 1 else word)
        if word.endswith("*") and len(word) > 1:
            runs.append([])  # a stem ends the literal run
    best = max((r for r in runs if r), key=lambda r: sum(map(len, r)))
    return _HINT_SEPARATOR.join(map(_literal, best))


_HINT_SEPARATOR = "[^a-z0-9_]+"
"""Between the words of a hint: a superset of the exact regexes' `\\W{1,3}` (no character of `\\W` is a-z, a
digit or "_"). Not `{1,3}`: RE2 writes a negated class as every UTF-8 sequence of the characters it holds,
each copy of it is an instruction list that the set's byte map walks range by range, and the pack's hints hold
7,268 separators; three copies of each were two thirds of the prefilter's compile at start-up. The loop keeps one
copy. The prefilter stays a superset (its candidates on the 20,000-line bench corpus are the same groups)."""


def group_hint(group: CueGroup) -> str:
    """What the RE2 prefilter looks for: each word phrase as a literal at a word start, raw expressions widened.

    Ready for RE2: the literal runs need no widening (`widen` leaves them as they are, a test says so), and
    widening only the raw expressions saved a fifth of start-up's rule-pack compile.

    The exact group regexes, with stems and gaps widened to "any non-space", made RE2's automaton so large that
    it was rebuilt for every new message; literal runs keep it small, and still find every candidate.
    """
    words = sorted({phrase_hint(p) for p in group.phrases if not p.startswith("re:") and not _unspaced(p)})
    unspaced = sorted({phrase_hint(p) for p in group.phrases if not p.startswith("re:") and _unspaced(p)})
    raws = [widen(f"(?:{p[3:]})") for p in group.phrases if p.startswith("re:")]
    hint = f"(?:^|[^a-z0-9_])(?:{'|'.join(words)})" if words else ""
    loose = f"(?:{'|'.join(unspaced)})" if unspaced else ""  # no word start to look for in a no-space script
    return "|".join([h for h in (hint, loose) if h] + raws)


def _check_raw(phrase: str) -> None:
    body = phrase[3:]
    try:
        re.compile(body)
    except re.error as exc:
        raise ValueError(f"raw expression {body!r} does not compile: {exc}") from exc
    try:
        re2.compile(widen(f"(?:{body})"))
    except Exception as exc:  # google-re2 raises its own error type, not exported under one name
        raise ValueError(f"raw expression {body!r} is not RE2-compatible (no back-references): {exc}") from exc
    if _star_height(sre_parse.parse(body)) > 1:
        raise ValueError(f"raw expression {body!r} repeats a repeat or an alternation: backtracking risk")


def _star_height(parsed: Any, inside_repeat: bool = False) -> int:
    """1 + the depth of nested repeats; an alternation inside a repeat counts as a repeat."""
    height = 0
    for op, arg in parsed:
        if op in _REPEATS:
            if arg[1] == 1:  # an optional part ("?") repeats nothing
                height = max(height, _star_height(arg[2], inside_repeat))
                continue
            inner = _star_height(arg[2], True)
            height = max(height, 1 + inner)
        elif op is sre_parse.BRANCH:
            own = 1 if inside_repeat and len(arg[1]) > 1 else 0
            height = max([height, own, *(own + _star_height(b, inside_repeat) for b in arg[1])])
        elif op is sre_parse.SUBPATTERN:
            height = max(height, _star_height(arg[-1], inside_repeat))
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            height = max(height, _star_height(arg[1], inside_repeat))
    return height


class LazyPatterns:
    """The exact group regexes, compiled on first use: most groups are never needed by a given process
    (a message reaches them only through the prefilter), and compiling them all cost a third of a second
    at start-up. Two threads may compile one pattern twice; both get an equal pattern.

    A regex is written on first use too when the plan came from the stored file (`precompiled`), which holds
    no regexes: `groups[i]` is a cue group of index i, and `group_regex` of it is the regex `plan_pack` wrote
    (groups share an index only when their regexes are equal). Reading the 5.6 MB of stored regexes cost
    more at start-up than writing the few a process needs."""

    def __init__(self, sources: Sequence[str], groups: Sequence[CueGroup] = ()) -> None:
        self._sources: list[str | None] = list(sources) or [None] * len(groups)
        self._groups = tuple(groups)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def source(self, index: int) -> str:
        """The exact regex of group `index`."""
        source = self._sources[index]
        if source is None:
            source = self._sources[index] = group_regex(self._groups[index])
        return source

    @property
    def sources(self) -> tuple[str, ...]:
        """Every group's regex (all written now: for tests and tools, not screening)."""
        return tuple(self.source(i) for i in range(len(self)))

    def __getitem__(self, index: int) -> re.Pattern[str]:
        pattern = self._compiled[index]
        if pattern is None:
            pattern = self._compiled[index] = re.compile(self.source(index))
        return pattern

    def compile_all(self) -> int:
        """Compile every regex not compiled yet; returns how many (a long-running service does this in a
        background thread rather than in the requests that first need each one)."""
        missing = [i for i, pattern in enumerate(self._compiled) if pattern is None]
        for index in missing:
            self[index]
        return len(missing)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    groups: tuple[int, ...]
    """Indices into `CompiledPack.patterns` of the rule's `all` groups, in order."""
    unless: int | None
    unless_in_message: int | None


@dataclass(frozen=True, slots=True)
class CompiledPack:
    pack: Pack
    rules: tuple[CompiledRule, ...]
    patterns: LazyPatterns
    prefilter: Prefilter
    """Over the trigger groups only (`trigger_groups[i]` is the group of prefilter pattern i): the fewer and
    rarer the literals, the smaller RE2's automaton and the cheaper a message nobody needs to read twice."""
    trigger_groups: tuple[int, ...]
    by_trigger: dict[int, tuple[int, ...]]
    """Group index -> indices of the rules whose rarest group it is: only those rules are tried when the
    prefilter names it, so a message with common words ("your", "pay") does not try every rule."""


_COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "as",
        "is",
        "it",
        "be",
        "we",
        "i",
        "me",
        "my",
        "our",
        "you",
        "your",
        "this",
        "that",
        "with",
        "from",
        "for",
        "and",
        "or",
        "have",
        "what",
        "tell",
        "will",
        "send",
        "share",
        "give",
        "provide",
        "need",
        "keep",
        "buy",
        "order",
        "pay",
        "paid",
        "use",
        "get",
        "add",
        "set",
        "put",
        "install",
        "download",
        "open",
        "run",
        "do",
        "make",
        "finish",
        "complete",
        "design",
        "deliver",
        "build",
        "write",
        "verify",
        "confirm",
        "update",
        "check",
        "start",
        "first",
        "new",
    ]
)
"""Everyday words: a group whose phrases may consist of them alone is a poor trigger."""


def _rarity(group: CueGroup) -> int:
    """How rare a group's matches are likely to be: over its phrases, the least of each phrase's longest
    uncommon word (raw expressions such as amounts count as common)."""
    lengths = [
        max((len(w.rstrip("*")) for w in p.lower().split() if w != "~" and w.rstrip("*") not in _COMMON), default=0)
        if not p.startswith("re:")
        else 2
        for p in group.phrases
    ]
    return min(lengths)


@dataclass(frozen=True, slots=True)
class PackPlan:
    """Everything compiling a pack works out in Python before RE2: plain strings and indices.

    Working it out is most of the pack's start-up (escaping and folding some 50,000 words, checking raw
    expressions), and it depends only on the rule files and this compiler, so the packaged pack's plan is
    stored beside it (`precompiled`) and read back instead of recomputed."""

    sources: tuple[str, ...]
    """The exact regex of each cue group (groups with equal phrases share one); empty in a stored plan."""
    hints: tuple[str, ...]
    """The RE2 prefilter pattern of each group, by the same index ("" for a non-trigger group in a stored plan)."""
    rules: tuple[tuple[tuple[int, ...], int | None, int | None], ...]
    """Per rule: its `all` groups, its `unless` group and its `unless_in_message` group."""
    trigger_groups: tuple[int, ...]
    by_trigger: dict[int, tuple[int, ...]]

    def stored(self) -> PackPlan:
        """The plan as `precompiled` stores it: no regexes (`LazyPatterns` writes each on first use) and the
        prefilter patterns of the trigger groups only (the others are never compiled). Reading 15.8 MB of JSON
        for them was a fifth of `marketguard scan`'s start-up."""
        triggers = set(self.trigger_groups)
        hints = tuple(h if g in triggers else "" for g, h in enumerate(self.hints))
        return PackPlan((), hints, self.rules, self.trigger_groups, self.by_trigger)


def _groups_by_index(pack: Pack, plan: PackPlan) -> list[CueGroup]:
    """A cue group of each group index of `plan`, walked in `plan_pack`'s order."""
    found: dict[int, CueGroup] = {}
    for rule, (groups, unless, in_message) in zip(pack.rules, plan.rules, strict=True):
        pairs = [*zip(groups, rule.all, strict=True), (unless, rule.unless), (in_message, rule.unless_in_message)]
        for index, group in pairs:
            if index is not None and group is not None:
                found.setdefault(index, group)
    return [found[i] for i in range(len(plan.hints))]


def plan_pack(pack: Pack) -> PackPlan:
    """Compile every cue group once (groups shared between rules are compiled once too) and pick each rule's
    trigger: the part of compiling that needs no RE2."""
    index: dict[str, int] = {}
    sources: list[str] = []
    hints: list[str] = []

    by_phrases: dict[tuple[str, ...], int] = {}  # a group shared by many rules (a named cue) is compiled once

    def add(group: CueGroup | None, rule: Rule, field: str) -> int | None:
        if group is None:
            return None
        known = by_phrases.get(group.phrases)
        if known is not None:
            return known
        try:
            for p in group.phrases:
                if p.startswith("re:"):
                    _check_raw(p)
            regex = group_regex(group)  # word phrases are escaped, raw ones checked: the group compiles
        except (ValueError, re.error) as exc:
            raise RulePackError(f"{rule.source}: rule {rule.id!r}: {field}: {exc}") from exc
        if regex not in index:
            index[regex] = len(sources)
            sources.append(regex)
            hints.append(group_hint(group))
        by_phrases[group.phrases] = index[regex]
        return index[regex]

    rules: list[tuple[tuple[int, ...], int | None, int | None]] = []
    for rule in pack.rules:
        groups = tuple(add(g, rule, f"cue group {i + 1}") for i, g in enumerate(rule.all))
        rules.append(
            (
                tuple(g for g in groups if g is not None),
                add(rule.unless, rule, "unless"),
                add(rule.unless_in_message, rule, "unless_in_message"),
            )
        )
    triggers: dict[int, list[int]] = {}
    for number, (rule, (groups, _, _)) in enumerate(zip(pack.rules, rules, strict=True)):
        rarest = max(range(len(rule.all)), key=lambda i: _rarity(rule.all[i]))
        triggers.setdefault(groups[rarest], []).append(number)
    return PackPlan(
        tuple(sources),
        tuple(hints),
        tuple(rules),
        tuple(sorted(triggers)),
        {g: tuple(rs) for g, rs in triggers.items()},
    )


PREFILTER_SETS = 4
"""RE2 sets the prefilter's trigger groups are dealt between (`Prefilter(split=...)`). A scan worker meets new
texts all the time, and RE2 builds a set's automaton state by state: one set over the 131 groups cost 131,800
instructions a line (callgrind, the prefilter's calls of `bench_instructions.py --scan` replayed alone), nearly
all of it building states; in 2, 3, 4, 6, 8, 16 sets 99,500, 85,200, 83,000, 83,400, 89,200 and 128,600. The
matcher reads the candidates as a set, so the order the split gives them in does not matter."""


def compile_pack(pack: Pack, plan: PackPlan | None = None) -> CompiledPack:
    """The pack ready to match: its plan (worked out here unless given) and the RE2 prefilter over the rules'
    trigger groups. A given plan must be the pack's own (`precompiled` checks that by hash)."""
    plan = plan or plan_pack(pack)
    if len(plan.rules) != len(pack.rules):
        raise RulePackError(f"a plan for {len(plan.rules)} rules given for a pack of {len(pack.rules)}")
    compiled = tuple(
        CompiledRule(rule, groups, unless, in_message)
        for rule, (groups, unless, in_message) in zip(pack.rules, plan.rules, strict=True)
    )
    try:
        hints = [plan.hints[g] for g in plan.trigger_groups]
        prefilter = Prefilter(hints, ready=True, case_sensitive=True, split=PREFILTER_SETS)
    except Exception as exc:  # a widened group RE2 refuses: name it rather than fail obscurely
        raise RulePackError(f"the pack's cues do not compile in RE2: {exc}") from exc
    patterns = LazyPatterns(plan.sources) if plan.sources else LazyPatterns((), _groups_by_index(pack, plan))
    return CompiledPack(pack, compiled, patterns, prefilter, plan.trigger_groups, dict(plan.by_trigger))
