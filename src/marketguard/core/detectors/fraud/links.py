"""Look-alike and phishing links: every URL, bare domain and e-mail domain, also written in disguise.

Hosts are read in the `plain` view ("upw0rk-offers[.]com", "hxxp", "paypal dot com dot verify dot io")
and compared with the ORIGINAL characters too, since the `clean` view has already turned a Cyrillic "а"
into a Latin one: a host whose original letters differ from what it reads as is a homoglyph. Punycode
labels are decoded; an undecodable one is reported, never raised. A link to the brand itself stays allowed.

Also reported: links to bare IP addresses, shorteners that hide the target (weakly), hosts hidden behind
percent-encoding, and archive or executable attachments named in the text (stronger next to "open", "run").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import unquote

from marketguard.core.detectors.base import Detector, DetectorConfig, DetectorInfo, Finding
from marketguard.core.detectors.contact.lexicon import SHORTENERS
from marketguard.core.detectors.fraud.brands import DEFAULT_BRANDS, Brand, Imitation, imitation
from marketguard.core.text.domains import parse_host
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import Document
from marketguard.core.text.prefilter import Hint

# ASCII labels: the `plain` view has already turned look-alike letters inside Latin words into Latin ones (and
# the original characters are compared later); Unicode classes would make this scan ten times slower.
_LABEL = r"(?:xn--[a-z0-9\-]{1,59}|[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?)"
HOST_URL = lazy_compile(
    r"(?<![\w@.\-/%])(?P<scheme>(?:https?|ftp)://|www\.)?"
    rf"(?P<host>(?:{_LABEL}\.){{1,8}}(?:[a-z]{{2,24}}|xn--[a-z0-9\-]{{1,59}}))"
    r"(?P<port>:\d{1,5})?(?P<path>/[^\s<>\"'`]{0,2000})?(?![\w@])"
)
EMAIL_HOST = lazy_compile(rf"@(?P<host>(?:{_LABEL}\.){{1,8}}[a-z]{{2,24}})(?![\w.\-])")
_EMAIL_LOCAL_END = lazy_compile(r"[\w.+\-]")
IP_URL = lazy_compile(
    r"(?P<scheme>https?://)(?:[^\s/@]{1,64}@)?(?P<host>\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]{2,39}\]|0x[0-9a-f]{8}|\d{8,10})"
    r"(?P<port>:\d{1,5})?(?P<path>/[^\s<>\"'`]{0,2000})?"
)
_ENCODED_DOT_TOKEN = lazy_compile(r"[^\s%]{1,253}%2e[^\s]{1,2000}")
"""A token with a percent-encoded dot inside it (the view is lower-case)."""
ENCODED_HOST = lazy_compile(r"(?:https?://)(?P<host>[^\s/?#]{0,253}%[0-9a-f]{2}[^\s/?#]{0,2000})")
_RISKY = {
    # extension: (kind, base score)
    **dict.fromkeys(
        ("exe", "scr", "apk", "msi", "bat", "cmd", "vbs", "lnk", "jar", "hta", "ps1", "jse"), ("scam.malware", 0.5)
    ),
    **dict.fromkeys(("docm", "xlsm", "pptm"), ("scam.malware", 0.55)),
    **dict.fromkeys(("zip", "rar", "7z", "iso", "img", "html", "htm", "js"), ("scam.phishing", 0.35)),
}
ATTACHMENT = lazy_compile(
    r"(?<![\w.\-/])(?P<name>[\w\-]{1,64}(?:\.[\w\-]{1,32}){0,3}\.(?P<ext>" + "|".join(_RISKY) + r"))(?![\w.])"
)
_ACTION = lazy_compile(
    r"(?<!\w)(?:open|run|install|download|extract|unzip|launch|execute|enable|sign\sin|log\sin|login|double[\s-]click|"
    r"abr[ae]|abrir|ejecut[ae]\w*|instal[ae]|descarg[ae]\w*|baixe|ouvre[zs]?|öffne\w*|ausführ\w*|откро\w*|открой\w*|"
    r"запусти\w*|скача\w*)(?!\w)"
)
_OWN_WORK = lazy_compile(
    r"(?<!\w)(?:i\s(?:wrote|built|made|coded|compiled|exported)|i've\s(?:written|built|made)|i\shave\s(?:written|built)|"
    r"the\smacro\si|my\smacro|our\sown|your\sown|que\s(?:escribí|hice)|que\seu\s(?:escrevi|fiz)|j'ai\s(?:écrit|fait)|"
    r"ich\shabe\s\w{0,20}\s?(?:geschrieben|gebaut)|я\s(?:написал|сделал)\w*)(?!\w)"
)
"""The sender's own deliverable ("the macro I wrote is in budget.xlsm"): handing over work is no lure, so an
instruction to open it does not make the file name a strong finding."""
_SPELLED_LABELS = lazy_compile(
    r"\s{1,3}(?:dot|d0t|punto|ponto|point|punkt|точка)\s{1,3}([a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9][a-z0-9\-]{0,62}){0,4})(?![\w])"
)
_WEBMAIL_BRANDS = frozenset({"gmail", "outlook", "icloud", "google", "microsoft", "apple"})
_HOST_PATTERN = r"[a-z0-9]\.[a-z]{2}|xn--"
_ATTACHMENT_PATTERN = r"\.(?:" + "|".join(_RISKY) + r")\b"
_HOST_HINT = Hint(_HOST_PATTERN)
_DOTTED = lazy_compile(r"\.(?<=[a-z0-9\-]\.)[a-z]{2}")
"""A dot that may end a host's label: every `HOST_URL` host has one (its last label ends in a letter, a digit,
or, in punycode, a hyphen, and its top-level domain starts with two letters). It opens with a literal dot,
which `re` finds by a plain character scan: cheaper than the RE2 gate it replaces."""
_ATTACHMENT_HINT = lazy_compile(_ATTACHMENT_PATTERN)
"""Every `ATTACHMENT` match holds one (the extension ends a word): also opens with a literal dot."""


@dataclass(frozen=True, slots=True)
class HostRef:
    """A host found in a text view: where (view offsets), how it was written and what it is."""

    start: int
    end: int
    host: str
    source: str
    """'url', 'domain' or 'email'."""
    scheme: str | None
    path: str


def find_hosts(text: str, hinted: bool | None = None) -> list[HostRef]:
    """Every URL, bare domain and e-mail domain in `text` (a lower-case view), in order."""
    out: list[HostRef] = []
    if hinted is None:
        hinted = _HOST_HINT(text)
    for m in _host_matches(text) if hinted else ():
        scheme = m.group("scheme")
        host, end = m.group("host"), m.end()
        if not m.group("path"):
            host, end = _continued(text, host, end)
        out.append(
            HostRef(
                m.start(),
                end,
                host,
                "url" if scheme else "domain",
                scheme,
                (m.group("path") or "").rstrip(".,;:!?)]}'\"»"),
            )
        )
    for m in EMAIL_HOST.finditer(text) if "@" in text else ():
        if not m.start() or not _EMAIL_LOCAL_END.match(text, m.start() - 1):
            continue  # "@name.io" alone is a handle, not an address
        host, end = _continued(text, m.group("host"), m.end("host"))
        out.append(HostRef(m.start("host"), end, host, "email", None, ""))
    return sorted(out, key=lambda h: h.start)


def _host_matches(text: str) -> list[re.Match[str]]:
    """`HOST_URL` run only over the whitespace-separated tokens that may hold a host: a host never spans a
    space, and scanning every position of a message with the full pattern costs five times as much. A token
    is tried only when it holds a `_DOTTED` dot (a sentence's "done. next" or "e.g." has none)."""
    out: list[re.Match[str]] = []
    dot = _DOTTED.search(text)
    scanned = 0  # the previous token's end: a space (or 0), so the search back for this token's start stops there
    while dot is not None:
        pos = dot.start()
        # bounded by `scanned`: searching back to 0 for a space character the text lacks made a megabyte of
        # "jdoe at gmail dot" quadratic (2 s)
        start = max(text.rfind(c, scanned, pos) for c in _SPACES) + 1
        after = _SPACE.search(text, pos)
        end = after.start() if after is not None else len(text)
        out.extend(HOST_URL.finditer(text, start, end))
        scanned = end
        dot = _DOTTED.search(text, end)
    return out


_SPACES = (" ", "\n", "\t", "\r", "\xa0")
_SPACE = lazy_compile(r"[ \n\t\r\xa0]")


def _continued(text: str, host: str, end: int) -> tuple[str, int]:
    """ "upwork dot com dot offers dot io": the view joins "upwork.com" (a real suffix follows it), but the
    spelled-out labels after it continue the same host."""
    while host.count(".") < 8 and (more := _SPELLED_LABELS.match(text, end)) is not None:
        host, end = f"{host}.{more.group(1)}", more.end()
    return host, end


def decode_host(host: str) -> tuple[str, str | None]:
    """The host with punycode labels decoded, and an error message when a label is not valid IDNA."""
    if "xn--" not in host:
        return host, None
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError) as exc:
                return host, f"label {label[:40]!r} is not valid punycode ({type(exc).__name__})"
        labels.append(label)
    return ".".join(labels), None


