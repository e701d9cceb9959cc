"""The compiler's word literals: escaping and folding (accents; disguises inside a word) done in passes equal
the letter-by-letter form."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from marketguard.core.rulepack.compiler import _FOLD, _INNER, _literal, phrase_regex


def _letter_by_letter(word: str) -> str:
    """The first character folds accents only; every later one also its disguises ("@" for "a", "0" for "o")."""
    return "".join((_INNER if i else _FOLD).get(ch) or re.escape(ch) for i, ch in enumerate(word))


@given(st.text(alphabet=st.sampled_from("aeiouncáéíóúñçёеxyz.+*?()[]{}|^$\\- 'ü"), max_size=24) | st.text(max_size=24))
def test_literal_is_escaping_then_folding(word: str) -> None:
    assert _literal(word) == _letter_by_letter(word)


def test_a_folded_literal_matches_with_and_without_accents() -> None:
    pattern = re.compile(_literal("depositalo"))
    assert pattern.fullmatch("deposítalo") and pattern.fullmatch("depositalo")
    assert not re.compile(_literal("handler")).fullmatch("händler")  # umlauts are letters of their own


def test_a_letter_inside_a_word_also_matches_its_disguise() -> None:
    assert re.compile(_literal("telegram")).fullmatch("telegr@m")
    assert re.compile(_literal("accounts")).fullmatch("acc0unt$")
    assert re.compile(_literal("usdt")).fullmatch("u$dt")
    assert re.compile(_literal("buying")).fullmatch("buy1ng")
    # never the first letter: a number at a word start is not read as a word
    assert not re.compile(_literal("open")).fullmatch("0pen")
    assert not re.compile(_literal("also")).fullmatch("4lso")


def test_a_russian_word_the_view_writes_in_latin_is_spelled_so() -> None:
    """The `plain` view writes "с" and "его" (Cyrillic letters that all look Latin) as "c" and "ero"."""
    from marketguard.core.text.normalize import Document

    for phrase, text in [("с двух сторон", "Паспорт с двух сторон"), ("с его аккаунта", "Оплачу с его аккаунта")]:
        view = Document(text).plain.text
        assert re.search(phrase_regex(phrase), view), (phrase, view)
    assert phrase_regex("сер*").startswith("с")  # a stem may stand for a word the view leaves Cyrillic


def test_disguised_cues_fire_their_rules() -> None:
    from marketguard.core.rulepack import compile_pack, default_pack, match
    from marketguard.core.text.normalize import Document

    pack = compile_pack(default_pack())
    for text, rule in [
        ("Our HR will message you on Telegr@m to continue the interview.", "interview.hr_on_messenger"),
        ("put my P@yoneer as withdr@wal method on your profile", "account.payout_redirect"),
        ("your balance is -50 U$DT, t0p up to unl0ck the next orders", "crypto.task_unlock"),
    ]:
        fired = {hit.rule.id for hit in match(pack, Document(text).plain.text)}
        assert rule in fired, (text, fired)


def test_the_case_sensitive_prefilter_names_every_group_that_matches_a_plain_view() -> None:
    """The pack's RE2 set reads the `plain` view case-sensitively (it is lower-case): on every example of
    every rule, each trigger group whose exact pattern matches must be among the prefilter's candidates."""
    from marketguard.core.rulepack import compile_pack, default_pack
    from marketguard.core.text.normalize import Document

    pack = compile_pack(default_pack())
    texts = [t for r in pack.pack.rules for t in (*r.fixtures.match, *r.fixtures.no_match)]
    assert len(texts) > 300
    for text in texts:
        view = Document(text).plain.text
        named = {pack.trigger_groups[i] for i in pack.prefilter.candidates(view)}
        for group in pack.trigger_groups:
            if pack.patterns[group].search(view):
                assert group in named, (text, pack.patterns.sources[group][:80])


def test_word_hints_need_no_widening() -> None:
    """`group_hint` widens only raw expressions: the literal runs of word phrases are RE2-ready as they are."""
    from marketguard.core.rulepack import default_pack
    from marketguard.core.rulepack.compiler import group_hint
    from marketguard.core.text.prefilter import widen

    groups = [g for r in default_pack().rules for g in r.all if not any(p.startswith("re:") for p in g.phrases)]
    assert len(groups) > 100
    for group in groups:
        hint = group_hint(group)
        assert widen(hint) == hint
