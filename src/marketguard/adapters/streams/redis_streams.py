"""Redis Streams: a consumer group; each batch's results are added to the results stream and its entries
acknowledged in ONE MULTI/EXEC (XADD ... XACK), so a result is never published without its acknowledgement.

    marketguard consume redis://127.0.0.1:6379/0 --stream marketguard:in --group marketguard --results marketguard:out

An input entry holds the record's JSON in one field (`data` unless told otherwise); a result entry has the
fields `result` (the JSON), `input` (the input's entry id) and `key` (the dedupe key).

Entries left pending by a consumer that died are taken over with XAUTOCLAIM once idle for `claim_idle`
seconds; at start the consumer first takes back its own pending entries (a restart under the same name). Both
go through XCLAIM, which counts deliveries, so an entry that kills every consumer that takes it is given up
with an error result after `core.MAX_DELIVERIES` (no poison-pill loop).

Every consumer name that ever read stays in the group until deleted, and a consumer named host-pid gets a new
name at each start. So at start, and every `FORGET_EVERY` seconds after, the consumer deletes the group's
consumers that hold no pending entry and have not read for `forget_idle` seconds: checked and deleted in one
server-side script, so an entry never loses its pending record (deleting a consumer drops its pending entries).
A live consumer deleted by mistake costs nothing: its next XREADGROUP creates it again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from marketguard.adapters.streams.core import RETRY_SECONDS, Delivery, Outcome, Processor, Stats, StoreUnavailable
from marketguard.adapters.streams.stop import Stop

if TYPE_CHECKING:
    import redis

log = logging.getLogger("marketguard.streams")

Entry = tuple[bytes, dict[bytes, bytes]]
BLOCK_MS = 1000
"""How long one XREADGROUP waits for entries: also the longest a stop request waits when the stream is idle."""
FORGET_EVERY = 3600.0
"""How often a consumer looks for dead consumers to delete (see the module doc)."""
_FORGET_SCRIPT = """
local deleted = 0
for _, info in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local c = {}
  for i = 1, #info, 2 do c[info[i]] = info[i + 1] end
  if c['name'] ~= ARGV[3] and tonumber(c['pending']) == 0 and tonumber(c['idle']) > tonumber(ARGV[2]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], c['name'])
    deleted = deleted + 1
  end
