"""Records per second through `marketguard consume` on each broker, beside `scan` of the same records.

    .venv/bin/python bench/bench_stream.py                       # 5,000 records, batch 100, both brokers
    .venv/bin/python bench/bench_stream.py --n 20000 --batch 500 --store   # decisions stored in SQLite too

The records (the speed corpus, `corpus.py`, with conversation ids) are published first; then one consumer (this
process, one core) screens them, publishes one result each and acknowledges them, and the clock stops when the
last result is published. `scan` is the same screening with no broker: the difference is the broker's cost
(fetch, publish with confirmation, acknowledgement) per record. CPU time of this process is given beside wall
time: the brokers run in their own processes, so wall time includes waiting for them. Printed figures only: no
target, no verdict (a shared machine's load moves them; see the load averages in the header).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).parent))
from benchutil import print_header
from corpus import build_corpus
from marketguard import Screener
from marketguard.adapters.jsonl import scan
from marketguard.adapters.streams import jetstream
from marketguard.adapters.streams.core import Processor
from marketguard.adapters.streams.redis_streams import RedisConsumer
from marketguard.adapters.streams.stop import Stop

NATS_URL = "nats://127.0.0.1:4222"
REDIS_URL = "redis://127.0.0.1:6379/15"


def _store(namespace: str, folder: str | None) -> Any:
    if folder is None:
        return None
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.migrate import upgrade
    from marketguard.adapters.streams.store import StreamStore
    from marketguard.service.settings import ServiceSettings

    url = f"sqlite:///{folder}/{namespace.replace(':', '_').replace('.', '_')}.db"
    upgrade(url)
    return StreamStore(make_engine(url), ServiceSettings(database_url=url), namespace)


def _line(name: str, n: int, wall: float, cpu: float) -> None:
    print(f"{name:<22} {n / wall:>9,.0f} records/s wall  {n / cpu:>9,.0f} records/s CPU  ({wall:.2f} s, {n} records)")


def bench_scan(lines: list[bytes]) -> None:
    data = b"\n".join(lines) + b"\n"
    cpu, wall = time.process_time(), time.perf_counter()
    scan(Screener(), io.BytesIO(data), io.BytesIO())
    _line("scan (no broker)", len(lines), time.perf_counter() - wall, time.process_time() - cpu)


async def _nats(lines: list[bytes], batch: int, folder: str | None) -> tuple[float, float] | str:
    import nats

    tag = uuid.uuid4().hex[:8]
    inp, out = f"mgbench.{tag}.in", f"mgbench.{tag}.out"
    try:
        nc = await nats.connect(NATS_URL, connect_timeout=2, max_reconnect_attempts=0)
    except Exception as exc:
        return f"unavailable ({exc})"
    js = nc.jetstream()
    try:
        for subject in (inp, out):
            await js.add_stream(name=jetstream.stream_name(subject), subjects=[subject])
        for line in lines:
            await js.publish_async(inp, line)
        await js.publish_async_completed()
        processor = Processor(Screener(), inp, _store(inp, folder))
        stop = Stop()
        cpu, wall = time.process_time(), time.perf_counter()
        task = asyncio.create_task(jetstream.consume(NATS_URL, inp, out, processor, stop, batch=batch))
        while True:
            info = await js.stream_info(jetstream.stream_name(out))
            if info.state.messages >= len(lines):
                break
            await asyncio.sleep(0.02)
        elapsed = time.perf_counter() - wall, time.process_time() - cpu
        stop.set()
        await task
        return elapsed
    finally:
        for subject in (inp, out):
            await js.delete_stream(jetstream.stream_name(subject))
        await nc.close()


def _redis(lines: list[bytes], batch: int, folder: str | None) -> tuple[float, float] | str:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    tag = uuid.uuid4().hex[:8]
    inp, out = f"mgbench:{tag}:in", f"mgbench:{tag}:out"
    try:
        client.ping()
    except redis.ConnectionError as exc:
        return f"unavailable ({exc})"
    try:
        pipe = client.pipeline(transaction=False)
        for line in lines:
            pipe.xadd(inp, {"data": line})
        pipe.execute()
        consumer = RedisConsumer(
            client, inp, "bench", "c1", out, Processor(Screener(), inp, _store(inp, folder)), Stop(), batch=batch
        )
        cpu, wall = time.process_time(), time.perf_counter()
        thread = threading.Thread(target=consumer.run)
        thread.start()
        while client.xlen(out) < len(lines):
            time.sleep(0.02)
        elapsed = time.perf_counter() - wall, time.process_time() - cpu
        consumer.stop.set()
        thread.join()
        return elapsed
    finally:
        client.delete(inp, out)
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5000, help="records (default 5,000)")
    parser.add_argument("--batch", type=int, default=100, help="records per fetch (default 100)")
    parser.add_argument("--store", action="store_true", help="store every decision in SQLite (a temporary folder)")
    args = parser.parse_args()
    print_header("bench_stream: records per second through each broker")
    lines = [orjson.dumps(s.record(conversation=True)) for s in build_corpus(args.n, ham=[])]
    print(f"records:  {len(lines)} from the speed corpus (templates), batch {args.batch}, store {args.store}\n")
    scan(Screener(), io.BytesIO(b"\n".join(lines)), io.BytesIO())  # untimed: imports, patterns, automata warm
    bench_scan(lines)
    with tempfile.TemporaryDirectory() as tmp:
        folder = tmp if args.store else None
        runs: list[tuple[str, Callable[[], tuple[float, float] | str]]] = [
            ("NATS JetStream", lambda: asyncio.run(_nats(lines, args.batch, folder))),
            ("Redis Streams", lambda: _redis(lines, args.batch, folder)),
        ]
        for name, run in runs:
            got = run()
            if isinstance(got, str):
                print(f"{name:<22} {got}")
            else:
                _line(name, len(lines), *got)


if __name__ == "__main__":
    main()
