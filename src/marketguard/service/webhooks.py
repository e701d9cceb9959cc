"""Webhook signatures and the retry schedule.

A delivery carries `Marketguard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
and `Marketguard-Event-Id`; a receiver recomputes the HMAC, rejects stale timestamps (replays) and drops
an event id it has already processed. The worker never sends an event again once a receiver acknowledged it.

    headers = sign(secret, body, now)
    verify_signature(secret, body, headers["Marketguard-Signature"], now, tolerance=300)
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "Marketguard-Signature"
EVENT_ID_HEADER = "Marketguard-Event-Id"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: str, body: bytes, header: str, now: int, tolerance: int = 300) -> bool:
    """True when the header is a valid signature of `body` made within `tolerance` seconds of `now`."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        ts = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(now - ts) > tolerance:
        return False
    expected = signature(secret, body, ts).split("v1=", 1)[1]
    return hmac.compare_digest(expected, given)


def backoff(attempt: int, base: float = 1.0, cap: float = 600.0) -> float:
    """Seconds to wait after the `attempt`-th failure (1-based): 1, 2, 4 ... up to ten minutes."""
    return float(min(cap, base * (2 ** max(attempt - 1, 0))))
