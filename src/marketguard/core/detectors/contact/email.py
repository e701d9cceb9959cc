"""E-mail addresses, plain or disguised ("jdoe at gmail dot com", "j d o e [at] proton [dot] me")."""

from __future__ import annotations

import base64
from bisect import bisect_right

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.text.domains import parse_host
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import LEET, WEBMAIL, Document

_LEET_I = str.maketrans({"1": "i", "!": "i"})
"""'1' stands for 'i' as often as for 'l' ("gm41l"): a provider is tried both ways."""

_EMAIL = lazy_compile(
    r"(?<![\w.%+\-])(?P<local>\w[\w.%+\-]{0,63})\s{0,2}@\s{0,2}"
    r"(?P<domain>[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,5})(?![a-z0-9.\-]*@)(?P<after>:?)"
)
"""(A "domain" followed by another "@" is the address's user name: "mail me @ jo.k@gmail.com", the first "@" the word
"at".)"""
_PROVIDER_HINT = PLAIN.hint(r"gmail|yahoo|hotmail|outlook|proton|icloud|yandex|fastmail|gmx|aol|zoho")
_REVERSED_TLD = lazy_compile(r"(?:moc|ten|gro|oi|ur|ed|ku|rb|ni|em|ue|rf|se|ti|lp|ac|ua)\.")
_REVERSED_TLD_HINT = lazy_compile(r"(?:moc|ten|gro|oi|ur|ed|ku|rb|ni|em|ue|rf|se|ti|lp|ac|ua)\.[\w.+\-]*@")
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
_PARTIAL_ADDRESS = lazy_compile(
    r"(?:e-?mail|mail|gmail|correo|courriel|почта)(?:\saddress)?(?:,?\s(?:first|1st)\spart)?\s?(?:is|es|é|est|ist|:|-)\s?"
    r"(?P<local>[a-z0-9][\w.+\-]{1,63})\s*$"
)
""""my mail is nadia.k" at the end of a message: the rest of the address is coming in the next one."""
_PARTIAL_USERNAME = lazy_compile(
    r"\b(?:e-?mail|mail|gmail|correo|courriel|почта)(?:\saddress)?\s?[:,\-]?\s"
    r"(?P<local>[a-z0-9][\w+\-]*[._\d][\w+\-][\w.+\-]{0,61})\.?\s*$"
)
""""send it to my mail kwame.b": no verb, but a username-like word (a dot, an underscore or a digit) right after
the mail word, at the end of the message."""
_PROVIDER_NICKNAMES = {
    "gee mail": "gmail",
    "geemail": "gmail",
    "gee-mail": "gmail",
    "g mail": "gmail",
    "g-mail": "gmail",
    "jee mail": "gmail",
    "hot mail": "hotmail",
    "out look": "outlook",
    "big g": "gmail",
    "google": "gmail",
    "googles": "gmail",
    "google's": "gmail",
    "apple": "icloud",
    "apple's": "icloud",
    "microsoft": "outlook",
    "microsoft's": "outlook",
}
_AT_NICKNAME = lazy_compile(
    r"(?<![\w.@])(?P<local>[a-z0-9][\w+\-]*[._\d][\w.+\-]{0,62})\s(?:at|@)\s(?:the\s)?"
    r"(?P<provider>big\sg|google(?:'?s)?|apple(?:'s)?|microsoft(?:'s)?)(?:\s(?:mail|one|thing))?(?!\w)"
    # the provider spelled as said aloud ("jmarek at gee mail", "ana at hot mail"): a disguise, so any user name
    r"|(?<![\w.@'])(?P<local2>[a-z][\w.+\-]{2,62})\s(?:at|@|on)\s(?P<provider2>gee[\s\-]?mail|jee\smail|g[\s\-]mail|hot\smail|out\slook)"
    r"(?!\w)"
)
_AT_NICKNAME_HINT = PLAIN.hint(
    r"\s(?:at|@)\s(?:the\s)?(?:big\sg|google|apple|microsoft)|\s(?:at|@|on)\s(?:gee|jee|g[\s\-]mail|hot\smail|out\slook)"
)
""""jo.smith at the big G": the provider named by a nickname, which no domain pattern reads. The hint is
literal: the pattern's bounded repetitions would swell the gate's shared automaton for every message."""
_SPACES = lazy_compile(r"\s+")
_NOT_A_USER = frozenset({"i'm", "im", "is", "am", "are", "be", "we", "they", "he", "she", "was", "were", "log", "sign"})
"""Words before "at gee mail" that are not a user name ("I'm at gee mail" says where, not who)."""
_SYMBOL_AT = lazy_compile(
    r"(?<![\w.%+\-])(?P<local>\w[\w.%+\-]{0,63})[^\x00-\x7f\w\s]{1,3}"
    r"(?P<domain>[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){1,5})(?![\w@])"
)
_SYMBOL_AT_WORDS = ("mail", "proton", "icloud", "yahoo", "outlook", "yandex", "gmx", "symbol")
""""kenji🐌fastmail.com": an emoji or other symbol standing in for the '@'."""
_CYRILLIC_ADDRESS = lazy_compile(
    r"(?<![\w.])(?P<local>[а-яё][а-яё\w]{0,30}(?:\s?(?:точка|\.|_|-)\s?[а-яё\w]{1,30}){0,3})\s(?:собака|@)\s?"
    r"(?P<domain>[a-z0-9][a-z0-9\-]{0,62}\.[a-z]{2,6})(?![\w.])"
)
""""маша точка веб собака яндекс точка ру": the user name written in Cyrillic letters too (after `plain` has
read the provider and the dots)."""
_TRANSLIT = str.maketrans(
    dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeezijklmnoprstufye", strict=True))
    | {"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"}
)
_CYRILLIC_DOT = lazy_compile(r"\s?(?:точка|\.)\s?")
_BASE64 = lazy_compile(r"(?<![\w+/])[A-Za-z0-9+/]{16,400}={0,2}(?![\w+/=])")
_BASE64_HINT = PLAIN.hint(r"base\s?64|decod|encod")
""""bmlrYS5z...ZQ== (base64, it's my email)": an address encoded, decoded only when the text says so."""
_MAIL_WORD = PLAIN.hint(r"mail|correo|courriel|почта")
"""What `_PARTIAL_ADDRESS` needs ("e-mail" and "gmail" end in "mail"): without it, no partial address."""
_AT_TOKEN = lazy_compile(r"[\w.+\-]{3,64}@[\w.+\-]{1,64}")
_BEFORE_HANDLE = frozenset(
    {"for", "from", "to", "with", "by", "of", "and", "or", "the", "follow", "tag", "tagged", "see"}
)
"""Words that stand before an @handle ("the logo for @acme.studio"): never the user name of an address spaced out."""
_SSH_USERS = frozenset({"git", "root", "ubuntu", "ec2-user", "admin", "deploy", "pi"})
_ON_WEBMAIL = lazy_compile(
    r"(?<![\w.@])(?P<local>[a-z0-9][\w+\-]*[._\d][\w.+\-]{0,62})"
    # "on gmail", "en gmail", "no gmail", "sur gmail", and the provider in brackets: "vikram.codes (gmail)"
    # a comma may come first: "donc claire.dupuis, chez gmail"
    r"(?:,\s(?:chez|bei)\s|\s(?:on|via|at|in|@|en|no|na|sur|chez|auf|bei|su|di|sa|pe|par)\s|"
    r"\s?[(\[]\s?)(?P<provider>gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|yandex|fastmail|gmx|aol|zoho)"
    r"(?!\w|\.\w)"  # a sentence may end after it: "… en gmail."
)
_PROVIDER_THEN_USER = lazy_compile(
    r"(?<![\w.@])(?P<provider>gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|yandex)(?:\s(?:is|es|é|ist|est))?"
    # a user name has a letter: "Outlook 2016", "Outlook 365" are versions
    r"\s?[:,\-]?\s(?P<local>(?=[\w.+\-]*[a-z])[a-z0-9][\w+\-]*[._\d][\w.+\-]{0,60})(?![\w@])"
)
_ON_WEBMAIL_HINT = PLAIN.hint(
    r"(?:\s(?:on|via|at|in|@|en|no|na|sur|chez|auf|bei|su|di|sa|pe|par)\s|\s?[(\[]\s?)(?:gmail|yahoo|hotmail|outlook|proton|"
    r"icloud|yandex|fastmail|gmx|aol|zoho)"
)
_PROVIDER_THEN_USER_HINT = PLAIN.hint(_PROVIDER_THEN_USER.pattern)
"""Most texts that name a provider hold a plain address, which neither pattern needs `re` to rule out. The first hint
is the pattern without its user name: a word, then "en", "no", "di" … is in most texts, and the gate's automaton would
follow every word as a possible user name."""
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
        if _AT_NICKNAME_HINT(doc):
            out.extend(self._at_nickname(doc))
        if not view.text.isascii():
            out.extend(self._unusual_at(doc))
        if _BASE64_HINT(doc):
            out.extend(self._encoded(doc))
        if "@" not in view.text:
            if not _MAIL_WORD(doc):
                return out
            tail = max(0, len(view.text) - 120)
            partial = _PARTIAL_ADDRESS.search(view.text, tail) or _PARTIAL_USERNAME.search(view.text, tail)
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
            if local in _BEFORE_HANDLE and " " in doc.text[slice(*view.span(m.start(), m.end()))]:
                continue  # "the logo for @acme.studio": a word, then a handle, not the user name "for"
            host = parse_host(domain) if "." in domain else None
            if host is not None:
                value, score, how = f"{local}@{domain}", 0.95, "an e-mail address"
            elif (provider := _provider(domain.split(".", 1)[0])) is not None:
                value, score, how = f"{local}@{provider}.com", 0.85, f"an address at {provider} without its domain"
            elif _own_test_address(view.text, m.start(), domain):
                value, score, how = f"{local}@{domain}", 0.8, "an address on a reserved test domain, given as one's own"
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

    @staticmethod
    def _at_nickname(doc: Document) -> list[Finding]:
        """ "jo.smith at the big G": a username-like word and a provider named by its nickname."""
        view = doc.plain
        out: list[Finding] = []
        for m in _AT_NICKNAME.finditer(view.text):
            said = m.group("provider") or m.group("provider2")
            provider = _PROVIDER_NICKNAMES[_SPACES.sub(" ", said.replace("\u2019", "'"))]
            local = (m.group("local") or m.group("local2")).rstrip(".")
            if local in _NOT_LOCAL or local in _NOT_A_USER:
                continue
            start, end = view.span(m.start(), m.end())
            reason = f"an address at {provider}, the provider named by a nickname"
            out.append(Finding("contact.email", 0.85, start, end, f"{local}@{provider}.com", reason))
        return out

    @staticmethod
    def _unusual_at(doc: Document) -> list[Finding]:
        """ "kenji🐌fastmail.com" and "маша точка веб собака yandex.ru": a symbol for the '@', or a user name in
        Cyrillic letters; either way a webmail provider or a real domain follows."""
        view = doc.plain
        text = view.text
        out: list[Finding] = []
        for m in _SYMBOL_AT.finditer(text) if any(w in text for w in _SYMBOL_AT_WORDS) else ():
            domain = m.group("domain")
            host = parse_host(domain)
            if host is None or (_provider(domain.split(".", 1)[0]) is None and "symbol" not in text):
                continue  # "great job👍acme.io" is praise and a link; only a mail provider makes it an address
            start, end = view.span(m.start(), m.end())
            value = f"{m.group('local')}@{domain}"
            out.append(Finding("contact.email", 0.85, start, end, value, "an e-mail address with a symbol for the '@'"))
        if "собака" in text or "@" in text:
            for m in _CYRILLIC_ADDRESS.finditer(text):
                if parse_host(m.group("domain")) is None:
                    continue
                local = _CYRILLIC_DOT.sub(".", m.group("local")).translate(_TRANSLIT)
                start, end = view.span(m.start(), m.end())
                value = f"{local}@{m.group('domain')}"
                out.append(Finding("contact.email", 0.85, start, end, value, "an e-mail address spelled in Cyrillic"))
        return out

    @staticmethod
    def _encoded(doc: Document) -> list[Finding]:
        """An address in base64, in a text that says it is encoded: decoded, it must be a whole address."""
        out: list[Finding] = []
        for m in _BASE64.finditer(doc.text):
            token = m.group()
            try:
                decoded = base64.b64decode(token + "=" * (-len(token) % 4), validate=True).decode("ascii")
            except (ValueError, UnicodeDecodeError):
                continue
            address = _EMAIL.fullmatch(decoded.strip().lower())
            if address is None or parse_host(address.group("domain")) is None:
                continue
            out.append(
                Finding(
                    "contact.email", 0.9, m.start(), m.end(), decoded.strip().lower(), "an e-mail address in base64"
                )
            )
        return out


