"""Links and bare domains, also disguised ("t dot me slash jd", "jd-studio dot io", "hxxp", "[.]").

What a link is matters more than that it is one: a wa.me or t.me link is a handle, a Calendly or Zoom
link moves the meeting, a shortener hides its target, a contact page or link-in-bio lists everything.
A link to a reference site or an allowed portfolio host is reported as suppressed, never as a signal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.detectors.contact.lexicon import (
    CONTACT_PAGE_HOSTS,
    MEETING_HOSTS,
    MESSAGING_HOSTS,
    SHORTENERS,
    SOCIAL_HOSTS,
)
from marketguard.core.text.domains import FILE_EXTENSIONS, Host, parse_host
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import Document

_URL = lazy_compile(
    r"(?<![\w@.\-/])(?P<scheme>(?:https?|ftp)://|www\.)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.){1,6}(?:[a-z]{2,24}|xn--[a-z0-9\-]{1,59}))"
    r"(?P<port>:\d{1,5})?(?P<path>/[^\s<>\"'`]{0,2000})?(?![\w@])"
)
_DOTTED_CHUNK = lazy_compile(r"(?<!\S)[^\s.]*\.\S*")
"""A whitespace-delimited chunk with a dot in it: the only places a link can be (see `_links`)."""


def _links(text: str) -> Iterator[re.Match[str]]:
    """`_URL.finditer(text)`, run only over the chunks that hold a dot. A link holds no whitespace and at
    least one dot, so no match is lost or cut; `pos`/`endpos` leave the look-behind the real text before
    the chunk and show the look-ahead an end where the text has whitespace, which it accepts alike. Running
    `_URL` at every position of a chat message cost more than all the rest of this detector."""
    for chunk in _DOTTED_CHUNK.finditer(text):
        yield from _URL.finditer(text, chunk.start(), chunk.end())


_DOMAIN_HINT = PLAIN.hint(r"[a-z0-9]\.[a-z]{2}|xn--")
_TRAILING = ".,;:!?)]}'\"»"
_SELF_REF = lazy_compile(
    r"\b(?:my|visit|check\s(?:out\s)?my|see\smy|find\sme\sat|reach\sme\sat)\s{1,3}(?:\w+\s){0,2}$"
    r"|\bhow\sto\s(?:reach|contact|find|hire)\s(?:me|us)\s?[:\-]?\s{0,3}$"
    # the sender's own site named as a way to reach them: "my own website has a chat widget:", "contacto en mi web"
    r"|\b(?:contact\w*|kontakt\w*|контакт\w*|reach\sme|chat\swith\sme|write\sto\sme)\b[^.!?\n]{0,30}\b(?:my|mi|mon|ma|meu|minha|"
    r"mein\w*|мо[йеё]\w*)\s(?:own\s)?(?:web\s?site|site|web|sitio|p[aá]gina|webseite|homepage|сайт\w*)\s{1,3}$"
    r"|\b(?:my|our)\s(?:own\s)?(?:web\s?site|site|homepage|page)\s(?:has|with)\s(?:a\s)?(?:chat|contact|booking|whats\s?app)"
    r"[^.!?\n]{0,20}$"
)
_CONTACT_PATH = lazy_compile(r"/(?:contact|contacts|about|hire|reach|kontakt|contato|contacto|contactez|links?)\b")
_NOT_HOSTS = frozenset({"e.g", "i.e", "a.m", "p.m", "etc.etc", "u.s", "u.k", "n.b", "vs.net"})


def _test_host(host_text: str) -> Host | None:
    """A host on a reserved test suffix ("tally-studio.example"), which `parse_host` drops so that staging and sample
    hosts stay quiet. The detector keeps it only when it is disguised, a contact page or the sender's own site: the
    holdout12 round's author, like a real user, gave "my site cormorant-creative.example" as a way to be reached."""
    parts = host_text.strip(".").lower().split(".")
    if len(parts) < 2 or parts[-1] not in {"test", "example"} or parts[-2] in {"", "example"}:
        return None
    return Host(".".join(parts[:-2]), parts[-2], parts[-1])


