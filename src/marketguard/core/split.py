"""Details split over several messages: when to look, and how to put the pieces back together.

"my number is 415" then "555 0198"; "tele" then "gram @ruslan"; "meet" then ".google.com/x". The engine
joins a message with the sender's recent ones and runs the detail detectors over the result; this module
decides whether that is worth doing (most messages are not pieces of anything) and yields the joinings:
with spaces, and with one or every boundary glued where a word or a detail looks cut in two.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from marketguard.core.text.digits import spelled_digits_view
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import DIGIT_WORD_HINT
from marketguard.core.text.prefilter import Hint
from marketguard.core.text.view import View

_GLUE_AFTER = ".:/_-#"
_PIECE_HINT = Hint(
    r"^\W{0,3}\+?\d{2,}|\d{3,}\W{0,3}$|@|\b(?:number|phone|cell|mail|gmail|email|whats|tele|sky|insta|ig|discord|signal|"
    r"wechat|viber|zap|handle|username|nick|dot|paypal|wise|usdt|btc|eth|wallet|iban|bank|pix|chave|correo|n[uú]mero|"
    r"nummer|handy|номер|почт|ник|телег|ватс|skype|t\.me|wa\.me)"
)
"""What a piece of a split detail tends to hold: digits at its start or end ("my number is 415", "555 0198"),
an '@', or a contact or payment word. Digits inside a sentence ("2 days", "v2.11.0") do not count."""


_CHAT_WORDS = frozenset(
    [
        "ok",
        "okay",
        "k",
        "kk",
        "thanks",
        "thank",
        "thx",
        "ty",
        "you",
        "u",
        "yes",
        "yeah",
        "yep",
        "yup",
        "no",
        "nope",
        "sure",
        "great",
        "good",
        "sounds",
        "cool",
        "perfect",
        "will",
        "do",
        "see",
        "tomorrow",
        "today",
        "tonight",
        "later",
        "soon",
        "np",
        "hi",
        "hello",
        "hey",
        "bye",
        "done",
        "awesome",
        "nice",
        "got",
        "it",
        "lol",
        "haha",
        "hahaha",
        "alright",
        "fine",
        "the",
        "a",
        "an",
        "to",
        "i",
        "me",
        "my",
        "we",
        "us",
        "it",
        "is",
        "that",
        "this",
        "sounds",
        "good",
        "works",
        "for",
        "now",
        "then",
        "so",
        "and",
        "or",
        "but",
        "agreed",
        "deal",
        "right",
        "exactly",
        "understood",
        "noted",
        "yes!",
        "sure!",
        "thanks!",
        "ok!",
        "great!",
        "perfect!",
        "cheers",
        "welcome",
        "morning",
        "evening",
        "night",
        "please",
        "pls",
        "plz",
        "ready",
        "wait",
        "moment",
        "sec",
        "one",
        "minute",
        "hmm",
        "wow",
        "true",
    ]
)
"""Everyday chat words: a short message made only of these ("ok, thanks!") is not a piece of a detail."""


def _is_short(text: str) -> bool:
    words = text.split()
    if len(words) > 3:
        return False
    return not all(w.strip(".,!?:;'\"()").lower() in _CHAT_WORDS for w in words)


def _looks_like_a_piece(text: str) -> bool:
    """A message that could hold part of a split detail: a digit or digit word, an '@', a contact or
    payment word, or just a few words."""
    return _is_short(text) or _PIECE_HINT(text) or DIGIT_WORD_HINT(text)


_FRAGMENT_CHARS = 80
"""Longer messages are whole thoughts; a piece of a split detail is short, or sits beside a short one."""


_WHOLE_ADDRESS = lazy_compile(r"(?i)[\w.+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}$")
"""A message ending in a whole e-mail address ("bram.visser@outlook.com"): the next message's first word begins
something new, not the address's last letters."""


def _whole_before(piece: str, prev: str, nxt: str) -> bool:
    """Whether the boundary after `piece` (last character `prev`, next `nxt`) joins no cut word or detail: `piece`
    ends in a whole address, or the two letters are of different scripts ("parse_pro" then "и оплата…")."""
    if prev.isalpha() and nxt.isalpha() and not (prev.isascii() and nxt.isascii()):
        return unicodedata.name(prev, "").split(" ", 1)[0] != unicodedata.name(nxt, "").split(" ", 1)[0]
    return nxt.isalnum() and _WHOLE_ADDRESS.search(piece) is not None


