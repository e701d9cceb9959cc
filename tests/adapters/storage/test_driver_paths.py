"""What the hot path sends to the SQLite driver directly (BEGIN, the decisions' INSERT) behaves as SQLAlchemy's
own path did: the same stored bytes, the same exception types; and `GroupCommit.submit_async` answers only
committed work, each request with its own result or error, with one wake-up of the loop per batch."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.detections import _INSERT_DECISION, _defer_decision
from marketguard.adapters.storage.group_commit import GroupCommit
from marketguard.adapters.storage.migrate import upgrade
from marketguard.adapters.storage.tables import Decision
from marketguard.service.errors import Conflict
from storage_rows import decision_row


def _row(decision_id: str, created_at: datetime, text_value: str) -> dict[str, Any]:
    return decision_row(decision_id, created_at, text_value, big=2**40)


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Engine:
    url = f"sqlite:///{tmp_path / 'mg.db'}"
    upgrade(url)
    return make_engine(url)


def _raw_rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT * FROM decisions ORDER BY id").fetchall()


def test_the_driver_insert_stores_exactly_what_sqlalchemy_stores(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Whole seconds (no microseconds to print), a non-UTC time, NUL characters, non-ASCII text, nested JSON."""
    times = [
        datetime(2026, 11, 26, 23, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 26, 23, 0, 0, 123456, tzinfo=UTC),
        datetime.fromisoformat("2026-11-27T01:30:00.5+02:00"),
    ]
    texts = ["plain", "with \x00 NUL", "ü € 😀"]
    other = tmp_path / "core.db"
    upgrade(f"sqlite:///{other}")
    core = make_engine(f"sqlite:///{other}")
    try:

        def through_core(session: Session) -> None:
            session.connection().execute(
                _INSERT_DECISION, [_row(f"d-{i}", t, x) for i, (t, x) in enumerate(zip(times, texts, strict=True))]
            )

        def through_driver(session: Session) -> None:
            for i, (t, x) in enumerate(zip(times, texts, strict=True)):
                _defer_decision(session, _row(f"d-{i}", t, x))

        run(core, through_core)
        run(sqlite_engine, through_driver)
    finally:
        core.dispose()
    stored = _raw_rows(tmp_path / "mg.db")
    assert len(stored) == 3
    assert stored == _raw_rows(other)
    # and read back through the ORM as the service reads it
    back = run(sqlite_engine, lambda s: s.execute(select(Decision).order_by(Decision.id)).scalars().all(), True)
    assert [d.created_at for d in back] == times
    assert back[1].text == "with \ufffd NUL"
    assert back[0].trace["signals"][0]["text"] == "é\x00"


def test_a_duplicate_decision_is_sqlalchemys_integrity_error_and_stores_nothing(sqlite_engine: Engine) -> None:
    now = datetime.now(UTC)

    def twice(session: Session) -> None:
        _defer_decision(session, _row("d-1", now, "a"))
        _defer_decision(session, _row("d-1", now, "b"))

    with pytest.raises(IntegrityError):
        run(sqlite_engine, twice)
    assert run(sqlite_engine, lambda s: s.execute(select(func.count()).select_from(Decision)).scalar_one(), True) == 0


def test_a_locked_database_at_begin_is_sqlalchemys_operational_error(sqlite_engine: Engine, tmp_path: Path) -> None:
    """BEGIN IMMEDIATE is sent to the driver directly; "database is locked" must still be the error `run`
    retries (and, after its retries, the 503 the service answers), not the driver's own exception."""

    @event.listens_for(sqlite_engine, "connect")
    def _impatient(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=0")

    blocker = sqlite3.connect(tmp_path / "mg.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="database is locked"):
            run(sqlite_engine, lambda s: s.execute(text("SELECT 1")).scalar_one())
        # reads start a plain BEGIN, which takes no lock: they run beside the writer
        assert run(sqlite_engine, lambda s: s.execute(text("SELECT 1")).scalar_one(), read_only=True) == 1
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert run(sqlite_engine, lambda s: s.execute(text("SELECT 1")).scalar_one()) == 1


def test_a_write_transaction_locks_from_its_first_statement(sqlite_engine: Engine, tmp_path: Path) -> None:
    """BEGIN IMMEDIATE, not a deferred BEGIN: another writer is locked out as soon as the transaction began."""
    probe = sqlite3.connect(tmp_path / "mg.db", isolation_level=None, timeout=0)
    try:

        def check(session: Session) -> None:
            session.execute(text("SELECT 1"))  # a read only: a deferred BEGIN would hold no lock yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                probe.execute("BEGIN IMMEDIATE")

        run(sqlite_engine, check)
    finally:
        probe.close()


def test_submit_async_answers_each_request_after_its_batch_committed(engine: Engine) -> None:
    writer = GroupCommit(engine)
    started, release = threading.Event(), threading.Event()

    def hold(_: Session) -> None:
        started.set()
        release.wait(10)

    def insert(i: int) -> Any:
        def work(session: Session) -> str:
            _defer_decision(session, _row(f"d-{i}", datetime.now(UTC), "x"))
            return f"d-{i}"

        return work

    def refuse(_: Session) -> None:
        raise Conflict("nope", "refused")

    committed_when_answered: list[int] = []

    async def go() -> list[Any]:
        loop = asyncio.get_running_loop()
        wakeups = 0
        original = loop.call_soon_threadsafe

        def counting(*args: Any, **kwargs: Any) -> Any:
            nonlocal wakeups
            wakeups += 1
            return original(*args, **kwargs)

        loop.call_soon_threadsafe = counting  # type: ignore[method-assign]
        held = writer.submit(hold)
        while not started.is_set():
            await asyncio.sleep(0.001)
        waiters = [writer.submit_async(insert(i)) for i in range(5)] + [writer.submit_async(refuse)]

        async def answered(w: asyncio.Future[Any]) -> Any:
            try:
                return await w
            finally:  # what a reader sees at the moment the request is answered
                committed_when_answered.append(
                    run(engine, lambda s: s.execute(select(func.count()).select_from(Decision)).scalar_one(), True)
                )

        tasks = [asyncio.ensure_future(answered(w)) for w in waiters]
        await asyncio.sleep(0.02)
        assert not any(t.done() for t in tasks)  # nothing answered while the batch before is uncommitted
        release.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        held.result(10)
        assert wakeups <= 2  # one batch of six failed and was rerun alone: still one wake-up for the batch
        return results

    try:
        results = asyncio.run(go())
    finally:
        writer.stop()
    assert results[:5] == [f"d-{i}" for i in range(5)]
    assert isinstance(results[5], Conflict)
    assert committed_when_answered and min(committed_when_answered) == 5


def test_a_cancelled_request_does_not_stop_the_others_being_answered(engine: Engine) -> None:
    writer = GroupCommit(engine)
    started, release = threading.Event(), threading.Event()

    def hold(_: Session) -> None:
        started.set()
        release.wait(10)

    async def go() -> list[Any]:
        writer.submit(hold)
        while not started.is_set():
            await asyncio.sleep(0.001)
        waiters = [writer.submit_async(lambda s, i=i: i) for i in range(3)]
        waiters[1].cancel()  # the client went away
        release.set()
        return [await waiters[0], await waiters[2]]

    try:
        assert asyncio.run(go()) == [0, 2]
    finally:
        writer.stop()
