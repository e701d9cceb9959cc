"""Module-level regexes compiled on first use, not at import.

The detectors and normalisers define some 130 `re` patterns at module level. Compiling them all at import
was a ninth of `marketguard scan`'s start-up (callgrind), yet a given message reaches only a few: most sit
behind an RE2 gate that says no for ordinary chat. `lazy_compile` returns a stand-in that compiles its
pattern the first time any attribute is asked for, then copies the compiled pattern's methods onto itself,
so every later call goes straight to the compiled pattern's method, as fast as on the pattern itself.

A pattern that does not compile fails on first use instead of at import; `tests/core/text/test_lazy.py`
compiles every module-level pattern of the package, so such an error is still caught before release.
Two threads that first use one pattern at the same moment may both compile it: they get equal patterns.
"""

from __future__ import annotations

import re
from typing import Any, cast

_FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "groupindex",
    "groups",
    "flags",
)

LAZY: list[LazyPattern] = []
"""Every stand-in made, so a test can compile them all."""


class LazyPattern:
    """A stand-in for `re.compile(pattern, flags)` that compiles on first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compile(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for name in _FORWARDED:  # bound methods in the instance dict: __getattr__ is never asked again
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet copied: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compile(), name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used; typed as the pattern it stands for."""
    stand_in = LazyPattern(pattern, int(flags))
    LAZY.append(stand_in)
    return cast("re.Pattern[str]", stand_in)


def compile_all() -> int:
    """Compile every stand-in not compiled yet; returns how many. For a long-running process (the service),
    which would otherwise pay each compilation in the first request that needs the pattern."""
    missing = [stand_in for stand_in in LAZY if "search" not in vars(stand_in)]  # `compile` copies `search` in
    for stand_in in missing:
        stand_in.compile()
    return len(missing)
