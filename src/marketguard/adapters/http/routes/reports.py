"""User reports: they join the reported account's case; the reporter is never shown to that account."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from marketguard.adapters.http.auth import ReportKey, StateDep
from marketguard.adapters.http.schemas import ReportIn
from marketguard.adapters.http.writes import write
from marketguard.adapters.storage import moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run

router = APIRouter(prefix="/v1", tags=["reports"])


@router.post("/reports", status_code=201, summary="File a report about a message, job post, profile or account")
def file_report(body: ReportIn, request: Request, state: StateDep, caller: ReportKey) -> Response:
    def work(session: Session) -> dict[str, Any]:
        report_id, _ = moderation.file_report(
            session,
            body.reporter_id,
            body.account_id,
            body.target.type,
            body.target.id,
            body.reason.value,
            body.text,
            caller.name,
            utcnow(),
        )
        return moderation.report_view(session, report_id)

    return write(state, request, caller, work)


@router.get("/reports/{report_id}", summary="A report and how it was decided")
def get_report(report_id: str, state: StateDep, caller: ReportKey) -> dict[str, Any]:
    return run(state.engine, lambda s: moderation.report_view(s, report_id), read_only=True)