_TEST_SUFFIX = lazy_compile(r"^[a-z0-9](?:[a-z0-9\-]{0,62}\.)+(?:example|test)$")
_OWN_BEFORE = lazy_compile(
    r"(?:\bmy\s(?:\w+\s)?(?:e-?mail|mail|address|inbox)|\b(?:e-?mail|mail|write|reach|contact|ping)\s(?:to\s)?me|\bits|\bit'?s|"
    r"\bmi\s(?:correo|mail|e-?mail)|\bmeu\s(?:e-?mail|mail)|\bmon\s(?:e-?mail|mail|adresse)|\bmeine\s(?:e-?mail|mail|adresse)|"
    r"\bmoja\s|\bмой\s|\bмоя\s)[^.!?\n]{0,40}$"
)


def _own_test_address(text: str, at: int, domain: str) -> bool:
    """A whole address on a domain under a reserved test suffix (`.example`, `.test`; never example.com itself), that
    the sentence before presents as the sender's own ("my email for the invite is dez@northstack.example", "just email
    me, wren@quietharbor.example"), or that nothing before marks as a setting, a sample, a system sender or the other
    party's site ("sure, kim@mossmail.example", "send the NDA to kim@mossmail.example": people give addresses bare).
    `parse_host` drops these hosts so that documentation samples stay quiet; a person giving one is still giving an
    address, whatever its domain."""
    if _TEST_SUFFIX.match(domain.lower()) is None:
        return False
    if _OWN_BEFORE.search(text, max(0, at - 60), at) is not None:
        return True
    before = text[max(0, at - 80) : at]
    return not (
        before.endswith(("'", '"', "“", "=", "`"))
        or _SAMPLE_AROUND.search(before) is not None
        or _SAMPLE_AFTER.search(text, at, at + 120) is not None
        or _SYSTEM_LOCAL.match(text, at) is not None
    )


