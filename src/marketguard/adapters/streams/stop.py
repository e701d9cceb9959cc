"""Graceful shutdown: the first SIGTERM or SIGINT asks the consumer to stop after the batch in hand (screened,
published, acknowledged); a second one stops the process at once, as the signal normally would."""

from __future__ import annotations

import signal
import threading
from types import FrameType


class Stop:
    """A flag the consumer loops test between batches; `install` sets it from SIGTERM and SIGINT."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, waking early when asked to stop; returns whether it was."""
        return self._event.wait(seconds)

    def install(self) -> None:
        """Handle SIGTERM and SIGINT (main thread only); each restores its default after the first signal."""

        def handle(signum: int, _frame: FrameType | None) -> None:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self.set()

        signal.signal(signal.SIGTERM, handle)
        signal.signal(signal.SIGINT, handle)
