"""Fixtures of the contact.phone detector (tests/fixtures/detectors/contact.phone.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.contact.phone import PhoneDetector

POSITIVES, NEGATIVES = fixture_cases("contact.phone")


def test_declares_its_identity() -> None:
    assert PhoneDetector.info.id == "contact.phone"
    assert PhoneDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(PhoneDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(PhoneDetector, text)
