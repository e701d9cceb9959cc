"""`marketguard consume nats://...` against the real NATS server (JetStream) at 127.0.0.1:4222: skipped when it
is unreachable, failed instead under MARKETGUARD_REQUIRE_SERVICES=1. Each test has its own subjects and streams,
deleted afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from marketguard import Screener
from marketguard.adapters.streams import jetstream
from marketguard.adapters.streams.core import Processor, Stats
from marketguard.adapters.streams.stop import Stop
from stream_helpers import consume_until_drained, fixture_lines, nats_url, scan_results, unique, without_storage
from stream_store_helpers import decisions, sqlite_store

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def names() -> Iterator[tuple[str, str, str]]:
    """(url, input subject, results subject); both streams are deleted afterwards."""
    url = nats_url()
    tag = unique("t")
    subjects = (f"mgtest.{tag}.in", f"mgtest.{tag}.out")
    yield url, *subjects

    async def clean() -> None:
        import nats

        nc = await nats.connect(url)
        js = nc.jetstream()
        for subject in subjects:
            with contextlib.suppress(Exception):
                await js.delete_stream(jetstream.stream_name(subject))
        await nc.close()

    asyncio.run(clean())


async def _publish(url: str, subject: str, lines: list[bytes]) -> None:
    import nats

    nc = await nats.connect(url)
    js = nc.jetstream()
    with contextlib.suppress(Exception):
        await js.add_stream(name=jetstream.stream_name(subject), subjects=[subject])
    for line in lines:
        await js.publish(subject, line)
    await nc.close()


async def _results(url: str, subject: str, count: int, timeout: float = 30.0) -> list[tuple[str, dict[str, Any]]]:
    """(input position, result) for the first `count` results, in publishing order."""
    import nats

    nc = await nats.connect(url)
    js = nc.jetstream()
    out: list[tuple[str, dict[str, Any]]] = []
    deadline = time.monotonic() + timeout
    try:
        while True:  # the consumer creates the results stream (--create): it may not be there yet
            try:
                sub = await js.pull_subscribe(subject, stream=jetstream.stream_name(subject))
                break
            except nats.js.errors.NotFoundError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)
        while len(out) < count and time.monotonic() < deadline:
            try:
                msgs = await sub.fetch(count - len(out), timeout=1)
            except TimeoutError:  # nats-py raises its own or asyncio's (both are this builtin)
                continue
            for m in msgs:
                out.append(((m.headers or {})["Marketguard-Input"], orjson.loads(m.data)))
                await m.ack()
    finally:
        await nc.close()
    return out


async def _run_until(
    url: str, inp: str, out: str, processor: Processor, done: Callable[[], Awaitable[Any]], **kw: Any
) -> tuple[Stats, Any]:
    """Run a consumer until `done()` returns, then stop it; returns its stats and what `done` returned."""
    stop = Stop()
    task = asyncio.create_task(jetstream.consume(url, inp, out, processor, stop, create=True, **kw))
    try:
        got = await done()
    finally:
        stop.set()
    return await task, got


def test_results_equal_scans_and_bad_records_do_not_block(names: tuple[str, str, str]) -> None:
    url, inp, out = names
    lines = fixture_lines()

    async def main() -> tuple[Stats, Any]:
        await _publish(url, inp, lines)
        return await _run_until(
            url, inp, out, Processor(Screener(), inp), lambda: _results(url, out, len(lines)), batch=4
        )

    stats, got = asyncio.run(main())
    stream = jetstream.stream_name(inp)
    assert [position for position, _ in got] == [f"{stream}:{i}" for i in range(1, len(lines) + 1)]
    assert [result for _, result in got] == scan_results(lines)
    assert stats.records == len(lines) and stats.errors == 3  # a missing text, malformed JSON, an array


def test_a_bad_record_is_acknowledged_and_the_next_one_screened(names: tuple[str, str, str]) -> None:
    url, inp, out = names
    lines = [
        b"\xff\xfe",
        b'{"id": "n", "text": "' + b"x" * 2000 + b'"}',
        b'{"id": "ok", "text": "thanks, see you Monday"}',
    ]

    async def main() -> tuple[Any, Any]:
        import nats

        await _publish(url, inp, lines)
        processor = Processor(Screener(), inp, max_bytes=1000)
        _, got = await _run_until(url, inp, out, processor, lambda: _results(url, out, 3), durable="d1")
        nc = await nats.connect(url)
        info = await nc.jetstream().consumer_info(jetstream.stream_name(inp), "d1")
        await nc.close()
        return got, info

    got, info = asyncio.run(main())
    results = [r for _, r in got]
    assert "UTF-8" in results[0]["error"] and "longer than 1000" in results[1]["error"]
    assert results[2]["id"] == "ok" and results[2]["decision"] == "allow"
    assert info.num_ack_pending == 0 and info.num_pending == 0  # every record acknowledged, the bad ones too


def test_a_split_contact_detail_is_joined_across_the_conversation(names: tuple[str, str, str]) -> None:
    url, inp, out = names
    lines = [
        b'{"id": "1", "conversation_id": "c", "sender_id": "u", "text": "my number is 415"}',
        b'{"id": "2", "conversation_id": "other", "sender_id": "v", "text": "fine"}',
        b'{"id": "3", "conversation_id": "c", "sender_id": "u", "text": "555 0198"}',
    ]

    async def main() -> Any:
        await _publish(url, inp, lines)
        _, got = await _run_until(url, inp, out, Processor(Screener(), inp), lambda: _results(url, out, 3), batch=1)
        return got

    results = [r for _, r in asyncio.run(main())]
    assert Screener().screen("555 0198").decision.value == "allow"  # alone, nothing to see
    assert results[2]["decision"] != "allow"
    assert any(s["kind"] == "contact.phone" for s in results[2]["signals"])


class Killed(BaseException):
    """The consumer dying between storing a batch and acknowledging it."""


def test_a_redelivery_after_a_crash_before_the_ack_is_stored_once(
    names: tuple[str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, inp, out = names
    lines = fixture_lines()[:6]
    store, engine = sqlite_store(tmp_path, inp)

    async def die(*_args: Any) -> None:
        raise Killed

    async def first() -> None:
        await _publish(url, inp, lines)
        with monkeypatch.context() as patch:
            patch.setattr(jetstream, "_publish", die)
            stop = Stop()
            with pytest.raises(Killed):
                await jetstream.consume(url, inp, out, Processor(Screener(), inp, store), stop, create=True, ack_wait=1)

    asyncio.run(first())
    stored = decisions(engine)
    assert len(stored) == len(lines)

    async def second() -> Any:  # a new process: nothing in memory, the same durable consumer and database
        processor = Processor(Screener(), inp, store)
        _, got = await _run_until(url, inp, out, processor, lambda: _results(url, out, len(lines)), ack_wait=1)
        return got, processor.screened

    got, screened = asyncio.run(second())
    assert screened == 0  # every record was answered from the database
    assert decisions(engine) == stored  # exactly one stored decision per record
    assert sorted(r["decision_id"] for _, r in got) == sorted(stored)
    assert [without_storage(r) for _, r in got] == scan_results(lines)


def test_sigterm_finishes_the_batch_acknowledges_and_exits_0(names: tuple[str, str, str]) -> None:
    url, inp, out = names
    lines = fixture_lines()
    asyncio.run(_publish(url, inp, lines))
    got, returncode, err = consume_until_drained(
        [url, "--subject", inp, "--results", out, "--create", "--group", "sig", "--batch", "5"],
        lambda: asyncio.run(_results(url, out, len(lines), timeout=60)),
    )
    assert len(got) == len(lines)
    assert returncode == 0, err
    assert f"consumed {len(lines)} records" in err
