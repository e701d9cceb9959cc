"""The compiler's word literals: escaping and accent folding done in two passes equal the letter-by-letter form."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from marketguard.core.rulepack.compiler import _FOLD, _literal


def _letter_by_letter(word: str) -> str:
    return "".join(_FOLD.get(ch) or re.escape(ch) for ch in word)


@given(st.text(alphabet=st.sampled_from("aeiouncáéíóúñçёеxyz.+*?()[]{}|^$\\- 'ü"), max_size=24) | st.text(max_size=24))
def test_literal_is_escaping_then_folding(word: str) -> None:
    assert _literal(word) == _letter_by_letter(word)


def test_a_folded_literal_matches_with_and_without_accents() -> None:
    pattern = re.compile(_literal("depositalo"))
    assert pattern.fullmatch("deposítalo") and pattern.fullmatch("depositalo")
    assert not re.compile(_literal("handler")).fullmatch("händler")  # umlauts are letters of their own


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
