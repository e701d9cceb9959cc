"""The packaged pack's compile plan, stored beside its rule files so that start-up reads it, not redoes it.

Compiling the fraud pack in Python (escaping and folding its words, checking raw expressions: `plan_pack`)
was a quarter of `marketguard scan`'s start-up. The plan is a pure function of the rule files and of what
compiles them (the compiler, `widen`, the look-alike table and its data, the Python version: see `plan_key`),
so `rules/fraud/plan.json.gz` stores it under a key that hashes all of them: any edit to a rule file, or to
that code or data, changes the key, and then the plan is simply worked out again (correct, only
slower) until `marketguard rules compile` writes a fresh one. A test fails while the stored plan is stale.

The file is gzipped JSON (strings and indices; 1 MB plain, mostly the accent-folded word classes), never
pickle: loading it runs no code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marketguard.core.rulepack import compiler
from marketguard.core.rulepack.compiler import PackPlan
from marketguard.core.text import confusables, prefilter

PLAN_FILE = "plan.json.gz"
FORMAT = 1


def plan_key(sources: Iterable[tuple[str, str]]) -> str:
    """A hash of the rule files (names and texts) and of everything that turns them into a plan: the compiler,
    `widen`, the look-alike table that spells Russian cue words as the view does (its code and its data), and
    the Python version (`re.escape` has changed between versions)."""
    digest = hashlib.sha256(f"marketguard rule-pack plan v{FORMAT} python {sys.version_info[:2]}\n".encode())
    for module in (compiler, prefilter, confusables):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(confusables.table_bytes())
    for name, text in sources:
        digest.update(f"\0{name}\0{len(text)}\0".encode())
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def plan_to_bytes(plan: PackPlan, key: str) -> bytes:
    """The stored form: gzipped JSON, byte-identical for the same plan (no timestamp in the gzip header)."""
    return gzip.compress(plan_to_json(plan, key).encode("utf-8"), compresslevel=9, mtime=0)


def plan_to_json(plan: PackPlan, key: str) -> str:
    data = {
        "format": FORMAT,
        "key": key,
        "sources": plan.sources,
        "hints": plan.hints,
        "rules": plan.rules,
        "trigger_groups": plan.trigger_groups,
        "by_trigger": {str(g): rules for g, rules in plan.by_trigger.items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def plan_from_json(text: str, key: str) -> PackPlan | None:
    """The stored plan if it was made for `key` (the same files and compiler), else None."""
    try:
        data: dict[str, Any] = json.loads(text)
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        return PackPlan(
            tuple(data["sources"]),
            tuple(data["hints"]),
            tuple((tuple(groups), unless, in_message) for groups, unless, in_message in data["rules"]),
            tuple(data["trigger_groups"]),
            {int(g): tuple(rules) for g, rules in data["by_trigger"].items()},
        )
    except (ValueError, KeyError, TypeError):
        return None  # unreadable: work the plan out again, as for an edited pack


def packaged_plan_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("marketguard").joinpath("rules/fraud", PLAN_FILE)))


def packaged_plan(sources: Iterable[tuple[str, str]]) -> PackPlan | None:
    """The stored plan of the packaged pack, if it matches these files and this compiler."""
    try:
        text = gzip.decompress(packaged_plan_path().read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return None
    return plan_from_json(text, plan_key(sources))
