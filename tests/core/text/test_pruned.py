"""A pruned alternation finds exactly what the whole alternation finds, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.detectors.payment import offplatform
from marketguard.core.text import digits
from marketguard.core.text.prefilter import Pruned


def _groups(m: re.Match[str]) -> tuple[object, ...]:
    return m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None}


def _same(pruned: Pruned, text: str) -> None:
    whole = [_groups(m) for m in pruned.pattern.finditer(text)]
    part = pruned.for_text(text)
    found = [] if part is None else [_groups(m) for m in part.finditer(text)]
    assert found == whole, text


def test_pruning_keeps_order_between_branches_that_match_at_one_place() -> None:
    pruned = Pruned(["ab", "abc", "x"], lambda kept: "|".join(["ab", "abc", "x"][i] for i in kept))
    assert pruned.for_text("zzz") is None
    part = pruned.for_text("abc")
    assert part is not None and part.search("abc").group() == "ab"  # type: ignore[union-attr]
    assert pruned.for_text("abc") is part  # each subset compiled once


_DIGITY = st.lists(
    st.sampled_from(
        [
            *"0123456789 .-/:$€#x,%",
            "one",
            "two",
            "ten",
            "double ",
            "twenty",
            "cinco",
            "fünf",
            "пять",
            "order ",
            "usd",
            "v",
            "am",
            "pm",
            "sept",
            "oh",
            "o",
            "ninety",
            "y",
            "und",
            "eleven",
            "triple",
            "a",
            "b",
            "k",
        ]
    ),
    max_size=20,
).map("".join)
_RAILY = st.lists(
    st.sampled_from(
        [
            "pay",
            "pal",
            "paypal",
            " ",
            "via ",
            "wise",
            "bank",
            "transfer",
            "cash",
            "app",
            "usdt",
            "zelle",
            "or ",
            ".",
            "my ",
            "card",
            "ach",
            "sepa",
            "pix",
            "upi",
            "account",
            "link",
            "-",
            "wu",
            "gift",
            "s",
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DIGITY)
def test_digit_words_and_not_phone(text: str) -> None:
    _same(digits._DIGIT_WORDS_PARTS, text)
    _same(digits.NOT_PHONE_PARTS, text)
    assert digits.mask_not_phone(text) == digits.NOT_PHONE.sub(lambda m: "#" * (m.end() - m.start()), text)


@settings(max_examples=300, deadline=None)
@given(_RAILY)
def test_rails(text: str) -> None:
    _same(offplatform._STRONG, text)
    _same(offplatform._WEAK, text)


def test_the_whole_patterns_are_unchanged() -> None:
    assert digits.NOT_PHONE.search("on 2024-05-17 at 10:30") is not None
    assert re.fullmatch(digits._DIGIT_WORDS_RE, "twenty one") is not None
