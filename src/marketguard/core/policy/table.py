"""The policy is a table of rows (data), and `decide` is a pure function of signals, phase and history.

Rows are validated when the table is parsed: unknown phases, families or decisions, scores outside
[0, 1] and unknown nudge names are errors that name the row. See `marketguard/rules/policy.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from marketguard.core.model import Decision, Phase, Signal
from marketguard.errors import MarketguardError

DEFAULT_RULE = "default-allow"
KNOWN_FAMILIES = frozenset({"contact", "payment", "scam", "account"})


class PolicyError(MarketguardError):
    """The policy table is malformed; the message names the row and the field."""


@dataclass(frozen=True, slots=True)
class PolicyRow:
    id: str
    decision: Decision
    phases: frozenset[Phase]
    families: frozenset[str]
    kinds: frozenset[str]
    min_score: float
    min_prior_attempts: int = 0
    nudge: str | None = None
    redact: bool = False
    description: str = ""
    warning: str | None = None
    """Name of a text in the policy's `warnings`, shown to the recipient (scams are the recipient's problem)."""

    def matches(self, signals: Iterable[Signal], phase: Phase, prior_attempts: int) -> list[Signal]:
        """The signals that make this row fire (empty when it does not)."""
        if phase not in self.phases or prior_attempts < self.min_prior_attempts:
            return []
        return [s for s in signals if s.score >= self.min_score and (s.family in self.families or s.kind in self.kinds)]


@dataclass(frozen=True, slots=True)
class Texts:
    """A language's versions of the nudges and warnings; a name it lacks is given in the policy's own text."""

    nudges: Mapping[str, str] = field(default_factory=dict)
    warnings: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Policy:
    rows: tuple[PolicyRow, ...]
    nudges: Mapping[str, str]
    version: int = 1
    warnings: Mapping[str, str] = field(default_factory=dict)
    translations: Mapping[str, Texts] = field(default_factory=dict)
    """By primary language subtag (`es`, `pt`): the people who read a nudge read it best in their own language."""

    def nudge(self, name: str, language: str | None = None) -> str | None:
        return _localised(self.nudges, self._texts(language).nudges, name)

    def warning(self, name: str, language: str | None = None) -> str | None:
        return _localised(self.warnings, self._texts(language).warnings, name)

    def _texts(self, language: str | None) -> Texts:
        if not language or not self.translations:
            return _NO_TEXTS
        return self.translations.get(primary_subtag(language), _NO_TEXTS)


_NO_TEXTS = Texts()


def primary_subtag(language: str) -> str:
    """`pt-BR` -> `pt`, `ES_mx` -> `es`: translations are kept by language, not by region."""
    return language.replace("_", "-").split("-", 1)[0].strip().lower()


def _localised(own: Mapping[str, str], translated: Mapping[str, str], name: str) -> str | None:
    return translated.get(name) or own.get(name)


@dataclass(frozen=True, slots=True)
class Verdict:
    decision: Decision
    rule: str
    fired: tuple[str, ...]
    nudge: str | None
    redact: tuple[Signal, ...]
    warning: str | None = None


_NOTHING = Verdict(Decision.ALLOW, DEFAULT_RULE, (), None, ())


def decide(
    policy: Policy, signals: Iterable[Signal], phase: Phase, prior_attempts: int = 0, language: str | None = None
) -> Verdict:
    """Apply every row; the most severe decision wins, the first row with it is the deciding rule. The nudge
    and the warning come in `language` where the policy translates them."""
    signals = tuple(signals)
    if not signals:
        return _NOTHING
    fired: list[tuple[PolicyRow, list[Signal]]] = []
    for row in policy.rows:
        hits = row.matches(signals, phase, prior_attempts)
        if hits:
            fired.append((row, hits))
    if not fired:
        return Verdict(Decision.ALLOW, DEFAULT_RULE, (), None, ())
    top = max(row.decision.severity for row, _ in fired)
    winner = next(row for row, _ in fired if row.decision.severity == top)
    nudge_key = winner.nudge or next((r.nudge for r, _ in fired if r.nudge and r.decision.severity == top), None)
    to_redact: list[Signal] = []
    if top >= Decision.REDACT.severity:
        for row, hits in fired:
            if row.decision.severity >= Decision.REDACT.severity or row.redact:
                to_redact.extend(hits)
    # the recipient's warning: the first fired row (in table order) that has one, so that specific rows placed
    # first ("pay to work") speak before general ones ("a known scam pattern")
    warning_key = next((r.warning for r, _ in fired if r.warning), None)
    return Verdict(
        decision=winner.decision,
        rule=winner.id,
        fired=tuple(row.id for row, _ in fired),
        nudge=policy.nudge(nudge_key, language) if nudge_key else None,
        redact=tuple(dict.fromkeys(to_redact)),
        warning=policy.warning(warning_key, language) if warning_key else None,
    )


def parse_policy(data: Mapping[str, Any]) -> Policy:
    """Build a `Policy` from its YAML/JSON form, refusing anything it does not understand."""
    if not isinstance(data, Mapping) or not isinstance(data.get("rows"), list):
        raise PolicyError("a policy needs a 'rows' list")
    nudges = data.get("nudges", {}) or {}
    if not isinstance(nudges, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in nudges.items()):
        raise PolicyError("'nudges' must map names to texts")
    warnings = data.get("warnings", {}) or {}
    if not isinstance(warnings, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in warnings.items()
    ):
        raise PolicyError("'warnings' must map names to texts")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise PolicyError("'version' must be a whole number")
    rows: list[PolicyRow] = []
    seen: set[str] = set()
    allowed = {
        "id",
        "description",
        "phases",
        "families",
        "kinds",
        "min_score",
        "min_prior_attempts",
        "decision",
        "nudge",
        "redact",
        "warning",
    }
    for i, raw in enumerate(data["rows"]):
        where = f"row {i + 1}"
        if not isinstance(raw, Mapping):
            raise PolicyError(f"{where}: must be a mapping")
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid:
            raise PolicyError(f"{where}: needs an 'id'")
        where = f"row {i + 1} ({rid})"
        if rid in seen:
            raise PolicyError(f"{where}: duplicate id")
        seen.add(rid)
        unknown = set(raw) - allowed
        if unknown:
            raise PolicyError(f"{where}: unknown fields {sorted(map(str, unknown))}")
        try:
            decision = Decision(raw.get("decision"))
            phases = frozenset(Phase(p) for p in _strings(raw, "phases", where, [p.value for p in Phase]))
        except ValueError as exc:
            raise PolicyError(f"{where}: {exc}") from exc
        families = frozenset(_strings(raw, "families", where))
        if families - KNOWN_FAMILIES:
            raise PolicyError(f"{where}: unknown families {sorted(families - KNOWN_FAMILIES)}")
        kinds = frozenset(_strings(raw, "kinds", where))
        if not families and not kinds:
            raise PolicyError(f"{where}: needs 'families' or 'kinds'")
        score = raw.get("min_score", 0.0)
        if not isinstance(score, int | float) or not 0.0 <= score <= 1.0:
            raise PolicyError(f"{where}: min_score must be a number in [0, 1]")
        attempts = raw.get("min_prior_attempts", 0)
        if not isinstance(attempts, int) or attempts < 0:
            raise PolicyError(f"{where}: min_prior_attempts must be a whole number >= 0")
        nudge = raw.get("nudge")
        if nudge is not None and (not isinstance(nudge, str) or nudge not in nudges):
            raise PolicyError(f"{where}: nudge {nudge!r} is not defined under 'nudges'")
        warning = raw.get("warning")
        if warning is not None and (not isinstance(warning, str) or warning not in warnings):
            raise PolicyError(f"{where}: warning {warning!r} is not defined under 'warnings'")
        rows.append(
            PolicyRow(
                rid,
                decision,
                phases,
                families,
                kinds,
                float(score),
                attempts,
                nudge,
                bool(raw.get("redact", False)),
                str(raw.get("description", "")),
                warning,
            )
        )
    translations = _translations(data.get("translations"), nudges, warnings)
    return Policy(tuple(rows), dict(nudges), version, dict(warnings), translations)


def _translations(raw: Any, nudges: Mapping[str, str], warnings: Mapping[str, str]) -> dict[str, Texts]:
    """`translations: {es: {nudges: {...}, warnings: {...}}}`; every name must be one the policy defines."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise PolicyError("'translations' must map languages to their nudges and warnings")
    out: dict[str, Texts] = {}
    for language, texts in raw.items():
        where = f"translations.{language}"
        if not isinstance(language, str) or not language.isascii() or not language.isalpha() or primary_subtag(
            language
        ) != language:
            raise PolicyError(f"{where}: a language is a lower-case primary subtag such as 'es' or 'pt'")
        if not isinstance(texts, Mapping) or set(map(str, texts)) - {"nudges", "warnings"}:
            raise PolicyError(f"{where}: must hold only 'nudges' and 'warnings'")
        parts: dict[str, dict[str, str]] = {}
        for part, defined in (("nudges", nudges), ("warnings", warnings)):
            given = texts.get(part) or {}
            if not isinstance(given, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in given.items()
            ):
                raise PolicyError(f"{where}.{part}: must map names to texts")
            unknown = set(given) - set(defined)
            if unknown:
                raise PolicyError(f"{where}.{part}: {sorted(unknown)} not defined under '{part}'")
            parts[part] = dict(given)
        out[language] = Texts(parts["nudges"], parts["warnings"])
    return out


def _strings(raw: Mapping[str, Any], key: str, where: str, default: list[str] | None = None) -> list[str]:
    value = raw.get(key, [] if default is None else default)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PolicyError(f"{where}: '{key}' must be a list of names")
    return value
