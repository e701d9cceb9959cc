"""Group commit: many requests' writes in one transaction, each request answered only after it committed.

Why: a transaction per screened message costs a BEGIN, a COMMIT (on PostgreSQL a WAL flush, on SQLite the
write lock), a session and a connection checkout; under load, many threads of one process also queue for
the database's single write lock (SQLite sleeps in its busy handler, 1 to 100 ms at a time). One writer
thread per process instead runs whatever requests are waiting, together, in one transaction: while it
commits one batch the next one gathers, so batches grow with the load and nothing waits for a timer.

Guarantees:
- a request's future resolves only after the transaction holding its write committed, so no
  acknowledged write is lost (what the SIGKILL tests check);
- a request whose work fails (a domain error, a constraint) fails alone: the batch is rolled back and its
  requests are run again one transaction each, so the others still commit and the failing one gets its
  own error, exactly as without batching;
- when the database itself is unavailable (`OperationalError` after `run`'s retries, a dead connection)
  every request of the batch gets that error (503 `database_unavailable` over HTTP): nothing of the
  batch was committed, so nothing is acknowledged;
- work may run more than once (a retried transaction, or the one-by-one rerun), so it must only touch
  the session, as every `run` work already does;
- a batch's audit events are chained and reach the database at its commit, all together
  (`audit_log.defer_appends`): the audit chain's head, which every worker's logging transaction waits for, is
  locked only then, so batched work must not read back events it appended before `audit_log.seal`;
- a batch runs its jobs in the order of their `order` keys (the subject whose case each may lock), so
  batches lock case rows in one order and the head last, and cannot deadlock on each other.

    writer = GroupCommit(engine)
    future = writer.submit(lambda session: record(session, ...))   # concurrent.futures.Future
    result = future.result()
    result = await writer.submit_async(lambda session: ...)         # from an event loop
    writer.stop()

`submit_async` answers a batch's requests with one wake-up of their event loop (one `call_soon_threadsafe`
for all of them) instead of one per request, and without a `concurrent.futures.Future` (a Condition and
its lock each) chained to an asyncio future per request: the hand-back is work the event loop, which
screens every request, and the writer, which holds the interpreter lock meanwhile, do for every request.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.db import run

log = logging.getLogger("marketguard.storage")

MAX_BATCH = 64
"""Most requests per transaction: bounds how long one commit holds the write lock."""


def _database_down(exc: BaseException) -> bool:
    """The database failed, not the work: rerunning each request alone would only fail slower."""
    return isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated)


class Recent:
    """The last `size` durations (seconds), for quantiles over recent load: what a request waited on the
    writer is a latency tail, and a tail needs the values, not a mean. Appends are one `deque.append`
    (atomic under the interpreter lock), so the writer thread and the event loop can both record."""

    def __init__(self, size: int = 4096) -> None:
        self._values: deque[float] = deque(maxlen=size)

    def add(self, seconds: float) -> None:
        self._values.append(seconds)

    def quantiles(self, qs: tuple[float, ...] = (0.5, 0.9, 0.99, 1.0)) -> dict[float, float]:
        """{q: value} over the recent values (empty when there are none); 1.0 is the maximum."""
        values = sorted(self._values.copy())  # one C call: the writer thread cannot append mid-copy
        if not values:
            return {}
        return {q: values[min(len(values) - 1, int(q * len(values)))] for q in qs}


@dataclass
class Stats:
    """What the writer did, for /metrics and the benchmark."""

    batches: int = 0
    requests: int = 0
    reruns: int = 0
    largest: int = 0
    commit_seconds: float = 0.0
    queued: Recent = field(default_factory=Recent)
    """Per request: from `submit` until its batch's transaction began (waiting for the writer thread to wake,
    or for the batch before it to commit)."""
    batch: Recent = field(default_factory=Recent)
    """Per batch: running its work and committing (on SQLite including the wait for the file lock)."""


@dataclass(slots=True)
class _Job:
    work: Callable[[Session], Any]
    future: Future[Any] | None = None
    """Resolved from the writer thread (`submit`)."""
    waiter: asyncio.Future[Any] | None = None
    """Resolved on its event loop, with the batch's other waiters of that loop (`submit_async`)."""
    submitted: float = field(default_factory=time.perf_counter)
    order: tuple[str, ...] = ()
    """Where the job's work runs in its batch (`_together`): the subject whose case it may lock, or ()."""


_Outcome = tuple[_Job, bool, Any]
"""A job, whether its work succeeded, and its result or exception."""


