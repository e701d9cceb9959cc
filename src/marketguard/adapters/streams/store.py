"""A stream consumer's writes: each screened record's decision (and case) stored as `POST /v1/screen` stores it,
with its answer kept under the record's dedupe key in the idempotency table, in the same transaction.

So a record delivered twice is stored once: the second delivery finds the answer (`lookup`, before screening)
and publishes it again, with the same `decision_id`. Two consumers storing the same record at once (a stale
entry claimed while its first consumer was still alive) collide on the key; the loser's transaction is run
again and finds the winner's answer.

A batch is one transaction. When the database refuses it for a reason that is not the connection (a value too
long for its column, say), each record is tried in a transaction of its own and a record still refused gets an
error result: one bad record costs its own decision, never the batch's, and never blocks the stream. When the
database cannot be reached, `StoreUnavailable` is raised and nothing is acknowledged.

Stored answers expire as the service's do (`idempotency_keep_days`): a consumer may run without the service, so
it deletes the expired ones itself, at most once every `PRUNE_SECONDS`, after a batch is stored.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from marketguard.adapters.jsonl import ACCOUNT_KINDS
from marketguard.adapters.storage import idempotency, moderation
from marketguard.adapters.storage.clock import Every, utcnow
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.tables import IdempotentResponse
from marketguard.adapters.streams.core import StoreUnavailable
from marketguard.core.records import message_from_dict
from marketguard.service.settings import ServiceSettings

log = logging.getLogger("marketguard.streams")

PRUNE_SECONDS = 600.0
"""How often a consumer deletes the expired stored answers (the service's sweeper does the same)."""
KEY_ID = "stream"
"""The idempotency table's `key_id` for stream records (HTTP rows carry an API key's id there)."""

Todo = tuple[str, bytes | None, dict[str, Any]]
"""(dedupe key, the record's bytes, its result) for a record to store."""


def _stored(session: Session, keys: Sequence[str]) -> dict[str, bytes]:
    """The stored answers among `keys`, in one query."""
    rows = session.execute(
        select(IdempotentResponse.idem_key, IdempotentResponse.body).where(
            IdempotentResponse.key_id == KEY_ID, IdempotentResponse.idem_key.in_(sorted(set(keys)))
        )
    )
    return {key: body.encode() for key, body in rows}


class StreamStore:
    def __init__(self, engine: Engine, settings: ServiceSettings, namespace: str, actor: str = "stream") -> None:
        self.engine = engine
        self.settings = settings
        self.route = f"STREAM {namespace}"[:200]
        self.actor = actor
        self._prune = Every(PRUNE_SECONDS)

    def lookup(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The stored answers among `keys` (one query for the batch)."""
        try:
            return run(self.engine, lambda session: _stored(session, keys), read_only=True)
        except OperationalError as exc:
            raise StoreUnavailable(str(exc.orig)) from exc

    def record(self, todo: Sequence[Todo]) -> dict[str, bytes]:
        """Store each record's decision (error results are not stored: their record was not screened); returns
        the answer to publish for each key that has one."""
        items = [t for t in todo if "error" not in t[2]]
        if not items:
            return {}
        try:
            stored = self._attempt(items)
        except (OperationalError, StoreUnavailable):
            raise
        except SQLAlchemyError:
            pass
        else:
            self.prune_due()
            return stored
        answers: dict[str, bytes] = {}
        for item in items:  # the batch was refused: find the record(s) the database refuses
            try:
                answers.update(self._attempt([item]))
            except (OperationalError, StoreUnavailable):
                raise
            except SQLAlchemyError as exc:
                reason = str(exc.orig if isinstance(exc, DBAPIError) else exc).splitlines()[0]
                answers[item[0]] = orjson.dumps({"id": item[2].get("id"), "error": f"not stored: {reason}"})
        return answers

    def prune_due(self, now: float | None = None) -> int:
        """At most once every PRUNE_SECONDS: delete the expired stored answers; returns how many. A failure is
        logged, not raised: the batch is stored already, and the next prune tries again."""
        keep_days = self.settings.idempotency_keep_days
        if keep_days <= 0 or not self._prune.due(now):
            return 0
        try:
            return idempotency.prune_expired(self.engine, keep_days)
        except SQLAlchemyError as exc:
            log.warning("expired stored answers not deleted this time: %s", exc)
            return 0

    def _attempt(self, items: Sequence[Todo]) -> dict[str, bytes]:
        try:
            try:
                return run(self.engine, lambda session: self._write(session, items))
            except IntegrityError:  # another consumer stored one of these records first: replay its answer
                return run(self.engine, lambda session: self._write(session, items))
        except OperationalError as exc:
            raise StoreUnavailable(str(exc.orig)) from exc

    def _write(self, session: Session, items: Sequence[Todo]) -> dict[str, bytes]:
        now = utcnow()
        answers = _stored(session, [key for key, _, _ in items])  # stored since `lookup` (another consumer)
        rows: list[dict[str, Any]] = []
        for key, raw, result in items:
            if key in answers:
                continue  # stored already, or the same record twice in one batch
            assert raw is not None  # a record without bytes has an error result
            body = orjson.dumps(self._store_one(session, orjson.loads(raw), result, now))
            rows.append(
                {
                    "key_id": KEY_ID,
                    "idem_key": key,
                    "route": self.route,
                    "request_hash": hashlib.sha256(raw).hexdigest(),
                    "status": 201,
                    "body": body.decode(),
                    "created_at": now,
                }
            )
            answers[key] = body
        if rows:  # one multi-row statement for the batch's answers, not one ORM object each
            session.execute(insert(IdempotentResponse), rows)
        return answers

    def _store_one(self, session: Session, record: Any, result: dict[str, Any], now: datetime) -> dict[str, Any]:
        """The decision row (and case) for one screened record, as the HTTP routes store it."""
        if isinstance(record, dict) and record.get("kind") in ACCOUNT_KINDS:
            account = str(result.get("account_id") or record.get("account_id"))
            decision_id, case_id = moderation.record_account(session, result, account, record, self.actor, now)
        else:
            message = message_from_dict(record)
            subject = (
                ("account", message.sender_id)
                if message.sender_id
                else ("conversation", message.conversation_id)
                if message.conversation_id
                else None
            )
            decision_id, case_id = moderation.record_screen(
                session, self.settings, result, message.kind.value, message.text, subject, self.actor, now
            )
        return {**result, "decision_id": decision_id, "case_id": case_id}
