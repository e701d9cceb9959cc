"""WAL bytes and round trips per screening on PostgreSQL: the write's cost on the server, counted, not timed.

Why: every group-commit batch waits for PostgreSQL to write and flush its WAL, the WAL writer and the
checkpointer share one disk with the commits, and right after each checkpoint the first change to every page
is logged as a whole 8 kB page image (full-page writes). So the bytes a screening adds to the WAL, and how many
pages it touches for the first time, are what the service controls of PostgreSQL's side of the tail. Counted
from the WAL itself (`pg_walinspect`, records of the benchmark's database only, commits included), they do not
depend on the machine's load.

The load benchmark's messages (`bench_service.write_bodies`) are screened once, then stored with the service's
own write (`moderation.record_screen`, `--batch` screenings per transaction of the group-commit writer, its
`_commit` called directly so the batches are the same in every run) into a throwaway database whose decisions
table first gets `--prefill` rows (a service that has run for a while: its indexes are large, so random keys
land on pages not touched since the last checkpoint):

    cd bench && ../.venv/bin/python bench_pg_wal.py                 # 2,000 screenings after a checkpoint, 2,000 more
    ../.venv/bin/python bench_pg_wal.py --prefill 200000 --batch 8

Printed per phase: WAL bytes per screening, of them full-page images, records per screening, by relation;
libpq round trips per transaction (psycopg's pure-Python implementation, its sends counted) for batches with
and without a case; and how long a transaction held the audit chain's head: round trips from its `SELECT ... FOR
UPDATE` (included) to the end of the commit, and the time (one writer here, so no wait for the head; the time is
the machine's, the round trips are not). Every other worker's logging transaction waits for that hold.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import Future
from pathlib import Path
from typing import Any

os.environ.setdefault("PSYCOPG_IMPL", "python")  # so libpq's sends can be counted (before psycopg is imported)

BENCH_DIR = Path(__file__).resolve().parent
_REL = re.compile(r"rel \d+/(\d+)/(\d+)")

_SENDS = Counter[str]()


def count_round_trips() -> None:
    """Count the round trips psycopg makes: each query sent outside a pipeline waits for its answer (one round
    trip); in a pipeline (psycopg's `executemany`) the queries go out together and only the pipeline's sync is
    waited for (one round trip for all of them)."""
    from psycopg.pq import pq_ctypes

    for name in ("send_query", "send_query_params", "send_query_prepared", "send_prepare", "exec_", "exec_params"):
        original = getattr(pq_ctypes.PGconn, name)

        def counted(self: Any, *args: Any, __o: Any = original, __n: str = name, **kw: Any) -> Any:
            if not self.pipeline_status:  # 0: not in pipeline mode
                _SENDS[__n] += 1
            return __o(self, *args, **kw)

        setattr(pq_ctypes.PGconn, name, counted)
    sync = pq_ctypes.PGconn.pipeline_sync

    def synced(self: Any) -> Any:
        _SENDS["pipeline_sync"] += 1
        return sync(self)

    pq_ctypes.PGconn.pipeline_sync = synced  # type: ignore[method-assign]


_HOLD: dict[str, Any] = {"sends": None, "since": None}
"""Where the current batch took the audit chain's head: libpq sends and the clock at that moment."""


def watch_head() -> None:
    """Note when a transaction takes the audit chain's head (`audit_log.lock_head`, the `SELECT ... FOR UPDATE`),
    so the round trips and time from there to the end of its commit can be counted: that is how long every other
    logging transaction (the other worker's batches) would wait for it."""
    import time

    from marketguard.adapters.storage import audit_log

    lock_head = audit_log.lock_head

    def noted(session: Any) -> Any:
        if _HOLD["sends"] is None:  # the batch's first: the SELECT ... FOR UPDATE counts (its wait is nil here)
            _HOLD["sends"], _HOLD["since"] = sum(_SENDS.values()), time.perf_counter()
        return lock_head(session)

    audit_log.lock_head = noted  # type: ignore[assignment]


def screened(n: int) -> list[tuple[dict[str, Any], str, str, tuple[str, str] | None]]:
    """The benchmark's messages, screened: (result, kind, text, subject) as the route hands them to the write."""
    from bench_service import write_bodies
    from marketguard.adapters.http.routes.screen import to_message
    from marketguard.adapters.http.schemas import ScreenIn
    from marketguard.core.engine import Screener

    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "bodies.jsonl"
        write_bodies(path, n)
        bodies = path.read_bytes().splitlines()
    screener = Screener()
    out = []
    for body in bodies:
        m = to_message(ScreenIn.model_validate_json(body))
        subject = (
            ("account", m.sender_id) if m.sender_id
            else ("conversation", m.conversation_id) if m.conversation_id
            else None
        )  # fmt: skip
        out.append((screener.screen(m).to_dict(), m.kind.value, m.text, subject))
    return out


def prefill(url: str, rows: int) -> None:
    """`rows` older decisions (no case), ids from the service's own id function, 20,000 distinct senders."""
    import random
    from datetime import UTC, datetime, timedelta

    import psycopg

    from marketguard.adapters.storage import clock

    new_id = getattr(clock, "new_sequential_id", clock.new_id)  # the decisions' id function of the code measured
    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    columns = "id, source, item_kind, subject_type, subject_id, decision, trace, created_at"
    with psycopg.connect(dsn) as conn, conn.cursor() as cur, cur.copy(f"COPY decisions ({columns}) FROM STDIN") as copy:
        for i in range(rows):
            sender = f"acct-{rng.randrange(20000):05d}-a"
            at = (start + timedelta(seconds=i)).replace(tzinfo=None)
            copy.write_row((new_id(), "screen", "message", "account", sender, "allow", '{"signals": []}', at))
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE) decisions")


