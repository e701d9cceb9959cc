"""The tables. Alembic migrations (`migrations/versions/`) create them; the application never calls create_all.

Times are stored as naive UTC and read back as aware UTC (`UTCDateTime`), the one representation SQLite
and PostgreSQL agree on. Audit payloads are stored as text so the hashed bytes are exactly what is stored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def no_nul(value: str) -> str:
    """PostgreSQL text cannot hold NUL; it becomes U+FFFD (one character for one, so offsets still hold)."""
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


class SafeString(TypeDecorator[str]):
    """A string column that accepts any text the API accepts, on every database."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else no_nul(value)


class SafeText(SafeString):
    impl = Text
    cache_ok = True


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class ChainHead(Base):
    """One row: the audit chain's last sequence number and hash. Updating it serialises appends."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(SafeString(64))


class AuditEvent(Base):
    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(SafeString(36), unique=True)
    kind: Mapped[str] = mapped_column(SafeString(40))
    case_id: Mapped[str | None] = mapped_column(SafeString(36), index=True)
    subject_type: Mapped[str | None] = mapped_column(SafeString(20))
    subject_id: Mapped[str | None] = mapped_column(SafeString(200))
    actor: Mapped[str] = mapped_column(SafeString(200))
    at: Mapped[str] = mapped_column(SafeString(40))
    """ISO 8601 UTC with microseconds, as hashed."""
    payload: Mapped[str] = mapped_column(SafeText)
    prev_hash: Mapped[str] = mapped_column(SafeString(64))
    hash: Mapped[str] = mapped_column(SafeString(64))

    __table_args__ = (Index("ix_audit_subject", "subject_type", "subject_id"),)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(SafeString(16), primary_key=True)
    """The public prefix of the key, used to find it; the secret part is only stored hashed."""
    secret_hash: Mapped[str] = mapped_column(SafeString(64))
    name: Mapped[str] = mapped_column(SafeString(200))
    """Who holds the key; for review keys, the reviewer's identity in decisions and the audit log."""
    scopes: Mapped[str] = mapped_column(SafeString(200))
    rate_limit: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Case(Base):
    """The projected status of one case (see `marketguard.service.cases`), plus what the queue orders by."""

    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(SafeString(36), primary_key=True)
    subject_type: Mapped[str] = mapped_column(SafeString(20))
    subject_id: Mapped[str] = mapped_column(SafeString(200))
    status: Mapped[str] = mapped_column(SafeString(20))
    family: Mapped[str] = mapped_column(SafeString(30))
    severity: Mapped[float] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    reporter_weight: Mapped[float] = mapped_column(Float)
    urgent: Mapped[bool] = mapped_column(Boolean)
    priority: Mapped[float] = mapped_column(Float)
    opened_epoch: Mapped[float] = mapped_column(Float)
    items: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(SafeString(200))
    claim_expires_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(SafeString(200))
    decided_at: Mapped[datetime | None]
    action: Mapped[str | None] = mapped_column(SafeString(30))
    appeal_outcome: Mapped[str | None] = mapped_column(SafeString(20))
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        # one open case per subject: new detections and reports join it instead of opening another
        Index(
            "uq_cases_open_subject",
            "subject_type",
            "subject_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
        Index("ix_cases_queue", "status", "family", "priority"),
        Index("ix_cases_subject", "subject_type", "subject_id"),
    )


_HAS_CASE = text("case_id IS NOT NULL")
"""(Module level: inside `Decision` the name `text` is the column.)"""


class Decision(Base):
    """Every screening and account-event decision, with its full trace as the library returned it."""

    __tablename__ = "decisions"
    id: Mapped[str] = mapped_column(SafeString(36), primary_key=True)
    source: Mapped[str] = mapped_column(SafeString(20))
    """screen or account."""
    item_id: Mapped[str | None] = mapped_column(SafeString(200))
    item_kind: Mapped[str] = mapped_column(SafeString(30))
    subject_type: Mapped[str | None] = mapped_column(SafeString(20))
    subject_id: Mapped[str | None] = mapped_column(SafeString(200))
    decision: Mapped[str] = mapped_column(SafeString(20))
    rule: Mapped[str | None] = mapped_column(SafeString(200))
    family: Mapped[str | None] = mapped_column(SafeString(30))
    text: Mapped[str | None] = mapped_column(SafeText)
    trace: Mapped[dict[str, Any]]
    case_id: Mapped[str | None] = mapped_column(SafeString(36), ForeignKey("cases.id"))
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_decisions_subject", "subject_type", "subject_id"),
        # only the decisions that joined a case (about one in fifteen): a plain screening's row then adds no entry
        # to this index (one index insert and its WAL record fewer per screened message); a case's evidence is
        # looked up by `case_id = ...`, which implies IS NOT NULL, so both databases still use it
        Index(
            "ix_decisions_case_id",
            "case_id",
            sqlite_where=_HAS_CASE,
            postgresql_where=_HAS_CASE,
        ),
    )


