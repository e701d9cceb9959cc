"""A job post screened over HTTP carries its title, budget and client facts, as a `scan` line does."""

from __future__ import annotations

from typing import Any

from marketguard.core.engine import Screener
from marketguard.core.records import message_from_dict
from service_api import Api

POST: dict[str, Any] = {
    "id": "job-1",
    "kind": "job_post",
    "title": "Data entry assistant, no experience needed, immediate start",
    "description": "Easy typing work, $45/hour. Apply on Telegram @hr_desk_jobs to get the task list today.",
    "company": "Northwind Remote",
    "budget": {"amount": 45, "type": "hourly"},
    "client": {"spend": 0, "payment_verified": False, "account_age_days": 1, "country": "United States"},
    "sender_id": "client-9",
}


def _signals(result: dict[str, Any]) -> list[tuple[str, int, int, float]]:
    return [(s["kind"], s["start"], s["end"], s["score"]) for s in result["signals"]]


def test_a_job_post_over_http_gets_the_library_answer_with_its_client_facts(api: Api) -> None:
    r = api.client.post("/v1/screen", json=POST, headers=api.h("platform"))
    assert r.status_code == 201, r.text
    library = Screener().screen(message_from_dict(POST)).to_dict()
    assert r.json()["decision"] == library["decision"] and r.json()["rule"] == library["rule"]
    assert _signals(r.json()) == _signals(library)
    assert any(s["kind"].startswith("scam.") for s in r.json()["signals"])


def test_the_client_facts_change_the_answer_as_in_the_library(api: Api) -> None:
    seasoned = {**POST, "id": "job-2", "client": {"spend": 250_000, "payment_verified": True, "account_age_days": 2900}}
    r = api.client.post("/v1/screen", json=seasoned, headers=api.h("platform"))
    assert r.status_code == 201, r.text
    assert _signals(r.json()) == _signals(Screener().screen(message_from_dict(seasoned)).to_dict())
    new_client = api.client.post("/v1/screen", json={**POST, "id": "job-3"}, headers=api.h("platform")).json()
    assert _signals(r.json()) != _signals(new_client)  # a seasoned, verified client weighs the marks less


def test_job_post_fields_are_checked_precisely(api: Api) -> None:
    bad = [
        ({**POST, "client": {"country": "Atlantis"}}, "client.country"),
        ({**POST, "client": {"spend": "lots"}}, "spend"),
        ({**POST, "budget": {"amount": -3}}, "amount"),
        ({"kind": "job_post", "company": "Only a company"}, "missing_field"),
        ({"kind": "message"}, "missing_field"),
    ]
    for body, needle in bad:
        r = api.client.post("/v1/screen", json=body, headers=api.h("platform"))
        assert r.status_code == 422, (body, r.text)
        assert needle in r.text
