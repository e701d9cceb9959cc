"""The HTTP path on PostgreSQL, including text PostgreSQL cannot store as is (NUL characters)."""

from __future__ import annotations

from service_api import Api


def test_flow_on_postgres_with_awkward_text(pg_api: Api) -> None:
    api = pg_api
    text = "WhatsApp me\x00 +1 415 555 0192 ✓ 𝔁"
    r = api.client.post(
        "/v1/screen", json={"id": "m\x00", "text": text, "sender_id": "u\x00-1"}, headers=api.h("platform")
    )
    assert r.status_code == 201, r.text
    case_id = r.json()["case_id"]
    assert case_id and any(s["kind"] == "contact.phone" for s in r.json()["signals"])
    r = api.client.post(
        "/v1/reports",
        json={
            "reporter_id": "r\x00",
            "account_id": "u\x00-1",
            "target": {"type": "message", "id": "m\x00"},
            "reason": "scam",
            "text": "nul \x00 inside",
        },
        headers=api.h("platform"),
    )
    assert r.status_code == 201 and r.json()["case_id"] == case_id
    view = api.client.get(f"/v1/cases/{case_id}", headers=api.h("alice")).json()
    assert view["detections"][0]["text"][11] == "\ufffd" and view["reports"][0]["target_screening"] is not None
    assert api.client.post(f"/v1/cases/{case_id}/claim", headers=api.h("alice")).status_code == 200
    r = api.client.post(
        f"/v1/cases/{case_id}/decision", json={"action": "suspend", "reason": "scam"}, headers=api.h("alice")
    )
    assert r.status_code == 201 and r.json()["action"] == "suspend"
    assert api.client.get("/v1/audit/verify", headers=api.h("admin")).json()["intact"]
