"""Several RE2 sets standing for one give exactly the one set's answers, in its order when asked."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.text.gate import PLAIN, Gate
from marketguard.core.text.prefilter import options, widen
from marketguard.core.text.sets import SplitSet, compile_set

_PATTERNS = [
    widen(p)
    for p in (
        r"(?<!\w)(?:paypal|wise)(?!\w)",
        r"gmail|yahoo",
        r"[a-z0-9]\.[a-z]{2}",
        r"\bat\b",
        r"\d\D*\d",
        r"[0-9a-z]{6,}",
        r"(?<![^\W\d_])(?:four|cinco)(?![^\W\d_])",
    )
]
_ALPHABET = list("paylwisegmo4fur .@ioat1x")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80), st.integers(min_value=1, max_value=8))
def test_split_sets_answer_like_one_set_in_its_order(text: str, groups: int) -> None:
    whole = compile_set(_PATTERNS, options())
    split = SplitSet(_PATTERNS, options(), groups)
    data = text.encode()
    assert split.Match(data) == (whole.Match(data) or [])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80), st.integers(min_value=1, max_value=8))
def test_unordered_split_sets_find_the_same_patterns(text: str, groups: int) -> None:
    whole = compile_set(_PATTERNS, options())
    split = SplitSet(_PATTERNS, options(), groups, ordered=False)
    found = split.Match(text.encode())
    assert sorted(found) == sorted(whole.Match(text.encode()) or [])
    assert len(found) == len(set(found))


def test_a_split_gate_answers_every_hint_as_one_set_does() -> None:
    """The screener's own gate, on corpus-like texts: the same hints say yes whether split or not."""
    assert PLAIN.groups > 1
    whole = compile_set(PLAIN._patterns, options())
    split = Gate("plain", groups=PLAIN.groups)
    for p in PLAIN._patterns:
        split._patterns.append(p)
    split._count = len(split._patterns)
    r = random.Random(5)
    words = ["pay", "me", "via", "paypal", "jdoe", "at", "gmail", "dot", "com", "4155550198", "four", "one",
             "t.me/x", "my", "number", "is", "w h a t s", "telegram", "iban", "DE89370400440532013000", "zelle"]
    for _ in range(500):
        text = " ".join(r.choice(words) for _ in range(r.randint(0, 12)))
        assert split.scan(text).found == frozenset(whole.Match(text.encode()) or [])
