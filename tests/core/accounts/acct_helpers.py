"""Events, a fixed address table and monitors for the account tests (no dependence on geoip2fast's
data). Not a conftest.py: a second module named `conftest` would shadow the suite's own."""

from __future__ import annotations

from typing import Any

from marketguard.core.accounts import AccountMonitor, NetInfo, NetworkType, StaticIpIntel

WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.0 Mobile/15E148 Safari/604.1"
)

NETS = {
    "81.2.69.160": NetInfo("81.2.69.160", "GB", None, "Home ISP", "81.2.69.0/24", NetworkType.CONSUMER, 55.4, -3.4),
    "81.2.69.161": NetInfo("81.2.69.161", "GB", None, "Home ISP", "81.2.69.0/24", NetworkType.CONSUMER, 55.4, -3.4),
    "1.2.3.4": NetInfo("1.2.3.4", "VN", None, "Hanoi ISP", "1.2.3.0/24", NetworkType.CONSUMER, 14.1, 108.3),
    "5.5.5.5": NetInfo("5.5.5.5", "NL", None, "M247 Europe SRL", "5.5.5.0/24", NetworkType.VPN, 52.1, 5.3),
    "9.9.9.9": NetInfo("9.9.9.9", "GB", None, "Other ISP", "9.9.9.0/24", NetworkType.CONSUMER, 55.4, -3.4),
}


def event(kind: str, n: int, day: int, hour: int = 10, account: str = "a1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"{account}-{kind}-{n}",
        "kind": kind,
        "account_id": account,
        "at": f"2026-01-{day:02d}T{hour:02d}:00:00Z",
    }
    if kind in ("login", "logout"):
        base.update(ip="81.2.69.160", device_id="laptop", user_agent=WIN, session_id=f"s{n}")
    if kind == "identity":
        base.update(verified_name="Ana Lima", verified_country="GB")
    base.update(fields)
    return base


def new_monitor() -> AccountMonitor:
    return AccountMonitor(ipintel=StaticIpIntel(NETS))


def seasoned_monitor() -> AccountMonitor:
    """An owner in GB with three weeks of ordinary logins on one laptop at home."""
    monitor = new_monitor()
    monitor.observe(event("identity", 0, 1, 0))
    n = 0
    for day in range(1, 22):
        for hour in (9, 14):
            n += 1
            monitor.observe(event("login", n, day, hour))
    return monitor
