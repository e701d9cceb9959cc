"""Every POST runs through `write`: one transaction holding the change and, with an Idempotency-Key,
the stored answer, so a retried POST gets the first answer back (header `Idempotent-Replayed: true`).

`write_batched` is the same for the hot path (`/v1/screen`): the transaction is handed to the process's
group-commit writer (`storage.group_commit`), which commits it with whatever other requests are waiting,
and the request is answered once that commit is done. It is awaited on the event loop, without a
thread-pool hop, and a batch's answers come back to the loop in one wake-up (`GroupCommit.submit_async`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from marketguard.adapters.http.guard import body_sha256
from marketguard.adapters.http.state import AppState
from marketguard.adapters.storage import idempotency
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.keys import Caller
from marketguard.service.errors import Invalid

MAX_KEY_CHARS = 200


def _path(request: Request) -> str:
    """`request.url.path` without building the URL (host header parsed, URL joined and split again, on every
    POST): Starlette's URL takes the scope's path and escapes exactly these three characters."""
    path: str = request.scope["path"]
    return path.replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")


def _transaction(
    request: Request, caller: Caller, work: Callable[[Session], dict[str, Any]], status: int
) -> Callable[[Session], tuple[int, str, bool]]:
    """The POST's transaction: replay a stored answer for a known Idempotency-Key, or do the work (and store
    its answer under the key). Returns (status, body, replayed)."""
    idem = request.headers.get("Idempotency-Key")
    if idem is not None and not (0 < len(idem) <= MAX_KEY_CHARS):
        raise Invalid("invalid_idempotency_key", f"Idempotency-Key must be 1 to {MAX_KEY_CHARS} characters")
    route = f"{request.method} {_path(request)}"
    digest = body_sha256(request.scope) if idem is not None else ""

    def txn(session: Session) -> tuple[int, str, bool]:
        if idem is not None:
            stored = idempotency.find(session, caller.key_id, idem, route, digest)
            if stored is not None:
                return stored.status, stored.body, True
        body = orjson.dumps(work(session)).decode()
        if idem is not None:
            idempotency.save(session, caller.key_id, idem, route, digest, status, body)
        return status, body, False

    return txn


def _response(code: int, body: str, replayed: bool) -> Response:
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return Response(body, code, media_type="application/json", headers=headers)


def write(
    state: AppState,
    request: Request,
    caller: Caller,
    work: Callable[[Session], dict[str, Any]],
    status: int = 201,
) -> Response:
    txn = _transaction(request, caller, work, status)
    try:
        code, body, replayed = run(state.engine, txn)
    except IntegrityError:
        if request.headers.get("Idempotency-Key") is None:
            raise
        code, body, replayed = run(state.engine, txn)  # the same key raced us and won: replay its answer
    return _response(code, body, replayed)


async def write_batched(
    state: AppState,
    request: Request,
    caller: Caller,
    work: Callable[[Session], dict[str, Any]],
    status: int = 201,
    order: tuple[str, ...] = (),
) -> Response:
    """`write` through the group-commit writer: answered after the batch holding this write committed. `order`
    is the subject whose case the work may open or join (`GroupCommit.submit_async`)."""
    txn = _transaction(request, caller, work, status)
    started = time.perf_counter()
    try:
        code, body, replayed = await state.writer.submit_async(txn, order)
        state.write_waits.add(time.perf_counter() - started)
    except IntegrityError:
        if request.headers.get("Idempotency-Key") is None:
            raise
        code, body, replayed = await state.writer.submit_async(txn, order)  # replay the winner's answer
    return _response(code, body, replayed)
