"""Account integrity: shared, rented, sold and taken-over accounts, from logins and payout changes.

    from marketguard.core.accounts import AccountMonitor
    monitor = AccountMonitor()                     # in-memory state, bundled geoip2fast data, rules/accounts.yaml
    result = monitor.observe({"id": "e1", "kind": "login", "account_id": "a1", "at": "2026-01-05T09:00:00Z",
                              "ip": "81.2.69.160", "device_id": "d1", "user_agent": "...", "session_id": "s1"})
    result.decision, result.rule, result.to_dict()

Pure: no I/O here. IP data comes through the `IpIntel` protocol, state through `AccountStore`.
"""

from marketguard.core.accounts.config import AccountConfig, default_account_config, load_account_config
from marketguard.core.accounts.events import ACCOUNT_KINDS, AccountEvent, AccountEventError, EventKind, event_from_dict
from marketguard.core.accounts.geo import IpIntel, NetInfo, NetworkType, StaticIpIntel, great_circle_km
from marketguard.core.accounts.monitor import AccountMonitor
from marketguard.core.accounts.profile import Caps, Profile
from marketguard.core.accounts.result import AccountDecision, AccountResult, AccountSignal
from marketguard.core.accounts.store import AccountStore, InMemoryAccounts

__all__ = [
    "ACCOUNT_KINDS",
    "AccountConfig",
    "AccountDecision",
    "AccountEvent",
    "AccountEventError",
    "AccountMonitor",
    "AccountResult",
    "AccountSignal",
    "AccountStore",
    "Caps",
    "EventKind",
    "InMemoryAccounts",
    "IpIntel",
    "NetInfo",
    "NetworkType",
    "Profile",
    "StaticIpIntel",
    "default_account_config",
    "event_from_dict",
    "great_circle_km",
    "load_account_config",
]
