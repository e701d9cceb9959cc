"""The thresholds live in YAML, are checked, and change decisions."""

from __future__ import annotations

import copy
from importlib import resources
from typing import Any

import pytest
import yaml
from acct_helpers import IPHONE, NETS, event

from marketguard.core.accounts import AccountConfig, AccountDecision, AccountMonitor, StaticIpIntel
from marketguard.errors import ConfigError


def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(resources.files("marketguard").joinpath("rules/accounts.yaml").read_text())
    return data


def test_packaged_config_loads() -> None:
    cfg = AccountConfig.from_mapping(raw())
    assert cfg.policy["review"] < cfg.policy["block"]
    assert abs(sum(cfg.population.hour) - 1.0) < 1e-9


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("policy", "review"), "high", "must be a number"),
        (("policy", "block"), 0.5, "must be below"),
        (("verdicts", "typo_key"), 1.0, "unknown keys"),
    ],
)
def test_bad_config_is_refused(path: tuple[str, str], value: Any, message: str) -> None:
    data = copy.deepcopy(raw())
    data[path[0]][path[1]] = value
    with pytest.raises(ConfigError, match=message):
        AccountConfig.from_mapping(data)


def test_challenge_threshold_comes_from_config() -> None:
    def decide(challenge: float) -> AccountDecision:
        data = raw()
        data["policy"]["challenge_llr"] = challenge
        monitor = AccountMonitor(ipintel=StaticIpIntel(NETS), config=AccountConfig.from_mapping(data))
        for n in range(1, 30):
            monitor.observe(event("login", n, 1 + n // 3, 10))
        return monitor.observe(event("login", 99, 12, 10, device_id="new", user_agent=IPHONE)).decision

    assert decide(1000.0) is AccountDecision.ALLOW
    assert decide(-100.0) is AccountDecision.CHALLENGE
