"""`scan` on several cores, with the same output as one core: same lines, same order, same state.

Each worker process owns a screener and therefore the memory of the conversations routed to it; every
line of a conversation goes to the same worker (by a hash of its `conversation_id`), so details split
across messages are joined exactly as in a single process. Account events go by a hash of their
`account_id`, so each account's state lives in one worker's monitor. Lines are read in batches, fanned out, and
written back in input order. Workers are forked after the screener is built, so they start at once.
"""

from __future__ import annotations

import multiprocessing as mp
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from queue import Empty
from typing import IO

import orjson

from marketguard.adapters.jsonl import ACCOUNT_KINDS, LazyMonitor, read_lines, screen_line
from marketguard.core.engine import Screener

Batch = list[tuple[int, bytes | None]]
"""(line number, raw line) pairs; None for a line too long to read."""
Results = list[tuple[int, bytes, bool]]
"""(line number, output line, whether it is an error)."""


def _worker(screener: Screener, requests: Queue[Batch | None], results: Queue[Results]) -> None:
    accounts = LazyMonitor()  # this worker's accounts: every event of an account is routed here
    while True:
        batch = requests.get()
        if batch is None:
            return
        out_lines: Results = []
        for n, raw in batch:
            out = screen_line(screener, raw, n, accounts=accounts)
            out_lines.append((n, orjson.dumps(out), "error" in out))
        results.put(out_lines)


def _route(raw: bytes | None, number: int, workers: int) -> int:
    """The worker for a line: by account for account events, by conversation for messages, so that state
    lives in one process. The line is parsed, not searched, so that an escaped key ("conversation\\u005fid")
    routes like a plain one."""
    if raw is None:
        return number % workers
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return number % workers
    if isinstance(record, dict) and record.get("kind") in ACCOUNT_KINDS:  # an account's state lives in one worker
        account = record.get("account_id")
        if account is None or isinstance(account, dict | list):
            return number % workers
        return zlib.crc32(str(account).encode()) % workers
    conversation = record.get("conversation_id") if isinstance(record, dict) else None
    if conversation is None or isinstance(conversation, dict | list):
        return number % workers
    return zlib.crc32(str(conversation).encode()) % workers


def _get(queue: Queue[Results], proc: BaseProcess) -> Results:
    """A worker's results, or an error if the worker died (rather than waiting for ever)."""
    while True:
        try:
            return queue.get(timeout=1.0)
        except Empty:
            if not proc.is_alive():
                raise RuntimeError(f"a scan worker stopped (exit code {proc.exitcode})") from None


def _batches(stream: IO[bytes], size: int) -> Iterator[Batch]:
    batch: Batch = []
    for number, raw in enumerate(read_lines(stream), start=1):
        batch.append((number, raw))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def scan_parallel(
    screener: Screener,
    stream: IO[bytes],
    sink: IO[bytes],
    workers: int,
    batch_size: int = 2048,
    on_lines: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Like `jsonl.scan`, on `workers` processes; returns (lines, errors)."""
    context = mp.get_context("fork")
    # Queues, not bare pipes: a queue's feeder thread never blocks the sender, so the reader can stay one
    # batch ahead without the two sides each waiting on a full pipe.
    requests: list[Queue[Batch | None]] = [context.Queue() for _ in range(workers)]
    results: list[Queue[Results]] = [context.Queue() for _ in range(workers)]
    procs = [
        context.Process(target=_worker, args=(screener, requests[i], results[i]), daemon=True) for i in range(workers)
    ]
    for proc in procs:
        proc.start()
    lines = errors = 0
    in_flight: deque[Batch] = deque()

    def collect(batch: Batch) -> None:
        nonlocal lines, errors
        done: dict[int, tuple[bytes, bool]] = {}
        for queue, proc in zip(results, procs, strict=True):
            done.update((n, (out, failed)) for n, out, failed in _get(queue, proc))
        for number, _ in batch:
            out, failed = done[number]
            errors += failed
            sink.write(out + b"\n")
        lines += len(batch)
        if on_lines is not None:
            on_lines(len(batch))

    try:
        for batch in _batches(stream, batch_size):
            shares: list[Batch] = [[] for _ in range(workers)]
            for number, raw in batch:
                shares[_route(raw, number, workers)].append((number, raw))
            for queue, share in zip(requests, shares, strict=True):
                queue.put(share)
            in_flight.append(batch)
            if len(in_flight) > 1:  # one batch ahead, so workers never wait for the writer
                collect(in_flight.popleft())
        while in_flight:
            collect(in_flight.popleft())
    finally:
        for queue in requests:
            queue.put(None)
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
    return lines, errors
