"""Engines and transactions: SQLite in WAL mode by default, PostgreSQL when the URL says so.

SQLite: WAL (readers never block the writer), `synchronous=NORMAL` (a committed transaction survives the
process being killed), a busy timeout, and `BEGIN IMMEDIATE` so a transaction takes the write lock up
front instead of failing half-way when it first writes. Writers of one database file first queue on an
advisory file lock (`<db>.writer-lock`, `flock`) held for the transaction: the kernel wakes the next
writer the moment the lock is free, where SQLite's own busy handler polls, sleeping 1, 2, 5, ... up
to 100 ms between tries, which under load put tens of milliseconds on the latency tail. Checkpoints
(copying the WAL back into the database file, with an fsync) would by default run inside the commit that
crosses 1,000 WAL pages, holding the write lock, every few hundred requests; the service runs them in
the background instead (`checkpoint`, PASSIVE: beside writers), and a commit only checkpoints itself when
the WAL passes `WAL_AUTOCHECKPOINT_PAGES` (the background one has stalled).

PostgreSQL: a pool, and transactions retried when their connection turns out dead, so connections the
server dropped are replaced without an operator.

    engine = make_engine("sqlite:////tmp/mg/marketguard.db")
    result = run(engine, lambda session: do_something(session))   # one transaction, retried if the
                                                                   # connection died or the DB was busy
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

import orjson
import psycopg
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
log = logging.getLogger("marketguard.storage")

RETRIES = 3
WAL_AUTOCHECKPOINT_PAGES = 20_000
"""~80 MB: a commit checkpoints only past this; the service's background checkpoint keeps the WAL far below."""
READ_ONLY = "marketguard_read_only"


