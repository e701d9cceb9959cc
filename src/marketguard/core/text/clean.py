"""The `clean` view: what a text looks like once its disguises of form are undone.

Lower case; NFKC (fullwidth and mathematical letters become ASCII); Unicode digits become ASCII digits;
invisible characters (zero-width, joiners, variation selectors, keycaps) vanish; Cyrillic and Greek
look-alikes inside Latin words become Latin (the confusables table); letters written one at a time
("g m a i l", "t.e.l.e.g.r.a.m") are joined. Offsets map back to the original (see `view.py`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from marketguard.core.text.confusables import latin_lookalikes
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.view import View, rewrite

LETTER = r"[^\W\d_]"
"""Any letter of any script (a word character that is neither a digit nor an underscore)."""
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


_WORD = lazy_compile(LETTER + r"+")


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
        deconfused = _deconfuse("".join(chars))
        folded = deconfused.lower()
        if len(folded) != len(deconfused):  # "İ" lower-cases to two characters: keep the first of each
            folded = "".join(c.lower()[:1] or c for c in deconfused)
        view = View(folded, starts)
    if _SPACED_HINT(view.text):
        view = rewrite(view, _SPACED_LETTERS, _join_letters)
    return view


# Three or more single letters separated by single spaces or by one punctuation mark.
_SPACED_HINT = PLAIN.hint(r"(?:^|[^\pL\pN_])\pL(?: {1,3}| ?[.\-*·] ?)\pL(?: {1,3}| ?[.\-*·] ?)\pL(?:[^\pL\pN_]|$)")
_SPACED_LETTERS = lazy_compile(r"(?<!\w)" + LETTER + r"(?:(?: {1,3}| ?[.\-*·] ?)" + LETTER + r"(?!\w)){2,60}")


def _join_letters(m: re.Match[str]) -> list[tuple[str, int]]:
    """Drop the separators; but where letters are spaced, a spaced dot is a real dot ("g m a i l . c o m"), and a
    gap wider than the one between letters is a space between words ("w r i t e  m e  o n  w h a t s a p p" is
    "write me on whatsapp", not one word)."""
    run = m.group()
    spaced = run.count(" ") > len(run) // 3
    out = [(ch, i) for i, ch in enumerate(run) if ch.isalpha() or (spaced and ch == "." and run[i - 1] == " ")]
    if spaced and "  " in run and _SINGLE_GAP.search(run):
        for gap in _WIDE_GAP.finditer(run):
            out.append((" ", gap.start()))
        out.sort(key=lambda pair: pair[1])
    return out


_SINGLE_GAP = lazy_compile(r"\S \S")
_WIDE_GAP = lazy_compile(r"(?<=\S) {2,}(?=\S)")
