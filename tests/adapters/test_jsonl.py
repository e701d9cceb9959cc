"""`scan` over JSON Lines: one output line per input line, in order, whatever the input holds."""

from __future__ import annotations

import io

import orjson

from marketguard import Screener
from marketguard.adapters.jsonl import scan


def run(data: bytes) -> list[dict[str, object]]:
    sink = io.BytesIO()
    lines, _ = scan(Screener(), io.BytesIO(data), sink)
    out = [orjson.loads(line) for line in sink.getvalue().splitlines()]
    assert len(out) == lines
    return out


def test_one_output_line_per_input_line_in_order() -> None:
    data = (
        b'{"id": "a", "text": "jdoe at gmail dot com"}\n'
        b"not json\n"
        b'{"id": "b", "text": "\xff\xfe"}\n'
        b'{"id": "c"}\n'
        b"\xff\xfe invalid utf8\n"
        b"\n"
        b'{"id": 5, "text": "hello", "unknown": true}\n'
        b"[1, 2]\n"
        b'{"id": "z", "text": "last line without newline"}'
    )
    out = run(data)
    assert [o.get("id") for o in out] == ["a", None, None, "c", None, None, 5, None, "z"]
    assert out[0]["decision"] == "redact"
    assert "not valid JSON" in str(out[1]["error"]) and out[1]["line"] == 2
    assert "UTF-8" in str(out[2]["error"]) and out[2]["line"] == 3
    assert "missing field 'text'" in str(out[3]["error"])
    assert "UTF-8" in str(out[4]["error"]) and out[4]["line"] == 5
    assert "error" in out[5]
    assert out[6]["decision"] == "allow"
    assert "error" in out[7]


def test_conversation_state_spans_the_stream() -> None:
    data = (
        b'{"id": "1", "conversation_id": "c", "sender_id": "u", "text": "my number is 415"}\n'
        b'{"id": "2", "conversation_id": "x", "sender_id": "v", "text": "fine"}\n'
        b'{"id": "3", "conversation_id": "c", "sender_id": "u", "text": "555 0198"}\n'
    )
    out = run(data)
    third = out[2]["signals"]
    assert isinstance(third, list) and any(s["value"] == "+14155550198" for s in third)


def test_oversized_line_is_an_error_and_the_stream_goes_on() -> None:
    from marketguard.adapters import jsonl

    data = b'{"text": "' + b"a" * 5000 + b'"}\n{"id": "next", "text": "ok"}\n'
    lines = [
        jsonl.screen_line(Screener(), raw, n, max_bytes=1000)
        for n, raw in enumerate(jsonl.read_lines(io.BytesIO(data), max_bytes=1000), start=1)
    ]
    assert "longer than" in str(lines[0]["error"])
    assert lines[1]["id"] == "next" and lines[1]["decision"] == "allow"


def test_parallel_scan_matches_one_process_line_for_line() -> None:
    from marketguard.adapters.parallel import scan_parallel

    lines = []
    for i in range(600):
        conv = f"c{i % 7}"
        texts = [
            "my number is 415",
            "555 0198",
            "thanks, see the PR",
            "jdoe at gmail dot com",
            "broken",
            "pay via PayPal",
        ]
        text = texts[i % len(texts)]
        if text == "broken":
            lines.append(b"{not json")
        else:
            lines.append(orjson.dumps({"id": i, "text": text, "conversation_id": conv, "sender_id": "u"}))
    data = b"\n".join(lines) + b"\n"
    one, many = io.BytesIO(), io.BytesIO()
    n1, e1 = scan(Screener(), io.BytesIO(data), one)
    n2, e2 = scan_parallel(Screener(), io.BytesIO(data), many, workers=2, batch_size=64, head=50)
    assert (n1, e1) == (n2, e2) == (600, 100)
    assert one.getvalue() == many.getvalue()


def test_parallel_scan_keeps_odd_lines_and_routes_without_parsing_only_stateless_ones() -> None:
    """Blank, CRLF, non-UTF-8, oversized, escaped and account lines survive the byte packing between
    processes; lines routed by substring tests (no conversation, no kind) end where a parse would allow."""
    from marketguard.adapters import jsonl
    from marketguard.adapters.parallel import _route, scan_parallel

    lines = [
        b"",
        b'{"id": "crlf", "text": "call me on 415 555 0198"}\r',
        b'{"id": "latin1", "text": "caf\xe9"}',
        b'{"id": "big", "text": "' + b"a" * 3000 + b'"}',
        b'{"id": "esc", "text": "a \\"quoted\\" word and \\u00e9"}',
        b'{"id": "cr", "text": "one\rtwo"}',
        b'{"id": "acct", "kind": "login", "account_id": "a1", "ip": "203.0.113.9", "at": "2025-01-01T00:00:00Z"}',
        b"[1, 2]",
        b'{"id": "conv", "text": "my number is 415", "conversation_id": "c1"}',
        b'{"id": "conv2", "text": "555 0198", "conversation_id": "c1"}',
    ] * 9
    lines[40] = b'{"text": "' + b"a" * jsonl.MAX_LINE_BYTES + b'"}'  # too long to read: an error, not a crash
    data = b"\n".join(lines) + b"\n"
    one, many = io.BytesIO(), io.BytesIO()
    n1, e1 = scan(Screener(), io.BytesIO(data), one)
    n2, e2 = scan_parallel(Screener(), io.BytesIO(data), many, workers=3, batch_size=11, head=3)
    assert (n1, e1) == (n2, e2)
    assert n1 == len(lines)
    assert one.getvalue() == many.getvalue()
    assert b"longer than" in many.getvalue()
    assert _route(b'{"text": "hi"}', 7, 3) == 7 % 3
    assert _route(None, 5, 2) == 1
    assert _route(lines[-1], 1, 4) == _route(lines[-2], 2, 4)  # one conversation, one worker


def test_escaped_conversation_key_routes_like_a_plain_one() -> None:
    from marketguard.adapters.parallel import scan_parallel

    lines = []
    for i in range(40):
        key = "conversation\\u005fid" if i % 2 else "conversation_id"
        text = "my number is 415" if i % 2 == 0 else "555 0198"
        record = f'{{"id": {i}, "text": "{text}", "{key}": "c{i // 2}", "sender_id": "u"}}'
        lines.append(record.encode())
    data = b"\n".join(lines) + b"\n"
    one, many = io.BytesIO(), io.BytesIO()
    scan(Screener(), io.BytesIO(data), one)
    scan_parallel(Screener(), io.BytesIO(data), many, workers=3, batch_size=7, head=5)
    assert one.getvalue() == many.getvalue()


def test_a_failing_detector_costs_one_line_not_the_stream() -> None:
    from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
    from marketguard.core.registry import BUILTIN, Registry
    from marketguard.core.text.normalize import Document

    class Boom(Detector):
        info = DetectorInfo("test.boom", "contact", ("contact.email",), "0", "raises on 'boom'")

        def detect(self, doc: Document) -> list[Finding]:
            if "boom" in doc.text:
                raise RuntimeError("boom")
            return []

    screener = Screener(registry=Registry([*BUILTIN, Boom]))
    sink = io.BytesIO()
    lines, errors = scan(screener, io.BytesIO(b'{"id": 1, "text": "boom"}\n{"id": 2, "text": "fine"}\n'), sink)
    out = [orjson.loads(x) for x in sink.getvalue().splitlines()]
    assert (lines, errors) == (2, 1)
    assert "internal error" in out[0]["error"] and out[1]["decision"] == "allow"
