"""The audit chain's head as every logging transaction's last lock (docs/service.md, "The audit head at commit"):
a group-commit batch locks its cases in subject order, chains its events at commit, and on PostgreSQL writes them
with the head's move and the COMMIT in one round trip. On SQLite and PostgreSQL (the `engine` fixture); the lock
tests need PostgreSQL's row locks."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.cases import in_subject_order
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.group_commit import GroupCommit, _Job, _together
from marketguard.adapters.storage.tables import AuditEvent, Case
from storage_rows import ALLOW, REVIEW, screen_work


def _verified(engine: Engine) -> tuple[int, list[str]]:
    with Session(engine) as s:
        count, problems = audit_log.verify_log(s)
        subjects = list(s.execute(select(AuditEvent.subject_id).order_by(AuditEvent.seq)).scalars())
    assert problems == []
    return count, [str(x) for x in subjects]


def test_subject_order_is_stable_and_puts_nothing_first() -> None:
    subjects = [("account", "b"), None, ("account", "a"), ("account", "b"), ("conversation", "a"), None]
    assert in_subject_order(subjects) == [1, 5, 2, 0, 3, 4]


def test_a_batch_runs_its_jobs_in_subject_order_and_answers_in_its_own(engine: Engine) -> None:
    ran: list[str] = []

    def tracked(sender: str, result: dict[str, Any]) -> Callable[[Session], Any]:
        work = screen_work(result, sender)

        def run_it(session: Session) -> Any:
            ran.append(sender)
            return work(session)

        return run_it

    senders = [("u-c", REVIEW), ("u-a", ALLOW), ("u-b", REVIEW), ("u-a", REVIEW), ("u-c", ALLOW)]
    jobs = [_Job(tracked(s, r), future=Future(), order=("account", s)) for s, r in senders]
    GroupCommit(engine)._commit(jobs)
    answers = [job.future.result(10) for job in jobs if job.future is not None]
    assert ran == ["u-a", "u-a", "u-b", "u-c", "u-c"]  # one subject's jobs keep their arrival order
    assert [case is not None for _, case in answers] == [True, False, True, True, False]  # the batch's order
    count, subjects = _verified(engine)
    assert count == 6 and subjects == ["u-a", "u-a", "u-b", "u-b", "u-c", "u-c"]  # chained in the order they ran


def test_a_deferred_append_is_chained_at_commit_into_the_returned_record(engine: Engine) -> None:
    kept: list[dict[str, Any]] = []

    def work(session: Session) -> None:
        audit_log.defer_appends(session)
        kept.append(audit_log.append(session, audit_log.EventKind.DETECTION, "api", {"i": 1}))
        assert "seq" not in kept[-1]  # no number before the commit: the head is not taken yet

    run(engine, work)
    run(engine, work)
    assert [r["seq"] for r in kept] == [1, 2] and kept[1]["prev_hash"] == kept[0]["hash"]
    assert _verified(engine)[0] == 2


def _pg_only(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks and round trips: SQLite runs one write transaction at a time")


def test_the_head_is_free_while_a_batch_works_on_its_cases(engine: Engine) -> None:
    """Another transaction can take the head (NOWAIT) while a batch has opened and joined cases: the batch
    takes it only at its commit. Before, the head was locked at the batch's first case."""
    _pg_only(engine)
    import psycopg

    dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    free: list[bool] = []

    def batch(session: Session) -> None:
        audit_log.defer_appends(session)
        screen_work(REVIEW, "u-1")(session)  # opens u-1's case (two events, deferred)
        screen_work(REVIEW, "u-1")(session)  # joins it
        with psycopg.connect(dsn) as other:
            try:
                other.execute("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE NOWAIT")
                free.append(True)
            except psycopg.errors.LockNotAvailable:
                free.append(False)
            other.rollback()

    run(engine, batch)
    assert free == [True]
    assert _verified(engine)[0] == 4


