"""Group commit (storage.group_commit), the SQLite writer lock, the audit head read once per transaction and
the screening decisions inserted together at commit: all on SQLite and PostgreSQL (the `engine` fixture)."""

from __future__ import annotations

import fcntl
import os
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import WriterLock, make_engine, run
from marketguard.adapters.storage.group_commit import GroupCommit, Recent
from marketguard.adapters.storage.migrate import upgrade
from marketguard.adapters.storage.tables import AuditEvent, Decision
from marketguard.service.audit import EventKind
from marketguard.service.errors import Conflict
from marketguard.service.settings import ServiceSettings
from storage_rows import ALLOW, REVIEW, SETTINGS, screen_work


def _count(engine: Engine, model: Any) -> int:
    return int(run(engine, lambda s: s.execute(select(func.count()).select_from(model)).scalar_one(), read_only=True))


def _held(writer: GroupCommit) -> tuple[threading.Event, threading.Event]:
    """Occupy the writer with a job that waits, so the next submissions queue up and form one batch."""
    started, release = threading.Event(), threading.Event()

    def block(_: Session) -> None:
        started.set()
        release.wait(10)

    writer.submit(block)
    assert started.wait(10)
    return started, release


def test_waiting_requests_commit_together_and_each_gets_its_own_answer(engine: Engine) -> None:
    writer = GroupCommit(engine)
    try:
        _, release = _held(writer)
        futures = [writer.submit(screen_work(REVIEW if i % 3 == 0 else ALLOW, f"u-{i % 2}")) for i in range(12)]
        assert not any(f.done() for f in futures)  # nothing is answered before its transaction committed
        release.set()
        answers = [f.result(10) for f in futures]
    finally:
        writer.stop()
    assert writer.stats.requests == 13 and writer.stats.batches == 2  # the blocker, then the 12 together
    assert len({a[0] for a in answers}) == 12  # a decision id each
    assert _count(engine, Decision) == 12
    opened = [a[1] for i, a in enumerate(answers) if i % 3 == 0]
    assert all(opened) and len(set(opened)) == 2  # u-0 (0, 6) and u-1 (3, 9): opened, then joined in the batch
    with Session(engine) as s:
        count, problems = audit_log.verify_log(s)
    assert problems == [] and count > 0


def test_a_failing_request_fails_alone_and_the_rest_of_its_batch_commits(engine: Engine) -> None:
    writer = GroupCommit(engine)

    def refuse(session: Session) -> None:
        moderation.record_screen(session, SETTINGS, ALLOW, "message", "x", ("account", "bad"), "api", utcnow())
        raise Conflict("case_claimed", "taken")

    try:
        _, release = _held(writer)
        good = [writer.submit(screen_work(ALLOW, f"u-{i}")) for i in range(5)]
        bad = writer.submit(refuse)
        more = writer.submit(screen_work(REVIEW, "u-9"))
        release.set()
        with pytest.raises(Conflict):
            bad.result(10)
        assert all(f.result(10)[0] for f in [*good, more])
    finally:
        writer.stop()
    assert writer.stats.reruns == 1
    assert _count(engine, Decision) == 6  # the failing request's own decision was rolled back with it


def test_when_the_database_fails_every_request_of_the_batch_gets_the_error(engine: Engine) -> None:
    writer = GroupCommit(engine)
    calls = 0

    def database_gone(_: Session) -> None:
        nonlocal calls
        calls += 1
        raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    try:
        _, release = _held(writer)
        futures: list[Future[Any]] = [writer.submit(screen_work(ALLOW, "u-1")), writer.submit(database_gone)]
        release.set()
        for f in futures:
            with pytest.raises(OperationalError):
                f.result(10)
    finally:
        writer.stop()
    assert calls == 1 and writer.stats.reruns == 0  # no slow one-by-one rerun against a dead database
    assert _count(engine, Decision) == 0  # nothing acknowledged, nothing stored


