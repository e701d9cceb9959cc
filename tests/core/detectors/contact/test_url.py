"""Fixtures of the contact.url detector (tests/fixtures/detectors/contact.url.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.contact.url import UrlDetector

POSITIVES, NEGATIVES = fixture_cases("contact.url")


def test_declares_its_identity() -> None:
    assert UrlDetector.info.id == "contact.url"
    assert UrlDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(UrlDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(UrlDetector, text)
