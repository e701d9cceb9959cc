"""One rule for tests that need something outside the repository (a server, a browser, a data set).

Absent, such a test skips with the reason; under MARKETGUARD_REQUIRE_SERVICES=1 (as in CI) it fails
instead, so CI proves every one of them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def require_services() -> bool:
    return os.environ.get("MARKETGUARD_REQUIRE_SERVICES") == "1"


def unavailable(what: str, why: str) -> None:
    """Skip, or fail when services are required."""
    message = f"{what} unavailable: {why}"
    if require_services():
        pytest.fail(message + " (MARKETGUARD_REQUIRE_SERVICES=1)")
    pytest.skip(message)


def need_file(path: Path, what: str = "data set") -> Path:
    """`path`, or skip/fail naming where it was looked for."""
    if not path.exists():
        unavailable(what, f"not found at {path}")
    return path
