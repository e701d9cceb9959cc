"""Patterns in the scripts whose marks the clean view drops: Bengali, Thai, Urdu and Persian (and Devanagari, see
`deva`).

The clean view drops every combining mark (Mn, Me) and every format character (Cf: the Persian zero-width non-joiner
of "راحت‌تره"), so Thai "ติดต่อ" is read as "ตดตอ" and Bengali "দিন" as "দন". A precomposed Bengali nukta letter
("য়", U+09DF) is split by NFKC after that test, so its nukta stays; typed as two characters, it goes. Patterns written
in full go through `bare()` once, at import, so that they read the view as it is.

`UNSPACED` is the class of the scripts written without spaces between words (Han, kana, Hangul runs glued to their
particles, Thai): a `\\b` or `(?<!\\w)` never holds inside them, so a number or a word there is bounded by them.
"""

from __future__ import annotations

import re
import unicodedata

_BN_CONSONANT = re.compile("([\u0995-\u09b9])")

UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
"""Thai, kana, CJK ideographs and Hangul syllables, for a character class (`[{UNSPACED}]`)."""


def bare(pattern: str) -> str:
    """`pattern` without the marks and format characters the clean view drops, each Bengali consonant with an optional
    nukta after it. Only for patterns whose marks stand outside character classes."""
    kept = "".join(
        c for c in unicodedata.normalize("NFC", pattern) if unicodedata.category(c) not in ("Mn", "Me", "Cf")
    )
    return _BN_CONSONANT.sub("\\1\u09bc?", kept)
