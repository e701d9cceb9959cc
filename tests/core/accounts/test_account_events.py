"""The event parser: precise errors, and a property test that it never fails any other way."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from acct_helpers import event
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.accounts import AccountEventError, EventKind, event_from_dict
from marketguard.errors import RecordError


def test_a_login_parses() -> None:
    ev = event_from_dict(event("login", 1, 2))
    assert ev.kind is EventKind.LOGIN and ev.ip == "81.2.69.160" and ev.session_id == "s1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "wire_transfer"}, "field 'kind' must be one of"),
        ({"ip": "300.1.1.1"}, "field 'ip' is not an IPv4 or IPv6 address"),
        ({"ip": "not an ip"}, "field 'ip' is not an IPv4 or IPv6 address"),
        ({"account_id": None}, "missing field 'account_id'"),
        ({"account_id": "  "}, "field 'account_id' must not be empty"),
        ({"at": "yesterday"}, "field 'at' is not an ISO 8601 time"),
        ({"at": "2026-01-02T10:00:00"}, "must be in UTC"),
        ({"at": "2026-01-02T10:00:00+02:00"}, "must be in UTC"),
        ({"success": "yes"}, "field 'success' must be true or false"),
        ({"device_id": 3.5}, "field 'device_id' must be a string"),
    ],
)
def test_bad_logins_name_the_field(change: dict[str, Any], message: str) -> None:
    record = event("login", 1, 2)
    record.update(change)
    with pytest.raises(AccountEventError, match=message):
        event_from_dict(record)


def test_bad_country_codes() -> None:
    with pytest.raises(AccountEventError, match="ISO 3166"):
        event_from_dict(event("identity", 0, 1, verified_country="XX"))
    with pytest.raises(AccountEventError, match="ISO 3166"):
        event_from_dict(
            event(
                "payout_change",
                1,
                2,
                ip="1.2.3.4",
                device_id="d",
                method="bank",
                beneficiary_name="Ana Lima",
                beneficiary_country="GBR",
            )
        )


def test_ipv6_is_normalised() -> None:
    assert event_from_dict(event("login", 1, 2, ip="2001:DB8::0001")).ip == "2001:db8::1"


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "kind",
                "account_id",
                "at",
                "ip",
                "device_id",
                "user_agent",
                "session_id",
                "success",
                "verified_name",
                "verified_country",
                "method",
                "beneficiary_name",
                "beneficiary_country",
            ]
        ),
        values,
    )
)
def test_any_object_parses_or_raises_a_record_error(record: dict[str, Any]) -> None:
    with contextlib.suppress(RecordError):
        event_from_dict(record)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.ip_addresses().map(str), st.text(max_size=45)))
def test_any_ip_text_parses_or_raises_a_record_error(ip: str) -> None:
    record = event("login", 1, 2, ip=ip)
    try:
        assert event_from_dict(record).ip
    except RecordError as exc:
        assert "ip" in str(exc)
