"""The `digits` view: digit words turned into digits, and what only looks like a phone number masked.

"four one five", "double zero", "ninety nine", "2three4", in six languages; then dates, times, prices,
versions, IP addresses and reference numbers are masked, so that what is left that looks like a phone
number probably is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from marketguard.core.text import numbers_asia
from marketguard.core.text.clean import LETTER
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.numbers import (
    DIGIT_WORDS,
    HUNDRED_WORDS,
    HUNDREDS_WORDS,
    MORE_DIGIT_WORDS,
    REPEAT_WORDS,
    TEEN_WORDS,
    TENS_AFTER_WORDS,
    TENS_WORDS,
)
from marketguard.core.text.prefilter import Hint, Pruned
from marketguard.core.text.view import View, mask, rewrite

_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in DIGIT_WORDS), key=len, reverse=True))
_REPEAT_WORD = "|".join(sorted((re.escape(w) for w in REPEAT_WORDS), key=len, reverse=True))
_TENS_WORD = "|".join(sorted((re.escape(w) for w in TENS_WORDS), key=len, reverse=True))
_TEEN_WORD = "|".join(sorted((re.escape(w) for w in TEEN_WORDS), key=len, reverse=True))
_HUNDREDS_WORD = "|".join(sorted((re.escape(w) for w in HUNDREDS_WORDS), key=len, reverse=True))
_WORD_PARTS = [
    (kind, word)
    for kind, words in (
        ("number", DIGIT_WORDS),
        ("repeat", REPEAT_WORDS),
        ("tens", TENS_WORDS),
        ("teen", TEEN_WORDS),
        ("hundred", HUNDRED_WORDS),
        ("hundreds", HUNDREDS_WORDS),
        ("puluh", {w: k for w, k in TENS_AFTER_WORDS.items() if k == "tens"}),
        ("belas", {w: k for w, k in TENS_AFTER_WORDS.items() if k == "teen"}),
    )
    for word in sorted(words, key=len, reverse=True)
]


_A_DIGIT = r"\d"


def _digit_words_regex(kept: Sequence[int]) -> str:
    """The digit-word pattern over the words in `kept` (indices into `_WORD_PARTS`); a kind with no word
    left keeps its group, as a branch that never matches, so that `_digit_word` can ask for it."""
    words: dict[str, list[str]] = {
        "number": [],
        "repeat": [],
        "tens": [],
        "teen": [],
        "hundred": [],
        "hundreds": [],
        "puluh": [],
        "belas": [],
    }
    for i in kept:
        kind, word = _WORD_PARTS[i]
        words[kind].append(re.escape(word))

    def either(kind: str, *extra: str) -> str:
        return "|".join([*words[kind], *extra]) or "(?!)"

    # Every branch begins with a kept word, so a match can only start at one of their first letters: asked first,
    # that one-character test turns away most positions before the look-behind and nine branches are tried
    # (the same matches, in half the time).
    firsts = "".join(sorted({re.escape(_WORD_PARTS[i][1][0]) for i in kept}))
    return (
        (rf"(?=[{firsts}])" if firsts else "")
        + rf"(?<!{LETTER})(?:"
        # Indonesian: a digit, then "puluh" (tens) and a unit, or "belas" (teen): "dua puluh lima" 25, "tiga belas" 13
        rf"(?P<pdig>{either('number')})\s(?:{either('puluh')})(?:\s(?P<punit>{either('number')}))?"
        rf"|(?P<bdig>{either('number')})\s(?:{either('belas')})"
        rf"|(?P<hund>{either('number')})[\s\-]?(?:{either('hundred')})"  # "nine hundred", "four hundred fifteen"
        rf"(?:(?:\s(?:and|und)\s|[\s\-]{{1,2}})(?:(?P<htens>{either('tens')})(?:[\s\-]{{1,2}}(?P<hunit>{either('number')}))?"
        rf"|(?P<hteen>{either('teen')})))?"
        # a hundreds word, then tens, a teen or a unit: "пятьсот пятьдесят пять" 555, "novecento tre" 903
        rf"|(?P<hw>{either('hundreds')})(?:[\s\-]{{1,2}}(?:(?P<hwtens>{either('tens')})(?:(?:[\s\-]{{1,2}}|\s(?:y|e|и)\s)"
        rf"(?P<hwunit>{either('number')}))?|(?P<hwteen>{either('teen')})|(?P<hwone>{either('number')})))?"
        rf"|(?P<tens>{either('tens')})(?:(?:[\s\-]{{1,2}}|\s(?:y|e|и|und|at)\s|'t\s)(?P<unit>{either('number')}))?"
        rf"|(?P<teen>{either('teen')})"
        rf"|(?:(?P<rep>{either('repeat')})[\s\-]{{1,3}})(?P<repeated>{either('number', 'oh', 'o', _A_DIGIT)})"
        rf"|(?P<word>{either('number')})"
        rf")(?!{LETTER})"
    )


class _BoundedWords(Pruned):
    """A `Pruned` alternation of words, each probed bounded by non-letters, that answers an ASCII text's probe
    without RE2.

    The RE2 probe of a word `w` is `(?:^|[^a-z])w(?:$|[^a-z])`, case-insensitive (`widen` makes "not a letter" ASCII).
    In an ASCII text that finds exactly the words of ASCII letters that are a whole run of letters of the lower-cased
    text, and the hyphenated words that occur there between non-letters; a word with another letter (Cyrillic, "ę")
    can only be found through a case fold to ASCII ("ſ", the Kelvin sign), and no word here has one (checked at
    construction, else every text goes to RE2). The same parts as the RE2 pass, so the same pattern: a split and a
    lookup where the set of 458 words kept building automaton states (callgrind: ~230,000 instructions a call after
    15,000 messages, 4 % of the contact+payment path).
    """

    def __init__(self, words: Sequence[str], build: Callable[[Sequence[int]], str]) -> None:
        super().__init__(words, build, probe=lambda w: rf"(?<!{LETTER}){re.escape(w)}(?!{LETTER})")
        self._runs = {w: i for i, w in enumerate(words) if _ASCII_RUN.fullmatch(w)}
        self._other = [
            (i, re.compile(rf"(?<![a-z]){re.escape(w)}(?![a-z])"), w)
            for i, w in enumerate(words)
            if w.isascii() and i not in self._runs.values()
        ]
        self._exact = all(w.isascii() or any(ord(c) > 127 and c not in _FOLDS_TO_ASCII for c in w) for w in words)

    def for_text(self, text: str) -> re.Pattern[str] | None:
        if not self._exact or not text.isascii():
            return super().for_text(text)
        low = text.lower()
        runs = self._runs
        found = [runs[w] for w in set(_ASCII_RUN.findall(low)) if w in runs]
        found += [i for i, pattern, w in self._other if w in low and pattern.search(low)]
        return self._compiled(tuple(sorted(found))) if found else None


_ASCII_RUN = re.compile(r"[a-z]+")
_FOLDS_TO_ASCII = frozenset("\u017f\u212a")
"""Non-ASCII characters that RE2's case folding matches with an ASCII letter: "ſ" (s) and the Kelvin sign (k)."""

