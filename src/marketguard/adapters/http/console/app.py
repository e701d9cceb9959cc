"""The service app with the console mounted, for Uvicorn: `marketguard.adapters.http.console.app:from_env`.

Until the service's own factory mounts the console, this is the entry point that serves both; once it
does, `mount_console` notices and this factory is the same app.
"""

from __future__ import annotations

from fastapi import FastAPI

from marketguard.adapters.http.app import from_env as service_from_env
from marketguard.adapters.http.console import mount_console


def from_env() -> FastAPI:
    app = service_from_env()
    mount_console(app)
    return app
