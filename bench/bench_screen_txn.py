"""One plain screening transaction (`run` of `record_screen`, a decision that opens no case) on SQLite or
PostgreSQL, for callgrind: what the storage layer costs per transaction without HTTP, the writer thread or the
screener.

    cd bench
    CG="valgrind --tool=callgrind --callgrind-out-file=/dev/null"
    PYTHONHASHSEED=0 $CG ../.venv/bin/python bench_screen_txn.py 0
    PYTHONHASHSEED=0 $CG ../.venv/bin/python bench_screen_txn.py 2000
    # instructions per transaction = (Ir with 2000 - Ir with 0) / 2000; both runs do 200 warm-up transactions
    # --db postgresql: a throwaway database on --pg-url (dropped afterwards); the server's own work is not counted
    # --batch K: K screenings per transaction (a group-commit batch); --cpu prints process CPU per transaction
    # --cases K: every K-th screening opens or joins a case, the batch run as the group-commit writer runs it

Without callgrind, `--cpu` gives the process's CPU time per transaction (noisier, but a quick comparison).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bench_service import database

REVIEW: dict[str, Any] = {
    "id": "m",
    "decision": "review",
    "rule": "payment-before-contract",
    "signals": [{"kind": "payment.offplatform", "family": "payment", "score": 0.95}],
}


def main(n: int, kind: str, pg_url: str, batch: int, cpu: bool, warm: int = 200, cases: int = 0) -> None:
    from concurrent.futures import Future

    from marketguard.adapters.storage import moderation
    from marketguard.adapters.storage.clock import utcnow
    from marketguard.adapters.storage.db import make_engine, run
    from marketguard.adapters.storage.group_commit import GroupCommit, _Job
    from marketguard.service.settings import ServiceSettings

    settings = ServiceSettings()
    allow: dict[str, Any] = {"id": "m", "decision": "allow", "rule": None, "signals": []}
    with tempfile.TemporaryDirectory(prefix="mg-txn-") as name, database(kind, pg_url, Path(name)) as url:
        engine = make_engine(url)
        writer = GroupCommit(engine)
        done = 0

        def one(i: int) -> Any:
            review = cases > 0 and i % cases == 0  # joins (or opens) the case of one of 50 senders
            result, subject = (REVIEW, ("account", f"u-{i % 50}")) if review else (allow, ("account", "u-1"))
            return lambda session: moderation.record_screen(session, settings, result, "message", "hello there",
                                                            subject, "api", utcnow())  # fmt: skip

        def work(session: Session) -> list[tuple[str, str | None]]:
            return [moderation.record_screen(session, settings, allow, "message", "hello there", ("account", "u-1"),
                                             "api", utcnow()) for _ in range(batch)]  # fmt: skip

        def transaction() -> None:
            nonlocal done
            if not cases:
                run(engine, work)
                return
            jobs = [_Job(one(done + k), future=Future()) for k in range(batch)]  # as the group-commit writer runs it
            done += batch
            writer._commit(jobs)
            for job in jobs:
                assert job.future is not None
                job.future.result()

        for _ in range(warm):
            transaction()
        started = time.process_time()
        for _ in range(n):
            transaction()
        if cpu and n:
            print(f"{kind}, batch {batch}: {(time.process_time() - started) / n * 1e6:.1f} us CPU per transaction")
        engine.dispose()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=2000, help="measured transactions (0 for the baseline run)")
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--batch", type=int, default=1, help="screenings per transaction")
    ap.add_argument("--cpu", action="store_true", help="print the process CPU time per measured transaction")
    ap.add_argument("--cases", type=int, default=0, metavar="K",
                    help="every K-th screening a review that opens or joins a case (of 50 senders), each batch run "
                         "by the group-commit writer's own transaction function (`GroupCommit._commit`)")  # fmt: skip
    args = ap.parse_args()
    main(args.n, args.db, args.pg_url, args.batch, args.cpu, cases=args.cases)
