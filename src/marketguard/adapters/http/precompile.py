"""The screener's regexes compiled in a background thread at start-up, not in the requests that first need them.

The screener compiles most of its `re` patterns on first use (`core/text/lazy.py`, and the rule pack's group
regexes, `core/rulepack/compiler.LazyPatterns`): a command that screens a few messages then never pays for the
rest. A service worker does pay for them, one at a time, on its event loop, inside whichever request first
reaches each pattern: the rule pack's 535 groups took 16 s of CPU to compile on the shared VM (load 17), the
largest 0.2 s each, so during a worker's first minutes of traffic a request now and then stopped its whole
event loop for tens to hundreds of milliseconds (py-spy: `re._compile` under `LazyPatterns.__getitem__` was
about 5 % of a worker's samples in the benchmark's 20 s after 2,000 warm-up requests).

Compiled in a thread instead, the work is the same but the event loop keeps running: the thread gives up the
interpreter lock every switch interval (0.5 ms in the service, `app.SWITCH_INTERVAL`), so a request waits at
most that long for it. Until it is done the worker has less CPU for requests; `/metrics` says when it is
(`marketguard_precompile_done`), and the benchmark waits for it before it measures. A pattern the loop needs
before the thread reached it is compiled by the loop, as before (two compilations of one pattern give equal
patterns).
"""

from __future__ import annotations

import logging
import threading
import time

from marketguard.core.rulepack.compiler import LazyPatterns
from marketguard.core.text import lazy

log = logging.getLogger("marketguard.http")


def _packs() -> list[LazyPatterns]:
    """The group regexes of the pack the service's screener runs (the packaged one, built once per process)."""
    from marketguard.core.detectors.fraud.rules import default_compiled

    return [default_compiled().patterns]


def compile_packs() -> int:
    """Compile every group regex of `_packs()` not compiled yet; returns how many."""
    return sum(patterns.compile_all() for patterns in _packs())


class Precompiler:
    """Compiles every lazily compiled pattern of the process once, in a daemon thread (see the module doc)."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.compiled = 0
        self.seconds = 0.0

    def start(self) -> None:
        threading.Thread(target=self.run, name="marketguard-precompile", daemon=True).start()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            self.compiled = lazy.compile_all() + compile_packs()
        except Exception:  # a pattern that does not compile fails its first request as before; not here
            log.exception("precompiling the screener's patterns failed")
        finally:
            self.seconds = time.perf_counter() - started
            self.done.set()
