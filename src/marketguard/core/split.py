"""Details split over several messages: when to look, and how to put the pieces back together.

"my number is 415" then "555 0198"; "tele" then "gram @ruslan"; "meet" then ".google.com/x". The engine
joins a message with the sender's recent ones and runs the detail detectors over the result; this module
decides whether that is worth doing (most messages are not pieces of anything) and yields the joinings:
with spaces, and with one or every boundary glued where a word or a detail looks cut in two.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import DIGIT_WORD_HINT
from marketguard.core.text.prefilter import Hint

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
            glue = glued in (i, -1) and (
                (prev.isalnum() and (nxt.isalnum() or nxt in _GLUE_AFTER))
                or (prev in _GLUE_AFTER + "@" and nxt.isalnum())
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
    return (
        _is_short(text)
        or continues  # "…take the payment on pay" + "pal? I'll send…"
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
    r"(?i)^\W{0,3}(?:dot|punkt|ponto|punto|point|точка|underscore|arroba|arobase|собака)\b|^\s*[@_.][a-z0-9]"
    r"|\b[a-z0-9]{2,}\s(?:dot|punkt|ponto|punto|point|точка|underscore)\s[a-z0-9]{2,}\b"
)
"""A piece of a spelled-out address: "dot kessler", "lena punkt haussmann", "_calloway"."""
CONTINUATION_CHARS = 60


def continues_detail(text: str) -> bool:
    """Whether a short message reads as the next piece of a spelled-out address (the sender's previous message
    began one: "drop me a line: oren", then "dot kessler"). On its own such a piece completes nothing, so the
    detail detectors, even over the joined messages, find nothing new in it until the last piece arrives."""
    return len(text) <= CONTINUATION_CHARS and _CONTINUES.search(text) is not None
