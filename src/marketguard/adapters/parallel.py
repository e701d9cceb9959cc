"""`scan` on several cores, with the same output as one core: same lines, same order, same state.

Each worker process owns a screener and therefore the memory of the conversations routed to it; every
line of a conversation goes to the same worker (by a hash of its `conversation_id`), so details split
across messages are joined exactly as in a single process. Account events go by a hash of their
`account_id`, so each account's state lives in one worker's monitor. Lines are read in batches, fanned out, and
written back in input order. Workers are forked after the screener is built, so they start at once.

The main process does as little per line as it can, because on a machine with as many cores as workers
every microsecond it spends is taken from a worker: a line is routed by a few substring tests when it
cannot name a conversation or an account (no `conversation_id`, no `kind`, no escape), and parsed only
otherwise; each worker's share of a batch travels as ONE bytes message over a pipe (line numbers packed in
an array, then the raw lines joined by newlines: no pickling) and comes back as one bytes message of
output lines. A feeder thread reads and routes while the main thread collects and writes, and every pipe is written by
a thread of its own (in the parent for requests, in each worker for results), so no process ever waits
for another to drain a pipe: the workers run at their own pace, not in lockstep.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing as mp
import queue
import threading
import zlib
from array import array
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import IO

import orjson

from marketguard.adapters.jsonl import ACCOUNT_KINDS, LazyMonitor, read_lines, screen_line
from marketguard.core.engine import Screener

Batch = list[tuple[int, bytes | None]]
"""(line number, raw line) pairs; None for a line too long to read."""

HEAD_LINES = 2048
"""Lines screened in the parent before the workers start (see `scan_parallel`). RE2 builds its automata
state by state as texts arrive; states built here are inherited by every worker instead of being built again
in each. On the 20,000-line bench corpus, 2,048 beat 512 by ~8% of wall time (2.36 vs 2.56 s best of 4,
alternating, 2 workers) and 4,096 gained nothing more; on a corpus of another seed (7) the two were level
(2.45 vs 2.49 s). It never lost."""

_COUNT_BYTES = 8
"""Bytes of the count that opens every message (a signed little-endian int; -1 ends the stream)."""
_END = (-1).to_bytes(_COUNT_BYTES, "little", signed=True)


def _pack(numbers: array[int], raws: list[bytes]) -> bytes:
    """One worker's share of a batch: count, line numbers (negative: a line too long, not read), lines."""
    return len(numbers).to_bytes(_COUNT_BYTES, "little", signed=True) + numbers.tobytes() + b"\n".join(raws)


def _unpack(data: bytes) -> list[tuple[int, bytes | None]] | None:
    count = int.from_bytes(data[:_COUNT_BYTES], "little", signed=True)
    if count < 0:
        return None
    if count == 0:
        return []
    numbers = array("q")
    numbers.frombytes(data[_COUNT_BYTES : _COUNT_BYTES + 8 * count])
    raws = data[_COUNT_BYTES + 8 * count :].split(b"\n")  # a line read by `read_lines` never holds a newline
    return [(n, raw) if n > 0 else (-n, None) for n, raw in zip(numbers, raws, strict=True)]


_WARM_UP = (
    "Hi! Thanks for the brief, I can start on Monday and deliver the first draft by 2025-11-08 for $450.",
    "Check my portfolio at https://www.example.com/work or mail jdoe at gmail dot com, +1 (415) 555-0198",
    "Congratulations, you are hired! Contact HR on Telegram, buy the equipment from our vendor, pay the fee",
    "Top up 100 USDT to unlock the tasks; your balance is negative. Send via PayPal or Wise, skip the fee.",
)
"""Texts screened once before the workers fork, so that the lazy one-time work they trigger (importing and
building the suffix list, compiling patterns, RE2's first automaton states) is done once, in the parent,
rather than again in every worker. None of them has a conversation: the screener's state is unchanged."""


def warm(screener: Screener) -> None:
    """The one-time work every worker would otherwise repeat, done once before the fork (see `_WARM_UP`)."""
    for text in _WARM_UP:
        screener.screen(text)


def _sender(conn: Connection, messages: queue.SimpleQueue[bytes | None]) -> None:
    """Send each message in turn until None: a thread, so that whoever queues a message never waits on the
    reader at the other end (a blocked write would hold every other worker to this one's pace)."""
    while (data := messages.get()) is not None:
        try:
            conn.send_bytes(data)
        except OSError:  # the other end is gone; its side reports why
            return


def _worker(screener: Screener, index: int, requests: list[Connection], results: list[Connection]) -> None:
    for i, (req, res) in enumerate(zip(requests, results, strict=True)):  # keep only this worker's ends open,
        if i != index:  # so that a dead worker's pipes break instead of hanging the others
            req.close()
            res.close()
    inbox, outbox = requests[index], results[index]
    gc.freeze()  # the screener built before the fork is permanent: no collection walks it (or copies its pages)
    accounts = LazyMonitor()  # this worker's accounts: every event of an account is routed here
    dumps = orjson.dumps
    outgoing: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_sender, args=(outbox, outgoing), daemon=True)
    sender.start()
    while (batch := _unpack(inbox.recv_bytes())) is not None:
        failed = 0
        out: list[bytes] = []
        for n, raw in batch:
            line = screen_line(screener, raw, n, accounts=accounts)
            failed += "error" in line
            out.append(dumps(line))
        outgoing.put(failed.to_bytes(_COUNT_BYTES, "little") + b"\n".join(out))
    outgoing.put(None)
    sender.join()