def _join(pieces: list[str], glued: int | None) -> tuple[str, list[int]]:
    """Join message texts with spaces; boundary `glued` (before piece `glued`; -1 for every boundary) without
    one, where a word or a detail looks cut in two ("tele" + "gram", "meet" + ".google.com/x")."""
    out: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, piece in enumerate(pieces):
        if i:
            prev = pieces[i - 1][-1:]
            nxt = piece[:1]
            glue = (
                glued in (i, -1)
                and (
                    (prev.isalnum() and (nxt.isalnum() or nxt in _GLUE_AFTER))
                    or (prev in _GLUE_AFTER + "@" and nxt.isalnum())
                )
                and not _whole_before(pieces[i - 1], prev, nxt)
            )
            if not glue:
                out.append(" ")
                pos += 1
        starts.append(pos)
        out.append(piece)
        pos += len(piece)
    return "".join(out), starts


def worth_joining(text: str, earlier: Sequence[str]) -> bool:
    """Whether `text` and the sender's `earlier` messages could hold one detail between them."""
    if not earlier or len(text) > 500:
        return False
    if len(text) > _FRAGMENT_CHARS and len(earlier[-1]) > _FRAGMENT_CHARS:
        return False  # neither this message nor the one before looks like a piece of something
    text, last = text.strip(), earlier[-1].strip()
    continues = bool(text[:1].isalnum() and text[:1].lower() == text[:1] and last[-1:].isalnum())
    opened = bool(last[-1:] in ":@" and text[:1].isalnum())
    return (
        _is_short(text)
        or continues  # "…take the payment on pay" + "pal? I'll send…"
        or opened  # "my skype is live:" + "jo.narrates — add me there": a label, then its value
        or (_looks_like_a_piece(text) and any(_looks_like_a_piece(t) for t in earlier))
    )


def joinings(pieces: list[str]) -> Iterator[tuple[str, list[int]]]:
    """(joined text, start of each piece in it): with spaces first, then each boundary glued alone, then
    all of them; a joining identical to one already given (a boundary that cannot be glued) is skipped."""
    seen: set[str] = set()
    for glued in (None, *range(1, len(pieces)), *((-1,) if len(pieces) > 2 else ())):
        joined, starts = _join(pieces, glued)
        if joined not in seen:
            seen.add(joined)
            yield joined, starts


_CONTINUES = lazy_compile(
    r"(?i)^\W{0,3}(?:(?:then|and|next|потом|дальше|затем|luego|depois|puis|dann|poi|potem)\W{1,3})?"
    r"(?:dot|punkt|ponto|punto|point|точка|underscore|arroba|arobase|собака)\b|^\s*[@_.][a-z0-9]"
    r"|\b[a-z0-9]{2,}\s(?:dot|punkt|ponto|punto|point|точка|underscore)\s[a-z0-9]{2,}\b"
    # the provider named last: "bei gmail", "at yahoo", "en hotmail", "в яндексе"
    r"|^\W{0,3}(?:at|on|bei|auf|chez|sur|en|em|no|na|в|на)\s(?:gmail|googlemail|yahoo|hotmail|outlook|live|gmx|web\.de|"
    r"proton\w*|icloud|aol|yandex\w*|яндекс\w*|mail\.ru|orange|free|wanadoo|t-online|uol|terra)\W{0,3}$"
    # where to look the sender up: "search kir_vey", "busca leo.mara"
    r"|^\W{0,3}(?:search|look\sup|find|busca|procura|cherche|such|найди|ищи)\s(?:for\s)?@?[a-z][\w.\-]{2,30}\W{0,3}$"
    # the next digits, written or spelled: "five five five", "0199"
    # (after a joining word at most: "then five five five", "и 0199")
    r"|^\W{0,3}(?:(?:then|and|next|y|e|et|und|dann|и|потом|luego|depois|puis)\W{1,3})?"
    r"(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,\-]{1,3}){2,}"
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\W{0,3}$"
    r"|^\W{0,3}(?:(?:then|and|next|y|e|et|und|dann|и|потом|luego|depois|puis)\W{1,3})?\d(?:[\s.\-]?\d){2,5}\W{0,3}$"
)
"""A piece of a spelled-out address or number: "dot kessler", "lena punkt haussmann", "_calloway", "bei gmail",
"five five five"."""
CONTINUATION_CHARS = 60


