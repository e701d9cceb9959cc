"""The compact per-account state and the parser's inline fast path: same answers as the general code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from acct_helpers import event, seasoned_monitor

from marketguard.core.accounts import AccountEventError, AccountMonitor, InMemoryAccounts, Profile, event_from_dict
from marketguard.core.accounts.events import MAX_USER_AGENT_CHARS, _ip, _text, _time


@pytest.fixture
def seasoned() -> AccountMonitor:
    return seasoned_monitor()


def test_old_documents_with_float_counts_still_load(seasoned: AccountMonitor) -> None:
    """Profiles stored in Redis before counts became integers hold floats: they load as the same counts."""
    profile = seasoned.store.get("a1")
    assert profile is not None
    doc = profile.to_dict()
    old = {**doc, "c": {f: {k: float(x) for k, x in t.items()} for f, t in doc["c"].items()}}
    old["t"] = {f: float(x) for f, x in doc["t"].items()}
    loaded = Profile.from_dict(old)
    assert loaded.counts == profile.counts and loaded.totals == profile.totals
    assert all(type(x) is int for table in loaded.counts for x in table.values())
    assert loaded.to_dict() == doc


def test_totals_are_the_sums_of_the_counts(seasoned: AccountMonitor) -> None:
    profile = seasoned.store.get("a1")
    assert profile is not None and profile.n_logins > 0
    assert profile.totals == [sum(table.values()) for table in profile.counts]


def test_in_memory_store_drops_the_least_recently_used() -> None:
    store = InMemoryAccounts(max_accounts=2)
    a, b, c = Profile(), Profile(), Profile()
    store.put("a", a)
    store.put("b", b)
    assert store.get("a") is a  # "a" used last: "b" is now the oldest
    store.put("a", a)  # putting back what was handed out keeps it
    store.put("c", c)
    assert store.get("b") is None and store.get("a") is a and store.get("c") is c
    replacement = Profile()
    store.put("a", replacement)  # a different profile replaces the stored one
    assert store.get("a") is replacement and len(store) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ip", " 81.2.69.160 "),  # padded: the fast path declines, `_ip` strips it
        ("ip", "081.2.69.160"),
        ("ip", "1.2.3"),
        ("ip", "1.2.3.4\x00"),
        ("ip", ""),
        ("ip", "   "),
        ("ip", 81),
        ("ip", "::ffff:81.2.69.160"),
        ("ip", "x" * 600),
        ("id", "   "),
        ("id", 7),
        ("account_id", 7),  # an integer account id is accepted as its string
        ("account_id", "a" * 513),
        ("device_id", ""),
        ("user_agent", ""),
        ("user_agent", "   "),
        ("user_agent", 5),
        ("session_id", None),
        ("session_id", "\t"),
        ("at", "2026-01-02T10:00:00.5Z"),
        ("at", "2026-13-02T10:00:00Z"),
        ("at", "Z"),
        ("at", ""),
    ],
)
@pytest.mark.parametrize("kind", ["login", "logout"])
def test_the_inline_checks_answer_as_the_field_helpers(kind: str, field: str, value: Any) -> None:
    """Whatever the fast path accepts, `_text`/`_ip`/`_time` accept as the same value; whatever it
    declines, they decline with the error the parser raises."""
    record = event(kind, 1, 2)
    record[field] = value
    helpers: dict[str, Callable[[], Any]] = {
        "ip": lambda: _ip(record),
        "id": lambda: _text(record, "id", True),
        "account_id": lambda: _text(record, "account_id", True),
        "device_id": lambda: _text(record, "device_id", True),
        "session_id": lambda: _text(record, "session_id", kind == "login"),
        "user_agent": lambda: _text(record, "user_agent", False, MAX_USER_AGENT_CHARS) or "",
        "at": lambda: _time(record),
    }
    try:
        expected: Any = helpers[field]()
    except AccountEventError as exc:
        expected = f"error: {exc}"
    try:
        got: Any = getattr(event_from_dict(record), field)
    except AccountEventError as exc:
        got = f"error: {exc}"
    assert got == expected
