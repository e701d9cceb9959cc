"""Every POST runs through `write`: one transaction holding the change and, with an Idempotency-Key,
the stored answer, so a retried POST gets the first answer back (header `Idempotent-Replayed: true`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from marketguard.adapters.http.state import AppState
from marketguard.adapters.storage import idempotency
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.keys import Caller
from marketguard.service.errors import Invalid

MAX_KEY_CHARS = 200


def write(
    state: AppState,
    request: Request,
    caller: Caller,
    work: Callable[[Session], dict[str, Any]],
    status: int = 201,
) -> Response:
    idem = request.headers.get("Idempotency-Key")
    if idem is not None and not (0 < len(idem) <= MAX_KEY_CHARS):
        raise Invalid("invalid_idempotency_key", f"Idempotency-Key must be 1 to {MAX_KEY_CHARS} characters")
    route = f"{request.method} {request.url.path}"
    digest = str(getattr(request.state, "body_sha256", ""))

    def txn(session: Session) -> tuple[int, str, bool]:
        if idem is not None:
            stored = idempotency.find(session, caller.key_id, idem, route, digest)
            if stored is not None:
                return stored.status, stored.body, True
        body = orjson.dumps(work(session)).decode()
        if idem is not None:
            idempotency.save(session, caller.key_id, idem, route, digest, status, body)
        return status, body, False

    try:
        code, body, replayed = run(state.engine, txn)
    except IntegrityError:
        if idem is None:
            raise
        code, body, replayed = run(state.engine, txn)  # the same key raced us and won: replay its answer
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return Response(body, code, media_type="application/json", headers=headers)
