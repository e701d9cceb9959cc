"""The packaged pack's compile plan, stored beside its rule files so that start-up reads it, not redoes it.

Compiling the fraud pack in Python (escaping and folding its words, checking raw expressions: `plan_pack`)
was a quarter of `marketguard scan`'s start-up. The plan is a pure function of the rule files and of what
compiles them (the compiler, `widen`, the look-alike table and its data, the Python version: see `plan_key`),
so `rules/fraud/plan.json.gz` stores it under a key that hashes all of them: any edit to a rule file, or to
that code or data, changes the key, and then the plan is simply worked out again (correct, only
slower) until `marketguard rules compile` writes a fresh one. A test fails while the stored plan is stale.

The file is gzipped JSON (strings and indices; 1.0 MB plain: the trigger groups' prefilter patterns and the
parsed rule files; the exact group regexes are written on first use, `compiler.LazyPatterns`), never
pickle: loading it runs no code. It also holds the rule files as parsed (`docs`, under the same key), so that
start-up builds the pack from JSON instead of parsing the YAML again (libyaml's parser still constructs every
node in Python: 0.03-0.05 s); the file is read and parsed once for both (`_packaged`). A stored plan without
`docs` (written before they were added) still serves the plan; the pack then comes from the YAML.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from marketguard.core.rulepack import compiler
from marketguard.core.rulepack.compiler import PackPlan
from marketguard.core.text import confusables, prefilter

PLAN_FILE = "plan.json.gz"
FORMAT = 2
"""2: no group regexes, and only the trigger groups' prefilter patterns (`PackPlan.stored`): 1.0 MB of JSON
against 15.8 MB (format 1)."""


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


def plan_to_bytes(plan: PackPlan, key: str, docs: list[tuple[str, Any]] | None = None) -> bytes:
    """The stored form: gzipped JSON, byte-identical for the same plan (no timestamp in the gzip header)."""
    return gzip.compress(plan_to_json(plan, key, docs).encode("utf-8"), compresslevel=9, mtime=0)


def plan_to_json(plan: PackPlan, key: str, docs: list[tuple[str, Any]] | None = None) -> str:
    """`docs`: the parsed rule files (`loader.parse_sources`), stored too so that start-up need not parse the YAML
    (0.03-0.05 s): JSON reads them back the same only if they hold nothing but strings, numbers, booleans, None,
    lists and string-keyed mappings, which is checked here."""
    stored = plan.stored()
    data: dict[str, Any] = {
        "format": FORMAT,
        "key": key,
        "groups": len(stored.hints),
        "trigger_hints": [stored.hints[g] for g in stored.trigger_groups],
        "rules": stored.rules,
        "trigger_groups": stored.trigger_groups,
        "by_trigger": {str(g): rules for g, rules in stored.by_trigger.items()},
    }
    if docs is not None:
        parsed_docs = [[name, parsed] for name, parsed in docs]
        try:
            same = json.loads(json.dumps(parsed_docs)) == parsed_docs
        except TypeError:  # a date, a set, bytes...
            same = False
        if not same:
            raise ValueError("the parsed rule files do not round-trip through JSON")
        data["docs"] = parsed_docs
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def plan_from_json(text: str | dict[str, Any], key: str) -> PackPlan | None:
    """The stored plan (`PackPlan.stored`: no regexes) if it was made for `key` (the same files and compiler),
    else None. `text` may be the JSON already parsed."""
    try:
        data: dict[str, Any] = json.loads(text) if isinstance(text, str) else text
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        hints = [""] * int(data["groups"])
        trigger_groups = tuple(data["trigger_groups"])
        for group, hint in zip(trigger_groups, data["trigger_hints"], strict=True):
            hints[group] = hint
        return PackPlan(
            (),
            tuple(hints),
            tuple((tuple(groups), unless, in_message) for groups, unless, in_message in data["rules"]),
            trigger_groups,
            {int(g): tuple(rules) for g, rules in data["by_trigger"].items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # unreadable: work the plan out again, as for an edited pack


def docs_from_json(text: str | dict[str, Any], key: str) -> list[tuple[str, Any]] | None:
    """The parsed rule files stored with the plan, if it was made for `key` and holds them, else None."""
    try:
        data: dict[str, Any] = json.loads(text) if isinstance(text, str) else text
        if data.get("format") != FORMAT or data.get("key") != key or "docs" not in data:
            return None
        return [(str(name), parsed) for name, parsed in data["docs"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def packaged_plan_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("marketguard").joinpath("rules/fraud", PLAN_FILE)))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=2)
def _packaged(sources: tuple[tuple[str, str], ...], path: Path, stamp: tuple[int, int] | None) -> tuple[str, Any]:
    """(key of `sources`, the stored file's JSON parsed, or None): read once per process (and again when the file
    changes: `stamp`), for the plan and the parsed rule files both, which start-up asks for one after the other."""
    key = plan_key(sources)
    try:
        return key, json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, ValueError):
        return key, None


def _stored(sources: Iterable[tuple[str, str]]) -> tuple[str, Any]:
    path = packaged_plan_path()
    return _packaged(tuple(sources), path, _stamp(path))


def packaged_plan(sources: Iterable[tuple[str, str]]) -> PackPlan | None:
    """The stored plan of the packaged pack, if it matches these files and this compiler."""
    key, data = _stored(sources)
    return None if data is None else plan_from_json(data, key)


def packaged_docs(sources: Iterable[tuple[str, str]]) -> list[tuple[str, Any]] | None:
    """The packaged rule files as parsed, stored with the plan, if the plan matches these files and this compiler."""
    key, data = _stored(sources)
    return None if data is None else docs_from_json(data, key)
