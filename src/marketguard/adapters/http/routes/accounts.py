"""Account events (logins, identity, payout changes), one or in batches: each gets the monitor's answer,
stored with its trace; review and block open or join the account's case."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import Response
from redis.exceptions import RedisError
from sqlalchemy.orm import Session

from marketguard.adapters.http.auth import ScreenKey, StateDep
from marketguard.adapters.http.schemas import AccountEventsIn
from marketguard.adapters.http.state import AppState
from marketguard.adapters.http.writes import write
from marketguard.adapters.storage import audit_log, moderation
from marketguard.adapters.storage.cases import in_subject_order
from marketguard.adapters.storage.clock import utcnow
from marketguard.errors import RecordError
from marketguard.service.errors import ServiceError

router = APIRouter(prefix="/v1", tags=["account events"])

EXAMPLE = {
    "id": "e-1",
    "kind": "login",
    "account_id": "u-42",
    "at": "2026-11-26T04:00:00Z",
    "ip": "203.0.113.9",
    "device_id": "d-1",
    "user_agent": "Mozilla/5.0",
    "session_id": "s-1",
}


class Unavailable(ServiceError):
    status = 503


def _observe(state: AppState, events: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Judge every event first (a bad one is a 422 naming its index, and nothing is stored)."""
    if state.monitor is None:
        raise Unavailable("accounts_unavailable", "the account monitor is not installed in this build")
    out = []
    with state.monitor_lock:
        for i, event in enumerate(events):
            try:
                result = state.monitor.observe(event).to_dict()
            except RecordError as exc:
                prefix = f"events[{i}]: " if len(events) > 1 else ""
                raise RecordError(prefix + str(exc)) from None
            except RedisError as exc:  # the state store is away: nothing was stored, retry later
                raise Unavailable("account_state_unavailable", f"account state store unavailable: {exc}") from None
            out.append((event, result))
    return out


def _store(
    state: AppState, request: Request, caller: Any, judged: list[tuple[dict[str, Any], dict[str, Any]]], batch: bool
) -> Response:
    for _, result in judged:
        state.metrics.count_decision("account", "account", str(result.get("decision")))

    accounts = [str(result.get("account_id") or event.get("account_id")) for event, result in judged]

    def work(session: Session) -> dict[str, Any]:
        now = utcnow()
        # account order and the audit events at commit: the lock order of every transaction that touches several
        # cases (`cases.attach`); the answers stay in the events' order
        audit_log.defer_appends(session)
        results: list[dict[str, Any]] = [{}] * len(judged)
        for i in in_subject_order([("account", a) for a in accounts]):
            (event, result), account = judged[i], accounts[i]
            decision_id, case_id = moderation.record_account(session, result, account, event, caller.name, now)
            results[i] = {**result, "decision_id": decision_id, "case_id": case_id}
        return {"results": results} if batch else results[0]

    return write(state, request, caller, work)


@router.post("/account-events", status_code=201, summary="Ingest one account event")
def account_event(
    request: Request,
    state: StateDep,
    caller: ScreenKey,
    event: Annotated[dict[str, Any], Body(examples=[EXAMPLE])],
) -> Response:
    return _store(state, request, caller, _observe(state, [event]), batch=False)


@router.post("/account-events/batch", status_code=201, summary="Ingest up to 1000 account events in order")
def account_events(body: AccountEventsIn, request: Request, state: StateDep, caller: ScreenKey) -> Response:
    return _store(state, request, caller, _observe(state, body.events), batch=True)
