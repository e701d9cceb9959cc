"""Small helpers shared by the benchmarks: the machine description, percentiles, PASS/FAIL lines."""

from __future__ import annotations

import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any


def cpu_model() -> str:
    """The CPU model as /proc/cpuinfo names it (first `model name`), or what `platform` knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def code_version() -> str:
    """The commit the benchmarks ran on, and whether src/ had uncommitted changes (read-only git calls)."""
    repo = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, check=True, timeout=10).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    return f"{head}" + (f" + {len(dirty)} uncommitted change(s) under src/" if dirty else " (src/ clean)")


def machine_info() -> str:
    cores = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = cores
    return "\n".join([
        f"date:     {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
        f"cpu:      {cpu_model()}",
        f"cores:    {cores} logical ({usable} usable by this process)",
        f"python:   {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        f"platform: {platform.platform()}",
        f"code:     marketguard at {code_version()}",
        f"load:     {_load()} (1/5/15-minute load averages; other work on the machine slows the figures)",
    ])


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def screener_factory(families: str | None, enable: str | None = None) -> tuple[Callable[[], Any], str]:
    """A `Screener` maker with only the detectors of `families` ("contact,payment"), or all registered
    detectors when None, plus the off-by-default detectors named in `enable` ("contact.model,payment.model");
    and a line that says which detectors it runs."""
    from marketguard import Screener, ScreenerConfig
    from marketguard.core.registry import BUILTIN, Registry

    on = frozenset(i.strip() for i in (enable or "").split(",") if i.strip())
    config = ScreenerConfig(enabled=on)
    runs = [cls for cls in BUILTIN if cls.info.default_on or cls.info.id in on]
    if not families:
        ids = ", ".join(cls.info.id for cls in runs)
        return partial(Screener, config), f"detectors: all on by default or enabled ({ids})"
    wanted = {f.strip() for f in families.split(",") if f.strip()}
    classes = [cls for cls in BUILTIN if cls.info.family in wanted]
    ids = ", ".join(cls.info.id for cls in runs if cls in classes)
    return (
        partial(Screener, config, registry=Registry(classes)),
        f"detectors: families {sorted(wanted)} only ({ids})",
    )


def print_header(title: str) -> None:
    print(f"== {title} ==")
    print(machine_info())
    print()


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(q / 100 * len(sorted_values))))
    return sorted_values[rank - 1]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


async def asgi_post(app: Any, path: str, headers: list[tuple[bytes, bytes]], body: bytes) -> int:
    """POST `body` to an ASGI `app` in process, without sockets; returns the response status.

    After the body, `receive` waits rather than reporting a disconnect, as a client awaiting its answer would."""
    import asyncio

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [*headers, (b"content-length", str(len(body)).encode())],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {}}  # fmt: skip
    sent = False
    status = 0

    async def receive() -> dict[str, object]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])

    await app(scope, receive, send)
    return status
