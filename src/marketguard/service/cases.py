"""A case's status is a projection of its events (as in Ozone): `apply(state, event) -> state`.

Storage writes the event and the projected row in one transaction; guards sit beside `apply` and raise
before anything is written, so an illegal transition never reaches the log.

    open --claim--> open (claimed) --decide--> closed --appeal--> appealed --uphold/overturn--> resolved
      ^---release / expiry---'

A case collects items (detections and reports) about one subject: an account or a conversation. Its family
is the most severe family among them, which picks the queue it waits in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from marketguard.service.audit import EventKind
from marketguard.service.errors import Conflict, Forbidden
from marketguard.service.priority import FAMILY_TIER


@dataclass(frozen=True, slots=True)
class CaseState:
    status: str = "open"
    """open, closed (decided), appealed (an appeal waits), resolved (appeal decided)."""
    family: str = "other"
    severity: float = 0.0
    confidence: float = 0.0
    reporter_weight: float = 0.0
    """Sum of the reputations of the users who reported the subject (capped when prioritising)."""
    items: int = 0
    claimed_by: str | None = None
    claim_expires_at: datetime | None = None
    decided_by: str | None = None
    action: str | None = None
    appeal_outcome: str | None = None


def claim_active(state: CaseState, now: datetime) -> bool:
    return state.claimed_by is not None and state.claim_expires_at is not None and state.claim_expires_at > now


def check(state: CaseState, kind: EventKind, actor: str, now: datetime) -> None:
    """Refuse an event that the case's state forbids; the message says why."""
    if kind is EventKind.CASE_CLAIMED:
        if state.status != "open":
            raise Conflict("case_not_open", f"the case is {state.status}; only open cases can be claimed")
        if claim_active(state, now) and state.claimed_by != actor:
            until = state.claim_expires_at.isoformat() if state.claim_expires_at else "?"
            raise Conflict("case_claimed", f"the case is claimed by another reviewer until {until}")
    elif kind is EventKind.CASE_RELEASED:
        if state.claimed_by != actor or not claim_active(state, now):
            raise Conflict("not_claimed_by_you", "you do not hold a claim on this case")
    elif kind is EventKind.CASE_DECIDED:
        if state.status != "open":
            raise Conflict("case_not_open", f"the case is {state.status}; it was already decided")
        if state.claimed_by != actor or not claim_active(state, now):
            raise Conflict("not_claimed_by_you", "claim the case before deciding it (or your claim expired)")
    elif kind is EventKind.APPEAL_FILED:
        if state.status != "closed":
            raise Conflict("not_appealable", f"the case is {state.status}; only decided cases can be appealed")
        if state.action in (None, "dismiss"):
            raise Conflict("not_appealable", "a dismissed case has no sanction to appeal")
    elif kind is EventKind.APPEAL_DECIDED:
        if state.status != "appealed":
            raise Conflict("no_open_appeal", "the case has no appeal waiting")
        if actor == state.decided_by:
            raise Forbidden("same_reviewer", "an appeal must be handled by a reviewer other than the one who decided")


def apply(state: CaseState | None, kind: EventKind, payload: dict[str, Any]) -> CaseState:
    """The new status after one event; events that do not touch the status return it unchanged."""
    s = state or CaseState()
    match kind:
        case EventKind.CASE_OPENED | EventKind.CASE_ITEM:
            family = str(payload.get("family", s.family))
            if state is not None and FAMILY_TIER.get(family, 0) < FAMILY_TIER.get(s.family, 0):
                family = s.family
            return replace(
                s,
                family=family,
                severity=max(s.severity, float(payload.get("severity", 0.0))),
                confidence=max(s.confidence, float(payload.get("confidence", 0.0))),
                reporter_weight=s.reporter_weight + float(payload.get("reporter_weight", 0.0)),
                items=s.items + 1,
            )
        case EventKind.CASE_CLAIMED:
            return replace(
                s, claimed_by=str(payload["reviewer"]), claim_expires_at=datetime.fromisoformat(payload["expires_at"])
            )
        case EventKind.CASE_RELEASED:
            return replace(s, claimed_by=None, claim_expires_at=None)
        case EventKind.CASE_DECIDED:
            return replace(
                s,
                status="closed",
                decided_by=str(payload["reviewer"]),
                action=str(payload["action"]),
                claimed_by=None,
                claim_expires_at=None,
            )
        case EventKind.APPEAL_FILED:
            return replace(s, status="appealed")
        case EventKind.APPEAL_DECIDED:
            return replace(s, status="resolved", appeal_outcome=str(payload["outcome"]))
        case _:
            return s
