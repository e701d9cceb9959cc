"""Where the PostgreSQL latency tail comes from: a fixed-rate wrk run against a probed `marketguard serve`, with
every slow moment on both sides of the connection written down and lined up.

Why a separate tool: `bench_service.py` gives the tail (p99, p99.9, max) and each worker's recent wait quantiles,
but not *when* the slow requests happened, so it cannot tell a stall in the event loop from one in the writer's
commit or in PostgreSQL. Here each worker process records, with wall-clock times:

- every request slower than `--slow` ms inside the app (the Timing middleware's span),
- every group-commit batch: its size, how long it ran, how long its INSERT or COMMIT round trip took on the
  connection, and the longest queue wait of its requests,
- event-loop lag (a 5 ms timer that fires late by more than 10 ms: the loop was busy or not scheduled),
- garbage-collector pauses over 5 ms,

and a sampler beside the server polls PostgreSQL every 20 ms: what the benchmark database's backends wait on
(`pg_stat_activity`), the cluster's WAL counters (`pg_stat_wal`) and checkpoints (`pg_stat_bgwriter`), new WAL
segment files (`pg_ls_waldir`), and the PostgreSQL server log (`pg_read_file`, checkpoint lines). Slow requests
are grouped into stalls (overlapping or within 20 ms), and each stall is printed with whatever overlapped it.

    cd bench && ../.venv/bin/python bench_pg_tail.py --duration 30          # 500 req/s for 30 s, 2 workers
    ../.venv/bin/python bench_pg_tail.py --duration 30 --nice -10           # the service above other work

The probe is the benchmark's (this file's `probed_app`, through Uvicorn's `--factory`): nothing of it is in the
service.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
PROBE_DIR = "MG_PROBE_DIR"


# -- inside each worker process ----------------------------------------------------------------------------


def probed_app() -> Any:
    """`app.from_env()` with the probes attached (Uvicorn calls this in each worker)."""
    import asyncio

    from marketguard.adapters.http import app as app_module
    from marketguard.adapters.storage import detections
    from marketguard.adapters.storage import group_commit as gcm

    out = Path(os.environ[PROBE_DIR]) / f"worker-{os.getpid()}.json"
    slow = float(os.environ.get("MG_PROBE_SLOW_MS", "50")) / 1000
    rec: dict[str, list[Any]] = {"slow": [], "batch": [], "lag": [], "gc": [], "rt": []}
    counts: Counter[str] = Counter()
    local = threading.local()

    # the round trip that commits: the autocommitted INSERT of a plain batch, or the COMMIT of a case batch
    insert = detections._insert_postgresql

    def timed_insert(connection: Any, rows: list[dict[str, Any]]) -> None:
        t = time.perf_counter()
        try:
            insert(connection, rows)
        finally:
            local.rt = getattr(local, "rt", 0.0) + time.perf_counter() - t

    detections._insert_postgresql = timed_insert  # type: ignore[assignment]
    import psycopg

    commit = psycopg.Connection.commit

    def timed_commit(self: Any) -> None:
        t = time.perf_counter()
        try:
            commit(self)
        finally:
            local.rt = getattr(local, "rt", 0.0) + time.perf_counter() - t

    psycopg.Connection.commit = timed_commit  # type: ignore[method-assign]

    # how long a batch waited for the audit chain's head (held by the other worker's logging transaction)
    from marketguard.adapters.storage import audit_log

    lock_head = audit_log.lock_head

    def timed_lock_head(session: Any) -> Any:
        t = time.perf_counter()
        try:
            return lock_head(session)
        finally:
            took = time.perf_counter() - t
            local.head = getattr(local, "head", 0.0) + took

    audit_log.lock_head = timed_lock_head  # type: ignore[assignment]

    original = gcm.GroupCommit._commit

    def probed_commit(self: Any, batch: list[Any]) -> None:
        started, wall = time.perf_counter(), time.time()
        local.rt = local.head = 0.0
        queued = max(started - job.submitted for job in batch)
        original(self, batch)
        took = time.perf_counter() - started
        counts["batches"] += 1
        rec["batch"].append((wall, took, len(batch), local.rt, queued, local.head))

    gcm.GroupCommit._commit = probed_commit  # type: ignore[method-assign]

    gc_start = [0.0]

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            gc_start[0] = time.perf_counter()
        else:
            took = time.perf_counter() - gc_start[0]
            if took > 0.005:
                rec["gc"].append((time.time() - took, took, info.get("generation")))

    gc.callbacks.append(on_gc)

    async def lag_probe() -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(0.005)
            late = time.perf_counter() - t - 0.005
            if late > 0.010:
                rec["lag"].append((time.time() - late, late))

    def dump() -> None:
        while True:
            time.sleep(1.0)
            data = {**rec, "counts": dict(counts), "pid": os.getpid()}
            tmp = out.with_suffix(".tmp")
            tmp.write_text(json.dumps(data))
            tmp.replace(out)

    threading.Thread(target=dump, daemon=True).start()
    app = app_module.from_env()
    started_lag = [False]

    async def probe(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        if not started_lag[0]:
            started_lag[0] = True
            asyncio.get_running_loop().create_task(lag_probe())
        t, wall = time.perf_counter(), time.time()
        try:
            await app(scope, receive, send)
        finally:
            took = time.perf_counter() - t
            counts["requests"] += 1
            if took > slow:
                rec["slow"].append((wall, took))

    return probe


# -- the PostgreSQL sampler (in the driver) ----------------------------------------------------------------

_ACTIVITY = """
SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU'), count(*)
FROM pg_stat_activity WHERE datname = %s AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1
"""
_CLUSTER = """
SELECT w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_buffers_full, w.wal_write, w.wal_sync,
       b.checkpoints_timed, b.checkpoints_req, b.buffers_backend_fsync,
       (SELECT count(*) FROM pg_ls_waldir()), (SELECT max(name) FROM pg_ls_waldir())
