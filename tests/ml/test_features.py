"""Features: the same function trains and scores, so its output must be stable and bounded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marketguard.ml.features import (
    MAX_CHARS,
    WORD_MARK,
    display,
    feature_set,
    ngrams,
    prepare,
    shape_digits,
    word_ngrams,
)


def test_words_bigrams_and_character_grams() -> None:
    feats = feature_set("Top up USDT")
    assert {WORD_MARK + "top", WORD_MARK + "usdt", WORD_MARK + "top up", WORD_MARK + "up usdt"} <= feats
    assert {" top", "top ", "usdt", "sdt "} <= feats
    assert all(len(f) == 4 for f in feats if not f.startswith(WORD_MARK))


def test_digits_read_by_shape_and_case_and_spaces_folded() -> None:
    assert prepare("Call 0906  1701461\n NOW") == "call 000 0000000 now"
    assert feature_set("WIN £1000") == feature_set("win   £2024")


def test_a_number_is_read_by_its_length_class_not_its_value() -> None:
    # 1-2 digits, 3-4, 5-6 (a short code), 7+ (a phone number): four different words
    assert prepare("txt 8 or 25 to 150 or 2024 or 87066 or 090617 or 09061701461") == (
        "txt 0 or 0 to 000 or 000 or 00000 or 00000 or 0000000"
    )
    assert shape_digits("£1.50, 10:30, v2.4.1") == "£0.0, 0:0, v0.0.0"
    # a paid test's small amount no longer shares its n-grams with a premium-rate number's
    small, phone = feature_set("25 euros"), feature_set("09061701461 euros")
    assert " 0 e" in small and " 0 e" not in phone and "00 e" not in small
    assert WORD_MARK + "0000000 euros" in phone - small


def test_gate_features_are_the_word_features() -> None:
    text = "Deposit our check and pay the vendor"
    assert set(word_ngrams(text)) == {f for f in feature_set(text) if f.startswith(WORD_MARK)}


def test_display_shows_words_plainly() -> None:
    assert display(WORD_MARK + "hr manager") == "hr manager"
    assert display(" usd") == "usd"


@given(st.text(max_size=300))
def test_ngrams_sorted_unique_and_bounded(text: str) -> None:
    grams = ngrams(text)
    assert grams == sorted(set(grams))
    assert all(len(g) == 4 for g in grams if not g.startswith(WORD_MARK))


def test_long_text_is_read_on_its_head() -> None:
    head = "pay the fee " * 10
    assert feature_set(head + "x" * (MAX_CHARS * 2)) == feature_set((head + "x" * (MAX_CHARS * 2))[:MAX_CHARS])


_SHAPES_BY_GROUP = ("0", "0000000", "00000", "000")


def _shape_digits_as_trained(text: str) -> str:
    """The alternation the shipped model was trained with, kept here to pin the faster form to it."""
    import re

    return re.sub(
        r"(\d{7,})|(\d{5,6})|(\d{3,4})|\d{1,2}", lambda m: _SHAPES_BY_GROUP[m.lastindex or 0], text
    )


@given(st.text(alphabet=st.sampled_from("0123456789٣४ ab.,-+\n"), max_size=80) | st.text(max_size=80))
def test_shape_digits_is_the_alternation_it_replaced(text: str) -> None:
    assert shape_digits(text) == _shape_digits_as_trained(text)
