"""Bad input gets a precise, machine-readable 4xx; keys, scopes, rate limits and idempotency."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service_api import Api


def _code(r: object) -> tuple[int, str]:
    return r.status_code, r.json()["error"]["code"]  # type: ignore[attr-defined]


def test_malformed_json(api: Api) -> None:
    r = api.client.post(
        "/v1/screen", content=b'{"text": "hi"', headers=api.h("platform", **{"Content-Type": "application/json"})
    )
    assert _code(r) == (400, "malformed_json")
    assert "character" in r.json()["error"]["message"]


def test_invalid_utf8(api: Api) -> None:
    r = api.client.post(
        "/v1/screen", content=b'{"text": "caf\xe9"}', headers=api.h("platform", **{"Content-Type": "application/json"})
    )
    assert _code(r) == (400, "invalid_utf8") and r.json()["error"]["position"] == 13


def test_oversized_body(limited_api: Api) -> None:
    api = limited_api
    r = api.client.post("/v1/screen", json={"text": "x" * 5000}, headers=api.h("platform"))
    assert _code(r) == (413, "body_too_large") and r.json()["error"]["limit"] == 4096


def test_unknown_enum_and_missing_field(api: Api) -> None:
    r = api.client.post("/v1/screen", json={"text": "hi", "kind": "tweet"}, headers=api.h("platform"))
    assert _code(r) == (422, "invalid_enum") and r.json()["error"]["details"][0]["field"] == "kind"
    r = api.client.post(
        "/v1/reports",
        json={"reporter_id": "a", "account_id": "b", "target": {"type": "message", "id": "m"}, "reason": "rude"},
        headers=api.h("platform"),
    )
    assert _code(r) == (422, "invalid_enum")
    r = api.client.post("/v1/screen", json={"kind": "message"}, headers=api.h("platform"))
    assert _code(r) == (422, "missing_field") and r.json()["error"]["details"][0]["field"] == "text"
    r = api.client.post("/v1/screen", json=["not", "an", "object"], headers=api.h("platform"))
    assert r.status_code == 422


def test_keys_and_scopes(api: Api) -> None:
    assert _code(api.client.post("/v1/screen", json={"text": "hi"})) == (401, "missing_key")
    assert _code(api.client.post("/v1/screen", json={"text": "hi"}, headers={"X-API-Key": "mg_nope_nope"})) == (
        401,
        "invalid_key",
    )
    assert _code(api.client.post("/v1/screen", json={"text": "hi"}, headers=api.h("alice"))) == (403, "missing_scope")
    assert (
        api.client.post("/v1/screen", json={"text": "hi"}, headers={"X-API-Key": api.tokens["platform"]}).status_code
        == 201
    )


def test_rate_limit_is_a_clear_429(limited_api: Api) -> None:
    api = limited_api
    codes = [
        api.client.post("/v1/screen", json={"text": "hi"}, headers=api.h("platform")).status_code for _ in range(5)
    ]
    assert codes[:3] == [201, 201, 201] and 429 in codes[3:]
    r = api.client.post("/v1/screen", json={"text": "hi"}, headers=api.h("platform"))
    assert _code(r) == (429, "rate_limited") and int(r.headers["Retry-After"]) >= 1
    # another key has its own bucket
    assert api.client.get("/v1/queues", headers=api.h("alice")).status_code == 200


def test_idempotency_key_replays_the_first_answer(api: Api) -> None:
    body = {"reporter_id": "u-7", "account_id": "u-42", "target": {"type": "account", "id": "u-42"}, "reason": "scam"}
    first = api.client.post("/v1/reports", json=body, headers=api.h("platform", **{"Idempotency-Key": "k1"}))
    again = api.client.post("/v1/reports", json=body, headers=api.h("platform", **{"Idempotency-Key": "k1"}))
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again.headers["Idempotent-Replayed"] == "true"
    case = api.client.get(f"/v1/cases/{first.json()['case_id']}", headers=api.h("alice")).json()
    assert len(case["reports"]) == 1  # stored once
    other = api.client.post(
        "/v1/reports", json={**body, "reason": "other"}, headers=api.h("platform", **{"Idempotency-Key": "k1"})
    )
    assert _code(other) == (422, "idempotency_key_reused")


def test_unknown_things_are_404(api: Api) -> None:
    assert _code(api.client.get("/v1/cases/nope", headers=api.h("alice"))) == (404, "case_not_found")
    assert _code(api.client.post("/v1/cases/nope/claim", headers=api.h("alice"))) == (404, "case_not_found")
    assert _code(api.client.get("/v1/nothing", headers=api.h("alice"))) == (404, "not_found")


def test_health_ready_metrics_openapi(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    assert api.client.get("/readyz").json()["status"] == "ready"
    api.client.post("/v1/screen", json={"text": "jdoe at gmail dot com", "sender_id": "u1"}, headers=api.h("platform"))
    text = api.client.get("/metrics").text
    assert "marketguard_decisions_total{decision=" in text and 'family="circumvention"' in text
    assert 'marketguard_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/v1/screen"' in text
    assert 'marketguard_queue_depth{family="circumvention"} 1.0' in text
    schema = api.client.get("/openapi.json").json()
    assert "/v1/screen" in schema["paths"] and "examples" in schema["components"]["schemas"]["ScreenIn"]


def test_any_bytes_get_an_answer_never_a_500(api: Api) -> None:
    """Arbitrary bodies (bytes, JSON-ish text, deep nesting) never reach a 5xx and always get JSON back."""
    bodies = st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(str.encode),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
            max_leaves=20,
        ).map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries({"text": st.text(max_size=200)}, optional={"kind": st.text(max_size=10)}).map(
            lambda v: json.dumps(v).encode()
        ),
    )

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=bodies, path=st.sampled_from(["/v1/screen", "/v1/reports", "/v1/account-events"]))
    def check(body: bytes, path: str) -> None:
        r = api.client.post(path, content=body, headers=api.h("platform", **{"Content-Type": "application/json"}))
        assert r.status_code < 500, (r.status_code, r.text)
        assert r.status_code in (201, 400, 422) and isinstance(r.json(), dict)

    check()


def test_database_away_is_a_503_not_a_500(api: Api) -> None:
    """With the database unreachable, requests answer 503 and say when to retry."""
    from marketguard.adapters.storage.db import make_engine

    state = api.client.app.state.mg  # type: ignore[attr-defined]
    state.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    r = api.client.post("/v1/screen", json={"text": "hi"}, headers=api.h("platform"))
    assert _code(r) == (503, "database_unavailable") and r.headers["Retry-After"] == "1"