def test_stop_commits_what_is_queued_and_a_later_submit_starts_again(engine: Engine) -> None:
    writer = GroupCommit(engine)
    futures = [writer.submit(screen_work(ALLOW, "u-1")) for _ in range(3)]
    writer.stop()
    assert all(f.done() and f.exception() is None for f in futures)
    assert writer.submit(screen_work(ALLOW, "u-2")).result(10)
    writer.stop()
    assert _count(engine, Decision) == 4


def test_audit_appends_in_one_transaction_chain_and_a_rolled_back_savepoint_leaves_no_gap(engine: Engine) -> None:
    def work(session: Session) -> None:
        for i in range(3):
            audit_log.append(session, EventKind.DETECTION, "api", {"i": i})
        try:
            with session.begin_nested():
                audit_log.append(session, EventKind.DETECTION, "api", {"i": "undone"})
                raise RuntimeError
        except RuntimeError:
            pass
        audit_log.append(session, EventKind.DETECTION, "api", {"i": 3})

    run(engine, work)
    run(engine, lambda s: audit_log.append(s, EventKind.DETECTION, "api", {"i": 4}))
    with Session(engine) as s:
        count, problems = audit_log.verify_log(s)
        seqs = list(s.execute(select(AuditEvent.seq).order_by(AuditEvent.seq)).scalars())
    assert problems == [] and count == 5 and seqs == [1, 2, 3, 4, 5]


def test_decisions_queued_in_a_transaction_are_stored_at_commit_and_dropped_with_a_rollback(engine: Engine) -> None:
    run(engine, lambda s: [screen_work(ALLOW, f"u-{i}")(s) for i in range(3)])
    assert _count(engine, Decision) == 3

    def fails(session: Session) -> None:
        screen_work(ALLOW, "u-x")(session)
        raise Conflict("nope", "rolled back")

    with pytest.raises(Conflict):
        run(engine, fails)
    run(engine, lambda s: screen_work(ALLOW, "u-y")(s))
    assert _count(engine, Decision) == 4


