"""E-mail addresses, plain or disguised ("jdoe at gmail dot com", "j d o e [at] proton [dot] me")."""

from __future__ import annotations

import re

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.text.domains import parse_host
from marketguard.core.text.normalize import WEBMAIL, Document

_EMAIL = re.compile(
    r"(?<![\w.%+\-])(?P<local>\w[\w.%+\-]{0,63})\s{0,2}@\s{0,2}"
    r"(?P<domain>[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,5})(?P<after>:?)"
)
_SSH_USERS = frozenset({"git", "root", "ubuntu", "ec2-user", "admin", "deploy", "pi"})


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
        if "@" not in view.text:
            return []
        out: list[Finding] = []
        for m in _EMAIL.finditer(view.text):
            local, domain = m.group("local").strip("."), m.group("domain").strip(".-")
            if m.group("after") and local in _SSH_USERS:
                continue  # git@github.com:org/repo.git is a remote, not an address
            host = parse_host(domain) if "." in domain else None
            if host is not None:
                value, score, how = f"{local}@{domain}", 0.95, "an e-mail address"
            elif domain.split(".", 1)[0] in WEBMAIL:
                provider = domain.split(".", 1)[0]
                value, score, how = f"{local}@{provider}.com", 0.85, f"an address at {provider} without its domain"
            else:
                continue
            start, end = view.span(m.start(), m.start("domain") + len(m.group("domain").rstrip(".-")))
            disguised = "@" not in doc.text[start:end] or " " in doc.text[start:end]
            reason = f"{how}{' written in disguise' if disguised else ''}"
            out.append(Finding("contact.email", score, start, end, value.lower(), reason))
        return out
