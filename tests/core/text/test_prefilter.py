"""The RE2 prefilter may only widen: wherever a phrase pattern matches, its widened form must too."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.detectors.contact.request import PHRASES
from marketguard.core.detectors.payment.offplatform_intent import INTENT
from marketguard.core.text.prefilter import Hint, Prefilter, widen

ALL = [*PHRASES, *INTENT]


def test_widen_keeps_word_edges_and_drops_inner_lookarounds() -> None:
    assert widen(r"(?<!\w)(?:ach|upi)(?!\w)") == r"(?:^|[^a-z0-9_])(?:ach|upi)(?:$|[^a-z0-9_])"
    assert widen(r"x(?=y)z") == "xz"
    assert widen(r"[^.]{0,70}") == "[^.]{0,}"
    assert Hint(r"(?<!\w)ach(?!\w)")("via ach.") and not Hint(r"(?<!\w)ach(?!\w)")("reach out")


# Texts built from the phrases' own vocabulary, so that the original patterns do match often.
_words = st.sampled_from(
    [
        "what's",
        "your",
        "email",
        "number",
        "send",
        "me",
        "my",
        "is",
        "whatsapp",
        "call",
        "text",
        "at",
        "outside",
        "the",
        "platform",
        "pay",
        "directly",
        "skip",
        "fee",
        "first",
        "milestone",
        "here",
        "rest",
        "close",
        "contract",
        "keep",
        "paying",
        "bank",
        "find",
        "me",
        "on",
        "google",
        "studio",
        "name",
        "contact",
        "page",
        "has",
        "mi",
        "número",
        "me",
        "passa",
        "seu",
        "zap",
        "donne-moi",
        "ton",
        "gib",
        "mir",
        "deine",
        "nummer",
        "скинь",
        "свой",
        "номер",
        "оплачу",
        "напрямую",
        "без",
        "комиссии",
        "te",
        "pago",
        "directamente",
        "sin",
        "comisión",
        "ici",
        "le",
        "reste",
        "en",
        "direct",
        "hier",
        "den",
        "rest",
        "außerhalb",
        "der",
        "plattform",
        ",",
        ".",
        "?",
        "!",
        ":",
        "1",
        "2",
        "$50",
        "'",
        "@",
        "-",
    ]
)
texts = st.lists(_words, min_size=1, max_size=25).map(" ".join)


@pytest.mark.parametrize("phrase", ALL, ids=lambda p: p.name)
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_widened_pattern_matches_wherever_the_original_does(phrase: object, text: str) -> None:
    regex = phrase.regex  # type: ignore[attr-defined]
    if re.search(regex, text):
        assert Hint(regex)(text), f"prefilter lost {phrase.name!r} on {text!r}"  # type: ignore[attr-defined]


def test_prefilter_names_every_pattern_that_matches() -> None:
    prefilter = Prefilter([p.regex for p in ALL])
    samples = ["pay me directly, we both skip the fee", "what's your email?", "te pago directamente, sin comisión"]
    for text in samples:
        expected = {i for i, p in enumerate(ALL) if re.search(p.regex, text)}
        assert expected and expected <= set(prefilter.candidates(text))


def test_a_split_prefilter_names_the_same_patterns_as_one_set() -> None:
    whole = Prefilter([p.regex for p in ALL])
    samples = ["pay me directly, we both skip the fee", "what's your email?", "te pago directamente, sin comisión",
               "add me on whats app and send it by paypal", "the logo is done, see the attached draft"]
    for split in (2, 3, 5):
        parts = Prefilter([p.regex for p in ALL], split=split)
        for text in samples:
            found = parts.candidates(text)
            assert sorted(found) == sorted(whole.candidates(text))
            assert len(found) == len(set(found))


def test_a_boundary_inside_a_bounded_group_is_not_asked_for_twice() -> None:
    # The rails' gate wraps every rail in (?<!\w)...(?!\w); Western Union's "\bwu\b" sits inside. Widened
    # naively, each boundary consumed its own non-word character, so "pay by wu" (one space) never passed.
    rail = r"(?<!\w)(?:western\s?union|\bwu\b)(?!\w)"
    assert widen(rail) == r"(?:^|[^a-z0-9_])(?:western\s?union|wu)(?:$|[^a-z0-9_])"
    for text in ("pay by wu please", "wu", "by wu.", "via western union"):
        assert re.search(rail, text) and Hint(rail)(text), text
    assert not Hint(rail)("wuhan") and not Hint(rail)("kiwu")
    # a boundary inside a group with nothing around it is still kept
    assert widen(r"(?:a|\bwu\b)") == r"(?:a|(?:^|[^a-z0-9_])wu(?:$|[^a-z0-9_]))"


def test_a_lone_wu_is_read_as_western_union() -> None:
    from marketguard import Screener

    result = Screener().screen("I can send the money by wu tomorrow")
    assert [(s.kind, s.text) for s in result.signals] == [("payment.rail", "wu")]
