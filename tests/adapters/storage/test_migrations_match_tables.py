"""The Alembic migrations build exactly the tables, columns and indexes the models declare, on both databases: a
model change without its migration (or the reverse) fails here, not in production."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

import marketguard.adapters.http.console.store  # noqa: F401  (its two tables join the service's metadata)
from marketguard.adapters.storage.tables import Base


def test_the_migrated_schema_equals_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []
