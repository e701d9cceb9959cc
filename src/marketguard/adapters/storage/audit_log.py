"""Appending to the hash-chained audit log and verifying it.

Appends lock the single chain-head row (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite transactions are
already serialised by `BEGIN IMMEDIATE`), so sequence numbers have no gaps and every event links to the one
before it even when many requests write at once. The lock is held until the transaction ends, so a
transaction reads the head once and remembers it for its later appends (a screened message that opens a
case appends two events, a group-commit batch many): one SELECT per transaction instead of one per event.

Lock order: the head is every logging transaction's last lock. A transaction that appends at once takes it at
its first append, after the one case it changed; one that touches several cases (a group-commit batch, the
batch routes) chains its events at commit (`defer_appends`), after every row it locks, so the head is held
only for the events' INSERT and the COMMIT, and a holder of the head never waits for another lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, cast

import orjson
from sqlalchemy import Connection, Table, bindparam, event, insert, select, update
from sqlalchemy.orm import Session

from marketguard.adapters.storage.clock import new_sequential_id, utcnow
from marketguard.adapters.storage.db import execute_on_psycopg
from marketguard.adapters.storage.tables import AuditEvent, ChainHead, no_nul
from marketguard.service.audit import EventKind, Problem, chain_hash, dump_payload, verify

_HEAD = cast(Table, ChainHead.__table__)
_EVENTS = cast(Table, AuditEvent.__table__)
# statements built once: an append runs on every case change, so it skips the ORM and per-call compilation
_LOCK_HEAD = select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1).with_for_update()
_INSERT_EVENT = insert(_EVENTS)
_MOVE_HEAD = update(_HEAD).where(_HEAD.c.id == 1).values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))


def append(
    session: Session,
    kind: EventKind,
    actor: str,
    payload: Mapping[str, Any],
    case_id: str | None = None,
    subject: tuple[str, str] | None = None,
    at: datetime | None = None,
) -> dict[str, Any]:
    """Append one event; returns its record. Written at once under the chain-head lock, or, in a transaction
    that asked for `defer_appends`, chained and written at its commit: then the record's `seq`, `prev_hash` and
    `hash` are filled in at that moment (the same dict), not before."""
    record: dict[str, Any] = {
        "id": new_sequential_id(),  # append-only: ids that grow with time (see `clock.new_sequential_id`)
        "kind": kind.value,
        "case_id": case_id,
        "subject_type": no_nul(subject[0]) if subject else None,
        "subject_id": no_nul(subject[1]) if subject else None,
        "actor": no_nul(actor),
        "at": (at or utcnow()).isoformat(timespec="microseconds"),
        "payload": dump_payload(payload),
    }
    deferred = _deferred(session)
    if deferred is not None:
        deferred.append(record)  # chained and written at commit (`defer_appends`, `seal`)
        return record
    _chain(session, [record])
    session.execute(_INSERT_EVENT, [record])
    session.execute(_MOVE_HEAD, {"new_seq": record["seq"], "new_hash": record["hash"]})
    return record


def _chain(session: Session, records: list[dict[str, Any]]) -> None:
    """Give `records` their sequence numbers and hashes after the head, which this takes (locked) if the
    transaction does not hold it yet, and remember the new head for the transaction's next append."""
    seq, prev_hash = lock_head(session)
    for record in records:
        seq += 1
        record["seq"] = seq
        record["prev_hash"] = prev_hash
        record["hash"] = prev_hash = chain_hash(prev_hash, record)
    if session.in_nested_transaction():  # a savepoint may roll this back: read the head again next time
        session.info.pop(_HEAD_SEEN, None)
    else:
        session.info[_HEAD_SEEN] = (session.get_transaction(), seq, prev_hash)


_HEAD_SEEN = "marketguard_audit_head"
_DEFERRED = "marketguard_audit_deferred"
_BEFORE_SEAL: list[Callable[[Session], None]] = []


def before_seal(hook: Callable[[Session], None]) -> Callable[[Session], None]:
    """Register work that must reach the database before a transaction's audit events are chained at its commit
    (the screenings' deferred decisions INSERT): everything a transaction sends before the head is locked is
    sent outside the lock's hold."""
    _BEFORE_SEAL.append(hook)
    return hook


def defer_appends(session: Session) -> None:
    """Chain and write this transaction's events at its commit: the chain head is locked only then, after every
    other row the transaction locks, and the events go in one statement with the head's move.

    Why: every logging transaction of every worker waits for the head, which is held until COMMIT returns.
    Taken at the first append (a group-commit batch's first case item), it was held over every statement of
    the batch and each of the writer's waits for the interpreter lock in between; taken at commit it is held
    over the lock itself, the events' INSERT and the COMMIT. It also gives every transaction one lock order:
    rows (cases, a new case's unique subject, idempotency keys) first, the head last, and a transaction that
    holds the head waits for nothing but its own commit, so no cycle of waits can go through the head.

    The chain is the same: the events of one transaction take consecutive sequence numbers in the order they
    were appended, each hash covers the previous hash and the event, verified as before. What changes is when
    the numbers are given, so the transaction must not read its own events back before `seal` (the case view
    and the audit page call it first), nor append inside a savepoint (refused: the savepoint's rollback could
    not take back events that are not written yet). Nothing is written if the transaction rolls back."""
    session.info[_DEFERRED] = (session.get_transaction(), [])


