"""Fixtures of payment.offplatform (tests/fixtures/detectors/payment.offplatform.yaml)."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.payment.offplatform import OffPlatformPaymentDetector

POSITIVES, NEGATIVES = fixture_cases("payment.offplatform")


def test_declares_its_identity() -> None:
    assert OffPlatformPaymentDetector.info.id == "payment.offplatform"
    assert OffPlatformPaymentDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(OffPlatformPaymentDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(OffPlatformPaymentDetector, text)
