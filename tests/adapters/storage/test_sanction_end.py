"""The end of a timed sanction is an audit event (`sanction.ended`), logged once, and not after an overturn."""

from __future__ import annotations

import threading
from datetime import timedelta

import orjson
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from marketguard.adapters.http.sweeper import Sweeper
from marketguard.adapters.storage import audit_log, cases, moderation, sanctioning
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.tables import AuditEvent
from marketguard.service.audit import EventKind
from marketguard.service.sanctions import Action
from marketguard.service.settings import ServiceSettings

SETTINGS = ServiceSettings()


def _sanction(engine: Engine, account: str, action: Action, days: int | None) -> str:
    now = utcnow()
    _, case_id = run(
        engine,
        lambda s: moderation.file_report(s, "u-1", account, "message", "m-1", "circumvention", "x", "api", now),
    )
    run(engine, lambda s: cases.claim(s, case_id, "alice", now, 60))
    duration = timedelta(days=days) if days else None
    decision = run(engine, lambda s: moderation.decide(s, SETTINGS, case_id, "alice", action, duration, "x", now))
    return str(decision["sanction_id"])


def _ended(engine: Engine) -> list[dict[str, object]]:
    rows = run(
        engine,
        lambda s: list(
            s.execute(select(AuditEvent).where(AuditEvent.kind == EventKind.SANCTION_ENDED.value)).scalars()
        ),
    )
    return [orjson.loads(r.payload) for r in rows]


def test_a_timed_sanction_ending_is_logged_once_with_its_own_end(engine: Engine) -> None:
    timed = _sanction(engine, "u-timed", Action.RESTRICT_MESSAGING, 3)
    _sanction(engine, "u-forever", Action.SUSPEND, None)
    assert run(engine, lambda s: sanctioning.log_ended(s, utcnow())) == 0  # not yet
    later = utcnow() + timedelta(days=3, seconds=1)
    assert run(engine, lambda s: sanctioning.log_ended(s, later)) == 1
    assert run(engine, lambda s: sanctioning.log_ended(s, later + timedelta(days=30))) == 0  # once only
    [event] = _ended(engine)
    assert event["sanction_id"] == timed and event["action"] == "restrict_messaging"
    with Session(engine) as s:
        assert audit_log.verify_log(s)[1] == []


def test_an_overturned_sanction_has_no_end_event(engine: Engine) -> None:
    sanction_id = _sanction(engine, "u-appeal", Action.RESTRICT_MESSAGING, 3)
    case_id = run(engine, lambda s: s.execute(select(AuditEvent.case_id).where(AuditEvent.kind == "sanction.applied"))
                  .scalars().first())  # fmt: skip
    appeal = run(engine, lambda s: moderation.file_appeal(s, case_id, "not me", "api", utcnow()))
    run(engine, lambda s: moderation.decide_appeal(s, appeal["id"], "bob", "overturned", "right", utcnow()))
    assert run(engine, lambda s: sanctioning.log_ended(s, utcnow() + timedelta(days=4))) == 0
    assert all(e["sanction_id"] != sanction_id for e in _ended(engine))


def test_two_sweepers_at_once_log_each_end_once(engine: Engine) -> None:
    for i in range(4):
        _sanction(engine, f"acct-{i}", Action.RESTRICT_MESSAGING, 1)
    later = utcnow() + timedelta(days=2)
    counts: list[int] = []

    def sweep() -> None:
        counts.append(run(engine, lambda s: sanctioning.log_ended(s, later)))

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(counts) == 4 and len(_ended(engine)) == 4
    assert Sweeper(engine).sweep() == 0  # the service's sweeper: nothing left now
