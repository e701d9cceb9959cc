"""Shared test fixtures. Per-detector helpers live in `detector_cases.py`."""

from __future__ import annotations

import pytest

from marketguard import Screener


@pytest.fixture
def screener() -> Screener:
    return Screener()
