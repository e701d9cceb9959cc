"""E-mail addresses, plain or disguised ("jdoe at gmail dot com", "j d o e [at] proton [dot] me")."""

from __future__ import annotations

import re
from bisect import bisect_right

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.text.domains import parse_host
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.normalize import LEET, WEBMAIL, Document

_EMAIL = re.compile(
    r"(?<![\w.%+\-])(?P<local>\w[\w.%+\-]{0,63})\s{0,2}@\s{0,2}"
    r"(?P<domain>[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,5})(?P<after>:?)"
)
_PROVIDER_HINT = PLAIN.hint(r"gmail|yahoo|hotmail|outlook|proton|icloud|yandex")
_REVERSED_TLD = re.compile(r"(?:moc|ten|gro|oi|ur|ed|ku|rb|ni|em|ue|rf|se|ti|lp|ac|ua)\.")
_REVERSED_TLD_HINT = re.compile(r"(?:moc|ten|gro|oi|ur|ed|ku|rb|ni|em|ue|rf|se|ti|lp|ac|ua)\.[\w.+\-]*@")
_STATUS_WORDS = frozenset(
    {
        "sent",
        "ready",
        "done",
        "attached",
        "below",
        "above",
        "fine",
        "correct",
        "wrong",
        "same",
        "new",
        "old",
        "working",
        "broken",
        "down",
        "up",
        "good",
        "ok",
        "okay",
        "empty",
        "invalid",
        "valid",
        "required",
        "optional",
        "yes",
        "no",
        "missing",
        "received",
        "delivered",
        "pending",
        "verified",
        "confirmed",
        "updated",
        "changed",
    }
)
"""Words that say something about an e-mail ("mail: sent") rather than begin an address."""
_MAX_FINDINGS = 200
_PARTIAL_ADDRESS = re.compile(
    r"(?:e-?mail|mail|gmail|correo|courriel|почта)(?:\saddress)?(?:,?\s(?:first|1st)\spart)?\s?(?:is|es|é|est|ist|:|-)\s?"
    r"(?P<local>[a-z0-9][\w.+\-]{1,63})\s*$"
)
""""my mail is nadia.k" at the end of a message: the rest of the address is coming in the next one."""
_MAIL_WORD = PLAIN.hint(r"mail|correo|courriel|почта")
"""What `_PARTIAL_ADDRESS` needs ("e-mail" and "gmail" end in "mail"): without it, no partial address."""
_AT_TOKEN = re.compile(r"[\w.+\-]{3,64}@[\w.+\-]{1,64}")
_SSH_USERS = frozenset({"git", "root", "ubuntu", "ec2-user", "admin", "deploy", "pi"})
_ON_WEBMAIL = re.compile(
    r"(?<![\w.@])(?P<local>[a-z0-9][\w+\-]*[._\d][\w.+\-]{0,62})\s(?:on|via|at|in|@)\s(?P<provider>gmail|yahoo|hotmail|outlook|"
    r"protonmail|proton|icloud|yandex)(?![\w.])"
)
_PROVIDER_THEN_USER = re.compile(
    r"(?<![\w.@])(?P<provider>gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|yandex)(?:\s(?:is|es|é|ist|est))?"
    r"\s?[:,\-]?\s(?P<local>[a-z0-9][\w+\-]*[._\d][\w.+\-]{0,60})(?![\w@])"
)
_ON_WEBMAIL_HINT = PLAIN.hint(_ON_WEBMAIL.pattern)
_PROVIDER_THEN_USER_HINT = PLAIN.hint(_PROVIDER_THEN_USER.pattern)
"""Most texts that name a provider hold a plain address, which neither pattern needs `re` to rule out."""
_NOT_LOCAL = frozenset(
    {
        "me",
        "us",
        "him",
        "her",
        "them",
        "you",
        "it",
        "ping",
        "email",
        "mail",
        "message",
        "write",
        "contact",
        "reach",
        "find",
        "available",
        "online",
        "active",
        "here",
        "there",
        "also",
        "only",
        "login",
        "sign",
        "signed",
        "logged",
        "account",
        "inbox",
        "emails",
        "invite",
        "ask",
    }
)


