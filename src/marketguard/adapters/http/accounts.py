"""The account monitor the service uses: in memory, or with per-account state in Redis when
`MARKETGUARD_REDIS_URL` is set (so every worker process, and a restarted one, sees the same history).

With Redis, each account's event is judged under a short Redis lock on that account: two workers
receiving events of one account at once take turns instead of overwriting each other's profile update.
The monitor comes from `marketguard.core.accounts`; when it cannot be imported the account-event routes
answer 503 `accounts_unavailable` and the rest of the service works.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from marketguard.errors import ConfigError
from marketguard.service.settings import ServiceSettings

log = logging.getLogger("marketguard.http")

LOCK_SECONDS = 10


class LockedMonitor:
    """An AccountMonitor on a Redis store, observing each account's events one at a time across processes."""

    def __init__(self, monitor: Any, client: Any, prefix: str) -> None:
        self.monitor = monitor
        self.client = client
        self.prefix = prefix

    def observe(self, event: Mapping[str, Any]) -> Any:
        account = event.get("account_id") if isinstance(event, Mapping) else None
        if not isinstance(account, str | int) or isinstance(account, bool):
            return self.monitor.observe(event)  # malformed: the monitor names the field, nothing is stored
        with self.client.lock(f"{self.prefix}lock:{account}", timeout=LOCK_SECONDS, blocking_timeout=LOCK_SECONDS):
            return self.monitor.observe(event)


def build_monitor(settings: ServiceSettings) -> Any:
    try:
        from marketguard.core.accounts import AccountMonitor
    except ImportError as exc:
        log.warning("account events disabled: %s", exc)
        return None
    if not settings.redis_url:
        return AccountMonitor()
    try:
        import redis

        from marketguard.adapters.state.redis_accounts import RedisAccounts
    except ImportError as exc:
        raise ConfigError(f"MARKETGUARD_REDIS_URL is set but the Redis account store is missing: {exc}") from None
    client = redis.Redis.from_url(settings.redis_url)
    store = RedisAccounts(client, prefix=settings.redis_prefix)
    return LockedMonitor(AccountMonitor(store=store), client, settings.redis_prefix)
