"""Configuration changes in the audit log: the decision-relevant settings, logged when they change."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.tables import AuditEvent, ChainHead
from marketguard.service.audit import EventKind
from marketguard.service.settings import ServiceSettings


def last_config(session: Session) -> dict[str, Any] | None:
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
