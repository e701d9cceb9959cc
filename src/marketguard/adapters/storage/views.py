"""What reviewers and administrators read: case summaries, the full case with its evidence and history,
stored decisions, and pages of the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, cases
from marketguard.adapters.storage.appeals import appeal_view
from marketguard.adapters.storage.reports import pseudonym
from marketguard.adapters.storage.sanctioning import sanction_dict
from marketguard.adapters.storage.tables import Appeal, AuditEvent, Case, Decision, Report, Sanction
from marketguard.service.errors import NotFound


def case_summary(row: Case, now: datetime) -> dict[str, Any]:
    claimed = row.claimed_by is not None and row.claim_expires_at is not None and row.claim_expires_at > now
    return {
        "id": row.id,
        "subject": {"type": row.subject_type, "id": row.subject_id},
        "status": row.status,
        "family": row.family,
        "urgent": row.urgent,
        "priority": cases.effective_priority(row, now),
        "severity": row.severity,
        "confidence": round(row.confidence, 4),
        "reporter_weight": round(row.reporter_weight, 4),
        "items": row.items,
        "opened_at": row.opened_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "claimed_by": row.claimed_by if claimed else None,
        "claim_expires_at": row.claim_expires_at.isoformat() if claimed and row.claim_expires_at else None,
        "decided_by": row.decided_by,
        "action": row.action,
        "appeal_outcome": row.appeal_outcome,
    }


def case_view(session: Session, case_id: str, now: datetime) -> dict[str, Any]:
    row = cases.get(session, case_id)
    subject = (row.subject_type, row.subject_id)
    detections = []
    for d in session.execute(
        select(Decision).where(Decision.case_id == case_id).order_by(Decision.created_at)
    ).scalars():
        detections.append(
            {
                "id": d.id,
                "source": d.source,
                "item_id": d.item_id,
                "kind": d.item_kind,
                "decision": d.decision,
                "rule": d.rule,
                "text": d.text,
                "trace": d.trace,
                "at": d.created_at.isoformat(),
            }
        )
    reports = []
    for r in session.execute(select(Report).where(Report.case_id == case_id).order_by(Report.created_at)).scalars():
        screened = session.execute(
            select(Decision).where(Decision.item_id == r.target_id, Decision.source == "screen").limit(1)
        ).scalar_one_or_none()
        reports.append(
            {
                "id": r.id,
                "reporter": pseudonym(r.reporter_id),
                "reporter_reputation": round(r.reputation, 4),
                "reason": r.reason,
                "text": r.text,
                "target": {"type": r.target_type, "id": r.target_id},
                "target_screening": screened.trace if screened else None,
                "outcome": r.outcome,
                "at": r.created_at.isoformat(),
            }
        )
    history = [
        {
            "id": d.id,
            "type": d.item_kind,
            "decision": d.decision,
            "rule": d.rule,
            "signals": d.trace.get("result", {}).get("signals", []),
            "event": d.trace.get("event"),
            "at": d.created_at.isoformat(),
        }
        for d in session.execute(
            select(Decision)
            .where(Decision.subject_type == subject[0], Decision.subject_id == subject[1], Decision.source == "account")
            .order_by(Decision.created_at.desc())
            .limit(50)
        ).scalars()
    ]
    earlier = [
        case_summary(c, now)
        for c in session.execute(
            select(Case)
            .where(Case.subject_type == subject[0], Case.subject_id == subject[1], Case.id != case_id)
            .order_by(Case.opened_at.desc())
            .limit(20)
        ).scalars()
    ]
    sanctions = [
        sanction_dict(s)
        for s in session.execute(
            select(Sanction)
            .where(Sanction.subject_type == subject[0], Sanction.subject_id == subject[1])
            .order_by(Sanction.starts_at)
        ).scalars()
    ]
    appeal = session.execute(select(Appeal.id).where(Appeal.case_id == case_id)).scalar_one_or_none()
    audit_log.seal(session)  # a transaction's deferred events (`audit_log.defer_appends`) are read back too
    events = [
        audit_log.to_dict(e)
        for e in session.execute(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
        ).scalars()
    ]
    return {
        **case_summary(row, now),
        "detections": detections,
        "reports": reports,
        "account_history": history,
        "earlier_cases": earlier,
        "sanctions": sanctions,
        "appeal": appeal_view(session, appeal) if appeal else None,
        "events": events,
    }


def decision_view(session: Session, decision_id: str) -> dict[str, Any]:
    d = session.get(Decision, decision_id)
    if d is None:
        raise NotFound("decision_not_found", f"no decision {decision_id!r}")
    return {
        "id": d.id,
        "source": d.source,
        "item_id": d.item_id,
        "kind": d.item_kind,
        "subject": {"type": d.subject_type, "id": d.subject_id} if d.subject_type else None,
        "decision": d.decision,
        "rule": d.rule,
        "family": d.family,
        "text": d.text,
        "trace": d.trace,
        "case_id": d.case_id,
        "at": d.created_at.isoformat(),
    }


def audit_page(session: Session, after: int, limit: int, case_id: str | None = None) -> list[dict[str, Any]]:
    audit_log.seal(session)  # a transaction's deferred events (`audit_log.defer_appends`) are read back too
    q = select(AuditEvent).where(AuditEvent.seq > after)
    if case_id:
        q = q.where(AuditEvent.case_id == case_id)
    return [audit_log.to_dict(e) for e in session.execute(q.order_by(AuditEvent.seq).limit(limit)).scalars()]


def case_exists(session: Session, case_id: str) -> bool:
    return session.get(Case, case_id) is not None
