"""The console's rules without a browser: CSRF and origin checks, login lockout, sessions that end, least
privilege (families, reporter identities), no open redirect. The app runs in-process on a fresh SQLite file.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

from console_helpers import PASSWORD, Seeded, prepare, seed  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from marketguard.adapters.http.app import create_app  # noqa: E402
from marketguard.adapters.http.console import mount_console  # noqa: E402
from marketguard.adapters.storage import moderation  # noqa: E402
from marketguard.adapters.storage.clock import utcnow  # noqa: E402
from marketguard.adapters.storage.db import make_engine, run  # noqa: E402
from marketguard.service.settings import ServiceSettings  # noqa: E402


@pytest.fixture
def app(console_settings: ServiceSettings) -> Iterator[tuple[TestClient, Seeded]]:
    engine, token = prepare(console_settings)
    engine.dispose()
    application = create_app(console_settings)  # the service app mounts the console
    mount_console(application)  # a second mount changes nothing
    with TestClient(application, follow_redirects=False) as client:
        seeded = seed(client, token)  # type: ignore[arg-type]
        yield client, seeded


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, html[:500]
    return m.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD, next_url: str = "/console/queue") -> str:
    """Log in; returns the session's CSRF token."""
    form = client.get("/console/login")
    r = client.post(
        "/console/login", data={"name": name, "password": password, "csrf": _csrf(form.text), "next": next_url}
    )
    assert r.status_code == 303, r.text
    return _csrf(client.get("/console/queue").text)


def test_pages_need_a_login_and_carry_security_headers(app: tuple[TestClient, Seeded]) -> None:
    client, seeded = app
    r = client.get(f"/console/cases/{seeded.case_ids['u-a']}")
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login?next=")
    r = client.get("/console/login")
    assert "script-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie
    css = client.get("/console/static/console.css")
    assert css.status_code == 200 and css.headers["x-content-type-options"] == "nosniff"
    assert "/console" not in str(client.get("/openapi.json").json()["paths"])


def test_login_needs_the_form_token_and_locks_after_five_failures(app: tuple[TestClient, Seeded]) -> None:
    client, _ = app
    r = client.post("/console/login", data={"name": "alice", "password": PASSWORD, "csrf": "forged"})
    assert r.status_code == 403 and "mg_console=" not in r.headers.get("set-cookie", "")
    for _ in range(5):
        form = client.get("/console/login")
        r = client.post(
            "/console/login", data={"name": "alice", "password": "wrong password!", "csrf": _csrf(form.text)}
        )
        assert r.status_code == 401
    form = client.get("/console/login")
    r = client.post("/console/login", data={"name": "alice", "password": PASSWORD, "csrf": _csrf(form.text)})
    assert r.status_code == 401, "locked: even the right password is refused for a while"
    login(client, "bob")  # other names are not affected


