"""The decisions' INSERT sent to psycopg directly on PostgreSQL behaves as SQLAlchemy's Core INSERT did: the same
stored values, the same exception types, a dead connection seen as SQLAlchemy sees one (the pool is renewed and
`run` retries on a fresh connection)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from marketguard.adapters.storage import detections
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.detections import _INSERT_DECISION, _defer_decision
from storage_rows import decision_row

_COLUMNS = (
    "source, item_id, item_kind, subject_type, subject_id, decision, rule, family, text, trace::text, case_id,"
    " created_at"
)


def _row(decision_id: str, created_at: datetime, text_value: str) -> dict[str, Any]:
    return decision_row(decision_id, created_at, text_value, big=2**70, n=None)


@pytest.fixture
def pg(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE decisions CASCADE"))
    yield engine
    engine.dispose()


def _stored(engine: Engine, prefix: str) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        query = f"SELECT {_COLUMNS} FROM decisions WHERE id LIKE :p ORDER BY id"
        return [tuple(r) for r in conn.execute(text(query), {"p": prefix + "%"})]


def test_the_driver_insert_stores_exactly_what_the_core_insert_stores(pg: Engine) -> None:
    """Whole seconds, microseconds, a non-UTC time, NUL characters, non-ASCII text, nested JSON, a big integer."""
    times = [
        datetime(2026, 11, 26, 23, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 26, 23, 0, 0, 123456, tzinfo=UTC),
        datetime.fromisoformat("2026-11-27T01:30:00.5+02:00"),
    ]
    texts = ["plain", "with \x00 NUL", "ü € 😀"]
    cases = list(enumerate(zip(times, texts, strict=True)))

    def through_core(session: Session) -> None:
        session.connection().execute(_INSERT_DECISION, [_row(f"c-{i}", t, x) for i, (t, x) in cases])

    def through_driver(session: Session) -> None:
        for i, (t, x) in cases:
            _defer_decision(session, _row(f"d-{i}", t, x))

    run(pg, through_core)
    run(pg, through_driver)
    core, driver = _stored(pg, "c-"), _stored(pg, "d-")
    assert len(driver) == 3
    assert driver == core
    assert driver[1][8] == "with \ufffd NUL"


def test_batches_of_every_size_up_to_a_page_and_beyond(pg: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row count has its own statement; past a page the rows go in several statements of one transaction."""
    monkeypatch.setattr(detections, "_PAGE", 4)
    now = datetime.now(UTC)
    for n in (1, 2, 4, 9):

        def batch(session: Session, n: int = n) -> None:
            for i in range(n):
                _defer_decision(session, _row(f"b{n}-{i}", now, str(i)))

        run(pg, batch)
        assert len(_stored(pg, f"b{n}-")) == n


def test_a_duplicate_decision_is_sqlalchemys_integrity_error_and_stores_nothing(pg: Engine) -> None:
    now = datetime.now(UTC)

    def twice(session: Session) -> None:
        _defer_decision(session, _row("d-1", now, "a"))
        _defer_decision(session, _row("d-1", now, "b"))

    with pytest.raises(IntegrityError):
        run(pg, twice)
    assert _stored(pg, "d-") == []
    run(pg, lambda s: _defer_decision(s, _row("d-2", now, "after")))  # the connection is usable again
    assert len(_stored(pg, "d-")) == 1


def _terminate(engine: Engine, pid: int) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})


def test_a_terminated_connection_is_invalidated_and_the_transaction_retried(pg: Engine, pg_url: str) -> None:
    """What the pool renewal after `pg_terminate_backend` depends on: the driver's error is seen as a disconnect."""
    other = make_engine(pg_url)  # terminates the pool's connection from outside
    try:
        _terminate(other, run(pg, lambda s: int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())))
        now = datetime.now(UTC)
        seen: list[BaseException] = []

        @event.listens_for(pg, "handle_error")
        def _record(context: Any) -> None:
            seen.append(context.sqlalchemy_exception)

        # the pool's one connection, now dead: the INSERT itself finds out
        with pg.connect() as conn, pytest.raises(DBAPIError) as caught:
            detections._insert_postgresql(conn, [_row("t-0", now, "x")])
        assert caught.value.connection_invalidated
        assert seen and seen[0] is caught.value
        _terminate(other, run(pg, lambda s: int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())))
        run(pg, lambda s: _defer_decision(s, _row("t-1", now, "retried")))  # fails once, then a fresh connection
        assert len(_stored(pg, "t-")) == 1
        assert len(seen) == 2  # the retried attempt's error went through the same handling
    finally:
        other.dispose()
