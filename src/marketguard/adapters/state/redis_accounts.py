"""`AccountStore` on Redis: one key per account holding its profile as JSON, for the service and workers.

A profile is small and bounded (see `core.accounts.profile.Caps`), so a plain GET/SET of the whole
document is simpler and as fast as a hash of fields; a TTL forgets accounts idle for `ttl_days`.
Concurrent writers to the same account should be avoided by routing (as `scan --workers` does);
the last write wins otherwise.
"""

from __future__ import annotations

from typing import Any

import orjson

from marketguard.core.accounts.profile import Profile


class RedisAccounts:
    """Profiles under `{prefix}{account_id}` in a `redis.Redis` client (bytes responses)."""

    def __init__(self, client: Any, prefix: str = "marketguard:account:", ttl_days: float | None = 400.0) -> None:
        self._redis = client
        self._prefix = prefix
        self._ttl = int(ttl_days * 86400) if ttl_days else None

    @classmethod
    def from_url(cls, url: str = "redis://127.0.0.1:6379/0", **kwargs: Any) -> RedisAccounts:
        import redis

        return cls(redis.Redis.from_url(url), **kwargs)

    def get(self, account_id: str) -> Profile | None:
        raw = self._redis.get(self._prefix + account_id)
        return None if raw is None else Profile.from_dict(orjson.loads(raw))

    def put(self, account_id: str, profile: Profile) -> None:
        self._redis.set(self._prefix + account_id, orjson.dumps(profile.to_dict()), ex=self._ttl)

    def delete(self, account_id: str) -> None:
        self._redis.delete(self._prefix + account_id)
