"""One clock for the service, replaceable in tests (claims expire, appeal windows close), and its ids."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


class Every:
    """At most once every `seconds` (monotonic time): the rhythm of the background deletions of old rows (webhook
    deliveries, idempotency answers), each called far more often than it needs to run."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._next = 0.0

    def due(self, now: float | None = None) -> bool:
        """True the first time, then once `seconds` have passed since the last True."""
        now = time.monotonic() if now is None else now
        if now < self._next:
            return False
        self._next = now + self.seconds
        return True


def new_id() -> str:
    return str(uuid.uuid4())


_VERSION_7 = 0x7 << 76
_VARIANT = 0x2 << 62


def new_sequential_id() -> str:
    """A UUID whose leading 48 bits are the Unix time in milliseconds (RFC 9562's version 7), then 74 random bits.

    Why: the rows written for every screened message (decisions, audit events) are keyed by their id, and a
    B-tree index takes each new key where it sorts. Random (version 4) ids land on a random leaf page of the
    primary-key index, so on PostgreSQL nearly every insert after a checkpoint is the first change to its page
    and logs the whole 8 kB page to the WAL (full-page writes): 70 % of a screening's WAL with 100,000 decisions
    stored, more as the table grows (`bench/bench_pg_wal.py`). Ids that grow with time all go to the index's
    right edge, a page already logged. The id is still unique and unguessable (74 random bits); what it adds,
    its creation time to the millisecond, the row already states (`created_at`)."""
    value = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(os.urandom(10), "big")
    value = value & ~(0xF << 76) | _VERSION_7
    value = value & ~(0x3 << 62) | _VARIANT
    return str(uuid.UUID(int=value))
