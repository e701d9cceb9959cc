"""JSON Lines in, JSON Lines out: exactly one output line per input line, in order, never a crash.

A line that is not UTF-8, not JSON, not an object, or has no `text` gets an output line with `error` and
its 1-based `line` number; the stream goes on. Blank lines are errors too, so that counts always match.
Account events (`kind` identity, login, logout, payout_change) go to one `AccountMonitor` for the whole
stream and answer in the same shape (`decision`, `rule`, `signals`); a bad event gets its `error` line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

import orjson

from marketguard.core.engine import Screener
from marketguard.core.records import message_from_dict
from marketguard.errors import RecordError

if TYPE_CHECKING:
    from marketguard.core.accounts import AccountMonitor

MAX_LINE_BYTES = 8 * 1024 * 1024
ACCOUNT_KINDS = frozenset({"identity", "login", "logout", "payout_change"})
"""Event kinds that go to the account monitor (issue 5); every other line is a message for the screener."""


class LazyMonitor:
    """The account monitor for a stream, built on the first account event (messages-only scans never load
    the IP data). One per process: it holds every account's state for the whole stream."""

    def __init__(self, factory: Callable[[], AccountMonitor] | None = None) -> None:
        self._factory = factory
        self._monitor: AccountMonitor | None = None

    def get(self) -> AccountMonitor:
        if self._monitor is None:
            if self._factory is not None:
                self._monitor = self._factory()
            else:
                from marketguard.core.accounts import AccountMonitor

                self._monitor = AccountMonitor()
        return self._monitor


def _account_line(accounts: LazyMonitor, record: dict[str, Any], rid: Any, number: int) -> dict[str, Any]:
    try:
        return accounts.get().observe(record).to_dict()
    except RecordError as exc:
        return {"id": rid, "line": number, "error": str(exc)}
    except Exception as exc:  # a bug must cost one line, not the stream
        return {"id": rid, "line": number, "error": f"internal error on account event: {type(exc).__name__}: {exc}"}


def read_lines(stream: IO[bytes], max_bytes: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """Yield each line (without its newline); None for a line longer than `max_bytes`, which is skipped."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line.rstrip(b"\r\n")


def screen_line(
    screener: Screener,
    raw: bytes | None,
    number: int,
    max_bytes: int = MAX_LINE_BYTES,
    accounts: LazyMonitor | None = None,
) -> dict[str, Any]:
    """The output object for one input line: account events (by `kind`) to `accounts`, the rest screened."""
    if raw is None:
        return {"id": None, "line": number, "error": f"line longer than {max_bytes} bytes; not screened"}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {"id": None, "line": number, "error": f"not valid UTF-8 at byte {exc.start}"}
    try:
        record = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return {"id": None, "line": number, "error": f"not valid JSON: {exc}"}
    rid = record.get("id") if isinstance(record, dict) else None
    if accounts is not None and isinstance(record, dict) and record.get("kind") in ACCOUNT_KINDS:
        return _account_line(accounts, record, rid, number)
    try:
        message = message_from_dict(record)
    except RecordError as exc:
        return {"id": rid, "line": number, "error": str(exc)}
    try:
        out = screener.screen(message).to_dict()
    except Exception as exc:  # a bug in a detector must cost one line, not the stream
        return {"id": rid, "line": number, "error": f"internal error while screening: {type(exc).__name__}: {exc}"}
    out["id"] = rid
    return out


def scan(
    screener: Screener, stream: IO[bytes], sink: IO[bytes], on_line: Any = None, accounts: LazyMonitor | None = None
) -> tuple[int, int]:
    """Screen every line of `stream` into `sink`; returns (lines, errors). Account events share one monitor."""
    lines = errors = 0
    accounts = accounts or LazyMonitor()
    for number, raw in enumerate(read_lines(stream), start=1):
        out = screen_line(screener, raw, number, accounts=accounts)
        if "error" in out:
            errors += 1
        sink.write(orjson.dumps(out) + b"\n")
        lines += 1
        if on_line is not None:
            on_line()
    return lines, errors
