"""Case status as a projection: each transition and each guard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from marketguard.service.audit import EventKind
from marketguard.service.cases import CaseState, apply, check
from marketguard.service.errors import Conflict, Forbidden

NOW = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)


def claimed(by: str = "alice", until: datetime | None = None) -> CaseState:
    until = until or NOW + timedelta(minutes=15)
    return apply(CaseState(), EventKind.CASE_CLAIMED, {"reviewer": by, "expires_at": until.isoformat()})


def test_items_raise_family_and_accumulate() -> None:
    s = apply(None, EventKind.CASE_OPENED, {"family": "circumvention", "severity": 0.5, "confidence": 0.9})
    s = apply(s, EventKind.CASE_ITEM, {"family": "scam", "severity": 0.8, "confidence": 0.6, "reporter_weight": 0.7})
    s = apply(s, EventKind.CASE_ITEM, {"family": "other", "severity": 0.3, "confidence": 0.5, "reporter_weight": 0.5})
    assert (s.family, s.severity, s.confidence, s.items) == ("scam", 0.8, 0.9, 3)
    assert s.reporter_weight == pytest.approx(1.2)


def test_claim_guards() -> None:
    s = claimed()
    check(s, EventKind.CASE_CLAIMED, "alice", NOW)  # re-claiming your own claim extends it
    with pytest.raises(Conflict, match="claimed"):
        check(s, EventKind.CASE_CLAIMED, "bob", NOW)
    check(s, EventKind.CASE_CLAIMED, "bob", NOW + timedelta(minutes=16))  # expired
    with pytest.raises(Conflict):
        check(s, EventKind.CASE_RELEASED, "bob", NOW)


def test_decide_needs_your_live_claim() -> None:
    with pytest.raises(Conflict, match="claim"):
        check(CaseState(), EventKind.CASE_DECIDED, "alice", NOW)
    with pytest.raises(Conflict):
        check(claimed(), EventKind.CASE_DECIDED, "bob", NOW)
    with pytest.raises(Conflict):
        check(claimed(), EventKind.CASE_DECIDED, "alice", NOW + timedelta(hours=1))
    check(claimed(), EventKind.CASE_DECIDED, "alice", NOW)
    done = apply(claimed(), EventKind.CASE_DECIDED, {"reviewer": "alice", "action": "warn"})
    assert (done.status, done.claimed_by, done.decided_by) == ("closed", None, "alice")
    with pytest.raises(Conflict, match="already decided"):
        check(done, EventKind.CASE_DECIDED, "alice", NOW)
    with pytest.raises(Conflict):
        check(done, EventKind.CASE_CLAIMED, "bob", NOW)


def test_appeal_guards() -> None:
    dismissed = apply(claimed(), EventKind.CASE_DECIDED, {"reviewer": "alice", "action": "dismiss"})
    with pytest.raises(Conflict, match="dismissed"):
        check(dismissed, EventKind.APPEAL_FILED, "api", NOW)
    with pytest.raises(Conflict):
        check(CaseState(), EventKind.APPEAL_FILED, "api", NOW)
    warned = apply(claimed(), EventKind.CASE_DECIDED, {"reviewer": "alice", "action": "warn"})
    check(warned, EventKind.APPEAL_FILED, "api", NOW)
    appealed = apply(warned, EventKind.APPEAL_FILED, {})
    with pytest.raises(Conflict):
        check(appealed, EventKind.APPEAL_FILED, "api", NOW)  # one appeal per case
    with pytest.raises(Forbidden, match="other than"):
        check(appealed, EventKind.APPEAL_DECIDED, "alice", NOW)
    check(appealed, EventKind.APPEAL_DECIDED, "bob", NOW)
    resolved = apply(appealed, EventKind.APPEAL_DECIDED, {"outcome": "overturned"})
    assert (resolved.status, resolved.appeal_outcome) == ("resolved", "overturned")
    with pytest.raises(Conflict):
        check(resolved, EventKind.APPEAL_DECIDED, "bob", NOW)


def test_events_outside_the_case_change_nothing() -> None:
    s = claimed()
    assert apply(s, EventKind.REPORT_FILED, {"x": 1}) == s
