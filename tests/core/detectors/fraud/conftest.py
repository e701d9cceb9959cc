"""A screener without the trained scam model, so that these tests measure the rule-based layers alone."""

from __future__ import annotations

import pytest

from marketguard import Screener, ScreenerConfig
from marketguard.core.registry import Registry


def rules_only_screener() -> Screener:
    model_ids = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model_ids)))


@pytest.fixture(scope="module")
def fraud_screener() -> Screener:
    return rules_only_screener()