def wal_of(conn: Any, start: str, end: str, dboid: int, names: dict[int, str]) -> dict[str, Any]:
    """Records of this database between two LSNs, with the commits of its transactions."""
    rows = conn.execute(
        "SELECT xid, resource_manager, record_type, record_length, fpi_length, block_ref"
        " FROM pg_get_wal_records_info(%s, %s)",
        (start, end),
    ).fetchall()
    ours_xids = set()
    total = fpi = records = 0
    by_rel: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    picked = []
    for xid, rmgr, rtype, length, fpi_len, block_ref in rows:
        m = _REL.search(block_ref or "")
        if m and int(m.group(1)) == dboid:
            ours_xids.add(xid)
            picked.append((names.get(int(m.group(2)), f"relfilenode {m.group(2)}"), rmgr, rtype, length, fpi_len))
    for xid, rmgr, rtype, length, fpi_len, block_ref in rows:
        if rmgr == "Transaction" and xid in ours_xids and not _REL.search(block_ref or ""):
            picked.append(("(commit)", rmgr, rtype, length, fpi_len))
    for rel, _rmgr, _rtype, length, fpi_len in picked:
        total += length
        fpi += fpi_len
        records += 1
        by_rel[rel][0] += length
        by_rel[rel][1] += fpi_len
        by_rel[rel][2] += 1
    return {"bytes": total, "fpi": fpi, "records": records, "by_rel": dict(by_rel), "transactions": len(ours_xids)}