_SAMPLE_AROUND = lazy_compile(
    r"(?:=|\bsmtp\b|\bsettings\b|\bdocs?\b|\bdocumentation\b|\breadme\b|\bscreenshots?\b|\btemplates?\b|\bdemo\b|"
    r"\bconfig\w*|\.env\b|\benv\b|\bpoints?\sto\b|\bredirect\w*|\byour\s(?:\w+\s)?(?:site|page|"
    r"form|footer|header)|\bexplainer\b|\bsample\b|\bplaceholder\b|\bdummy\b|\bfixture\b|\bmock\w*|\btest\s(?:account|user|data)|"
    r"\bfrom_email\b|\bsender\saddress\b|\bthe\s(?:client|customer|user)'?s\s(?:e-?mail|address))"
)
"""Words of a configuration, a sample or the other party's site before a test-domain address: a setting, not the
sender's own address."""
_SAMPLE_AFTER = lazy_compile(
    r"\b(?:docs?|documentation|readme|screenshots?|mock-?ups?|templates?|tutorial|demo|wireframes?|placeholder|"
    r"sample|fixtures?|seed\sdata|test\s(?:data|account|user))\b"
)
"""The same words after it, or around it: "the docs use jane@company.example in the screenshots"."""
_SYSTEM_LOCAL = lazy_compile(r"(?:no-?reply|do-?not-?reply|postmaster|mailer-daemon|bounce\w*)\b")
"""A system sender's local part ("noreply@", "postmaster@"): no person's address."""


def _provider(label: str) -> str | None:
    """The webmail provider a domain label names, reading leetspeak '1' as 'l' and as 'i' ("gm41l")."""
    for table in (LEET, _LEET_I):
        name = label.translate(table).translate(LEET)
        if name in WEBMAIL:
            return name
    return None
