"""The broker-neutral part of a stream consumer: a batch of deliveries in, one result per delivery out.

A delivery is screened by `jsonl.screen_line`, the function `marketguard scan` runs on each line, so a record's
result is the one `scan` writes for it (less `line`, which a stream has not: the broker's position of the input
travels beside the result, in a header or field). A bad record (not UTF-8, not JSON, no `text`, too long) gets an
`error` result like a bad line does, and is acknowledged like any other: it can never block the stream.

Delivery is at least once, so the same record can come twice (a consumer died between publishing and
acknowledging, an acknowledgement was lost). Each delivery has a dedupe key: a digest of the input's name, the
record's `id` (or, without one, the broker's position of the entry) and the record's bytes. An edited message
(same id, new text) is a new record; the same bytes under the same id are the same record. A key seen again is
answered without screening it again (the conversation would otherwise count the message twice):

- from the database, when there is one (`store.StreamStore`): the stored answer, with its `decision_id`, as
  an `Idempotency-Key` replays a POST's answer, so one record is one stored decision however often it comes;
- else from the process's memory of recent keys (`memo_size`).

A delivery that came `max_deliveries` times without being acknowledged (it crashed every consumer that took
it) gets an error result instead of another try: no poison pill loops for ever.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from marketguard.adapters.jsonl import LazyMonitor, screen_line
from marketguard.core.engine import Screener

if TYPE_CHECKING:
    from marketguard.adapters.streams.store import StreamStore

MAX_RECORD_BYTES = 1 << 20
"""The largest record screened (NATS's default `max_payload`); a larger one gets an error result."""
MAX_DELIVERIES = 10
"""Deliveries after which a record that was never acknowledged is given up (error result, acknowledged)."""
MEMO_SIZE = 10_000
"""Recent dedupe keys (and their results) the consumer remembers."""
RETRY_SECONDS = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Waits before each new try of a batch while the database or the broker is away (the last one repeats)."""


@dataclass(slots=True)
class Stats:
    """What a consumer did, printed when it stops."""

    records: int = 0
    errors: int = 0
    batches: int = 0


@dataclass(frozen=True, slots=True)
class Delivery:
    """One input as the broker handed it over."""

    position: str
    """The broker's identity of the entry ("stream:sequence", a Redis entry id): the same on every redelivery."""
    raw: bytes | None
    """The record's bytes; None when the broker's entry held no record at all (a Redis entry without the field)."""
    deliveries: int = 1
    """How many times the broker has handed this entry over, this time included."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result to publish for one delivery."""

    key: str
    """The dedupe key (hex): the same for every delivery of the same record (JetStream's `Nats-Msg-Id`)."""
    body: bytes
    """The result, JSON: `scan`'s output object, plus `decision_id` and `case_id` when stored."""
    error: bool


def _record_id(raw: bytes) -> str | None:
    """The record's `id` as a dedupe name (typed, so 7 and "7" differ), or None. Parsed only when the bytes
    could hold one: an id-less record costs a substring test, not a second parse."""
    if b'"id"' not in raw and b"\\" not in raw:
        return None
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    rid = record.get("id") if isinstance(record, dict) else None
    if isinstance(rid, bool) or not isinstance(rid, str | int):
        return None
    return f"{type(rid).__name__}:{rid}"


def dedupe_key(namespace: str, delivery: Delivery) -> str:
    """The delivery's dedupe key (see the module doc)."""
    raw = delivery.raw
    name = _record_id(raw) if raw is not None else None
    where = f"id\0{name}" if name is not None else f"at\0{delivery.position}"
    digest = hashlib.sha256(raw if raw is not None else b"\0missing").hexdigest()
    return hashlib.sha256(f"{namespace}\0{where}\0{digest}".encode()).hexdigest()


class StoreUnavailable(Exception):
    """The database could not be reached: nothing of the batch was stored; retry the batch later (its records
    are remembered, not screened again)."""


class Processor:
    """Screens batches of deliveries for one consumer. Holds the screener, and with it the conversations
    this consumer has seen: messages of one conversation must reach the same consumer (docs/streams.md)."""

    def __init__(
        self,
        screener: Screener,
        namespace: str,
        store: StreamStore | None = None,
        accounts: LazyMonitor | None = None,
        max_bytes: int = MAX_RECORD_BYTES,
        max_deliveries: int = MAX_DELIVERIES,
        memo_size: int = MEMO_SIZE,
    ) -> None:
        self.screener = screener
        self.namespace = namespace
        self.store = store
        self.accounts = accounts or LazyMonitor()
        self.max_bytes = max_bytes
        self.max_deliveries = max_deliveries
        self._memo: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._memo_size = memo_size
        self.screened = 0
        """Records screened (duplicates answered from memory or the database are not counted)."""

    def process(self, batch: Sequence[Delivery]) -> list[Outcome]:
        """One outcome per delivery, in order. Raises `StoreUnavailable` when the database is away: call again
        with the same batch later (nothing is screened twice)."""
        keys = [dedupe_key(self.namespace, d) for d in batch]
        stored = self.store.lookup(keys) if self.store is not None else {}
        results: list[dict[str, Any] | None] = []
        for key, delivery in zip(keys, batch, strict=True):
            if key in stored:
                results.append(None)
                continue
            result = self._memo.get(key)
            if result is None:
                result = self._screen(delivery)
                self._remember(key, result)
            results.append(result)
        if self.store is not None:
            todo = [(k, d.raw, r) for k, d, r in zip(keys, batch, results, strict=True) if r is not None]
            stored.update(self.store.record(todo))
        out = []
        for key, result in zip(keys, results, strict=True):
            body = stored.get(key)
            if body is None:
                assert result is not None
                body = orjson.dumps(result)
            out.append(Outcome(key, body, result is not None and "error" in result))
        return out

    def _screen(self, delivery: Delivery) -> dict[str, Any]:
        raw = delivery.raw
        if raw is None:
            return {"id": None, "error": "the entry holds no record"}
        if delivery.deliveries > self.max_deliveries:
            return {
                "id": None,
                "error": f"delivered {delivery.deliveries} times without being acknowledged; given up, not screened",
            }
        self.screened += 1
        result = screen_line(
            self.screener, raw if len(raw) <= self.max_bytes else None, 0, self.max_bytes, accounts=self.accounts
        )
        if "error" in result:
            result.pop("line", None)
            result["error"] = result["error"].replace("line longer than", "record longer than")
        return result

    def _remember(self, key: str, result: dict[str, Any]) -> None:
        self._memo[key] = result
        if len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)
