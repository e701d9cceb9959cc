"""The application: `create_app(settings)`; Uvicorn runs `marketguard.adapters.http.app:from_env`.

On start-up it records a `config.changed` audit event when the decision-relevant settings differ from the
last recorded ones, starts the webhook delivery worker when a webhook URL is configured, and the sweeper
that logs the end of timed sanctions.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.telemetry import TelemetryConfig
from starlette.types import ASGIApp, Receive, Scope, Send

from marketguard.adapters.http import errors, heap
from marketguard.adapters.http.accounts import build_monitor
from marketguard.adapters.http.console import mount_console
from marketguard.adapters.http.guard import BodyGuard
from marketguard.adapters.http.heap import HeapKeeper
from marketguard.adapters.http.metrics import Metrics
from marketguard.adapters.http.precompile import Precompiler
from marketguard.adapters.http.routes import accounts, admin, appeals, cases, health, reports, screen
from marketguard.adapters.http.state import AppState
from marketguard.adapters.storage import cases as case_store
from marketguard.adapters.storage import moderation, outbox
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.group_commit import Recent
from marketguard.core.engine import Screener
from marketguard.core.model import Message
from marketguard.service.settings import ServiceSettings

DESCRIPTION = """Trust & safety for freelance marketplaces, as a service.

Send every message, proposal, profile, job post and account event; let users report what looks wrong;
decide cases with due process (statement of reasons, appeals to another reviewer); read the hash-chained
audit log. Every `/v1` call needs an API key (`Authorization: Bearer mg_...`) with the route's scope
(`screen`, `report`, `review`, `admin`). Send `Idempotency-Key` on a POST to make it safe to retry.
Errors are `{"error": {"code", "message", "details"}}` with a precise 4xx status.
"""


class Timing:
    """Request latency by route template (not raw path, so ids do not explode the label set)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def record(message: dict[str, object]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])  # type: ignore[call-overload]
            await send(message)

        try:
            await self.app(scope, receive, record)  # type: ignore[arg-type]
        finally:
            route = scope.get("route")
            path = getattr(route, "path", "unmatched")
            self.metrics.observe_latency(scope["method"], path, status, time.perf_counter() - start)


TELEMETRY_OFF: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}
"""FastAPI's native OpenTelemetry instrumentation, off: the service exports its own Prometheus metrics, and with
it on every request asks OpenTelemetry's global tracer and meter providers (and the environment) whether
anything listens, which nothing does unless an SDK is installed and configured."""

SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the interpreter lock while another waits (Python's default is 0.005)."""

WARM_UP = Message(text="Hi! Can you send the invoice by email to me at sam@example.com or WhatsApp +1 415 555 0192?")


def create_app(settings: ServiceSettings | None = None, precompile: bool = False) -> FastAPI:
    """The application. `precompile`: compile the screener's lazily compiled regexes in a background thread
    after start-up (`precompile.py`): what a long-running worker wants (`from_env`); tests and short-lived apps
    compile only what they use."""
    settings = settings or ServiceSettings()
    engine = make_engine(settings.url, settings.db_pool_size, settings.pg_synchronous_commit)
    metrics = Metrics()
    state = AppState(settings=settings, engine=engine, screener=Screener(), metrics=metrics)
    state.monitor = build_monitor(settings)
    metrics.watch_depth(lambda: run(engine, lambda s: (case_store.depth(s), outbox.pending(s)), read_only=True))
    metrics.watch_writer(lambda: state.writer.stats)
    # what a screening request waits for besides the CPU: the writer (queue, batch, hand-back) and, on SQLite,
    # the background checkpoints (recent values; the benchmark prints them per worker)
    metrics.watch_quantiles(
        "marketguard_group_commit_queued_seconds",
        "Recent waits from submitting a write until its batch began",
        lambda: state.writer.stats.queued.quantiles(),
    )
    metrics.watch_quantiles(
        "marketguard_group_commit_batch_seconds",
        "Recent group-commit batches: running and committing",
        lambda: state.writer.stats.batch.quantiles(),
    )
    metrics.watch_quantiles(
        "marketguard_screen_write_wait_seconds",
        "Recent /v1/screen waits for the write, from submit until the event loop resumed the request",
        lambda: state.write_waits.quantiles(),
    )
    precompiler = Precompiler() if precompile else None
    if precompiler is not None:
        metrics.watch_flag(
            "marketguard_precompile_done",
            "1 once this worker compiled the screener's regexes in the background (adapters/http/precompile.py)",
            precompiler.done.is_set,
        )
    checkpoints = Recent(1024)
    metrics.watch_quantiles(
        "marketguard_checkpoint_seconds", "Recent background WAL checkpoints (SQLite)", checkpoints.quantiles
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from marketguard.adapters.http.delivery import DeliveryWorker
        from marketguard.adapters.http.sweeper import Checkpointer, Sweeper

        run(engine, lambda s: moderation.record_config(s, settings, "service"))
        worker = DeliveryWorker(engine, settings) if settings.webhook_url else None
        if worker is not None:
            worker.start()
        sweeper = Sweeper(engine, idempotency_keep_days=settings.idempotency_keep_days)
        checkpointer = Checkpointer(engine, durations=checkpoints)
        sweeper.start()
        checkpointer.start()
        state.screener.screen(WARM_UP)  # builds what the screener builds on first use before the heap is settled
        heap.settle()  # the warmed screener leaves the collector's reach (see adapters/http/heap.py)
        # The event loop hands each write to the group-commit thread and waits for its answer; with the default
        # 5 ms switch interval a thread that wants the interpreter lock while the loop screens waits up to 5 ms
        # per hand-over, which showed as latency. 0.5 ms bounds that wait at little cost in switches.
        sys.setswitchinterval(float(os.environ.get("MARKETGUARD_SWITCH_INTERVAL", SWITCH_INTERVAL)))
        keeper = HeapKeeper()
        keeper.start()
        if precompiler is not None:
            precompiler.start()  # after the switch interval is set: the loop waits at most that for the thread
        metrics.watch_gc()
        try:
            yield
        finally:
            metrics.unwatch_gc()
            keeper.stop()
            if worker is not None:
                worker.stop()
            sweeper.stop()
            checkpointer.stop()
            state.writer.stop()
            engine.dispose()

    app = FastAPI(
        title="marketguard",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        telemetry=TELEMETRY_OFF,
    )
    app.state.mg = state
    errors.install(app)
    for router in (screen.router, accounts.router, reports.router, cases.router, appeals.router, admin.router):
        app.include_router(router)
    app.include_router(health.router)
    mount_console(app)  # the review console at /console (docs/console.md)
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes)
    app.add_middleware(Timing, metrics=metrics)
    return app


def from_env() -> FastAPI:
    """The factory Uvicorn calls in each worker process (settings from MARKETGUARD_* variables)."""
    return create_app(ServiceSettings.from_env(os.environ), precompile=True)
