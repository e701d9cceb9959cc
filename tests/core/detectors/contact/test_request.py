"""Fixtures of the contact.request detector (tests/fixtures/detectors/contact.request.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.contact.request import ContactRequestDetector

POSITIVES, NEGATIVES = fixture_cases("contact.request")


def test_declares_its_identity() -> None:
    assert ContactRequestDetector.info.id == "contact.request"
    assert ContactRequestDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(ContactRequestDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(ContactRequestDetector, text)
