"""Each storage test runs on SQLite (a WAL file) and on a throwaway PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from marketguard.adapters.storage.db import make_engine
from marketguard.adapters.storage.migrate import upgrade
from service_helpers import throwaway_postgres


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    with throwaway_postgres() as url:
        upgrade(url)
        yield url


_TABLES = "audit_events, api_keys, appeals, sanctions, reports, reporters, decisions, outbox, idempotency, cases"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'mg.db'}"
        upgrade(url)
        eng = make_engine(url)
    else:
        eng = make_engine(request.getfixturevalue("pg_url"))
        with eng.begin() as conn:  # a clean slate per test, schema kept
            conn.execute(text(f"TRUNCATE {_TABLES} CASCADE"))
            conn.execute(text("UPDATE audit_head SET seq = 0, hash = :h"), {"h": "0" * 64})
    yield eng
    eng.dispose()
