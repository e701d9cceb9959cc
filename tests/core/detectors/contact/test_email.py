"""Fixtures of the contact.email detector (tests/fixtures/detectors/contact.email.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.contact.email import EmailDetector

POSITIVES, NEGATIVES = fixture_cases("contact.email")


def test_declares_its_identity() -> None:
    assert EmailDetector.info.id == "contact.email"
    assert EmailDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(EmailDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(EmailDetector, text)
