"""Normalisation: the views of a message that detectors search, each mapped back to the original.

Three views, each derived from the one before and computed only when a detector asks for it:

- `clean`: lower-case; NFKC (fullwidth and mathematical letters become ASCII); Unicode digits become
  ASCII digits; invisible characters (zero-width, joiners, variation selectors, keycaps) vanish;
  Cyrillic and Greek look-alikes inside Latin words become Latin (the confusables table); letters written
  one at a time ("g m a i l", "t.e.l.e.g.r.a.m") are joined.
- `plain`: `clean` with spelled-out punctuation undone where it is unambiguous: "[dot]", "(at)", "[.]",
  "jdoe at gmail", "t dot me slash x", "live colon x", "hxxp".
- `digits`: `plain` with digit words turned into digits ("four one five", "double zero", "2three4", in six
  languages), and with dates, times, prices, versions, IP addresses and reference numbers masked, so
  that what is left that looks like a phone number probably is one.

Every regex here is bounded, so that a megabyte of hostile near-matches takes linear time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from marketguard.core.text.confusables import latin_lookalikes
from marketguard.core.text.domains import parse_host
from marketguard.core.text.numbers import DIGIT_WORDS, REPEAT_WORDS, TEEN_WORDS, TENS_WORDS
from marketguard.core.text.prefilter import Hint
from marketguard.core.text.view import View, mask, rewrite

_LETTER = r"[^\W\d_]"
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc", "Co", "Cs"})
_KEEP_CONTROLS = frozenset("\n\t\r")


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """NFKC-fold one non-ASCII character; '' for invisible ones; a Unicode digit becomes ASCII."""
    cat = unicodedata.category(ch)
    if cat in _INVISIBLE_CATEGORIES and ch not in _KEEP_CONTROLS:
        return ""
    if cat == "Nd":
        return str(unicodedata.digit(ch))
    if cat == "Zs":
        return " "
    return unicodedata.normalize("NFKC", ch)


_WORD = re.compile(_LETTER + r"+")


def _deconfuse(text: str) -> str:
    """Replace look-alike letters inside words that mix Latin with another script (same length)."""
    table = latin_lookalikes()
    out: list[str] | None = None
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        has_ascii = any(c.isascii() for c in word)
        if has_ascii:
            mapped = [table.get(c) or table.get(c.upper()) or c for c in word]
        elif all(c in table for c in word):
            mapped = [table[c] for c in word]
        else:
            continue
        if all(len(c) == 1 for c in mapped):
            if out is None:
                out = list(text)
            out[m.start() : m.end()] = mapped
    return text if out is None else "".join(out)


def clean_view(text: str) -> View:
    """The `clean` view (see module docstring)."""
    if text.isascii():
        view = View(text.lower())
    else:
        chars: list[str] = []
        starts: list[int] = []
        for i, ch in enumerate(text):
            if ch.isascii():
                chars.append(ch)
                starts.append(i)
                continue
            for c in _fold(ch):
                chars.append(c)
                starts.append(i)
        starts.append(len(text))
        folded = _deconfuse("".join(chars)).lower()
        if len(folded) != len(chars):  # a rare character whose lower case is longer: keep NFKC only
            folded = "".join(chars)
        view = View(folded, starts)
    if _SPACED_HINT(view.text):
        view = rewrite(view, _SPACED_LETTERS, _join_letters)
    return view


# Three or more single letters separated by single spaces or by one punctuation mark.
_SPACED_HINT = Hint(r"(?:^|[^\pL\pN_])\pL(?: {1,3}| ?[.\-*·] ?)\pL(?: {1,3}| ?[.\-*·] ?)\pL(?:[^\pL\pN_]|$)")
_SPACED_LETTERS = re.compile(r"(?<!\w)" + _LETTER + r"(?:(?: {1,3}| ?[.\-*·] ?)" + _LETTER + r"(?!\w)){2,60}")


def _join_letters(m: re.Match[str]) -> list[tuple[str, int]]:
    """Drop the separators; but where letters are spaced, a spaced dot is a real dot ("g m a i l . c o m")."""
    run = m.group()
    spaced = run.count(" ") > len(run) // 3
    return [(ch, i) for i, ch in enumerate(run) if ch.isalpha() or (spaced and ch == "." and run[i - 1] == " ")]


# --- the `plain` view: spelled-out punctuation ------------------------------------------------------

_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_BRACKETED_DOT = re.compile(
    rf"\s{{0,3}}{_OPEN}\s{{0,2}}(?:dot|punto|ponto|point|punkt|точка|\.)\s{{0,2}}{_CLOSE}\s{{0,3}}"
)
_BRACKETED_AT = re.compile(rf"\s{{0,3}}{_OPEN}\s{{0,2}}(?:at|arroba|arobase|@)\s{{0,2}}{_CLOSE}\s{{0,3}}")
_DOT_WORD = r"(?:dot|d0t|punto|ponto|point|punkt|точка)"
_SPELLED_DOT = re.compile(rf"(?<=[a-z0-9])\s{{1,3}}{_DOT_WORD}\s{{1,3}}(?=(?P<label>[a-z0-9\-]{{1,63}}))")
_AT_WORD_AHEAD = re.compile(
    rf"[a-z0-9\-]{{1,63}}(?:\s{{1,3}}{_DOT_WORD}\s{{1,3}}[a-z0-9\-]{{1,63}}){{0,3}}(?:\s{{1,3}}(?:at|@|arroba|arobase|собака)\s|\s?@)"
)
_SPACED_DOT_AFTER_DOMAIN = re.compile(r"(?<=[a-z0-9])\s{1,2}\.\s{1,2}(?=(?:com|net|org|io|co|me|ru|br|in|de|uk)\b)")
# Starts with \s (a character class re can skip to quickly), and looks back from there.
_SPELLED_AT = re.compile(r"\s(?<=[a-z0-9_.\-]\s)\s{0,2}(?:at|arroba|arobase|собака|@)\s{1,3}(?=[a-z0-9])")
_EMAIL_CUE = re.compile(r"e-?mail|mail|correo|courriel|почт|contact|reach|write|escr|schreib")
_SPELLED_SLASH = re.compile(r"(?<=[a-z0-9.])\s{0,3}(?:slash|barra|/)\s{0,3}(?=[a-z0-9_])")
_SPELLED_COLON = re.compile(r"(?<=[a-z0-9])\s{1,3}(?:colon|dois pontos|deux points)\s{1,3}(?=[a-z0-9.])")
_DEFANGED_SCHEME = re.compile(r"\bhxxp(s?)\b|\[:\]|\[://\]")
_PLAIN_HINT = Hint(
    r"dot|d0t|punto|ponto|point|punkt|точка|\bat\b|arroba|arobase|собака|slash|barra|colon|pontos|hxxp|[\[({<]|\s[@/.]\s|"
    r"[^\s_]_[^\s_]_[^\s_]_"
)


def _spelled_dot(m: re.Match[str]) -> str | None:
    """' dot ' is a '.' before a public suffix ("acme dot io") or inside an address ("ana dot lopez at ...")."""
    label = m.group("label")
    host = parse_host(f"x.{label}")
    if host is not None and host.suffix == label:
        return "."
    if _AT_WORD_AHEAD.match(m.string, m.end()):
        return "."
    return None


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


_UNDERSCORED = re.compile(r"(?<!\S)(?:[^\s_]_){4,80}[^\s_](?!\S)")
_CYRILLIC_MAIL = re.compile(
    r"(?:(?<=собака\s)|(?<=точка\s))(?:яндекс|гмейл|джимейл|мейл|рамблер|ру|ком)\b|(?<=[@.])(?:яндекс|ру|ком)\b"
)
_CYRILLIC_MAIL_WORDS = {
    "яндекс": "yandex",
    "гмейл": "gmail",
    "джимейл": "gmail",
    "мейл": "mail",
    "рамблер": "rambler",
    "ру": "ru",
    "ком": "com",
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
    left_m = _LEFT_TOKEN.search(text, max(0, m.start() - 64), m.start())
    left = left_m.group() if left_m else ""
    if not left or left in _NOT_A_USERNAME:
        return None
    right_m = _DOMAINISH.match(text, m.end())
    if right_m is None:
        return None
    right = right_m.group()
    if text[right_m.end() : right_m.end() + 1] == "/":
        return None  # "details at bit.ly/x": a link, not an address
    first_label = _DOT_SPLIT.split(right, maxsplit=1)[0].translate(LEET)
    if first_label in WEBMAIL_STRICT:
        return "@"
    spelled_dot = _DOT_SPLIT.search(right) is not None and "." not in right
    if spelled_dot:
        return "@"
    if "." in right and (any(c.isdigit() or c in "_." for c in left) or _EMAIL_CUE.search(text)):
        return "@"
    return None


_LEFT_TOKEN = re.compile(r"[\w.+\-]{1,64}$")
_DOT_SPLIT = re.compile(rf"\.|\s{{1,3}}{_DOT_WORD}\s{{1,3}}")
_DOMAINISH = re.compile(rf"[a-z0-9\-]{{1,63}}(?:(?:\.|\s{{1,3}}{_DOT_WORD}\s{{1,3}})[a-z0-9\-]{{1,63}}){{0,4}}")
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
    if "_" in text:
        view = rewrite(view, _UNDERSCORED, _drop_underscores)
    if not text.isascii():
        view = rewrite(view, _CYRILLIC_MAIL, _latin_mail)
    if any(c in text for c in "[({<"):
        view = rewrite(view, _BRACKETED_DOT, _unbracket_dot)
        view = rewrite(view, _BRACKETED_AT, _unbracket_at)
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


_DOT_WORD_HINT = Hint(_DOT_WORD)


# --- the `digits` view ------------------------------------------------------------------------------

_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in DIGIT_WORDS), key=len, reverse=True))
_REPEAT_WORD = "|".join(sorted((re.escape(w) for w in REPEAT_WORDS), key=len, reverse=True))
_TENS_WORD = "|".join(sorted((re.escape(w) for w in TENS_WORDS), key=len, reverse=True))
_TEEN_WORD = "|".join(sorted((re.escape(w) for w in TEEN_WORDS), key=len, reverse=True))
_DIGIT_WORDS_RE = re.compile(
    rf"(?<!{_LETTER})(?:"
    rf"(?P<tens>{_TENS_WORD})(?:(?:[\s\-]{{1,2}}|\s(?:y|e|и|und)\s)(?P<unit>{_NUMBER_WORD}))?"
    rf"|(?P<teen>{_TEEN_WORD})"
    rf"|(?:(?P<rep>{_REPEAT_WORD})[\s\-]{{1,3}})(?P<repeated>{_NUMBER_WORD}|oh|o|\d)"
    rf"|(?P<word>{_NUMBER_WORD})"
    rf")(?!{_LETTER})"
)
_ZERO_LETTER_RE = re.compile(rf"(?<!{_LETTER})(?:oh|o)(?!{_LETTER})")
DIGIT_WORD_HINT = Hint(rf"(?<!{_LETTER})(?:{_NUMBER_WORD}|{_REPEAT_WORD}|{_TENS_WORD}|{_TEEN_WORD})(?!{_LETTER})")


def _digit_word(m: re.Match[str]) -> str | None:
    if m.group("tens") is not None:
        unit = m.group("unit")
        return str(TENS_WORDS[m.group("tens")]) + (DIGIT_WORDS[unit] if unit else "0")
    if m.group("teen") is not None:
        return TEEN_WORDS[m.group("teen")]
    word = m.group("word")
    if word is not None:
        if word == "sept" and _MONTH_CONTEXT.search(m.string, max(0, m.start() - 4), m.end() + 6):
            return None  # "11 Sept 2024" is a date, not a French seven
        return DIGIT_WORDS[word]
    rep, repeated = m.group("rep"), m.group("repeated")
    digit = "0" if repeated in ("oh", "o") else repeated if repeated.isdigit() else DIGIT_WORDS[repeated]
    return digit * REPEAT_WORDS[rep]


_MONTH_CONTEXT = re.compile(r"\d\s?sept|sept\.?\s?\d")


def _zero_letter(m: re.Match[str]) -> str | None:
    """'oh' or 'o' is zero only with a digit close on either side ("five oh one")."""
    text = m.string
    before = text[max(0, m.start() - 3) : m.start()]
    after = text[m.end() : m.end() + 3]
    if any(c.isdigit() for c in before) or any(c.isdigit() for c in after):
        return "0"
    return None


# What looks like a run of digits but is not a phone number: masked before phones are looked for.
NOT_PHONE = re.compile(
    r"""
      \b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b                        # 2024-05-17
    | \b(?:[0-2]?\d|3[01])[/.](?:[0-2]?\d|3[01])[/.](?:\d{4}|\d{2})\b(?![/.]\d)  # 17/05/2024, 5.17.24
    | \b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?            # 10:30, 10:30 pm
    | \b\d{1,2}\s?[ap]\.?m\b\.?                                # 5pm
    | [$€£¥₹₽]\s?\d{1,3}(?:[,.\s]\d{3}){0,5}(?:[.,]\d{1,2})?   # $1,200.00
    | \b\d{1,3}(?:[,.\s]\d{3}){0,5}(?:[.,]\d{1,2})?\s?
        (?:usd|eur|gbp|inr|brl|rub|usdt|dollars?|euros?|reais|rubles?|k\b|€|\$|%)    # 1.500,00 €, 20%
    | \bv\d{1,4}(?:\.\d{1,4}){1,4}\b                           # v2.10.3
    | (?<![\d/\-])(?<!\d\.)\d{1,2}\.\d{1,2}\.\d{1,4}(?!\d|\.\d|/|-\d)    # 3.11.4, 20.10.0 (not 0.9.1.8)
    | \b(?=[\d.]{0,14}\d\d)\d{1,3}(?:\.\d{1,3}){3}\b              # IPv4 with a multi-digit group
    | (?<![\d\-.)(])\b\d{1,5}\s?[x×]\s?\d{1,5}\b                # 1920x1080 (not 555-0198x42)
    | \b(?:19|20)\d\d[.\-/]\d{1,2}[.\-/]\d{1,6}\b                  # 2024.06.1873 build stamps
    | (?:order|invoice|inv|ticket|ref|reference|id|sku|tracking|case|po|pedido|factura|fatura|commande|
         rechnung|bestell|auftrag|kunden|sendung|заказ|счет|счёт|code|ean|upc|isbn|gtin|barcode|serial|imei|
         part|model|build|release|version|ver|rev|revision|batch|lot)\w{0,8}\s?(?:no\.?|number|nummer|nr\.?|n[ºo°]|\#|:)?
         (?:\s(?:is|was|es|ist|est|é))?\s?[\#:]?\s?[a-z]{0,4}\d[\w\-/]{0,30}(?:\s[a-z]{0,3}\d[\w\-/]{0,30}){0,6}
    | \b\d{3}-\d{7}-\d{7}\b                                     # marketplace order ids
    | \#\s?[a-z]{0,4}\d[\d\-]{2,30}                           # #FO81234
    | \b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b
    """,
    re.VERBOSE,
)


def spelled_digits_view(plain: View) -> View:
    """`plain` with "four one five", "double zero", "ninety nine" and "2three4" turned into digits."""
    view = plain
    if DIGIT_WORD_HINT(view.text):
        view = rewrite(view, _DIGIT_WORDS_RE, _digit_word)
        if "o" in view.text:
            view = rewrite(view, _ZERO_LETTER_RE, _zero_letter)
    return view


def digits_view(plain: View) -> View:
    """The `digits` view (see module docstring)."""
    return mask(mask(spelled_digits_view(plain), NOT_PHONE), SYMBOLS, " ")


SYMBOLS = re.compile(r"[^\x00-\x7f\w\s]")
"""Emoji and other symbols between digits ("3 🍕 1 🍕 2") read as separators."""


# --- code -------------------------------------------------------------------------------------------

_INLINE_CODE = re.compile(r"`[^`\n]{1,400}`")
_PROMPT_LINE = re.compile(
    r"(?m)^[ \t]{0,8}(?:\$|>>>|#|[\w.\-]{1,64}@[\w.\-]{1,64}:[~/][^\n$#]{0,200}[$#])[ \t][^\n]{0,2000}$"
)
_DECORATOR = re.compile(r"(?m)^[ \t]{0,16}@[a-z_][\w.]{0,100}(?:\([^\n]{0,500}\))?[ \t]*$", re.IGNORECASE)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where the message quotes code: fenced blocks, inline code, shell prompts, decorator lines."""
    spans: list[tuple[int, int]] = []
    if "```" in text:
        pos = 0
        while True:
            s = text.find("```", pos)
            if s < 0:
                break
            e = text.find("```", s + 3)
            if e < 0:
                spans.append((s, len(text)))
                break
            spans.append((s, e + 3))
            pos = e + 3
    if "`" in text:
        spans.extend(m.span() for m in _INLINE_CODE.finditer(text))
    if "$" in text or ">>>" in text or "#" in text:
        spans.extend(m.span() for m in _PROMPT_LINE.finditer(text))
    if "@" in text:
        spans.extend(m.span() for m in _DECORATOR.finditer(text))
    return sorted(spans)


@dataclass
class Document:
    """One text and its views, computed on first use and shared by every detector."""

    text: str
    region: str | None = None
    """The sender's country, if known: the first region tried for a national phone number."""
    notes: list[str] = field(default_factory=list)
    """What the screener wants the reader to know about how this text was read (caps hit, ...)."""

    @cached_property
    def clean(self) -> View:
        return clean_view(self.text)

    @cached_property
    def plain(self) -> View:
        return plain_view(self.clean)

    @cached_property
    def spelled(self) -> View:
        """`plain` with digit words turned into digits, before anything is masked."""
        return spelled_digits_view(self.plain)

    @cached_property
    def digits(self) -> View:
        return mask(mask(self.spelled, NOT_PHONE), SYMBOLS, " ")

    @cached_property
    def lower(self) -> str:
        """The original lower-cased (same length), for context rules that read around a finding."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else "".join(c.lower()[:1] or c for c in self.text)

    @cached_property
    def code(self) -> list[tuple[int, int]]:
        return code_spans(self.text)

    def in_code(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.code)
