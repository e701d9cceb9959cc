"""The account monitor the service uses: in memory, or with per-account state in Redis when a Redis URL
is configured (so every worker process and restart sees the same history).

The monitor comes from `marketguard.core.accounts` (account integrity, built alongside the service); when
it cannot be imported the account-event routes answer 503 `accounts_unavailable` and the rest works.
"""

from __future__ import annotations

import logging
from typing import Any

from marketguard.service.settings import ServiceSettings

log = logging.getLogger("marketguard.http")


def build_monitor(settings: ServiceSettings) -> Any:
    try:
        from marketguard.core.accounts import AccountMonitor
    except ImportError as exc:
        log.warning("account events disabled: %s", exc)
        return None
    if not settings.redis_url:
        return AccountMonitor()
    import redis

    from marketguard.adapters.state.redis_accounts import RedisAccounts  # type: ignore[import-not-found,unused-ignore]

    client = redis.Redis.from_url(settings.redis_url)
    return AccountMonitor(store=RedisAccounts(client))
