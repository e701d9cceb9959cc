"""Fixtures of the payment.wallet detector (tests/fixtures/detectors/payment.wallet.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from detector_cases import check_negative, check_positive, fixture_cases
from marketguard.core.detectors.payment.wallet import WalletDetector

POSITIVES, NEGATIVES = fixture_cases("payment.wallet")


def test_declares_its_identity() -> None:
    assert WalletDetector.info.id == "payment.wallet"
    assert WalletDetector.info.kinds


@pytest.mark.parametrize("case", POSITIVES)
def test_finds(case: dict[str, Any]) -> None:
    check_positive(WalletDetector, case)


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    check_negative(WalletDetector, text)
