"""Queues, cases, claims and decisions: the reviewer's side. Every route needs a review key; the key's
name is the reviewer recorded in claims, decisions and the audit log."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from marketguard.adapters.http.auth import ReviewKey, ScreenKey, StateDep
from marketguard.adapters.http.schemas import DecisionIn
from marketguard.adapters.http.writes import write
from marketguard.adapters.storage import cases, moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.service.sanctions import parse_duration

router = APIRouter(prefix="/v1", tags=["cases"])

Family = Literal["scam", "account", "circumvention", "other"]


@router.get("/queues", summary="How many cases wait in each family's queue")
def queues(state: StateDep, caller: ReviewKey) -> dict[str, Any]:
    return {"depth": run(state.engine, cases.depth, read_only=True)}


@router.get("/queues/{family}", summary="Open cases of one family, most urgent first")
def queue(
    family: Family,
    state: StateDep,
    caller: ReviewKey,
    limit: int = Query(default=20, ge=1, le=200),
    include_claimed: bool = False,
) -> dict[str, Any]:
    now = utcnow()
    rows = run(state.engine, lambda s: cases.queue(s, family, limit, now, include_claimed), read_only=True)
    return {"family": family, "cases": [moderation.case_summary(r, now) for r in rows]}


@router.get("/cases/{case_id}", summary="A case with its evidence, the subject's history and its events")
def get_case(case_id: str, state: StateDep, caller: ReviewKey) -> dict[str, Any]:
    return run(state.engine, lambda s: moderation.case_view(s, case_id, utcnow()), read_only=True)


@router.post("/cases/{case_id}/claim", status_code=200, summary="Claim a case exclusively (the claim expires)")
def claim(case_id: str, request: Request, state: StateDep, caller: ReviewKey) -> Response:
    def work(session: Session) -> dict[str, Any]:
        now = utcnow()
        row = cases.claim(session, case_id, caller.name, now, state.settings.claim_seconds)
        return moderation.case_summary(row, now)

    return write(state, request, caller, work, status=200)


@router.post("/cases/{case_id}/release", status_code=200, summary="Give a claimed case back to the queue")
def release(case_id: str, request: Request, state: StateDep, caller: ReviewKey) -> Response:
    def work(session: Session) -> dict[str, Any]:
        now = utcnow()
        return moderation.case_summary(cases.release(session, case_id, caller.name, now), now)

    return write(state, request, caller, work, status=200)


@router.post(
    "/cases/{case_id}/decision",
    status_code=201,
    summary="Decide a claimed case: dismiss, warn, restrict messaging, hold payouts, suspend, or the ladder",
    description="The statement of reasons (ACTION, CAUSE, EVIDENCE, NEXT STEP) goes to the webhook.",
)
def decide(case_id: str, body: DecisionIn, request: Request, state: StateDep, caller: ReviewKey) -> Response:
    duration = parse_duration(body.duration) if body.duration else None

    def work(session: Session) -> dict[str, Any]:
        return moderation.decide(
            session, state.settings, case_id, caller.name, body.action, duration, body.reason, utcnow()
        )

    return write(state, request, caller, work)


@router.get("/decisions/{decision_id}", summary="A stored screening or account-event decision with its full trace")
def get_decision(decision_id: str, state: StateDep, caller: ReviewKey) -> dict[str, Any]:
    return run(state.engine, lambda s: moderation.decision_view(s, decision_id), read_only=True)


@router.get("/accounts/{account_id}/sanctions", summary="The account's sanctions in force now")
def sanctions(account_id: str, state: StateDep, caller: ScreenKey) -> dict[str, Any]:
    return run(
        state.engine, lambda s: moderation.subject_sanctions(s, ("account", account_id), utcnow()), read_only=True
    )
