"""`marketguard scan` on a mixed stream: account events to the monitor, messages to the screener, one line each."""

from __future__ import annotations

import io

import orjson

from marketguard import Screener
from marketguard.adapters.jsonl import scan
from marketguard.adapters.parallel import scan_parallel
from marketguard.simulate.accounts import simulate


def mixed_stream() -> bytes:
    events, _ = simulate(11, per_scenario=2)
    lines = [orjson.dumps(e) for e in events]
    lines.insert(5, b'{"id": "m1", "kind": "message", "text": "mail me at jdoe at gmail dot com"}')
    lines.insert(9, b'{"id": "bad1", "kind": "login", "account_id": "x", "at": "2026-01-05T00:00:00Z", "ip": "1.2.3"}')
    lines.insert(12, b'{"id": "bad2", "kind": "teleport", "account_id": "x"}')
    lines.insert(15, b"not json")
    return b"\n".join(lines) + b"\n"


def test_scan_routes_by_kind_and_keeps_every_line() -> None:
    data = mixed_stream()
    out = io.BytesIO()
    lines, errors = scan(Screener(), io.BytesIO(data), out)
    results = [orjson.loads(x) for x in out.getvalue().splitlines()]
    assert lines == len(results) == data.count(b"\n")
    by_id = {r["id"]: r for r in results if r.get("id")}
    assert "contact" in {s["family"] for s in by_id["m1"]["signals"]}
    assert "'ip' is not an IPv4 or IPv6 address" in by_id["bad1"]["error"]
    assert "field 'kind' must be one of" in by_id["bad2"]["error"]
    accounts = [r for r in results if r.get("account_id")]
    assert accounts and all({"decision", "rule", "signals", "verdicts", "risk"} <= set(r) for r in accounts)
    assert errors == 3


def test_parallel_scan_matches_one_process_byte_for_byte() -> None:
    data = mixed_stream()
    one, many = io.BytesIO(), io.BytesIO()
    scan(Screener(), io.BytesIO(data), one)
    scan_parallel(Screener(), io.BytesIO(data), many, workers=2, batch_size=97)
    assert one.getvalue() == many.getvalue()
