"""The `plain` view: spelled-out punctuation undone where it is unambiguous.

"[dot]", "(at)", "[.]", "jdoe at gmail", "t dot me slash x", "live colon x", "hxxp", "e_l_l_i_e", and
Cyrillic webmail names ("собака яндекс точка ру"). Each rewrite runs only when a cheap substring test says
it could apply.
"""

from __future__ import annotations

import re

from marketguard.core.text.domains import parse_host
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.spelled_asia import AT_WORDS as _AT_ASIA
from marketguard.core.text.spelled_asia import DOT_WORDS as _DOT_ASIA
from marketguard.core.text.view import View, rewrite

_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_BRACKETED_DOT = lazy_compile(
    rf"\s{{0,3}}{_OPEN}\s{{0,2}}(?:dot|punto|ponto|point|punkt|точка|\.)\s{{0,2}}{_CLOSE}\s{{0,3}}"
)
_BRACKETED_AT = lazy_compile(rf"\s{{0,3}}{_OPEN}\s{{0,2}}(?:at|arroba|arobase|@)\s{{0,2}}{_CLOSE}\s{{0,3}}")
_DOT_WORD = (  # + ro, nl, uk, vi; ja, zh, ko, th, bn, ur, fa, hi (`spelled_asia`)
    rf"(?:dot|d0t|punto|ponto|point|period|punkt|точка|kropka|nokta|titik|punct|punt|крапка|ch[aấ]m|{_DOT_ASIA})"
)
_AT_WORDS = (
    r"(?:at\sthe\srate(?:\sof)?|attherate|at-sign|at\ssign|at|ät|arroba|arobase|собака|chiocciolina|chiocciola|ma[łl]pa|"
    rf"apenstaartje|apestaartje|arond|a\s(?:con\s)?c[òo]ng|a\sm[óo]c|{_AT_ASIA}|@)"
)
"""'at' spelled out: es/pt arroba, fr arobase, ru/uk собака, it chiocciola, pl małpa, Indian English "at the rate", nl
apenstaartje, ro arond, vi "a còng"."""
# `\s(?<=[a-z0-9]\s)\s{0,2}` is `(?<=[a-z0-9])\s{1,3}` with a character class first, which `re` skips to in C
# instead of trying the look-behind at every position (the same matches; it was ~100 us a message with a dot word)
_SPELLED_DOT = lazy_compile(
    rf"\s(?<=[a-z0-9]\s)\s{{0,2}}{_DOT_WORD}\s{{1,3}}(?=(?P<label>[a-z0-9\-]{{1,63}}))"
)
_AT_WORD_AHEAD = lazy_compile(
    rf"[a-z0-9\-]{{1,63}}(?:\s{{1,3}}{_DOT_WORD}\s{{1,3}}[a-z0-9\-]{{1,63}}){{0,3}}(?:\s{{1,3}}{_AT_WORDS}\s|\s?@)"
)
_SPACED_DOT_AFTER_DOMAIN = lazy_compile(r"(?<=[a-z0-9])\s{1,2}\.\s{1,2}(?=(?:com|net|org|io|co|me|ru|br|in|de|uk)\b)")
# Starts with \s (a character class re can skip to quickly), and looks back from there.
_SPELLED_AT = lazy_compile(rf"\s(?<=[a-z0-9_.\-]\s)\s{{0,2}}{_AT_WORDS}\s{{1,3}}(?=[a-z0-9])")
_EMAIL_CUE = lazy_compile(r"e-?mail|mail|correo|courriel|почт|contact|reach|write|escr|schreib")
# `(?=[\s/sb])`: a match starts with a space or the slash word, tested before the look-behind (the same matches)
_SPELLED_SLASH = lazy_compile(r"(?=[\s/sb])(?<=[a-z0-9.])\s{0,3}(?:slash|barra|/)\s{0,3}(?=[a-z0-9_])")
_SPELLED_COLON = lazy_compile(r"\s(?<=[a-z0-9]\s)\s{0,2}(?:colon|dois pontos|deux points)\s{1,3}(?=[a-z0-9.])")
_DEFANGED_SCHEME = lazy_compile(r"\bhxxp(s?)\b|\[:\]|\[://\]")
_PLAIN_HINT = PLAIN.hint(
    r"dot|d0t|punto|ponto|point|period|punkt|punt|точка|kropka|nokta|titik|крапка|chấm|apenstaart|apestaart|arond|c[òo]ng|\bat\b|ät|arroba|arobase|собака|chiocciol|ma[łl]pa|attherate|slash|barra|colon|pontos|hxxp|[\[({<]|\s[@/.]\s|"
    r"[^\s_]_[^\s_]_[^\s_]_|"
    rf"{_AT_ASIA}|{_DOT_ASIA}"
)


