"""Latin look-alikes from the Unicode confusables table (TR39), as shipped by `confusable_homoglyphs`.

We do not keep a hand list of homoglyphs: the table covers Cyrillic, Greek, mathematical and other
look-alikes, and it is maintained upstream. Only characters whose look-alike is a single ASCII letter or
digit are kept, so that skeletons have the same length as the word they replace and offsets survive.
"""

from __future__ import annotations

import json
from functools import lru_cache


def table_bytes() -> bytes:
    """The Unicode confusables data `latin_lookalikes` is built from (confusable_homoglyphs' JSON), as stored."""
    from importlib import resources  # on first use: only non-ASCII text needs the table

    return resources.files("confusable_homoglyphs").joinpath("confusables.json").read_bytes()


@lru_cache(maxsize=1)
def latin_lookalikes() -> dict[str, str]:
    """Map of a non-ASCII character to the lower-case ASCII character it imitates."""
    table: dict[str, list[dict[str, str]]] = json.loads(table_bytes())
    out: dict[str, str] = {}
    for key, entries in table.items():
        if len(key) != 1:
            continue
        if key.isascii():
            if not key.isalnum():
                continue
            for entry in entries:
                ch = entry["c"]
                if len(ch) == 1 and not ch.isascii():
                    out.setdefault(ch, key.lower())
        else:
            for entry in entries:
                ch = entry["c"]
                if len(ch) == 1 and ch.isascii() and ch.isalnum():
                    out.setdefault(key, ch.lower())
                    break
    return out
