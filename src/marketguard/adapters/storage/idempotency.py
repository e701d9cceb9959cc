"""Stored answers to POSTs made with an Idempotency-Key (per API key), saved in the write's transaction.

Because the answer is inserted in the same transaction as the write it describes, a retry either finds
the answer (the write happened) or finds nothing (it did not): never a write without its answer.

Answers are kept `idempotency_keep_days` (the sweeper deletes older ones with `prune_expired`): a client's
retries and a broker's redeliveries come within minutes, and a table that only grows would slow every write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, delete, select
from sqlalchemy.orm import Session

from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.tables import IdempotentResponse
from marketguard.service.errors import Invalid


@dataclass(frozen=True, slots=True)
class Stored:
    status: int
    body: str


def find(session: Session, key_id: str, idem_key: str, route: str, request_hash: str) -> Stored | None:
    row = session.get(IdempotentResponse, (key_id, idem_key))
    if row is None:
        return None
    if row.route != route or row.request_hash != request_hash:
        raise Invalid(
            "idempotency_key_reused",
            "this Idempotency-Key was already used with a different request; use a new key for a new request",
        )
    return Stored(row.status, row.body)


def save(session: Session, key_id: str, idem_key: str, route: str, request_hash: str, status: int, body: str) -> None:
    session.add(
        IdempotentResponse(
            key_id=key_id,
            idem_key=idem_key,
            route=route,
            request_hash=request_hash,
            status=status,
            body=body,
            created_at=utcnow(),
        )
    )
    session.flush()


def prune(session: Session, created_before: datetime, limit: int = 5000) -> int:
    """Delete the answers stored before `created_before`, about `limit` of them (oldest first; a few more when
    several share the last one's time); returns how many. Bounded so one transaction never holds the write lock
    for long."""
    last = session.execute(
        select(IdempotentResponse.created_at)
        .where(IdempotentResponse.created_at < created_before)
        .order_by(IdempotentResponse.created_at)
        .offset(limit - 1)
        .limit(1)
    ).scalar()
    condition = IdempotentResponse.created_at < created_before
    if last is not None:
        condition = condition & (IdempotentResponse.created_at <= last)
    result = cast(CursorResult[Any], session.execute(delete(IdempotentResponse).where(condition)))
    return int(result.rowcount or 0)


def prune_expired(engine: Engine, keep_days: int, now: datetime | None = None, limit: int = 5000) -> int:
    """Delete every answer older than `keep_days` (none when it is 0), `limit` rows a transaction; returns how
    many were deleted."""
    if keep_days <= 0:
        return 0
    cutoff = (now or utcnow()) - timedelta(days=keep_days)
    total = 0
    while True:
        deleted = run(engine, lambda session: prune(session, cutoff, limit))
        total += deleted
        if deleted < limit:
            return total
