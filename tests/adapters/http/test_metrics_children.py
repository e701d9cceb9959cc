"""The cached labelled children export exactly what `labels()` would: same series, counts accumulate."""

from __future__ import annotations

from prometheus_client import generate_latest

from marketguard.adapters.http.metrics import Metrics
from marketguard.adapters.http.writes import _path


def test_cached_children_accumulate_in_the_labelled_series() -> None:
    m = Metrics()
    for _ in range(3):
        m.count_decision("screen", "contact", "block")
    m.count_decision("screen", "none", "allow")
    m.observe_latency("POST", "/v1/screen", 201, 0.004)
    m.observe_latency("POST", "/v1/screen", 201, 0.004)
    m.observe_latency("POST", "/v1/screen", 422, 0.001)
    assert m.decisions.labels("screen", "contact", "block")._value.get() == 3
    assert m.decisions.labels("screen", "none", "allow")._value.get() == 1
    text = generate_latest(m.registry).decode()
    assert 'marketguard_http_request_duration_seconds_count{method="POST",route="/v1/screen",status="201"} 2.0' in text
    assert 'marketguard_http_request_duration_seconds_count{method="POST",route="/v1/screen",status="422"} 1.0' in text


def test_path_matches_starlettes_url_path() -> None:
    from starlette.requests import Request

    for raw in ("/v1/screen", "/v1/cases/a?b#c\\d/decide", "//v1/x y"):
        scope = {"type": "http", "method": "POST", "path": raw, "query_string": b"q=1", "headers": [(b"host", b"h")]}
        request = Request(scope)
        assert _path(request) == request.url.path
