"""The HTTP layer's own cost per `POST /v1/screen`: the ASGI app called in process with the screener and the
database write stubbed out, so what remains is FastAPI, the middleware, auth, validation and the response.

    ../.venv/bin/python bench_http_layer.py 5000            # CPU µs per request (event-loop thread)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null ../.venv/bin/python bench_http_layer.py 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null ../.venv/bin/python bench_http_layer.py 2000
    # instructions per request = (Ir with 2000 - Ir with 0) / 2000 (PYTHONHASHSEED=0 for both)

The screener's answer is a real one (one positive message screened once at start-up), so the response body
and the metrics labels are what a real request builds.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from benchutil import asgi_post

BODY = orjson.dumps(
    {
        "id": "m-1",
        "kind": "message",
        "text": "Let's continue on WhatsApp, my number is +1 415 555 0192, cheaper without the fees",
        "conversation_id": "c-1",
        "sender_id": "u-1",
        "recipient_id": "u-2",
        "context": {"phase": "pre_contract", "region": "us"},
    }
)


def main(n: int, warm: int = 500) -> None:
    from marketguard.adapters.http.app import create_app
    from marketguard.adapters.http.routes import screen as screen_route
    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import make_engine, run
    from marketguard.adapters.storage.migrate import upgrade
    from marketguard.core.engine import Screener
    from marketguard.core.model import Message
    from marketguard.service.settings import ServiceSettings

    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'mg.db'}"
    upgrade(url)
    engine = make_engine(url)
    token = run(engine, lambda s: keys.create(s, "bench", ["screen"], "bench"))[1]
    engine.dispose()
    app = create_app(ServiceSettings.from_env({"MARKETGUARD_DATABASE_URL": url, "MARKETGUARD_RATE_LIMIT": "0"}))
    state = app.state.mg
    real = Screener().screen(Message(text=orjson.loads(BODY)["text"]))

    class Stub:
        def screen(self, message: object) -> Any:
            return real

    def submit_async(txn: Any) -> asyncio.Future[Any]:
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        done.set_result(txn(None))
        return done

    state.screener = Stub()
    state.writer.submit_async = submit_async
    screen_route.moderation.record_screen = lambda *a, **k: ("d-1", None)  # type: ignore[assignment]
    headers = [(b"host", b"bench"), (b"authorization", f"Bearer {token}".encode()),
               (b"content-type", b"application/json")]  # fmt: skip

    async def one() -> None:
        status = await asgi_post(app, "/v1/screen", headers, BODY)
        if status != 201:
            raise RuntimeError(f"request failed with {status}")

    async def go() -> None:
        for _ in range(warm):
            await one()
        t0 = time.thread_time()
        for _ in range(n):
            await one()
        if n:
            print(f"{n} requests: event-loop CPU {1e6 * (time.thread_time() - t0) / n:.1f} µs per request")

    asyncio.run(go())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
