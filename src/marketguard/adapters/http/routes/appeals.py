"""Appeals: filed on the user's behalf by the platform (report scope), decided by another reviewer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from marketguard.adapters.http.auth import ReportKey, ReviewKey, StateDep
from marketguard.adapters.http.schemas import AppealDecisionIn, AppealIn
from marketguard.adapters.http.writes import write
from marketguard.adapters.storage import moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run

router = APIRouter(prefix="/v1", tags=["appeals"])


@router.post("/cases/{case_id}/appeal", status_code=201, summary="The sanctioned user appeals (within the window)")
def appeal(case_id: str, body: AppealIn, request: Request, state: StateDep, caller: ReportKey) -> Response:
    def work(session: Session) -> dict[str, Any]:
        return moderation.file_appeal(session, case_id, body.text, caller.name, utcnow())

    return write(state, request, caller, work)


@router.get("/appeals", summary="Appeals waiting for a reviewer")
def appeals(state: StateDep, caller: ReviewKey, limit: int = Query(default=50, ge=1, le=500)) -> dict[str, Any]:
    return {"appeals": run(state.engine, lambda s: moderation.open_appeals(s, limit), read_only=True)}


@router.post(
    "/appeals/{appeal_id}/decision",
    status_code=201,
    summary="Uphold or overturn; must be a reviewer other than the one who decided; an overturn lifts the sanction",
)
def decide_appeal(
    appeal_id: str, body: AppealDecisionIn, request: Request, state: StateDep, caller: ReviewKey
) -> Response:
    def work(session: Session) -> dict[str, Any]:
        return moderation.decide_appeal(session, appeal_id, caller.name, body.outcome, body.reasons, utcnow())

    return write(state, request, caller, work)
