"""`POST /v1/screen` handles its own request (routes/screen.py: one key check, the body parsed and validated
in one pass). These tests hold it to what FastAPI's own handling of the same signature answers, byte for
byte, for good and bad bodies, content types and keys, and check the pieces it is built from."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from fastapi import APIRouter, Request
from fastapi.responses import Response

from marketguard.adapters.http.auth import ScreenKey, bearer_token
from marketguard.adapters.http.body import is_json
from marketguard.adapters.http.routes.screen import to_message
from marketguard.adapters.http.schemas import ScreenIn
from marketguard.adapters.http.state import AppState
from service_api import Api

JSON = {"content-type": "application/json"}

BODIES: list[tuple[dict[str, str], bytes]] = [
    (JSON, b'{"text": "hi there", "id": "a"}'),
    (JSON, b'{"text": "hi", "unknown": 1}'),
    (JSON, b'{"text": "hi",'),
    (JSON, b'{"text" "hi"}'),
    (JSON, b""),
    (JSON, b"[1, 2]"),
    (JSON, b'"x"'),
    (JSON, b"null"),
    (JSON, b'{"id": "x"}'),
    (JSON, b'{"text": "x", "kind": "tweet"}'),
    (JSON, b'{"text": "x", "context": {"phase": "later"}}'),
    (JSON, b'{"text": "x", "context": {"region": "USA"}}'),
    (JSON, b'{"text": 5}'),
    (JSON, b'{"text": "x", "context": {"language": "pt-BR"}}'),
    (JSON, b'{"text": "x", "context": {"language": "portugues do brasil"}}'),
    (JSON, b'{"kind": "job_post", "title": "Logo", "client": {"country": "Germany", "spend": 0}}'),
    (JSON, b'{"kind": "job_post", "company": "Acme"}'),
    (JSON, b'{"kind": "job_post", "title": "Logo", "client": {"country": "Atlantis"}}'),
    (JSON, b'{"kind": "job_post", "title": "Logo", "budget": {"amount": 5, "type": "weekly"}}'),
    (JSON, b'{"text": "x", "id": NaN}'),
    (JSON, b'{"text": "x", "text": "y"}'),
    (JSON, b'{"text": "x", "at": 123456789012345678901234567890}'),
    (JSON, b'{"text": "x\\ud800y"}'),
    (JSON, b'{"text": "x\\u0000y"}'),
    (JSON, b"\x00a\x00"),  # valid UTF-8 that json.loads takes for UTF-16 and cannot decode
    (JSON, b"\x00\x00\x00a\x00"),  # the same as UTF-32
    ({}, b'{"text": "hi"}'),
    ({"content-type": "text/plain"}, b'{"text": "hi"}'),
    ({"content-type": "application/vnd.platform+json"}, b'{"text": "hi"}'),
    ({"content-type": "application/json; charset=utf-8"}, b'{"text": "hi"}'),
    ({"content-type": "Application/JSON"}, b'{"text": "hi"}'),
]


def _reference(api: Api) -> None:
    """The same signature served by FastAPI itself, answering what `screen` would be called with."""
    router = APIRouter()

    @router.post("/v1/screen-reference", status_code=201)
    async def reference(body: ScreenIn, request: Request, caller: ScreenKey) -> Response:
        to_message(body)  # the checks the route makes after pydantic's (a text, or a job post's title)
        return Response(body.model_dump_json(), 201, media_type="application/json")

    api.client.app.include_router(router)  # type: ignore[attr-defined]


def _answer(response: Any) -> tuple[int, Any]:
    data = response.json()
    if response.status_code == 201:  # the reference echoes the parsed body; the real route screens it
        return 201, None
    return response.status_code, data


@pytest.mark.parametrize(("headers", "body"), BODIES)
def test_bodies_are_answered_as_fastapi_answers_them(api: Api, headers: dict[str, str], body: bytes) -> None:
    _reference(api)
    real = api.client.post("/v1/screen", content=body, headers={**api.h("platform"), **headers})
    ref = api.client.post("/v1/screen-reference", content=body, headers={**api.h("platform"), **headers})
    assert _answer(real) == _answer(ref)


@pytest.mark.parametrize(
    ("role", "headers"),
    [
        (None, {}),
        (None, {"Authorization": "Basic abc"}),
        (None, {"Authorization": "Bearer"}),
        (None, {"Authorization": "Bearer mg_nope_nope"}),
        ("alice", {}),  # a review key: no screen scope
        ("platform", {"use": "x-api-key"}),
        ("platform", {"use": "lower-case scheme"}),
    ],
)
def test_keys_are_answered_as_fastapi_answers_them(api: Api, role: str | None, headers: dict[str, str]) -> None:
    _reference(api)
    if role is not None:
        token = api.tokens[role]
        use = headers.get("use")
        headers = (
            {"X-API-Key": token}
            if use == "x-api-key"
            else {"authorization": f"bearer {token}"}
            if use
            else {"Authorization": f"Bearer {token}"}
        )
    for body in (b'{"text": "hi"}', b'{"text": 5}', b'{"text": "hi",'):  # the order: JSON, then key, then fields
        real = api.client.post("/v1/screen", content=body, headers={**JSON, **headers})
        ref = api.client.post("/v1/screen-reference", content=body, headers={**JSON, **headers})
        assert _answer(real) == _answer(ref), body


def test_the_route_is_documented_as_before(api: Api) -> None:
    op = api.client.get("/openapi.json").json()["paths"]["/v1/screen"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ScreenIn"}
    assert {next(iter(s)) for s in op["security"]} == {"HTTPBearer", "APIKeyHeader"}
    assert "201" in op["responses"] and "422" in op["responses"]


def test_bearer_token_reads_the_headers_as_fastapi_security_does() -> None:
    assert bearer_token({"authorization": "Bearer mg_a_b"}) == "mg_a_b"
    assert bearer_token({"authorization": "bEaReR   mg_a_b  "}) == "mg_a_b"
    assert bearer_token({"authorization": "Basic mg_a_b", "x-api-key": "mg_c_d"}) == "mg_c_d"
    assert bearer_token({"authorization": "Bearer ", "x-api-key": ""}) is None
    assert bearer_token({}) is None


def test_json_content_types_as_fastapi_reads_them() -> None:
    assert is_json("application/json") and is_json("application/json; charset=utf-8")
    assert is_json("application/problem+json") and is_json("APPLICATION/JSON")
    assert not is_json(None) and not is_json("") and not is_json("text/json") and not is_json("text/plain")


def test_the_key_cache_holds_digests_not_tokens(api: Api) -> None:
    token = api.tokens["platform"]
    assert api.client.post("/v1/screen", json={"text": "hi"}, headers=api.h("platform")).status_code == 201
    state: AppState = api.client.app.state.mg  # type: ignore[attr-defined]
    cached = state._keys  # what the process keeps is the point of this test
    assert hashlib.sha256(token.encode()).digest() in cached
    assert all(token not in repr(k) for k in cached)
    assert state.cached_key(token) is not None and state.cached_key(token + "x") is None
