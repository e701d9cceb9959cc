"""User reports: each joins the reported account's case; reporters are known to reviewers only by a
pseudonym and a reputation learnt from how their past reports were decided."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, cases
from marketguard.adapters.storage.clock import new_id
from marketguard.adapters.storage.tables import Report, Reporter
from marketguard.service.audit import EventKind
from marketguard.service.errors import Invalid, NotFound
from marketguard.service.priority import FAMILY_SEVERITY, REASON_FAMILY, is_urgent, reputation


def pseudonym(reporter_id: str) -> str:
    """A stable name for a reporter that reviewers can compare across reports without learning who it is."""
    return "reporter-" + hashlib.sha256(b"marketguard-reporter:" + reporter_id.encode()).hexdigest()[:10]


def file_report(
    session: Session,
    reporter_id: str,
    account_id: str,
    target_type: str,
    target_id: str,
    reason: str,
    text: str,
    actor: str,
    now: datetime,
) -> tuple[str, str]:
    if reporter_id == account_id:
        raise Invalid("self_report", "a user cannot report their own account")
    stats = session.get(Reporter, reporter_id)
    rep = reputation(stats.upheld, stats.rejected) if stats else reputation(0, 0)
    family = REASON_FAMILY[reason]
    report_id = new_id()
    item = cases.Item(
        family=family,
        severity=FAMILY_SEVERITY[family],
        confidence=rep,
        reporter_weight=rep,
        urgent=is_urgent([text.lower()]) if reason == "scam" else False,
        payload={"report_id": report_id, "reason": reason, "target_type": target_type, "target_id": target_id},
    )
    subject = ("account", account_id)
    case_id = cases.attach(session, subject, item, actor, now)
    session.add(
        Report(
            id=report_id,
            reporter_id=reporter_id,
            target_type=target_type,
            target_id=target_id,
            subject_type=subject[0],
            subject_id=subject[1],
            reason=reason,
            text=text,
            reputation=rep,
            outcome=None,
            case_id=case_id,
            created_at=now,
        )
    )
    audit_log.append(
        session,
        EventKind.REPORT_FILED,
        actor,
        {
            "report_id": report_id,
            "reporter": pseudonym(reporter_id),
            "reason": reason,
            "target_type": target_type,
            "target_id": target_id,
            "reputation": round(rep, 4),
        },
        case_id,
        subject,
        now,
    )
    return report_id, case_id


def report_view(session: Session, report_id: str) -> dict[str, Any]:
    r = session.get(Report, report_id)
    if r is None:
        raise NotFound("report_not_found", f"no report {report_id!r}")
    return {
        "id": r.id,
        "case_id": r.case_id,
        "account_id": r.subject_id,
        "target": {"type": r.target_type, "id": r.target_id},
        "reason": r.reason,
        "text": r.text,
        "outcome": r.outcome,
        "created_at": r.created_at.isoformat(),
    }


def learn(session: Session, case_id: str, upheld: bool, undo: bool = False) -> None:
    """Reporters of the case learn from its outcome; `undo` reverses an earlier lesson (overturned appeal)."""
    reports = session.execute(select(Report).where(Report.case_id == case_id)).scalars().all()
    for r in reports:
        stats = session.get(Reporter, r.reporter_id, with_for_update=True)
        if stats is None:
            stats = Reporter(id=r.reporter_id, upheld=0, rejected=0)
            session.add(stats)
        if undo:
            if r.outcome == "upheld":
                stats.upheld = max(stats.upheld - 1, 0)
                stats.rejected += 1
                r.outcome = "rejected"
            continue
        r.outcome = "upheld" if upheld else "rejected"
        if upheld:
            stats.upheld += 1
        else:
            stats.rejected += 1
