"""Phone numbers in any national format, spelled out, spaced, split by punctuation or written in emoji.

Candidates are runs of 7 to 15 digits in the `digits` view (where "four one five" is already "4 1 5" and
dates, prices and versions are masked); `phonenumbers` decides whether a run is a number, trying the
sender's region first and then a list of common ones. A run that is not a valid number still counts when
a call/text/number word stands next to it, in any of the screener's languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.text import numbers_asia
from marketguard.core.text.digits import mask_not_phone
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import DIGIT_WORDS, SYMBOLS, Document
from marketguard.core.text.prefilter import Prefilter
from marketguard.core.text.scripts import UNSPACED
from marketguard.core.text.view import View, mask

if TYPE_CHECKING:
    import phonenumbers


def _phonenumbers() -> ModuleType:
    """Imported on first use: its metadata is large and most messages hold no candidate number."""
    import phonenumbers

    return phonenumbers


_CANDIDATE = lazy_compile(
    r"(?=[\d+ \t(])"  # what a candidate starts with, tested first: most positions fail here, and fast
    # a word of a script written without spaces bounds a number as a space does: "我电话13912345678", "3815입니다"
    rf"(?:(?<![\w#@/.\-+])|(?<=[{UNSPACED}]))"
    r"(?P<plus>\+[ \t]?|00)?[ \t(]{0,2}\d(?:[ \t().\-–—/,_*|~…]{0,5}\d){6,16}"
    r"(?:\s?(?:x|ext\.?|extension|доб\.?)\s?\d{1,6})?"  # an extension: 555-0198x42
    rf"(?:(?![\w#])|(?=[{UNSPACED}]))"
)
_NUMBER_FOR = lazy_compile(r"(?:number|nummer|n[uú]mero|num[ée]ro|\bno\.?)\s(?:for|of|on)\s")
"""A reference number named, then what it is for: the mask then reads further back, to the reference word."""
_EXTENSION = lazy_compile(r"\s?(?:x|ext\.?|extension|доб\.?)\s?\d{1,6}$")
_CONTEXT = lazy_compile(
    r"(?<!\w)(?:phone|number|numbers|num|no\.|nr|cell|cellphone|mobile|mob|call|calls|text|txt|sms|ring|dial|"
    r"whats\s?app|wa|viber|telegram|signal|reach|contact|tel|ph|imo|line|wechat|"
    r"n[uú]mero|tel[eé]fono|telefone|celular|cel|zap|liga|ligar|llama|llamar|llámame|m[oó]vil|"
    r"t[eé]l[eé]phone|portable|appelle|appelez|num|nummer|handy|telefon|anrufen|ruf|"
    r"номер|телефон|тел|звони|позвони|звоните|ватсап|вотсап|телеграм|мобильный)(?!\w)"
    rf"|{numbers_asia.PHONE_WORDS}"  # ja, zh, ko, th, bn, ur, fa, sw, ms
)
_PARTIAL = lazy_compile(
    r"(?:(?:my|mi|meu|mon|meine|mein|мой)\s(?:\w+\s)?(?:number|phone|cell|mobile|whats\s?app|wa|n[uú]mero|nummer|"
    r"номер|telefone|tel[eé]fono|celular|t[ée]l[ée]phone|handynummer)(?:\s(?:is|es|é|est|ist|no|:))?"
    r"|(?:call|text|whats\s?app|reach|ring)\s(?:me\s)?(?:at|on))"
    r"[,:\-]?\s?(?:it'?s\s)?(?P<digits>\+?\d{1,3}(?:[\s.\-]?\d){1,5})\s*$"
    r"|(?:^|\s)(?P<intl>\+\d{1,3}(?:[\s.\-]?\d){2,6})\s*$"
    r"|(?:number|nummer|n[uú]mero|номер|phone|tel|cel|handy)\s?:\s?(?P<labelled>\d(?:[\s.\-]?\d){1,6})\s*$"
)
_PARTIAL_HINT = PLAIN.hint(_PARTIAL.pattern)
_TWO_DIGITS = PLAIN.hint(r"\d\D*\d")
"""Two digits anywhere in `plain`, answered by the gate's shared pass (every Unicode digit is ASCII by then)."""
_ASCII_DIGITS = "0123456789"
_DIGIT_GROUP = lazy_compile(r"\d[\d\s.\-]*\d|\d")
_PIECEWISE = lazy_compile(
    r"\b(?:area\scode|last\s(?:4|four|3|three)(?:\sdigits)?|first\s(?:3|three|4|four)(?:\sdigits)?|the\smiddle|"
    r"(?:put|add)\s\d{2,4}\s(?:before|after|in\sfront)|(?:before|after)\s(?:it|that)\b[^.!?\n]{0,20}\d{2,4})"
)
_COUNTING = "01234567890123456789"
_MAX_CANDIDATES = 200
"""Each candidate costs a phonenumbers parse; a text with more is flooding, and the first ones decide."""
_PIECEWISE_HINT = PLAIN.hint(
    r"area\scode|digits|middle|before|after|last\s(?:4|four|3|three)|first\s(?:3|three|4|four)"
)
_VANITY = lazy_compile(
    r"(?<![\w+])(?:\+?1[\s.\-]?)?\(?[2-9]\d{2}\)?[\s.\-]?(?P<rest>[\dA-Z]{3}[\s.\-]?[\dA-Z]{4,7})(?![\w])"
)
_VANITY_CAPITALS = Prefilter(
    [r"[2-9]\p{Nd}{2}\)?(?s:.)?[\p{Nd}A-Z]{3}(?s:.)?[\p{Nd}A-Z]{4}"], ready=True, case_sensitive=True
)
"""A superset of `_VANITY` for RE2, capitals and all, asked about the original text: Unicode digits as `re`'s
`\\d` reads them, any one character for a separator, the leading "+1 (" and the longer endings left out. The
shared gate's lower-case hint let through any three digits followed by words ("450 for the logo"), a seventh
of chat, and its counted classes grew the gate's automaton for every message."""
_KEYS = ("", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ")
_KEYPAD = str.maketrans({c: str(digit) for digit, letters in enumerate(_KEYS) for c in letters})
""""312-555-LOGO": a vanity number, its last digits spelled on the keypad's letters (capitals, as printed)."""
_LETTER_DIGITS = lazy_compile(r"(?<![a-z0-9])(?=[a-z0-9]{0,11}\d)(?=[a-z0-9]{0,11}[oil])[\doil]{3,12}(?![a-z0-9])")
_LETTER_DIGIT_HINT = PLAIN.hint(r"\d[oil]|[oil]\d")
_AS_DIGITS = str.maketrans("oil", "011")
""""4I5", "OI99": a group of digits with an O for 0 or an I or l for 1 in it (a group of letters alone is a word)."""


def _as_digits(m: re.Match[str]) -> str:
    group = m.group()
    return group.translate(_AS_DIGITS) if sum(c.isdigit() for c in group) * 2 >= len(group) else group


_IBAN_BEFORE = lazy_compile(r"[A-Z]{2}\d{2}[ \t]?$")
""""DE95 3704 0044": the groups after an IBAN's country code and check digits are an account, not a phone."""
_PHONE_SHAPE = lazy_compile(r"^\+|^\(?\d{2,4}\)?[\s.\-]\d{3,4}[\s.\-]\d{3,4}$")


_LANGUAGE_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        lazy_compile(r"\b(?:num[ée]ro|t[ée]l[ée]phone|portable|appelle|appelez|mon|ma|je|tu|vous)\b"),
        ("FR", "BE", "CH", "CA"),
    ),
    (lazy_compile(r"\b(?:n[uú]mero|tel[eé]fono|celular|ll[aá]mame|escr[ií]beme|mi|tu|es)\b"), ("ES", "MX", "AR", "CO")),
    (lazy_compile(r"\b(?:meu|minha|celular|zap|whats|liga|chama|é|você|vc)\b"), ("BR", "PT")),
    (lazy_compile(r"\b(?:nummer|handy|telefon|ruf|mich|meine|ich|du)\b"), ("DE", "AT", "CH")),
    (lazy_compile(r"(?:номер|телефон|звони|мой|мне|вотсап|ватсап)"), ("RU", "UA", "KZ")),
    (lazy_compile(r"\b(?:uk|british|england|london|scotland|wales)\b"), ("GB",)),  # "UK mobile, oh seven seven ..."
    *((lazy_compile(p), regions) for p, regions in numbers_asia.REGION_HINTS),  # scripts of Asia, sw, ms words
)


