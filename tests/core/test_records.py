"""Input records: what is accepted, what is kept, and the precise error for what is not."""

from __future__ import annotations

from typing import Any

import pytest

from marketguard.core.model import Kind, Phase
from marketguard.core.records import message_from_dict
from marketguard.errors import RecordError


def test_full_record() -> None:
    m = message_from_dict(
        {
            "id": 7,
            "kind": "job_post",
            "text": "hi",
            "conversation_id": "c",
            "sender_id": "s",
            "recipient_id": "r",
            "at": "2026-11-26T10:00:00Z",
            "context": {"phase": "active_contract", "region": "br"},
            "shiny": [1],
        }
    )
    assert m.id == "7" and m.kind is Kind.JOB_POST and m.context.phase is Phase.ACTIVE_CONTRACT
    assert m.context.region == "BR"
    assert m.extra == {"shiny": [1]}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([1, 2], "JSON object"),
        ({"id": "x"}, "missing field 'text'"),
        ({"text": 5}, "'text' must be a string"),
        ({"text": "a", "kind": "tweet"}, "'kind' must be one of"),
        ({"text": "a", "context": {"phase": "later"}}, "'context.phase' must be one of"),
        ({"text": "a", "context": "pre"}, "'context' must be an object"),
        ({"text": "a", "sender_id": {"x": 1}}, "'sender_id' must be a string"),
        ({"text": "a", "context": {"region": "Narnia"}}, "country code or name, got 'Narnia'"),
        ({"text": "a", "context": {"region": ["BR"]}}, "'context.region' must be a country code or name"),
    ],
)
def test_bad_records_name_the_field(record: Any, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        message_from_dict(record)