class UrlDetector(Detector):
    info = DetectorInfo(
        id="contact.url",
        family="contact",
        kinds=("contact.url", "contact.handle"),
        version="1.0.0",
        description="Links and bare domains, classified: messaging, social, meeting, shortener, contact page.",
    )

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        text = view.text
        if not _DOMAIN_HINT(doc):
            return []
        out: list[Finding] = []
        for m in _links(text):
            host_text = m.group("host")
            if host_text in _NOT_HOSTS:
                continue
            parsed = parse_host(host_text)
            test_host = parsed is None
            host = parsed if parsed is not None else _test_host(host_text)
            if host is None:
                continue
            scheme = m.group("scheme")
            path = (m.group("path") or "").rstrip(_TRAILING)
            last = host.suffix.rsplit(".", 1)[-1]
            if scheme is None and not path and last in FILE_EXTENSIONS and not self._known(host):
                continue  # "main.py", "logo.ai": a file name, not a site
            end_in_view = m.start("host") + len(host_text) + len(m.group("port") or "") + len(path)
            start, end = view.span(m.start(), end_in_view)
            finding = self._classify(host, host_text, path, text[: m.start()])
            if finding is None:
                continue
            kind, score, value, reason = finding
            allowed = host.registered in self.config.allowed_domains and kind == "contact.url"
            url = f"{scheme if scheme and '://' in scheme else 'https://'}{host_text}{path}"
            if value is None:
                value = url
            disguised = "." not in doc.text[start:end] or "[" in doc.text[start:end]
            own = _SELF_REF.search(text[: m.start()][-40:]) is not None
            if test_host and not (disguised or (scheme or "").startswith("hxxp") or own):
                continue  # a staging or sample host, unless it is disguised or named as the sender's own site
            if disguised:
                reason += ", written in disguise"
                score = max(score, 0.85)
            out.append(
                Finding(
                    kind,
                    score,
                    start,
                    end,
                    value,
                    reason,
                    allowed_by=f"{host.registered} is on the allowed-domains list" if allowed else None,
                )
            )
        return out

    @staticmethod
    def _known(host: Host) -> bool:
        full = f"{host.subdomain}.{host.registered}".lstrip(".")
        return (
            full in MESSAGING_HOSTS
            or host.registered in MESSAGING_HOSTS
            or host.registered in SHORTENERS
            or full in SHORTENERS
            or host.registered in SOCIAL_HOSTS
            or host.registered in MEETING_HOSTS
            or host.registered in CONTACT_PAGE_HOSTS
        )

    @staticmethod
    def _classify(host: Host, host_text: str, path: str, before: str) -> tuple[str, float, str | None, str] | None:
        full = host_text.removeprefix("www.")
        reg = host.registered
        handle = path.strip("/").split("/", 1)[0].split("?", 1)[0].lstrip("@")
        app = MESSAGING_HOSTS.get(full) or MESSAGING_HOSTS.get(reg)
        if app is not None:
            value = f"{app}:{handle}" if handle and handle not in {"invite", "join"} else None
            if handle == "invite":
                value = f"{app}:{path.strip('/').split('/')[-1]}"
            return "contact.handle", 0.95, value, f"a {app} link that opens a direct conversation"
        app = SOCIAL_HOSTS.get(reg)
        if app is not None:
            if handle and handle not in {"in", "company", "pages", "groups", "share", "p", "watch"}:
                return "contact.handle", 0.9, f"{app}:{handle}", f"a {app} profile link"
            if handle in {"in", "company"} and "/" in path.strip("/"):
                return "contact.handle", 0.9, f"{app}:{path.strip('/').split('/')[1]}", f"a {app} profile link"
            return "contact.url", 0.8, None, f"a {app} link"
        if reg in MEETING_HOSTS or full in MEETING_HOSTS:
            return "contact.url", 0.9, None, "a meeting or booking link outside the platform"
        if reg in SHORTENERS or full in SHORTENERS:
            return "contact.url", 0.9, None, "a link shortener that hides where it leads"
        if reg in CONTACT_PAGE_HOSTS or full.startswith(("docs.google.com/forms", "forms.")):
            return "contact.url", 0.9, None, "a contact form or link-in-bio page"
        if full == "docs.google.com" and path.startswith("/forms"):
            return "contact.url", 0.9, None, "a form that collects contact details"
        if _CONTACT_PATH.search(path):
            return "contact.url", 0.9, None, "a link to a contact page"
        if _SELF_REF.search(before[-40:]):
            return "contact.url", 0.8, None, "a link to the sender's own site"
        return "contact.url", 0.5, None, "a link to an outside site"
