"""The webhook outbox is pruned: delivered rows past the retention go, undelivered and dead rows stay."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from marketguard.adapters.http.delivery import DeliveryWorker
from marketguard.adapters.storage import outbox
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade
from marketguard.adapters.storage.tables import Outbox
from marketguard.service.settings import ServiceSettings


def test_only_rows_delivered_before_the_retention_are_deleted_and_at_most_hourly(tmp_path: Path) -> None:
    settings = replace(ServiceSettings(data_dir=tmp_path), webhook_url="http://127.0.0.1:9/hook", webhook_keep_days=30)
    upgrade(settings.url)
    engine = make_engine(settings.url)
    ids = {name: run(engine, lambda s, n=name: outbox.enqueue(s, "decision.made", {"n": n})) for name in
           ("old1", "old2", "recent", "waiting", "dead_old")}  # fmt: skip
    now = utcnow()

    def age(session: object, name: str, **values: object) -> None:
        session.execute(update(Outbox).where(Outbox.id == ids[name]).values(**values))  # type: ignore[attr-defined]

    def setup(s: object) -> None:
        age(s, "old1", delivered_at=now - timedelta(days=40))
        age(s, "old2", delivered_at=now - timedelta(days=31))
        age(s, "recent", delivered_at=now - timedelta(days=29))
        age(s, "dead_old", dead=True, created_at=now - timedelta(days=90))

    run(engine, setup)
    worker = DeliveryWorker(engine, settings)  # not started: its passes are called by hand
    try:
        assert worker.prune_due(now=1000.0) == 2
        left = set(run(engine, lambda s: list(s.execute(select(Outbox.id)).scalars())))
        assert left == {ids["recent"], ids["waiting"], ids["dead_old"]}
        run(engine, lambda s: age(s, "recent", delivered_at=now - timedelta(days=35)))
        assert worker.prune_due(now=1001.0) == 0  # not due again within the hour
        assert worker.prune_due(now=1000.0 + 3601) == 1
        assert run(engine, outbox.pending) == 1  # the undelivered row is never pruned
    finally:
        worker._client.close()
        engine.dispose()


def test_a_retention_of_zero_keeps_every_row(tmp_path: Path) -> None:
    settings = replace(ServiceSettings(data_dir=tmp_path), webhook_url="http://127.0.0.1:9/hook", webhook_keep_days=0)
    upgrade(settings.url)
    engine = make_engine(settings.url)
    event = run(engine, lambda s: outbox.enqueue(s, "decision.made", {}))
    run(engine, lambda s: outbox.delivered(s, event))
    run(engine, lambda s: s.execute(update(Outbox).values(delivered_at=utcnow() - timedelta(days=400))))
    worker = DeliveryWorker(engine, settings)
    try:
        assert worker.prune_due(now=1.0) == 0
        assert run(engine, lambda s: len(list(s.execute(select(Outbox.id)).scalars()))) == 1
    finally:
        worker._client.close()
        engine.dispose()
