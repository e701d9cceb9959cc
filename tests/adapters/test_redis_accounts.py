"""The Redis store against the real server at 127.0.0.1:6379 (skipped when unreachable, unless required)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from marketguard.adapters.state.redis_accounts import RedisAccounts
from marketguard.core.accounts import AccountMonitor, InMemoryAccounts, NetInfo, NetworkType, StaticIpIntel
from needs import unavailable


@pytest.fixture
def client() -> Iterator[Any]:
    import redis

    conn = redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1)
    try:
        conn.ping()
    except redis.exceptions.ConnectionError as exc:
        unavailable("Redis at 127.0.0.1:6379", str(exc))
    yield conn
    conn.close()


def stream() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {
            "id": "i",
            "kind": "identity",
            "account_id": "a",
            "at": "2026-01-01T00:00:00Z",
            "verified_name": "Ana Lima",
            "verified_country": "GB",
        }
    ]
    for n in range(1, 40):
        out.append(
            {
                "id": f"l{n}",
                "kind": "login",
                "account_id": "a",
                "at": f"2026-01-{1 + n // 2:02d}T1{n % 2}:00:00Z",
                "ip": "1.1.1.1" if n % 7 else "2.2.2.2",
                "device_id": "d1" if n % 5 else "d2",
                "session_id": f"s{n}",
            }
        )
    out.append(
        {
            "id": "p",
            "kind": "payout_change",
            "account_id": "a",
            "at": "2026-01-25T10:00:00Z",
            "ip": "2.2.2.2",
            "device_id": "d9",
            "method": "bank",
            "beneficiary_name": "Bob",
            "beneficiary_country": "VN",
        }
    )
    return out


def test_redis_store_gives_the_same_answers_as_memory(client: Any) -> None:
    intel = StaticIpIntel(
        {
            "1.1.1.1": NetInfo("1.1.1.1", "GB", None, "Home", "1.1.1.0/24", NetworkType.CONSUMER, 55.4, -3.4),
            "2.2.2.2": NetInfo("2.2.2.2", "VN", None, "Away", "2.2.2.0/24", NetworkType.CONSUMER, 14.1, 108.3),
        }
    )
    prefix = f"test:{uuid.uuid4().hex}:"
    store = RedisAccounts(client, prefix=prefix, ttl_days=1)
    try:
        on_redis = AccountMonitor(store=store, ipintel=intel)
        in_memory = AccountMonitor(store=InMemoryAccounts(), ipintel=intel)
        for ev in stream():
            assert on_redis.observe(ev).to_dict() == in_memory.observe(ev).to_dict()
        assert client.ttl(prefix + "a") > 0
        again = AccountMonitor(store=RedisAccounts(client, prefix=prefix), ipintel=intel)
        assert again.observe(stream()[5]).replay  # state survives the process: a replay is recognised
    finally:
        store.delete("a")
