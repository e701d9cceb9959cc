"""Lazily compiled module-level patterns behave as compiled ones, and every one of them compiles."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from marketguard.core.text.lazy import LAZY, LazyPattern, lazy_compile


def test_a_lazy_pattern_matches_like_a_compiled_one() -> None:
    lazy = lazy_compile(r"(?P<word>\w+)@(\w+)", re.IGNORECASE)
    plain = re.compile(r"(?P<word>\w+)@(\w+)", re.IGNORECASE)
    text = "mail JD@Example or x@y"
    assert lazy.pattern == plain.pattern
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.search(text).group("word") == "JD"  # type: ignore[union-attr]
    assert lazy.sub("_", text) == plain.sub("_", text)
    assert lazy.groups == 2 and lazy.groupindex == plain.groupindex
    assert lazy.flags == plain.flags
    assert lazy.fullmatch("a@b") is not None and lazy.match("  a@b") is None


def test_it_compiles_once_then_calls_the_compiled_methods() -> None:
    lazy = lazy_compile(r"ab+")
    assert "search" not in vars(lazy)
    lazy.search("abbb")
    assert "search" in vars(lazy)  # later calls never reach __getattr__


def test_a_bad_pattern_fails_on_first_use() -> None:
    lazy = LazyPattern(r"(unclosed")  # not through lazy_compile: kept out of the package's registry
    with pytest.raises(re.error):
        lazy.search("x")


def test_every_module_level_pattern_of_the_package_compiles(package_modules: list[ModuleType]) -> None:
    """Laziness must not hide a broken pattern until a message reaches it: import every module, compile all."""
    assert package_modules
    assert LAZY, "no lazy patterns registered"
    for stand_in in LAZY:
        assert isinstance(stand_in, LazyPattern)
        stand_in.compile()