_SHORT_WORDS = frozenset(
    {
        "so",
        "to",
        "in",
        "is",
        "it",
        "at",
        "be",
        "no",
        "us",
        "do",
        "go",
        "my",
        "an",
        "as",
        "am",
        "pm",
        "me",
        "we",
        "he",
        "by",
        "of",
        "on",
        "or",
        "if",
        "up",
    }
)


def _spelled_dot(m: re.Match[str]) -> str | None:
    """' dot ' is a '.' before a public suffix ("acme dot io") or inside an address ("ana dot lopez at ...")."""
    label = m.group("label")
    host = parse_host(f"x.{label}")
    # "at some point so": "so" is a word here; "no point giving them 20%": "giving" is a generic suffix and a word
    english_word = "dot" not in m.group() and (
        label in _SHORT_WORDS or (len(label) > 4 and ("point" in m.group() or "period" in m.group()))
    )
    if host is not None and host.suffix == label and not english_word:
        return "."
    if _AT_WORD_AHEAD.match(m.string, m.end()):
        return "."
    if label in _TEST_SUFFIXES and _AT_BEHIND.search(m.string, max(0, m.start() - 90), m.start()):
        return "."  # "olga собака pochtabox точка test": an address's domain on a reserved suffix
    return None


_TEST_SUFFIXES = frozenset({"test", "example"})
_AT_BEHIND = lazy_compile(
    rf"@[a-z0-9\-]{{1,63}}(?:(?:\.|\s{{1,3}}{_DOT_WORD}\s{{1,3}})[a-z0-9\-]{{1,63}}){{0,3}}$"
)
"""An '@' (written, or spelled and already read) and the domain's labels so far, right before a spelled dot."""


WEBMAIL = frozenset(
    {
        "gmail",
        "googlemail",
        "yahoo",
        "hotmail",
        "outlook",
        "live",
        "msn",
        "aol",
        "icloud",
        "me",
        "mac",
        "proton",
        "protonmail",
        "pm",
        "yandex",
        "mail",
        "gmx",
        "web",
        "zoho",
        "qq",
        "163",
        "126",
        "rediffmail",
        "tutanota",
        "tuta",
        "fastmail",
        "hey",
        "uol",
        "bol",
        "terra",
        "libero",
        "orange",
        "free",
        "wanadoo",
        "rambler",
        "bk",
        "inbox",
        "list",
        "ukr",
        # it, pl, tr, in, id: Italian, Polish, Turkish, Indian and Indonesian webmail
        "virgilio",
        "tiscali",
        "alice",
        "wp",
        "onet",
        "interia",
        "o2",
        "mynet",
        "ymail",
        "rocketmail",
    }
)
WEBMAIL_STRICT = WEBMAIL - {
    "me",
    "mac",
    "live",
    "mail",
    "web",
    "free",
    "list",
    "inbox",
    "orange",
    "hey",
    "pm",
    "bk",
    "terra",
    "uol",
    "bol",
    "msn",
    "alice",
    "wp",
    "o2",
    "163",
    "126",
}
"""Providers whose names are not also everyday words: "moan at me" is not an address at me.com."""
_NOT_A_USERNAME = frozenset(
    {
        "i'm",
        "im",
        "is",
        "are",
        "am",
        "be",
        "me",
        "us",
        "it",
        "them",
        "him",
        "her",
        "you",
        "we",
        "they",
        "look",
        "out",
        "here",
        "there",
        "online",
        "available",
        "meet",
        "see",
        "work",
        "home",
        "office",
        "start",
        "starting",
        "arrive",
        "arriving",
        "back",
        "done",
        "ready",
        "was",
        "were",
        "and",
        "or",
        "but",
        "site",
        "website",
        "page",
        "live",
        "up",
        "lunch",
        "this",
        "that",
        "all",
        "once",
        "least",
        "best",
        "details",
        "info",
        "more",
        "it's",
        "hosted",
        "found",
        "deployed",
        "staging",
        "demo",
        "docs",
        "files",
    }
)


