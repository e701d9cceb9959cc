"""Stored Idempotency-Key answers expire after `idempotency_keep_days`: deleted oldest first, in bounded
transactions, by the service's sweeper and by a storing stream consumer."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, func, select, update

from marketguard.adapters.http.sweeper import PRUNE_SECONDS, Sweeper
from marketguard.adapters.storage import idempotency
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.tables import IdempotentResponse
from marketguard.adapters.streams.store import StreamStore
from marketguard.service.settings import ServiceSettings


def _save(engine: Engine, key_id: str, keys: list[str], days_old: float) -> None:
    """Answers under `keys`, stored `days_old` days ago."""

    def work(session: object) -> None:
        for key in keys:
            idempotency.save(session, key_id, key, "POST /v1/screen", "0" * 64, 201, "{}")  # type: ignore[arg-type]
        session.execute(  # type: ignore[attr-defined]
            update(IdempotentResponse)
            .where(IdempotentResponse.idem_key.in_(keys))
            .values(created_at=utcnow() - timedelta(days=days_old))
        )

    run(engine, work)


def _keys(engine: Engine) -> set[str]:
    return set(run(engine, lambda s: list(s.execute(select(IdempotentResponse.idem_key)).scalars())))


def test_only_answers_older_than_the_keep_days_are_deleted(engine: Engine) -> None:
    _save(engine, "k1", [f"old-{i}" for i in range(12)], days_old=8)
    _save(engine, "stream", ["old-stream"], days_old=30)
    _save(engine, "k1", ["recent-1", "recent-2"], days_old=6.9)
    assert idempotency.prune_expired(engine, keep_days=7, limit=5) == 13  # three bounded transactions
    assert _keys(engine) == {"recent-1", "recent-2"}
    assert idempotency.prune_expired(engine, keep_days=7) == 0


def test_a_bounded_pass_deletes_the_oldest_first(engine: Engine) -> None:
    _save(engine, "k1", ["oldest"], days_old=20)
    _save(engine, "k1", ["older"], days_old=15)
    _save(engine, "k1", ["old"], days_old=10)
    deleted = run(engine, lambda s: idempotency.prune(s, utcnow() - timedelta(days=7), limit=2))
    assert deleted == 2 and _keys(engine) == {"old"}


def test_zero_keep_days_keeps_every_answer(engine: Engine) -> None:
    _save(engine, "k1", ["ancient"], days_old=3650)
    assert idempotency.prune_expired(engine, keep_days=0) == 0
    assert _keys(engine) == {"ancient"}


def test_an_expired_answer_is_no_longer_replayed(engine: Engine) -> None:
    _save(engine, "k1", ["retry-me"], days_old=8)
    assert run(engine, lambda s: idempotency.find(s, "k1", "retry-me", "POST /v1/screen", "0" * 64)) is not None
    idempotency.prune_expired(engine, keep_days=7)
    assert run(engine, lambda s: idempotency.find(s, "k1", "retry-me", "POST /v1/screen", "0" * 64)) is None


def test_the_sweeper_prunes_at_most_once_per_interval(engine: Engine) -> None:
    sweeper = Sweeper(engine, idempotency_keep_days=7)
    _save(engine, "k1", ["a", "b"], days_old=9)
    assert sweeper.prune_due(now=1000.0) == 2
    _save(engine, "k1", ["c"], days_old=9)
    assert sweeper.prune_due(now=1000.0 + PRUNE_SECONDS / 2) == 0  # not due yet
    assert sweeper.prune_due(now=1000.0 + PRUNE_SECONDS) == 1
    assert Sweeper(engine).prune_due(now=0.0) == 0  # keep days 0 (the default of a bare Sweeper): never


def test_a_storing_stream_consumer_prunes_expired_answers_itself(engine: Engine) -> None:
    store = StreamStore(engine, ServiceSettings(idempotency_keep_days=2), "mg:in")
    _save(engine, "stream", ["seen-long-ago"], days_old=3)
    _save(engine, "stream", ["seen-yesterday"], days_old=1)
    assert store.prune_due(now=50.0) == 1
    assert _keys(engine) == {"seen-yesterday"}
    count = run(engine, lambda s: s.execute(select(func.count()).select_from(IdempotentResponse)).scalar_one())
    assert count == 1


def test_the_setting_is_read_from_the_environment() -> None:
    assert ServiceSettings().idempotency_keep_days == 7
    env = {"MARKETGUARD_IDEMPOTENCY_KEEP_DAYS": "0"}
    assert ServiceSettings.from_env(env).idempotency_keep_days == 0