def _settle(outcomes: list[_Outcome]) -> None:
    """On the event loop: resolve the waiters of one batch (a waiter whose request was cancelled is skipped)."""
    for job, ok, value in outcomes:
        waiter = job.waiter
        if waiter is None or waiter.done():
            continue
        if ok:
            waiter.set_result(value)
        else:
            waiter.set_exception(value)


def _deliver(outcomes: list[_Outcome]) -> None:
    """Hand each job its outcome: thread futures at once, asyncio waiters with one call per event loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[_Outcome]] = {}
    for outcome in outcomes:
        job, ok, value = outcome
        if job.waiter is not None:
            by_loop.setdefault(job.waiter.get_loop(), []).append(outcome)
        elif job.future is not None:
            if ok:
                job.future.set_result(value)
            else:
                job.future.set_exception(value)
    for loop, mine in by_loop.items():
        try:
            loop.call_soon_threadsafe(_settle, mine)
        except RuntimeError:  # the loop is closed: nothing awaits these any more (their work did commit)
            log.warning("group commit: %d answers for a closed event loop dropped", len(mine))


def _together(session: Session, batch: list[_Job]) -> list[Any]:
    """A batch's work in one transaction, its audit events chained and written at the commit
    (`audit_log.defer_appends`), the jobs run in the order of their keys (the subjects whose cases they may
    lock; a stable sort, so one subject's jobs keep their arrival order). Every batch then locks case rows in
    one order and the audit head last: two workers' batches may wait for each other's rows, never in a cycle.
    The results come back in the batch's order."""
    audit_log.defer_appends(session)
    results: list[Any] = [None] * len(batch)
    for i in sorted(range(len(batch)), key=lambda i: batch[i].order):
        results[i] = batch[i].work(session)
    return results


class GroupCommit:
    """One writer thread per process that commits waiting requests' work together (see the module doc)."""

    def __init__(self, engine: Engine, max_batch: int = MAX_BATCH) -> None:
        self.engine = engine
        self.max_batch = max_batch
        self.stats = Stats()
        self._jobs: deque[_Job] = deque()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False

    def submit(self, work: Callable[[Session], Any], order: tuple[str, ...] = ()) -> Future[Any]:
        """Queue `work`; the future resolves from the writer thread once its batch committed (or failed)."""
        future: Future[Any] = Future()
        self._queue(_Job(work, future=future, order=order))
        return future

    def submit_async(self, work: Callable[[Session], Any], order: tuple[str, ...] = ()) -> asyncio.Future[Any]:
        """Queue `work` from the running event loop; await the result, which arrives once its batch committed.
        `order` is the subject whose case the work may open or join (see `_together`)."""
        waiter: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._queue(_Job(work, waiter=waiter, order=order))
        return waiter

    def _queue(self, job: _Job) -> None:
        with self._wake:
            if self._thread is None:  # started on first use, in the process that uses it (after a fork)
                self._thread = threading.Thread(target=self._loop, name="group-commit", daemon=True)
                self._thread.start()
            self._jobs.append(job)
            self._wake.notify()

    def pending(self) -> int:
        """Requests waiting for the next batch."""
        with self._wake:
            return len(self._jobs)

    def stop(self, timeout: float = 10.0) -> None:
        """Commit what is queued, then end the writer thread (a later `submit` starts a new one)."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._stopping:
                    self._wake.wait()
                if not self._jobs:  # stopping, and nothing left to commit
                    self._thread, self._stopping = None, False
                    return
                batch = [self._jobs.popleft() for _ in range(min(len(self._jobs), self.max_batch))]
            self._commit(batch)

    def _commit(self, batch: list[_Job]) -> None:
        started = time.perf_counter()
        for job in batch:
            self.stats.queued.add(started - job.submitted)
        outcomes: list[_Outcome]
        try:
            results = run(self.engine, lambda session: _together(session, batch))
        except BaseException as exc:
            if len(batch) == 1 or _database_down(exc):
                outcomes = [(job, False, exc) for job in batch]
            else:
                self.stats.reruns += 1
                outcomes = [self._alone(job) for job in batch]  # find the one that failed; the others commit
        else:
            outcomes = [(job, True, result) for job, result in zip(batch, results, strict=True)]
        finally:
            self.stats.batches += 1
            self.stats.requests += len(batch)
            self.stats.largest = max(self.stats.largest, len(batch))
            took = time.perf_counter() - started
            self.stats.commit_seconds += took
            self.stats.batch.add(took)
        _deliver(outcomes)

    def _alone(self, job: _Job) -> _Outcome:
        """One job in a transaction of its own."""
        try:
            return job, True, run(self.engine, job.work)
        except BaseException as exc:
            return job, False, exc
