"""Screening: the library's decision and signals, stored with the full trace; strong ones open cases.

`POST /v1/screen` is the call a platform makes for every message, so it handles its own request
(`ScreenRoute`): FastAPI documents it from `screen`'s signature as usual (the body model, the API-key
security, the responses), but a request is served by `handle`, which reads the key once
(`auth.authenticate`, the function every other route's dependency calls too) and parses and validates
the body in one pass (`body.parse`). Through FastAPI's dependency solver the same route resolved three
dependencies (the key dependency and its two header readers) and parsed the body twice (`json.loads`,
then pydantic over the objects): about a fifth of the request's CPU in the event loop. Errors are the
same as through FastAPI, in the same order: malformed JSON (400), then the key (401/403/429), then the
body's fields (422).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from marketguard.adapters.http import body as json_body
from marketguard.adapters.http.auth import ScreenKey, StateDep, authenticate, bearer_token
from marketguard.adapters.http.schemas import ScreenBatchIn, ScreenIn
from marketguard.adapters.http.state import AppState
from marketguard.adapters.http.writes import write, write_batched
from marketguard.adapters.storage import audit_log, moderation
from marketguard.adapters.storage.cases import in_subject_order
from marketguard.adapters.storage.clock import utcnow
from marketguard.core.model import Context, Message
from marketguard.core.records import job_from_dict, job_text
from marketguard.errors import RecordError
from marketguard.service.priority import case_family


async def handle(request: Request) -> Response:
    """`screen`'s request, read as FastAPI would read it, in one pass (see the module doc)."""
    state: AppState = request.app.state.mg
    raw = await request.body()
    content_type = request.headers.get("content-type")
    parsed = json_body.parse(ScreenIn, raw, content_type)
    errors: list[dict[str, Any]] = []
    if parsed is None:  # refused: FastAPI's own reading says why (malformed JSON raises here, before the key)
        parsed, errors = json_body.fastapi_errors(ScreenIn, raw, content_type)
    caller = await authenticate(state, bearer_token(request.headers), "screen")
    if parsed is None:
        raise RequestValidationError(errors)
    return await screen(parsed, request, caller)


class ScreenRoute(APIRoute):
    """Documented by FastAPI from the endpoint, served by `handle` (see the module doc)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        # only `screen` is read by `handle` (asked by name: the route is built while `screen` is being defined);
        # any other route added to this router is served as FastAPI serves it
        own = self.endpoint.__module__ == __name__ and self.endpoint.__name__ == "screen"
        return handle if own else super().get_route_handler()


router = APIRouter(prefix="/v1", tags=["screening"], route_class=ScreenRoute)


def to_message(body: ScreenIn) -> Message:
    """The validated body as the core's record, directly (pydantic already checked every field; a job post's
    own fields go through the core's reader, as a `scan` line's do, so both paths see the same `JobPost`)."""
    region = body.context.region
    fields = body.job_fields()
    job = None
    if fields is not None:
        try:
            job = job_from_dict(fields)
        except RecordError as exc:
            error = {"type": "value_error", "loc": ("body",), "msg": str(exc), "input": fields}
            raise RequestValidationError([error]) from None
    if body.text is not None:
        text = body.text
    elif job is not None and (job.title or job.description):
        text = job_text(job)
    else:
        what = "Field required (a job post may give 'title' or 'description' instead)"
        raise RequestValidationError([{"type": "missing", "loc": ("body", "text"), "msg": what, "input": None}])
    return Message(
        text=text,
        job=job,
        id=body.id,
        kind=body.kind,
        conversation_id=body.conversation_id,
        sender_id=body.sender_id,
        recipient_id=body.recipient_id,
        at=body.at,
        context=Context(
            phase=body.context.phase, region=region.upper() if region else None, language=body.context.language
        ),
    )


@router.post(
    "/screen",
    status_code=201,
    summary="Screen a message, proposal, profile or job post",
    description=(
        "Returns the decision (allow, nudge, redact, review, block), the deciding rule and every signal with "
        "its span in the original text. The decision is stored with its trace; a review or block, or a "
        "signal above the configured score, opens or joins the sender's case."
    ),
)
async def screen(body: ScreenIn, request: Request, caller: ScreenKey) -> Response:
    # async: screening (well under a millisecond) runs on the event loop and the write is awaited from the
    # group-commit writer, so the request never waits for a thread-pool thread (a hop that, under load,
    # queues behind other requests' threads for the GIL)
    state: AppState = request.app.state.mg  # not `StateDep`: one dependency fewer to resolve per request
    message = to_message(body)
    with state.screen_lock:
        result = state.screener.screen(message).to_dict()
    _count(state, result)
    subject = _subject(message)

    def work(session: Session) -> dict[str, Any]:
        decision_id, case_id = moderation.record_screen(
            session, state.settings, result, message.kind.value, message.text, subject, caller.name, utcnow()
        )
        return {**result, "decision_id": decision_id, "case_id": case_id}

    return await write_batched(state, request, caller, work, order=subject or ())


def _count(state: AppState, result: dict[str, Any]) -> None:
    """The decision in the metrics, under the family of its strongest signal."""
    top = max(result["signals"], key=lambda s: s["score"], default=None)
    state.metrics.count_decision("screen", case_family(top["family"]) if top else "none", result["decision"])


def _subject(message: Message) -> tuple[str, str] | None:
    if message.sender_id:
        return ("account", message.sender_id)
    if message.conversation_id:
        return ("conversation", message.conversation_id)
    return None


@router.post(
    "/screen/batch",
    status_code=201,
    summary="Screen up to 500 messages, proposals, profiles or job posts in order",
    description=(
        "Each item is answered as `POST /v1/screen` answers it, in the order given (a conversation's earlier items "
        "are in view of its later ones). Every decision is stored, all in one transaction: a bad item is a 422 "
        "naming its index, and then nothing is screened or stored."
    ),
)
def screen_batch(body: ScreenBatchIn, request: Request, state: StateDep, caller: ScreenKey) -> Response:
    messages = []
    for i, item in enumerate(body.items):
        try:
            messages.append(to_message(item))
        except RequestValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", "items", i, *tuple(e.get("loc", ()))[1:])} for e in exc.errors()]
            ) from None
    with state.screen_lock:
        results = [state.screener.screen(m).to_dict() for m in messages]
    for result in results:
        _count(state, result)

    def work(session: Session) -> dict[str, Any]:
        now = utcnow()
        # subject order and the audit events at commit: the lock order of every transaction that touches several
        # cases (`cases.attach`); the answers stay in the items' order
        audit_log.defer_appends(session)
        out: list[dict[str, Any]] = [{}] * len(messages)
        for i in in_subject_order([_subject(m) for m in messages]):
            message, result = messages[i], results[i]
            decision_id, case_id = moderation.record_screen(
                session, state.settings, result, message.kind.value, message.text, _subject(message), caller.name, now
            )
            out[i] = {**result, "decision_id": decision_id, "case_id": case_id}
        return {"results": out}

    return write(state, request, caller, work)
