"""The webhook delivery worker: leases due outbox rows, posts them signed, marks them delivered or backs off.

Runs as a thread in each service process; leases keep two workers from posting the same row at once. A
row is marked delivered only after a 2xx answer, and a delivered row is never leased again. If the
process dies between the receiver's 2xx and the mark, the row is posted again after its lease: receivers
drop repeats by `Marketguard-Event-Id` (the id never changes between attempts).
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

import httpx
from sqlalchemy import Engine

from marketguard.adapters.storage import outbox
from marketguard.adapters.storage.clock import Every, utcnow
from marketguard.adapters.storage.db import run
from marketguard.service.settings import ServiceSettings
from marketguard.service.webhooks import EVENT_ID_HEADER, SIGNATURE_HEADER, signature

log = logging.getLogger("marketguard.webhooks")

TIMEOUT = 5.0
LEASE_SECONDS = 30.0
"""Longer than a delivery can take (TIMEOUT), so a lease never runs out while its post is in flight."""
PRUNE_SECONDS = 3600.0
"""How often delivered rows past their retention are deleted."""


class DeliveryWorker:
    def __init__(self, engine: Engine, settings: ServiceSettings, poll: float = 0.5) -> None:
        if not settings.webhook_url:
            raise ValueError("a delivery worker needs a webhook URL")
        self.engine = engine
        self.url = settings.webhook_url
        self.secret = settings.webhook_secret
        self.max_attempts = settings.webhook_max_attempts
        self.keep_days = settings.webhook_keep_days
        self._prune = Every(PRUNE_SECONDS)
        self.poll = poll
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="marketguard-webhooks", daemon=True)
        self._client = httpx.Client(timeout=TIMEOUT)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=TIMEOUT + 1)
        self._client.close()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.deliver_due()
                self.prune_due()
            except Exception:
                log.exception("webhook delivery pass failed")
                busy = 0
            if not busy:
                self._stop.wait(self.poll)

    def deliver_due(self) -> int:
        """One pass: post every due row once; returns how many were attempted."""
        leased = run(self.engine, lambda s: outbox.lease(s, utcnow(), LEASE_SECONDS))
        for event_id, body, attempts in leased:
            error = self._post(event_id, body.encode())
            if error is None:
                run(self.engine, lambda s, e=event_id: outbox.delivered(s, e))  # type: ignore[misc]
            else:
                log.info("webhook %s attempt %d failed: %s", event_id, attempts + 1, error)
                run(
                    self.engine,
                    lambda s, e=event_id, a=attempts, err=error: outbox.failed(s, e, a, err, self.max_attempts),  # type: ignore[misc]
                )
        return len(leased)

    def prune_due(self, now: float | None = None) -> int:
        """At most once every PRUNE_SECONDS: delete rows delivered more than `webhook_keep_days` ago."""
        if self.keep_days <= 0 or not self._prune.due(now):
            return 0
        cutoff = utcnow() - timedelta(days=self.keep_days)
        pruned = run(self.engine, lambda s: outbox.prune(s, cutoff))
        if pruned:
            log.info("pruned %d webhook rows delivered before %s", pruned, cutoff.isoformat())
        return pruned

    def _post(self, event_id: str, body: bytes) -> str | None:
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(self.secret, body, int(time.time())),
            EVENT_ID_HEADER: event_id,
        }
        try:
            response = self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return f"{type(exc).__name__}: {exc}"
        if 200 <= response.status_code < 300:
            return None
        return f"HTTP {response.status_code}"
