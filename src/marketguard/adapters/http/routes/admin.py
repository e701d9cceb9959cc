"""Administration: API keys and the audit log (admin scope only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from marketguard.adapters.http.auth import AdminKey, StateDep
from marketguard.adapters.http.schemas import KeyIn
from marketguard.adapters.http.writes import write
from marketguard.adapters.storage import audit_log, keys, moderation
from marketguard.adapters.storage.db import run

router = APIRouter(prefix="/v1", tags=["administration"])


@router.get("/audit", summary="The audit log, in order, from an event sequence number on")
def audit(
    state: StateDep,
    caller: AdminKey,
    after: int = Query(default=0, ge=0, le=2**31 - 1),  # sequence numbers are 32-bit in the schema
    limit: int = Query(default=100, ge=1, le=1000),
    case_id: str | None = None,
) -> dict[str, Any]:
    events = run(state.engine, lambda s: moderation.audit_page(s, after, limit, case_id), read_only=True)
    return {"events": events, "next_after": events[-1]["seq"] if events else after}


@router.get("/audit/verify", summary="Check the hash chain: a changed or deleted event is reported")
def verify(state: StateDep, caller: AdminKey) -> dict[str, Any]:
    count, problems = run(state.engine, audit_log.verify_log, read_only=True)
    return {"events": count, "intact": not problems, "problems": [str(p) for p in problems]}


@router.post("/keys", status_code=201, summary="Create an API key (the token is shown once)")
def create_key(body: KeyIn, request: Request, state: StateDep, caller: AdminKey) -> Response:
    def work(session: Session) -> dict[str, Any]:
        key_id, token = keys.create(session, body.name, [s.value for s in body.scopes], caller.name, body.rate_limit)
        return {"id": key_id, "token": token, "name": body.name, "scopes": sorted({s.value for s in body.scopes})}

    return write(state, request, caller, work)


@router.get("/keys", summary="API keys (without secrets)")
def list_keys(state: StateDep, caller: AdminKey) -> dict[str, Any]:
    return {"keys": run(state.engine, keys.listing, read_only=True)}


@router.post("/keys/{key_id}/revoke", status_code=200, summary="Revoke a key")
def revoke_key(key_id: str, request: Request, state: StateDep, caller: AdminKey) -> Response:
    def work(session: Session) -> dict[str, Any]:
        keys.revoke(session, key_id, caller.name)
        return {"id": key_id, "revoked": True}

    return write(state, request, caller, work, status=200)
