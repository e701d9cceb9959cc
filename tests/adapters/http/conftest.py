"""An application per test on a fresh SQLite file (or PostgreSQL where a test asks), with one key per role."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Engine  # noqa: E402

from marketguard.adapters.http.app import create_app  # noqa: E402
from marketguard.adapters.storage import keys  # noqa: E402
from marketguard.adapters.storage.db import make_engine, run  # noqa: E402
from marketguard.adapters.storage.migrate import upgrade  # noqa: E402
from marketguard.service.settings import ServiceSettings  # noqa: E402


@dataclass
class Api:
    client: TestClient
    engine: Engine
    settings: ServiceSettings
    tokens: dict[str, str]

    def h(self, role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}", **extra}


ROLES = {
    "platform": ["screen", "report"],
    "alice": ["review"],
    "bob": ["review"],
    "admin": ["admin"],
}


def make_api(settings: ServiceSettings) -> Iterator[Api]:
    upgrade(settings.url)
    engine = make_engine(settings.url)
    tokens = {
        name: run(engine, lambda s, n=name, sc=sc: keys.create(s, n, sc, "test"))[1] for name, sc in ROLES.items()
    }  # type: ignore[misc]
    with TestClient(create_app(settings)) as client:
        yield Api(client, engine, settings, tokens)
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> ServiceSettings:
    return ServiceSettings(data_dir=tmp_path)


@pytest.fixture
def api(settings: ServiceSettings) -> Iterator[Api]:
    yield from make_api(settings)


@pytest.fixture
def limited_api(settings: ServiceSettings) -> Iterator[Api]:
    yield from make_api(replace(settings, rate_limit=1.0, rate_burst=3, max_body_bytes=4096))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: reliability and fuzzing tests with real servers (run in CI too)")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    from service_helpers import throwaway_postgres

    with throwaway_postgres() as url:
        yield url


@pytest.fixture
def pg_api(pg_url: str, tmp_path: Path) -> Iterator[Api]:
    yield from make_api(ServiceSettings(data_dir=tmp_path, database_url=pg_url))
