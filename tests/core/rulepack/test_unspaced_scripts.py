"""Phrases of scripts written without spaces (Chinese, Japanese, Thai) or with glued particles (Korean) match inside
running text, through the compiled pack and its RE2 prefilter, as the `clean` view writes the text; Latin words glued
to those scripts ("LINEで") are still words, and Latin words keep their whole-word boundary among Latin letters."""

from __future__ import annotations

import re

import pytest
import yaml

from marketguard.core.rulepack import compile_pack, load_pack, match
from marketguard.core.rulepack.compiler import CompiledPack, _word_alternation, group_hint, group_regex
from marketguard.core.rulepack.schema import CueGroup
from marketguard.core.text.clean import clean_view

PACK = {
    "cues": {"neg": ["never", "しません", "不会", "ไม่"]},
    "defaults": {"unless": "@neg"},
    "rules": [
        {
            "id": "fee",
            "kind": "scam.upfront_fee",
            "score": 0.9,
            "all": [["研修費", "培训费", "교육비", "ค่าสมัคร", "usdt充值"], ["振込", "缴纳", "입금", "โอน"]],
            "within": 40,
            "fixtures": {"match": ["x"], "no_match": ["y"]},
        },
        {
            "id": "line",
            "kind": "scam.offplatform_interview",
            "score": 0.8,
            "all": [["面接", "面试", "면접", "สัมภาษณ์"], ["line", "wechat", "微信", "카카오톡"]],
            "within": 40,
            "fixtures": {"match": ["x"], "no_match": ["y"]},
        },
    ],
}


@pytest.fixture(scope="module")
def pack() -> CompiledPack:
    return compile_pack(load_pack([("t.yaml", yaml.safe_dump(PACK, allow_unicode=True))]))


def _ids(pack: CompiledPack, text: str) -> list[str]:
    return [h.rule.id for h in match(pack, clean_view(text).text)]


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("業務開始前に研修費として15,000円をお振込みください。", ["fee"]),
        ("入职前需缴纳培训费299元。", ["fee"]),
        ("업무 시작 전 교육비 5만원을 입금해 주세요.", ["fee"]),
        ("กรุณาโอนค่าสมัครสมาชิก 500 บาท", ["fee"]),  # Thai vowel signs dropped by the view and by the compiler alike
        ("做任务前需要先缴纳USDT充值", ["fee"]),  # a Latin word glued to Chinese on both sides
        ("面接はLINEで行います。", ["line"]),
        ("面试改到微信进行", ["line"]),
        ("면접은 카카오톡으로 진행합니다.", ["line"]),
    ],
)
def test_phrases_match_without_word_boundaries_in_no_space_scripts(
    pack: CompiledPack, text: str, rules: list[str]
) -> None:
    assert _ids(pack, text) == rules


def test_a_negation_before_a_no_space_passage_still_vetoes_it(pack: CompiledPack) -> None:
    assert _ids(pack, "我不会缴纳培训费") == []
    assert _ids(pack, "请缴纳培训费") == ["fee"]


def test_a_clause_break_of_a_no_space_script_ends_the_negation_reach(pack: CompiledPack) -> None:
    assert _ids(pack, "我不会去。请缴纳培训费") == ["fee"]


@pytest.mark.parametrize("text", ["online interview", "discipline", "xusdt充值", "the wechatbot"])
def test_latin_words_keep_their_boundary_among_latin_letters(text: str) -> None:
    regex = re.compile(group_regex(CueGroup(("line", "wechat", "usdt充值"))))
    assert regex.search(clean_view(text).text) is None


def test_a_phrase_is_split_as_the_view_splits_it() -> None:
    """NFKC splits Thai "ำ" into two characters in the view; the phrase "กำหนด" must be split alike to match."""
    regex = re.compile(group_regex(CueGroup(("ร้านที่บริษัทกำหนด",))))
    assert regex.search(clean_view("ซื้อจากร้านที่บริษัทกำหนดเท่านั้น").text)


def test_the_prefilter_hint_finds_every_no_space_match() -> None:
    """The RE2 hint must be a superset of the exact regex: no word start is required before a no-space phrase."""
    import re2

    group = CueGroup(("研修費", "usdt充值", "ยืนยันบัญชี", "training fee"))
    exact, hint = re.compile(group_regex(group)), re2.compile(group_hint(group))
    for text in ("として研修費を", "需usdt充值", "กรุณายืนยันบัญชีที่ลิงก์", "a training fee"):
        viewed = clean_view(text).text
        assert exact.search(viewed) and hint.search(viewed), text


def test_a_group_without_no_space_phrases_compiles_as_before() -> None:
    """Only groups holding no-space phrases get the extra branch: the rest of the pack keeps its regexes."""
    phrases = ("pay", "registration fee", "ёлка")
    assert group_regex(CueGroup(phrases)) == "(?:" + _word_alternation(list(phrases)) + ")"
