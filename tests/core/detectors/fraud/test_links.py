"""Look-alike links: brands imitated in every way the issue names; the real brand stays allowed; hostile
URLs get a clear result, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.detectors.base import DetectorConfig, Finding
from marketguard.core.detectors.fraud.brands import Brand, skeleton, within_distance
from marketguard.core.detectors.fraud.links import LinkDetector, decode_host, find_hosts
from marketguard.core.text.normalize import Document


def _find(text: str, detector: LinkDetector | None = None) -> list[Finding]:
    return (detector or LinkDetector(DetectorConfig())).detect(Document(text))


@pytest.mark.parametrize(
    ("text", "kind", "span", "how"),
    [
        ("Contract at upw0rk-offers[.]com", "scam.lookalike_link", "upw0rk-offers[.]com", "joined to other words"),
        ("log in at https://pаypal.com/signin", "scam.lookalike_link", "https://pаypal.com/signin", "look-alike"),
        ("see http://xn--pypal-4ve.com/x", "scam.lookalike_link", "http://xn--pypal-4ve.com/x", "look-alike"),
        ("go to paypal.com.secure-login.net", "scam.lookalike_link", "paypal.com.secure-login.net", "sub-domain"),
        ("paypal-secure-login.com/verify", "scam.lookalike_link", "paypal-secure-login.com/verify", "other words"),
        ("visit upwrok.com today", "scam.lookalike_link", "upwrok.com", "typosquatting"),
        ("mail hr@upwork-careers.net now", "scam.lookalike_link", "upwork-careers.net", "e-mail address"),
        ("sign at upwork dot com dot offers dot io", "scam.lookalike_link", "upwork dot com dot offers dot io", ""),
        ("hxxp://192.168.4.20/login", "scam.phishing", "hxxp://192.168.4.20/login", "bare IP"),
        ("bit.ly/3xYz to claim", "scam.phishing", "bit.ly/3xYz", "shortener"),
        ("https://%2570aypal.com/x", "scam.phishing", "https://%2570aypal.com", "percent-encoding"),
        ("open the brief.zip and sign in", "scam.phishing", "brief.zip", "open or run"),
        ("run Setup_Rates.exe to see the rates", "scam.malware", "Setup_Rates.exe", ".exe"),
        # letter pairs read as one letter, doubled letters, dots hidden by percent-encoding without a scheme
        ("sign it at upvvork-offers.net", "scam.lookalike_link", "upvvork-offers.net", "joined to other words"),
        ("the order is on fivver-gigs.com", "scam.lookalike_link", "fivver-gigs.com", "letter doubled"),
        ("pay at payonner-billing.com", "scam.lookalike_link", "payonner-billing.com", "misspelt"),
        ("invoice: paypal%2Ebilling%2Enet/x", "scam.lookalike_link", "paypal%2Ebilling%2Enet/x", "percent"),
    ],
)
def test_lookalikes_and_risky_links(text: str, kind: str, span: str, how: str) -> None:
    found = [f for f in _find(text) if f.kind == kind and f.score >= 0.5]
    assert found, f"nothing found in {text!r}"
    assert text[found[0].start : found[0].end] == span
    assert how in found[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Receipt: https://www.paypal.com/activity/payment/5TY12345",
        "Your contract: https://www.upwork.com/ab/contracts/123",
        "payments via payoneer.com and wise.com are both fine",
        "docs at https://docs.google.com/document/d/abc",
        "login.microsoftonline.com is the SSO endpoint",
        # Google's own partner and event sites (blind10 round)
        "verify us on https://partnersdirectory.withgoogle.com, billing stays here",
        "I use Applebees.com for the menu mockups",
        "the otherwise.com landing page",
        "server logs: 10.0.0.12 - - GET /health 200",
        "fix the bug in app.js and utils.js",
        "I'll send the source files as a zip",
        "fiber-optics.com and savvy-tools.com and learnmore.io are the client's sites",
        "the search query was ?q=shoes%2Esale and example%2Ecom in the log",
        "googlemaps api calls from office365 admin center",
    ],
)
def test_real_brands_and_ordinary_text_are_allowed(text: str) -> None:
    assert [f for f in _find(text) if f.score >= 0.5] == []


@pytest.mark.parametrize(
    "text",
    ["I wrote the macro in rates.xlsm, enable macros when Excel asks", "j'ai écrit le code dans budget.xlsm, ouvre-le"],
)
def test_the_senders_own_file_is_named_but_not_pressed(text: str) -> None:
    # handing over one's own work is no lure: the file is still named (a warning), never a detection
    (found,) = _find(text)
    assert found.kind == "scam.malware"
    assert 0.5 <= found.score < 0.6
    assert "instruction" not in found.reason
    assert _find("open rates.xlsm and enable macros to see your pay")[0].score >= 0.8


def test_an_invalid_punycode_label_is_reported_not_raised() -> None:
    (found,) = _find("http://xn--zz.com/login")
    assert found.kind == "scam.phishing" and "not valid IDNA" in found.reason
    assert decode_host("xn--zz.com")[1] is not None


def test_the_protected_brands_are_configurable() -> None:
    acme = LinkDetector(DetectorConfig(), brands=(Brand("acmebank", frozenset({"acmebank.com"})),))
    assert _find("login at acmebank-secure.com", acme)
    assert not _find("login at acmebank.com", acme)
    assert not _find("login at paypal-secure.com", acme)


def test_skeleton_and_distance() -> None:
    assert skeleton("pаypа1") == "paypal"
    assert within_distance("upwrok", "upwork", 1)
    assert not within_distance("upwards", "upwork", 1)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"abcxyz0189.-/:%@[] ", "xn--", "http://", "paypal", " dot ", "%25", "а", "\u200b", ".zip"]),
        max_size=120,
    ).map("".join)
)
def test_any_text_gives_findings_inside_it(text: str) -> None:
    for f in _find(text):
        assert 0 <= f.start < f.end <= len(text)
        assert 0.0 <= f.score <= 1.0
    for ref in find_hosts(Document(text).plain.text):
        assert ref.start < ref.end


@pytest.mark.parametrize(
    "text",
    [
        "https://" + "a" * 100_000 + ".com/login",
        "https://paypal.com/" + "x/" * 50_000,
        "https://" + "%25" * 30_000 + "70aypal.com",
        "http://" + "xn--" * 20_000 + ".com",
        "http://xn--" + "9" * 60 + ".com http://xn--ls8h.xn--ls8h",
        ("sub." * 60) + "paypal-login.com",
        "@" + "a." * 50_000 + "com",
    ],
)
def test_hostile_urls_get_a_result(text: str) -> None:
    for f in _find(text):
        assert 0 <= f.start < f.end <= len(text)


def test_hosts_found_among_sentence_dots_and_after_a_hyphen_ended_punycode_label() -> None:
    """Only tokens with a dot that may end a label are scanned: sentence dots and "e.g." are skipped, while a
    punycode label ending in "-" (the one label that may end without a letter or digit) still counts."""
    text = "done. e.g. see upw0rk-offers.com now... or xn--abc-.com, v1.2 and a.b.c"
    assert [r.host for r in find_hosts(text)] == ["upw0rk-offers.com", "xn--abc-.com"]
    assert find_hosts("done. next. e.g. 1.5 hours") == []


def test_links_named_to_block_or_report_are_kept_but_allowed() -> None:
    """Security work and scam reports name look-alike domains and scripts to block or report them (blind6 round):
    the finding stays (as suppressed, with the reason), the same link as a lure still counts."""
    for text in [
        "Add the known-bad domains (fiverr-payouts-help.co, paypa1-invoice.net) from the threat feed to the blocklist.",
        "Incident write-up: the attacker registered upw0rk-billing.com and mailed fake invoices.",
        "Это развод? Прислали архив и просят запустить setup.bat, я не стал.",
    ]:
        found = _find(text)
        assert found and all(f.allowed_by for f in found), text
    lure = _find("Please confirm your account at paypa1-secure-login.com today.")
    assert lure and not any(f.allowed_by for f in lure)


def test_a_job_that_builds_the_defence_names_lookalikes_as_examples() -> None:
    """A job to build a look-alike or punycode filter names a look-alike domain as its example (blind8 round): the
    finding stays, allowed; the words of that work ("punycode", "homoglyph", "URL checker", "domini simili") are
    never in a lure, which still counts."""
    for text in [
        "Looking for a dev to extend our URL checker so homoglyph hosts like upw0rk.com get a warning banner.",
        "Filtro antiphishing: il sistema deve segnalare domini simili come paypa1.com nelle email.",
        "Add punycode handling: xn--pypal-4ve.com should be shown decoded, with a red label.",
        "Plugin idea: highlight links where the brand is in the subdomain, e.g. fiverr.com.gig-orders.net.",
    ]:
        found = _find(text)
        assert found and all(f.allowed_by for f in found), text
    for lure in [
        "Your payout is on hold, sign in at upw0rk-payouts.com to release it.",
        "Open fiverr.com.gig-orders.net and confirm the order within 24 hours.",
    ]:
        found = _find(lure)
        assert found and not any(f.allowed_by for f in found), lure