class LinkDetector(Detector):
    info = DetectorInfo(
        id="fraud.links",
        family="scam",
        kinds=("scam.lookalike_link", "scam.phishing", "scam.malware"),
        version="1.0.0",
        description="Look-alike brand domains (homoglyph, punycode, typo, extra words, sub-domain), IP links, "
        "shorteners, hidden hosts and risky attachments.",
    )
    brands: tuple[Brand, ...] = DEFAULT_BRANDS

    def __init__(self, config: DetectorConfig, brands: tuple[Brand, ...] | None = None) -> None:
        super().__init__(config)
        if brands is not None:
            self.brands = brands
        self._seen: dict[tuple[str, str, str], Imitation | None] = {}

    def _imitation(self, registered: str, domain: str, subdomain: str) -> Imitation | None:
        """`brands.imitation`, remembered per host: chat repeats the same few domains all day."""
        key = (registered, domain, subdomain)
        if key not in self._seen:
            if len(self._seen) >= 8192:
                self._seen.clear()
            self._seen[key] = imitation(registered, domain, subdomain, self.brands)
        return self._seen[key]

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        text = view.text
        if "." not in text and "%2e" not in text:
            return []  # every host, e-mail domain, IP address and file name has a dot (or hides one)
        out: list[Finding] = []
        for ref in find_hosts(text, hinted=_DOTTED.search(text) is not None):
            finding = self._host(doc, ref)
            if finding is not None:
                out.append(finding)
        for m in IP_URL.finditer(text) if "://" in text else ():
            start, end = view.span(m.start(), m.end())
            out.append(
                Finding("scam.phishing", 0.7, start, end, m.group(), "a link to a bare IP address, not a named site")
            )
        for m in ENCODED_HOST.finditer(text) if "%" in text and "://" in text else ():
            start, end = view.span(m.start(), m.end())
            decoded = _unquote_deep(m.group("host"))
            out.append(
                Finding(
                    "scam.phishing", 0.75, start, end, decoded[:253], "a link whose host is hidden by percent-encoding"
                )
            )
        if "%2e" in text:
            out.extend(self._encoded_dots(doc))
        if _ATTACHMENT_HINT.search(text) is not None:
            out.extend(self._attachments(doc))
        if out and _DEFENSIVE.search(text) is not None:
            why = "the message names it to block, report or document it (security work, a scam report)"
            out = [replace(f, allowed_by=why) for f in out]
        return out

    def _encoded_dots(self, doc: Document) -> list[Finding]:
        """A host written with percent-encoded dots and no scheme ("fiverr%2eorders-support%2ecom/inv"): no
        browser address bar shows it so, the writer hides it from filters. Reported when the decoded host
        imitates a brand."""
        view = doc.plain
        out: list[Finding] = []
        for m in _ENCODED_DOT_TOKEN.finditer(view.text):
            if "://" in m.group():
                continue  # a URL with a scheme: ENCODED_HOST reports it
            for ref in find_hosts(_unquote_deep(m.group()).lower(), hinted=True):
                parts = parse_host(ref.host.removeprefix("www."))
                found = None if parts is None else self._imitation(parts.registered, parts.domain, parts.subdomain)
                if found is not None:
                    start, end = view.span(m.start(), m.end())
                    how = f"{found.how}, its dots hidden by percent-encoding"
                    out.append(self._lookalike(start, end, ref.host, ref, found.brand.name, how, max(found.score, 0.9)))
                    break
        return out

    def _host(self, doc: Document, ref: HostRef) -> Finding | None:
        view = doc.plain
        start, end = view.span(ref.start, ref.end)
        view_host = ref.host.removeprefix("www.")
        last = view_host.rsplit(".", 1)[-1]
        if ref.scheme is None and ref.source == "domain" and last in _RISKY:
            return None  # "brief.zip": a file name (see attachments), though .zip is also a top-level domain
        parts = parse_host(view_host)
        if parts is None:
            return None
        if parts.registered in SHORTENERS or view_host in SHORTENERS:
            return Finding("scam.phishing", 0.5, start, end, view_host, "a link shortener hides where the link leads")
        seen, error = self._seen_labels(doc.text[start:end], view_host, parts.registered)
        if error is not None:
            return Finding("scam.phishing", 0.6, start, end, view_host[:253], f"a host that is not valid IDNA: {error}")
        if seen is not None:
            # the reader sees other characters than the cleaned view: never the brand itself, whatever it reads as
            label, sub = seen
            found = self._imitation("", label, sub)
            if found is not None and ref.source == "email" and found.brand.name in _WEBMAIL_BRANDS:
                return None  # "ivan@gmаil.cоm": a disguised private address (contact.email's business), not a lure
            if found is not None:
                how = "written with look-alike characters" if found.score >= 0.95 else found.how
                return self._lookalike(
                    start,
                    end,
                    ".".join(p for p in (sub, label, parts.suffix) if p),
                    ref,
                    found.brand.name,
                    how,
                    max(found.score, 0.9),
                )
            return None
        found = self._imitation(parts.registered, parts.domain, parts.subdomain)
        if found is None:
            return None
        return self._lookalike(start, end, view_host, ref, found.brand.name, found.how, found.score)

    @staticmethod
    def _seen_labels(written: str, view_host: str, registered: str) -> tuple[tuple[str, str] | None, str | None]:
        """(registrable label, sub-domain) as the reader sees them, when that differs from the view: original
        non-ASCII letters (homoglyphs) or decoded punycode. Also an IDNA error, if a label cannot be decoded."""
        depth = registered.count(".") + 1
        if "xn--" in view_host:
            decoded, error = decode_host(view_host)
            if error is not None:
                return None, error
            labels = decoded.split(".")
        else:
            host = written.lower().split("://", 1)[-1].split("/", 1)[0].split("@")[-1].removeprefix("www.")
            if host.isascii() or len(host) != len(view_host):
                return None, None
            labels = host.split(".")
        if len(labels) < depth:
            return None, None
        return (labels[-depth], ".".join(labels[:-depth])), None

    @staticmethod
    def _lookalike(start: int, end: int, host: str, ref: HostRef, brand: str, how: str, score: float) -> Finding:
        what = "an e-mail address at" if ref.source == "email" else "a link to" if ref.source == "url" else "the domain"
        return Finding(
            "scam.lookalike_link",
            score,
            start,
            end,
            host,
            f"{what} {host!r}, which imitates {brand}: {how}",
        )

    def _attachments(self, doc: Document) -> list[Finding]:
        view = doc.plain
        text = view.text
        out: list[Finding] = []
        for m in ATTACHMENT.finditer(text):
            kind, score = _RISKY[m.group("ext")]
            around = text[max(0, m.start() - 80) : m.end() + 80]
            acted = _ACTION.search(around) is not None and _OWN_WORK.search(around) is None
            if acted:
                score += 0.3
            start, end = view.span(m.start(), m.end())
            reason = f"a .{m.group('ext')} file named in the message" + (
                ", with an instruction to open or run it" if acted else ""
            )
            out.append(Finding(kind, score, start, end, m.group("name"), reason))
        return out


