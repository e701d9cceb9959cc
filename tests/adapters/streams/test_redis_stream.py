"""`marketguard consume redis://...` against the real Redis at 127.0.0.1:6379 (database 15): skipped when it is
unreachable, failed instead under MARKETGUARD_REQUIRE_SERVICES=1. Each test has its own stream keys, deleted
afterwards."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from marketguard import Screener
from marketguard.adapters.streams.core import Processor, Stats
from marketguard.adapters.streams.redis_streams import RedisConsumer
from marketguard.adapters.streams.stop import Stop
from service_helpers import redis_url
from stream_helpers import consume_until_drained, fixture_lines, scan_results, unique, without_storage
from stream_store_helpers import decisions, sqlite_store

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def keys() -> Iterator[tuple[Any, str, str, str]]:
    """(client, url, input stream, results stream); both keys are deleted afterwards."""
    import redis

    url = redis_url()
    client = redis.Redis.from_url(url)
    tag = unique("mgtest:")
    inp, out = f"{tag}:in", f"{tag}:out"
    yield client, url, inp, out
    client.delete(inp, out)
    client.close()


def _add(client: Any, stream: str, lines: list[bytes]) -> list[bytes]:
    return [client.xadd(stream, {"data": line}) for line in lines]


def _results(client: Any, stream: str, count: int, timeout: float = 30.0) -> list[tuple[bytes, dict[str, Any]]]:
    """(input entry id, result) of the first `count` results."""
    deadline = time.monotonic() + timeout
    while client.xlen(stream) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return [(f[b"input"], orjson.loads(f[b"result"])) for _, f in client.xrange(stream, count=count)]


def _consumer(client: Any, inp: str, out: str, processor: Processor, name: str = "c1", **kw: Any) -> RedisConsumer:
    return RedisConsumer(client, inp, "g", name, out, processor, Stop(), **kw)


def _run_until_results(consumer: RedisConsumer, count: int) -> tuple[Stats, list[tuple[bytes, dict[str, Any]]]]:
    """Run `consumer` in a thread until `count` results are in, then stop it."""
    stats: list[Stats] = []
    thread = threading.Thread(target=lambda: stats.append(consumer.run()))
    thread.start()
    try:
        got = _results(consumer.client, consumer.results, count)
    finally:
        consumer.stop.set()
        thread.join(timeout=30)
    return stats[0], got


def test_results_equal_scans_and_bad_records_do_not_block(keys: tuple[Any, str, str, str]) -> None:
    client, _, inp, out = keys
    lines = fixture_lines()
    ids = _add(client, inp, lines)
    stats, got = _run_until_results(_consumer(client, inp, out, Processor(Screener(), inp), batch=4), len(lines))
    assert [entry for entry, _ in got] == ids
    assert [result for _, result in got] == scan_results(lines)
    assert stats.records == len(lines) and stats.errors == 3
    assert client.xpending(inp, "g")["pending"] == 0  # every entry acknowledged, the bad ones too


def test_a_bad_entry_is_acknowledged_and_the_next_one_screened(keys: tuple[Any, str, str, str]) -> None:
    client, _, inp, out = keys
    client.xadd(inp, {"other": b"x"})  # no `data` field
    _add(client, inp, [b"\xff\xfe", b'{"id": "ok", "text": "thanks, see you Monday"}'])
    _, got = _run_until_results(_consumer(client, inp, out, Processor(Screener(), inp)), 3)
    results = [r for _, r in got]
    assert "no record" in results[0]["error"] and "UTF-8" in results[1]["error"]
    assert results[2]["id"] == "ok" and results[2]["decision"] == "allow"
    assert client.xpending(inp, "g")["pending"] == 0


def test_a_split_contact_detail_is_joined_across_the_conversation(keys: tuple[Any, str, str, str]) -> None:
    client, _, inp, out = keys
    _add(
        client,
        inp,
        [
            b'{"id": "1", "conversation_id": "c", "sender_id": "u", "text": "my number is 415"}',
            b'{"id": "2", "conversation_id": "other", "sender_id": "v", "text": "fine"}',
            b'{"id": "3", "conversation_id": "c", "sender_id": "u", "text": "555 0198"}',
        ],
    )
    _, got = _run_until_results(_consumer(client, inp, out, Processor(Screener(), inp), batch=1), 3)
    last = got[2][1]
    assert last["decision"] != "allow" and any(s["kind"] == "contact.phone" for s in last["signals"])


class Killed(BaseException):
    """The consumer dying between storing a batch and acknowledging it."""


def test_a_dead_consumers_entries_are_claimed_and_stored_once(
    keys: tuple[Any, str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _, inp, out = keys
    lines = fixture_lines()[:6]
    _add(client, inp, lines)
    store, engine = sqlite_store(tmp_path, inp)
    dead = _consumer(client, inp, out, Processor(Screener(), inp, store), name="dead")

    def die(*_args: Any) -> None:
        raise Killed

    monkeypatch.setattr(dead, "_publish_and_ack", die)
    with pytest.raises(Killed):
        dead.run()
    stored = decisions(engine)
    assert len(stored) == len(lines) and client.xpending(inp, "g")["pending"] == len(lines)
    # another consumer (a new process: nothing in memory) claims the dead one's entries once they are idle
    alive = _consumer(client, inp, out, Processor(Screener(), inp, store), name="alive", claim_idle=0.5)
    _, got = _run_until_results(alive, len(lines))
    assert alive.processor.screened == 0  # answered from the database
    assert decisions(engine) == stored  # exactly one stored decision per record
    assert sorted(r["decision_id"] for _, r in got) == stored
    assert [without_storage(r) for _, r in got] == scan_results(lines)
    assert client.xpending(inp, "g")["pending"] == 0


def test_an_entry_that_kills_every_consumer_is_given_up(keys: tuple[Any, str, str, str]) -> None:
    client, _, inp, out = keys
    _add(client, inp, [b'{"id": "p", "text": "hi"}'])
    client.xgroup_create(inp, "g", id="0")
    client.xreadgroup("g", "c1", {inp: ">"})  # delivered once, and twice more (consumers that died holding it)
    for _ in range(2):
        client.xclaim(inp, "g", "c1", min_idle_time=0, message_ids=[client.xrange(inp)[0][0]])
    _, got = _run_until_results(_consumer(client, inp, out, Processor(Screener(), inp, max_deliveries=3)), 1)
    assert "given up" in got[0][1]["error"]
    assert client.xpending(inp, "g")["pending"] == 0


def test_idle_consumers_without_pending_entries_are_forgotten(keys: tuple[Any, str, str, str]) -> None:
    client, _, inp, out = keys
    _add(client, inp, [b'{"id": "held", "text": "hi"}'])
    client.xgroup_create(inp, "g", id="0")
    client.xgroup_createconsumer(inp, "g", "host-111")  # a dead process's name, nothing pending
    client.xgroup_createconsumer(inp, "g", "host-222")
    client.xreadgroup("g", "holder", {inp: ">"})  # dead too, but holding an entry: must be kept
    time.sleep(0.2)
    me = _consumer(client, inp, out, Processor(Screener(), inp), name="me", forget_idle=0.1)
    client.xgroup_createconsumer(inp, "g", "me")
    time.sleep(0.2)
    client.xgroup_createconsumer(inp, "g", "fresh")  # idle for less than forget_idle
    assert me.forget_dead() == 2
    names = {c["name"].decode() for c in client.xinfo_consumers(inp, "g")}
    assert names == {"holder", "me", "fresh"}
    assert client.xpending(inp, "g")["pending"] == 1  # the held entry keeps its pending record


def test_sigterm_finishes_the_batch_acknowledges_and_exits_0(keys: tuple[Any, str, str, str]) -> None:
    client, url, inp, out = keys
    lines = fixture_lines()
    _add(client, inp, lines)
    got, returncode, err = consume_until_drained(
        [url, "--stream", inp, "--results", out, "--group", "g", "--batch", "5"],
        lambda: _results(client, out, len(lines), timeout=60),
    )
    assert len(got) == len(lines)
    assert returncode == 0, err
    assert f"consumed {len(lines)} records" in err
    assert client.xpending(inp, "g")["pending"] == 0