def _deferred(session: Session) -> list[dict[str, Any]] | None:
    """The events waiting for this transaction's commit, when `defer_appends` was asked for it."""
    deferred = session.info.get(_DEFERRED)
    if deferred is None or deferred[0] is not session.get_transaction():
        return None
    if session.in_nested_transaction():
        raise RuntimeError("audit events chained at commit (defer_appends) cannot be appended in a savepoint")
    events: list[dict[str, Any]] = deferred[1]
    return events


def seal(session: Session, commit: bool = False) -> None:
    """Chain and write the transaction's deferred events now, under the head's lock (taken now if not held):
    at commit, or before the transaction reads audit events back. With `commit` (the transaction's own commit,
    nothing left to send after this) PostgreSQL gets the events, the head's move and the COMMIT together."""
    events = _deferred(session)
    if not events:
        return
    pending = list(events)
    events.clear()
    _chain(session, pending)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        _write_postgresql(connection, pending, commit)
        return
    # SQLite: its executemany, then the head (the transaction holds the database's one write lock anyway)
    session.execute(_INSERT_EVENT, pending)
    session.execute(_MOVE_HEAD, {"new_seq": pending[-1]["seq"], "new_hash": pending[-1]["hash"]})


_EVENT_COLUMNS = tuple(column.name for column in _EVENTS.columns)
_pg_writes: dict[int, str] = {}


def _pg_write(rows: int) -> str:
    """One statement that moves the head and inserts `rows` events (a data-modifying WITH: both or neither),
    the same text for the same row count, so psycopg prepares it on the server after a few uses."""
    statement = _pg_writes.get(rows)
    if statement is None:
        row = f"({', '.join(['%s'] * len(_EVENT_COLUMNS))})"
        statement = _pg_writes[rows] = (
            "WITH moved AS (UPDATE audit_head SET seq = %s, hash = %s WHERE id = 1) "
            f"INSERT INTO audit_events ({', '.join(_EVENT_COLUMNS)}) VALUES {', '.join([row] * rows)}"
        )
    return statement


def _write_postgresql(connection: Connection, events: list[dict[str, Any]], commit: bool) -> None:
    """The events and the head's move in one statement, sent to psycopg; with `commit`, the COMMIT in the same
    pipeline: one round trip (and the WAL flush) from the chained events to the head's release, where the
    executemany, the UPDATE of the head and the COMMIT were three, each a wait for the server and then for the
    interpreter lock, all while every other worker's logging transaction waited for the head (`execute_on_psycopg`
    says how a driver error is raised)."""
    params: list[Any] = [events[-1]["seq"], events[-1]["hash"]]
    for event_row in events:
        params.extend(_safe(event_row[name]) for name in _EVENT_COLUMNS)
    execute_on_psycopg(connection, _pg_write(len(events)), params, commit)


def _safe(value: Any) -> Any:
    """What the columns' type (`SafeString`) binds: text without NUL."""
    return no_nul(value) if isinstance(value, str) else value


@event.listens_for(Session, "before_commit")
def _at_commit(session: Session) -> None:
    """At the outer commit only (a savepoint's release fires this too): the ORM's pending rows (SQLAlchemy
    flushes them only after this listener, which would be under the head), the registered work (`before_seal`),
    then the deferred events, so the head is the transaction's last lock."""
    if session.in_nested_transaction():
        return
    session.flush()
    for hook in _BEFORE_SEAL:
        hook(session)
    seal(session, commit=True)


def lock_head(session: Session) -> tuple[int, str]:
    """The chain head (seq, hash), locked: read with `SELECT ... FOR UPDATE` the first time in a transaction,
    then remembered (the lock is held until the transaction ends)."""
    seq, prev_hash = _head(session)
    if not session.in_nested_transaction():
        session.info[_HEAD_SEEN] = (session.get_transaction(), seq, prev_hash)
    return seq, prev_hash


def _head(session: Session) -> tuple[int, str]:
    """The chain head, locked: remembered from this transaction's last append, else read with FOR UPDATE."""
    seen = session.info.get(_HEAD_SEEN)
    if seen is not None and seen[0] is session.get_transaction() and not session.in_nested_transaction():
        return seen[1], seen[2]
    seq, prev_hash = session.execute(_LOCK_HEAD).one()
    return int(seq), str(prev_hash)


def to_dict(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "id": event.id,
        "kind": event.kind,
        "case_id": event.case_id,
        "subject_type": event.subject_type,
        "subject_id": event.subject_id,
        "actor": event.actor,
        "at": event.at,
        "payload": orjson.loads(event.payload),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _records(session: Session) -> Iterator[dict[str, Any]]:
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=1000))
    for (e,) in rows:
        yield {
            "seq": e.seq,
            "id": e.id,
            "kind": e.kind,
            "case_id": e.case_id,
            "subject_type": e.subject_type,
            "subject_id": e.subject_id,
            "actor": e.actor,
            "at": e.at,
            "payload": e.payload,
            "prev_hash": e.prev_hash,
            "hash": e.hash,
        }


def verify_log(session: Session) -> tuple[int, list[Problem]]:
    """(events checked, problems); an empty problem list means the log is intact."""
    head = session.execute(select(ChainHead).where(ChainHead.id == 1)).scalar_one()
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for rec in _records(session):
            count += 1
            yield rec

    problems = verify(counted(), head=(head.seq, head.hash))
    return count, problems
