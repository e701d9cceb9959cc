"""Stored answers to POSTs made with an Idempotency-Key (per API key), saved in the write's transaction.

Because the answer is inserted in the same transaction as the write it describes, a retry either finds
the answer (the write happened) or finds nothing (it did not): never a write without its answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.tables import IdempotentResponse
from marketguard.service.errors import Invalid


@dataclass(frozen=True, slots=True)
class Stored:
    status: int
    body: str


def find(session: Session, key_id: str, idem_key: str, route: str, request_hash: str) -> Stored | None:
    row = session.get(IdempotentResponse, (key_id, idem_key))
    if row is None:
        return None
    if row.route != route or row.request_hash != request_hash:
        raise Invalid(
            "idempotency_key_reused",
            "this Idempotency-Key was already used with a different request; use a new key for a new request",
        )
    return Stored(row.status, row.body)


def save(session: Session, key_id: str, idem_key: str, route: str, request_hash: str, status: int, body: str) -> None:
    session.add(
        IdempotentResponse(
            key_id=key_id,
            idem_key=idem_key,
            route=route,
            request_hash=request_hash,
            status=status,
            body=body,
            created_at=utcnow(),
        )
    )
    session.flush()
