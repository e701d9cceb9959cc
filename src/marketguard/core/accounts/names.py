"""Is a payout beneficiary the verified owner? Names compared after folding case, accents and order."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold(name: str) -> tuple[str, ...]:
    """Name tokens without accents, case or punctuation, sorted: 'García, María' -> ('garcia', 'maria')."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return tuple(sorted(t for t in letters.split() if len(t) > 1))


def same_person(a: str, b: str, threshold: float) -> bool:
    """True when one name's tokens contain the other's (a middle name added) or they are near-identical."""
    ta, tb = fold(a), fold(b)
    if not ta or not tb:
        return False
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    return SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() >= threshold