def continues_detail(text: str) -> bool:
    """Whether a short message reads as the next piece of a spelled-out address (the sender's previous message
    began one: "drop me a line: oren", then "dot kessler"). On its own such a piece completes nothing, so the
    detail detectors, even over the joined messages, find nothing new in it until the last piece arrives."""
    return len(text) <= CONTINUATION_CHARS and _CONTINUES.search(text) is not None


_ANSWER_LEAD = r"(?i)^\W{0,3}(?:[\w'’]+[\s,.:;!\-]{1,3}){0,3}?"
"""Up to three short words before the detail in an answer: "oui : ", "sure. ", "it's "."""
_CONTACT_ANSWER = lazy_compile(
    _ANSWER_LEAD + r"(?:@?[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|@[a-z][\w.]{2,30}|\+?\d(?:[\s.\-]?\d){4,})\W{0,3}$"
)
_DIGITS_ANSWER = lazy_compile(
    # a few digit groups, at most a short word before them: an area code and a prefix ("11 9", "+44 7", "certo, 347");
    # three digits at least, and only after a request for a number (`_NUMBER_ASK`): "10 30" after "what's your
    # e-mail?" is a time, not the start of a phone number
    _ANSWER_LEAD + r"\+?(?=(?:\D{0,2}\d){3})\d{1,4}(?:[\s\-]\d{1,4}){0,2}\W{0,3}$"
)
_NUMBER_ASK = lazy_compile(
    r"(?i)\b(?:number|phone|cell|mobile|whats\s?app|zap|call|ring|digits|telefon\w*|t[ée]l[ée]phon\w*|n[uú]mero|num[ée]ro|"
    r"nummer|handy|numer\w*|numara\w*|nomor|hp|wa|cellulare|celular|m[oó]vil|portable)\b|номер|телефон|созвон|رقم"
)
"""A request that names a phone number or a call, in any of the languages read."""
"""A handle or address head ("sophie.garnier", "@kir") or the first digits of a number ("07700", "11 9")."""
_FILE_LIKE = lazy_compile(
    r"(?i)\.(?:pdf|png|jpe?g|gif|svg|docx?|xlsx?|pptx?|zip|rar|psd|ai|fig|sketch|mp[34]|mov|wav|txt|csv|json|"
    r"ya?ml|html?|css|js|ts|py|md)\W{0,3}$|\b\d{1,2}[.:]\d{2}\b|\bv?\d+\.\d+"
)
"""File names, times and versions: answers, but not contact details ("final_v2.pdf", "10.30", "v1.2")."""
_PAYMENT_ANSWER = lazy_compile(
    _ANSWER_LEAD + r"(?:[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){1,7}\s?[A-Z0-9]{0,4}|0x[0-9a-fA-F]{8,40}|"
    r"(?=[A-Za-z0-9]{0,40}\d)(?=[A-Za-z0-9]{0,40}[A-Z])(?=[A-Za-z0-9]{0,40}[a-z])[A-Za-z0-9]{12,45})\W{0,3}$"
)
"""An IBAN's head ("DE7812030000") or a piece of a wallet address (mixed case and digits, 12 characters or more)."""
ANSWER_CHARS = 48
_PAYMENT_AGREED = lazy_compile(
    r"(?i)\b(?:how|where|when)\s(?:do|should|would|shall|can|will)\s(?:you|i|we)\s(?:want\sto\s|like\sto\s|prefer\sto\s)?"
    r"(?:do|send|make|set\sup|receive|get|handle|arrange)\s(?:you\s|u\s|me\s)?(?:it|(?:the|your|my)\s(?:wire|transfer|bank\stransfer|"
    r"payment|money|deposit|funds|zelle|paypal|venmo|crypto|usdt))\b[^.!?\n]{0,12}\?"
    r"|\b(?:ok(?:ay)?|sure|deal|fine|sounds\sgood)\b[^.!?\n]{0,20}?\b(?:what'?s|send\sme|give\sme)\s(?:your|ur|the)\s"
    r"(?:iban|wallet|account\snumber|bank\sdetails|routing\snumber|paypal|zelle|cashtag)"
)
"""Going along with the other party's offer to pay outside by asking how: "sounds good, how do you want to do the
wire?", "ok what's your iban". Only read right after a message flagged as payment (`Turn.paid`)."""
AGREE_CHARS = 90


