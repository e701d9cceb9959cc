"""Shared by the service tests: real databases (SQLite file, throwaway PostgreSQL database) and services.

PostgreSQL tests skip with the reason when 127.0.0.1:5432 is unreachable, and fail instead when
MARKETGUARD_REQUIRE_SERVICES=1 (as in CI).
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from needs import unavailable

PG_HOST, PG_PORT = os.environ.get("MARKETGUARD_TEST_PG_HOST", "127.0.0.1"), 5432
ADMIN_URL = f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/postgres"




def postgres_reachable() -> str | None:
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=1):
            return None
    except OSError as exc:
        return f"cannot connect to {PG_HOST}:{PG_PORT} ({exc.strerror or exc})"


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Create a fresh database, yield its URL, drop it (terminating leftover connections) afterwards."""
    from sqlalchemy import create_engine, text

    why = postgres_reachable()
    if why:
        unavailable("PostgreSQL", why)
    name = f"mg_test_{secrets.token_hex(4)}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        unavailable("PostgreSQL", str(exc).splitlines()[0])
    try:
        yield f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def redis_url() -> str:
    """The local Redis (database 15, used by tests only), or skip/fail when it is unreachable."""
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1):
            pass
    except OSError as exc:
        unavailable("Redis", f"cannot connect to {REDIS_HOST}:{REDIS_PORT} ({exc.strerror or exc})")
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/15"
