"""The service's writes and reads, each run inside one transaction by the caller (`db.run`).

record_screen      store a screening decision with its trace; strong detections open/join a case
record_account     the same for an account event's result
file_report        a user's report joins the reported account's case
decide             close a claimed case: sanction + statement of reasons + webhook, reporters learn
file_appeal        the sanctioned user appeals within the window
decide_appeal      another reviewer upholds or overturns; an overturn lifts the sanction
case_view          the evidence a reviewer sees
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, cases, outbox
from marketguard.adapters.storage.clock import new_id
from marketguard.adapters.storage.tables import (
    Appeal,
    AuditEvent,
    Case,
    ChainHead,
    Decision,
    Report,
    Reporter,
    Sanction,
)
from marketguard.service.audit import EventKind
from marketguard.service.errors import Conflict, Invalid, NotFound
from marketguard.service.priority import (
    FAMILY_SEVERITY,
    FAMILY_TIER,
    REASON_FAMILY,
    case_family,
    is_urgent,
    reputation,
)
from marketguard.service.sanctions import Action, Evidence, LadderStep, resolve, statement_of_reasons
from marketguard.service.settings import ServiceSettings

ESCALATING = ("review", "block")
"""Decisions that always open a case, whatever the score."""


def pseudonym(reporter_id: str) -> str:
    """A stable name for a reporter that reviewers can compare across reports without learning who it is."""
    return "reporter-" + hashlib.sha256(b"marketguard-reporter:" + reporter_id.encode()).hexdigest()[:10]


# -- detections ------------------------------------------------------------------------------------------


def record_screen(
    session: Session,
    settings: ServiceSettings,
    result: dict[str, Any],
    item_kind: str,
    text: str,
    subject: tuple[str, str] | None,
    actor: str,
    now: datetime,
) -> tuple[str, str | None]:
    """Store one screening decision; open or join the subject's case when it is strong enough."""
    signals: list[dict[str, Any]] = result.get("signals", [])
    strong = [s for s in signals if float(s["score"]) >= settings.case_min_score]
    top = max(signals, key=lambda s: float(s["score"]), default=None)
    # the case's family is the most severe one among the signals that count (a scam beats circumvention)
    counted = strong or ([top] if top else [])
    family = max((case_family(str(s["family"])) for s in counted), key=lambda f: FAMILY_TIER.get(f, 0), default=None)
    decision_id = new_id()
    escalate = subject is not None and (
        result["decision"] in ESCALATING or (result["decision"] != "allow" and bool(strong))
    )
    case_id: str | None = None
    if escalate and subject is not None and top is not None and family is not None:
        kinds = [str(s["kind"]) for s in signals] + [str(result.get("rule", ""))]
        item = cases.Item(
            family=family,
            severity=FAMILY_SEVERITY.get(family, 0.3) if result["decision"] != "block" else 1.0,
            confidence=float(top["score"]),
            reporter_weight=0.0,
            urgent=is_urgent(kinds),
            payload={
                "decision_id": decision_id,
                "item_id": result.get("id"),
                "decision": result["decision"],
                "rule": result.get("rule"),
                "kinds": sorted({str(s["kind"]) for s in signals}),
            },
        )
        case_id = cases.attach(session, subject, item, actor, now)
    # a Core insert: this runs for every screened message, and skips the ORM's unit-of-work bookkeeping
    session.execute(
        insert(Decision).values(
            id=decision_id,
            source="screen",
            item_id=result.get("id"),
            item_kind=item_kind,
            subject_type=subject[0] if subject else None,
            subject_id=subject[1] if subject else None,
            decision=result["decision"],
            rule=result.get("rule"),
            family=family,
            text=text,
            trace=result,
            case_id=case_id,
            created_at=now,
        )
    )
    if case_id is not None:
        audit_log.append(
            session,
            EventKind.DETECTION,
            actor,
            {"decision_id": decision_id, "decision": result["decision"], "rule": result.get("rule")},
            case_id,
            subject,
            now,
        )
    return decision_id, case_id


