"""The whole due-process path over HTTP: screen, report, queue, claim, decide, appeal, audit."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select

from marketguard.adapters.storage.tables import Outbox
from service_api import Api

SPAM = "Add me on WhatsApp +1 415 555 0192 so we skip the fees"


def _screen(api: Api, text: str, sender: str = "u-42", mid: str = "m-1") -> dict[str, Any]:
    r = api.client.post(
        "/v1/screen",
        json={"id": mid, "text": text, "sender_id": sender, "conversation_id": "c-1"},
        headers=api.h("platform"),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_screening_returns_the_library_answer_and_stores_it(api: Api) -> None:
    body = _screen(api, SPAM)
    assert body["decision"] in {"redact", "review", "block"}
    assert any(s["kind"] == "contact.phone" and SPAM[s["start"] : s["end"]] == s["text"] for s in body["signals"])
    assert body["decision_id"] and body["case_id"]
    stored = api.client.get(f"/v1/decisions/{body['decision_id']}", headers=api.h("alice")).json()
    assert stored["trace"]["signals"] == body["signals"] and stored["case_id"] == body["case_id"]
    harmless = _screen(api, "The logo looks great, thanks!", mid="m-2")
    assert harmless["decision"] == "allow" and harmless["case_id"] is None


def test_detections_and_reports_about_one_sender_share_a_case(api: Api) -> None:
    a = _screen(api, SPAM, mid="m-1")["case_id"]
    b = _screen(api, "my email is jdoe at gmail dot com", mid="m-2")["case_id"]
    r = api.client.post(
        "/v1/reports",
        json={
            "reporter_id": "u-7",
            "account_id": "u-42",
            "target": {"type": "message", "id": "m-1"},
            "reason": "circumvention",
            "text": "wants to move to WhatsApp",
        },
        headers=api.h("platform"),
    )
    assert r.status_code == 201
    assert a == b == r.json()["case_id"]
    view = api.client.get(f"/v1/cases/{a}", headers=api.h("alice")).json()
    assert view["items"] == 3 and len(view["detections"]) == 2 and len(view["reports"]) == 1
    report = view["reports"][0]
    assert report["reporter"].startswith("reporter-") and "u-7" not in orjson.dumps(view).decode()
    assert report["target_screening"]["id"] == "m-1"  # the reported message with its spans
    kinds = [e["kind"] for e in view["events"]]
    assert kinds[0] == "case.opened" and "report.filed" in kinds


def test_phishing_is_first_in_its_queue(api: Api) -> None:
    for i in range(3):
        api.client.post(
            "/v1/reports",
            json={
                "reporter_id": f"r{i}",
                "account_id": f"u-{i}",
                "target": {"type": "account", "id": f"u-{i}"},
                "reason": "scam",
                "text": "fake invoice" if i != 1 else "phishing link to a fake login page",
            },
            headers=api.h("platform"),
        )
    cases = api.client.get("/v1/queues/scam", headers=api.h("alice")).json()["cases"]
    assert cases[0]["subject"]["id"] == "u-1" and cases[0]["urgent"]


def test_decide_appeal_overturn(api: Api) -> None:
    case_id = _screen(api, SPAM)["case_id"]
    api.client.post(
        "/v1/reports",
        json={
            "reporter_id": "u-7",
            "account_id": "u-42",
            "target": {"type": "message", "id": "m-1"},
            "reason": "circumvention",
        },
        headers=api.h("platform"),
    )
    # deciding needs a claim; a second reviewer cannot take a claimed case
    r = api.client.post(f"/v1/cases/{case_id}/decision", json={"action": "warn", "reason": "x"}, headers=api.h("alice"))
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_claimed_by_you"
    assert api.client.post(f"/v1/cases/{case_id}/claim", headers=api.h("alice")).status_code == 200
    r = api.client.post(f"/v1/cases/{case_id}/claim", headers=api.h("bob"))
    assert r.status_code == 409 and r.json()["error"]["code"] == "case_claimed"

    r = api.client.post(
        f"/v1/cases/{case_id}/decision",
        json={"action": "restrict_messaging", "duration": "7d", "reason": "Shared a phone number before a contract."},
        headers=api.h("alice"),
    )
    assert r.status_code == 201, r.text
    decision = r.json()
    st = decision["statement"]
    assert st["action"].startswith("Messaging restricted until")
    assert "Off-platform contact" in st["cause"] and "Shared a phone number" in st["cause"]
    assert "contact.phone" in st["evidence"] and "reports by other users: 1 about circumvention" in st["evidence"]
    assert "appeal" in st["next_step"]
    active = api.client.get("/v1/accounts/u-42/sanctions", headers=api.h("platform")).json()["active"]
    assert [s["action"] for s in active] == ["restrict_messaging"]

    # the webhook outbox holds the statement for the user, without the reporter
    with api.engine.connect() as conn:
        bodies = [orjson.loads(b) for b in conn.execute(select(Outbox.body)).scalars()]
    assert sorted(b["topic"] for b in bodies) == ["decision.made", "sanction.ended"]
    made = next(b for b in bodies if b["topic"] == "decision.made")
    assert made["data"]["statement"] == st and "u-7" not in orjson.dumps(bodies).decode()

    appeal = api.client.post(
        f"/v1/cases/{case_id}/appeal", json={"text": "It was the client's number."}, headers=api.h("platform")
    )
    assert appeal.status_code == 201
    appeal_id = appeal.json()["id"]
    listed = api.client.get("/v1/appeals", headers=api.h("bob")).json()["appeals"]
    assert [a["id"] for a in listed] == [appeal_id] and listed[0]["decided_by"] == "alice"
    same = api.client.post(
        f"/v1/appeals/{appeal_id}/decision", json={"outcome": "upheld", "reasons": "mine"}, headers=api.h("alice")
    )
    assert same.status_code == 403 and same.json()["error"]["code"] == "same_reviewer"
    done = api.client.post(
        f"/v1/appeals/{appeal_id}/decision",
        json={"outcome": "overturned", "reasons": "The number was the client's."},
        headers=api.h("bob"),
    )
    assert done.status_code == 201 and done.json()["outcome"] == "overturned"
    assert api.client.get("/v1/accounts/u-42/sanctions", headers=api.h("platform")).json()["active"] == []
    with api.engine.connect() as conn:  # the scheduled "restriction ended" message is cancelled, kept
        ended = conn.execute(select(Outbox.dead, Outbox.last_error).where(Outbox.topic == "sanction.ended")).one()
    assert ended.dead and "lifted on appeal" in str(ended.last_error)

    events = api.client.get("/v1/audit", params={"case_id": case_id}, headers=api.h("admin")).json()["events"]
    kinds = [e["kind"] for e in events]
    for k in (
        "case.opened",
        "case.claimed",
        "case.decided",
        "sanction.applied",
        "appeal.filed",
        "appeal.decided",
        "sanction.lifted",
    ):
        assert k in kinds
    verify = api.client.get("/v1/audit/verify", headers=api.h("admin")).json()
    assert verify["intact"] and verify["events"] >= len(events)


def test_ladder_over_http(api: Api) -> None:
    actions = []
    for i in range(3):
        case_id = _screen(api, SPAM, mid=f"m-{i}")["case_id"]
        api.client.post(f"/v1/cases/{case_id}/claim", headers=api.h("alice"))
        r = api.client.post(
            f"/v1/cases/{case_id}/decision", json={"action": "ladder", "reason": "again"}, headers=api.h("alice")
        )
        assert r.status_code == 201, r.text
        actions.append(r.json()["action"])
    assert actions == ["warn", "restrict_messaging", "suspend"]


def test_keys_over_http_and_least_privilege(api: Api) -> None:
    r = api.client.post("/v1/keys", json={"name": "carol", "scopes": ["review"]}, headers=api.h("admin"))
    assert r.status_code == 201
    carol = {"Authorization": f"Bearer {r.json()['token']}"}
    assert api.client.get("/v1/queues", headers=carol).status_code == 200
    assert api.client.post("/v1/screen", json={"text": "hi"}, headers=carol).json()["error"]["code"] == "missing_scope"
    assert api.client.post("/v1/keys", json={"name": "x", "scopes": ["admin"]}, headers=carol).status_code == 403
    assert api.client.get("/v1/audit", headers=api.h("alice")).status_code == 403
    listed = api.client.get("/v1/keys", headers=api.h("admin")).json()["keys"]
    assert "carol" in [k["name"] for k in listed] and all("secret" not in str(k) for k in listed)
