"""API keys: `mg_<id>_<secret>`; the id finds the row, only a SHA-256 of the secret is stored.

The secret is 256 random bits, so a fast hash is enough (no password stretching needed): guessing it is
as hard as guessing the key. Scopes are a closed set; a review key's name is the reviewer's identity.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.tables import ApiKey
from marketguard.service.audit import EventKind
from marketguard.service.errors import Invalid, NotFound

SCOPES = ("screen", "report", "review", "admin")


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling: the key's id, its holder's name (a reviewer's identity) and what it may do."""

    key_id: str
    name: str
    scopes: frozenset[str]
    rate_limit: float | None = None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create(
    session: Session, name: str, scopes: list[str], actor: str, rate_limit: float | None = None
) -> tuple[str, str]:
    """Store a new key and return (key id, the full token, shown once)."""
    bad = [s for s in scopes if s not in SCOPES]
    if bad or not scopes:
        raise Invalid("invalid_scope", f"scopes must be among {list(SCOPES)}, got {scopes}")
    if not name.strip():
        raise Invalid("invalid_name", "a key needs the name of its holder")
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    session.add(
        ApiKey(
            id=key_id,
            secret_hash=_hash(secret),
            name=name.strip(),
            scopes=",".join(sorted(set(scopes))),
            rate_limit=rate_limit,
            created_at=utcnow(),
            revoked_at=None,
        )
    )
    audit_log.append(
        session, EventKind.KEY_CREATED, actor, {"key_id": key_id, "name": name.strip(), "scopes": sorted(set(scopes))}
    )
    return key_id, f"mg_{key_id}_{secret}"


def authenticate(session: Session, token: str) -> Caller | None:
    """The caller for a token, or None when it is malformed, unknown, wrong or revoked."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != "mg":
        return None
    row = session.get(ApiKey, parts[1])
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.secret_hash, _hash(parts[2])):
        return None
    return Caller(row.id, row.name, frozenset(row.scopes.split(",")), row.rate_limit)


def revoke(session: Session, key_id: str, actor: str) -> None:
    row = session.get(ApiKey, key_id)
    if row is None:
        raise NotFound("key_not_found", f"no key {key_id!r}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit_log.append(session, EventKind.KEY_REVOKED, actor, {"key_id": key_id})


def listing(session: Session) -> list[dict[str, object]]:
    rows = session.execute(select(ApiKey).order_by(ApiKey.created_at)).scalars()
    return [
        {
            "id": r.id,
            "name": r.name,
            "scopes": r.scopes.split(","),
            "rate_limit": r.rate_limit,
            "created_at": r.created_at.isoformat(),
            "revoked_at": r.revoked_at.isoformat() if r.revoked_at else None,
        }
        for r in rows
    ]
