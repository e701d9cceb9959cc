"""Rows and screenings the storage tests share: a stored decision's row (driver-direct INSERT against SQLAlchemy's
Core INSERT) and the screening results and write functions the group-commit and write-volume tests feed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from marketguard.adapters.storage import moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.service.settings import ServiceSettings

SETTINGS = ServiceSettings()
ALLOW: dict[str, Any] = {"id": "m", "decision": "allow", "rule": None, "signals": []}
REVIEW: dict[str, Any] = {
    "id": "m",
    "decision": "review",
    "rule": "payment-before-contract",
    "signals": [{"kind": "payment.offplatform", "family": "payment", "score": 0.95}],
}


def screen_work(result: dict[str, Any], sender: str) -> Callable[[Session], tuple[str, str | None]]:
    """The write of one screening about `sender`, as the service hands it to the writer."""

    def work(session: Session) -> tuple[str, str | None]:
        return moderation.record_screen(
            session, SETTINGS, result, "message", "text", ("account", sender), "api", utcnow()
        )

    return work


def decision_row(decision_id: str, created_at: datetime, text_value: str, **trace: Any) -> dict[str, Any]:
    """A row with the awkward values both drivers must store alike: NUL, non-ASCII, a big integer in the trace
    (`trace` adds or replaces trace keys: each driver's test picks the integer its JSON type must carry)."""
    return {
        "id": decision_id,
        "source": "screen",
        "item_id": "m-\x00-1",
        "item_kind": "message",
        "subject_type": "account",
        "subject_id": "u-ü",
        "decision": "review",
        "rule": None,
        "family": "circumvention",
        "text": text_value,
        "trace": {"decision": "review", "signals": [{"score": 0.95, "text": "é\x00"}], **trace},
        "case_id": None,
        "created_at": created_at,
    }
