"""Shared by the stream tests: the real brokers on this machine (NATS with JetStream at 127.0.0.1:4222, Redis at
127.0.0.1:6379, database 15), unique names per test, and the fixture's expected results (`marketguard scan`'s).

A test needing a broker skips with the reason when it is unreachable, and fails instead when
MARKETGUARD_REQUIRE_SERVICES=1 (as in CI).
"""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from marketguard import Screener
from marketguard.adapters.jsonl import scan
from needs import unavailable

NATS_HOST, NATS_PORT = "127.0.0.1", 4222
FIXTURE = Path(__file__).parent / "fixtures" / "streams" / "records.jsonl"


def nats_url() -> str:
    """The local NATS server, or skip/fail when it is unreachable."""
    try:
        with socket.create_connection((NATS_HOST, NATS_PORT), timeout=1) as sock:
            banner = sock.recv(4096)
    except OSError as exc:
        unavailable("NATS", f"cannot connect to {NATS_HOST}:{NATS_PORT} ({exc.strerror or exc})")
    if b'"jetstream":true' not in banner:
        unavailable("NATS JetStream", f"the server at {NATS_HOST}:{NATS_PORT} runs without JetStream")
    return f"nats://{NATS_HOST}:{NATS_PORT}"


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def fixture_lines() -> list[bytes]:
    return FIXTURE.read_bytes().splitlines()


def scan_results(lines: list[bytes]) -> list[dict[str, Any]]:
    """What `marketguard scan` writes for `lines`, each without `line` (a stream has no line numbers)."""
    sink = io.BytesIO()
    scan(Screener(), io.BytesIO(b"\n".join(lines) + b"\n"), sink)
    out = [orjson.loads(line) for line in sink.getvalue().splitlines()]
    for result in out:
        result.pop("line", None)
    return out


def without_storage(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k not in ("decision_id", "case_id")}


def consume_until_drained(args: list[str], wait_for_results: Callable[[], list[Any]]) -> tuple[list[Any], int, str]:
    """Run `marketguard consume ARGS` in a subprocess, wait for its results, then SIGTERM it as an operator would.

    Returns the results, the exit code and stderr: a clean drain exits 0 and says how many records it consumed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "marketguard.adapters.cli.main", "consume", *args],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        got = wait_for_results()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    return got, proc.returncode, err.decode()
