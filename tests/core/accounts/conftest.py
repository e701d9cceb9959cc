"""Monitors on a fixed address table, so the tests do not depend on geoip2fast's data."""

from __future__ import annotations

import pytest
from acct_helpers import NETS, event

from marketguard.core.accounts import AccountMonitor, StaticIpIntel


@pytest.fixture
def monitor() -> AccountMonitor:
    return AccountMonitor(ipintel=StaticIpIntel(NETS))


@pytest.fixture
def seasoned(monitor: AccountMonitor) -> AccountMonitor:
    """An owner in GB with three weeks of ordinary logins on one laptop at home."""
    monitor.observe(event("identity", 0, 1, 0))
    n = 0
    for day in range(1, 22):
        for hour in (9, 14):
            n += 1
            monitor.observe(event("login", n, day, hour))
    return monitor
