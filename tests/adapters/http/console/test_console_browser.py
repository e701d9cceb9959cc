"""The console in a real browser (Debian's chromium through Playwright) against a real Uvicorn server.

One story, as analysts live it: alice (circumvention reviewer) logs in, sees her queue by priority,
claims the top case, reads the attacker's message with the detected spans highlighted and the attack shown
as inert text, decides with reasons; the user appeals through the API; alice cannot handle the appeal of
her own decision, bob (senior) can and overturns it, which lifts the sanction.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from console_helpers import PASSWORD, XSS_MESSAGE, XSS_REPORT, ConsoleServer, Seeded

from needs import unavailable

CHROMIUM = os.environ.get("MARKETGUARD_CHROMIUM", "/usr/bin/chromium")


def _unavailable(why: str) -> None:
    unavailable("chromium for the browser tests", why)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"playwright is not installed ({exc})")
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        except Exception as exc:
            _unavailable(f"chromium did not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


class Analyst:
    """One reviewer in a browser context of their own; records every dialog a page opens (there must be none)."""

    def __init__(self, browser: Any, base: str, name: str) -> None:
        self.base = base
        self.context = browser.new_context(base_url=base)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)
        self.console_errors: list[str] = []
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.name = name

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def login(self) -> None:
        self.page.goto("/console/queue")
        assert "/console/login" in self.page.url
        self.page.fill("input[name=name]", self.name)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button:has-text('Log in')")
        self.page.wait_for_url("**/console/queue**")

    def csrf(self) -> str:
        return str(self.page.locator("input[name=csrf]").first.get_attribute("value"))


def test_analysts_work_a_case_and_its_appeal(browser: Any, console_server: tuple[ConsoleServer, Seeded]) -> None:
    server, seeded = console_server
    ids = seeded.case_ids
    alice = Analyst(browser, server.base, "alice")
    alice.login()
    page = alice.page

    # the queue: her family only, most urgent first (u-a: strong detection + 2 reports; u-c: 3 reports; u-b: 1)
    assert page.locator("header nav a").all_inner_texts() == ["circumvention", "appeals"]
    rows = page.locator("#queue tbody tr")
    assert [rows.nth(i).get_attribute("data-case") for i in range(rows.count())] == [ids["u-a"], ids["u-c"], ids["u-b"]]
    prios = [float(t.split()[0]) for t in page.locator("#queue tbody tr td:nth-child(2)").all_inner_texts()]
    assert prios == sorted(prios, reverse=True)

    # a scam case is outside her queues, even by URL
    response = page.goto(f"/console/cases/{ids['u-s']}")
    assert response is not None and response.status == 403
    assert "family_not_yours" in page.locator("#error").inner_text()

    # claim the top case
    page.goto("/console/queue")
    page.click(f"#queue tr[data-case='{ids['u-a']}'] a")
    page.click("#claim button")
    assert page.locator("#claimed-by").inner_text() == "alice"

    # the evidence: the attack is text, not markup; the detected spans are highlighted
    message = page.locator("article.message").first
    assert message.locator("p.usertext").inner_text() == XSS_MESSAGE
    assert message.locator("script, img, iframe").count() == 0
    assert page.locator("main script, main img").count() == 0
    marks = message.locator("mark").all_inner_texts()
    assert "john.doe@gmail.com" in marks, marks
    title = message.locator("mark:has-text('john.doe@gmail.com')").get_attribute("title")
    assert title is not None and "contact.email" in title
    assert "contact.email" in message.locator("table.signals").inner_text()
    report_texts = page.locator("#reports blockquote.usertext").all_inner_texts()
    assert XSS_REPORT in report_texts
    assert page.locator("#reports b").count() == 0
    # reporters are pseudonyms for a reviewer
    reporters = page.locator("#reports .reporter").all_inner_texts()
    assert reporters and all(r.startswith("reporter-") for r in reporters)
    assert not any("u-r" in r for r in reporters)

    # decide with reasons: the statement of reasons has its four parts
    page.check("input[name=action][value=restrict_messaging]")
    page.fill("input[name=duration]", "7d")
    page.fill("textarea[name=reason]", "Shared an e-mail address and asked to pay outside the platform.")
    page.click("#decide button[type=submit]")
    statement = page.locator("#statement").inner_text()
    for part in ("ACTION", "CAUSE", "EVIDENCE", "NEXT STEP", "Messaging restricted", "asked to pay outside"):
        assert part in statement, statement
    assert page.locator("#decided-by").inner_text() == "alice"

    # the sanctioned user appeals through the API (the platform files it on their behalf)
    r = httpx.post(
        f"{server.base}/v1/cases/{ids['u-a']}/appeal",
        headers={"Authorization": f"Bearer {seeded.platform_token}"},
        json={"text": "I only <script>alert(4)</script> wanted to help the client."},
        timeout=30,
    )
    assert r.status_code == 201, r.text
    appeal_id = r.json()["id"]

    # alice sees the appeal but may not handle it: no form, and a forged post is refused
    page.goto("/console/appeals")
    assert page.locator(f"section[data-appeal='{appeal_id}'] .own-decision").count() == 1
    page.goto(f"/console/cases/{ids['u-a']}")
    assert page.locator("#appeal-form").count() == 0
    assert "alert(4)" in page.locator("#appeal blockquote").inner_text()
    forged = alice.context.request.post(
        f"/console/appeals/{appeal_id}/decide",
        form={"csrf": alice.csrf(), "outcome": "overturned", "reasons": "I changed my mind about it."},
        headers={"Origin": server.base},
    )
    assert forged.status == 403
    assert "same_reviewer" in forged.text()

    # bob, senior, handles it
    bob = Analyst(browser, server.base, "bob")
    bob.login()
    assert set(bob.page.locator("header nav a").all_inner_texts()) >= {"circumvention", "scam", "appeals"}
    bob.page.goto("/console/appeals")
    bob.page.click(f"section[data-appeal='{appeal_id}'] a:has-text('handle')")
    bob.page.check("input[name=outcome][value=overturned]")
    bob.page.fill("textarea[name=reasons]", "The address was the platform's own support address.")
    bob.page.click("#appeal-form button[type=submit]")
    appeal_text = bob.page.locator("#appeal").inner_text()
    assert "overturned by" in appeal_text and "bob" in appeal_text
    assert "Lifted" in bob.page.locator("#statement").inner_text()
    assert "resolved" in bob.page.locator("#case-status").inner_text()

    # the sanction is gone for the platform too
    active = httpx.get(
        f"{server.base}/v1/accounts/u-a/sanctions",
        headers={"Authorization": f"Bearer {seeded.platform_token}"},
        timeout=30,
    ).json()
    assert active["active"] == []

    assert alice.dialogs == [] and bob.dialogs == []
    for analyst in (alice, bob):
        analyst.context.close()


def test_pages_carry_a_strict_policy_and_scripts_are_blocked(
    browser: Any, console_server: tuple[ConsoleServer, Seeded]
) -> None:
    server, _ = console_server
    analyst = Analyst(browser, server.base, "bob")
    response = analyst.page.goto("/console/login")
    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    # the control: in a page without the policy, an inline script does fire a dialog
    control = analyst.context.new_page()
    control.on("dialog", analyst._dialog)
    control.set_content("<script>alert(5)</script>")
    assert analyst.dialogs == ["5"]
    control.close()
    # in a console page, markup injected by other means cannot run: the policy blocks inline handlers/scripts
    analyst.page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(6)>')")
    analyst.page.set_content("<script>alert(7)</script>")  # same document, same policy
    analyst.page.wait_for_timeout(300)
    assert analyst.dialogs == ["5"]
    analyst.context.close()
