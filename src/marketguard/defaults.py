"""The configuration that ships inside the package: the default policy table."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from marketguard.core.policy import Policy, parse_policy


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    raw = resources.files("marketguard").joinpath("rules/policy.yaml").read_text("utf-8")
    return parse_policy(yaml.safe_load(raw))


def load_policy(path: str) -> Policy:
    with open(path, encoding="utf-8") as fh:
        return parse_policy(yaml.safe_load(fh))
