"""Real `marketguard serve` processes for the reliability tests: start, wait until ready, SIGKILL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from marketguard.adapters.storage import keys
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade

MARKETGUARD = str(Path(sys.executable).parent / "marketguard")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load_factor() -> float:
    """How much longer a start-up may take on a loaded machine: the 1-minute load per core, at least 1.

    At a load average of 14 on two cores a serve process (imports, migrations, the rule pack's RE2 sets) took
    over 30 s to answer /readyz, and a fixed timeout made the reliability tests fail for the machine's sake."""
    return max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


def make_key(url: str, name: str, scopes: list[str]) -> str:
    upgrade(url)
    engine = make_engine(url)
    token = run(engine, lambda s: keys.create(s, name, scopes, "test"))[1]
    engine.dispose()
    return token


class Server:
    """One `marketguard serve` process (we started it, so we may kill it)."""

    def __init__(self, env: dict[str, str], port: int | None = None, workers: int = 1) -> None:
        self.port = port or free_port()
        self.workers = workers
        self.env = {**os.environ, **env, "MARKETGUARD_RATE_LIMIT": "0"}
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> Server:
        self.proc = subprocess.Popen(
            [MARKETGUARD, "serve", "--port", str(self.port), "--workers", str(self.workers)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout * load_factor()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode() if self.proc.stderr else ''}")
            try:
                if httpx.get(self.base + "/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        waited = timeout * load_factor()
        raise RuntimeError(f"server did not become ready in {waited:.0f} s (load {os.getloadavg()[0]:.1f})")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
