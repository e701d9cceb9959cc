"""Helpers for the console tests: a migrated SQLite file, reviewers, an API key and seeded cases.

`seed` goes through the public /v1 API (screen, reports) exactly as a platform would, so the console shows
what the service stored, not fixtures written to look like it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import Engine

from marketguard.adapters.http.console import store
from marketguard.adapters.storage import keys
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade
from marketguard.service.settings import ServiceSettings

PASSWORD = "correct horse battery staple"
REVIEWERS = {
    # name: (role, families)
    "alice": ("reviewer", "circumvention"),
    "bob": ("senior", "*"),
    "carol": ("reviewer", "scam"),
    "dana": ("admin", "*"),
}
XSS_MESSAGE = (
    "Hi! <script>alert(1)</script> <img src=x onerror=alert(2)> let's skip the fees, email me at john.doe@gmail.com"
)
XSS_REPORT = "He asked for my email <img src=x onerror=alert(3)><b>bold</b>"


@dataclass
class Seeded:
    """Cases by subject: u-a (screened message with the attack, 2 reports), u-c (3 reports), u-b (1), u-s (scam)."""

    case_ids: dict[str, str]
    platform_token: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(settings: ServiceSettings) -> tuple[Engine, str]:
    """Migrate, create the reviewers and a platform key; returns the engine and the key's token."""
    upgrade(settings.url)
    engine = make_engine(settings.url)

    def work(s: object) -> str:
        for name, (role, fams) in REVIEWERS.items():
            store.create(s, name, PASSWORD, role, fams, utcnow())  # type: ignore[arg-type]
        return keys.create(s, "platform", ["screen", "report"], "test")[1]  # type: ignore[arg-type]

    return engine, run(engine, work)  # type: ignore[arg-type]


def seed(client: httpx.Client, token: str) -> Seeded:
    h = {"Authorization": f"Bearer {token}"}
    r = client.post(
        "/v1/screen",
        headers=h,
        json={
            "id": "m-attack",
            "text": XSS_MESSAGE,
            "sender_id": "u-a",
            "conversation_id": "c-1",
            "recipient_id": "u-r1",
        },
    )
    assert r.status_code == 201, r.text
    ids = {"u-a": r.json()["case_id"]}
    assert ids["u-a"], r.json()

    def report(reporter: str, account: str, reason: str = "circumvention", text: str = "off-platform again") -> str:
        body = {
            "reporter_id": reporter,
            "account_id": account,
            "target": {"type": "message", "id": "m-attack"},
            "reason": reason,
            "text": text,
        }
        resp = client.post("/v1/reports", headers=h, json=body)
        assert resp.status_code == 201, resp.text
        return str(resp.json()["case_id"])

    report("u-r1", "u-a", text=XSS_REPORT)
    report("u-r2", "u-a")
    for who in ("u-r1", "u-r2", "u-r3"):
        ids["u-c"] = report(who, "u-c")
    ids["u-b"] = report("u-r4", "u-b")
    ids["u-s"] = report("u-r5", "u-s", reason="scam", text="fake escrow link")
    return Seeded(ids, token)


class ConsoleServer:
    """A real Uvicorn process serving the service with the console (we started it, so we stop it)."""

    def __init__(self, settings: ServiceSettings, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "MARKETGUARD_DATA_DIR": str(settings.data_dir), "MARKETGUARD_RATE_LIMIT": "0"}
        env.pop("MARKETGUARD_DATABASE_URL", None)
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "marketguard.adapters.http.app:from_env",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"console server exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(self.base + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("console server did not become ready")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()
