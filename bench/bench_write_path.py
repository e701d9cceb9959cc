"""Instructions per `POST /v1/screen` outside the screener: the ASGI app called in process with real storage
(SQLite or PostgreSQL), the real group-commit writer thread, auth, validation, metrics and the response; only
the screener's own work is taken out, by screening every message once at start-up and handing the stored
result back (its `to_dict` still runs per request, as in `bench_http_layer.py`).

Why a separate figure: the screener has its own benchmarks, and the service's cost per request outside it (the
HTTP layer, the hand-over to the writer, the transaction) is what changes when the service changes. Counted
with callgrind it is the same under any load on a shared machine:

    cd bench
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        ../.venv/bin/python bench_write_path.py --db sqlite 0
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        ../.venv/bin/python bench_write_path.py --db sqlite 1000
    # instructions per request = (Ir with 1000 - Ir with 0) / 1000; every thread is counted
    # --db postgresql makes (and drops) a throwaway database on --pg-url; the server's own work is not counted

Both runs build the same messages and screen them all at start-up, so the difference is the N measured requests.
The messages are the load benchmark's (`bench_service.write_bodies`): about one in fifteen opens or joins a case.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_service import database, make_key, write_bodies
from benchutil import asgi_post

MESSAGES = 1500
"""Messages built and screened at start-up in every run (warm-up + measured must not exceed it)."""


def main(kind: str, n: int, warm: int, pg_url: str) -> None:
    import uvloop

    from marketguard.adapters.http.app import create_app
    from marketguard.core.engine import Screener
    from marketguard.service.settings import ServiceSettings

    if warm + n > MESSAGES:
        raise SystemExit(f"warm + n must be at most {MESSAGES}")
    with tempfile.TemporaryDirectory(prefix="mg-write-path-") as name:
        tmp = Path(name)
        path = tmp / "bodies.jsonl"
        write_bodies(path, MESSAGES)
        bodies = path.read_bytes().splitlines()
        with database(kind, pg_url, tmp) as url:
            token = make_key(url)
            settings = ServiceSettings.from_env(
                {**os.environ, "MARKETGUARD_DATABASE_URL": url, "MARKETGUARD_RATE_LIMIT": "0"}
            )
            app = create_app(settings)
            results = _screen_all(Screener(), bodies)

            class Stored:
                """The screener's answer for a message, screened before the timed requests."""

                def screen(self, message: Any) -> Any:
                    return results[(message.id, message.text)]

            headers = [(b"host", b"bench"), (b"authorization", f"Bearer {token}".encode()),
                       (b"content-type", b"application/json")]  # fmt: skip
            uvloop.run(_requests(app, Stored(), headers, bodies[:warm], bodies[warm : warm + n]))


def _screen_all(screener: Any, bodies: list[bytes]) -> dict[tuple[str, str], Any]:
    """Every message's result, in order (the screener's conversation memory sees them as the service would)."""
    from marketguard.adapters.http.routes.screen import to_message
    from marketguard.adapters.http.schemas import ScreenIn

    out: dict[tuple[str, str], Any] = {}
    for body in bodies:
        message = to_message(ScreenIn.model_validate_json(body))  # exactly the route's message
        out[(message.id, message.text)] = screener.screen(message)
    return out


async def _requests(
    app: Any, screener: Any, headers: list[tuple[bytes, bytes]], warm: list[bytes], timed: list[bytes]
) -> None:
    """Start the app (its lifespan warms the real screener), swap in the stored answers, send the requests."""
    inbox: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    started = asyncio.Event()

    async def lifespan_send(message: dict[str, object]) -> None:
        if message["type"] == "lifespan.startup.complete":
            started.set()

    await inbox.put({"type": "lifespan.startup"})
    life = asyncio.ensure_future(
        app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, inbox.get, lifespan_send)
    )
    await started.wait()
    app.state.mg.screener = screener
    for body in warm:
        await _one(app, headers, body)
    cpu = time.process_time()
    for body in timed:
        await _one(app, headers, body)
    if timed:
        per = 1000 * (time.process_time() - cpu) / len(timed)
        print(f"{len(timed)} requests after {len(warm)}: CPU {per:.3f} ms each")
    await inbox.put({"type": "lifespan.shutdown"})
    await life


async def _one(app: Any, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    status = await asgi_post(app, "/v1/screen", headers, body)
    if status != 201:
        raise RuntimeError(f"request failed with {status}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("n", type=int, help="measured requests (0 for the baseline run)")
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--warm", type=int, default=300, help="requests before the measured ones")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("MARKETGUARD_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
    )
    args = ap.parse_args()
    main(args.db, args.n, args.warm, args.pg_url)
