"""Every refusal is a JSON body `{"error": {"code", "message", "details"?}}` with a precise 4xx status.

Codes clients can switch on: malformed_json, invalid_utf8, body_too_large, missing_field, invalid_enum,
invalid_field, invalid_record, missing_key, invalid_key, missing_scope, rate_limited, not_found, and the
domain's own (case_claimed, appeal_window_closed, same_reviewer, ...). A 500 is a bug, never a reply to input.
"""

from __future__ import annotations

import math
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from marketguard.errors import RecordError
from marketguard.service.errors import ServiceError


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None, **extra: Any) -> bytes:
    err: dict[str, Any] = {"code": code, "message": message, **extra}
    if details:
        err["details"] = details
    return orjson.dumps({"error": err})


def error_response(status: int, code: str, message: str, **kw: Any) -> Response:
    headers = kw.pop("headers", None)
    return Response(error_body(code, message, **kw), status, media_type="application/json", headers=headers)


_ENUM_TYPES = {"enum", "literal_error"}


def _classify(errors: list[dict[str, Any]]) -> tuple[int, str]:
    types = [str(e.get("type", "")) for e in errors]
    if "json_invalid" in types:
        return 400, "malformed_json"
    if "missing" in types:
        return 422, "missing_field"
    if any(t in _ENUM_TYPES for t in types):
        return 422, "invalid_enum"
    return 422, "invalid_field"


def _detail(e: dict[str, Any]) -> dict[str, Any]:
    loc = [str(p) for p in e.get("loc", ()) if p != "body"]
    out: dict[str, Any] = {"field": ".".join(loc) or None, "type": e.get("type"), "message": e.get("msg")}
    ctx = e.get("ctx") or {}
    if "expected" in ctx:
        out["expected"] = str(ctx["expected"])
    return out


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        status, code = _classify(errors)
        details = [_detail(e) for e in errors[:20]]
        first = details[0] if details else {}
        if code == "malformed_json":
            e = errors[0]
            where_at = [p for p in e.get("loc", ()) if isinstance(p, int)]
            reason = (e.get("ctx") or {}).get("error", "cannot be parsed")
            at = f" at character {where_at[0]}" if where_at else ""
            return error_response(
                400, code, f"the body is not valid JSON{at}: {reason}", position=where_at[0] if where_at else None
            )
        where = f" at '{first['field']}'" if first.get("field") else ""
        return error_response(status, code, f"{first.get('message', 'invalid request')}{where}", details=details)

    @app.exception_handler(ServiceError)
    async def _service(_: Request, exc: ServiceError) -> Response:
        retry = getattr(exc, "retry_after", None)
        if retry is not None:  # 429: say when to come back, in the header and the body
            seconds = max(1, math.ceil(retry))
            return error_response(
                exc.status, exc.code, exc.message, retry_after=seconds, headers={"Retry-After": str(seconds)}
            )
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(RecordError)
    async def _record(_: Request, exc: RecordError) -> Response:
        return error_response(422, "invalid_record", str(exc))

    @app.exception_handler(OperationalError)
    async def _database_down(_: Request, exc: OperationalError) -> Response:
        # the database is unreachable even after the retries in `db.run`: nothing was written, try again
        return error_response(
            503, "database_unavailable", "the database is unavailable; retry shortly", headers={"Retry-After": "1"}
        )

    @app.exception_handler(DataError)
    async def _data(_: Request, exc: DataError) -> Response:
        # a value the database cannot store (the API's own bounds should catch these first)
        first = str(exc.orig).splitlines()[0] if exc.orig is not None else "value rejected"
        return error_response(422, "invalid_value", f"a value cannot be stored: {first}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None))