FROM pg_stat_wal w, pg_stat_bgwriter b
"""
_OTHER = """
SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU'), count(*)
FROM pg_stat_activity WHERE datname IS NOT NULL AND datname <> %s AND state = 'active' AND pid <> pg_backend_pid()
GROUP BY 1
"""


class Sampler:
    """Polls PostgreSQL every `every` seconds from a thread of the driver."""

    def __init__(self, dsn: str, dbname: str, every: float = 0.02) -> None:
        self.dsn, self.dbname, self.every = dsn, dbname, every
        self.samples: list[tuple[float, dict[str, int], dict[str, int], tuple[Any, ...]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _loop(self) -> None:
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True) as conn:
            while not self._stop.wait(self.every):
                t = time.time()
                mine = dict(conn.execute(_ACTIVITY, (self.dbname,)).fetchall())
                other = dict(conn.execute(_OTHER, (self.dbname,)).fetchall())
                row = conn.execute(_CLUSTER).fetchone()
                assert row is not None
                self.samples.append((t, mine, other, tuple(row)))


def log_offset(dsn: str) -> tuple[str, int]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute("SELECT pg_current_logfile()").fetchone()
        path = row[0] if row and row[0] else "/var/log/postgresql/postgresql-15-main.log"
        if not path.startswith("/"):
            path = str(conn.execute("SHOW data_directory").fetchone()[0]) + "/" + path  # type: ignore[index]
        size = conn.execute("SELECT (pg_stat_file(%s)).size", (path,)).fetchone()
        return path, int(size[0]) if size else 0


def log_since(dsn: str, path: str, offset: int) -> list[str]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        size = int(conn.execute("SELECT (pg_stat_file(%s)).size", (path,)).fetchone()[0])  # type: ignore[index]
        if size <= offset:
            return []
        text = conn.execute("SELECT pg_read_file(%s, %s, %s)", (path, offset, size - offset)).fetchone()
        return str(text[0]).splitlines() if text else []


# -- the driver ------------------------------------------------------------------------------------------


def _stalls(slow: list[tuple[float, float]], gap: float = 0.02) -> list[tuple[float, float, int]]:
    """Slow requests merged into stalls: (start, end, requests)."""
    spans = sorted((t, t + d) for t, d in slow)
    out: list[list[float]] = []
    for a, b in spans:
        if out and a <= out[-1][1] + gap:
            out[-1][1] = max(out[-1][1], b)
            out[-1][2] += 1
        else:
            out.append([a, b, 1])
    return [(a, b, int(n)) for a, b, n in out]


def _overlaps(a: float, b: float, t: float, d: float) -> bool:
    return t <= b and t + d >= a


def summary(workers: list[dict[str, Any]], samples: list[Any], t0: float) -> None:
    """Counts over the whole run: each kind of slow moment, and what PostgreSQL's backends were doing."""
    batches = [b for w in workers for b in w["batch"] if b[0] >= t0]
    lags = [x for w in workers for x in w["lag"] if x[0] >= t0]
    pauses = [x for w in workers for x in w["gc"] if x[0] >= t0]
    print(f"over the run: {len(batches)} batches; commit round trip > 20 ms: {sum(b[3] > 0.02 for b in batches)}, "
          f"> 50 ms: {sum(b[3] > 0.05 for b in batches)}; audit head lock wait > 5 ms: "
          f"{sum(b[5] > 0.005 for b in batches)}, > 20 ms: {sum(b[5] > 0.02 for b in batches)}; batch > 50 ms with "
          f"neither: {sum(b[1] > 0.05 and b[3] < 0.02 and b[5] < 0.005 for b in batches)}; event-loop lag > 20 ms: "
          f"{sum(x[1] > 0.02 for x in lags)}, > 50 ms: {sum(x[1] > 0.05 for x in lags)}; GC pauses > 10 ms: "
          f"{sum(x[1] > 0.01 for x in pauses)} (gen2: {sum(x[2] == 2 for x in pauses)})")  # fmt: skip
    waits: Counter[str] = Counter()
    for _t, mine, _other, _row in samples:
        waits.update(mine)
    total = sum(waits.values())
    if total:
        print(f"the bench's PostgreSQL backends, {len(samples)} samples every 20 ms, {total} active-backend sightings: "
              + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in waits.most_common(8)))  # fmt: skip
    newest = [row[10] for _t, _m, _o, row in samples]
    print(f"WAL segment names seen newest: {len(set(newest))} distinct ({newest[0] if newest else ''} -> "
          f"{newest[-1] if newest else ''}); WAL files {samples[0][3][9] if samples else 0} -> "
          f"{samples[-1][3][9] if samples else 0}")  # fmt: skip


