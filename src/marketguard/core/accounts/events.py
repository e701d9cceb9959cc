"""Account events: JSON objects in, `AccountEvent`s out, with a precise error for anything malformed.

Kinds and their fields (besides `id`, `kind`, `account_id`, `at` in ISO 8601 UTC):
    identity       verified_name, verified_country
    login          ip, device_id, user_agent, session_id, success
    logout         ip, device_id, user_agent, session_id
    payout_change  method, beneficiary_name, beneficiary_country, ip, device_id, user_agent
A bad event raises `AccountEventError` (a `RecordError`) naming the field; nothing else is touched.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

import phonenumbers

from marketguard.errors import RecordError

MAX_FIELD_CHARS = 512
_ZERO = timedelta(0)
MAX_USER_AGENT_CHARS = 2048

# ISO 3166-1 alpha-2: the regions phonenumbers knows (every country with a telephone plan) plus the few
# territories without one.
COUNTRY_CODES = frozenset(phonenumbers.SUPPORTED_REGIONS) | {"AQ", "BV", "GS", "HM", "PN", "TF", "UM"}


class AccountEventError(RecordError):
    """An account event cannot be processed; the message names the field and why."""


class EventKind(str, Enum):
    IDENTITY = "identity"
    LOGIN = "login"
    LOGOUT = "logout"
    PAYOUT_CHANGE = "payout_change"


ACCOUNT_KINDS = frozenset(k.value for k in EventKind)
_KIND = {k.value: k for k in EventKind}
_V4, _PTON, _NTOP = socket.AF_INET, socket.inet_pton, socket.inet_ntop
_FROMISO = datetime.fromisoformat
_LOGIN, _LOGOUT, _IDENTITY = EventKind.LOGIN, EventKind.LOGOUT, EventKind.IDENTITY  # `EventKind.X` costs ~80 ns


@dataclass(slots=True)  # not frozen: frozen dataclasses cost a setattr call per field, per event
class AccountEvent:
    """One validated event. Fields not used by the kind are None."""

    id: str
    kind: EventKind
    account_id: str
    at: datetime
    ts: float
    ip: str | None = None
    device_id: str | None = None
    user_agent: str = ""
    session_id: str | None = None
    success: bool = True
    verified_name: str | None = None
    verified_country: str | None = None
    method: str | None = None
    beneficiary_name: str | None = None
    beneficiary_country: str | None = None


def _text(record: Mapping[str, Any], key: str, required: bool, limit: int = MAX_FIELD_CHARS) -> str | None:
    value = record.get(key)
    if type(value) is str and 0 < len(value) <= limit and not value.isspace():
        return value  # the common case, checked in one line
    if value is None:
        if required:
            raise AccountEventError(f"missing field '{key}'")
        return None
    if isinstance(value, int) and not isinstance(value, bool) and key.endswith("_id"):
        value = str(value)
    if not isinstance(value, str):
        raise AccountEventError(f"field '{key}' must be a string, got {type(value).__name__}")
    if required and not value.strip():
        raise AccountEventError(f"field '{key}' must not be empty")
    if len(value) > limit:
        raise AccountEventError(f"field '{key}' is longer than {limit} characters")
    return value


def _country(record: Mapping[str, Any], key: str) -> str:
    value = _text(record, key, required=True)
    assert value is not None
    code = value.strip().upper()
    if len(code) != 2 or code not in COUNTRY_CODES:
        raise AccountEventError(f"field '{key}' must be an ISO 3166 alpha-2 country code, got {value!r}")
    return code


def _ip(record: Mapping[str, Any]) -> str:
    """The address in canonical form. `inet_pton` is strict (four decimal octets, no zone ids) and ten times
    faster than `ipaddress`, which the fast path falls back on only to word the error."""
    value = _text(record, "ip", required=True)
    assert value is not None
    text = value.strip()
    family = socket.AF_INET6 if ":" in text else socket.AF_INET
    try:
        return socket.inet_ntop(family, socket.inet_pton(family, text))
    except (OSError, ValueError):
        pass
    try:
        ipaddress.ip_address(text)
    except ValueError:
        raise AccountEventError(f"field 'ip' is not an IPv4 or IPv6 address: {value[:64]!r}") from None
    raise AccountEventError(f"field 'ip' is not a plain IPv4 or IPv6 address: {value[:64]!r}")


def _time(record: Mapping[str, Any]) -> datetime:
    value = record.get("at")
    if value is None:
        raise AccountEventError("missing field 'at'")
    if not isinstance(value, str):
        raise AccountEventError(f"field 'at' must be an ISO 8601 string, got {type(value).__name__}")
    try:
        at = datetime.fromisoformat(value)
        if value[-1] == "Z":  # the common case: UTC by construction
            return at
    except ValueError:
        raise AccountEventError(f"field 'at' is not an ISO 8601 time: {value[:64]!r}") from None
    if at.tzinfo is None or at.utcoffset() != _ZERO:
        raise AccountEventError(f"field 'at' must be in UTC (end with 'Z'), got {value[:64]!r}")
    return at


def event_from_dict(record: Any) -> AccountEvent:
    """Validate one decoded JSON value as an account event.

    Logins and logouts are nearly all the traffic, so their well-formed fields are checked inline (the same
    test as `_text`, without a call per field); anything unusual goes through `_text`/`_ip`, which accept
    the same values and word the errors."""
    if type(record) is not dict and not isinstance(record, Mapping):
        raise AccountEventError(f"an event must be a JSON object, got {type(record).__name__}")
    get = record.get
    raw_kind = get("kind")
    kind = _KIND.get(raw_kind) if isinstance(raw_kind, str) else None
    if kind is None:
        raise AccountEventError(f"field 'kind' must be one of {sorted(ACCOUNT_KINDS)}, got {raw_kind!r}")
    event_id, account = get("id"), get("account_id")
    if not (type(event_id) is str and 0 < len(event_id) <= MAX_FIELD_CHARS and not event_id.isspace()):
        event_id = _text(record, "id", required=True)
    if not (type(account) is str and 0 < len(account) <= MAX_FIELD_CHARS and not account.isspace()):
        account = _text(record, "account_id", required=True)
    assert event_id is not None and account is not None
    raw_at = get("at")
    if type(raw_at) is str and raw_at[-1:] == "Z":  # `_time`'s common case
        try:
            at = _FROMISO(raw_at)
        except ValueError:
            at = _time(record)
    else:
        at = _time(record)
    ts = at.timestamp()
    if kind is _LOGIN or kind is _LOGOUT:  # the bulk of the traffic: no kwargs dict
        login = kind is _LOGIN
        success = get("success", True)
        if success is not True and success is not False:
            raise AccountEventError(f"field 'success' must be true or false, got {success!r}")
        ip, device, agent, session = get("ip"), get("device_id"), get("user_agent"), get("session_id")
        if type(ip) is str and ":" not in ip and 0 < len(ip) <= MAX_FIELD_CHARS:
            try:  # as `_ip`, without its call and strip; a bad one goes there for the error
                ip = _NTOP(_V4, _PTON(_V4, ip))
            except (OSError, ValueError):
                ip = _ip(record)
        else:
            ip = _ip(record)
        if not (type(device) is str and 0 < len(device) <= MAX_FIELD_CHARS and not device.isspace()):
            device = _text(record, "device_id", required=True)
        if agent is None:
            agent = ""
        elif not (type(agent) is str and 0 < len(agent) <= MAX_USER_AGENT_CHARS and not agent.isspace()):
            agent = _text(record, "user_agent", False, MAX_USER_AGENT_CHARS) or ""
        if not (type(session) is str and 0 < len(session) <= MAX_FIELD_CHARS and not session.isspace()):
            session = _text(record, "session_id", login)
        return AccountEvent(event_id, kind, account, at, ts, ip, device, agent, session, success if login else True)
    common: dict[str, Any] = {"id": event_id, "kind": kind, "account_id": account, "at": at, "ts": ts}
    if kind is _IDENTITY:
        return AccountEvent(
            **common,
            verified_name=_text(record, "verified_name", True),
            verified_country=_country(record, "verified_country"),
        )
    common["ip"] = _ip(record)
    common["device_id"] = _text(record, "device_id", True)
    common["user_agent"] = _text(record, "user_agent", False, MAX_USER_AGENT_CHARS) or ""
    return AccountEvent(
        **common,
        method=_text(record, "method", True),
        beneficiary_name=_text(record, "beneficiary_name", True),
        beneficiary_country=_country(record, "beneficiary_country"),
    )
