"""YAML rule files -> a validated `Pack`. Every error names the file, the rule and the field.

A pack is a set of files; each may hold:

    cues:       named phrase lists shared by the whole pack, used as "@name"
    defaults:   `within`, `unless`, `unless_in_message`, `in_quotes` for the rules of this file
    rules:      the rules (see `schema.Rule`)

The loader takes the texts (or paths) it is given and nothing else; `default_pack` reads the files that
ship inside the package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marketguard.core.rulepack.schema import KINDS, SEVERITIES, CueGroup, Fixtures, Pack, Rule, RulePackError

DEFAULT_WITHIN = 160
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader reads the packaged rules ten times faster than the pure-Python one (start-up)."""
_RULE_FIELDS = frozenset(
    {
        "id",
        "kind",
        "score",
        "severity",
        "description",
        "all",
        "any",
        "within",
        "unless",
        "unless_in_message",
        "fixtures",
        "in_quotes",
    }
)
_FILE_FIELDS = frozenset({"cues", "defaults", "rules"})
_DEFAULT_FIELDS = frozenset({"within", "unless", "unless_in_message", "in_quotes"})


def load_pack(sources: Iterable[tuple[str, str]]) -> Pack:
    """Build a pack from (name, YAML text) pairs; the name is only used in messages."""
    return pack_from_docs(parse_sources(sources))


def parse_sources(sources: Iterable[tuple[str, str]]) -> list[tuple[str, Any]]:
    """(name, parsed YAML) of each file that holds anything: the part of `load_pack` that reads YAML (three
    quarters of it for the packaged pack, 0.03-0.05 s of start-up, which `precompiled` stores as JSON)."""
    docs: list[tuple[str, Any]] = []
    for name, text in sources:
        try:
            data = yaml.load(text, Loader=_LOADER)
        except yaml.YAMLError as exc:
            raise RulePackError(f"{name}: not valid YAML: {exc}") from exc
        if data is not None:
            _check_file(name, data)  # file by file, as before: the first bad file is the one reported
            docs.append((name, data))
    return docs


def _check_file(name: str, data: Any) -> None:
    if not isinstance(data, Mapping):
        raise RulePackError(f"{name}: a rule file must be a mapping with 'rules' (and optional 'cues')")
    unknown = set(map(str, data)) - _FILE_FIELDS
    if unknown:
        raise RulePackError(f"{name}: unknown top-level fields {sorted(unknown)}")


def pack_from_docs(docs: Iterable[tuple[str, Any]]) -> Pack:
    """Build a pack from (name, parsed YAML) pairs, as `parse_sources` returns them."""
    docs = list(docs)
    for name, data in docs:
        _check_file(name, data)
    cues = _shared_cues(docs)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for name, data in docs:
        defaults = _defaults(name, data.get("defaults"))
        raw_rules = data.get("rules", [])
        if not isinstance(raw_rules, list):
            raise RulePackError(f"{name}: 'rules' must be a list")
        for i, raw in enumerate(raw_rules):
            rule = _rule(name, i, raw, cues, defaults)
            if rule.id in seen:
                raise RulePackError(f"{name}: rule {rule.id!r} is already defined in {seen[rule.id]}")
            seen[rule.id] = name
            rules.append(rule)
    if not rules:
        raise RulePackError("the pack has no rules")
    return Pack(tuple(rules), tuple(name for name, _ in docs), tuple(sorted(cues.items())))