_KEYCAP = lazy_compile("[\ufe0f\u20e3]")
"""The parts of an emoji keycap ("0️⃣") after its digit."""


def spelled_digits(text: str) -> str:
    """`text` lower-cased with its digit words read as digits ("onze nove oito" is "11 9 8"), keycaps as digits."""
    return spelled_digits_view(View(_KEYCAP.sub("", text.lower()))).text


def answers_request(text: str, asked: str, request: str = "") -> bool:
    """Whether a short message answers the other party's request for a detail of family `asked` ("contact" or
    "payment") with one, or its first part: "what's your number?" then "07700"; "send addr" then
    "TDmhrttbEHf5pixeq". On its own such an answer is a name, a code or a few digits, and reads as nothing.
    `request` is the text of the request: bare digits answer only a request for a number."""
    if asked == "payment" and len(text) <= AGREE_CHARS and _PAYMENT_AGREED.search(text) is not None:
        return True
    if len(text) > ANSWER_CHARS:
        return False
    if asked == "payment":
        return _PAYMENT_ANSWER.search(text) is not None
    if _FILE_LIKE.search(text) is not None:
        return False
    if _CONTACT_ANSWER.search(text) is not None:
        return True
    if not request or _NUMBER_ASK.search(request) is None:
        return False
    # digits, or digit words read as digits ("onze nove oito"), answering a request for a number
    return _DIGITS_ANSWER.search(text) is not None or _DIGITS_ANSWER.search(spelled_digits(text)) is not None


_PAYMENT_ASK = lazy_compile(
    r"(?i)^\W{0,3}(?:(?:and|so|ok|okay|then|y|e|et|und|и)\W{1,2})?(?:(?:your|ur|the|what'?s\s(?:your|the)|tu|teu|sua|ta|ton|"
    r"deine|твой|ваш)\s)?(?:wallet(?:\saddress)?|addr(?:ess)?|iban|bank\s(?:details|info)|account(?:\snumber)?|cashtag|"
    r"pix(?:\skey)?|chave(?:\spix)?|billetera|cartera|carteira|cuenta|conta|portefeuille|rib|kontonummer|"
    r"кошел[её]к|адрес|реквизиты)\s?\?\W{0,3}$"
)
"""A bare question for where to send the money, as a whole message: "wallet?", "your iban?", "¿cuenta?"."""


def continues_payment(text: str) -> bool:
    """Whether a short message reads as the next piece of a payment the sender began in the message before ("I'll
    send usdt", then "wallet?"; "pay to my paypal", then "it's dana.k" and "at outlook dot com"): a bare question
    for the payment detail, a piece of an address or number, or the head of an e-mail, IBAN or wallet."""
    if len(text) > CONTINUATION_CHARS:
        return False
    return (
        _PAYMENT_ASK.search(text) is not None
        or _CONTINUES.search(text) is not None
        or _PAYMENT_ANSWER.search(text) is not None
        or _ACCOUNT_HOLDER.search(text) is not None
        or looks_like_address_head(text)
    )


_ACCOUNT_HOLDER = lazy_compile(
    r"(?i)^\W{0,3}\d[\d\s.\-]{5,24}\d,?\s?(?:a\.\s?n\.|a/n\b|atas\snama\b|titular\b|in\sthe\sname\sof\b|au\snom\sde\b|"
    r"beneficiary\b|account\sholder\b)"
)
"""An account number and whose it is: "5550 1234 87 a.n. Dewi" (Indonesian "atas nama", in the name of)."""


_ADDRESS_HEAD = lazy_compile(_ANSWER_LEAD + r"(?:@?[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|@[a-z][\w.]{2,30})\W{0,3}$")
"""An e-mail address's or a handle's head as the whole message, after a few words at most: "it's dana.k"."""


def looks_like_address_head(text: str) -> bool:
    """A short message that is the head of an e-mail address or a handle, not a file name or a version."""
    return (
        len(text) <= ANSWER_CHARS
        and _ADDRESS_HEAD.search(text) is not None
        and _FILE_LIKE.search(text) is None
    )