_DIGIT_WORDS_PARTS = _BoundedWords([word for _, word in _WORD_PARTS], _digit_words_regex)
"""Digit words as one pattern, run with only the words a text may hold (a hundred words tried at every
position cost tens of microseconds; the two or three a message holds, almost nothing)."""
_DIGIT_WORDS_RE = _DIGIT_WORDS_PARTS.pattern
# `(?<!{LETTER})(?:oh|o)(?!{LETTER})` led by its literal "o", which `re` finds in C instead of trying the pattern at
# every position: the look-behind then reads the character before the "o" (the same matches)
_ZERO_LETTER_RE = lazy_compile(rf"o(?<!{LETTER}o)(?:h(?!{LETTER})|(?!{LETTER}))")
_GLUED_WORD = "|".join(
    sorted((re.escape(w) for w in DIGIT_WORDS if len(w) >= 3 and w not in MORE_DIGIT_WORDS), key=len, reverse=True)
)
"""Digit words that may be glued into one token ("fivefive", "sixfourzero"); "un" and "um" are too short to tell
from the inside of other words."""
_GLUED_RE = lazy_compile(rf"(?<!{LETTER})(?:{_GLUED_WORD}){{2,}}(?!{LETTER})")
_ONE_GLUED_RE = lazy_compile(_GLUED_WORD)
DIGIT_WORD_HINT = Hint(
    rf"(?<!{LETTER})(?:{_NUMBER_WORD}|{_REPEAT_WORD}|{_TENS_WORD}|{_TEEN_WORD}|{_HUNDREDS_WORD})(?!{LETTER})"
    # glued words from a word's start only: unbounded, the gate's automaton would follow "on", "tw", "fi" … inside
    # every word of every message
    rf"|(?<!{LETTER})(?:{_GLUED_WORD})(?:{_GLUED_WORD})"
    # CJK numerals and Korean digit syllables, in runs (`numbers_asia`)
    rf"|{numbers_asia.CJK_DIGITS.pattern}"
)


def _glued_words(m: re.Match[str]) -> str:
    """ "fivefive" is 55: a token made only of digit words, each one a digit."""
    return "".join(DIGIT_WORDS[w] for w in _ONE_GLUED_RE.findall(m.group()))