def _work(settings: Any, result: dict[str, Any], kind: str, text: str, subject: tuple[str, str] | None) -> Any:
    """One screening's write, as the route hands it to the group-commit writer."""
    from marketguard.adapters.storage import moderation
    from marketguard.adapters.storage.clock import utcnow

    return lambda session: moderation.record_screen(session, settings, result, kind, text, subject, "api", utcnow())


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="screenings per phase")
    ap.add_argument("--batch", type=int, default=8, help="screenings per transaction (a group-commit batch)")
    ap.add_argument("--prefill", type=int, default=100_000, help="older decisions in the table first")
    ap.add_argument("--pg-url", default=os.environ.get("MARKETGUARD_BENCH_PG_URL",
                                                       "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"))
    args = ap.parse_args()
    count_round_trips()
    watch_head()
    import time

    import psycopg

    from bench_service import database
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.group_commit import GroupCommit, _Job
    from marketguard.service.settings import ServiceSettings

    items = screened(2 * args.n)
    settings = ServiceSettings()
    with tempfile.TemporaryDirectory() as name, database("postgresql", args.pg_url, Path(name)) as url:
        prefill(url, args.prefill)
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        engine = make_engine(url)
        writer = GroupCommit(engine)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect")
            # keep the WAL from here until it is read (other sessions' checkpoints would recycle it): a temporary
            # slot, dropped with this connection whatever happens
            conn.execute("SELECT pg_create_physical_replication_slot(%s, true, true)", (f"mg_wal_{os.getpid()}",))
            dboid = int(conn.execute("SELECT oid FROM pg_database WHERE datname = current_database()").fetchone()[0])  # type: ignore[index]
            filenodes = "SELECT pg_relation_filenode(oid), relname FROM pg_class WHERE relfilenode <> 0"
            names = {int(r[0]): str(r[1]) for r in conn.execute(filenodes)}
            print(f"decisions prefilled with {args.prefill:,} rows; {args.n:,} screenings per phase in transactions "
                  f"of {args.batch}; {sum(1 for r in items if r[0]['decision'] != 'allow'):,} of {len(items):,} "
                  "messages are not 'allow'")  # fmt: skip
            for phase, chunk in (("right after a CHECKPOINT", items[: args.n]), ("the next ones", items[args.n :])):
                if phase.startswith("right"):
                    conn.execute("CHECKPOINT")
                redo0 = conn.execute("SELECT redo_lsn FROM pg_control_checkpoint()").fetchone()[0]  # type: ignore[index]
                start = conn.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]  # type: ignore[index]
                _SENDS.clear()
                plain = case = 0
                sends_plain = sends_case = 0
                held_sends: list[int] = []
                held_ms: list[float] = []
                for i in range(0, len(chunk), args.batch):
                    part = chunk[i : i + args.batch]
                    before = sum(_SENDS.values())
                    # by subject, as the route submits them (older code: no `order`)
                    keyed = "order" in _Job.__dataclass_fields__
                    jobs = [_Job(_work(settings, *item), future=Future(), **({"order": item[3] or ()} if keyed else {}))
                            for item in part]  # fmt: skip
                    _HOLD["sends"] = None
                    writer._commit(jobs)  # the group-commit writer's own transaction, run in this thread
                    if _HOLD["sends"] is not None:
                        held_sends.append(sum(_SENDS.values()) - _HOLD["sends"])
                        held_ms.append(1000 * (time.perf_counter() - _HOLD["since"]))
                    ids = [job.future.result() for job in jobs if job.future is not None]
                    sent = sum(_SENDS.values()) - before
                    if any(c for _, c in ids):
                        case += 1
                        sends_case += sent
                    else:
                        plain += 1
                        sends_plain += sent
                end = conn.execute("SELECT pg_current_wal_flush_lsn()").fetchone()[0]  # type: ignore[index]
                redo1 = conn.execute("SELECT redo_lsn FROM pg_control_checkpoint()").fetchone()[0]  # type: ignore[index]
                w = wal_of(conn, str(start), str(end), dboid, names)
                n = len(chunk)
                note = "" if redo0 == redo1 else " (a checkpoint began meanwhile: more page images than usual)"
                print(f"\n{phase}{note}: {w['bytes'] / n:,.0f} WAL bytes per screening, of them "
                      f"{w['fpi'] / n:,.0f} full-page images; {w['records'] / n:.2f} records per screening; "
                      f"{w['transactions']} transactions")  # fmt: skip
                for rel, (b, f, r) in sorted(w["by_rel"].items(), key=lambda kv: -kv[1][0]):
                    print(f"  {rel:32s} {b / n:8,.0f} B/screening  (page images {f / n:7,.0f})  {r / n:5.2f} records")
                print(f"  round trips per transaction: {sends_plain / max(plain, 1):.2f} for {plain} without a case, "
                      f"{sends_case / max(case, 1):.2f} for {case} with one")  # fmt: skip
                if held_sends:
                    held_ms.sort()
                    print(f"  the audit chain's head, held by {len(held_sends)} transactions: "
                          f"{sum(held_sends) / len(held_sends):.2f} round trips from the lock (included) to the "
                          f"end of the commit; held p50 {held_ms[len(held_ms) // 2]:.2f} ms, "
                          f"p99 {held_ms[int(0.99 * len(held_ms))]:.2f} ms (one writer, no contention)")  # fmt: skip
        engine.dispose()


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH_DIR))
    main()