def test_every_form_needs_the_session_token_and_the_same_origin(app: tuple[TestClient, Seeded]) -> None:
    client, seeded = app
    csrf = login(client, "alice")
    url = f"/console/cases/{seeded.case_ids['u-a']}/claim"
    assert client.post(url, data={"csrf": "nope"}).status_code == 403
    assert client.post(url, data={}).status_code == 403
    evil = client.post(url, data={"csrf": csrf}, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403 and "cross_site" in evil.text
    assert client.post(url, data={"csrf": csrf}, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    page = client.get(f"/console/cases/{seeded.case_ids['u-a']}")
    assert "claimed by" not in page.text, "nothing was claimed by the refused posts"
    ok = client.post(url, data={"csrf": csrf}, headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"})
    assert ok.status_code == 303
    assert 'id="claimed-by">alice' in client.get(f"/console/cases/{seeded.case_ids['u-a']}").text


def test_logout_ends_the_session_even_for_a_copied_cookie(app: tuple[TestClient, Seeded]) -> None:
    client, _ = app
    csrf = login(client, "bob")
    stolen = client.cookies.get("mg_console")
    assert stolen
    assert client.post("/console/logout", data={"csrf": csrf}).status_code == 303
    client.cookies.set("mg_console", stolen, path="/console")
    r = client.get("/console/queue")
    assert r.status_code == 303 and "/console/login" in r.headers["location"]


def test_reviewers_see_their_families_and_only_admins_see_reporters(app: tuple[TestClient, Seeded]) -> None:
    client, seeded = app
    login(client, "carol")  # scam reviewer
    r = client.get("/console/queue")
    assert "Queue: scam" in r.text and seeded.case_ids["u-s"] in r.text and seeded.case_ids["u-a"] not in r.text
    assert client.get("/console/queue?family=circumvention").status_code == 403
    assert client.get(f"/console/cases/{seeded.case_ids['u-a']}").status_code == 403
    page = client.get(f"/console/cases/{seeded.case_ids['u-s']}")
    assert page.status_code == 200 and "u-r5" not in page.text and "reporter-" in page.text
    client.cookies.clear()
    login(client, "dana")  # admin
    page = client.get(f"/console/cases/{seeded.case_ids['u-s']}")
    assert re.search(r'class="reporter">u-r5<', page.text)


def test_no_open_redirect_after_login(app: tuple[TestClient, Seeded]) -> None:
    client, _ = app
    form = client.get("/console/login")
    for target in ("https://evil.example/", "//evil.example/console/", "/console/../v1/x:y", "/\\evil.example"):
        r = client.post(
            "/console/login", data={"name": "bob", "password": PASSWORD, "csrf": _csrf(form.text), "next": target}
        )
        assert r.status_code == 303 and r.headers["location"] == "/console/queue", target
        client.cookies.clear()
        form = client.get("/console/login")


def test_a_decision_needs_a_claim_and_a_finding(app: tuple[TestClient, Seeded]) -> None:
    client, seeded = app
    csrf = login(client, "alice")
    case = seeded.case_ids["u-b"]
    r = client.post(f"/console/cases/{case}/decide", data={"csrf": csrf, "action": "warn", "reason": "shared a phone"})
    assert r.status_code == 409 and "not_claimed_by_you" in r.text
    client.post(f"/console/cases/{case}/claim", data={"csrf": csrf})
    r = client.post(f"/console/cases/{case}/decide", data={"csrf": csrf, "action": "warn", "reason": "short"})
    assert r.status_code == 422 and "reason_required" in r.text
    r = client.post(f"/console/cases/{case}/decide", data={"csrf": csrf, "action": "banish", "reason": "x" * 20})
    assert r.status_code == 422 and "invalid_action" in r.text
    r = client.post(
        f"/console/cases/{case}/decide", data={"csrf": csrf, "action": "warn", "duration": "7 days", "reason": "x" * 20}
    )
    assert r.status_code == 422 and "invalid_duration" in r.text
    r = client.post(
        f"/console/cases/{case}/decide",
        data={"csrf": csrf, "action": "ladder", "reason": "Asked twice to move to WhatsApp."},
    )
    assert r.status_code == 303
    page = client.get(f"/console/cases/{case}").text
    assert "A formal warning" in page and 'id="decided-by">alice' in page  # first rung of the ladder


def test_account_events_and_earlier_cases_are_shown(
    app: tuple[TestClient, Seeded], console_settings: ServiceSettings
) -> None:
    client, seeded = app
    engine = make_engine(console_settings.url)
    result = {
        "decision": "review",
        "rule": "takeover-new-device",
        "signals": [{"kind": "account.takeover_new_device", "score": 0.9, "reason": "new device <b>and</b> country"}],
        "risk": 0.9,
    }
    event = {"type": "login", "account_id": "u-a", "ip": "203.0.113.9"}
    _, case_id = run(engine, lambda s: moderation.record_account(s, result, "u-a", event, "platform", utcnow()))
    engine.dispose()
    assert case_id == seeded.case_ids["u-a"], "the account's event joins its open case"
    login(client, "bob")
    page = client.get(f"/console/cases/{case_id}").text
    assert "account.takeover_new_device 0.9" in page and "takeover-new-device" in page
    assert "new device &lt;b&gt;and&lt;/b&gt; country" in page
