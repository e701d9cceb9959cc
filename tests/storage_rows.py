"""A stored decision's row, for the tests that compare a driver-direct INSERT with SQLAlchemy's Core INSERT."""

from __future__ import annotations

from datetime import datetime
from typing import Any


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
