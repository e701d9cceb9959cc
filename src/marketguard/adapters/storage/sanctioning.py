"""Deciding a claimed case: the action (or the ladder's rung), the sanction with its statement of reasons,
the webhook to the affected user, and what the reporters learn."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, cases, outbox
from marketguard.adapters.storage.clock import new_id
from marketguard.adapters.storage.reports import learn
from marketguard.adapters.storage.tables import Decision, Report, Sanction
from marketguard.service.audit import EventKind
from marketguard.service.sanctions import Action, Evidence, LadderStep, resolve, statement_of_reasons
from marketguard.service.settings import ServiceSettings


def evidence_for(session: Session, case_id: str) -> list[Evidence]:
    """What the affected user is shown: their own words with the detector that found them, and that
    reports exist (with the reason) but never who made them."""
    out: list[Evidence] = []
    for d in session.execute(
        select(Decision).where(Decision.case_id == case_id).order_by(Decision.created_at)
    ).scalars():
        if d.source == "screen":
            sigs = d.trace.get("signals", [])
            parts = [f'{s["kind"]} "{s["text"]}" (characters {s["start"]}-{s["end"]})' for s in sigs[:5]]
            out.append(Evidence(f"{d.item_kind} {d.item_id or d.id}", "; ".join(parts) or f"decision {d.decision}"))
        else:
            out.append(Evidence(f"account event {d.item_kind}", f"rule {d.rule}, decision {d.decision}"))
    reasons = session.execute(
        select(Report.reason, func.count()).where(Report.case_id == case_id).group_by(Report.reason)
    ).all()
    for reason, n in reasons:
        out.append(Evidence("reports by other users", f"{n} about {reason.replace('_', ' ')}"))
    return out


def decide(
    session: Session,
    settings: ServiceSettings,
    case_id: str,
    reviewer: str,
    action: Action,
    duration: timedelta | None,
    reason: str,
    now: datetime,
) -> dict[str, Any]:
    row = cases.get(session, case_id)
    subject = (row.subject_type, row.subject_id)
    prior = int(
        session.execute(
            select(func.count())
            .select_from(Sanction)
            .where(
                Sanction.subject_type == subject[0],
                Sanction.subject_id == subject[1],
                Sanction.family == "circumvention",
                Sanction.lifted_at.is_(None),
                Sanction.action != Action.DISMISS.value,
            )
        ).scalar_one()
    )
    family = row.family
    step: LadderStep = resolve(action, duration, family, settings.ladder, prior)
    cases.transition(
        session,
        row,
        EventKind.CASE_DECIDED,
        reviewer,
        {
            "reviewer": reviewer,
            "action": step.action.value,
            "chosen": action.value,
            "reason": reason,
            "duration": step.spec,
        },
        now,
        extra={"decided_at": now},
    )
    upheld = step.action is not Action.DISMISS
    until = now + step.duration if step.duration else None
    appeal_until = now + timedelta(days=settings.appeal_days) if upheld and settings.appeal_days > 0 else None
    statement = statement_of_reasons(step.action, family, reason, evidence_for(session, case_id), until, appeal_until)
    sanction_id = new_id()
    session.add(
        Sanction(
            id=sanction_id,
            case_id=case_id,
            subject_type=subject[0],
            subject_id=subject[1],
            family=family,
            action=step.action.value,
            decided_by=reviewer,
            starts_at=now,
            ends_at=until,
            appeal_until=appeal_until,
            lifted_at=None,
            statement=statement,
        )
    )
    session.flush()
    if upheld:
        audit_log.append(
            session,
            EventKind.SANCTION_APPLIED,
            reviewer,
            {
                "sanction_id": sanction_id,
                "action": step.action.value,
                "ends_at": until.isoformat() if until else None,
                "ladder_rung": prior + 1 if action is Action.LADDER else None,
            },
            case_id,
            subject,
            now,
        )
    learn(session, case_id, upheld)
    decision = {
        "case_id": case_id,
        "sanction_id": sanction_id,
        "subject": {"type": subject[0], "id": subject[1]},
        "action": step.action.value,
        "ends_at": until.isoformat() if until else None,
        "appeal_until": appeal_until.isoformat() if appeal_until else None,
        "statement": statement,
        "decided_at": now.isoformat(),
    }
    outbox.enqueue(session, "decision.made", decision)
    if upheld and until is not None:  # the platform is told when a timed sanction ends, at that time
        ended = {
            "sanction_id": sanction_id,
            "case_id": case_id,
            "subject": decision["subject"],
            "action": step.action.value,
            "ended_at": until.isoformat(),
        }
        outbox.enqueue(session, "sanction.ended", ended, not_before=until)
    return {**decision, "decided_by": reviewer}


def active_sanctions(session: Session, subject: tuple[str, str], now: datetime) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Sanction).where(
            Sanction.subject_type == subject[0],
            Sanction.subject_id == subject[1],
            Sanction.lifted_at.is_(None),
            Sanction.action != Action.DISMISS.value,
        )
    ).scalars()
    return [sanction_dict(s) for s in rows if s.ends_at is None or s.ends_at > now]


def sanction_dict(s: Sanction) -> dict[str, Any]:
    return {
        "id": s.id,
        "case_id": s.case_id,
        "action": s.action,
        "family": s.family,
        "decided_by": s.decided_by,
        "starts_at": s.starts_at.isoformat(),
        "ends_at": s.ends_at.isoformat() if s.ends_at else None,
        "appeal_until": s.appeal_until.isoformat() if s.appeal_until else None,
        "lifted_at": s.lifted_at.isoformat() if s.lifted_at else None,
        "statement": s.statement,
    }


def subject_sanctions(session: Session, subject: tuple[str, str], now: datetime) -> dict[str, Any]:
    return {"subject": {"type": subject[0], "id": subject[1]}, "active": active_sanctions(session, subject, now)}


def log_ended(session: Session, now: datetime, limit: int = 500) -> int:
    """Write `sanction.ended` to the audit log for each timed sanction whose end has come and that no
    appeal lifted first; returns how many. Each is claimed by a conditional UPDATE, so two workers
    sweeping at once log it once. The webhook for the same moment is queued when the sanction is made."""
    due = session.execute(
        select(Sanction)
        .where(
            Sanction.ends_at.is_not(None),
            Sanction.ends_at <= now,
            Sanction.lifted_at.is_(None),
            Sanction.end_logged_at.is_(None),
        )
        .order_by(Sanction.ends_at)
        .limit(limit)
    ).scalars()
    logged = 0
    for row in list(due):
        claimed = session.execute(
            update(Sanction).where(Sanction.id == row.id, Sanction.end_logged_at.is_(None)).values(end_logged_at=now)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            continue
        assert row.ends_at is not None
        audit_log.append(
            session,
            EventKind.SANCTION_ENDED,
            "system",
            {"sanction_id": row.id, "action": row.action, "ended_at": row.ends_at.isoformat()},
            row.case_id,
            (row.subject_type, row.subject_id),
            now,
        )
        logged += 1
    return logged
