"""Account events over HTTP (the real AccountMonitor), and review/block results opening the account's case."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketguard.adapters.storage import cases, moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.service.settings import ServiceSettings
from service_api import Api, make_api

LOGIN = {
    "id": "e-1",
    "kind": "login",
    "account_id": "u-42",
    "at": "2026-11-26T04:00:00Z",
    "ip": "203.0.113.9",
    "device_id": "d-1",
    "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0",
    "session_id": "s-1",
}


@pytest.fixture(autouse=True)
def _needs_monitor(api: Api) -> None:
    if api.client.app.state.mg.monitor is None:  # type: ignore[attr-defined]
        pytest.skip("marketguard.core.accounts is not importable in this checkout")


def test_one_event_is_judged_and_stored(api: Api) -> None:
    r = api.client.post("/v1/account-events", json=LOGIN, headers=api.h("platform"))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["id"] == "e-1" and body["decision"] in {"allow", "challenge", "hold", "review", "block"}
    assert body["decision_id"] and "rule" in body and "signals" in body


def test_a_batch_keeps_order(api: Api) -> None:
    events = [{**LOGIN, "id": f"e-{i}", "at": f"2026-11-26T04:0{i}:00Z", "session_id": f"s-{i}"} for i in range(5)]
    r = api.client.post("/v1/account-events/batch", json={"events": events}, headers=api.h("platform"))
    assert r.status_code == 201
    assert [x["id"] for x in r.json()["results"]] == [f"e-{i}" for i in range(5)]


def test_a_bad_event_is_a_422_naming_the_field_and_nothing_is_stored(api: Api) -> None:
    bad = {**LOGIN, "id": "e-9", "kind": "teleport"}
    r = api.client.post("/v1/account-events/batch", json={"events": [LOGIN, bad]}, headers=api.h("platform"))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_record"
    assert r.json()["error"]["message"].startswith("events[1]:")
    r = api.client.post(
        "/v1/account-events", json={k: v for k, v in LOGIN.items() if k != "account_id"}, headers=api.h("platform")
    )
    assert r.status_code == 422 and "account_id" in r.json()["error"]["message"]


def test_review_and_block_results_open_the_account_case(api: Api) -> None:
    result = {
        "id": "e-7",
        "account_id": "u-9",
        "kind": "login",
        "decision": "review",
        "rule": "account-takeover",
        "signals": [{"kind": "account.takeover", "family": "account", "score": 0.9}],
        "risk": 0.9,
    }
    _, case_id = run(api.engine, lambda s: moderation.record_account(s, result, "u-9", LOGIN, "api", utcnow()))
    assert case_id is not None
    row = run(api.engine, lambda s: cases.get(s, case_id))
    assert (row.family, row.urgent, row.subject_id) == ("account", True, "u-9")
    view = api.client.get(f"/v1/cases/{case_id}", headers=api.h("alice")).json()
    assert view["account_history"][0]["rule"] == "account-takeover"
    allow = {**result, "decision": "allow"}
    assert run(api.engine, lambda s: moderation.record_account(s, allow, "u-9", LOGIN, "api", utcnow()))[1] is None


def test_with_redis_two_processes_share_account_state(tmp_path: Path) -> None:
    """Two applications (as two workers) on one Redis: the second knows the event the first judged."""
    import secrets

    import redis

    from service_helpers import redis_url

    url = redis_url()
    prefix = f"mg-test-{secrets.token_hex(4)}:"
    settings = ServiceSettings(data_dir=tmp_path, redis_url=url, redis_prefix=prefix)
    first, second = make_api(settings), make_api(settings)
    a, b = next(first), next(second)
    try:
        r = a.client.post("/v1/account-events", json=LOGIN, headers=a.h("platform"))
        assert r.status_code == 201 and r.json()["rule"] != "replay"
        r = b.client.post("/v1/account-events", json=LOGIN, headers=b.h("platform"))
        assert r.status_code == 201 and r.json()["rule"] == "replay"  # the profile came from Redis
        client = redis.Redis.from_url(url)
        assert client.exists(prefix + "u-42")
    finally:
        redis.Redis.from_url(url).delete(prefix + "u-42")
        for gen in (first, second):
            next(gen, None)


def test_huge_numbers_in_an_event_are_stored_not_a_500(api: Api) -> None:
    r = api.client.post("/v1/account-events", json={**LOGIN, "id": "e-big", "extra": 2**70}, headers=api.h("platform"))
    assert r.status_code in (201, 422), r.text
