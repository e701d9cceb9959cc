"""Every phrase of every phrase detector compiles in Python's `re` and in the RE2 prefilter.

Phrases are compiled lazily at run time (start-up cost), so a pattern that does not compile would only fail
on the first message that names it: this test is where a broken pattern is caught instead.
"""

from __future__ import annotations

import re

import pytest

from marketguard.core.detectors.base import DetectorConfig
from marketguard.core.detectors.contact.request import ContactRequestDetector
from marketguard.core.detectors.pattern import Phrase, PhraseDetector
from marketguard.core.detectors.payment.offplatform import OffPlatformPaymentDetector

DETECTORS: list[type[PhraseDetector]] = [ContactRequestDetector, OffPlatformPaymentDetector]


@pytest.mark.parametrize("cls", DETECTORS, ids=lambda c: c.__name__)
def test_every_phrase_compiles(cls: type[PhraseDetector]) -> None:
    assert cls.phrases, "a phrase detector with no phrases"
    for phrase in cls.phrases:
        re.compile(phrase.regex)  # raises re.error with the pattern's position
    cls(DetectorConfig())  # builds the RE2 prefilter over all of them


def test_phrase_score_is_checked_when_made() -> None:
    with pytest.raises(ValueError, match="outside"):
        Phrase("x", r"\bx\b", "contact.request", 1.5, "why")
