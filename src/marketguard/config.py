"""Configuration files: a small YAML document that sets `ScreenerConfig`, read by the adapters.

    detectors:
      disabled: [contact.url]          # ids from `marketguard detectors`
      enabled: [contact.model, payment.model]   # detectors that are off by default (the circumvention model)
      allowed_domains: [github.com, behance.net, mycompany.com]
      regions: [BR, PT]                # tried first for national phone numbers
    max_chars: 20000
    history_turns: 3
    policy: my-policy.yaml             # relative to this file

Unknown keys are errors that name the key, so a typo never silently leaves a detector on.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from marketguard.core.detectors.base import DetectorConfig
from marketguard.core.engine import ScreenerConfig
from marketguard.core.policy import Policy
from marketguard.defaults import load_policy
from marketguard.errors import ConfigError

_TOP = {"detectors", "max_chars", "history_turns", "code_factor", "policy", "max_findings_per_detector"}
_DETECTORS = {"disabled", "enabled", "allowed_domains", "regions", "platform_words"}


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def load_config(path: str | Path) -> tuple[ScreenerConfig, Policy | None]:
    """Read a configuration file; returns the screener settings and the policy it names, if any."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping")
    unknown = set(raw) - _TOP
    if unknown:
        raise ConfigError(f"{path}: unknown keys {sorted(map(str, unknown))}; known: {sorted(_TOP)}")
    config = ScreenerConfig()
    det = raw.get("detectors") or {}
    if not isinstance(det, dict) or set(det) - _DETECTORS:
        raise ConfigError(f"{path}: 'detectors' takes {sorted(_DETECTORS)}")
    detectors: DetectorConfig = config.detectors
    if "allowed_domains" in det:
        domains = _strings(det["allowed_domains"], "detectors.allowed_domains")
        detectors = replace(detectors, allowed_domains=frozenset(d.lower() for d in domains))
    if "regions" in det:
        regions = tuple(r.upper() for r in _strings(det["regions"], "detectors.regions"))
        detectors = replace(detectors, regions=regions + tuple(r for r in detectors.regions if r not in regions))
    if "platform_words" in det:
        detectors = replace(detectors, platform_words=_strings(det["platform_words"], "detectors.platform_words"))
    config = replace(config, detectors=detectors)
    if "disabled" in det:
        config = replace(config, disabled=frozenset(_strings(det["disabled"], "detectors.disabled")))
    if "enabled" in det:
        config = replace(config, enabled=frozenset(_strings(det["enabled"], "detectors.enabled")))
    limits = {}
    for key in ("max_chars", "history_turns", "max_findings_per_detector"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{path}: {key} must be a positive whole number")
            limits[key] = value
    config = replace(
        config,
        max_chars=limits.get("max_chars", config.max_chars),
        history_turns=limits.get("history_turns", config.history_turns),
        max_findings_per_detector=limits.get("max_findings_per_detector", config.max_findings_per_detector),
    )
    if "code_factor" in raw:
        factor = raw["code_factor"]
        if not isinstance(factor, int | float) or not 0 <= factor <= 1:
            raise ConfigError(f"{path}: code_factor must be a number in [0, 1]")
        config = replace(config, code_factor=float(factor))
    policy = None
    if "policy" in raw:
        if not isinstance(raw["policy"], str):
            raise ConfigError(f"{path}: policy must be a path")
        policy = load_policy(str(path.parent / raw["policy"]))
    return config, policy
