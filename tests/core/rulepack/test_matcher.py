"""Matching: proximity windows, one word per group, negation in the clause before, reporting vetoes."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.rulepack import compile_pack, load_pack, match
from marketguard.core.rulepack.compiler import CompiledPack

PACK = {
    "cues": {"apps": ["telegram", "whatsapp"], "neg": ["never", "won't"], "report": ["is this a scam"]},
    "defaults": {"unless": "@neg", "unless_in_message": "@report"},
    "rules": [
        {
            "id": "hr",
            "kind": "scam.offplatform_interview",
            "score": 0.8,
            "all": [["hr", "recruiter"], "@apps"],
            "within": 30,
            "fixtures": {"match": ["x"], "no_match": ["y"]},
        },
        {
            "id": "payout",
            "kind": "account.payout_redirect",
            "score": 0.9,
            "all": [["change your"], ["withdrawal method", "bank account"], ["your withdrawal", "withdrawal method"]],
            "fixtures": {"match": ["x"], "no_match": ["y"]},
        },
    ],
}


def _pack() -> CompiledPack:
    return compile_pack(load_pack([("t.yaml", yaml.safe_dump(PACK))]))


def _ids(text: str) -> list[str]:
    return [h.rule.id for h in match(_pack(), text)]


def test_cues_within_the_window_fire_with_their_spans() -> None:
    text = "please message hr on telegram"
    (hit,) = match(_pack(), text)
    assert hit.rule.id == "hr"
    assert [text[s:e] for s, e in hit.cues] == ["hr", "telegram"]
    assert text[hit.start : hit.end] == "hr on telegram"


def test_cues_too_far_apart_do_not_fire() -> None:
    assert _ids("hr " + "x " * 40 + "telegram") == []


def test_negation_in_the_clause_before_cancels() -> None:
    assert _ids("i won't message hr on telegram") == []
    assert _ids("i won't lie, message hr on telegram") == ["hr"]  # a comma closes the negated clause


def test_a_reporting_phrase_anywhere_cancels() -> None:
    assert _ids("they said message hr on telegram. is this a scam?") == []


def test_a_negated_passage_leaves_a_later_one_free_to_fire() -> None:
    # the refusal vetoes its own cues; the request after it in a new clause still fires
    assert _ids("we won't use hr here for this; the recruiter will telegram you") == ["hr"]
    assert _ids("i won't message hr on telegram, never") == []


def test_a_quoted_passage_in_a_longer_message_is_a_quotation() -> None:
    assert _ids("someone wrote me 'message the hr on telegram today' last night, weird") == []
    assert _ids("he sent “ping hr on telegram now” to the whole group chat") == []
    # a message that is only the quotation, or a short quoted label, is not quoting
    assert _ids("'message hr on telegram'") == ["hr"]
    assert _ids("add the 'recruiter' contact on telegram please") == ["hr"]
    # an apostrophe inside a word does not open or close a quotation
    assert _ids("don't wait: hr's waiting on telegram, it's urgent") == ["hr"]


def test_a_rule_may_fire_inside_quotations() -> None:
    pack = dict(PACK, rules=[dict(PACK["rules"][0], in_quotes=True)])  # type: ignore[call-overload]
    compiled = compile_pack(load_pack([("t.yaml", yaml.safe_dump(pack))]))
    assert [h.rule.id for h in match(compiled, "someone wrote me 'message the hr on telegram today' last night")] == [
        "hr"
    ]


def test_one_word_serves_one_group_and_the_search_finds_the_assignment() -> None:
    assert _ids("change your withdrawal method to my bank account") == ["payout"]
    # one span may not serve two groups: "withdrawal method" alone cannot fill groups 2 and 3
    assert _ids("change your wallet and withdrawal method") == []


def test_stems_and_words_are_whole_words() -> None:
    assert _ids("the hrs on telegram") == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"hr telgamwspcionyud,.!'\n", "telegram", "hr ", "won't ", "change your "]), max_size=150
    ).map("".join)
)
def test_matching_never_fails_and_spans_lie_in_the_text(text: str) -> None:
    for hit in match(_pack(), text):
        assert 0 <= hit.start < hit.end <= len(text)
        for s, e in hit.cues:
            assert hit.start <= s < e <= hit.end


def test_a_text_full_of_cues_is_bounded() -> None:
    text = "hr telegram " * 20_000
    hits = match(_pack(), text)
    assert [h.rule.id for h in hits] == ["hr"]
