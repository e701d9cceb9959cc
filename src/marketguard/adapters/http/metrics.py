"""Prometheus metrics: request latency by route, decisions by family, case queue depth, outbox backlog, and
what makes latency's tail: group-commit batches and garbage-collector pauses (per worker process).

Each application has its own registry (tests build many apps). Queue depth and backlog are read from the
database when /metrics is scraped, so they are right whichever worker answers.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

BUCKETS = (0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class _Depth(Collector):
    def __init__(self, read: Callable[[], tuple[dict[str, int], int]]) -> None:
        self._read = read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            depth, pending = self._read()
        except Exception:
            return
        g = GaugeMetricFamily("marketguard_queue_depth", "Open or appealed cases per family", labels=["family"])
        for family, n in sorted(depth.items()):
            g.add_metric([family], n)
        yield g
        yield GaugeMetricFamily("marketguard_outbox_pending", "Webhook deliveries not yet acknowledged", value=pending)


class _Writer(Collector):
    def __init__(self, stats: Callable[[], Any]) -> None:
        self._stats = stats

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        st = self._stats()
        yield CounterMetricFamily("marketguard_group_commit_batches", "Group-commit transactions", value=st.batches)
        yield CounterMetricFamily(
            "marketguard_group_commit_requests", "Writes committed through group commit", value=st.requests
        )
        yield CounterMetricFamily(
            "marketguard_group_commit_reruns", "Batches rerun one request at a time after one failed", value=st.reruns
        )
        yield CounterMetricFamily(
            "marketguard_group_commit_seconds", "Time spent running and committing batches", value=st.commit_seconds
        )
        yield GaugeMetricFamily("marketguard_group_commit_largest", "Largest batch so far", value=st.largest)
        yield GaugeMetricFamily(
            "marketguard_process_id", "This worker process (metrics are per worker)", value=os.getpid()
        )


class _Quantiles(Collector):
    """Recent durations as a gauge per quantile (`quantile="0.5"`, ... `"1"` for the maximum)."""

    def __init__(self, name: str, documentation: str, read: Callable[[], dict[float, float]]) -> None:
        self._name, self._doc, self._read = name, documentation, read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        g = GaugeMetricFamily(self._name, self._doc, labels=["quantile"])
        for q, value in sorted(self._read().items()):
            g.add_metric([f"{q:g}"], value)
        yield g


class _Flag(Collector):
    def __init__(self, name: str, documentation: str, read: Callable[[], bool]) -> None:
        self._name, self._doc, self._read = name, documentation, read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield GaugeMetricFamily(self._name, self._doc, value=1 if self._read() else 0)


class Metrics:
    def __init__(self) -> None:
        disable_created_metrics()  # type: ignore[no-untyped-call]  # *_created series only double the scrape
        self.registry = CollectorRegistry()
        self.latency = Histogram(
            "marketguard_http_request_duration_seconds",
            "Request latency by route",
            ["method", "route", "status"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.decisions = Counter(
            "marketguard_decisions_total",
            "Decisions by source, family and outcome",
            ["source", "family", "decision"],
            registry=self.registry,
        )

        self.gc_pause = Histogram(
            "marketguard_gc_pause_seconds",
            "Garbage-collector pauses by generation (every request of the process waits through them)",
            ["generation"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self._gc_start = 0.0
        self._latency: dict[tuple[str, str, int], Any] = {}
        self._decisions: dict[tuple[str, str, str], Any] = {}

    def observe_latency(self, method: str, route: str, status: int, seconds: float) -> None:
        """`latency.labels(...).observe(...)` with the labelled child kept here: `labels()` validates and joins
        its arguments under a lock on every call (several microseconds on every request); the child it returns
        is the same object each time, so reusing it changes nothing in what is exported."""
        child = self._latency.get((method, route, status))
        if child is None:
            child = self._latency[(method, route, status)] = self.latency.labels(method, route, str(status))
        child.observe(seconds)

    def count_decision(self, source: str, family: str, decision: str) -> None:
        """`decisions.labels(...).inc()` with the labelled child kept (see `observe_latency`)."""
        child = self._decisions.get((source, family, decision))
        if child is None:
            child = self._decisions[(source, family, decision)] = self.decisions.labels(source, family, decision)
        child.inc()

    def watch_gc(self) -> None:
        """Time every collection of this process (a callback on `gc.callbacks`; once per process)."""
        if self._on_gc not in gc.callbacks:
            gc.callbacks.append(self._on_gc)

    def unwatch_gc(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.gc_pause.labels(str(info["generation"])).observe(time.perf_counter() - self._gc_start)

    def watch_writer(self, stats: Callable[[], Any]) -> None:
        self.registry.register(_Writer(stats))

    def watch_quantiles(self, name: str, documentation: str, read: Callable[[], dict[float, float]]) -> None:
        """Publish recent durations (e.g. `group_commit.Recent.quantiles`) read when /metrics is scraped."""
        self.registry.register(_Quantiles(name, documentation, read))

    def watch_flag(self, name: str, documentation: str, read: Callable[[], bool]) -> None:
        """A gauge that is 1 while `read()` is true, else 0 (read when /metrics is scraped)."""
        self.registry.register(_Flag(name, documentation, read))

    def watch_depth(self, read: Callable[[], tuple[dict[str, int], int]]) -> None:
        self.registry.register(_Depth(read))
