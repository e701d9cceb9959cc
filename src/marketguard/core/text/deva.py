"""Devanagari as the plain view writes it.

The clean view drops every combining mark it meets (category Mn: the anusvara, the virama, most vowel signs), so
"नंबर" is read as "नबर" and "भेजो" as "भजो". A precomposed nukta letter ("फ़", U+095E) is NFKC-split into the letter
and its nukta after that test, so its nukta stays. Patterns written by hand in full Devanagari go through `deva()`
once, at import, so that they read the view as it is.
"""

from __future__ import annotations

import re
import unicodedata

_CONSONANT = re.compile("([\u0915-\u0939])")


def deva(pattern: str) -> str:
    """`pattern` without the marks the clean view drops, each consonant with an optional nukta after it.

    Only for patterns whose Devanagari stands outside character classes (the nukta's "?" would be literal there)."""
    bare = "".join(c for c in unicodedata.normalize("NFC", pattern) if unicodedata.category(c) not in ("Mn", "Me"))
    return _CONSONANT.sub("\\1\u093c?", bare)
