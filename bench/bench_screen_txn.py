"""One plain screening transaction on SQLite (`run` of `record_screen`, a decision that opens no case), for
callgrind: what the storage layer costs per transaction without HTTP, the writer thread or the screener.

    cd bench
    CG="valgrind --tool=callgrind --callgrind-out-file=/dev/null"
    PYTHONHASHSEED=0 $CG ../.venv/bin/python bench_screen_txn.py 0
    PYTHONHASHSEED=0 $CG ../.venv/bin/python bench_screen_txn.py 2000
    # instructions per transaction = (Ir with 2000 - Ir with 0) / 2000; both runs do 200 warm-up transactions
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session


def main(n: int, warm: int = 200) -> None:
    from marketguard.adapters.storage import moderation
    from marketguard.adapters.storage.clock import utcnow
    from marketguard.adapters.storage.db import make_engine, run
    from marketguard.adapters.storage.migrate import upgrade
    from marketguard.service.settings import ServiceSettings

    settings = ServiceSettings()
    allow: dict[str, Any] = {"id": "m", "decision": "allow", "rule": None, "signals": []}
    with tempfile.TemporaryDirectory(prefix="mg-txn-") as name:
        url = f"sqlite:///{Path(name) / 'mg.db'}"
        upgrade(url)
        engine = make_engine(url)

        def work(session: Session) -> tuple[str, str | None]:
            subject = ("account", "u-1")
            return moderation.record_screen(session, settings, allow, "message", "hello there", subject, "api",
                                            utcnow())  # fmt: skip

        for _ in range(warm + n):
            run(engine, work)
        engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
