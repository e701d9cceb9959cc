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


def main(n: int, kind: str, pg_url: str, batch: int, cpu: bool, warm: int = 200) -> None:
    from marketguard.adapters.storage import moderation
    from marketguard.adapters.storage.clock import utcnow
    from marketguard.adapters.storage.db import make_engine, run
    from marketguard.service.settings import ServiceSettings

    settings = ServiceSettings()
    allow: dict[str, Any] = {"id": "m", "decision": "allow", "rule": None, "signals": []}
    with tempfile.TemporaryDirectory(prefix="mg-txn-") as name, database(kind, pg_url, Path(name)) as url:
        engine = make_engine(url)

        def work(session: Session) -> list[tuple[str, str | None]]:
            subject = ("account", "u-1")
            return [moderation.record_screen(session, settings, allow, "message", "hello there", subject, "api",
                                             utcnow()) for _ in range(batch)]  # fmt: skip

        for _ in range(warm):
            run(engine, work)
        started = time.process_time()
        for _ in range(n):
            run(engine, work)
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
    args = ap.parse_args()
    main(args.n, args.db, args.pg_url, args.batch, args.cpu)
