"""Fixtures of the contact.phone detector (tests/fixtures/detectors/contact.phone.yaml): matches and look-alikes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@given(
    st.text(alphabet=st.sampled_from("0123456789２３４ABCLOGZ-. ()+\u00a0\u2007xa"), max_size=30)
    | st.from_regex(r"\+?1?[ .\-]?\(?[2-9][0-9]{2}\)?[ .\-]?[0-9A-Z]{3}[ .\-]?[0-9A-Z]{4,7}", fullmatch=True)
)
def test_the_vanity_prefilter_never_says_no_where_the_pattern_matches(text: str) -> None:
    from marketguard.core.detectors.contact.phone import _VANITY, _VANITY_CAPITALS

    if _VANITY.search(text):
        assert _VANITY_CAPITALS.candidates(text)
