"""`context.language` over HTTP: the sender's nudge in their language, a malformed tag a precise 422."""

from __future__ import annotations

from service_api import Api


def test_the_nudge_comes_in_the_language_the_platform_names(api: Api) -> None:
    body = {"text": "escríbeme a ana punto ruiz arroba gmail punto com", "context": {"language": "es-MX"}}
    r = api.client.post("/v1/screen", json=body, headers=api.h("platform"))
    assert r.status_code == 201, r.text
    assert "protección de pagos" in r.json()["nudge"]
    english = api.client.post("/v1/screen", json={"text": body["text"]}, headers=api.h("platform")).json()
    assert "payment protection" in english["nudge"]


def test_a_malformed_language_tag_is_refused_with_the_field_named(api: Api) -> None:
    r = api.client.post("/v1/screen", json={"text": "hi", "context": {"language": "es--MX"}}, headers=api.h("platform"))
    assert r.status_code == 422
    assert r.json()["error"]["details"][0]["field"] == "context.language"
