"""What the circumvention round tests ask of the whole screener: which of the two families a text gets."""

from __future__ import annotations

from functools import cache

from marketguard import Screener


@cache
def _screener() -> Screener:
    return Screener()


def families(text: str) -> set[str]:
    """The circumvention families (`contact`, `payment`) of the text's signals, screened whole as the engine does."""
    return {s.family for s in _screener().screen(text).signals} & {"contact", "payment"}
