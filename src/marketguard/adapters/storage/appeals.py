"""Appeals: filed within the window by the sanctioned user, decided by another reviewer; an overturn lifts
the sanction and counts the case's reports as rejected."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, cases, outbox
from marketguard.adapters.storage.clock import new_id
from marketguard.adapters.storage.reports import learn
from marketguard.adapters.storage.tables import Appeal, Sanction
from marketguard.service.audit import EventKind
from marketguard.service.errors import Conflict, Invalid, NotFound


def file_appeal(session: Session, case_id: str, text: str, actor: str, now: datetime) -> dict[str, Any]:
    row = cases.get(session, case_id)
    sanction = session.execute(select(Sanction).where(Sanction.case_id == case_id)).scalar_one_or_none()
    if sanction is not None and sanction.appeal_until is not None and now > sanction.appeal_until:
        raise Invalid("appeal_window_closed", f"appeals for this case closed at {sanction.appeal_until.isoformat()}")
    appeal_id = new_id()
    cases.transition(session, row, EventKind.APPEAL_FILED, actor, {"appeal_id": appeal_id}, now)
    assert sanction is not None  # the guard refuses cases without a sanction
    session.add(
        Appeal(
            id=appeal_id,
            case_id=case_id,
            sanction_id=sanction.id,
            text=text,
            filed_at=now,
            handled_by=None,
            outcome=None,
            reasons=None,
            decided_at=None,
        )
    )
    session.flush()
    return appeal_view(session, appeal_id)


def decide_appeal(
    session: Session, appeal_id: str, reviewer: str, outcome: str, reasons: str, now: datetime
) -> dict[str, Any]:
    appeal = session.get(Appeal, appeal_id)
    if appeal is None:
        raise NotFound("appeal_not_found", f"no appeal {appeal_id!r}")
    if appeal.outcome is not None:
        raise Conflict("appeal_decided", "this appeal was already decided")
    row = cases.get(session, appeal.case_id)
    cases.transition(
        session,
        row,
        EventKind.APPEAL_DECIDED,
        reviewer,
        {"appeal_id": appeal_id, "outcome": outcome, "reasons": reasons},
        now,
    )
    appeal.handled_by, appeal.outcome, appeal.reasons, appeal.decided_at = reviewer, outcome, reasons, now
    subject = (row.subject_type, row.subject_id)
    if outcome == "overturned":
        session.execute(update(Sanction).where(Sanction.id == appeal.sanction_id).values(lifted_at=now))
        audit_log.append(
            session,
            EventKind.SANCTION_LIFTED,
            reviewer,
            {"sanction_id": appeal.sanction_id, "because": "appeal overturned"},
            row.id,
            subject,
            now,
        )
        learn(session, row.id, upheld=False, undo=True)
        outbox.cancel(session, "sanction.ended", "sanction_id", appeal.sanction_id, "sanction lifted on appeal")
    session.flush()
    view = appeal_view(session, appeal_id)
    outbox.enqueue(
        session,
        "appeal.decided",
        {
            "appeal_id": appeal_id,
            "case_id": row.id,
            "subject": {"type": subject[0], "id": subject[1]},
            "outcome": outcome,
            "reasons": reasons,
            "sanction_lifted": outcome == "overturned",
            "decided_at": now.isoformat(),
        },
    )
    return view


def appeal_view(session: Session, appeal_id: str) -> dict[str, Any]:
    a = session.get(Appeal, appeal_id)
    if a is None:
        raise NotFound("appeal_not_found", f"no appeal {appeal_id!r}")
    return {
        "id": a.id,
        "case_id": a.case_id,
        "sanction_id": a.sanction_id,
        "text": a.text,
        "filed_at": a.filed_at.isoformat(),
        "handled_by": a.handled_by,
        "outcome": a.outcome,
        "reasons": a.reasons,
        "decided_at": a.decided_at.isoformat() if a.decided_at else None,
    }


def open_appeals(session: Session, limit: int) -> list[dict[str, Any]]:
    ids = (
        session.execute(select(Appeal.id).where(Appeal.outcome.is_(None)).order_by(Appeal.filed_at).limit(limit))
        .scalars()
        .all()
    )
    out = []
    for i in ids:
        view = appeal_view(session, i)
        case = cases.get(session, view["case_id"])
        view["decided_by"] = case.decided_by
        out.append(view)
    return out
