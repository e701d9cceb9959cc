"""Reviewer accounts and the signing key on both databases: SQLite (a WAL file) and a throwaway PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from marketguard.adapters.http.console import store
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import alembic_config, current, head, upgrade
from marketguard.service.errors import Conflict
from service_helpers import throwaway_postgres

PASSWORD = "a long enough passphrase"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'mg.db'}"
        upgrade(url)
        eng = make_engine(url)
        yield eng
        eng.dispose()
        return
    with throwaway_postgres() as url:
        upgrade(url)
        eng = make_engine(url)
        yield eng
        eng.dispose()


def test_migrated_with_one_head(engine: Engine) -> None:
    heads = ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()
    assert len(heads) == 1, f"the migrations have several heads: {heads}"
    assert current(engine) == head()
    with engine.connect() as conn:
        assert {"console_reviewers", "console_secret"} <= set(inspect(conn).get_table_names())


def test_accounts_logins_and_lockout(engine: Engine) -> None:
    now = utcnow()
    run(engine, lambda s: store.create(s, "Alice", PASSWORD, "reviewer", "scam", now))
    with pytest.raises(Conflict):
        run(engine, lambda s: store.create(s, "alice", PASSWORD, "senior", "*", now))
    ident = run(engine, lambda s: store.login(s, "ALICE ", PASSWORD, now))
    assert ident is not None and ident.name == "alice" and ident.families == ("scam",) and not ident.sees_reporters
    for _ in range(store.MAX_FAILURES):
        assert run(engine, lambda s: store.login(s, "alice", "wrong guess!", now)) is None
    assert run(engine, lambda s: store.login(s, "alice", PASSWORD, now)) is None
    later = now + store.LOCKOUT + timedelta(seconds=1)
    assert run(engine, lambda s: store.login(s, "alice", PASSWORD, later)) is not None
    assert run(engine, lambda s: store.current(s, "alice", ident.epoch)) is not None
    run(engine, lambda s: store.end_sessions(s, "alice"))
    assert run(engine, lambda s: store.current(s, "alice", ident.epoch)) is None


def test_concurrent_first_use_agrees_on_one_signing_key(engine: Engine) -> None:
    keys: list[str] = []
    barrier = threading.Barrier(4)

    def first_use() -> None:
        barrier.wait()
        keys.append(run(engine, store.signing_key))

    threads = [threading.Thread(target=first_use) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(keys) == 4 and len(set(keys)) == 1 and len(keys[0]) >= 48
