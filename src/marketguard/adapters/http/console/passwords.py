"""Reviewer passwords, stretched with scrypt (a memory-hard KDF in the standard library).

Stored as `scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>` so the cost can be raised later: `needs_rehash` tells
the login to re-store a password hashed with weaker parameters. Verification is constant-time, and
`verify_dummy` spends the same time for unknown users so a login does not reveal which names exist.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

N, R, P = 2**15, 8, 1
"""32 MiB and ~0.1 s per hash on this machine: slow for an offline guesser, fine for a login."""
DKLEN = 32
MIN_LENGTH = 12
_MAXMEM = 64 * 1024 * 1024


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=DKLEN)


def check_strength(password: str) -> None:
    """Refuse passwords a reviewer should not have; the message says what is wrong."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"a reviewer password needs at least {MIN_LENGTH} characters")
    if password.strip() != password:
        raise ValueError("a password must not start or end with spaces")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _derive(password, salt, N, R, P)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        return n, r, p, base64.b64decode(parts[4]), base64.b64decode(parts[5])
    except ValueError:
        return None


def verify_password(password: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    return hmac.compare_digest(_derive(password, salt, n, r, p), expected)


def needs_rehash(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (N, R, P)


_DUMMY = hash_password(secrets.token_urlsafe(16))


def verify_dummy(password: str) -> None:
    """Spend the time of one verification, for logins with an unknown or disabled name."""
    verify_password(password, _DUMMY)
