"""Fixtures for the service API tests: an application per test on a fresh SQLite file, or on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from marketguard.service.settings import ServiceSettings
from service_api import Api, make_api


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
