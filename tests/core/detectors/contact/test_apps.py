"""Fixtures of the contact.app detector (tests/fixtures/detectors/contact.app.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.contact.apps import AppDetector

POSITIVES, NEGATIVES = fixture_cases("contact.app")


def test_declares_its_identity() -> None:
    assert AppDetector.info.id == "contact.app"
    assert AppDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(AppDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(AppDetector, text)
