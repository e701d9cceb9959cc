"""What the application holds for its lifetime: settings, database engine, screener, monitor, metrics."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from marketguard.adapters.http.metrics import Metrics
from marketguard.adapters.http.ratelimit import TokenBuckets
from marketguard.adapters.storage.group_commit import GroupCommit, Recent
from marketguard.adapters.storage.keys import Caller
from marketguard.core.engine import Screener
from marketguard.service.settings import ServiceSettings


def _digest(token: str) -> bytes:
    """About a microsecond for a key-sized string."""
    return hashlib.sha256(token.encode()).digest()


KEY_CACHE_SECONDS = 10.0
"""A revoked key keeps working for at most this long in each worker process."""


@dataclass
class AppState:
    settings: ServiceSettings
    engine: Engine
    screener: Screener
    metrics: Metrics
    buckets: TokenBuckets = field(default_factory=TokenBuckets)
    writer: GroupCommit = field(init=False)
    """Commits `/v1/screen` writes in batches (`storage.group_commit`); one per process, started on first use."""
    monitor: Any = None
    write_waits: Recent = field(default_factory=Recent)
    """Per `/v1/screen` request: from handing its write to the writer until the event loop resumed it with the
    answer (the writer's queue and batch times, plus the hand-back to the loop)."""
    screen_lock: threading.Lock = field(default_factory=threading.Lock)
    """The screener's conversation memory is not thread-safe. `/v1/screen` screens on the event loop; the lock
    still guards any other caller (uncontended, it costs nothing)."""
    monitor_lock: threading.Lock = field(default_factory=threading.Lock)
    _keys: dict[bytes, tuple[Caller, float]] = field(default_factory=dict)
    """Recently authenticated keys by the SHA-256 of the token, not the token: the process then holds no
    usable secret for longer than a request (a heap dump or a debugger shows digests only)."""

    def __post_init__(self) -> None:
        self.writer = GroupCommit(self.engine)

    def cached_key(self, token: str) -> Caller | None:
        hit = self._keys.get(_digest(token))
        if hit is not None and hit[1] > time.monotonic():
            return hit[0]
        return None

    def cache_key(self, token: str, caller: Caller) -> None:
        if len(self._keys) > 10_000:
            self._keys.clear()
        self._keys[_digest(token)] = (caller, time.monotonic() + KEY_CACHE_SECONDS)