def test_sqlite_writers_hold_an_flock_for_the_transaction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mg.db'}"
    upgrade(url)
    engine = make_engine(url)
    lock_file = tmp_path / "mg.db.writer-lock"
    seen: list[bool] = []

    def probe(_: Session) -> None:  # another open file description, as another process would have
        fd = os.open(lock_file, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            seen.append(False)
        except BlockingIOError:
            seen.append(True)
        finally:
            os.close(fd)

    run(engine, probe)
    run(engine, lambda s: run(engine, probe))  # nested: re-entrant, still held inside
    run(engine, probe, read_only=True)  # readers do not take it
    engine.dispose()
    assert seen == [True, True, False]


def test_writer_lock_is_reentrant_and_released_by_the_outermost_holder(tmp_path: Path) -> None:
    lock = WriterLock(tmp_path / "x.writer-lock")

    def free() -> bool:
        fd = os.open(tmp_path / "x.writer-lock", os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        finally:
            os.close(fd)

    with lock.held():
        with lock.held():
            pass
        assert not free()
    assert free()


def test_sqlite_checkpoints_run_in_the_background_not_in_commits(tmp_path: Path) -> None:
    from marketguard.adapters.http.sweeper import Checkpointer
    from marketguard.adapters.storage.db import WAL_AUTOCHECKPOINT_PAGES, checkpoint

    url = f"sqlite:///{tmp_path / 'mg.db'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one() == WAL_AUTOCHECKPOINT_PAGES
    for i in range(50):
        run(engine, screen_work(ALLOW, f"u-{i}"))
    busy, frames, copied = checkpoint(engine) or (1, 0, 0)
    assert busy == 0 and frames > 0 and copied == frames  # everything committed so far is in the main file
    checkpointer = Checkpointer(engine, every=0.01)
    checkpointer.start()
    try:
        run(engine, screen_work(ALLOW, "u-late"))
        assert _count(engine, Decision) == 51
    finally:
        checkpointer.stop()
    engine.dispose()


def test_checkpoint_is_a_no_op_off_sqlite(engine: Engine) -> None:
    from marketguard.adapters.http.sweeper import Checkpointer
    from marketguard.adapters.storage.db import checkpoint

    if engine.dialect.name == "sqlite":
        assert checkpoint(engine) is not None
    else:
        assert checkpoint(engine) is None and not Checkpointer(engine).enabled


def test_recent_keeps_the_last_values_and_gives_their_quantiles() -> None:
    recent = Recent(size=100)
    assert recent.quantiles() == {}
    for i in range(1000):  # only the last 100 (900..999) are kept
        recent.add(float(i))
    q = recent.quantiles((0.0, 0.5, 0.99, 1.0))
    assert q == {0.0: 900.0, 0.5: 950.0, 0.99: 999.0, 1.0: 999.0}


def test_the_writer_records_how_long_requests_queued_and_batches_took(engine: Engine) -> None:
    writer = GroupCommit(engine)
    try:
        _, release = _held(writer)
        futures = [writer.submit(screen_work(ALLOW, f"u-{i}")) for i in range(5)]
        threading.Event().wait(0.05)  # they queue behind the held batch for at least this long
        release.set()
        for f in futures:
            f.result(10)
    finally:
        writer.stop()
    queued, batch = writer.stats.queued.quantiles(), writer.stats.batch.quantiles()
    assert queued[1.0] >= 0.05  # the five waited for the held batch
    assert batch[1.0] >= 0.05  # the held batch's own time
    assert 0 < batch[0.5] <= batch[1.0]


def test_joining_an_open_case_reads_the_case_once(engine: Engine) -> None:
    from sqlalchemy import event

    run(engine, screen_work(REVIEW, "u-join"))  # opens the case
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        _, case_id = run(engine, screen_work(REVIEW, "u-join"))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert case_id is not None
    case_reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM cases" in s]
    assert len(case_reads) == 1, case_reads  # the FOR UPDATE read; no reload of the row after its UPDATE


def test_postgresql_synchronous_commit_is_a_setting_applied_to_every_connection(engine: Engine) -> None:
    from marketguard.errors import ConfigError

    assert ServiceSettings().pg_synchronous_commit == "on"  # durable by default
    assert ServiceSettings.from_env({"MARKETGUARD_PG_SYNCHRONOUS_COMMIT": "off"}).pg_synchronous_commit == "off"
    with pytest.raises(ConfigError, match="MARKETGUARD_PG_SYNCHRONOUS_COMMIT"):
        ServiceSettings.from_env({"MARKETGUARD_PG_SYNCHRONOUS_COMMIT": "sometimes"})
    if engine.dialect.name != "postgresql":
        return
    url = engine.url.render_as_string(hide_password=False)
    relaxed = make_engine(url, pool_size=2, synchronous_commit="off")
    try:
        for _ in range(3):  # each pooled connection, not only the first
            assert run(relaxed, lambda s: s.execute(text("SHOW synchronous_commit")).scalar_one()) == "off"
        run(relaxed, screen_work(ALLOW, "u-relaxed"))
        assert _count(engine, Decision) == 1  # committed and visible to the default engine
    finally:
        relaxed.dispose()
    assert run(engine, lambda s: s.execute(text("SHOW synchronous_commit")).scalar_one()) == "on"


def _statements(engine: Engine) -> tuple[list[tuple[str, Any]], Any]:
    """The statements the engine's PostgreSQL connections send from now on, each with the connection's
    transaction status right after it (psycopg's own BEGIN and COMMIT are not cursor statements: an
    autocommitted statement leaves the connection idle, one inside a transaction leaves it in the
    transaction). Recorded at psycopg's cursor, below SQLAlchemy: the decisions' INSERT goes to psycopg directly."""
    import psycopg
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    class Recording(psycopg.Cursor[Any]):
        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            out = super().execute(query, *args, **kwargs)
            seen.append((str(query).split(None, 1)[0].upper(), self.connection.info.transaction_status))
            return out

    def checkout(dbapi: Any, *_: Any) -> None:
        dbapi.cursor_factory = Recording

    def checkin(dbapi: Any, *_: Any) -> None:
        if dbapi is not None:
            dbapi.cursor_factory = psycopg.Cursor

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)

    def stop() -> None:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "checkin", checkin)

    return seen, stop