class EmailDetector(Detector):
    info = DetectorInfo(
        id="contact.email",
        family="contact",
        kinds=("contact.email",),
        version="1.0.0",
        description="E-mail addresses, including spelled-out or bracketed 'at' and 'dot' and spaced letters.",
    )

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        out: list[Finding] = self._on_webmail(doc) if _PROVIDER_HINT(doc) else []
        if "@" not in view.text:
            if not _MAIL_WORD(doc):
                return out
            partial = _PARTIAL_ADDRESS.search(view.text, max(0, len(view.text) - 120))
            if partial is not None and partial.group("local") not in _NOT_LOCAL | _STATUS_WORDS:
                start, end = view.span(partial.start("local"), partial.end("local"))
                out.append(
                    Finding(
                        "contact.email",
                        0.7,
                        start,
                        end,
                        partial.group("local"),
                        "the first part of an e-mail address, announced as such",
                    )
                )
            return out
        for m in _EMAIL.finditer(view.text):
            if len(out) >= _MAX_FINDINGS:
                break  # a text with more addresses than this is flooding; the engine notes the cap
            local, domain = m.group("local").strip("."), m.group("domain").strip(".-")
            if m.group("after") and local in _SSH_USERS:
                continue  # git@github.com:org/repo.git is a remote, not an address
            host = parse_host(domain) if "." in domain else None
            if host is not None:
                value, score, how = f"{local}@{domain}", 0.95, "an e-mail address"
            elif domain.split(".", 1)[0].translate(LEET) in WEBMAIL:
                provider = domain.split(".", 1)[0].translate(LEET)
                value, score, how = f"{local}@{provider}.com", 0.85, f"an address at {provider} without its domain"
            else:
                continue
            start, end = view.span(m.start(), m.start("domain") + len(m.group("domain").rstrip(".-")))
            disguised = "@" not in doc.text[start:end] or " " in doc.text[start:end]
            reason = f"{how}{' written in disguise' if disguised else ''}"
            out.append(Finding("contact.email", score, start, end, value.lower(), reason))
        out.extend(self._backwards(doc, out))
        return out

    @staticmethod
    def _backwards(doc: Document, found: list[Finding]) -> list[Finding]:
        """ "moc.liamg@eod.nhoj": an address written right to left, which no forward pattern reads."""
        view = doc.plain
        out: list[Finding] = []
        if not _REVERSED_TLD_HINT.search(view.text):
            return out
        taken = sorted((f.start, f.end) for f in found)
        for m in _AT_TOKEN.finditer(view.text):
            if not _REVERSED_TLD.match(m.group()):
                continue
            start, end = view.span(m.start(), m.end())
            at = bisect_right(taken, (start, len(doc.text)))
            if (at and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
                continue  # read forwards already
            reverse = m.group()[::-1]
            r = _EMAIL.fullmatch(reverse)
            if r is None or parse_host(r.group("domain")) is None:
                continue
            out.append(Finding("contact.email", 0.9, start, end, reverse, "an e-mail address written backwards"))
        return out

    def _on_webmail(self, doc: Document) -> list[Finding]:
        """ "ping alexm_ops on gmail": a username and a provider make an address without any '@'."""
        view = doc.plain
        out: list[Finding] = []
        for pattern, hint in ((_ON_WEBMAIL, _ON_WEBMAIL_HINT), (_PROVIDER_THEN_USER, _PROVIDER_THEN_USER_HINT)):
            for m in pattern.finditer(view.text) if hint(doc) else ():
                local = m.group("local").rstrip(".")
                if local in _NOT_LOCAL or "@" in local:
                    continue
                provider = m.group("provider")
                start, end = view.span(
                    min(m.start("local"), m.start("provider")), max(m.end("local"), m.end("provider"))
                )
                reason = f"a {provider} username given without the address"
                out.append(Finding("contact.email", 0.85, start, end, f"{local}@{provider}.com", reason))
        return out