def _dumps(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # integers beyond 64 bits in a client's event: the standard library writes them
        return json.dumps(value, ensure_ascii=False)


_JSON: dict[str, Any] = {"json_serializer": _dumps, "json_deserializer": orjson.loads}
"""Traces are stored as JSON on every request: orjson is several times faster than the standard library."""


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, pool_size: int = 10, synchronous_commit: str = "on") -> Engine:
    """An engine configured for the service; creates the SQLite file's folder if needed. `synchronous_commit`
    is PostgreSQL's setting for this engine's connections (`ServiceSettings.pg_synchronous_commit`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **_JSON)
        _sqlite_pragmas(engine)
        if parsed.database and parsed.database != ":memory:":
            _writer_locks[engine] = WriterLock(Path(parsed.database + ".writer-lock"))
        return engine
    # No ping before each use (a round trip per transaction): a connection the server dropped fails on its
    # first statement, SQLAlchemy then discards the whole pool, and `run` retries the transaction on a fresh
    # connection (tests/adapters/http/test_reliability.py terminates every connection under load).
    kwargs: dict[str, Any] = {"pool_size": pool_size, "max_overflow": pool_size, "pool_recycle": 1800, **_JSON}
    if synchronous_commit != "on" and parsed.get_backend_name() == "postgresql":
        # set when the connection opens (libpq `options`), not per transaction: no extra round trip
        kwargs["connect_args"] = {"options": f"-c synchronous_commit={synchronous_commit}"}
    return create_engine(url, **kwargs)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # reads take a snapshot without the write lock (WAL lets them run beside the writer)
        _begin(conn, "BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def _begin(conn: Connection, statement: str) -> None:
    """Send BEGIN straight to the driver: through `exec_driver_sql` it built an execution context, a cursor and
    a result for every transaction, 6.5 % of a plain screening transaction's instructions. An error is raised as
    `exec_driver_sql` raises it (SQLAlchemy's `OperationalError` for "database is locked"), so `run` still
    retries it: an exception from a `begin` listener is not wrapped by SQLAlchemy."""
    with sqlite_errors(conn, statement) as dbapi:
        dbapi.execute(statement)


@contextmanager
def sqlite_errors(conn: Connection, statement: str) -> Iterator[sqlite3.Connection]:
    """The SQLite driver's connection under `conn`, for a statement sent to it directly: its errors are raised
    as SQLAlchemy raises them (`OperationalError`, `IntegrityError`, ...), which `run` and the callers expect."""
    dbapi = conn.connection.dbapi_connection
    assert isinstance(dbapi, sqlite3.Connection)
    try:
        yield dbapi
    except sqlite3.Error as exc:
        raise DBAPIError.instance(statement, (), exc, sqlite3.Error, dialect=conn.dialect) from exc


def execute_on_psycopg(connection: Connection, statement: str, params: list[Any], commit: bool = False) -> None:
    """Send one statement (positional `%s` parameters) straight to the psycopg connection under `connection`, for
    the hot writes whose SQLAlchemy `execute` (execution context, parameter processing, a result object) was most of
    their Python: the decisions' batch INSERT and the audit events' chained write. With `commit`, the COMMIT goes in
    the same pipeline, which its exit syncs once (`commit()` inside the pipeline would sync by itself, and the exit
    again: two round trips); SQLAlchemy's commit that follows finds the connection idle and sends nothing. A driver
    error goes through the connection's own error handling, raised as `execute` raises it (a dead connection is
    `connection_invalidated`, the pool is renewed, and `run` retries the transaction)."""
    dbapi = connection.connection.dbapi_connection
    assert isinstance(dbapi, psycopg.Connection)
    cursor = dbapi.cursor()
    try:
        if commit:
            with dbapi.pipeline():
                cursor.execute(statement, params)
                cursor.execute("COMMIT")
        else:
            cursor.execute(statement, params)
    except psycopg.Error as exc:
        connection._handle_dbapi_exception(exc, statement, params, cursor, None)
    finally:
        cursor.close()


class WriterLock:
    """Write transactions on one SQLite file, one at a time across threads and processes, woken in order
    by the kernel (see the module doc). A thread lock serialises this process's threads (an flock belongs
    to the open file, which they share); the flock then serialises processes. Opened lazily, so a forked
    worker opens its own file description. Re-entrant: a write transaction started inside another one in
    the same thread does not deadlock here (it waits in SQLite's busy handler, as it always did)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._pid = 0

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._thread_lock:
            if self._fd is None or self._pid != os.getpid():
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                self._pid, self._depth = os.getpid(), 0
            fd = self._fd
            if self._depth == 0:
                fcntl.flock(fd, fcntl.LOCK_EX)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    fcntl.flock(fd, fcntl.LOCK_UN)


_writer_locks: weakref.WeakKeyDictionary[Engine, WriterLock] = weakref.WeakKeyDictionary()
_factories: dict[int, sessionmaker[Session]] = {}
_readers: dict[int, Engine] = {}


def _reader(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions are marked read-only."""
    reader = _readers.get(id(engine))
    if reader is None or reader.pool is not engine.pool:
        reader = engine.execution_options(**{READ_ONLY: True})
        _readers[id(engine)] = reader
    return reader


def sessions(engine: Engine) -> sessionmaker[Session]:
    factory = _factories.get(id(engine))
    if factory is None or factory.kw.get("bind") is not engine:
        factory = sessionmaker(bind=engine, expire_on_commit=False)
        _factories[id(engine)] = factory
    return factory


def _retryable(exc: DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    text = str(exc.orig).lower() if exc.orig is not None else ""
    return any(
        s in text
        for s in (
            "database is locked",
            "server closed the connection",
            "terminating connection",
            "connection is closed",
            "could not serialize",
            "deadlock detected",
            "consuming input failed",
        )
    )


def run(engine: Engine, work: Callable[[Session], T], read_only: bool = False) -> T:
    """Run `work` in one transaction and commit; retry a few times when the connection died or the
    database was busy, which is safe because nothing was committed. Domain errors propagate at once.
    `read_only` work must not write: on SQLite it then runs beside writers instead of queueing for the lock."""
    bind = _reader(engine) if read_only else engine
    lock = None if read_only else _writer_locks.get(engine)
    for attempt in range(1, RETRIES + 1):
        try:
            with lock.held() if lock is not None else nullcontext(), sessions(bind)() as session, session.begin():
                return work(session)
        except (OperationalError, DBAPIError) as exc:
            if attempt == RETRIES or not _retryable(exc):
                raise
            log.warning("transaction retried after %s (attempt %d)", type(exc.orig).__name__, attempt)
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def checkpoint(engine: Engine) -> tuple[int, int, int] | None:
    """A PASSIVE WAL checkpoint on SQLite (copies what it can without waiting for, or blocking, writers);
    returns SQLite's (busy, WAL frames, frames copied), or None on another database."""
    if not is_sqlite(engine):
        return None
    raw = engine.raw_connection()  # outside any transaction (a checkpoint cannot run inside one)
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(PASSIVE)")
        row = cur.fetchone()
        cur.close()
    finally:
        raw.close()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])
