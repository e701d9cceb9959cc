"""`db.execute_on_psycopg`, the one way the storage adapters send a statement straight to psycopg (the decisions'
INSERT, the audit events' chained write): it runs the statement in the connection's transaction, with `commit`
commits it in the same pipeline, and raises a driver error as SQLAlchemy's `execute` raises it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DataError

from marketguard.adapters.storage.db import execute_on_psycopg, make_engine


@pytest.fixture
def pg(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS t_execute_on_psycopg (n integer)"))
        conn.execute(text("TRUNCATE t_execute_on_psycopg"))
    yield engine
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE t_execute_on_psycopg"))
    engine.dispose()


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM t_execute_on_psycopg")).scalar_one())


def test_a_statement_runs_in_the_connections_transaction(pg: Engine) -> None:
    with pg.connect() as conn:
        conn.execute(text("SELECT 1"))  # the transaction has begun
        execute_on_psycopg(conn, "INSERT INTO t_execute_on_psycopg VALUES (%s), (%s)", [1, 2])
        assert conn.execute(text("SELECT count(*) FROM t_execute_on_psycopg")).scalar_one() == 2
        conn.rollback()
    assert _count(pg) == 0


def test_with_commit_the_statement_is_committed(pg: Engine) -> None:
    with pg.connect() as conn:
        conn.execute(text("SELECT 1"))
        execute_on_psycopg(conn, "INSERT INTO t_execute_on_psycopg VALUES (%s)", [1], commit=True)
        assert _count(pg) == 1  # seen from another connection before this one's own commit
        conn.commit()  # finds the connection idle: nothing left to send
    assert _count(pg) == 1


@pytest.mark.parametrize("commit", [False, True])
def test_a_driver_error_is_sqlalchemys_and_nothing_is_stored(pg: Engine, commit: bool) -> None:
    with pg.connect() as conn:
        conn.execute(text("SELECT 1"))
        with pytest.raises(DataError) as caught:
            execute_on_psycopg(conn, "INSERT INTO t_execute_on_psycopg VALUES (1 / %s)", [0], commit=commit)
        assert "division by zero" in str(caught.value) and not caught.value.connection_invalidated
        conn.rollback()
        assert conn.execute(text("SELECT 1")).scalar_one() == 1  # the connection is usable again
    assert _count(pg) == 0
