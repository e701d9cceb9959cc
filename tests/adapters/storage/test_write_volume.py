"""What a screening writes, and how: time-ordered ids for the append-only rows, the partial case index on
decisions, a new case without a savepoint, and a group-commit batch's audit events written at its commit in one
statement. On SQLite and PostgreSQL (the `engine` fixture); see docs/service.md, "The PostgreSQL tail"."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.clock import new_sequential_id
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.group_commit import GroupCommit, _Job
from marketguard.adapters.storage.tables import AuditEvent, Case, Decision
from marketguard.service.audit import EventKind
from storage_rows import ALLOW, REVIEW, screen_work


def _batch(engine: Engine, works: list[Any]) -> list[Any]:
    """One group-commit batch of `works`, exactly as the writer thread runs it (called here, in this thread)."""
    jobs = [_Job(w, future=Future()) for w in works]
    GroupCommit(engine)._commit(jobs)
    return [job.future.result(10) for job in jobs if job.future is not None]


@contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    """The statements SQLAlchemy sends from now on (the decisions' INSERT, sent to the driver directly, excepted)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_sequential_ids_are_version_7_uuids_in_time_order() -> None:
    earlier = [new_sequential_id() for _ in range(1000)]
    time.sleep(0.002)
    later = new_sequential_id()
    assert len(set(earlier)) == 1000
    parsed = uuid.UUID(later)
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122 and str(parsed) == later
    assert all(e < later for e in earlier)  # the string order is the time order (lower-case hex, fixed width)
    millis = int(later.replace("-", "")[:12], 16)
    assert abs(millis - time.time() * 1000) < 5000


def test_decisions_and_their_audit_events_get_time_ordered_ids(engine: Engine) -> None:
    decision_id, case_id = run(engine, screen_work(REVIEW, "u-ids"))
    assert case_id is not None
    assert uuid.UUID(decision_id).version == 7
    event_ids = run(engine, lambda s: list(s.execute(select(AuditEvent.id)).scalars()), read_only=True)
    assert len(event_ids) == 2 and all(uuid.UUID(i).version == 7 for i in event_ids)
    assert uuid.UUID(case_id).version == 4  # ids that appear in reviewers' URLs stay random


def test_the_case_index_on_decisions_holds_only_decisions_with_a_case_and_serves_case_lookups(engine: Engine) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            ddl = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_decisions_case_id'"))
            ddl = ddl.scalar()
            conn.execute(text("SET enable_seqscan = off"))  # an empty table: ask whether the index can serve it
            plan = " ".join(r[0] for r in conn.execute(text("EXPLAIN SELECT * FROM decisions WHERE case_id = 'c'")))
        else:
            ddl = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'ix_decisions_case_id'")).scalar()
            plan = " ".join(str(r[-1]) for r in conn.execute(
                text("EXPLAIN QUERY PLAN SELECT * FROM decisions WHERE case_id = 'c'")))  # fmt: skip
    assert ddl is not None and "case_id IS NOT NULL" in ddl
    assert "ix_decisions_case_id" in plan
    # and what it serves is unchanged: a case's decisions are found by its id
    _, case_id = run(engine, screen_work(REVIEW, "u-index"))
    run(engine, screen_work(ALLOW, "u-index"))
    found = run(engine, lambda s: s.execute(select(func.count()).where(Decision.case_id == case_id)).scalar_one(),
                read_only=True)  # fmt: skip
    assert found == 1


def test_opening_a_case_takes_no_savepoint_and_a_subject_still_has_one_open_case(engine: Engine) -> None:
    with _statements(engine) as seen:
        _, first = run(engine, screen_work(REVIEW, "u-open"))
    assert first is not None and not any(s.upper().startswith("SAVEPOINT") for s in seen), seen
    _, second = run(engine, screen_work(REVIEW, "u-open"))  # joins it
    assert second == first
    open_cases = run(engine, lambda s: s.execute(select(Case.id, Case.items).where(Case.subject_id == "u-open")).all(),
                     read_only=True)  # fmt: skip
    assert [(r[0], r[1]) for r in open_cases] == [(first, 2)]


def test_a_batch_writes_its_audit_events_at_commit_in_one_insert_and_one_head_move(engine: Engine) -> None:
    run(engine, screen_work(REVIEW, "u-b"))  # an open case to join
    works = [screen_work(r, s) for r, s in ((REVIEW, "u-a"), (ALLOW, "u-x"), (REVIEW, "u-b"), (REVIEW, "u-c"))]
    with _statements(engine) as seen:
        answers = _batch(engine, works)
    assert [case is not None for _, case in answers] == [True, False, True, True]
    inserts = [s for s in seen if s.startswith("INSERT INTO audit_events")]
    moves = [s for s in seen if s.startswith("UPDATE audit_head")]
    if engine.dialect.name == "postgresql":  # one statement for both, sent to psycopg with the COMMIT
        assert not inserts and not moves, seen  # (test_audit_head_last.py reads it at psycopg's cursor)
    else:
        assert len(inserts) == 1 and len(moves) == 1, seen
    with Session(engine) as s:
        count, problems = audit_log.verify_log(s)
        seqs = list(s.execute(select(AuditEvent.seq).order_by(AuditEvent.seq)).scalars())
        kinds = list(s.execute(select(AuditEvent.kind).order_by(AuditEvent.seq)).scalars())
    assert problems == [] and count == 8 and seqs == list(range(1, 9))
    # two events per case screening, in the order the batch's requests ran
    assert kinds[2:] == ["case.opened", "detection.recorded", "case.item_added", "detection.recorded",
                         "case.opened", "detection.recorded"]  # fmt: skip


def test_a_failing_request_leaves_none_of_its_batchs_deferred_events_and_the_others_commit(engine: Engine) -> None:
    def fails(session: Session) -> None:
        screen_work(REVIEW, "u-fail")(session)  # its events are queued for the commit that never comes
        raise ValueError("this request's own error")

    jobs = [_Job(w, future=Future()) for w in (screen_work(REVIEW, "u-1"), fails, screen_work(REVIEW, "u-2"))]
    GroupCommit(engine)._commit(jobs)
    futures = [job.future for job in jobs if job.future is not None]
    assert futures[0].result(10)[1] is not None and futures[2].result(10)[1] is not None
    with pytest.raises(ValueError):
        futures[1].result(10)
    with Session(engine) as s:
        count, problems = audit_log.verify_log(s)
        subjects = set(s.execute(select(AuditEvent.subject_id)).scalars())
    assert problems == [] and count == 4 and subjects == {"u-1", "u-2"}


def test_deferred_appends_refuse_a_savepoint_and_write_nothing(engine: Engine) -> None:
    def work(session: Session) -> None:
        audit_log.defer_appends(session)
        audit_log.append(session, EventKind.DETECTION, "api", {"i": 0})
        with session.begin_nested():
            audit_log.append(session, EventKind.DETECTION, "api", {"i": 1})

    with pytest.raises(RuntimeError, match="savepoint"):
        run(engine, work)
    assert run(engine, lambda s: s.execute(select(func.count()).select_from(AuditEvent)).scalar_one(),
               read_only=True) == 0  # fmt: skip
    # the same session's next transaction appends as usual (the deferral belonged to the rolled-back one)
    with Session(engine) as s:
        with s.begin():
            audit_log.defer_appends(s)
        with s.begin():
            audit_log.append(s, EventKind.DETECTION, "api", {"i": 2})
        count, problems = audit_log.verify_log(s)
    assert problems == [] and count == 1
