"""Shared fixtures of the text tests."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from types import ModuleType

import pytest

import marketguard


@pytest.fixture(scope="module")
def package_modules() -> list[ModuleType]:
    """Every module of the package, imported: the lazy patterns and gates a module holds exist only once it is.

    Alembic's migration scripts and `__main__` are left out (they run on import); an optional extra that is
    not installed skips the test that asked, rather than hiding the modules after it."""
    for info in pkgutil.walk_packages(marketguard.__path__, "marketguard."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            pytest.skip(f"{info.name}: {exc}")
    return [module for name, module in list(sys.modules.items()) if name.startswith("marketguard")]
