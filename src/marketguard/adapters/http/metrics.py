"""Prometheus metrics: request latency by route, decisions by family, case queue depth, outbox backlog.

Each application has its own registry (tests build many apps). Queue depth and backlog are read from the
database when /metrics is scraped, so they are right whichever worker answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics
from prometheus_client.core import GaugeMetricFamily
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

    def watch_depth(self, read: Callable[[], tuple[dict[str, int], int]]) -> None:
        self.registry.register(_Depth(read))