_UNDERSCORED = lazy_compile(r"(?<!\S)(?:[^\s_]_){4,80}[^\s_](?!\S)")
_CYRILLIC_MAIL = lazy_compile(  # led by the first letters of the words it can match: the same matches
    r"(?=[ягдмркp])(?:(?:(?<=собака\s)|(?<=точка\s))(?:яндекс|гмейл|джимейл|мейл|рамблер|ру|ком)\b|(?<=[@.])(?:яндекс|ру|ком)\b"
    r"|(?<=точка\s)py\b)"  # "ру" made Latin by the confusables table in `clean` (every letter has a look-alike)
)
_CYRILLIC_MAIL_WORDS = {
    "яндекс": "yandex",
    "гмейл": "gmail",
    "джимейл": "gmail",
    "мейл": "mail",
    "рамблер": "rambler",
    "ру": "ru",
    "ком": "com",
    "py": "ru",
}


def _drop_underscores(m: re.Match[str]) -> list[tuple[str, int]]:
    """ "e_l_l_i_e_@_i_c_l_o_u_d": characters kept apart by underscores."""
    return [(c, i) for i, c in enumerate(m.group()) if c != "_"]


def _latin_mail(m: re.Match[str]) -> str:
    """ "собака яндекс точка ру": the provider and suffix spelled in Cyrillic."""
    return _CYRILLIC_MAIL_WORDS[m.group()]


def _unbracket_dot(m: re.Match[str]) -> str:
    return "."


def _unbracket_at(m: re.Match[str]) -> str:
    return "@"


def _spelled_at(m: re.Match[str]) -> str | None:
    """' at ' is an '@' only between a username-like word and a domain-like one: a webmail provider
    ("jdoe at gmail"), a domain whose dots are spelled too ("mark at acme dot io"), or a real domain when
    the left word looks like a username or the text talks about e-mail ("email: mark at acme.io")."""
    text = m.string
    left = _left_token(text, m.start())
    if not left or left in _NOT_A_USERNAME:
        return None
    right_m = _DOMAINISH.match(text, m.end())
    if right_m is None:
        return None
    right = right_m.group()
    if text[right_m.end() : right_m.end() + 1] in ("/", "@"):
        # "details at bit.ly/x": a link, not an address; "reach me faster at t.lind@proton.me": the word after
        # 'at' is the user name of a written address, which a second '@' would break
        return None
    if _ANOTHER_AT.match(text, right_m.end()):
        return None  # "a line at nina dot k at outlook": the word after this 'at' is the user name of the next
    first_label = _DOT_SPLIT.split(right, maxsplit=1)[0].translate(LEET)
    if first_label in WEBMAIL_STRICT:
        return "@"
    spelled_dot = _DOT_SPLIT.search(right) is not None and "." not in right
    if spelled_dot:
        return "@"
    if "." in right and (any(c.isdigit() or c in "_." for c in left) or _EMAIL_CUE.search(text)):
        return "@"
    return None


