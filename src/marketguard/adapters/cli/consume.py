"""`marketguard consume URL ...`: screen records from a NATS JetStream subject or a Redis stream, publish one
result per record (marketguard.adapters.streams, docs/streams.md).

Everything past click is imported inside the command: this module is imported by every `marketguard` start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from marketguard.adapters.cli.service import database_options


@click.command()
@click.argument("url")
@click.option("--subject", help="NATS: the subject to consume (a JetStream stream must hold it, or pass --create).")
@click.option("--stream", "in_stream", help="Redis: the stream (key) to consume.")
@click.option("--results", required=True, help="Where results go: a NATS subject, or a Redis stream.")
@click.option(
    "--group",
    default="marketguard",
    show_default=True,
    help="Redis: the consumer group; NATS: the durable consumer's name.",
)
@click.option("--consumer", help="Redis: this consumer's name in the group (default host-pid).")
@click.option("--batch", type=int, default=100, show_default=True, help="Records fetched and acknowledged at once.")
@click.option("--create", is_flag=True, help="NATS: create a stream for a subject no stream holds.")
@click.option("--field", default="data", show_default=True, help="Redis: the entry field holding the record's JSON.")
@click.option(
    "--claim-idle",
    type=float,
    default=60.0,
    show_default=True,
    help="Redis: seconds after which another consumer's pending entry is claimed (XAUTOCLAIM).",
)
@click.option(
    "--forget-idle",
    type=float,
    default=86400.0,
    show_default=True,
    help="Redis: seconds after which a consumer of the group with no pending entry is deleted (dead host-pid names).",
)
@click.option("--ack-wait", type=float, default=30.0, show_default=True, help="NATS: seconds before redelivery.")
@click.option("--max-bytes", type=int, default=1 << 20, show_default=True, help="Largest record screened.")
@click.option(
    "--max-deliveries",
    type=int,
    default=10,
    show_default=True,
    help="Deliveries after which a never-acknowledged record gets an error result instead.",
)
@click.option("--store", is_flag=True, help="Store each decision in the service database (as POST /v1/screen).")
@database_options
@click.option("--upgrade/--no-upgrade", default=True, show_default=True, help="With --store: apply migrations first.")
@click.option("--policy", type=click.Path(path_type=Path), help="A policy table (YAML) to use instead of the default.")
@click.option("--config", type=click.Path(path_type=Path), help="A configuration file (YAML): detectors, limits.")
def consume(
    url: str,
    subject: str | None,
    in_stream: str | None,
    results: str,
    group: str,
    consumer: str | None,
    batch: int,
    create: bool,
    field: str,
    claim_idle: float,
    forget_idle: float,
    ack_wait: float,
    max_bytes: int,
    max_deliveries: int,
    store: bool,
    data_dir: Path | None,
    database_url: str | None,
    upgrade: bool,
    policy: Path | None,
    config: Path | None,
) -> None:
    """Screen records from URL (nats://... with --subject, or redis://... with --stream) and publish one result
    per record on --results, acknowledging each record once its result is published (and stored). Stops after
    the batch in hand on SIGTERM or SIGINT."""
    import logging

    from marketguard.adapters.cli.main import _fail, _screener
    from marketguard.adapters.jsonl import LazyMonitor
    from marketguard.adapters.streams.core import Processor
    from marketguard.adapters.streams.stop import Stop

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    scheme = url.split("://", 1)[0].lower()
    if scheme in ("nats", "tls"):
        if not subject:
            _fail("a nats:// URL needs --subject")
        namespace = subject
    elif scheme in ("redis", "rediss", "unix"):
        if not in_stream:
            _fail("a redis:// URL needs --stream")
        namespace = in_stream
    else:
        _fail(f"unknown broker in {url!r}: use nats://HOST:PORT or redis://HOST:PORT/DB")
    if batch < 1:
        _fail("--batch must be at least 1")
    screener = _screener(policy, config)
    accounts = LazyMonitor()
    stream_store = None
    if store or data_dir is not None or database_url is not None:
        stream_store, accounts = _store(namespace, data_dir, database_url, upgrade)
    processor = Processor(
        screener, namespace, stream_store, accounts, max_bytes=max_bytes, max_deliveries=max_deliveries
    )
    stop = Stop()
    stop.install()
    try:
        if scheme in ("nats", "tls"):
            stats = _nats(url, namespace, results, group, batch, create, ack_wait, processor, stop)
        else:
            stats = _redis(
                url, namespace, results, group, consumer, batch, field, (claim_idle, forget_idle), processor, stop
            )
    except Exception as exc:
        _fail(f"{type(exc).__name__}: {exc}")
    click.echo(
        f"consumed {stats.records} records ({stats.errors} with errors, {processor.screened} screened)"
        f" in {stats.batches} batches",
        err=True,
    )


def _store(namespace: str, data_dir: Path | None, database_url: str | None, upgrade: bool) -> tuple[Any, Any]:
    """The database writer and, with MARKETGUARD_REDIS_URL set, the account monitor the service uses."""
    from marketguard.adapters.cli.service import _settings
    from marketguard.adapters.http.accounts import build_monitor
    from marketguard.adapters.jsonl import LazyMonitor
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.migrate import upgrade as run_upgrade
    from marketguard.adapters.streams.store import StreamStore
    from marketguard.service.settings import ServiceSettings

    settings = _settings(data_dir, database_url)
    assert isinstance(settings, ServiceSettings)
    if upgrade:
        run_upgrade(settings.url)
    engine = make_engine(settings.url, pool_size=2, synchronous_commit=settings.pg_synchronous_commit)
    accounts = LazyMonitor(lambda: build_monitor(settings)) if settings.redis_url else LazyMonitor()
    return StreamStore(engine, settings, namespace), accounts


def _nats(
    url: str,
    subject: str,
    results: str,
    durable: str,
    batch: int,
    create: bool,
    ack_wait: float,
    processor: Any,
    stop: Any,
) -> Any:
    import asyncio

    from marketguard.adapters.streams import jetstream

    return asyncio.run(
        jetstream.consume(url, subject, results, processor, stop, durable, batch, create=create, ack_wait=ack_wait)
    )


def _redis(
    url: str,
    stream: str,
    results: str,
    group: str,
    consumer: str | None,
    batch: int,
    field: str,
    idle: tuple[float, float],
    processor: Any,
    stop: Any,
) -> Any:
    import os
    import socket

    import redis

    from marketguard.adapters.streams.redis_streams import RedisConsumer

    client = redis.Redis.from_url(url)
    name = consumer or f"{socket.gethostname()}-{os.getpid()}"
    claim_idle, forget_idle = idle
    try:
        return RedisConsumer(
            client,
            stream,
            group,
            name,
            results,
            processor,
            stop,
            batch=batch,
            field=field,
            claim_idle=claim_idle,
            forget_idle=forget_idle,
        ).run()
    finally:
        client.close()