def test_a_batch_of_plain_screenings_is_one_autocommitted_insert_on_postgresql(engine: Engine) -> None:
    """Nine screenings in ten open no case: their batch's only statement is the decisions' INSERT, which on
    PostgreSQL runs in autocommit (one round trip, no BEGIN/COMMIT) and is as atomic and durable."""
    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL round-trip matter")
    import psycopg

    idle, in_transaction = psycopg.pq.TransactionStatus.IDLE, psycopg.pq.TransactionStatus.INTRANS
    seen, stop = _statements(engine)
    try:
        run(engine, lambda s: [screen_work(ALLOW, f"u-{i}")(s) for i in range(5)])
    finally:
        stop()
    assert seen == [("INSERT", idle)]  # one multi-row statement for the five, committed by itself
    assert _count(engine, Decision) == 5

    # a failing INSERT (a duplicate id) stores nothing of its batch, and the pooled connection is left as it was
    from marketguard.adapters.storage.detections import _defer_decision

    dup = {"id": "d-1", "source": "screen", "decision": "allow", "trace": {}, "created_at": utcnow(), "item_id": None}
    dup |= {"item_kind": "message", "subject_type": None, "subject_id": None, "rule": None, "family": None}

    def twice(session: Session) -> None:
        _defer_decision(session, {**dup, "text": "a", "case_id": None})
        _defer_decision(session, {**dup, "text": "b", "case_id": None})

    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        run(engine, twice)
    assert _count(engine, Decision) == 5
    assert run(engine, lambda s: s.connection().connection.dbapi_connection.autocommit) is False  # type: ignore[union-attr]

    # a batch that opens a case keeps its ordinary transaction: everything commits together
    seen, stop = _statements(engine)
    try:
        run(engine, lambda s: [screen_work(REVIEW, "u-case")(s), screen_work(ALLOW, "u-9")(s)])
    finally:
        stop()
    assert len(seen) > 1 and all(status == in_transaction for _, status in seen)
    assert _count(engine, Decision) == 7


def test_two_transactions_opening_the_same_subjects_case_do_not_deadlock(engine: Engine, caplog: Any) -> None:
    """Batch A has logged and goes on to open subject X's case; batch B opens X's case first. When A took the
    audit head at its first append, B waited for the head to log X's case while A waited for B's X: a deadlock
    PostgreSQL's detector (1 s) broke, the old 1 s tail. A multi-case transaction now chains its events at
    commit (`audit_log.defer_appends`), so it holds no head while it waits for a case, and B gets the head."""
    import logging
    import time

    from marketguard.adapters.storage import cases

    if engine.dialect.name != "postgresql":
        pytest.skip("row locks: SQLite runs one write transaction at a time")
    item = cases.Item(family="contact", severity=0.5, confidence=0.9, reporter_weight=0.0, urgent=False, payload={})
    a_logged, b_started = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def a(session: Session) -> None:
        audit_log.defer_appends(session)  # as a group-commit batch, a batch route
        cases.attach(session, ("account", "y"), item, "api", utcnow())  # logs (at commit)
        a_logged.set()
        assert b_started.wait(10)
        time.sleep(0.3)  # B is now inside its transaction
        cases.attach(session, ("account", "x"), item, "api", utcnow())

    def b() -> None:
        assert a_logged.wait(10)
        b_started.set()
        try:
            run(engine, lambda s: cases.attach(s, ("account", "x"), item, "api", utcnow()))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    caplog.set_level(logging.WARNING, logger="marketguard.storage")
    other = threading.Thread(target=b)
    other.start()
    started = time.perf_counter()
    run(engine, a)
    other.join(10)
    took = time.perf_counter() - started
    assert not errors
    assert "retried" not in caplog.text  # no transaction was aborted (a deadlock is retried by `run`)
    assert took < 0.9  # the 0.3 s pause, not the deadlock detector's second
    from marketguard.adapters.storage.tables import Case

    assert _count(engine, Case) == 2  # y's, and x's: opened by one transaction, joined by the other