_TOKEN_CHARS = lazy_compile(r"[\w.+\-]{1,64}")


def _left_token(text: str, end: int) -> str:
    """The username characters right before `end` (at most 64). Matched on the reversed window: searching
    forwards for a run that ends at `end` retries from every position of the window."""
    m = _TOKEN_CHARS.match(text[max(0, end - 64) : end][::-1])
    return m.group()[::-1] if m else ""


_ANOTHER_AT = lazy_compile(rf"\s{{1,3}}{_AT_WORDS}\s")
_DOT_SPLIT = lazy_compile(rf"\.|\s{{1,3}}{_DOT_WORD}\s{{1,3}}")
_DOMAINISH = lazy_compile(rf"[a-z0-9\-]{{1,63}}(?:(?:\.|\s{{1,3}}{_DOT_WORD}\s{{1,3}})[a-z0-9\-]{{1,63}}){{0,4}}")
LEET = str.maketrans(
    {"@": "a", "4": "a", "0": "o", "1": "l", "3": "e", "5": "s", "$": "s", "7": "t", "!": "i", "|": "l"}
)
"""Leetspeak digits and symbols read as the letters they imitate ("gm4il", "Wh@tsapp", "te1egram")."""


def _spelled_slash(m: re.Match[str]) -> str | None:
    token = m.group().strip()
    if token == "/" and m.group() == "/":
        return None
    left_start = m.start()
    text = m.string
    while left_start > 0 and not text[left_start - 1].isspace():
        left_start -= 1
    left = text[left_start : m.start()]
    return "/" if "." in left else None


def _defang(m: re.Match[str]) -> str:
    g = m.group()
    if g.startswith("hxxp"):
        return "http" + (m.group(1) or "")
    return ":" if g == "[:]" else "://"


def plain_view(clean: View) -> View:
    """The `plain` view (see module docstring)."""
    text = clean.text
    if not _PLAIN_HINT(text):
        return clean
    view = clean
    # Each rewrite runs only when a cheap substring test says it could apply: most chat has none of them.
    if "hxxp" in text or "[:" in text:
        view = rewrite(view, _DEFANGED_SCHEME, _defang)
    if "_" in text and _UNDERSCORED_HINT(view.text):
        view = rewrite(view, _UNDERSCORED, _drop_underscores)
    if not text.isascii():
        view = rewrite(view, _CYRILLIC_MAIL, _latin_mail)
    if any(c in text for c in "[({<"):
        if _BRACKETED_DOT_HINT(view.text):
            view = rewrite(view, _BRACKETED_DOT, _unbracket_dot)
        if _BRACKETED_AT_HINT(view.text):
            view = rewrite(view, _BRACKETED_AT, _unbracket_at)
    if _SPELLED_AT_HINT(view.text):
        view = rewrite(view, _SPELLED_AT, _spelled_at)
    if _DOT_WORD_HINT(view.text):
        view = rewrite(view, _SPELLED_DOT, _spelled_dot)
    if " ." in view.text:
        view = rewrite(view, _SPACED_DOT_AFTER_DOMAIN, _unbracket_dot)
    if "/" in view.text or "slash" in view.text or "barra" in view.text:
        view = rewrite(view, _SPELLED_SLASH, _spelled_slash)
    if "colon" in view.text or "point" in view.text:
        view = rewrite(view, _SPELLED_COLON, lambda m: ":")
    return view


# Each asked about the text as rewritten so far: usually the clean text itself, whose gate answers are known.
_DOT_WORD_HINT = PLAIN.hint(_DOT_WORD)
_UNDERSCORED_HINT = PLAIN.hint(_UNDERSCORED.pattern)
_BRACKETED_DOT_HINT = PLAIN.hint(_BRACKETED_DOT.pattern)
_BRACKETED_AT_HINT = PLAIN.hint(_BRACKETED_AT.pattern)
_SPELLED_AT_HINT = PLAIN.hint(_SPELLED_AT.pattern)