def record_account(
    session: Session, result: dict[str, Any], account_id: str, event: dict[str, Any], actor: str, now: datetime
) -> tuple[str, str | None]:
    """Store an account event's result; review and block decisions open or join the account's case."""
    decision_id = new_id()
    subject = ("account", account_id)
    case_id: str | None = None
    signals: list[dict[str, Any]] = result.get("signals", [])
    if result.get("decision") in ESCALATING:
        kinds = [str(s.get("kind", "")) for s in signals] + [str(result.get("rule", ""))]
        risk = float(result.get("risk", max((float(s.get("score", 0)) for s in signals), default=0.5)))
        item = cases.Item(
            family="account",
            severity=1.0 if result["decision"] == "block" else FAMILY_SEVERITY["account"],
            confidence=min(max(risk, 0.0), 1.0),
            reporter_weight=0.0,
            urgent=is_urgent(kinds),
            payload={
                "decision_id": decision_id,
                "decision": result["decision"],
                "rule": result.get("rule"),
                "kinds": sorted(set(kinds) - {""}),
            },
        )
        case_id = cases.attach(session, subject, item, actor, now)
        audit_log.append(
            session,
            EventKind.ACCOUNT_FLAGGED,
            actor,
            {"decision_id": decision_id, "decision": result["decision"], "rule": result.get("rule")},
            case_id,
            subject,
            now,
        )
    session.add(
        Decision(
            id=decision_id,
            source="account",
            item_id=str(result.get("id")) if result.get("id") is not None else None,
            item_kind=str(event.get("type", "account_event")),
            subject_type="account",
            subject_id=account_id,
            decision=str(result.get("decision")),
            rule=result.get("rule"),
            family="account",
            text=None,
            trace={"result": result, "event": event},
            case_id=case_id,
            created_at=now,
        )
    )
    return decision_id, case_id


# -- reports ---------------------------------------------------------------------------------------------


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


def _learn(session: Session, case_id: str, upheld: bool, undo: bool = False) -> None:
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


# -- decisions and sanctions -----------------------------------------------------------------------------


def _evidence(session: Session, case_id: str) -> list[Evidence]:
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
    statement = statement_of_reasons(step.action, family, reason, _evidence(session, case_id), until, appeal_until)
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
    _learn(session, case_id, upheld)
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
    return [_sanction_dict(s) for s in rows if s.ends_at is None or s.ends_at > now]


def _sanction_dict(s: Sanction) -> dict[str, Any]:
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


# -- appeals ---------------------------------------------------------------------------------------------


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
        _learn(session, row.id, upheld=False, undo=True)
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


# -- what a reviewer sees --------------------------------------------------------------------------------


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
        _sanction_dict(s)
        for s in session.execute(
            select(Sanction)
            .where(Sanction.subject_type == subject[0], Sanction.subject_id == subject[1])
            .order_by(Sanction.starts_at)
        ).scalars()
    ]
    appeal = session.execute(select(Appeal.id).where(Appeal.case_id == case_id)).scalar_one_or_none()
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
    q = select(AuditEvent).where(AuditEvent.seq > after)
    if case_id:
        q = q.where(AuditEvent.case_id == case_id)
    return [audit_log.to_dict(e) for e in session.execute(q.order_by(AuditEvent.seq).limit(limit)).scalars()]


def last_config(session: Session) -> dict[str, Any] | None:
    import orjson

    e = session.execute(
        select(AuditEvent)
        .where(AuditEvent.kind == EventKind.CONFIG_CHANGED.value)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    return orjson.loads(e.payload) if e else None


def record_config(session: Session, settings: ServiceSettings, actor: str) -> bool:
    """Log the decision-relevant settings when they differ from the last logged ones (a config change)."""
    current = settings.public()
    # hold the chain head first, so workers starting together compare against each other's events
    session.execute(select(ChainHead).where(ChainHead.id == 1).with_for_update()).scalar_one()
    if last_config(session) == current:
        return False
    audit_log.append(session, EventKind.CONFIG_CHANGED, actor, current)
    return True


def subject_sanctions(session: Session, subject: tuple[str, str], now: datetime) -> dict[str, Any]:
    return {"subject": {"type": subject[0], "id": subject[1]}, "active": active_sanctions(session, subject, now)}


def case_exists(session: Session, case_id: str) -> bool:
    return session.get(Case, case_id) is not None