def report(workers: list[dict[str, Any]], sampler: Sampler, log_lines: list[str], t0: float) -> None:
    slow = [tuple(x) for w in workers for x in w["slow"] if x[0] >= t0]
    stalls = _stalls(slow)  # type: ignore[arg-type]
    print(f"requests seen by the workers: {sum(w['counts'].get('requests', 0) for w in workers)}; "
          f"slower than the threshold: {len(slow)}, in {len(stalls)} stalls")  # fmt: skip
    for w in workers:
        b = w["batch"]
        big = sorted(b, key=lambda x: -x[1])[:3]
        print(f"worker {w['pid']}: {len(b)} batches, mean size {sum(x[2] for x in b) / max(len(b), 1):.1f}; "
              f"longest: " + ", ".join(f"{1000 * x[1]:.0f} ms ({x[2]} req, round trip {1000 * x[3]:.0f} ms)"
                                      for x in big)
              + f"; loop lags >10 ms: {len(w['lag'])}, max {1000 * max((x[1] for x in w['lag']), default=0):.0f} ms"
              + f"; GC pauses >5 ms: {len(w['gc'])}")  # fmt: skip
    samples = sampler.samples
    summary(workers, samples, t0)
    causes: Counter[str] = Counter()
    for a, b, n in stalls:
        lines = []
        tags = set()
        for w in workers:
            for t, d, size, rt, queued, head in w["batch"]:
                if d > 0.02 and _overlaps(a, b, t, d):
                    lines.append(f"  worker {w['pid']} batch at +{t - t0:.3f} s: {1000 * d:.0f} ms, {size} req, "
                                 f"commit round trip {1000 * rt:.0f} ms, head lock wait {1000 * head:.0f} ms, "
                                 f"queued up to {1000 * queued:.0f} ms")  # fmt: skip
                    tags.add("slow commit round trip" if rt > 0.5 * d else
                             "audit head lock wait" if head > 0.5 * d else "slow batch (client side)")  # fmt: skip
            for t, d in w["lag"]:
                if _overlaps(a, b, t, d):
                    lines.append(f"  worker {w['pid']} event loop late by {1000 * d:.0f} ms at +{t - t0:.3f} s")
                    tags.add("event-loop lag")
            for t, d, gen in w["gc"]:
                if _overlaps(a, b, t, d):
                    lines.append(f"  worker {w['pid']} GC gen{gen} {1000 * d:.0f} ms at +{t - t0:.3f} s")
                    tags.add("GC pause")
        waits: Counter[str] = Counter()
        others: Counter[str] = Counter()
        first = last = None
        for t, mine, other, row in samples:
            if a - 0.02 <= t <= b + 0.02:
                waits.update(mine)
                others.update(other)
                first = first or row
                last = row
        if waits:
            top = ", ".join(f"{k} x{v}" for k, v in waits.most_common(6))
            lines.append(f"  PG backends of the bench, sampled: {top}")
            for k in waits:
                if k.startswith(("IO:WAL", "LWLock:WAL")):
                    tags.add(f"PG {k}")
                elif k.startswith("Lock:"):
                    tags.add(f"PG lock {k}")
        if others:
            top = ", ".join(f"{k} x{v}" for k, v in others.most_common(4))
            lines.append(f"  other databases' active backends: {top}")
        if first and last:
            d = [y - x if isinstance(x, (int, float)) else None for x, y in zip(first, last, strict=True)]
            lines.append(f"  cluster WAL meanwhile: {d[2]} bytes, {d[1]} FPIs, buffers full {d[3]}, syncs {d[5]}; "
                         f"checkpoints +{d[6]} timed +{d[7]} requested; WAL files {first[9]}->{last[9]} "
                         f"({first[10]}->{last[10]})")  # fmt: skip
            if last[10] != first[10]:
                tags.add("new WAL segment")
            if d[6] or d[7]:
                tags.add("checkpoint began")
        if not tags:
            tags.add("unexplained")
        causes.update(tags)
        print(f"stall at +{a - t0:.3f} s for {1000 * (b - a):.0f} ms, {n} slow requests; "
              f"longest request {1000 * max(d for t, d in slow if a <= t <= b):.0f} ms: {', '.join(sorted(tags))}")
        for line in lines[:12]:
            print(line)
    print("stalls by cause (a stall can have several): " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
    interesting = [x for x in log_lines if "checkpoint" in x or "deadlock" in x or "lock" in x.lower()]
    print(f"PostgreSQL log during the run ({len(log_lines)} lines; checkpoints and locks):")
    for x in interesting[-20:]:
        print("  " + x)
    if samples:
        first, last = samples[0][3], samples[-1][3]
        print(f"cluster over the run: WAL {last[2] - first[2]} bytes, {last[1] - first[1]} FPIs, "
              f"{last[0] - first[0]} records; WAL buffers full {last[3] - first[3]}; "
              f"checkpoints +{last[6] - first[6]} timed +{last[7] - first[7]} requested; "
              f"WAL files {first[9]}->{last[9]}, newest {first[10]}->{last[10]}")  # fmt: skip


def main() -> None:
    from bench_service import database, make_key, run_wrk_fixed, warm_up, write_bodies
    from benchutil import print_header

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--rate", type=float, default=500.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--warm", type=int, default=2000)
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--slow", type=float, default=50.0, help="ms: a request slower than this counts")
    ap.add_argument("--nice", type=int, default=0)
    ap.add_argument("--pg-url", default=os.environ.get("MARKETGUARD_BENCH_PG_URL",
                                                       "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"))
    args = ap.parse_args()
    from sqlalchemy.engine import make_url

    print_header("PostgreSQL tail probe: POST /v1/screen")
    with tempfile.TemporaryDirectory(prefix="mg-pgtail-") as name:
        tmp = Path(name)
        bodies = tmp / "bodies.jsonl"
        write_bodies(bodies, args.messages)
        probes = tmp / "probe"
        probes.mkdir()
        (tmp / "data").mkdir()
        with database("postgresql", args.pg_url, tmp) as url:
            token = make_key(url)
            parsed = make_url(url)
            admin_dsn = make_url(args.pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
            from bench_service import free_port

            port = free_port()
            env = {**os.environ, "MARKETGUARD_DATABASE_URL": url, "MARKETGUARD_DATA_DIR": str(tmp / "data"),
                   "MARKETGUARD_RATE_LIMIT": "0", PROBE_DIR: str(probes), "MG_PROBE_SLOW_MS": str(args.slow),
                   "PYTHONPATH": os.pathsep.join([str(BENCH_DIR), os.environ.get("PYTHONPATH", "")])}  # fmt: skip
            nice = ["nice", "-n", str(args.nice)] if args.nice else []
            proc = subprocess.Popen(
                [*nice, sys.executable, "-m", "uvicorn", "bench_pg_tail:probed_app", "--factory", "--port", str(port),
                 "--workers", str(args.workers), "--log-level", "warning", "--no-access-log"],
                env=env, cwd=BENCH_DIR,
            )  # fmt: skip
            base = f"http://127.0.0.1:{port}"
            try:
                import httpx

                for _ in range(300):
                    try:
                        if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    time.sleep(0.2)
                warm_up(base, token, bodies, args.warm)
                time.sleep(2)
                path, offset = log_offset(admin_dsn)
                sampler = Sampler(admin_dsn, str(parsed.database))
                sampler.start()
                load0, t0 = os.getloadavg()[0], time.time()
                res = run_wrk_fixed(base, token, bodies, args.rate, args.duration, 64, tmp, args.nice)
                sampler.stop()
                load1 = os.getloadavg()[0]
                time.sleep(1.5)  # the workers' last dumps
                log_lines = log_since(admin_dsn, path, offset)
            finally:
                proc.terminate()
                proc.wait(30)
        print(f"wrk at {args.rate:g} req/s for {args.duration} s: {res.requests} requests, achieved {res.rps:.0f} "
              f"req/s; p50 {res.p50:.1f}, p99 {res.p99:.1f}, p99.9 {res.p999:.1f}, max {res.max_ms:.0f} ms; "
              f"load average {load0:.1f} -> {load1:.1f}; {res.lag}")  # fmt: skip
        workers = [json.loads(p.read_text()) for p in sorted(probes.glob("worker-*.json"))]
        report(workers, sampler, log_lines, t0)


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH_DIR))
    main()