class Report(Base):
    __tablename__ = "reports"
    id: Mapped[str] = mapped_column(SafeString(36), primary_key=True)
    reporter_id: Mapped[str] = mapped_column(SafeString(200), index=True)
    target_type: Mapped[str] = mapped_column(SafeString(20))
    target_id: Mapped[str] = mapped_column(SafeString(200))
    subject_type: Mapped[str] = mapped_column(SafeString(20))
    subject_id: Mapped[str] = mapped_column(SafeString(200))
    reason: Mapped[str] = mapped_column(SafeString(40))
    text: Mapped[str] = mapped_column(SafeText)
    reputation: Mapped[float] = mapped_column(Float)
    """The reporter's reputation when the report was filed."""
    outcome: Mapped[str | None] = mapped_column(SafeString(20))
    """upheld or rejected, once the case is decided."""
    case_id: Mapped[str] = mapped_column(SafeString(36), ForeignKey("cases.id"), index=True)
    created_at: Mapped[datetime]


class Reporter(Base):
    """How a reporter's past reports were decided: the counts behind their reputation."""

    __tablename__ = "reporters"
    id: Mapped[str] = mapped_column(SafeString(200), primary_key=True)
    upheld: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer)


class Sanction(Base):
    __tablename__ = "sanctions"
    id: Mapped[str] = mapped_column(SafeString(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(SafeString(36), ForeignKey("cases.id"), index=True)
    subject_type: Mapped[str] = mapped_column(SafeString(20))
    subject_id: Mapped[str] = mapped_column(SafeString(200))
    family: Mapped[str] = mapped_column(SafeString(30))
    action: Mapped[str] = mapped_column(SafeString(30))
    decided_by: Mapped[str] = mapped_column(SafeString(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    appeal_until: Mapped[datetime | None]
    lifted_at: Mapped[datetime | None]
    statement: Mapped[dict[str, Any]]
    end_logged_at: Mapped[datetime | None] = mapped_column(default=None)
    """When the end of a timed sanction was written to the audit log (`sanction.ended`), by the sweeper."""

    __table_args__ = (
        Index("ix_sanctions_subject", "subject_type", "subject_id"),
        Index("ix_sanctions_ends_at", "ends_at"),
    )


class Appeal(Base):
    __tablename__ = "appeals"
    id: Mapped[str] = mapped_column(SafeString(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(SafeString(36), ForeignKey("cases.id"), unique=True)
    sanction_id: Mapped[str] = mapped_column(SafeString(36), ForeignKey("sanctions.id"))
    text: Mapped[str] = mapped_column(SafeText)
    filed_at: Mapped[datetime]
    handled_by: Mapped[str | None] = mapped_column(SafeString(200))
    outcome: Mapped[str | None] = mapped_column(SafeString(20))
    reasons: Mapped[str | None] = mapped_column(SafeText)
    decided_at: Mapped[datetime | None]


class Outbox(Base):
    """Webhook deliveries waiting or done; the row's id is the event id the receiver sees."""

    __tablename__ = "outbox"
    id: Mapped[str] = mapped_column(SafeString(36), primary_key=True)
    topic: Mapped[str] = mapped_column(SafeString(40))
    body: Mapped[str] = mapped_column(SafeText)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    lease_until: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(SafeText)
    dead: Mapped[bool] = mapped_column(Boolean)


class IdempotentResponse(Base):
    """The stored answer to a POST made with an Idempotency-Key, replayed when the same POST comes again."""

    __tablename__ = "idempotency"
    key_id: Mapped[str] = mapped_column(SafeString(16), primary_key=True)
    idem_key: Mapped[str] = mapped_column(SafeString(200), primary_key=True)
    route: Mapped[str] = mapped_column(SafeString(200))
    request_hash: Mapped[str] = mapped_column(SafeString(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(SafeText)
    created_at: Mapped[datetime] = mapped_column(index=True)
    """Indexed for the sweeper, which deletes answers older than `idempotency_keep_days`, oldest first."""
