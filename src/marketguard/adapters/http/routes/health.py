"""Liveness, readiness and Prometheus metrics (no key needed: they say nothing about users)."""

from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.orm import Session

from marketguard.adapters.http.auth import StateDep
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.migrate import head

router = APIRouter(tags=["operations"])


def _revision(session: Session) -> str | None:
    return MigrationContext.configure(session.connection()).get_current_revision()


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="The database answers and its schema is current")
def readyz(state: StateDep) -> Response:
    try:
        revision = run(state.engine, _revision, read_only=True)  # retried like any request if a connection died
    except Exception as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc).splitlines()[0]}, status_code=503)
    expected = head()
    if revision != expected:
        return JSONResponse(
            {
                "status": "unavailable",
                "reason": f"schema at {revision}, expected {expected}: run marketguard db upgrade",
            },
            status_code=503,
        )
    return JSONResponse({"status": "ready", "schema": revision})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics(state: StateDep) -> Response:
    return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