_DEFENSIVE = lazy_compile(
    r"\b(?:block ?list|deny ?list|blacklist|threat (?:feed|intel)|known[- ]bad|iocs?|indicators? of compromise"
    r"|attacker registered|takedown|incident (?:write-?up|report)|is this (?:a scam|phishing|legit)|i reported"
    r"|reported (?:it|them|the)|это развод|отправил жалобу|пожаловал(?:ся|ась)|es una estafa|é golpe"
    r"|c'est une arnaque"
    r"|punycode|homoglyphs?|typosquat\w*|look-?alike (?:domains?|links?|hosts?|urls?)|(?:url|link) (?:checker|scanner)"
    r"|phishing (?:detection|filter)|brand is in the sub-?domain|dominios parecidos|domini simili|domaines similaires"
    r"|domínios parecidos|ähnliche domains|похожие домены|podobne domeny|benzer alan adlar\w*|domain mirip)\b"
)
"""Words of someone who names a look-alike link or a script to block, report or document it, never to lure:
a blocklist, a threat feed, an incident write-up, "is this a scam?" (blind6 round), and since the blind8 round the
words of a job that BUILDS the defence ("a filter for look-alike domains like paypa1.com", "punycode detection
for our URL checker", in the thirteen languages): a lure never names punycode or homoglyphs. Its findings are kept
as suppressed, so the explanation still shows the link."""


def _unquote_deep(text: str, rounds: int = 5) -> str:
    """Percent-decoding repeated until stable (at most `rounds` times: "%2570" hides "%70" hides "p")."""
    for _ in range(rounds):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text