def load_paths(paths: Iterable[str | Path]) -> Pack:
    """Load the given files, and every `*.yaml` file inside the given directories, sorted by name."""
    sources: list[tuple[str, str]] = []
    for p in map(Path, paths):
        files = sorted(p.glob("*.yaml")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            raise RulePackError(f"{p}: no *.yaml rule files in this directory")
        for f in files:
            try:
                sources.append((str(f), f.read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise RulePackError(f"{f}: cannot read: {exc}") from exc
    return load_pack(sources)


@lru_cache(maxsize=1)
def default_sources() -> tuple[tuple[str, str], ...]:
    """(name, YAML text) of each file of the pack that ships in `marketguard/rules/fraud/`, by name."""
    from importlib import resources

    folder = resources.files("marketguard").joinpath("rules/fraud")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return tuple((f"rules/fraud/{e.name}", e.read_text("utf-8")) for e in entries)


@lru_cache(maxsize=1)
def default_pack() -> Pack:
    """The pack that ships in `marketguard/rules/fraud/`: from the parsed files stored with its compile plan when
    that is current (`precompiled.packaged_docs`), else from the YAML."""
    from marketguard.core.rulepack.precompiled import packaged_docs

    sources = default_sources()
    docs = packaged_docs(sources)
    return pack_from_docs(docs) if docs is not None else load_pack(sources)


# -- pieces ------------------------------------------------------------------------------------------------


def _shared_cues(docs: list[tuple[str, Mapping[str, Any]]]) -> dict[str, tuple[str, ...]]:
    raw: dict[str, tuple[str, list[Any]]] = {}
    for name, data in docs:
        cues = data.get("cues", {}) or {}
        if not isinstance(cues, Mapping):
            raise RulePackError(f"{name}: 'cues' must map names to phrase lists")
        for key, phrases in cues.items():
            if not isinstance(key, str) or not key.replace("_", "").isalnum():
                raise RulePackError(f"{name}: cue name {key!r} must be letters, digits and '_'")
            if key in raw:
                raise RulePackError(f"{name}: cue '@{key}' is already defined in {raw[key][0]}")
            if not isinstance(phrases, list) or not phrases:
                raise RulePackError(f"{name}: cue '@{key}' must be a non-empty list of phrases")
            raw[key] = (name, phrases)
    resolved: dict[str, tuple[str, ...]] = {}

    def expand(key: str, trail: tuple[str, ...]) -> tuple[str, ...]:
        if key in resolved:
            return resolved[key]
        where, phrases = raw[key]
        if key in trail:
            raise RulePackError(f"{where}: cue '@{key}' refers to itself through {' -> '.join(trail)}")
        out = _phrases(phrases, f"{where}: cue '@{key}'", lambda ref: _ref(ref, raw, where, key, trail, expand))
        resolved[key] = out
        return out

    for key in raw:
        expand(key, ())
    return resolved


def _ref(
    ref: str,
    raw: Mapping[str, Any],
    where: str,
    key: str,
    trail: tuple[str, ...],
    expand: Any,
) -> tuple[str, ...]:
    if ref not in raw:
        raise RulePackError(f"{where}: cue '@{key}' uses unknown cue '@{ref}'")
    result: tuple[str, ...] = expand(ref, (*trail, key))
    return result


def _phrases(items: Any, where: str, resolve: Any) -> tuple[str, ...]:
    """Phrase strings with "@name" references spliced in; order kept, duplicates dropped."""
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list) or not items:
        raise RulePackError(f"{where}: expected a phrase or a non-empty list of phrases")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise RulePackError(f"{where}: every phrase must be a non-empty string, got {item!r}")
        if item.startswith("@"):
            out.extend(resolve(item[1:]))
        else:
            out.append(item.strip())
    return tuple(dict.fromkeys(out))


def _defaults(name: str, raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise RulePackError(f"{name}: 'defaults' must be a mapping")
    unknown = set(map(str, raw)) - _DEFAULT_FIELDS
    if unknown:
        raise RulePackError(f"{name}: unknown fields in 'defaults': {sorted(unknown)}")
    return dict(raw)


def _rule(name: str, index: int, raw: Any, cues: Mapping[str, tuple[str, ...]], defaults: Mapping[str, Any]) -> Rule:
    where = f"{name}: rule {index + 1}"
    if not isinstance(raw, Mapping):
        raise RulePackError(f"{where}: must be a mapping")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise RulePackError(f"{where}: needs an 'id'")
    where = f"{name}: rule {rid!r}"
    unknown = set(map(str, raw)) - _RULE_FIELDS
    if unknown:
        raise RulePackError(f"{where}: unknown fields {sorted(unknown)}")

    def resolve(ref: str) -> tuple[str, ...]:
        if ref not in cues:
            raise RulePackError(f"{where}: unknown cue '@{ref}'")
        return cues[ref]

    def group(items: Any, field: str) -> CueGroup:
        label = items[1:] if isinstance(items, str) and items.startswith("@") else None
        return CueGroup(_phrases(items, f"{where}: {field}", resolve), label)

    kind = raw.get("kind")
    if kind not in KINDS:
        raise RulePackError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    score = raw.get("score")
    if not isinstance(score, int | float) or isinstance(score, bool) or not 0.0 <= score <= 1.0:
        raise RulePackError(f"{where}: 'score' must be a number in [0, 1]")
    severity = raw.get("severity", "medium")
    if severity not in SEVERITIES:
        raise RulePackError(f"{where}: severity {severity!r} is not one of {list(SEVERITIES)}")
    if ("all" in raw) == ("any" in raw):
        raise RulePackError(f"{where}: needs exactly one of 'all' (a list of cue groups) or 'any' (one group)")
    if "any" in raw:
        groups: tuple[CueGroup, ...] = (group(raw["any"], "any"),)
    else:
        items = raw["all"]
        if not isinstance(items, list) or not items:
            raise RulePackError(f"{where}: 'all' must be a non-empty list of cue groups")
        groups = tuple(group(g, f"all[{i}]") for i, g in enumerate(items))
    within = raw.get("within", defaults.get("within", DEFAULT_WITHIN))
    if not isinstance(within, int) or isinstance(within, bool) or not 1 <= within <= 2000:
        raise RulePackError(f"{where}: 'within' must be a whole number of characters in [1, 2000]")
    unless = _optional_group(raw, defaults, "unless", group)
    unless_msg = _optional_group(raw, defaults, "unless_in_message", group)
    in_quotes = raw.get("in_quotes", defaults.get("in_quotes", False))
    if not isinstance(in_quotes, bool):
        raise RulePackError(f"{where}: 'in_quotes' must be true or false")
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise RulePackError(f"{where}: 'description' must be text")
    return Rule(
        id=rid,
        kind=kind,
        score=float(score),
        severity=severity,
        all=groups,
        within=within,
        unless=unless,
        unless_in_message=unless_msg,
        description=description.strip(),
        fixtures=_fixtures(raw.get("fixtures"), where),
        source=name,
        in_quotes=in_quotes,
    )


def _optional_group(raw: Mapping[str, Any], defaults: Mapping[str, Any], key: str, group: Any) -> CueGroup | None:
    """The rule's own value wins; `[]` or `null` in a rule turns the file default off."""
    value = raw[key] if key in raw else defaults.get(key)
    if value is None or value == []:
        return None
    result: CueGroup = group(value, key)
    return result


def _fixtures(raw: Any, where: str) -> Fixtures:
    if raw is None:
        raise RulePackError(f"{where}: needs 'fixtures' with at least one 'match' and one 'no_match' example")
    if not isinstance(raw, Mapping) or set(map(str, raw)) - {"match", "no_match"}:
        raise RulePackError(f"{where}: 'fixtures' takes only 'match' and 'no_match' lists")
    out: dict[str, tuple[str, ...]] = {}
    for key in ("match", "no_match"):
        items = raw.get(key)
        if not isinstance(items, list) or not items or not all(isinstance(x, str) and x for x in items):
            raise RulePackError(f"{where}: 'fixtures.{key}' must be a non-empty list of texts")
        out[key] = tuple(items)
    return Fixtures(out["match"], out["no_match"])
