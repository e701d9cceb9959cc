"""Reviewer accounts of the console and the key that signs its session cookies.

Two tables on the service's metadata (created by the Alembic revision `console_0001`):
`console_reviewers` (name, scrypt hash, role, families, lockout, session epoch) and `console_secret`
(one row: the cookie-signing key, shared by every worker and host that uses the same database).

Roles, least privilege first:
    reviewer  sees and decides the queues of their families only; reporters appear as pseudonyms
    senior    every family's queue
    admin     every family, and reporter identities (for abuse of the report button)
Nobody handles an appeal of their own decision (the domain refuses it; the console hides the form).

The reviewer's name is their identity in decisions and in the audit log, the same string a review API
key's holder name carries, so "another reviewer" means the same on both paths.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from marketguard.adapters.http.console import passwords
from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.tables import Base
from marketguard.service.audit import EventKind
from marketguard.service.errors import Conflict, Invalid, NotFound
from marketguard.service.priority import FAMILY_TIER

ROLES = ("reviewer", "senior", "admin")
FAMILIES = tuple(sorted(FAMILY_TIER, key=lambda f: (-FAMILY_TIER[f], f)))
"""The case families (queues), most severe first."""
ALL = "*"
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-@")


class Reviewer(Base):
    __tablename__ = "console_reviewers"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    families: Mapped[str] = mapped_column(String(200))
    """Comma-separated case families, or '*' for all."""
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]
    failed_logins: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None]
    session_epoch: Mapped[int] = mapped_column(Integer)
    """Part of every session cookie; bumping it (logout, password change, disable) ends all sessions."""


class ConsoleSecret(Base):
    __tablename__ = "console_secret"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128))


@dataclass(frozen=True, slots=True)
class Identity:
    """A logged-in reviewer, as the views need it."""

    name: str
    role: str
    families: tuple[str, ...]
    epoch: int

    def sees(self, family: str) -> bool:
        return family in self.families

    @property
    def sees_reporters(self) -> bool:
        return self.role == "admin"


def identity(row: Reviewer) -> Identity:
    fams = FAMILIES if row.role != "reviewer" or row.families == ALL else _families(row.families)
    return Identity(row.name, row.role, fams, row.session_epoch)


def _families(text: str) -> tuple[str, ...]:
    chosen = {f.strip() for f in text.split(",") if f.strip()}
    return tuple(f for f in FAMILIES if f in chosen)


def parse_families(text: str) -> str:
    """'scam, circumvention' or '*' -> the stored form; unknown families are an error naming the valid ones."""
    if text.strip() == ALL:
        return ALL
    chosen = [f.strip() for f in text.split(",") if f.strip()]
    bad = [f for f in chosen if f not in FAMILIES]
    if bad or not chosen:
        raise Invalid("invalid_family", f"families must be '*' or among {', '.join(FAMILIES)}; got {text!r}")
    return ",".join(f for f in FAMILIES if f in chosen)


def _check_name(name: str) -> str:
    name = name.strip().lower()
    if not (2 <= len(name) <= 64) or not set(name) <= _NAME_CHARS:
        raise Invalid("invalid_name", "a reviewer name is 2-64 characters of a-z, 0-9, '.', '_', '-', '@'")
    return name


def _log(session: Session, kind: EventKind, actor: str, payload: dict[str, object], now: datetime | None) -> None:
    """Reviewer management is a configuration change like a key's: it goes to the audit log (never a
    password or its hash)."""
    audit_log.append(session, kind, actor, payload, None, ("reviewer", str(payload["reviewer"])), now)


def create(
    session: Session, name: str, password: str, role: str, families: str, now: datetime, actor: str = "cli"
) -> Reviewer:
    name = _check_name(name)
    if role not in ROLES:
        raise Invalid("invalid_role", f"role must be one of {', '.join(ROLES)}")
    try:
        passwords.check_strength(password)
    except ValueError as exc:
        raise Invalid("weak_password", str(exc)) from None
    fams = parse_families(families)
    if session.get(Reviewer, name) is not None:
        raise Conflict("reviewer_exists", f"a reviewer named {name!r} exists already")
    row = Reviewer(
        name=name,
        password_hash=passwords.hash_password(password),
        role=role,
        families=fams,
        created_at=now,
        disabled_at=None,
        failed_logins=0,
        locked_until=None,
        session_epoch=secrets.randbelow(1 << 30),
    )
    session.add(row)
    session.flush()
    _log(session, EventKind.REVIEWER_CREATED, actor, {"reviewer": name, "role": role, "families": fams}, now)
    return row


def get(session: Session, name: str) -> Reviewer:
    row = session.get(Reviewer, name.strip().lower())
    if row is None:
        raise NotFound("reviewer_not_found", f"no reviewer {name!r}")
    return row


def set_password(session: Session, name: str, password: str, actor: str = "cli") -> None:
    try:
        passwords.check_strength(password)
    except ValueError as exc:
        raise Invalid("weak_password", str(exc)) from None
    row = get(session, name)
    row.password_hash = passwords.hash_password(password)
    row.failed_logins, row.locked_until = 0, None
    row.session_epoch += 1
    _log(session, EventKind.REVIEWER_PASSWORD_SET, actor, {"reviewer": row.name}, None)


def disable(session: Session, name: str, now: datetime, actor: str = "cli") -> None:
    row = get(session, name)
    row.disabled_at = now
    row.session_epoch += 1
    _log(session, EventKind.REVIEWER_DISABLED, actor, {"reviewer": row.name}, now)


def update_access(session: Session, name: str, role: str | None, families: str | None, actor: str = "cli") -> None:
    row = get(session, name)
    before = {"role": row.role, "families": row.families}
    if role is not None:
        if role not in ROLES:
            raise Invalid("invalid_role", f"role must be one of {', '.join(ROLES)}")
        row.role = role
    if families is not None:
        row.families = parse_families(families)
    row.session_epoch += 1
    after = {"role": row.role, "families": row.families}
    _log(
        session,
        EventKind.REVIEWER_ACCESS_CHANGED,
        actor,
        {"reviewer": row.name, "before": before, "after": after},
        None,
    )


def listing(session: Session) -> list[Reviewer]:
    return list(session.execute(select(Reviewer).order_by(Reviewer.name)).scalars())


def login(session: Session, name: str, password: str, now: datetime) -> Identity | None:
    """The identity when name and password match an enabled, unlocked reviewer; counts failures.

    Five wrong passwords lock the name for five minutes (an online guesser gets ~1,400 tries a day).
    Unknown names spend the same scrypt time, so timing does not tell which names exist.
    """
    row = session.get(Reviewer, name.strip().lower(), with_for_update=True)
    if row is None or row.disabled_at is not None:
        passwords.verify_dummy(password)
        return None
    if row.locked_until is not None and row.locked_until > now:
        passwords.verify_dummy(password)
        return None
    if not passwords.verify_password(password, row.password_hash):
        row.failed_logins += 1
        if row.failed_logins >= MAX_FAILURES:
            row.failed_logins, row.locked_until = 0, now + LOCKOUT
        return None
    row.failed_logins, row.locked_until = 0, None
    if passwords.needs_rehash(row.password_hash):
        row.password_hash = passwords.hash_password(password)
    return identity(row)


def current(session: Session, name: str, epoch: int) -> Identity | None:
    """The identity behind a session cookie, or None when the reviewer was disabled or logged out since."""
    row = session.get(Reviewer, name)
    if row is None or row.disabled_at is not None or row.session_epoch != epoch:
        return None
    return identity(row)


def end_sessions(session: Session, name: str) -> None:
    row = session.get(Reviewer, name)
    if row is not None:
        row.session_epoch += 1


def signing_key(session: Session) -> str:
    """The cookie-signing key, made on first use; concurrent first uses agree on one row."""
    row = session.get(ConsoleSecret, 1)
    if row is not None:
        return row.key
    try:
        with session.begin_nested():
            session.add(ConsoleSecret(id=1, key=secrets.token_urlsafe(48)))
    except IntegrityError:
        pass
    row = session.get(ConsoleSecret, 1, populate_existing=True)
    assert row is not None
    return row.key