def _digit_word(m: re.Match[str]) -> str | None:
    if m.group("pdig") is not None:
        unit = m.group("punit")
        return DIGIT_WORDS[m.group("pdig")] + (DIGIT_WORDS[unit] if unit else "0")
    if m.group("bdig") is not None:
        return "1" + DIGIT_WORDS[m.group("bdig")]
    if m.group("hund") is not None:
        head = DIGIT_WORDS[m.group("hund")]
        if m.group("htens") is not None:
            unit = m.group("hunit")
            return head + str(TENS_WORDS[m.group("htens")]) + (DIGIT_WORDS[unit] if unit else "0")
        return head + (TEEN_WORDS[m.group("hteen")] if m.group("hteen") is not None else "00")
    if m.group("hw") is not None:
        head = HUNDREDS_WORDS[m.group("hw")]
        if m.group("hwtens") is not None:
            unit = m.group("hwunit")
            return head + str(TENS_WORDS[m.group("hwtens")]) + (DIGIT_WORDS[unit] if unit else "0")
        if m.group("hwteen") is not None:
            return head + TEEN_WORDS[m.group("hwteen")]
        one = m.group("hwone")
        return head + ("0" + DIGIT_WORDS[one] if one is not None else "00")
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


_MONTH_CONTEXT = lazy_compile(r"\d\s?sept|sept\.?\s?\d")


def _zero_letter(m: re.Match[str]) -> str | None:
    """'oh' or 'o' is zero only with a digit close on either side ("five oh one")."""
    text = m.string
    before = text[max(0, m.start() - 3) : m.start()]
    after = text[m.end() : m.end() + 3]
    if any(c.isdigit() for c in before) or any(c.isdigit() for c in after):
        return "0"
    return None


# What looks like a run of digits but is not a phone number: masked before phones are looked for.
_NOT_PHONE_BRANCHES = (
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",  # 2024-05-17
    r"\b(?:[0-2]?\d|3[01])[/.](?:[0-2]?\d|3[01])[/.](?:\d{4}|\d{2})\b(?![/.]\d)",  # 17/05/2024, 5.17.24
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?",  # 10:30, 10:30 pm
    r"\b\d{1,2}\s?[ap]\.?m\b\.?",  # 5pm
    r"[$€£¥₹₽]\s?(?:\d{1,3}(?:[,.\s]\d{3}){1,5}|\d{1,7})(?:[.,]\d{1,2})?(?![.,]?\d)",  # $1,200.00 (not $917.555.0188)
    # 1.500,00 €, 20%, and a range of amounts: "2500-3000 USD"
    r"\b(?:\d{1,7}(?:[.,]\d{1,2})?\s?[-–]\s?)?(?:\d{1,3}(?:[,.\s]\d{3}){1,5}|\d{1,7})(?:[.,]\d{1,2})?\s?"
    r"(?:usd|eur|gbp|inr|brl|rub|pln|usdt|dollars?|euros?|reais|rubles?|z[łl]|k\b|€|\$|%)",
    r"\bv\d{1,4}(?:\.\d{1,4}){1,4}\b",  # v2.10.3
    r"(?<![\d/\-])(?<!\d\.)\d{1,2}\.\d{1,2}\.\d{1,4}(?!\d|\.\d|/|-\d)",  # 3.11.4, 20.10.0 (not 0.9.1.8)
    r"\b(?=[\d.]{0,14}\d\d)\d{1,3}(?:\.\d{1,3}){3}\b",  # IPv4 with a multi-digit group
    r"(?<![\d\-.)(])\b\d{1,5}\s?[x×]\s?\d{1,5}\b",  # 1920x1080 (not 555-0198x42)
    r"\b(?:19|20)\d\d[.\-/]\d{1,2}[.\-/]\d{1,6}\b",  # 2024.06.1873 build stamps
    # "po": a purchase order, not Tagalog's polite "po" before a Philippine mobile ("gcash ko po 0917 …")
    r"(?:order|invoice|inv|ticket|ref|reference|id|sku|tracking|case|po(?!\s(?:\+?63\s?|0)9\d\d)|pedido|factur|fatura|commande|"
    r"rechnung|bestell|auftrag|kunden|sendung|заказ|счет|счёт|code|ean|upc|isbn|gtin|barcode|serial|imei|"
    r"part|model|build|release|version|ver|rev|revision|batch|lot|waybill|awb|consignment|shipment|parcel|"
    r"guía|guia|envío|envio|rastreio|suivi|colis|lieferschein|paket|накладн|посылк|трек|"
    # an article or catalogue number: "артикул 4470-018", "Artikelnr. 55-0193"
    r"артикул|арт\.|article|artikel|art\.-?nr|art[ií]culo|artigo|réf|item|catalog|katalog|каталог|"
    # an analytics property, a serial: "property 412883019", "serial SN 4471-0093"
    r"property|propiedad|propriedade|propriété|propriet[àa]|"
    # it, pl, tr, id: order, invoice, shipment
    r"ordine|fattur|spedizion|zam[óo]wieni|faktur|przesy[łl]k|sipari[şs]|kargo|pesanan|"
    # a line of a log or a file: "see log line 0917 555"
    r"log\sline|error\sline|(?:at|on)\sline)\w{0,8}\s?(?:(?:no\.?|number|nummer|numaras[iı]|nr\.?|n\.?\s?[ºo°]\.?|\#)"
    # what the number is for, then "is": "tracking number for the printed samples is 1Z 999 …"
    r"(?:\s(?:for|of|on)(?:\s[^\W\d]+){1,4}?\s(?:is|was|are)\b)?|:|sn|s/n)?"
    r"(?:\s(?:is|was|es|ist|est|é))?\s?[\#:]?\s?[a-zA-Z]{0,4}\d[\w\-/]{0,30}(?:\s[a-zA-Z]{0,3}\d[\w\-/]{0,30}){0,6}",
    # a price in instalments: "3 milestones: 650 / 800 / 700", "parcelas: 500 + 500"; no group starts with 0, as
    # the pieces of a phone number often do ("415 / 555 / 0134")
    r"(?:milestones?|installments?|instalments?|tranches?|payments?|phases?|stages?|parcelas?|cuotas?|plazos?|"
    r"hitos?|raten|teilzahlungen|meilensteine?|échéances|jalons?|этап\w*|транш\w*|платеж\w*)\s?(?:of\s)?[:=\-–]?\s?"
    r"[1-9]\d{1,5}(?:\s?[/+,;|]\s?[1-9]\d{1,5}){1,5}(?!\s?[/+,;|]?\s?\d)",
    r"\b\d{3}-\d{7}-\d{7}\b",  # marketplace order ids
    # a bank account "in the name of" its holder (Indonesian "a.n.", "atas nama"): not a mobile, which starts 0 or +
    # (the holder's words are consumed, not looked ahead at: the branch's RE2 probe then needs them too, and a text
    # with digits but no holder does not run it)
    r"(?<![\d+])(?<!\d\s)(?<!\d[.\-])[1-9]\d{2,5}(?:[\s.\-]?\d{2,5}){1,4}\s?(?:a\.\s?n\.|a/n\b|atas\snama\b)",
    r"\#\s?[a-z]{0,4}\d[\d\-]{2,30}",  # #FO81234
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",  # a UUID
    *numbers_asia.NOT_PHONE_BRANCHES,  # order numbers and prices in ja, zh, ko, th, bn, ur, fa, sw, ms, Devanagari hi
)
NOT_PHONE_PARTS = Pruned(_NOT_PHONE_BRANCHES, lambda kept: "|".join(_NOT_PHONE_BRANCHES[i] for i in kept))
"""`NOT_PHONE` run as only the branches that can match a given text: most texts meet one or two."""
NOT_PHONE = NOT_PHONE_PARTS.pattern


