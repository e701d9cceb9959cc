"""The configuration that ships inside the package: the default policy table."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from marketguard.core.policy import Policy, PolicyError, parse_policy

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it: the same safe subset, read several times faster at start-up."""


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    raw = resources.files("marketguard").joinpath("rules/policy.yaml").read_text("utf-8")
    return parse_policy(yaml.load(raw, Loader=_LOADER))


def load_policy(path: str) -> Policy:
    """Read a policy table; a file that is not UTF-8 YAML is a `PolicyError` naming the file."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: not a readable YAML policy: {exc}") from exc
    return parse_policy(data)
