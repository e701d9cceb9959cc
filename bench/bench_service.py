"""Service benchmark: p99 latency of `POST /v1/screen` at a fixed 500 requests/s, and throughput at saturation,
on SQLite (WAL) and on PostgreSQL, against a real `marketguard serve` process.

Load comes from real tools:
- fixed rate: `wrk` (Debian) paced by its `delay()` hook (`WRK_PACED_LUA`, wrk2-style: each request is due at
  a fixed time and goes out then on whichever of 64 connections is free; requests that went out late because
  every connection was busy are counted and printed, so coordinated omission shows). wrk is C: 0.10 ms of CPU
  per request beside the server, where locust takes 0.35-0.45 ms and the open-loop generator below 0.13-0.18.
- fixed rate: locust, headless, with `constant_throughput` users (USERS users x RATE/USERS requests/s each),
  closed loop per user (a slow answer delays that user's next request, so it under-reports a stall).
- fixed rate: this file's own open-loop generator (asyncio on uvloop), which times each request from its due
  time, so a stall is charged for every request it delayed.
- saturation: `wrk` with a Lua script cycling through the same request bodies, closed loop, so its
  requests/s is the most the service does on this machine with the load generator beside it.
- not used: autocannon's `--overallRate` is a per-connection quota per second, sent back to back at the start
  of each second (lib/httpClient.js: `reqsMadeThisSecond`, reset by a 1 s interval): bursts, not a rate.

Every request is a different message from `bench/corpus.py` (90% everyday work talk, 10% contact and
payment details, many disguised), sent with conversation and sender ids, so every one is screened,
stored with its trace, and the positives open or join cases with audit events: the full write path.

    python bench/bench_service.py                      # both databases, 500 req/s for 30 s each generator, wrk 15 s
    python bench/bench_service.py --generator wrk      # the fixed rate from wrk only
    python bench/bench_service.py --db sqlite --duration 60 --workers 2
    python bench/bench_service.py --db postgresql --pg-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

The same file is the locustfile (locust imports it with MG_BENCH_BODIES set).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson

BENCH_DIR = Path(__file__).resolve().parent
TARGET_P99_MS = 20.0

# -- the locust side (only when locust imports this file) -----------------------------------------------

if os.environ.get("MG_BENCH_BODIES"):
    from locust import FastHttpUser, constant_throughput, task

    _BODIES = Path(os.environ["MG_BENCH_BODIES"]).read_bytes().splitlines()
    _TOKEN = os.environ["MG_BENCH_TOKEN"]
    _PER_USER = float(os.environ["MG_BENCH_PER_USER_RATE"])

    class ScreenUser(FastHttpUser):  # type: ignore[misc]
        """One simulated platform connection screening messages at a constant rate."""

        wait_time = constant_throughput(_PER_USER)

        def on_start(self) -> None:
            self.i = random.randrange(len(_BODIES))

        @task
        def screen(self) -> None:
            self.i = (self.i + 1) % len(_BODIES)
            self.client.post(
                "/v1/screen",
                data=_BODIES[self.i],
                headers={"Authorization": f"Bearer {_TOKEN}", "Content-Type": "application/json"},
                name="/v1/screen",
            )


# -- the open-loop generator (only when run as `bench_service.py --open-loop-worker`) ----------------------


def open_loop(host: str, port: int, token: str, bodies: Path, rate: float, seconds: float, max_conns: int) -> dict:
    """Fixed-rate, open-loop load (like wrk2): request i is *due* at t0 + i/rate whatever happened before,
    and its latency is measured from that due time, not from when it was sent. A request that waits for a
    free connection, or for this process to get the CPU, is late, and the lateness counts against the
    server, so a stall cannot hide the requests it delayed (no coordinated omission). Keep-alive
    connections; a new one is opened only when all are busy (up to `max_conns`, then requests queue).
    How late the generator itself started each request is reported apart, so its own delays are visible."""
    import asyncio
    import gc

    import uvloop

    lines = bodies.read_bytes().splitlines()
    head = f"POST /v1/screen HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
    requests = [
        (head + f"Content-Type: application/json\r\nContent-Length: {len(b)}\r\n\r\n").encode() + b for b in lines
    ]
    total = int(rate * seconds)
    latency: list[float] = []
    send_lag: list[float] = []
    status: dict[int, int] = {}
    errors: list[str] = []

    async def main() -> float:
        # time.perf_counter, not loop.time(): uvloop's loop clock has millisecond steps and is read once per
        # loop iteration, which would round every latency and hide waits inside an iteration
        clock = time.perf_counter
        # oldest idle connection first, so every connection (and the worker process that accepted it) carries
        # its share of the load, as wrk2 spreads its rate over its connections
        idle: deque[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = deque()
        opened = 0
        free = asyncio.Condition()

        async def connection() -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
            nonlocal opened
            while True:
                if idle:
                    return idle.popleft()
                if opened < max_conns:
                    opened += 1
                    return await asyncio.open_connection(host, port)
                async with free:
                    await free.wait()

        async def one(i: int, due: float) -> None:
            send_lag.append(clock() - due)  # the generator's own lateness (waiting for a connection is not)
            try:
                reader, writer = await connection()
                writer.write(requests[i % len(requests)])
                try:
                    header = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionResetError) as exc:
                    if isinstance(exc, asyncio.IncompleteReadError) and exc.partial:
                        raise
                    # the server had closed this idle keep-alive connection (Uvicorn does after 5 s) before
                    # reading the request: send it again on a new one, as HTTP clients do; still timed from due
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
                    writer.write(requests[i % len(requests)])
                    header = await reader.readuntil(b"\r\n\r\n")
                code = int(header[9:12])
                length = 0
                for line in header.split(b"\r\n"):
                    if line[:15].lower() == b"content-length:":
                        length = int(line[15:])
                await reader.readexactly(length)
                latency.append(clock() - due)
                status[code] = status.get(code, 0) + 1
                idle.append((reader, writer))
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
                nonlocal opened
                opened -= 1
            async with free:
                free.notify()

        for _ in range(min(max_conns, 32)):  # connections warm before the clock starts
            idle.append(await asyncio.open_connection(host, port))
            # a pause, so each connection is accepted by whichever worker is free then, not all by the first
            # one to wake (with Uvicorn's shared socket a burst of connects lands mostly on one worker)
            await asyncio.sleep(0.01)
        opened = len(idle)
        tasks = set()
        t0 = clock() + 0.05
        for i in range(total):
            due = t0 + i / rate
            delay = due - clock()
            if delay > 0:
                await asyncio.sleep(delay)
            task = asyncio.ensure_future(one(i, due))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        end = clock()
        if tasks:
            await asyncio.wait(tasks, timeout=30)
        for _, w in idle:
            w.close()
        return end - t0

    gc.disable()  # the generator's own collector pauses would be charged to the server
    cpu0 = time.process_time()
    elapsed = uvloop.run(main())
    cpu = time.process_time() - cpu0
    latency.sort()
    send_lag.sort()
    from benchutil import percentile

    done = len(latency)
    return {
        "requests": total,
        "completed": done,
        "failures": total - sum(c for s, c in status.items() if s == 201),
        "status": {str(k): v for k, v in status.items()},
        "errors": errors[:5],
        "rps": done / elapsed if elapsed > 0 else 0.0,
        **{f"p{q:g}": 1000 * percentile(latency, q) for q in (50, 90, 99, 99.9)},
        "max_ms": 1000 * latency[-1] if latency else float("nan"),
        "lag_p50": 1000 * percentile(send_lag, 50),
        "lag_p99": 1000 * percentile(send_lag, 99),
        "lag_max": 1000 * send_lag[-1] if send_lag else float("nan"),
        "cpu_ms_per_request": 1000 * cpu / max(total, 1),
    }


# -- in process (`--in-process`): CPU per request by thread, without HTTP sockets or a load generator ------


def in_process(url: str, token: str, bodies: list[bytes], n: int, warm: int, profile: str | None) -> list[str]:
    """Call the ASGI application directly, one request at a time (after `warm` requests of other messages),
    and split the process's CPU time into the event-loop thread (HTTP layer, validation, screening, response)
    and the other threads (the group-commit writer; the checkpoint and sweeper threads add next to nothing).
    CPU time is what other work on a shared machine disturbs least; the waits are printed too."""
    import asyncio
    import cProfile

    import uvloop

    from benchutil import asgi_post
    from marketguard.adapters.http.app import create_app
    from marketguard.adapters.storage.group_commit import Recent
    from marketguard.service.settings import ServiceSettings

    settings = ServiceSettings.from_env({**os.environ, "MARKETGUARD_DATABASE_URL": url, "MARKETGUARD_RATE_LIMIT": "0"})
    app = create_app(settings)
    headers = [(b"host", b"bench"), (b"authorization", f"Bearer {token}".encode()),
               (b"content-type", b"application/json")]  # fmt: skip
    out: list[str] = []

    async def one(body: bytes) -> None:
        status = await asgi_post(app, "/v1/screen", headers, body)
        if status != 201:
            raise RuntimeError(f"in-process request failed with {status}")

    async def main() -> None:
        inbox: asyncio.Queue[dict[str, str]] = asyncio.Queue()
        started = asyncio.Event()

        async def lifespan_send(message: dict[str, object]) -> None:
            if message["type"] == "lifespan.startup.complete":
                started.set()

        await inbox.put({"type": "lifespan.startup"})
        life = asyncio.ensure_future(app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}},
                                         inbox.get, lifespan_send))  # fmt: skip
        await started.wait()
        for body in bodies[n : n + warm]:
            await one(body)
        state = app.state.mg
        state.write_waits, state.writer.stats.queued, state.writer.stats.batch = Recent(n), Recent(n), Recent(n)
        profiler = cProfile.Profile() if profile else None
        cpu0, loop0, wall0 = time.process_time(), time.thread_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        for body in bodies[:n]:
            await one(body)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
        cpu, loop_cpu, wall = time.process_time() - cpu0, time.thread_time() - loop0, time.perf_counter() - wall0
        out.append(
            f"{n} requests one at a time after {warm} others: CPU {1000 * cpu / n:.3f} ms per request = event loop "
            f"{1000 * loop_cpu / n:.3f} + writer and other threads {1000 * (cpu - loop_cpu) / n:.3f}; "
            f"wall {1000 * wall / n:.3f} ms per request"
        )
        for label, recent in (("write wait (submit to resumed)", state.write_waits),
                              ("queued for the writer", state.writer.stats.queued),
                              ("batch (work + commit)", state.writer.stats.batch)):  # fmt: skip
            q = recent.quantiles()
            out.append(f"{label}: p50 {1000 * q[0.5]:.2f} ms, p99 {1000 * q[0.99]:.2f} ms, max {1000 * q[1.0]:.1f} ms")
        await inbox.put({"type": "lifespan.shutdown"})
        await life

    uvloop.run(main())
    return out


# -- the driver ------------------------------------------------------------------------------------------

WRK_LUA = """
local bodies = {}
local token = os.getenv("MG_BENCH_TOKEN")
for line in io.lines(os.getenv("MG_BENCH_BODIES")) do bodies[#bodies + 1] = line end
local i = 0
function setup(thread) end
function init(args) i = math.random(#bodies) end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/v1/screen",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, bodies[i])
end
local non2xx = 0
function response(status, headers, body) if status ~= 201 then non2xx = non2xx + 1 end end
"""

WRK_PACED_LUA = (
    WRK_LUA.replace("function setup(thread) end", "")
    + """
-- A fixed rate, wrk2-style, from wrk's own `delay()` hook: each thread keeps a schedule of due times,
-- MG_BENCH_RATE / threads per second (the threads' schedules interleaved), and a connection that is ready to
-- send takes the next due time and waits until then. With enough idle connections every request goes out
-- when it is due, whatever the server did before (open loop). A request whose due time passed before any
-- connection was free goes out late, and wrk times it from when it went out: that lateness is counted here
-- (late, late_max_ms) and printed, so coordinated omission cannot hide.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } mg_timespec;
int clock_gettime(int clk_id, mg_timespec *tp);
]]
local ts = ffi.new("mg_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("phase", #threads - 1)
end
local interval, next_due = nil, nil
late, late_max_ms, scheduled = 0, 0, 0
function delay()
  local now = now_ms()
  if next_due == nil then
    local n = tonumber(os.getenv("MG_BENCH_THREADS"))
    interval = 1000 * n / tonumber(os.getenv("MG_BENCH_RATE"))
    next_due = now + 50 + phase * interval / n
  end
  local due = next_due
  next_due = next_due + interval
  scheduled = scheduled + 1
  if due < now then
    late = late + 1
    if now - due > late_max_ms then late_max_ms = now - due end
    return 0
  end
  return math.floor(due - now)
end
function done(summary, latency, requests)
  local l, lmax, sched = 0, 0, 0
  for _, t in ipairs(threads) do
    l = l + t:get("late")
    sched = sched + t:get("scheduled")
    if t:get("late_max_ms") > lmax then lmax = t:get("late_max_ms") end
  end
  local e = summary.errors
  io.write(string.format(
    'MG_RESULT {"requests": %d, "seconds": %.3f, "errors": %d, "status_errors": %d, "p50": %.3f, "p90": %.3f, ' ..
    '"p99": %.3f, "p999": %.3f, "max": %.3f, "late": %d, "late_max_ms": %.1f, "scheduled": %d}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, l, lmax, sched))
end
"""
)


@dataclass
class FixedRate:
    requests: int
    failures: int
    rps: float
    p50: float
    p90: float
    p99: float
    p999: float
    max_ms: float
    lag: str = ""
    """How late the generator itself sent requests (open loop only): its share of the latency."""


@dataclass
class CpuCost:
    """CPU milliseconds per request of the server (all its processes) and of the load generator. Other load on
    the machine inflates it less than latency (only through cache and scheduler effects), so it bounds what
    idle cores could do."""

    server_ms: float
    generator_ms: float


def server_cpu(pid: int) -> float:
    """User + system CPU seconds of the server process and its workers so far."""
    import psutil  # installed with locust (the bench extra)

    root = psutil.Process(pid)
    total = 0.0
    for proc in [root, *root.children(recursive=True)]:
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Saturation:
    rps: float
    p50: float
    p99: float
    errors: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_bodies(path: Path, n: int) -> str:
    sys.path.insert(0, str(BENCH_DIR))
    from corpus import build_corpus, describe

    samples = build_corpus(n, ham=None)
    with path.open("wb") as fh:
        for s in samples:
            record = s.record(conversation=True)
            record["recipient_id"] = s.sender_id[:-1] + ("b" if s.sender_id.endswith("a") else "a")
            fh.write(orjson.dumps(record) + b"\n")
    return describe(samples)


@contextmanager
def database(kind: str, pg_admin_url: str, tmp: Path) -> Iterator[str]:
    """A fresh, migrated database; PostgreSQL gets a throwaway database dropped afterwards."""
    from marketguard.adapters.storage.migrate import upgrade

    if kind == "sqlite":
        url = f"sqlite:///{tmp / 'data' / 'marketguard.db'}"
        upgrade(url)
        yield url
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"mg_bench_{secrets.token_hex(4)}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def make_key(url: str) -> str:
    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import make_engine, run

    engine = make_engine(url)
    token = run(engine, lambda s: keys.create(s, "bench", ["screen"], "bench"))[1]
    engine.dispose()
    return token


@contextmanager
def server(url: str, tmp: Path, workers: int, nice: int = 0) -> Iterator[tuple[str, int]]:
    """`marketguard serve` on a free port (rate limit off: the bench is the only client)."""
    import httpx

    port = free_port()
    env = {
        **os.environ,
        "MARKETGUARD_DATABASE_URL": url,
        "MARKETGUARD_DATA_DIR": str(tmp / "data"),
        "MARKETGUARD_RATE_LIMIT": "0",
    }
    exe = str(Path(sys.executable).parent / "marketguard")
    log = (tmp / f"server-{port}.log").open("wb")
    proc = subprocess.Popen(
        [*_niced(nice), exe, "serve", "--port", str(port), "--workers", str(workers), "--no-upgrade"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # 60 s on a quiet machine; longer in proportion to the load (a start-up at load 25 took 50-100 s)
        deadline = time.monotonic() + 60 * max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {(tmp / f'server-{port}.log').read_text()[-2000:]}")
            try:
                if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not become ready (load {os.getloadavg()[0]:.1f})")
            time.sleep(0.2)
        yield base, proc.pid
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def _niced(nice: int) -> list[str]:
    """`nice -n N` before a command: a diagnostic to see the service's own tail apart from the machine's other
    load (negative values need root); the default 0 runs it as is."""
    return ["nice", "-n", str(nice)] if nice else []


def warm_up(base: str, token: str, bodies: Path, n: int = 300) -> None:
    """`n` requests of the *last* messages of the list, which the open-loop run (from the first) does not reach
    at the default rate and duration (locust and wrk start at random places): the screener's lazily built
    automata and caches warm up as in a service that has run for a while (in process, 8,000 warm-up requests
    instead of 500 cut instructions per request by 10%), without the open-loop run replaying seen texts."""
    import httpx

    lines = bodies.read_bytes().splitlines()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    # several connections, taken in turn: a connection belongs to one worker, so one would warm only that one
    clients = [httpx.Client(base_url=base, timeout=30, headers=headers) for _ in range(WARM_CONNECTIONS)]
    try:
        for i, body in enumerate(lines[-n:]):
            r = clients[i % len(clients)].post("/v1/screen", content=body)
            if r.status_code != 201:
                raise RuntimeError(f"warm-up request failed: {r.status_code} {r.text[:300]}")
    finally:
        for c in clients:
            c.close()


WARM_CONNECTIONS = 8


def wait_precompiled(base: str, workers: int, timeout: float = 300) -> float:
    """Wait until every worker says it compiled the screener's regexes in the background
    (`marketguard_precompile_done`, adapters/http/precompile.py), so the measured runs do not share the CPU with
    that; returns the seconds waited. Code without the gauge is not waited for."""
    import httpx

    started = time.monotonic()
    done: dict[str, bool] = {}
    while time.monotonic() - started < timeout:
        with httpx.Client(base_url=base, timeout=10) as c:  # a new connection: any worker may answer
            text = c.get("/metrics").text
        pid = re.search(r"^marketguard_process_id (\S+)$", text, re.MULTILINE)
        flag = re.search(r"^marketguard_precompile_done (\S+)$", text, re.MULTILINE)
        if flag is None or pid is None:
            break
        done[pid.group(1)] = float(flag.group(1)) == 1.0
        if len(done) >= workers and all(done.values()):
            break
        time.sleep(0.2)
    return time.monotonic() - started


def run_locust(base: str, token: str, bodies: Path, rate: float, users: int, seconds: int, tmp: Path) -> FixedRate:
    prefix = tmp / f"locust-{int(time.time())}"
    env = {
        **os.environ,
        "MG_BENCH_BODIES": str(bodies),
        "MG_BENCH_TOKEN": token,
        "MG_BENCH_PER_USER_RATE": str(rate / users),
    }
    exe = shutil.which("locust", path=str(Path(sys.executable).parent)) or "locust"
    cmd = [
        exe,
        "-f",
        str(Path(__file__).resolve()),
        "--headless",
        "--host",
        base,
        "-u",
        str(users),
        "-r",
        str(users),
        "-t",
        f"{seconds}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
        "--stop-timeout",
        "5",
    ]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=seconds + 120)
    with open(f"{prefix}_stats.csv", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["Name"] == "Aggregated")

    def ms(col: str) -> float:
        value = row.get(col, "N/A")
        return float(value) if value not in ("", "N/A") else float("nan")

    return FixedRate(
        int(row["Request Count"]),
        int(row["Failure Count"]),
        float(row["Requests/s"]),
        ms("50%"),
        ms("90%"),
        ms("99%"),
        ms("99.9%"),
        ms("Max Response Time"),
    )


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    return float(m.group(1)) * _UNITS[m.group(2)] if m else float("nan")


def _wrk(script: Path, lua: str, env: dict[str, str], seconds: int, args: list[str], base: str,
         nice: int = 0) -> str:  # fmt: skip
    """Run Debian's wrk with `lua` as its script (written to `script`) and `env` added; its standard output."""
    script.write_text(lua)
    return subprocess.run(
        [*_niced(nice), "wrk", "-t2", *args, f"-d{seconds}s", "-s", str(script), base],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout


def run_wrk(base: str, token: str, bodies: Path, seconds: int, connections: int, tmp: Path) -> Saturation:
    env = {"MG_BENCH_BODIES": str(bodies), "MG_BENCH_TOKEN": token}
    out = _wrk(tmp / "screen.lua", WRK_LUA, env, seconds, [f"-c{connections}", "--latency"], base)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errs = re.search(r"Socket errors:.*|Non-2xx or 3xx responses: \d+", out)
    return Saturation(rps, p50, p99, errs.group(0) if errs else "none")


def run_open_loop(
    base: str, token: str, bodies: Path, rate: float, seconds: int, conns: int, nice: int = 0
) -> FixedRate:
    """The open-loop generator in a process of its own (as locust is), its figures back as JSON."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    spec = {"host": host, "port": int(port), "token": token, "bodies": str(bodies), "rate": rate,
            "seconds": seconds, "max_conns": conns}  # fmt: skip
    out = subprocess.run(
        [
            *_niced(nice),
            sys.executable,
            str(Path(__file__).resolve()),
            "--open-loop-worker",
            orjson.dumps(spec).decode(),
        ],
        capture_output=True,
        check=True,
        timeout=seconds + 120,
    ).stdout
    r = orjson.loads(out)
    lag = (
        f"started late by p50 {r['lag_p50']:.1f} ms, p99 {r['lag_p99']:.1f} ms, max {r['lag_max']:.0f} ms; "
        f"statuses {r['status']}{'; errors ' + str(r['errors']) if r['errors'] else ''}"
    )
    return FixedRate(r["requests"], r["failures"], r["rps"], r["p50"], r["p90"], r["p99"], r["p99.9"], r["max_ms"], lag)


def run_wrk_fixed(base: str, token: str, bodies: Path, rate: float, seconds: int, connections: int,
                  tmp: Path, nice: int = 0) -> FixedRate:  # fmt: skip
    """wrk (Debian's) at a fixed rate through its `delay()` hook (`WRK_PACED_LUA`): the real tool the issue
    names, in C, at a fraction of the other generators' CPU. Latency runs from when a request went out; how
    many requests went out after their due time (all connections busy), and how late, is printed beside it."""
    env = {"MG_BENCH_BODIES": str(bodies), "MG_BENCH_TOKEN": token, "MG_BENCH_RATE": str(rate),
           "MG_BENCH_THREADS": "2"}  # fmt: skip
    out = _wrk(tmp / "screen-paced.lua", WRK_PACED_LUA, env, seconds, [f"-c{connections}"], base, nice)
    line = next(x for x in out.splitlines() if x.startswith("MG_RESULT "))
    r = orjson.loads(line.removeprefix("MG_RESULT "))
    lag = (
        f"{r['late']} of {r['scheduled']} requests went out after their due time (all {connections} connections "
        f"busy), the latest by {r['late_max_ms']:.1f} ms; socket errors {r['errors']}, non-2xx {r['status_errors']}"
    )
    return FixedRate(r["requests"], r["errors"] + r["status_errors"], r["requests"] / r["seconds"], r["p50"],
                     r["p90"], r["p99"], r["p999"], r["max"], lag)  # fmt: skip


GENERATORS = ("wrk", "open-loop", "locust")


_SCRAPED = (
    "marketguard_gc_pause_seconds",
    "marketguard_group_commit",
    "marketguard_process_id",
    "marketguard_screen_write_wait_seconds",
    "marketguard_checkpoint_seconds",
)
_WAITS = {
    "write wait (submit to resumed)": "marketguard_screen_write_wait_seconds",
    "queued for the writer": "marketguard_group_commit_queued_seconds",
    "batch (work + commit)": "marketguard_group_commit_batch_seconds",
    "checkpoint": "marketguard_checkpoint_seconds",
}


def _waits(v: dict[str, float]) -> str:
    """The recent-quantile gauges of one worker, in ms: where a request waited besides the CPU."""
    parts = []
    for label, name in _WAITS.items():
        q = {k: v.get(f'{name}{{quantile="{k}"}}') for k in ("0.5", "0.99", "1")}
        if q["0.5"] is not None:
            parts.append(f"{label} p50 {1000 * q['0.5']:.2f} / p99 {1000 * (q['0.99'] or 0):.2f} / max "
                         f"{1000 * (q['1'] or 0):.1f} ms")  # fmt: skip
    return "; ".join(parts)


def server_view(base: str, token: str) -> list[str]:
    """Each worker's own account of the tail's usual causes, from /metrics (scraped until every worker
    answered: connections are spread over the workers): garbage-collector pauses and group-commit batches."""
    import httpx

    workers: dict[str, dict[str, float]] = {}
    for _ in range(40):
        with httpx.Client(base_url=base, timeout=10) as c:
            text = c.get("/metrics").text
        values: dict[str, float] = {}
        for line in text.splitlines():
            if line.startswith(_SCRAPED):
                name, _, value = line.rpartition(" ")
                values[name] = float(value)
        workers[str(int(values.get("marketguard_process_id", 0)))] = values
    lines = []
    for pid, v in sorted(workers.items()):
        gc_parts = []
        for gen in "012":
            n = v.get(f'marketguard_gc_pause_seconds_count{{generation="{gen}"}}', 0.0)
            total = v.get(f'marketguard_gc_pause_seconds_sum{{generation="{gen}"}}', 0.0)
            over = n - v.get(f'marketguard_gc_pause_seconds_bucket{{generation="{gen}",le="0.01"}}', n)
            gc_parts.append(f"gen{gen} {n:.0f} ({1000 * total:.0f} ms, {over:.0f} over 10 ms)")
        batches = v.get("marketguard_group_commit_batches_total", 0.0)
        reqs = v.get("marketguard_group_commit_requests_total", 0.0)
        secs = v.get("marketguard_group_commit_seconds_total", 0.0)
        lines.append(
            f"worker {pid}: GC pauses {', '.join(gc_parts)}; group commit {reqs:.0f} writes in {batches:.0f} "
            f"transactions (mean {reqs / max(batches, 1):.1f}, largest "
            f"{v.get('marketguard_group_commit_largest', 0):.0f}, {1000 * secs / max(batches, 1):.2f} ms each, "
            f"{v.get('marketguard_group_commit_reruns_total', 0):.0f} reruns)"
        )
        lines.append(f"worker {pid} waits over the last 4,096 requests: {_waits(v)}")
    return lines


def bench_in_process(kind: str, args: argparse.Namespace, bodies: Path) -> None:
    lines = bodies.read_bytes().splitlines()
    with tempfile.TemporaryDirectory(prefix=f"mg-bench-{kind}-") as name:
        tmp = Path(name)
        with database(kind, args.pg_url, tmp) as url:
            token = make_key(url)
            n = min(args.in_process, len(lines) - args.warm)
            profile = f"{args.profile}.{kind}" if args.profile else None
            for line in in_process(url, token, lines, n, args.warm, profile):
                print(f"[{kind}/in-process] {line}")
            if profile:
                print(f"[{kind}/in-process] cProfile of the measured requests (event-loop thread): {profile}")


def bench_one(
    kind: str, args: argparse.Namespace, bodies: Path
) -> tuple[dict[str, tuple[FixedRate, CpuCost]], Saturation]:
    fixed: dict[str, tuple[FixedRate, CpuCost]] = {}
    with tempfile.TemporaryDirectory(prefix=f"mg-bench-{kind}-") as name:
        tmp = Path(name)
        with database(kind, args.pg_url, tmp) as url:
            token = make_key(url)
            with server(url, tmp, args.workers, args.nice) as (base, pid):
                waited = wait_precompiled(base, args.workers)
                print(f"[{kind}] waited {waited:.1f} s for the workers to precompile their regexes", flush=True)
                warm_up(base, token, bodies, args.warm)
                for gen in args.generators:
                    time.sleep(2)
                    s0, g0 = server_cpu(pid), children_cpu()
                    if gen == "locust":
                        res = run_locust(base, token, bodies, args.rate, args.users, args.duration, tmp)
                    elif gen == "wrk":
                        conns, nice = args.rate_conns, args.nice
                        res = run_wrk_fixed(base, token, bodies, args.rate, args.duration, conns, tmp, nice)
                    else:
                        res = run_open_loop(base, token, bodies, args.rate, args.duration, args.open_conns, args.nice)
                    s1, g1 = server_cpu(pid), children_cpu()
                    n = max(res.requests, 1)
                    fixed[gen] = (res, CpuCost(1000 * (s1 - s0) / n, 1000 * (g1 - g0) / n))
                for line in server_view(base, token):  # since the server started (warm-up included)
                    print(f"[{kind}] server {line}")
                time.sleep(2)
                sat = run_wrk(base, token, bodies, args.wrk_duration, args.connections, tmp)
    return fixed, sat


def main() -> None:
    from benchutil import print_header, verdict

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--rate", type=float, default=500.0, help="fixed request rate for the latency run")
    ap.add_argument("--generator", choices=(*GENERATORS, "all"), default="all", help="fixed-rate load generator(s)")
    ap.add_argument("--rate-conns", type=int, default=64, help="connections of the fixed-rate wrk run")
    ap.add_argument("--users", type=int, default=50, help="locust users sharing the fixed rate")
    ap.add_argument("--open-conns", type=int, default=128, help="most connections the open-loop generator opens")
    ap.add_argument("--duration", type=int, default=30, help="seconds of fixed-rate load")
    ap.add_argument("--wrk-duration", type=int, default=15, help="seconds of saturation load")
    ap.add_argument("--connections", type=int, default=16, help="wrk connections at saturation")
    ap.add_argument("--workers", type=int, default=2, help="Uvicorn worker processes (one per core)")
    ap.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run the server and the fixed-rate wrk and open-loop generators under `nice -n N` (e.g. -10 as root: "
        "a diagnostic that separates the service's own tail from other work on a shared machine; the figures say so)",
    )
    ap.add_argument("--messages", type=int, default=20_000, help="distinct messages to cycle through")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("MARKETGUARD_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
    )
    ap.add_argument(
        "--in-process",
        type=int,
        default=0,
        metavar="N",
        help="instead of the load runs: N requests one at a time straight into the ASGI app, CPU per request by "
        "thread and the writer's waits (no sockets, no generator: the least noisy figure on a shared machine)",
    )
    ap.add_argument("--warm", type=int, default=2000, help="warm-up requests of other messages before timing")
    ap.add_argument("--profile", help="with --in-process: write a cProfile of the measured requests to FILE.<db>")
    args = ap.parse_args()
    args.generators = GENERATORS if args.generator == "all" else (args.generator,)

    print_header("marketguard service: POST /v1/screen")
    with tempfile.TemporaryDirectory(prefix="mg-bench-bodies-") as name:
        bodies = Path(name) / "bodies.jsonl"
        print(f"load:     {write_bodies(bodies, args.messages)}")
        if args.in_process:
            print(
                f"in-process: the ASGI app called directly (no sockets, no load generator), {args.in_process} requests "
                f"one at a time after {args.warm} warm-up requests of other messages, every request stored\n"
            )
            for kind in ("sqlite", "postgresql") if args.db == "both" else (args.db,):
                bench_in_process(kind, args, bodies)
            return
        print(
            f"server:   marketguard serve --workers {args.workers} (rate limit off), every request stored"
            + (f"; server and the wrk and open-loop generators under nice -n {args.nice}" if args.nice else "")
        )
        if "wrk" in args.generators:
            print(
                f"fixed:    wrk -t2 -c{args.rate_conns} at {args.rate:g} req/s for {args.duration} s, paced by its "
                "delay() hook (wrk2-style: each request due at a fixed time; late sends counted and printed)"
            )
        if "open-loop" in args.generators:
            print(
                f"fixed:    open-loop generator (this file, uvloop, its own process): {args.rate:g} req/s for "
                f"{args.duration} s, each request due at a fixed time and its latency measured from then "
                f"(wrk2-style, no coordinated omission), up to {args.open_conns} keep-alive connections"
            )
        if "locust" in args.generators:
            print(
                f"fixed:    locust {args.users} users x constant_throughput({args.rate / args.users:g}/s) "
                f"= {args.rate:g} req/s for {args.duration} s (closed loop per user: a slow answer delays "
                "that user's next request, so locust under-reports a stall's tail)"
            )
        print(
            f"saturate: wrk -t2 -c{args.connections} -d{args.wrk_duration}s (closed loop); "
            f"{args.warm} warm-up requests (other messages) before the first run"
        )
        print()
        kinds = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
        ok = True
        for kind in kinds:
            before = os.getloadavg()[0]
            fixed, sat = bench_one(kind, args, bodies)
            print(
                f"[{kind}] machine load average (1 min) before/after: {before:.1f}/{os.getloadavg()[0]:.1f}"
                " (2 cores; the server and the load generator account for about 1.5 of it)"
            )
            for gen, (res, cost) in fixed.items():
                held = res.rps >= 0.97 * args.rate
                good = res.p99 < TARGET_P99_MS and held and res.failures == 0
                ok &= good
                print(
                    f"[{kind}/{gen}] {res.requests} requests, {res.failures} failed, achieved {res.rps:.0f} req/s; "
                    f"latency p50 {res.p50:.1f} ms, p90 {res.p90:.1f} ms, p99 {res.p99:.1f} ms, "
                    f"p99.9 {res.p999:.1f} ms, max {res.max_ms:.0f} ms"
                )
                if res.lag:
                    print(f"[{kind}/{gen}] generator: {res.lag}")
                cores = os.cpu_count() or 1
                print(
                    f"[{kind}/{gen}] CPU per request: server {cost.server_ms:.2f} ms, generator "
                    f"{cost.generator_ms:.2f} ms; {cores} idle cores could serve at most "
                    f"{cores * 1000 / cost.server_ms:.0f} req/s, "
                    f"{cores * 1000 / (cost.server_ms + cost.generator_ms):.0f} with the generator beside it"
                )
                print(
                    f"[{kind}/{gen}] {verdict(good)}: p99 < {TARGET_P99_MS:.0f} ms at {args.rate:g} req/s"
                    f"{'' if held else ' (rate NOT held)'}"
                )
            print(
                f"[{kind}] saturation: {sat.rps:.0f} req/s, p50 {sat.p50:.1f} ms, p99 {sat.p99:.1f} ms "
                f"(errors: {sat.errors})"
            )
            print()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH_DIR))
    if len(sys.argv) == 3 and sys.argv[1] == "--open-loop-worker":
        spec = orjson.loads(sys.argv[2])
        result = open_loop(spec["host"], spec["port"], spec["token"], Path(spec["bodies"]), spec["rate"],
                           spec["seconds"], spec["max_conns"])  # fmt: skip
        sys.stdout.buffer.write(orjson.dumps(result))
    else:
        main()
