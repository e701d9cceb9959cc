"""Webhook delivery to a real local HTTP receiver that is down, then up: nothing lost, nothing twice."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import orjson
import pytest

from marketguard.adapters.http.delivery import DeliveryWorker
from marketguard.adapters.storage import outbox
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade
from marketguard.adapters.storage.tables import Outbox
from marketguard.service.settings import ServiceSettings
from marketguard.service.webhooks import verify_signature

SECRET = "whsec-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Receiver:
    """A real HTTP server that records every delivery (event id, body, signature check)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.received: list[tuple[str, dict[str, object], bool]] = []
        self.fail_first = 0
        received, owner = self.received, self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if owner.fail_first > 0:
                    owner.fail_first -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                ok = verify_signature(SECRET, body, self.headers["Marketguard-Signature"], int(time.time()))
                received.append((self.headers["Marketguard-Event-Id"], orjson.loads(body), ok))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outbox, "backoff", lambda attempt: 0.05 * attempt)


def test_down_then_up_delivers_each_event_exactly_once(tmp_path: Path, fast_backoff: None) -> None:
    port = free_port()
    settings = replace(
        ServiceSettings(data_dir=tmp_path), webhook_url=f"http://127.0.0.1:{port}/hook", webhook_secret=SECRET
    )
    upgrade(settings.url)
    engine = make_engine(settings.url)
    ids = [run(engine, lambda s, i=i: outbox.enqueue(s, "decision.made", {"n": i})) for i in range(5)]  # type: ignore[misc]
    worker = DeliveryWorker(engine, settings, poll=0.02)
    worker.start()
    try:
        # receiver down: every row is tried and fails, and stays (nothing is lost)
        deadline = time.monotonic() + 15
        while True:
            with engine.connect() as conn:
                rows = conn.execute(Outbox.__table__.select()).mappings().all()
            if all(r["attempts"] >= 2 for r in rows) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert len(rows) == 5 and all(r["delivered_at"] is None and r["attempts"] >= 2 for r in rows)
        with Receiver(port) as receiver:
            receiver.fail_first = 2  # and it answers 503 twice after coming up
            deadline = time.monotonic() + 20
            while len(receiver.received) < 5 and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)  # any duplicate would arrive now
            got = [r[0] for r in receiver.received]
            assert sorted(got) == sorted(ids) and len(got) == len(set(got))
            assert all(ok for _, _, ok in receiver.received)  # signed with the shared secret
            assert {b["data"]["n"] for _, b, _ in receiver.received} == set(range(5))  # type: ignore[index]
    finally:
        worker.stop()
    assert run(engine, outbox.pending) == 0
    engine.dispose()


def test_two_workers_never_send_one_event_twice(tmp_path: Path, fast_backoff: None) -> None:
    port = free_port()
    settings = replace(
        ServiceSettings(data_dir=tmp_path), webhook_url=f"http://127.0.0.1:{port}/", webhook_secret=SECRET
    )
    upgrade(settings.url)
    engine = make_engine(settings.url)
    for i in range(40):
        run(engine, lambda s, i=i: outbox.enqueue(s, "decision.made", {"n": i}))  # type: ignore[misc]
    with Receiver(port) as receiver:
        workers = [DeliveryWorker(engine, settings, poll=0.01) for _ in range(3)]
        for w in workers:
            w.start()
        deadline = time.monotonic() + 30
        while len(receiver.received) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        for w in workers:
            w.stop()
        got = [r[0] for r in receiver.received]
    assert len(got) == 40 == len(set(got))
    engine.dispose()


def test_signature_rejects_tampering_and_replays() -> None:
    from marketguard.service.webhooks import signature

    now = int(time.time())
    header = signature(SECRET, b'{"a":1}', now)
    assert verify_signature(SECRET, b'{"a":1}', header, now)
    assert not verify_signature(SECRET, b'{"a":2}', header, now)
    assert not verify_signature("other", b'{"a":1}', header, now)
    assert not verify_signature(SECRET, b'{"a":1}', header, now + 3600)
    assert not verify_signature(SECRET, b'{"a":1}', "garbage", now)
