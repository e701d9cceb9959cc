"""Property tests over every detector: any text yields findings that lie inside it, with sane scores."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.detectors.base import Detector, DetectorConfig
from marketguard.core.registry import BUILTIN
from marketguard.core.text.normalize import Document

_pieces = st.sampled_from(
    [
        "my",
        "number",
        "is",
        "call",
        "me",
        "at",
        "dot",
        "com",
        "gmail",
        "@",
        "+1",
        "415",
        "555",
        "0198",
        "five",
        "whatsapp",
        "telegram",
        "t.me/x",
        "live:abc",
        "jd#1234",
        "paypal",
        "pay",
        "directly",
        "skip",
        "the",
        "fee",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "iban",
        "DE89 3704 0044 0532 0130 00",
        "$50",
        "rest",
        "outside",
        "here",
        ",",
        ".",
        "?",
        "\u200b",
        "Ｗ",
        "а",
        " ",
    ]
)
texts = st.one_of(st.text(max_size=120), st.lists(_pieces, max_size=30).map(" ".join))


@pytest.mark.parametrize("cls", BUILTIN, ids=lambda c: c.info.id)
@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_findings_lie_inside_the_text(cls: type[Detector], text: str) -> None:
    for f in cls(DetectorConfig()).detect(Document(text)):
        assert 0 <= f.start < f.end <= len(text)
        assert 0.0 <= f.score <= 1.0
        assert f.kind in cls.info.kinds
        assert f.reason
