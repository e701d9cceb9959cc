"""The append-only audit log, hash-chained so that a changed or deleted row is detected.

Each event's hash covers the previous event's hash and the event's canonical JSON (sorted keys, no
whitespace), so editing any field of any row, deleting a row, or cutting the tail (the chain head keeps
the last sequence number and hash) breaks the chain from that point. `verify` names the first rows that
do not fit; it is pure, so storage feeds it rows and the CLI prints what it says.

    h = chain_hash(prev_hash, record)        # record: the event's fields as a dict
    problems = verify(records, head=(seq, hash))
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

import orjson

GENESIS = "0" * 64
"""The `prev_hash` of the first event."""


class EventKind(str, Enum):
    """Every change the service makes is one of these; nothing else is ever written to the log."""

    REPORT_FILED = "report.filed"
    DETECTION = "detection.recorded"
    ACCOUNT_FLAGGED = "account.flagged"
    CASE_OPENED = "case.opened"
    CASE_ITEM = "case.item_added"
    CASE_CLAIMED = "case.claimed"
    CASE_RELEASED = "case.released"
    CASE_DECIDED = "case.decided"
    SANCTION_APPLIED = "sanction.applied"
    SANCTION_LIFTED = "sanction.lifted"
    SANCTION_ENDED = "sanction.ended"
    APPEAL_FILED = "appeal.filed"
    APPEAL_DECIDED = "appeal.decided"
    KEY_CREATED = "key.created"
    KEY_REVOKED = "key.revoked"
    REVIEWER_CREATED = "reviewer.created"
    REVIEWER_DISABLED = "reviewer.disabled"
    REVIEWER_ACCESS_CHANGED = "reviewer.access_changed"
    REVIEWER_PASSWORD_SET = "reviewer.password_set"
    CONFIG_CHANGED = "config.changed"


HASHED_FIELDS = ("seq", "id", "kind", "case_id", "subject_type", "subject_id", "actor", "at", "payload")


def canonical(record: Mapping[str, Any]) -> bytes:
    """The bytes that are hashed: exactly the hashed fields, keys sorted, payload as stored (a JSON string)."""
    return orjson.dumps({k: record.get(k) for k in HASHED_FIELDS}, option=orjson.OPT_SORT_KEYS)


def dump_payload(payload: Mapping[str, Any]) -> str:
    """Payloads are stored as this exact text, so a database that reformats JSON cannot break the chain."""
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS).decode()


def chain_hash(prev_hash: str, record: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(record)).hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int
    what: str

    def __str__(self) -> str:
        return f"event {self.seq}: {self.what}"


def verify(records: Iterable[Mapping[str, Any]], head: tuple[int, str] | None = None) -> list[Problem]:
    """Walk the log in sequence order; report gaps, broken links, wrong hashes, and a tail cut after the head.

    Each record carries the hashed fields plus `prev_hash` and `hash`. Sequence numbers start at 1 and have
    no gaps (they are assigned under the chain-head lock, not by an auto-increment that may skip).
    """
    problems: list[Problem] = []
    prev_hash, expected = GENESIS, 1
    for rec in records:
        seq = int(rec["seq"])
        if seq != expected:
            problems.append(Problem(seq, f"sequence jumps from {expected - 1} to {seq}: events deleted"))
        if rec["prev_hash"] != prev_hash:
            problems.append(Problem(seq, "prev_hash does not match the previous event: the chain is broken here"))
        actual = chain_hash(rec["prev_hash"], rec)
        if actual != rec["hash"]:
            problems.append(Problem(seq, "content does not match its hash: the row was changed"))
        prev_hash, expected = str(rec["hash"]), seq + 1
    if head is not None:
        head_seq, head_hash = head
        if head_seq != expected - 1:
            problems.append(Problem(head_seq, f"the log ends at {expected - 1} but the head says {head_seq}"))
        elif head_hash != prev_hash:
            problems.append(Problem(head_seq, "the last event's hash differs from the chain head"))
    return problems
