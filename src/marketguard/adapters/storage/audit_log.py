"""Appending to the hash-chained audit log and verifying it.

Appends lock the single chain-head row (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite transactions are
already serialised by `BEGIN IMMEDIATE`), so sequence numbers have no gaps and every event links to the one
before it even when many requests write at once. The lock is held until the transaction ends, so a
transaction reads the head once and remembers it for its later appends (a screened message that opens a
case appends two events, a group-commit batch many): one SELECT per transaction instead of one per event.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, cast

import orjson
from sqlalchemy import Table, bindparam, event, insert, select, update
from sqlalchemy.orm import Session

from marketguard.adapters.storage.clock import new_sequential_id, utcnow
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
    """Append one event under the chain-head lock; returns the stored record (with its hashes)."""
    seq, prev_hash = _head(session)
    record: dict[str, Any] = {
        "seq": seq + 1,
        "id": new_sequential_id(),  # append-only: ids that grow with time (see `clock.new_sequential_id`)
        "kind": kind.value,
        "case_id": case_id,
        "subject_type": no_nul(subject[0]) if subject else None,
        "subject_id": no_nul(subject[1]) if subject else None,
        "actor": no_nul(actor),
        "at": (at or utcnow()).isoformat(timespec="microseconds"),
        "payload": dump_payload(payload),
    }
    record["prev_hash"] = prev_hash
    record["hash"] = chain_hash(prev_hash, record)
    deferred = _deferred(session)
    if deferred is not None:
        deferred.append(record)  # written with the transaction's other events at commit (`defer_appends`)
    else:
        session.execute(_INSERT_EVENT, [record])
        session.execute(_MOVE_HEAD, {"new_seq": record["seq"], "new_hash": record["hash"]})
    if session.in_nested_transaction():  # a savepoint may roll this back: read the head again next time
        session.info.pop(_HEAD_SEEN, None)
    else:
        session.info[_HEAD_SEEN] = (session.get_transaction(), record["seq"], record["hash"])
    return record


_HEAD_SEEN = "marketguard_audit_head"
_DEFERRED = "marketguard_audit_deferred"


def defer_appends(session: Session) -> None:
    """Write this transaction's events at its commit: one `executemany` for all of them (a single round trip on
    PostgreSQL, where psycopg pipelines it) and one move of the head, where each `append` sent an INSERT and an
    UPDATE of the head. The group-commit writer asks for it (a batch that
    opens or joins cases appends two events per screening): on PostgreSQL every statement is a round trip, made
    while the transaction holds the chain head, which every other worker's logging transaction waits for.

    The chain is the same: sequence numbers and hashes are computed at `append`, under the head's lock, in the
    same order. What changes is only when the rows reach the database, so the transaction must not read its
    own events back before it commits, nor append inside a savepoint (refused: the savepoint's rollback could
    not take back rows that are not written yet). Nothing is written if the transaction rolls back."""
    session.info[_DEFERRED] = (session.get_transaction(), [])


def _deferred(session: Session) -> list[dict[str, Any]] | None:
    """The events waiting for this transaction's commit, when `defer_appends` was asked for it."""
    deferred = session.info.get(_DEFERRED)
    if deferred is None or deferred[0] is not session.get_transaction():
        return None
    if session.in_nested_transaction():
        raise RuntimeError("audit events appended at commit (defer_appends) cannot be appended in a savepoint")
    events: list[dict[str, Any]] = deferred[1]
    return events


@event.listens_for(Session, "before_commit")
def _write_deferred(session: Session) -> None:
    """At the outer commit only (a savepoint's release fires this too)."""
    if session.in_nested_transaction():
        return
    deferred = session.info.pop(_DEFERRED, None)
    if deferred is None or deferred[0] is not session.get_transaction() or not deferred[1]:
        return
    events: list[dict[str, Any]] = deferred[1]
    # a list of parameter sets: psycopg's executemany, which sends every row in one pipeline (one round trip) and
    # runs them as one prepared statement; SQLite's executemany
    session.execute(_INSERT_EVENT, events)
    session.execute(_MOVE_HEAD, {"new_seq": events[-1]["seq"], "new_hash": events[-1]["hash"]})


def lock_head(session: Session) -> None:
    """Take the chain-head lock now, before the transaction locks anything else it will log about (a case row,
    a new case's unique subject). Every transaction that appends takes this lock anyway; taking it first
    gives all of them one lock order. Without it, a group-commit batch holding the head (from an earlier
    request's append) could wait to insert a subject's case that another batch inserted and is about to log,
    while that batch waits for the head: a deadlock PostgreSQL only breaks after `deadlock_timeout` (1 s),
    which was the ~1 s PostgreSQL latency tail under load. The head read here is the one the next `append`
    uses (no second read)."""
    seq, prev_hash = _head(session)
    if not session.in_nested_transaction():
        session.info[_HEAD_SEEN] = (session.get_transaction(), seq, prev_hash)


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
