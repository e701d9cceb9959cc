"""The packaged pack's stored compile plan: current, faithful, and ignored when it does not fit."""

from __future__ import annotations

import gzip

import pytest
from click.testing import CliRunner

from marketguard.adapters.cli.main import app
from marketguard.core.rulepack import compile_pack, default_pack, load_pack
from marketguard.core.rulepack.compiler import plan_pack
from marketguard.core.rulepack.loader import default_sources, pack_from_docs, parse_sources
from marketguard.core.rulepack.precompiled import (
    docs_from_json,
    packaged_docs,
    packaged_plan,
    packaged_plan_path,
    plan_from_json,
    plan_key,
    plan_to_bytes,
    plan_to_json,
)
from marketguard.core.rulepack.schema import RulePackError

TINY = """
rules:
  - id: tiny.fee
    kind: scam.upfront_fee
    score: 0.9
    severity: high
    description: a fee to start
    all: [[pay*], [registration fee, "re:\\\\$\\\\d+"]]
    fixtures:
      match: ["pay the registration fee first"]
      no_match: ["the fee is paid by the client"]
"""


def test_the_packaged_plan_is_current() -> None:
    stored = packaged_plan(default_sources())
    assert stored is not None, "rules/fraud/plan.json.gz is stale: run `marketguard rules compile` and commit it"
    assert stored == plan_pack(default_pack()).stored()


def test_the_stored_bytes_are_what_compile_writes() -> None:
    """Byte-identical output for the same plan, so the file changes only when the plan does."""
    plan = plan_pack(default_pack())
    expected = plan_to_bytes(plan, plan_key(default_sources()), parse_sources(default_sources()))
    assert packaged_plan_path().read_bytes() == expected


def test_the_stored_rule_files_are_the_yaml_as_parsed() -> None:
    """Start-up builds the packaged pack from the parsed files stored with the plan, not from the YAML."""
    stored = packaged_docs(default_sources())
    assert stored is not None
    assert stored == parse_sources(default_sources())
    assert default_pack() == load_pack(default_sources())


def test_stored_rule_files_round_trip_and_are_ignored_for_other_files() -> None:
    docs = parse_sources([("tiny.yaml", TINY)])
    plan = plan_pack(pack_from_docs(docs))
    key = plan_key([("tiny.yaml", TINY)])
    text = plan_to_json(plan, key, docs)
    assert docs_from_json(text, key) == docs
    assert pack_from_docs(docs_from_json(text, key) or []) == load_pack([("tiny.yaml", TINY)])
    assert docs_from_json(text, plan_key([("tiny.yaml", TINY + "\n# edited\n")])) is None
    assert docs_from_json(plan_to_json(plan, key), key) is None  # a plan stored without them
    assert plan_from_json(text, key) == plan.stored()


def test_rule_files_that_json_cannot_hold_are_refused() -> None:
    import datetime

    plan = plan_pack(load_pack([("tiny.yaml", TINY)]))
    with pytest.raises(ValueError, match="round-trip"):
        plan_to_json(plan, "k", [("d.yaml", {"when": datetime.date(2026, 1, 1)})])


def test_a_plan_round_trips_through_json() -> None:
    pack = load_pack([("tiny.yaml", TINY)])
    plan = plan_pack(pack)
    assert plan_from_json(plan_to_json(plan, "k"), "k") == plan.stored()


def test_a_plan_for_other_files_or_garbage_is_ignored() -> None:
    pack = load_pack([("tiny.yaml", TINY)])
    text = plan_to_json(plan_pack(pack), plan_key([("tiny.yaml", TINY)]))
    assert plan_from_json(text, plan_key([("tiny.yaml", TINY + "\n# edited\n")])) is None
    assert plan_from_json(text, plan_key([("other.yaml", TINY)])) is None
    assert plan_from_json("{not json", "k") is None
    assert plan_from_json('{"format": 2, "key": "k", "groups": 3}', "k") is None
    assert gzip.decompress(plan_to_bytes(plan_pack(pack), "k")).decode() == plan_to_json(plan_pack(pack), "k")


def test_compiling_from_a_plan_matches_compiling_from_scratch() -> None:
    pack = load_pack([("tiny.yaml", TINY)])
    fresh = compile_pack(pack)
    planned = compile_pack(pack, plan_pack(pack))
    assert planned.rules == fresh.rules
    assert planned.patterns.sources == fresh.patterns.sources
    assert planned.trigger_groups == fresh.trigger_groups and planned.by_trigger == fresh.by_trigger


def test_a_stored_plan_writes_the_same_regexes_on_first_use() -> None:
    """The stored plan holds no regexes: each is written from a cue group of its index when first needed."""
    pack = default_pack()
    fresh = plan_pack(pack)
    stored = compile_pack(pack, packaged_plan(default_sources()))
    assert not fresh.stored().sources and len(stored.patterns) == len(fresh.sources)
    assert stored.patterns.sources == fresh.sources
    assert stored.patterns[3].pattern == fresh.sources[3]


def test_a_plan_of_another_pack_is_refused() -> None:
    tiny = load_pack([("tiny.yaml", TINY)])
    with pytest.raises(RulePackError, match="plan for 1 rules"):
        compile_pack(default_pack(), plan_pack(tiny))


def test_rules_compile_check_says_current() -> None:
    result = CliRunner().invoke(app, ["rules", "compile", "--check"])
    assert result.exit_code == 0, result.output
    assert "current" in result.output
