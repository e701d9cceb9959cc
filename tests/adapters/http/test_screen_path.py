"""The hot path of `/v1/screen`: group commit behind the HTTP API, idempotency through it, and the heap
settled at start-up (the collector's pauses were the latency tail)."""

from __future__ import annotations

import asyncio
import gc
import threading

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from marketguard.adapters.http.state import AppState
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.tables import Decision
from service_api import Api

TEXTS = [
    "Can we hop on a call tomorrow to go over the milestones?",
    "Skip the fees: WhatsApp me on +1 415 555 0192",
    "I pushed the new build, please review the login page.",
]


def test_concurrent_screens_are_committed_together_and_each_answered_with_its_own_decision(api: Api) -> None:
    state: AppState = api.client.app.state.mg  # type: ignore[attr-defined]
    started, release = threading.Event(), threading.Event()

    def block(_: Session) -> None:
        started.set()
        release.wait(10)

    state.writer.submit(block)
    assert started.wait(10)
    before = state.writer.stats.batches
    n = 24

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=api.client.app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            posts = [
                client.post(
                    "/v1/screen",
                    json={"id": f"m-{i}", "text": TEXTS[i % 3], "sender_id": f"u-{i % 5}", "conversation_id": "c"},
                    headers=api.h("platform"),
                )
                for i in range(n)
            ]

            async def let_go() -> None:
                while state.writer.pending() < n:  # every request screened and waiting for its commit
                    await asyncio.sleep(0.01)
                release.set()

            *answers, _ = await asyncio.gather(*posts, let_go())
            return answers  # type: ignore[return-value]

    answers = asyncio.run(burst())
    assert [r.status_code for r in answers] == [201] * n
    ids = {r.json()["decision_id"] for r in answers}
    assert len(ids) == n
    assert state.writer.stats.batches - before == 2  # the blocker, then all n in one transaction
    stored = run(api.engine, lambda s: s.execute(select(func.count()).select_from(Decision)).scalar_one())
    assert stored == n
    assert all(r.json()["case_id"] for r in answers if "WhatsApp" in TEXTS[int(r.json()["id"][2:]) % 3])


def test_a_screen_retried_with_its_idempotency_key_is_replayed_through_group_commit(api: Api) -> None:
    body = {"id": "m-1", "text": TEXTS[1], "sender_id": "u-1"}
    first = api.client.post("/v1/screen", json=body, headers=api.h("platform", **{"Idempotency-Key": "k-1"}))
    again = api.client.post("/v1/screen", json=body, headers=api.h("platform", **{"Idempotency-Key": "k-1"}))
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == first.json()
    other = api.client.post(
        "/v1/screen", json={**body, "id": "m-2"}, headers=api.h("platform", **{"Idempotency-Key": "k-1"})
    )
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"
    too_long = api.client.post("/v1/screen", json=body, headers=api.h("platform", **{"Idempotency-Key": "k" * 201}))
    assert too_long.status_code == 422
    stored = run(api.engine, lambda s: s.execute(select(func.count()).select_from(Decision)).scalar_one())
    assert stored == 1


def test_start_up_freezes_the_heap_and_metrics_show_gc_pauses_and_batches(api: Api) -> None:
    assert gc.get_freeze_count() > 10_000  # the screener's tables are out of the collector's reach
    api.client.post("/v1/screen", json={"id": "m", "text": TEXTS[0]}, headers=api.h("platform"))
    gc.collect(0)
    text = api.client.get("/metrics").text
    assert 'marketguard_gc_pause_seconds_count{generation="0"}' in text
    assert "marketguard_group_commit_requests_total 1.0" in text
    assert "marketguard_process_id" in text


def test_metrics_show_recent_waits_on_the_writer_as_quantiles(api: Api) -> None:
    for text in TEXTS:
        assert api.client.post("/v1/screen", json={"text": text}, headers=api.h("platform")).status_code == 201
    metrics = api.client.get("/metrics").text
    values = {
        line.rpartition(" ")[0]: float(line.rpartition(" ")[2]) for line in metrics.splitlines() if "quantile=" in line
    }
    for name in (
        "marketguard_screen_write_wait_seconds",
        "marketguard_group_commit_queued_seconds",
        "marketguard_group_commit_batch_seconds",
    ):
        p50, p99, top = (values[f'{name}{{quantile="{q}"}}'] for q in ("0.5", "0.99", "1"))
        assert 0 < p50 <= p99 <= top < 10
    # a request waits at least as long as the batch that held its write took
    assert values['marketguard_screen_write_wait_seconds{quantile="1"}'] >= values[
        'marketguard_group_commit_batch_seconds{quantile="0.5"}'
    ]
