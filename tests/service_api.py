"""The service API under test: an application on a given database, with one key per role (tests import this)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass

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