def mask_not_phone(text: str, fill: str = "#") -> str:
    """`text` with every `NOT_PHONE` match overwritten by `fill` (same length, so offsets hold)."""
    pattern = NOT_PHONE_PARTS.for_text(text)
    return text if pattern is None else pattern.sub(lambda m: fill * (m.end() - m.start()), text)


def spelled_digits_view(plain: View, words: bool | None = None) -> View:
    """`plain` with "four one five", "double zero", "ninety nine" and "2three4" turned into digits.

    `words` is the caller's answer to `DIGIT_WORD_HINT` when it has one already (the document's gate)."""
    view = plain
    if words if words is not None else DIGIT_WORD_HINT(view.text):
        if _GLUED_RE.search(view.text) is not None:
            view = rewrite(view, _GLUED_RE, _glued_words)
        pattern = _DIGIT_WORDS_PARTS.for_text(view.text)
        if pattern is not None:
            view = rewrite(view, pattern, _digit_word)
        if "o" in view.text:
            view = rewrite(view, _ZERO_LETTER_RE, _zero_letter)
        if not view.text.isascii() and numbers_asia.CJK_DIGITS.search(view.text) is not None:
            view = rewrite(view, numbers_asia.CJK_DIGITS, numbers_asia.cjk_digits)  # "一三八", "공일공"
    return view


def digits_view(plain: View) -> View:
    """The `digits` view (see module docstring)."""
    return mask(mask_not_phone_view(spelled_digits_view(plain)), SYMBOLS, " ")


def mask_not_phone_view(view: View) -> View:
    """`mask(view, NOT_PHONE)`, running only the branches that can match."""
    text = mask_not_phone(view.text)
    return view if text == view.text else View(text, view.starts)


SYMBOLS = lazy_compile(r"[^\x00-\x7f\w\s]")
"""Emoji and other symbols between digits ("3 🍕 1 🍕 2") read as separators."""
