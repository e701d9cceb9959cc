"""The webhook outbox: rows written in the same transaction as the change they announce.

A worker leases due rows with a conditional UPDATE (only one worker gets a row), posts them, and marks
them delivered; a failure pushes `next_attempt_at` back exponentially. An undelivered row is never deleted,
so nothing is lost while the receiver is down, and a delivered row is never leased again. Delivered rows
are pruned once they are older than the configured retention (`prune`), so the table does not grow
forever; dead rows (given up or cancelled) are kept, since someone has to look at them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from marketguard.adapters.storage.clock import new_id, utcnow
from marketguard.adapters.storage.tables import Outbox
from marketguard.service.webhooks import backoff


def enqueue(session: Session, topic: str, data: dict[str, Any], not_before: datetime | None = None) -> str:
    """Queue a delivery; `not_before` schedules it (e.g. the end of a timed restriction)."""
    event_id = new_id()
    now = utcnow()
    body = orjson.dumps({"id": event_id, "topic": topic, "created_at": now.isoformat(), "data": data}).decode()
    session.add(
        Outbox(
            id=event_id,
            topic=topic,
            body=body,
            created_at=now,
            attempts=0,
            next_attempt_at=not_before or now,
            lease_until=None,
            delivered_at=None,
            last_error=None,
            dead=False,
        )
    )
    return event_id


def _leasable(now: datetime) -> Any:
    return and_(
        Outbox.delivered_at.is_(None),
        Outbox.dead.is_(False),
        Outbox.next_attempt_at <= now,
        or_(Outbox.lease_until.is_(None), Outbox.lease_until < now),
    )


def lease(session: Session, now: datetime, lease_seconds: float, limit: int = 20) -> list[tuple[str, str, int]]:
    """Take up to `limit` due rows for `lease_seconds`: (id, body, attempts so far)."""
    ids = session.execute(select(Outbox.id).where(_leasable(now)).order_by(Outbox.created_at).limit(limit)).scalars()
    taken: list[tuple[str, str, int]] = []
    until = now + timedelta(seconds=lease_seconds)
    for event_id in list(ids):
        result = session.execute(update(Outbox).where(Outbox.id == event_id, _leasable(now)).values(lease_until=until))
        if result.rowcount == 1:  # type: ignore[attr-defined]
            row = session.get(Outbox, event_id)
            assert row is not None
            taken.append((row.id, row.body, row.attempts))
    return taken


def cancel(session: Session, topic: str, key: str, value: str, why: str) -> int:
    """Cancel undelivered `topic` rows whose data[key] == value (kept, marked dead with the reason)."""
    rows = session.execute(
        select(Outbox).where(Outbox.topic == topic, Outbox.delivered_at.is_(None), Outbox.dead.is_(False))
    ).scalars()
    n = 0
    for row in rows:
        if orjson.loads(row.body)["data"].get(key) == value:
            row.dead, row.last_error = True, f"cancelled: {why}"
            n += 1
    return n


def delivered(session: Session, event_id: str) -> None:
    session.execute(
        update(Outbox).where(Outbox.id == event_id).values(delivered_at=utcnow(), lease_until=None, last_error=None)
    )


def failed(session: Session, event_id: str, attempts: int, error: str, max_attempts: int) -> None:
    """Record a failed attempt; after `max_attempts` the row is marked dead (kept, visible, re-queueable)."""
    n = attempts + 1
    session.execute(
        update(Outbox)
        .where(Outbox.id == event_id, Outbox.delivered_at.is_(None))
        .values(
            attempts=n,
            next_attempt_at=utcnow() + timedelta(seconds=backoff(n)),
            lease_until=None,
            last_error=error[:1000],
            dead=n >= max_attempts,
        )
    )


def pending(session: Session) -> int:
    from sqlalchemy import func

    return int(
        session.execute(
            select(func.count()).select_from(Outbox).where(Outbox.delivered_at.is_(None), Outbox.dead.is_(False))
        ).scalar_one()
    )


def prune(session: Session, delivered_before: datetime, limit: int = 5000) -> int:
    """Delete up to `limit` rows delivered before `delivered_before` (oldest first); returns how many.
    Bounded so one pass never holds the write lock for long; the worker calls it again later."""
    ids = list(
        session.execute(
            select(Outbox.id)
            .where(Outbox.delivered_at.is_not(None), Outbox.delivered_at < delivered_before)
            .order_by(Outbox.delivered_at)
            .limit(limit)
        ).scalars()
    )
    if ids:
        session.execute(delete(Outbox).where(Outbox.id.in_(ids)))
    return len(ids)
