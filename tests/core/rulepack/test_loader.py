"""Loading and compiling rule packs: precise errors that name the file and the rule, never a crash."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.rulepack import RulePackError, compile_pack, load_pack, load_paths
from marketguard.core.rulepack.compiler import phrase_regex

GOOD = """
cues:
  apps: [telegram, whatsapp]
defaults:
  unless: [never, "won't"]
rules:
  - id: t.one
    kind: scam.offplatform_interview
    score: 0.8
    severity: high
    description: test rule
    all: [[hr, recruiter], "@apps"]
    within: 40
    fixtures:
      match: [message HR on Telegram]
      no_match: [I won't message HR on Telegram]
"""


def _rule(**overrides: object) -> str:
    rule: dict[str, object] = {
        "id": "r1",
        "kind": "scam.upfront_fee",
        "score": 0.9,
        "any": ["training fee"],
        "fixtures": {"match": ["pay the training fee"], "no_match": ["hello"]},
    }
    rule.update(overrides)
    return yaml.safe_dump({"rules": [{k: v for k, v in rule.items() if v is not None}]})


def test_a_good_pack_loads_and_compiles() -> None:
    pack = compile_pack(load_pack([("good.yaml", GOOD)]))
    (compiled,) = pack.rules
    assert compiled.rule.family == "scam"
    assert compiled.rule.unless is not None and "never" in compiled.rule.unless.phrases
    assert compiled.rule.all[1].name == "apps"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kind": "scam.unknown"}, "kind 'scam.unknown' is not one of"),
        ({"score": 1.5}, "'score' must be a number in [0, 1]"),
        ({"severity": "huge"}, "severity 'huge'"),
        ({"all": [["a"]]}, "exactly one of 'all'"),
        ({"any": None}, "exactly one of 'all'"),
        ({"any": ["@nowhere"]}, "unknown cue '@nowhere'"),
        ({"fixtures": None}, "needs 'fixtures'"),
        ({"fixtures": {"match": ["x"]}}, "'fixtures.no_match' must be a non-empty list"),
        ({"within": 0}, "'within' must be a whole number"),
        ({"colour": "red"}, "unknown fields ['colour']"),
        ({"any": [True]}, "every phrase must be a non-empty string, got True"),
        ({"in_quotes": "yes"}, "'in_quotes' must be true or false"),
    ],
)
def test_errors_name_the_file_and_the_rule(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(RulePackError) as err:
        load_pack([("pack/fees.yaml", _rule(**overrides))])
    assert "pack/fees.yaml" in str(err.value)
    assert message in str(err.value)
    if "r1" in _rule(**overrides):
        assert "'r1'" in str(err.value)


def test_yaml_errors_and_duplicates_name_the_file() -> None:
    with pytest.raises(RulePackError, match=r"bad\.yaml: not valid YAML"):
        load_pack([("bad.yaml", "rules: [")])
    with pytest.raises(RulePackError, match=r"b\.yaml: rule 'r1' is already defined in a\.yaml"):
        load_pack([("a.yaml", _rule()), ("b.yaml", _rule())])
    with pytest.raises(RulePackError, match="the pack has no rules"):
        load_pack([("empty.yaml", "")])


def test_cue_cycles_and_unknown_references_are_errors() -> None:
    cyc = "cues:\n  a: ['@b']\n  b: ['@a']\n" + _rule(any=["@a"])
    with pytest.raises(RulePackError, match="refers to itself"):
        load_pack([("c.yaml", cyc)])


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("re:(a+)+b", "repeats a repeat"),
        ("re:(?:ab|a)*c", "repeats a repeat or an alternation"),
        ("re:(a)\\1", "not RE2-compatible"),
        ("re:[unclosed", "does not compile"),
    ],
)
def test_raw_expressions_must_be_linear(raw: str, message: str) -> None:
    pack = load_pack([("raw.yaml", _rule(any=[raw]))])
    with pytest.raises(RulePackError, match=message) as err:
        compile_pack(pack)
    assert "raw.yaml: rule 'r1'" in str(err.value)


def test_optional_groups_and_bounded_repeats_are_allowed() -> None:
    compile_pack(load_pack([("ok.yaml", _rule(any=["re:\\$\\d{1,3}(?:\\s(?:usd|eur))?"]))]))


def test_phrase_syntax() -> None:
    import re

    assert re.fullmatch(phrase_regex("verif*"), "verification")
    assert re.fullmatch(phrase_regex("hiring manager"), "hiring-manager")
    assert re.fullmatch(phrase_regex("pay ~ fee"), "pay the registration fee")
    assert not re.fullmatch(phrase_regex("pay ~ fee"), "pay one two three four fee")
    with pytest.raises(ValueError, match="'~' must stand between two words"):
        phrase_regex("~ fee")


def test_accents_fold_both_ways_but_umlauts_do_not() -> None:
    import re

    from marketguard.core.rulepack.compiler import phrase_hint

    assert re.fullmatch(phrase_regex("deposit*"), "deposítalo")
    assert re.fullmatch(phrase_regex("alquil*"), "alquílame")
    assert re.fullmatch(phrase_regex("transférez"), "transferez")
    assert re.fullmatch(phrase_regex("вернём"), "вернем")
    assert not re.fullmatch(phrase_regex("händler"), "handler")
    # the prefilter's literal folds the same way, or it would hide the text from the exact regex
    assert re.search(phrase_hint("deposit*"), "deposítalo")


def test_load_paths_reads_folders_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_rule(), "utf-8")
    assert len(load_paths([tmp_path]).rules) == 1
    (tmp_path / "sub").mkdir()
    with pytest.raises(RulePackError, match=r"no \*\.yaml rule files"):
        load_paths([tmp_path / "sub"])
    with pytest.raises(RulePackError, match="cannot read"):
        load_paths([tmp_path / "nope.yaml"])


_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["cues", "defaults", "rules", "other"]),
        _yaml_values,
        max_size=3,
    )
)
def test_any_yaml_document_loads_or_fails_with_a_pack_error(doc: dict[str, object]) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True)
    with contextlib.suppress(RulePackError):  # a RulePackError is the one acceptable failure
        compile_pack(load_pack([("h.yaml", text)]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=15).filter(str.strip), min_size=1, max_size=4))
def test_any_word_phrases_compile(phrases: list[str]) -> None:
    safe = [p for p in phrases if not p.startswith(("@", "re:")) and "~" not in p]
    if not safe:
        return
    try:
        compile_pack(load_pack([("p.yaml", _rule(any=safe, fixtures={"match": ["x"], "no_match": ["y"]}))]))
    except RulePackError as exc:
        assert "p.yaml" in str(exc)


def test_group_regex_dispatches_on_first_letter_with_the_plain_alternations_matches() -> None:
    """The first-letter dispatch must pick exactly what `(?<!\\w)(?:longest|...|shortest)(?!\\w)` picks."""
    import re

    from marketguard.core.rulepack.compiler import group_regex
    from marketguard.core.rulepack.schema import CueGroup

    phrases = ("pay", "pay ~ fee", "payment", "account", "áccess code", "verif*", "$5", "ёлка", "re:\\d{3}-x")
    group = CueGroup(phrases)
    words = sorted((phrase_regex(p) for p in phrases if not p.startswith("re:")), key=len, reverse=True)
    plain = re.compile(r"(?:(?<!\w)(?:" + "|".join(words) + r")(?!\w)|(?:\d{3}-x))")
    fast = re.compile(group_regex(group))
    texts = [
        "please pay the registration fee now",
        "payment: pay.payment,prepay paying",
        "accesS code; access code, accéss-code xaccount account",
        "verification verified unverified",
        "$5 or 5$ or a$5",
        "елка ёлка ёлкаа",
        "call 123-x now, 4123-x",
        "",
    ]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        lo, hi = 3, max(3, len(text) - 2)  # a slice, as the negation check searches one
        assert _span(fast.search(text, lo, hi)) == _span(plain.search(text, lo, hi)), text
    assert fast.search("prepay") is None
    assert _span(fast.search("pay the fee")) == (0, 11)


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m is not None else None
