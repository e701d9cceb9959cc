"""Work that falls due with time rather than with a request: the end of a timed sanction, the expiry of stored
Idempotency-Key answers, and (on SQLite) the WAL checkpoint, which would otherwise run inside a request's commit
holding the write lock.

A thread in each service process wakes every `SWEEP_SECONDS` and writes `sanction.ended` to the audit log
for each timed sanction whose end has passed (unless an appeal lifted it first). Workers may sweep at
once: each sanction is claimed by a conditional UPDATE, so its end is logged exactly once, at most
`SWEEP_SECONDS` after it (the event's `ended_at` is the sanction's own end). The same thread deletes stored
idempotency answers older than `idempotency_keep_days`, at most once every `PRUNE_SECONDS`, in bounded
transactions (two workers deleting at once just find less to delete).
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import Engine

from marketguard.adapters.storage import idempotency, sanctioning
from marketguard.adapters.storage.clock import Every, utcnow
from marketguard.adapters.storage.db import checkpoint, is_sqlite, run
from marketguard.adapters.storage.group_commit import Recent

log = logging.getLogger("marketguard.sweeper")

SWEEP_SECONDS = 30.0
PRUNE_SECONDS = 600.0
CHECKPOINT_SECONDS = 0.5


class Sweeper:
    def __init__(self, engine: Engine, every: float = SWEEP_SECONDS, idempotency_keep_days: int = 0) -> None:
        self.engine = engine
        self.every = every
        self.idempotency_keep_days = idempotency_keep_days
        self._prune = Every(PRUNE_SECONDS)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="marketguard-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def sweep(self) -> int:
        """One pass; returns how many sanction ends were logged."""
        return run(self.engine, lambda s: sanctioning.log_ended(s, utcnow()))

    def prune_due(self, now: float | None = None) -> int:
        """At most once every PRUNE_SECONDS: delete the expired idempotency answers; returns how many."""
        if self.idempotency_keep_days <= 0 or not self._prune.due(now):
            return 0
        pruned = idempotency.prune_expired(self.engine, self.idempotency_keep_days)
        if pruned:
            log.info("deleted %d idempotency answers older than %d days", pruned, self.idempotency_keep_days)
        return pruned

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.sweep()
                self.prune_due()
            except Exception:  # the database may be away for a while: try again next time
                log.exception("sweep failed")


class Checkpointer:
    """SQLite only: a PASSIVE WAL checkpoint every `CHECKPOINT_SECONDS`, outside any request (see
    `storage.db`). Each worker runs one; a checkpoint that finds another in progress just returns."""

    def __init__(self, engine: Engine, every: float = CHECKPOINT_SECONDS, durations: Recent | None = None) -> None:
        self.engine = engine
        self.every = every
        self.enabled = is_sqlite(engine)
        self.durations = durations if durations is not None else Recent(1024)
        """How long each checkpoint took (copying WAL frames back and syncing the database file)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="marketguard-checkpoint", daemon=True)

    def start(self) -> None:
        if self.enabled:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            started = time.perf_counter()
            try:
                checkpoint(self.engine)
                self.durations.add(time.perf_counter() - started)
            except Exception:  # busy or the file is away: the next pass tries again
                log.debug("checkpoint failed", exc_info=True)