def test_a_batch_sends_its_events_the_head_and_the_commit_last_in_one_round_trip(engine: Engine) -> None:
    """At psycopg's cursor: the batch's case statements, the decisions' INSERT, then the head's SELECT ... FOR
    UPDATE and one statement that moves the head and inserts the events, sent in a pipeline with the COMMIT."""
    _pg_only(engine)
    import psycopg
    from sqlalchemy import event

    seen: list[str] = []
    pipelined: list[bool] = []

    class Recording(psycopg.Cursor[Any]):
        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(" ".join(str(query).split()[:4]).upper())
            pipelined.append(self.connection._pipeline is not None)
            return super().execute(query, *args, **kwargs)

    def checkout(dbapi: Any, *_: Any) -> None:
        dbapi.cursor_factory = Recording

    def checkin(dbapi: Any, *_: Any) -> None:
        if dbapi is not None:
            dbapi.cursor_factory = psycopg.Cursor

    run(engine, screen_work(REVIEW, "u-b"))  # an open case to join
    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)
    try:
        jobs = [_Job(screen_work(r, s), future=Future(), order=("account", s))
                for r, s in ((REVIEW, "u-a"), (ALLOW, "u-x"), (REVIEW, "u-b"))]  # fmt: skip
        GroupCommit(engine)._commit(jobs)
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "checkin", checkin)
    head = seen.index("SELECT AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH FROM")
    assert head == len(seen) - 3 and seen[-2].startswith("WITH MOVED AS (UPDATE") and seen[-1] == "COMMIT", seen
    assert any(s.startswith("INSERT INTO DECISIONS") for s in seen[:head])  # sent before the head was taken
    assert pipelined[-2:] == [True, True] and not any(pipelined[:-2])  # the last two: one round trip
    with engine.connect() as conn:  # nothing left open: the COMMIT went with the events
        idle_in_transaction = (
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'"
        )
        assert conn.exec_driver_sql(idle_in_transaction).scalar() == 0
    count, _ = _verified(engine)
    assert count == 2 + 2 + 2  # u-b's first screening, then u-a's new case and u-b's join: two events each


def test_batches_attaching_the_same_subjects_in_opposite_orders_do_not_deadlock(engine: Engine, caplog: Any) -> None:
    """Two workers' batches hold the same two subjects in opposite arrival orders. Run as they arrived, each
    would lock its first subject's case and wait for the other's: a deadlock PostgreSQL breaks after 1 s. In
    subject order both start with the same case, so one waits for the other's commit and nothing is aborted."""
    _pg_only(engine)
    first_done, errors = threading.Event(), []

    def slow(sender: str) -> Callable[[Session], Any]:
        work = screen_work(REVIEW, sender)

        def run_it(session: Session) -> Any:
            out = work(session)
            first_done.set()
            time.sleep(0.3)  # the other batch is now inside its transaction
            return out

        return run_it

    def batch(senders: list[str], pause_first: bool) -> None:
        jobs = [_Job(slow(s) if pause_first and i == 0 else screen_work(REVIEW, s), future=Future(),
                     order=("account", s)) for i, s in enumerate(senders)]  # fmt: skip
        try:
            run(engine, lambda session: _together(session, jobs))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    caplog.set_level(logging.WARNING, logger="marketguard.storage")
    a = threading.Thread(target=batch, args=(["u-x", "u-y"], True))
    started = time.perf_counter()
    a.start()
    assert first_done.wait(10)
    batch(["u-y", "u-x"], False)
    a.join(10)
    took = time.perf_counter() - started
    assert not errors
    # no transaction was aborted: PostgreSQL's deadlock detector (after 1 s) aborts one, which `run` retries and
    # logs; the time is only a second witness (the 0.3 s pause plus the load, not 1 s plus a rerun)
    assert "retried" not in caplog.text
    assert took < 5
    opened = run(engine, lambda s: s.execute(select(Case.subject_id, Case.items)).all(), read_only=True)
    assert sorted((str(r[0]), int(r[1])) for r in opened) == [("u-x", 2), ("u-y", 2)]
    assert _verified(engine)[0] == 8