_LANGUAGE_HINTS = [PLAIN.hint(p.pattern) for p, _ in _LANGUAGE_REGIONS]
"""Which languages' words may occur at all: most texts name none, and counting them with `re` is slow."""


def language_regions(text: str) -> tuple[str, ...]:
    """Regions to try first for a national number, guessed from the language around it: "mon numéro:
    06 12 34 56 78" is French before it is German. The sender's own region, when known, comes before these."""
    scores = [
        (len(p.findall(text)) if hint(text) else 0, regions)
        for (p, regions), hint in zip(_LANGUAGE_REGIONS, _LANGUAGE_HINTS, strict=True)
    ]
    best = max(scores, key=lambda s: s[0])
    return best[1] if best[0] >= 1 else ()


class PhoneDetector(Detector):
    info = DetectorInfo(
        id="contact.phone",
        family="contact",
        kinds=("contact.phone",),
        version="1.0.0",
        description="Phone numbers validated by phonenumbers, including spelled, spaced and emoji digits.",
        cost="moderate",
    )

    def detect(self, doc: Document) -> list[Finding]:
        if not _TWO_DIGITS(doc) and not DIGIT_WORDS(doc):
            return []
        view = doc.spelled
        unmasked = view.text
        if _LETTER_DIGIT_HINT(doc):  # "4I5-555-OI99": letters that look like digits, inside runs of digits
            unmasked = _LETTER_DIGITS.sub(_as_digits, unmasked)
            view = View(unmasked, view.starts)
        if not view.text.isascii():
            view = mask(view, SYMBOLS, " ")  # "3 🍕 1 🍕 2": emoji between digits are separators
        text = view.text
        out: list[Finding] = []
        # every announced start ends the text with a digit: most texts need not be searched for one
        ends_in_digit = text.rstrip()[-1:].isdigit()
        for m in _PARTIAL.finditer(text, max(0, len(text) - 120)) if ends_in_digit and _PARTIAL_HINT(text) else ():
            # "my number is 415": the first digits of a number that the next message completes
            group = next(g for g in ("digits", "intl", "labelled") if m.group(g) is not None)
            start, end = view.span(m.start(group), m.end(group))
            digits = "".join(c for c in m.group(group) if c.isdigit())
            out.append(
                Finding(
                    "contact.phone", 0.7, start, end, digits, "the first digits of a phone number, announced as such"
                )
            )
        total_digits = sum(map(text.count, _ASCII_DIGITS))  # the views hold ASCII digits only (see `clean`)
        if total_digits >= 3 and _VANITY_CAPITALS.candidates(doc.text):
            out.extend(self._vanity(doc))
        if total_digits < 7:
            return out
        if _PIECEWISE_HINT(text) and _PIECEWISE.search(text):
            groups = list(_DIGIT_GROUP.finditer(text))
            start, end = view.span(groups[0].start(), groups[-1].end())
            value = "".join(c for g in groups for c in g.group() if c.isdigit())
            out.append(
                Finding(
                    "contact.phone",
                    0.8,
                    start,
                    end,
                    value,
                    "the digits of a phone number given piece by piece, out of order",
                )
            )
        hinted: tuple[str, ...] | None = None
        for n, (c_start, c_end, c_text, plus) in enumerate(self._candidates(text, unmasked)):
            if n >= _MAX_CANDIDATES:
                break
            raw = _EXTENSION.sub("", c_text)
            digits = "".join(c for c in raw if c.isdigit())
            if plus and raw.startswith("00"):
                digits = digits[2:]
            if not 7 <= len(digits) <= 15 or digits in _COUNTING or len(set(digits)) == 1:
                continue  # "1 2 3 4 5 6 7 8 9" and "0000000" are counting and filler, not numbers
            if "," in raw and any(sum(c.isdigit() for c in part) > 1 for part in raw.split(",")[1:]):
                start, end = view.span(c_start, c_end)
                if not any(c.isalpha() for c in doc.text[start:end]):
                    continue  # "bus 8, 22, 65, 61": a list of numbers; commas separate only spelled digits
            start, end = view.span(c_start, c_end)
            if _IBAN_BEFORE.search(doc.text, max(0, start - 6), start):
                continue
            original = doc.text[start:end]
            context = _CONTEXT.search(text, max(0, c_start - 48), c_start) or _CONTEXT.search(text[c_end : c_end + 24])
            disguised = any(c.isalpha() for c in original) or not original.isascii()
            if hinted is None:
                hinted = language_regions(text[:2000])  # once per text, and from its beginning only
            found = self._parse(digits, plus, doc.region, hinted)
            if found is not None:
                number, region = found
                pn = _phonenumbers()
                value = pn.format_number(number, pn.PhoneNumberFormat.E164)
                if plus or context or disguised:
                    score = 0.95
                elif _PHONE_SHAPE.search(raw.strip()):
                    score = 0.8
                elif len(digits) > 10 and raw.strip().isdigit():
                    score = 0.5  # a long unformatted run with no context: more likely a code than a number
                else:
                    score = 0.6
                where = "international" if plus else f"read as {region}"
                reason = f"a valid phone number ({where})"
            elif context or disguised:
                value, score = digits, 0.75 if context else 0.7
                reason = "a run of digits next to a call/text/number word" if context else "digits spelled out"
            else:
                continue
            if disguised:
                reason += ", written in disguise"
            out.append(Finding("contact.phone", score, start, end, value, reason))
        return out

    @staticmethod
    def _vanity(doc: Document) -> list[Finding]:
        """Vanity numbers: three or more capital letters for digits, read off the keypad, beside a call word and
        valid as a number of the North American plan (where vanity numbers are printed)."""
        out: list[Finding] = []
        for m in _VANITY.finditer(doc.text):
            rest = m.group("rest")
            near = doc.lower[max(0, m.start() - 48) : m.end() + 24]
            if sum(c.isalpha() for c in rest) < 3 or not _CONTEXT.search(near):
                continue  # capitals after digits are model names and shouting ("300 KMS AWAY") without a call word
            digits = "".join(c for c in m.group().translate(_KEYPAD) if c.isdigit())
            digits = digits[:11] if digits.startswith("1") else digits[:10]  # "1-800-FLOWERS": extra letters
            pn = _phonenumbers()
            try:
                number = pn.parse(digits, "US")
            except pn.NumberParseException:
                continue
            if not pn.is_valid_number(number):
                continue
            value = pn.format_number(number, pn.PhoneNumberFormat.E164)
            reason = "a vanity phone number (keypad letters)"
            out.append(Finding("contact.phone", 0.9, m.start(), m.end(), value, reason))
        return out

    @staticmethod
    def _candidates(text: str, unmasked: str) -> Iterator[tuple[int, int, str, bool]]:
        """(start, end, text, has_plus) of digit runs that survive masking of dates, prices, versions and
        reference numbers. The mask runs only on a window around each run: it is the slowest pattern here,
        and most text has no run at all."""
        for m in _CANDIDATE.finditer(text):
            ws, we = max(0, m.start() - 48), min(len(text), m.end() + 8)
            masked = mask_not_phone(unmasked[ws:we])  # "n° 4417": symbols matter
            if ws and "#" not in masked[m.start() - ws : m.end() - ws] and _NUMBER_FOR.search(unmasked, ws, m.start()):
                # "tracking number for the printed samples is 1Z …": the reference word may lie further back
                ws = max(0, m.start() - 80)
                masked = mask_not_phone(unmasked[ws:we])
            if "#" not in masked[m.start() - ws : m.end() - ws]:
                yield m.start(), m.end(), m.group(), m.group("plus") is not None
                continue
            for sub_m in _CANDIDATE.finditer(masked, m.start() - ws, m.end() - ws):
                yield sub_m.start() + ws, sub_m.end() + ws, sub_m.group(), sub_m.group("plus") is not None

    def _parse(
        self, digits: str, plus: bool, region: str | None, hinted: tuple[str, ...] = ()
    ) -> tuple[phonenumbers.PhoneNumber, str | None] | None:
        pn = _phonenumbers()
        if plus:
            try:
                number = pn.parse("+" + digits, None)
            except pn.NumberParseException:
                return None
            if pn.is_valid_number(number) or pn.is_possible_number(number):
                return number, None  # the country code says where; no region needed (and finding it is slow)
            return None
        if region is not None:
            regions: tuple[str, ...] = (region, *hinted, *self.config.regions)
        elif len(digits) >= 8:
            regions = (*hinted, *self.config.regions)
        else:
            return None  # seven bare digits are a valid local number somewhere in the world: not evidence
        for r in regions:
            try:
                number = pn.parse(digits, r)
            except pn.NumberParseException:
                continue
            # a valid number always has a possible length, and the length test is four times cheaper:
            # most regions tried for someone else's number fail it
            if pn.is_possible_number(number) and pn.is_valid_number(number):
                return number, r
        return None
