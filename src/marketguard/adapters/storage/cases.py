"""Cases in the database: opening or joining the subject's open case, claims, and guarded transitions.

Every change goes through `transition`: the pure guard (`service.cases.check`) refuses illegal moves with
a precise error, the pure projection (`service.cases.apply`) computes the new status, and a conditional
UPDATE (`WHERE version = <read version>`) writes it. Two reviewers claiming at once both pass the guard,
but only one UPDATE matches: the other sees zero rows and is told the case is taken.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.clock import new_id
from marketguard.adapters.storage.tables import Case
from marketguard.service.audit import EventKind
from marketguard.service.cases import CaseState, apply, check
from marketguard.service.errors import Conflict, NotFound
from marketguard.service.priority import AGE_RATE, FAMILY_TIER, priority


@dataclass(frozen=True, slots=True)
class Item:
    """What joins a case: a detection or a report, with what the queue orders by."""

    family: str
    severity: float
    confidence: float
    reporter_weight: float
    urgent: bool
    payload: dict[str, Any]


def state_of(row: Case) -> CaseState:
    return CaseState(
        status=row.status,
        family=row.family,
        severity=row.severity,
        confidence=row.confidence,
        reporter_weight=row.reporter_weight,
        items=row.items,
        claimed_by=row.claimed_by,
        claim_expires_at=row.claim_expires_at,
        decided_by=row.decided_by,
        action=row.action,
        appeal_outcome=row.appeal_outcome,
    )


def _columns(state: CaseState, urgent: bool) -> dict[str, Any]:
    return {
        "status": state.status,
        "family": state.family,
        "severity": state.severity,
        "confidence": state.confidence,
        "reporter_weight": state.reporter_weight,
        "items": state.items,
        "claimed_by": state.claimed_by,
        "claim_expires_at": state.claim_expires_at,
        "decided_by": state.decided_by,
        "action": state.action,
        "appeal_outcome": state.appeal_outcome,
        "urgent": urgent,
        "priority": priority(state.family, state.severity, state.confidence, state.reporter_weight, urgent),
    }


_CASES = cast(Table, Case.__table__)
_WRITTEN = (
    "status", "family", "severity", "confidence", "reporter_weight", "items", "claimed_by", "claim_expires_at",
    "decided_by", "action", "appeal_outcome", "urgent", "priority", "updated_at", "decided_at",
)  # fmt: skip
# the conditional UPDATE, built once (it runs on every case change): it matches only the version that was read
_WRITE_CASE = (
    update(_CASES)
    .where(_CASES.c.id == bindparam("b_id"), _CASES.c.version == bindparam("b_version"))
    .values(version=_CASES.c.version + 1, **{c: bindparam(f"v_{c}") for c in _WRITTEN})
)


# built once with its parameters apart, like the UPDATE above: building the expression and its cache key on
# every call was a third of the CPU of a screening that joins a case
_OPEN_CASE = (
    select(Case)
    .where(Case.subject_type == bindparam("b_type"), Case.subject_id == bindparam("b_id"), Case.status == "open")
    .with_for_update()
)
_INSERT_CASE = insert(_CASES)
_OPEN_SUBJECT = ("subject_type", "subject_id")
_IS_OPEN = text("status = 'open'")
_INSERT_UNLESS_OPEN: dict[str, Any] = {
    "postgresql": pg_insert(_CASES)
    .on_conflict_do_nothing(index_elements=_OPEN_SUBJECT, index_where=_IS_OPEN)
    .returning(_CASES.c.id),
}
"""RETURNING says whether the row went in (psycopg reports no row count for it through the ORM session)."""
if sqlite3.sqlite_version_info >= (3, 35):  # RETURNING; an older SQLite keeps the savepoint below
    _INSERT_UNLESS_OPEN["sqlite"] = (
        sqlite_insert(_CASES)
        .on_conflict_do_nothing(index_elements=_OPEN_SUBJECT, index_where=_IS_OPEN)
        .returning(_CASES.c.id)
    )


def _insert_unless_open(session: Session, values: dict[str, Any]) -> bool:
    """Insert a new open case unless the subject has one (`uq_cases_open_subject`); False when it has. A Core
    INSERT ... ON CONFLICT DO NOTHING, not an ORM object and a unit-of-work flush (nothing here needs the object;
    a later read in the transaction loads the row), and not an INSERT in a savepoint that catches the unique
    violation: that cost two more round trips on PostgreSQL (SAVEPOINT, RELEASE) inside a transaction that holds
    the audit chain's head, which the other workers' logging transactions wait for. On PostgreSQL a conflicting
    insert that is not yet committed is waited for, as before: if it commits, this one does nothing."""
    statement = _INSERT_UNLESS_OPEN.get(session.get_bind().dialect.name)
    if statement is None:  # another database (or SQLite before 3.35): a savepoint catches the unique violation
        try:
            with session.begin_nested():
                session.execute(_INSERT_CASE, [values])
        except IntegrityError:
            return False
        return True
    return session.execute(statement, values).first() is not None


def _open_case(session: Session, subject: tuple[str, str]) -> Case | None:
    return session.execute(_OPEN_CASE, {"b_type": subject[0], "b_id": subject[1]}).scalar_one_or_none()


def attach(session: Session, subject: tuple[str, str], item: Item, actor: str, now: datetime) -> str:
    """Add an item to the subject's open case, opening one if there is none; returns the case id.

    Lock order: the case row (or a new case's unique subject) is locked here, the audit chain's head only when
    the events are written (at the first append, or at commit with `audit_log.defer_appends`), so the head is
    always taken after the case. A transaction that attaches several subjects must defer its appends and attach
    them in subject order (`GroupCommit.submit_async(order=...)`, the batch routes), else it would hold the head
    while waiting for the next case."""
    for _ in range(3):
        row = _open_case(session, subject)
        if row is not None:
            case_id = row.id  # read before `transition` expires the row: reading it after costs a SELECT
            transition(
                session, row, EventKind.CASE_ITEM, actor, _item_payload(item), now, urgent=row.urgent or item.urgent
            )
            return case_id
        state = apply(None, EventKind.CASE_OPENED, _item_payload(item))
        case_id = new_id()
        row_values = {
            "id": case_id,
            "subject_type": subject[0],
            "subject_id": subject[1],
            "opened_at": now,
            "updated_at": now,
            "opened_epoch": now.timestamp(),
            "decided_at": None,
            "version": 1,
            **_columns(state, item.urgent),
        }
        if not _insert_unless_open(session, row_values):
            continue  # another transaction opened the subject's case first: join it
        audit_log.append(session, EventKind.CASE_OPENED, actor, _item_payload(item), case_id, subject, now)
        return case_id
    raise Conflict("concurrent_change", "the subject's case changed repeatedly; retry")


def in_subject_order(subjects: list[tuple[str, str] | None]) -> list[int]:
    """The indexes of `subjects` in the order a transaction that attaches all of them must follow (a stable
    sort: one subject's items keep their order; None, attaching nothing, first). Every multi-case transaction
    locks cases in this order (`GroupCommit` sorts its batches the same way), so two of them never wait for each
    other's cases in a cycle."""
    return sorted(range(len(subjects)), key=lambda i: subjects[i] or ())


def _item_payload(item: Item) -> dict[str, Any]:
    return {
        "family": item.family,
        "severity": item.severity,
        "confidence": item.confidence,
        "reporter_weight": item.reporter_weight,
        "urgent": item.urgent,
        **item.payload,
    }


def get(session: Session, case_id: str) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound("case_not_found", f"no case {case_id!r}")
    return row


def transition(
    session: Session,
    row: Case,
    kind: EventKind,
    actor: str,
    payload: dict[str, Any],
    now: datetime,
    urgent: bool | None = None,
    extra: dict[str, Any] | None = None,
) -> CaseState:
    """Guard, project, write conditionally, log; raises Conflict when someone changed the case meanwhile."""
    state = state_of(row)
    check(state, kind, actor, now)
    new = apply(state, kind, payload)
    values = {
        **_columns(new, row.urgent if urgent is None else urgent),
        "updated_at": now,
        "decided_at": row.decided_at,
        **(extra or {}),
    }
    params = {f"v_{c}": values[c] for c in _WRITTEN}
    result = session.execute(_WRITE_CASE, {"b_id": row.id, "b_version": row.version, **params})
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("concurrent_change", "the case was changed by someone else at the same moment; reload it")
    audit_log.append(session, kind, actor, payload, row.id, (row.subject_type, row.subject_id), now)
    session.expire(row)
    return new


def claim(session: Session, case_id: str, reviewer: str, now: datetime, seconds: int) -> Case:
    row = get(session, case_id)
    expires = now + timedelta(seconds=seconds)
    try:
        transition(
            session,
            row,
            EventKind.CASE_CLAIMED,
            reviewer,
            {"reviewer": reviewer, "expires_at": expires.isoformat()},
            now,
        )
    except Conflict as exc:
        if exc.code == "concurrent_change":
            raise Conflict("case_claimed", "another reviewer claimed the case at the same moment") from None
        raise
    return get(session, case_id)


def release(session: Session, case_id: str, reviewer: str, now: datetime) -> Case:
    row = get(session, case_id)
    transition(session, row, EventKind.CASE_RELEASED, reviewer, {"reviewer": reviewer}, now)
    return get(session, case_id)


def queue(session: Session, family: str | None, limit: int, now: datetime, include_claimed: bool) -> list[Case]:
    """Open cases, most urgent first; age counts (see `service.priority`)."""
    q = select(Case).where(Case.status == "open")
    if family:
        q = q.where(Case.family == family)
    if not include_claimed:
        q = q.where((Case.claimed_by.is_(None)) | (Case.claim_expires_at <= now))
    q = q.order_by((Case.priority - Case.opened_epoch * AGE_RATE).desc(), Case.opened_at).limit(limit)
    return list(session.execute(q).scalars())


def effective_priority(row: Case, now: datetime) -> float:
    return round(row.priority + (now.timestamp() - row.opened_epoch) * AGE_RATE, 4)


def depth(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(Case.family, func.count()).where(Case.status.in_(("open", "appealed"))).group_by(Case.family)
    )
    depth = dict.fromkeys(FAMILY_TIER, 0)  # every queue is reported, empty ones as 0
    depth.update({str(f): int(n) for f, n in rows})
    return depth