end
return deleted
"""


class RedisConsumer:
    def __init__(
        self,
        client: redis.Redis,
        stream: str,
        group: str,
        consumer: str,
        results: str,
        processor: Processor,
        stop: Stop,
        batch: int = 100,
        field: str = "data",
        claim_idle: float = 60.0,
        start: str = "0",
        results_maxlen: int | None = None,
        forget_idle: float = 86400.0,
    ) -> None:
        self.client = client
        self.stream, self.group, self.consumer, self.results = stream, group, consumer, results
        self.processor = processor
        self.stop = stop
        self.batch = batch
        self.field = field.encode()
        self.claim_idle_ms = int(claim_idle * 1000)
        self.start = start
        self.results_maxlen = results_maxlen
        self.forget_idle_ms = int(forget_idle * 1000)
        self.stats = Stats()
        self._next_forget = 0.0
        self._claim_cursor = "0-0"
        self._next_claim = 0.0

    def ensure_group(self) -> None:
        """Create the group (and the stream) unless they exist; a new group starts at `start` ("0": every entry
        already in the stream, "$": only new ones)."""
        import redis

        try:
            self.client.xgroup_create(self.stream, self.group, id=self.start, mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def forget_dead(self) -> int:
        """Delete the group's consumers (not this one) with no pending entry, idle for `forget_idle`; returns
        how many were deleted."""
        deleted: Any = self.client.eval(_FORGET_SCRIPT, 1, self.stream, self.group, self.forget_idle_ms, self.consumer)
        if deleted:
            log.info("deleted %d idle consumers without pending entries from group %s", deleted, self.group)
        return int(deleted)

    def run(self) -> Stats:
        """Consume until `stop` is set: own pending entries first, then new ones, with stale entries of other
        consumers claimed every `claim_idle / 2` seconds. The batch in hand is finished before returning."""
        import redis

        self.ensure_group()
        attempt = 0
        own_pending = True
        while not self.stop.is_set():
            try:
                if time.monotonic() >= self._next_forget:
                    self.forget_dead()
                    self._next_forget = time.monotonic() + FORGET_EVERY
                if own_pending:
                    entries, counts = self._own_pending()
                    own_pending = bool(entries)
                elif time.monotonic() >= self._next_claim:
                    entries, counts = self._claim_stale()
                else:
                    entries, counts = self._read_new(), {}
                if entries:
                    self._handle(entries, counts)
                attempt = 0
            except redis.ConnectionError as exc:
                wait = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                log.warning("Redis unavailable (%s); retried in %.0f s", exc, wait)
                attempt += 1
                self.stop.wait(wait)
        return self.stats

    def _read_new(self) -> list[Entry]:
        reply: Any = self.client.xreadgroup(
            self.group, self.consumer, {self.stream: ">"}, count=self.batch, block=BLOCK_MS
        )
        return list(reply[0][1]) if reply else []

    def _own_pending(self) -> tuple[list[Entry], dict[bytes, int]]:
        """This consumer's pending entries (left by an earlier run under the same name), claimed again so that
        their delivery count grows."""
        pending: Any = self.client.xpending_range(
            self.stream, self.group, min="-", max="+", count=self.batch, consumername=self.consumer
        )
        if not pending:
            return [], {}
        ids = [p["message_id"] for p in pending]
        claimed: Any = self.client.xclaim(self.stream, self.group, self.consumer, min_idle_time=0, message_ids=ids)
        present = {entry_id for entry_id, _ in claimed if entry_id is not None}
        gone = [i for i in ids if i not in present]  # trimmed from the stream: nothing left to screen
        if gone:
            self.client.xack(self.stream, self.group, *gone)
        return [e for e in claimed if e[0] is not None and e[1] is not None], self._counts(claimed)

    def _claim_stale(self) -> tuple[list[Entry], dict[bytes, int]]:
        """Entries pending with another consumer for longer than `claim_idle` (it died, or hangs)."""
        reply: Any = self.client.xautoclaim(
            self.stream,
            self.group,
            self.consumer,
            min_idle_time=self.claim_idle_ms,
            start_id=self._claim_cursor,
            count=self.batch,
        )
        cursor = reply[0]
        self._claim_cursor = cursor.decode() if isinstance(cursor, bytes) else str(cursor)
        if self._claim_cursor == "0-0":  # went round the whole pending list: rest before the next round
            self._next_claim = time.monotonic() + self.claim_idle_ms / 2000
        entries = [e for e in reply[1] if e[0] is not None and e[1] is not None]
        return entries, self._counts(entries)

    def _counts(self, entries: Sequence[Any]) -> dict[bytes, int]:
        """Each claimed entry's delivery count (XPENDING over the claimed range)."""
        ids = [e[0] for e in entries if e[0] is not None]
        if not ids:
            return {}
        pending: Any = self.client.xpending_range(
            self.stream, self.group, min=ids[0], max=ids[-1], count=len(ids) + 1000, consumername=self.consumer
        )
        return {p["message_id"]: int(p["times_delivered"]) for p in pending}

    def _handle(self, entries: list[Entry], counts: dict[bytes, int]) -> None:
        deliveries = [
            Delivery(entry_id.decode(), fields.get(self.field), counts.get(entry_id, 1)) for entry_id, fields in entries
        ]
        outcomes = self._process(deliveries)
        if outcomes is None:
            return
        self._publish_and_ack(deliveries, outcomes)
        self.stats.records += len(entries)
        self.stats.errors += sum(o.error for o in outcomes)
        self.stats.batches += 1

    def _publish_and_ack(self, deliveries: list[Delivery], outcomes: list[Outcome]) -> None:
        """The results added and their inputs acknowledged in one MULTI/EXEC: both happen, or neither."""
        pipe = self.client.pipeline(transaction=True)
        for d, o in zip(deliveries, outcomes, strict=True):
            fields = {"result": o.body, "input": d.position, "key": o.key}
            pipe.xadd(self.results, fields, maxlen=self.results_maxlen, approximate=True)  # type: ignore[arg-type]
        pipe.xack(self.stream, self.group, *[d.position for d in deliveries])
        pipe.execute()

    def _process(self, deliveries: list[Delivery]) -> list[Outcome] | None:
        """The batch's outcomes, retrying while the database is away; None when asked to stop meanwhile (the
        entries stay pending with this consumer, taken back at its next start or claimed by another)."""
        attempt = 0
        while True:
            try:
                return self.processor.process(deliveries)
            except StoreUnavailable as exc:
                wait = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                log.warning("database unavailable (%s); batch retried in %.0f s", exc, wait)
                attempt += 1
                if self.stop.wait(wait):
                    return None
