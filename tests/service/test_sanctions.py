"""Ladder, durations, the decision check and the statement of reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketguard.service.errors import Invalid
from marketguard.service.sanctions import (
    DEFAULT_LADDER,
    Action,
    Evidence,
    next_step,
    parse_duration,
    parse_ladder,
    resolve,
    statement_of_reasons,
)


def test_parse_ladder_and_round_trip() -> None:
    ladder = parse_ladder("warn, restrict_messaging:3d, hold_payouts:12h, suspend")
    assert [s.spec for s in ladder] == ["warn", "restrict_messaging:3d", "hold_payouts:12h", "suspend"]
    assert parse_ladder(",".join(s.spec for s in ladder)) == ladder
    assert [s.spec for s in DEFAULT_LADDER] == ["warn", "restrict_messaging:7d", "suspend"]


@pytest.mark.parametrize(
    "bad", ["", "ban", "dismiss", "ladder", "warn:3d", "suspend:0d", "suspend:3w", "suspend:-1d", "suspend:d"]
)
def test_bad_ladders_say_why(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_ladder(bad)


@given(st.text(max_size=40))
def test_ladder_parser_only_raises_value_error(text: str) -> None:
    try:
        ladder = parse_ladder(text)
    except ValueError:
        return
    assert ladder and parse_ladder(",".join(s.spec for s in ladder)) == ladder


@given(st.integers(1, 10**5), st.sampled_from("smhd"))
def test_durations(n: int, unit: str) -> None:
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    assert parse_duration(f"{n}{unit}") == timedelta(seconds=n * seconds)


def test_ladder_steps_and_top_rung_repeats() -> None:
    assert [next_step(DEFAULT_LADDER, n).action for n in range(5)] == [
        Action.WARN,
        Action.RESTRICT_MESSAGING,
        Action.SUSPEND,
        Action.SUSPEND,
        Action.SUSPEND,
    ]


def test_resolve_checks_combinations() -> None:
    assert resolve(Action.LADDER, None, "circumvention", DEFAULT_LADDER, 1).duration == timedelta(days=7)
    with pytest.raises(Invalid, match="circumvention"):
        resolve(Action.LADDER, None, "scam", DEFAULT_LADDER, 0)
    with pytest.raises(Invalid):
        resolve(Action.WARN, timedelta(days=1), "scam", DEFAULT_LADDER, 0)
    assert resolve(Action.SUSPEND, timedelta(days=1), "scam", DEFAULT_LADDER, 0).action is Action.SUSPEND


def test_statement_has_four_parts_in_plain_words() -> None:
    now = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)
    st_ = statement_of_reasons(
        Action.RESTRICT_MESSAGING,
        "circumvention",
        "Shared a phone number.",
        [Evidence("message m-1", 'contact.phone "415 555 0192" (characters 4-16)')],
        now + timedelta(days=7),
        now + timedelta(days=14),
    )
    assert st_["action"] == "Messaging restricted until 2026-12-03 04:00 UTC."
    assert st_["cause"].startswith('Policy "Off-platform contact and payment" (circumvention)')
    assert "Shared a phone number." in st_["cause"]
    assert st_["evidence"] == 'message m-1: contact.phone "415 555 0192" (characters 4-16)'
    assert "2026-12-10 04:00 UTC" in st_["next_step"] and "different reviewer" in st_["next_step"]
    dismissed = statement_of_reasons(Action.DISMISS, "scam", "", [], None, None)
    assert dismissed["next_step"] == "Nothing to do; the case is closed."
