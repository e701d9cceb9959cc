"""Service settings: every value has an embedded default, and each can be set by an environment variable.

    settings = ServiceSettings.from_env(os.environ)       # MARKETGUARD_* variables
    settings = ServiceSettings(data_dir=Path("/tmp/x"))   # tests

The environment is passed in, never read here, so the domain stays free of I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from marketguard.errors import ConfigError
from marketguard.service.sanctions import DEFAULT_LADDER, LadderStep, parse_ladder

SYNCHRONOUS_COMMIT = ("on", "off", "local", "remote_write", "remote_apply")
"""PostgreSQL's values for `synchronous_commit`."""


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    data_dir: Path = Path("marketguard-data")
    database_url: str | None = None
    """SQLAlchemy URL; None means SQLite (WAL) at `data_dir/marketguard.db`."""
    redis_url: str | None = None
    """When set, per-account state of the account monitor lives in Redis."""
    redis_prefix: str = "marketguard:account:"
    """Key prefix in Redis (several services can share one Redis)."""
    max_body_bytes: int = 1 << 20
    rate_limit: float = 200.0
    """Requests per second allowed per API key (token bucket), unless the key sets its own."""
    rate_burst: int = 400
    claim_seconds: int = 900
    """How long a reviewer's claim on a case lasts before someone else may take it."""
    appeal_days: int = 14
    """How long after a decision the sanctioned user may appeal."""
    case_min_score: float = 0.8
    """A screening signal at least this strong, with a decision above `allow`, opens or updates a case."""
    ladder: tuple[LadderStep, ...] = DEFAULT_LADDER
    webhook_url: str | None = None
    webhook_secret: str = ""
    webhook_max_attempts: int = 12
    webhook_keep_days: int = 30
    """Delivered webhook rows older than this are deleted by the delivery worker (0 keeps them forever)."""
    idempotency_keep_days: int = 7
    """Stored answers of Idempotency-Key POSTs and of stream records' dedupe keys older than this are deleted
    by the sweeper (and by `marketguard consume --store`): a retry or redelivery later than this is a new request.
    0 keeps them forever."""
    db_pool_size: int = 10
    pg_synchronous_commit: str = "on"
    """PostgreSQL only: `off` lets a commit return before the server has flushed its WAL to disk (one fsync
    fewer per group-commit batch). A crash of marketguard loses nothing either way; a crash of the PostgreSQL
    server or of the machine can then lose the last ~0.6 s of acknowledged writes (never corrupts them)."""

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'marketguard.db').resolve()}"

    def public(self) -> dict[str, object]:
        """The settings that change decisions, recorded in the audit log when they change (no secrets)."""
        return {
            "claim_seconds": self.claim_seconds,
            "appeal_days": self.appeal_days,
            "case_min_score": self.case_min_score,
            "ladder": [s.spec for s in self.ladder],
            "rate_limit": self.rate_limit,
            "rate_burst": self.rate_burst,
            "max_body_bytes": self.max_body_bytes,
            "webhook_url": self.webhook_url,
        }

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ServiceSettings:
        """Read MARKETGUARD_<FIELD> variables; a malformed value is a ConfigError naming the variable."""
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"MARKETGUARD_{f.name.upper()}"
            raw = env.get(name)
            if raw is None or raw == "":
                continue
            try:
                values[f.name] = _convert(f.name, raw)
            except ValueError as exc:
                raise ConfigError(f"{name}={raw!r}: {exc}") from None
        return cls(**values)  # type: ignore[arg-type]


def _convert(name: str, raw: str) -> object:
    default = {f.name: f for f in fields(ServiceSettings)}[name].default
    if name == "data_dir":
        return Path(raw)
    if name == "ladder":
        return parse_ladder(raw)
    if name == "pg_synchronous_commit":
        if raw not in SYNCHRONOUS_COMMIT:
            raise ValueError(f"must be one of {', '.join(SYNCHRONOUS_COMMIT)}")
        return raw
    if isinstance(default, bool):
        return raw.lower() in {"1", "true", "yes"}
    if isinstance(default, int):
        value = int(raw)
        if value < 0:
            raise ValueError("must not be negative")
        return value
    if isinstance(default, float):
        number = float(raw)
        if number < 0:
            raise ValueError("must not be negative")
        return number
    return raw
