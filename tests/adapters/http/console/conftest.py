"""Fixtures of the console tests: a migrated database with reviewers and a seeded real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from console_helpers import ConsoleServer, Seeded, prepare, seed

from marketguard.service.settings import ServiceSettings


@pytest.fixture
def console_settings(tmp_path: Path) -> ServiceSettings:
    return ServiceSettings(data_dir=tmp_path / "data", rate_limit=0.0)


@pytest.fixture
def console_server(console_settings: ServiceSettings, tmp_path: Path) -> Iterator[tuple[ConsoleServer, Seeded]]:
    engine, token = prepare(console_settings)
    engine.dispose()
    server = ConsoleServer(console_settings, tmp_path / "server.log")
    try:
        with httpx.Client(base_url=server.base, timeout=30) as client:
            seeded = seed(client, token)
        yield server, seeded
    finally:
        server.stop()