def _route(raw: bytes | None, number: int, workers: int) -> int:
    """The worker for a line: by account for account events, by conversation for messages, so that state
    lives in one process. A line that could name neither (no `conversation_id`, no `"kind"`, and no escape
    that could spell them) goes by its number; any other is parsed, not searched, so that an escaped key
    ("conversation\\u005fid") routes like a plain one."""
    if raw is None or (b"conversation_id" not in raw and b'"kind"' not in raw and b"\\" not in raw):
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


def _recv(conn: Connection, proc: BaseProcess) -> bytes:
    """A worker's results, or an error if the worker died (rather than waiting for ever)."""
    while not conn.poll(1.0):
        if not proc.is_alive():
            raise RuntimeError(f"a scan worker stopped (exit code {proc.exitcode})")
    try:
        return conn.recv_bytes()
    except EOFError:
        proc.join(timeout=1)
        raise RuntimeError(f"a scan worker stopped (exit code {proc.exitcode})") from None


def _batches(pairs: Iterator[tuple[int, bytes | None]], size: int) -> Iterator[Batch]:
    batch: Batch = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _may_be_account_event(raw: bytes | None) -> bool:
    return raw is not None and (b'"kind"' in raw or b"\\" in raw)


_Plan = tuple[bytes, list[int]]
"""A batch as the collector needs it: the worker of each line, in input order, and each worker's count."""


def scan_parallel(
    screener: Screener,
    stream: IO[bytes],
    sink: IO[bytes],
    workers: int,
    batch_size: int = 2048,
    on_lines: Callable[[int], None] | None = None,
    head: int = HEAD_LINES,
) -> tuple[int, int]:
    """Like `jsonl.scan`, on `workers` processes; returns (lines, errors).

    The first `head` lines are screened here, before the workers fork (up to the first line that may be an
    account event): they warm what every worker would otherwise warm on its own (imports, compiled
    patterns, automata, caches), and each worker inherits their state, of which it only ever uses its own
    conversations' part, so the output is the one of a single process."""
    context = mp.get_context("fork")
    warm(screener)
    pairs = enumerate(read_lines(stream), start=1)
    lines = errors = 0
    pending: list[tuple[int, bytes | None]] = []
    head_accounts = LazyMonitor()
    for number, raw in pairs:
        if number > head or _may_be_account_event(raw):
            pending.append((number, raw))
            break
        result = screen_line(screener, raw, number, accounts=head_accounts)  # never used: no account event here
        errors += "error" in result
        sink.write(orjson.dumps(result) + b"\n")
        lines += 1
    if lines and on_lines is not None:
        on_lines(lines)
    pipes = [context.Pipe(duplex=False) for _ in range(2 * workers)]  # (reader, writer) pairs
    req_r = [r for r, _ in pipes[:workers]]
    req_w = [w for _, w in pipes[:workers]]
    res_r = [r for r, _ in pipes[workers:]]
    res_w = [w for _, w in pipes[workers:]]
    procs = [context.Process(target=_worker, args=(screener, i, req_r, res_w), daemon=True) for i in range(workers)]
    for proc in procs:
        proc.start()
    for conn in (*req_r, *res_w):  # the workers' ends: closed here so that a worker's death shows as EOF
        conn.close()
    outgoing: list[queue.SimpleQueue[bytes | None]] = [queue.SimpleQueue() for _ in range(workers)]
    senders = [threading.Thread(target=_sender, args=pair, daemon=True) for pair in zip(req_w, outgoing, strict=True)]
    for sender in senders:
        sender.start()
    plans: queue.Queue[_Plan | BaseException | None] = queue.Queue(maxsize=2)  # the feeder stays <= 2 batches ahead
    stop = threading.Event()

    def feed() -> None:
        try:
            for batch in _batches(itertools.chain(pending, pairs), batch_size):
                if stop.is_set():
                    return
                numbers = [array("q") for _ in range(workers)]
                raws: list[list[bytes]] = [[] for _ in range(workers)]
                assign = bytearray(len(batch))
                for i, (number, raw) in enumerate(batch):
                    w = _route(raw, number, workers)
                    assign[i] = w
                    if raw is None:
                        numbers[w].append(-number)
                        raws[w].append(b"")
                    else:
                        numbers[w].append(number)
                        raws[w].append(raw)
                for out, nums, lines in zip(outgoing, numbers, raws, strict=True):
                    out.put(_pack(nums, lines))
                plans.put((bytes(assign), [len(nums) for nums in numbers]))
            for out in outgoing:
                out.put(_END)
            plans.put(None)
        except BaseException as exc:  # handed to the main thread, which raises it
            plans.put(exc)

    feeder = threading.Thread(target=feed, name="scan-feeder", daemon=True)
    feeder.start()
    finished = False
    try:
        while (plan := plans.get()) is not None:
            if isinstance(plan, BaseException):
                raise plan
            assign, counts = plan
            shares: list[Iterator[bytes]] = []
            for conn, proc, count in zip(res_r, procs, counts, strict=True):
                data = _recv(conn, proc)
                errors += int.from_bytes(data[:_COUNT_BYTES], "little")
                shares.append(iter(data[_COUNT_BYTES:].split(b"\n") if count else ()))
            sink.write(b"".join([next(shares[w]) + b"\n" for w in assign]))
            lines += len(assign)
            if on_lines is not None:
                on_lines(len(assign))
        finished = True
    finally:
        stop.set()
        for box in outgoing:
            box.put(None)  # the senders stop (after the end-of-stream, when the feeder got that far)
        for proc in procs:
            proc.join(timeout=5 if finished else 0)  # every worker has its end-of-stream once the feeder is done
            if proc.is_alive():
                proc.kill()
        for conn in (*req_w, *res_r):
            conn.close()
    return lines, errors
