"""The broker-neutral consumer (`streams.core.Processor`): scan's results, bad records, dedupe, poison pills."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketguard import Screener
from marketguard.adapters.streams.core import Delivery, Processor, StoreUnavailable, dedupe_key
from stream_helpers import fixture_lines, scan_results


def _deliveries(lines: list[bytes], start: int = 1) -> list[Delivery]:
    return [Delivery(f"in:{i}", line) for i, line in enumerate(lines, start=start)]


def test_results_are_scans_in_any_batching() -> None:
    lines = fixture_lines()
    expected = scan_results(lines)
    for size in (1, 3, len(lines)):
        processor = Processor(Screener(), "in")
        got = []
        for i in range(0, len(lines), size):
            got += [orjson.loads(o.body) for o in processor.process(_deliveries(lines[i : i + size], i + 1))]
        assert got == expected


def test_bad_records_get_an_error_and_the_next_is_screened() -> None:
    processor = Processor(Screener(), "in", max_bytes=100)
    batch = [
        Delivery("in:1", b"\xff\xfe not utf-8"),
        Delivery("in:2", b'{"id": "x"}'),
        Delivery("in:3", b'{"id": "big", "text": "' + b"a" * 200 + b'"}'),
        Delivery("in:4", None),
        Delivery("in:5", b"{"),
        Delivery("in:6", b'{"id": "ok", "text": "see you on Monday"}'),
    ]
    out = [orjson.loads(o.body) for o in processor.process(batch)]
    assert [("error" in r) for r in out] == [True, True, True, True, True, False]
    assert "UTF-8" in out[0]["error"] and "text" in out[1]["error"] and "100 bytes" in out[2]["error"]
    assert "line" not in out[0]
    assert out[5]["id"] == "ok" and out[5]["decision"] == "allow"


def test_a_redelivery_is_answered_from_memory_not_screened_again() -> None:
    processor = Processor(Screener(), "in")
    first = processor.process([Delivery("in:1", b'{"id": "a", "conversation_id": "c", "text": "my number is 415"}')])
    again = processor.process([Delivery("in:1", b'{"id": "a", "conversation_id": "c", "text": "my number is 415"}', 2)])
    assert again[0].body == first[0].body and again[0].key == first[0].key
    assert processor.screened == 1


def test_an_edited_message_is_a_new_record() -> None:
    a = dedupe_key("in", Delivery("in:1", b'{"id": "a", "text": "hello"}'))
    b = dedupe_key("in", Delivery("in:9", b'{"id": "a", "text": "hello!"}'))
    same = dedupe_key("in", Delivery("in:9", b'{"id": "a", "text": "hello"}'))
    assert a != b and a == same  # the same record published twice is one record; an edit is another


def test_a_record_that_was_never_acknowledged_is_given_up() -> None:
    processor = Processor(Screener(), "in", max_deliveries=3)
    out = processor.process([Delivery("in:1", b'{"id": "p", "text": "hi"}', deliveries=4)])
    assert "given up" in orjson.loads(out[0].body)["error"] and out[0].error
    assert processor.screened == 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=200) | st.none(), min_size=1, max_size=5), st.integers(1, 20))
def test_any_bytes_give_one_result_each_and_never_raise(raws: list[bytes | None], deliveries: int) -> None:
    processor = Processor(Screener(), "in")
    batch = [Delivery(f"in:{i}", raw, deliveries) for i, raw in enumerate(raws)]
    out = processor.process(batch)
    assert len(out) == len(batch)
    for outcome in out:
        assert isinstance(orjson.loads(outcome.body), dict)
    keys = [dedupe_key("in", d) for d in batch]
    assert keys == [o.key for o in out]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["id", "text", "x"]), st.integers(-(2**63), 2**63 - 1) | st.text(max_size=8) | st.booleans()
    )
)
def test_the_dedupe_key_names_the_record_by_id_and_bytes(record: dict[str, object]) -> None:
    raw = orjson.dumps(record)
    here, there = Delivery("in:1", raw), Delivery("in:2", raw)
    has_id = isinstance(record.get("id"), str | int) and not isinstance(record.get("id"), bool)
    assert (dedupe_key("in", here) == dedupe_key("in", there)) == has_id
    assert dedupe_key("in", here) != dedupe_key("other", here)


class _FlakyStore:
    """A database that is away for the first write, then stores nothing of note."""

    def __init__(self) -> None:
        self.writes = 0

    def lookup(self, keys: list[str]) -> dict[str, bytes]:
        return {}

    def record(self, todo: list[tuple[str, bytes | None, dict[str, object]]]) -> dict[str, bytes]:
        self.writes += 1
        if self.writes == 1:
            raise StoreUnavailable("connection refused")
        return {key: orjson.dumps({**result, "decision_id": "d"}) for key, _, result in todo}


def test_a_batch_retried_after_the_database_was_away_is_not_screened_again() -> None:
    store = _FlakyStore()
    processor = Processor(Screener(), "in", store)  # type: ignore[arg-type]
    batch = [Delivery("in:1", b'{"id": "1", "conversation_id": "c", "text": "my number is 415"}')]
    with pytest.raises(StoreUnavailable):
        processor.process(batch)
    out = processor.process(batch)
    assert processor.screened == 1 and orjson.loads(out[0].body)["decision_id"] == "d"
