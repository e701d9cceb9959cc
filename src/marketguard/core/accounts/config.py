"""The account policy's configuration: model priors and thresholds, read from YAML (`rules/accounts.yaml`).

Every number that decides anything lives in the YAML file; this module only checks its shape, so a typo
is an error naming the key rather than a silent default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marketguard.errors import ConfigError


def _section(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ConfigError(f"accounts config: section '{key}' must be a mapping")
    return value


def _num(section: Mapping[str, Any], key: str, where: str) -> float:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"accounts config: '{where}.{key}' must be a number, got {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class Population:
    device: float
    network: float
    org: float
    country: float
    browser: dict[str, float]
    os: dict[str, float]
    hour: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class AccountConfig:
    """The whole configuration; `AccountConfig.from_mapping(yaml.safe_load(...))`."""

    alpha: float
    clip_low: float
    clip_high: float
    weights: dict[str, float]
    population: Population
    signals: dict[str, float]
    verdicts: dict[str, float]
    policy: dict[str, float]

    @classmethod
    def from_mapping(cls, data: Any) -> AccountConfig:
        if not isinstance(data, Mapping):
            raise ConfigError("accounts config must be a mapping with model, signals, verdicts and policy")
        model = _section(data, "model")
        weights = _section(model, "weights")
        pop = _section(model, "population")
        hour = pop.get("hour")
        if not isinstance(hour, list) or len(hour) != 24:
            raise ConfigError("accounts config: 'model.population.hour' must list 24 shares")
        shares = [float(h) for h in hour]
        total = sum(shares)
        population = Population(
            device=_num(pop, "device", "model.population"),
            network=_num(pop, "network", "model.population"),
            org=_num(pop, "org", "model.population"),
            country=_num(pop, "country", "model.population"),
            browser={str(k): _num(_section(pop, "browser"), k, "model.population.browser") for k in pop["browser"]},
            os={str(k): _num(_section(pop, "os"), k, "model.population.os") for k in pop["os"]},
            hour=tuple(s / total for s in shares),
        )
        from marketguard.core.accounts.profile import FEATURES

        missing = [f for f in FEATURES if f not in weights]
        if missing:
            raise ConfigError(f"accounts config: 'model.weights' lacks {missing}")
        sections = {}
        for name, keys in _REQUIRED.items():
            section = _section(data, name)
            sections[name] = {k: _num(section, k, name) for k in keys}
            unknown = set(section) - set(keys)
            if unknown:
                raise ConfigError(f"accounts config: unknown keys in '{name}': {sorted(unknown)}")
        if not sections["policy"]["review"] < sections["policy"]["block"]:
            raise ConfigError("accounts config: 'policy.review' must be below 'policy.block'")
        return cls(
            alpha=_num(model, "alpha", "model"),
            clip_low=_num(model, "clip_low", "model"),
            clip_high=_num(model, "clip_high", "model"),
            weights={f: _num(weights, f, "model.weights") for f in FEATURES},
            population=population,
            signals=sections["signals"],
            verdicts=sections["verdicts"],
            policy=sections["policy"],
        )


_REQUIRED: dict[str, tuple[str, ...]] = {
    "signals": (
        "impossible_speed_kmh",
        "impossible_min_km",
        "session_open_hours",
        "risky_login_llr",
        "payout_after_risky_hours",
        "trusted_device_days",
        "trusted_device_logins",
        "name_match",
    ),
    "verdicts": (
        "half_life_days",
        "established_logins",
        "overlap_days",
        "handover_silence_days",
        "shared_per_login",
        "shared_foreign_factor",
        "shared_concurrent",
        "rented_per_login",
        "proxy_rotation_orgs",
        "proxy_per_login",
        "hours_drift",
        "hours_alarm",
        "proxy_hours_per_login",
        "takeover_risky_login",
        "takeover_payout_untrusted",
        "takeover_payout_third_party",
        "takeover_payout_foreign",
    ),
    "policy": ("challenge_llr", "review", "block"),
}


def default_account_config() -> AccountConfig:
    """The packaged `rules/accounts.yaml` (read once per call site; callers keep the result)."""
    from importlib import resources

    import yaml

    raw = resources.files("marketguard").joinpath("rules/accounts.yaml").read_text("utf-8")
    return AccountConfig.from_mapping(yaml.safe_load(raw))


def load_account_config(path: str) -> AccountConfig:
    """Read an accounts configuration file; a file that is not YAML is a `ConfigError` naming it."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable accounts configuration: {exc}") from exc
    return AccountConfig.from_mapping(data)
