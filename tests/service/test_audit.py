"""The hash chain: any edit, deletion or truncation is found, and an intact chain has no problems."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from marketguard.service.audit import GENESIS, chain_hash, dump_payload, verify


def chain(n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    prev = GENESIS
    for i in range(1, n + 1):
        rec: dict[str, Any] = {
            "seq": i,
            "id": f"e{i}",
            "kind": "report.filed",
            "case_id": f"c{i % 3}",
            "subject_type": "account",
            "subject_id": f"u{i}",
            "actor": "api",
            "at": f"2026-11-26T04:00:{i % 60:02d}.000000+00:00",
            "payload": dump_payload({"n": i, "text": "é ✓"}),
        }
        rec["prev_hash"], rec["hash"] = prev, chain_hash(prev, rec)
        prev = rec["hash"]
        out.append(rec)
    return out


def test_intact_chain() -> None:
    records = chain(10)
    assert verify(records, head=(10, records[-1]["hash"])) == []
    assert verify([], head=(0, GENESIS)) == []


FIELDS = ["id", "kind", "case_id", "subject_type", "subject_id", "actor", "at", "payload"]


@given(st.integers(0, 9), st.sampled_from(FIELDS), st.text(min_size=1, max_size=5))
def test_any_edit_is_found_at_its_row(index: int, field: str, suffix: str) -> None:
    records = chain(10)
    records[index][field] = str(records[index][field]) + suffix
    problems = verify(records, head=(10, records[-1]["hash"]))
    assert problems and problems[0].seq == index + 1


@given(st.integers(0, 9))
def test_any_deletion_is_found(index: int) -> None:
    records = chain(10)
    head = (10, records[-1]["hash"])
    del records[index]
    assert verify(records, head=head)


def test_rehashing_after_an_edit_still_breaks_the_next_link_or_the_head() -> None:
    records = chain(5)
    head = (5, records[-1]["hash"])
    records[2]["payload"] = dump_payload({"n": 99})
    records[2]["hash"] = chain_hash(records[2]["prev_hash"], records[2])  # a forger recomputes this row
    problems = verify(records, head=head)
    assert [p.seq for p in problems] == [4]
