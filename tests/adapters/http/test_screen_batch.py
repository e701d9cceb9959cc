"""`POST /v1/screen/batch`: in order, with a conversation's earlier items in view, stored all or nothing."""

from __future__ import annotations

from typing import Any

from service_api import Api

SPLIT = [
    {"id": "b-1", "text": "ok so my cell is 415", "conversation_id": "c-5", "sender_id": "u-8"},
    {"id": "b-2", "text": "555 0198, text me there", "conversation_id": "c-5", "sender_id": "u-8"},
    {"id": "b-3", "text": "Thanks, the mockups look great!", "conversation_id": "c-6", "sender_id": "u-9"},
]


def _post(api: Api, body: Any, **headers: str) -> Any:
    return api.client.post("/v1/screen/batch", json=body, headers={**api.h("platform"), **headers})


def test_items_are_screened_in_order_with_the_conversation_in_view(api: Api) -> None:
    r = _post(api, {"items": SPLIT})
    assert r.status_code == 201, r.text
    results = r.json()["results"]
    assert [x["id"] for x in results] == ["b-1", "b-2", "b-3"]
    phone = [s for s in results[1]["signals"] if s["kind"] == "contact.phone"]
    assert phone and phone[0]["related"], results[1]  # the detail split over b-1 and b-2 is joined on b-2
    assert results[2]["decision"] == "allow" and results[2]["case_id"] is None
    stored = api.client.get(f"/v1/decisions/{results[1]['decision_id']}", headers=api.h("alice")).json()
    assert stored["trace"]["signals"] == results[1]["signals"]


def test_one_bad_item_is_a_422_naming_its_index_and_nothing_is_stored(api: Api) -> None:
    bad = [*SPLIT[:2], {"id": "b-9", "kind": "job_post", "title": "t", "client": {"country": "Atlantis"}}]
    r = _post(api, {"items": bad})
    assert r.status_code == 422
    assert r.json()["error"]["details"][0]["field"].startswith("items.2")
    r = _post(api, {"items": [SPLIT[0], {"id": "x"}]})
    assert r.status_code == 422 and r.json()["error"]["details"][0]["field"] == "items.1.text"
    first = _post(api, {"items": SPLIT}).json()["results"]
    assert first[1]["decision"] != "allow"  # b-1 was never screened by the refused batches: b-2 still joins it


def test_limits_and_retries(api: Api) -> None:
    assert _post(api, {"items": []}).status_code == 422
    assert _post(api, {"items": [{"text": "hi"}] * 501}).status_code == 422
    once = _post(api, {"items": SPLIT[2:]}, **{"Idempotency-Key": "batch-1"})
    again = _post(api, {"items": SPLIT[2:]}, **{"Idempotency-Key": "batch-1"})
    assert once.status_code == 201 and again.json() == once.json()
