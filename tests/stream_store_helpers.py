"""A stream consumer's database in the tests: SQLite in a temporary folder, migrated, and its decisions."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade
from marketguard.adapters.storage.tables import Decision
from marketguard.adapters.streams.store import StreamStore
from marketguard.service.settings import ServiceSettings


def sqlite_store(folder: Path, namespace: str) -> tuple[StreamStore, Engine]:
    url = f"sqlite:///{folder / 'marketguard.db'}"
    upgrade(url)
    engine = make_engine(url)
    return StreamStore(engine, ServiceSettings(database_url=url), namespace), engine


def decisions(engine: Engine) -> list[str]:
    """Every stored decision's id, sorted."""
    return sorted(run(engine, lambda s: list(s.scalars(select(Decision.id))), read_only=True))
