"""A JSON request body parsed and validated in one pass, for routes that handle their own request.

FastAPI parses a body with the standard library's `json.loads` and then validates the resulting objects
with pydantic, field by field from Python. `Model.model_validate_json(raw)` does both in one pass in
pydantic's Rust core, without the intermediate objects; on `/v1/screen` that is most of the body's cost.

Only a body that validates takes the fast path. Anything else is refused exactly as FastAPI refuses it
(`fastapi_errors` repeats FastAPI's reading: which content types are JSON, an empty body, `json.loads`
positions in malformed JSON, a body it cannot decode, errors located under `body`), so clients see the
same 400/422 answers whichever route served them. Refusals are rare; they may cost twice.
"""

from __future__ import annotations

import email.message
import json
from typing import Any, TypeVar

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

_JSON_TYPES = frozenset({"application/json", "application/json; charset=utf-8"})


def is_json(content_type: str | None) -> bool:
    """Whether FastAPI would read a body of this content type as JSON (`application/json` or
    `application/*+json`, parameters allowed); no content type is not JSON (FastAPI's strict default)."""
    if not content_type:
        return False
    if content_type in _JSON_TYPES:  # the usual case, without parsing the header
        return True
    message = email.message.Message()
    message["content-type"] = content_type
    if message.get_content_maintype() != "application":
        return False
    subtype = message.get_content_subtype()
    return subtype == "json" or subtype.endswith("+json")


def parse(model: type[M], raw: bytes, content_type: str | None) -> M | None:
    """The validated body, or None when it does not validate (then `fastapi_errors` says why)."""
    if not raw or not is_json(content_type):
        return None
    try:
        return model.model_validate_json(raw)
    except ValidationError:
        return None


def fastapi_errors(model: type[M], raw: bytes, content_type: str | None) -> tuple[M | None, list[dict[str, Any]]]:
    """FastAPI's own reading of a body: the model, or the validation errors it would report. Malformed
    JSON raises `RequestValidationError` at once, as FastAPI does before it authenticates the caller."""
    value: Any
    if not raw:
        return None, [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
    if is_json(content_type):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            error = {"type": "json_invalid", "loc": ("body", exc.pos), "msg": "JSON decode error", "input": {},
                     "ctx": {"error": exc.msg}}  # fmt: skip
            raise RequestValidationError([error], body=exc.doc) from exc
        except Exception as exc:  # bytes `json.loads` takes for UTF-16 or UTF-32 and cannot decode: FastAPI's 400
            raise HTTPException(status_code=400, detail="There was an error parsing the body") from exc
    else:
        value = raw  # FastAPI validates the raw bytes, which a model refuses
    try:
        return model.model_validate(value, from_attributes=True), []  # as FastAPI validates
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [{**e, "loc": ("body", *e["loc"])} for e in errors]
