"""NATS JetStream: a durable pull consumer with explicit acknowledgements, taken only after the batch's results
are published (and JetStream has confirmed each one) and stored.

    marketguard consume nats://127.0.0.1:4222 --subject marketguard.in --results marketguard.out

Each result is published with the headers `Marketguard-Input` (the input's "stream:sequence") and
`Nats-Msg-Id` (the dedupe key and that position), so a result published again after a crash between publishing
and acknowledging is dropped by the results stream's duplicate window. The consumer has no `max_deliver`: the
server would stop delivering a record silently; the processor gives it up with an error result instead
(`core.MAX_DELIVERIES`). While the database is away the batch is held, its messages kept alive with
"in progress" acknowledgements, and retried.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING

from marketguard.adapters.streams.core import RETRY_SECONDS, Delivery, Outcome, Processor, Stats, StoreUnavailable
from marketguard.adapters.streams.stop import Stop

if TYPE_CHECKING:
    from nats.aio.msg import Msg
    from nats.js import JetStreamContext

log = logging.getLogger("marketguard.streams")

FETCH_SECONDS = 1.0
"""How long one fetch waits for records: also the longest a stop request waits when the stream is idle."""


class StreamSetupError(Exception):
    """The consumer cannot start: no stream holds a subject, or the server refused the consumer."""


def stream_name(subject: str) -> str:
    """A JetStream stream name for a subject (names cannot hold '.', '*', '>' or spaces)."""
    return re.sub(r"[.*>\s]", "_", subject).strip("_") or "marketguard"


async def _stream_for(js: JetStreamContext, subject: str, create: bool) -> str:
    from nats.js.errors import NotFoundError

    try:
        return await js.find_stream_name_by_subject(subject)
    except NotFoundError:
        if not create:
            raise StreamSetupError(
                f"no JetStream stream holds subject {subject!r}: create one, or pass --create"
            ) from None
    name = stream_name(subject)
    await js.add_stream(name=name, subjects=[subject])
    log.warning("created JetStream stream %s for subject %s", name, subject)
    return name


async def consume(
    url: str,
    subject: str,
    results: str,
    processor: Processor,
    stop: Stop,
    durable: str = "marketguard",
    batch: int = 100,
    create: bool = False,
    ack_wait: float = 30.0,
) -> Stats:
    """Consume `subject` until `stop` is set; returns what was done. The batch in hand when `stop` is set is
    finished (screened, published, acknowledged) before the connection is flushed and closed."""
    import nats
    from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

    nc = await nats.connect(url, name=f"marketguard-consume-{durable}", max_reconnect_attempts=-1)
    stats = Stats()
    try:
        js = nc.jetstream()
        source = await _stream_for(js, subject, create)
        await _stream_for(js, results, create)
        config = ConsumerConfig(
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=ack_wait,
            max_deliver=-1,
            max_ack_pending=max(1000, 10 * batch),
        )
        psub = await js.pull_subscribe(subject, durable=durable, stream=source, config=config)
        while not stop.is_set():
            try:
                msgs = await psub.fetch(batch, timeout=FETCH_SECONDS)
            except TimeoutError:  # nats-py raises its own or asyncio's (both are this builtin)
                continue
            except nats.errors.Error as exc:  # reconnecting, or the server is away: the client reconnects
                log.warning("fetch failed (%s: %s); retried in %.0f s", type(exc).__name__, exc, RETRY_SECONDS[0])
                await asyncio.sleep(RETRY_SECONDS[0])
                continue
            if await _handle(js, msgs, source, results, processor, stop, stats):
                await nc.flush()  # the acknowledgements reach the server before the next fetch (or the exit)
    finally:
        # flushed (the last acknowledgements reach the server), then closed; not drained: draining a pull
        # subscription waits out its timeout for a fetch that is no longer running
        if nc.is_connected:
            await nc.flush()
        await nc.close()
    return stats


async def _handle(
    js: JetStreamContext, msgs: list[Msg], source: str, results: str, processor: Processor, stop: Stop, stats: Stats
) -> bool:
    """Screen, publish and acknowledge one batch; False when it was left unacknowledged (redelivered later)."""
    deliveries = [
        Delivery(f"{source}:{m.metadata.sequence.stream}", m.data, m.metadata.num_delivered or 1) for m in msgs
    ]
    outcomes = await _process(processor, deliveries, msgs, stop)
    if outcomes is None:
        return False
    try:
        await _publish(js, results, deliveries, outcomes)
    except Exception as exc:  # the results stream is away: leave the batch for redelivery (answered from memory)
        log.warning("results not published (%s: %s); the batch will be redelivered", type(exc).__name__, exc)
        for m in msgs:
            await m.nak(delay=RETRY_SECONDS[0])
        return False
    for m in msgs:
        await m.ack()
    stats.records += len(msgs)
    stats.errors += sum(o.error for o in outcomes)
    stats.batches += 1
    return True


async def _process(
    processor: Processor, deliveries: list[Delivery], msgs: list[Msg], stop: Stop
) -> list[Outcome] | None:
    """The batch's outcomes, retrying while the database is away (its messages kept in progress meanwhile); None
    when asked to stop before the database came back."""
    attempt = 0
    while True:
        try:
            return await asyncio.to_thread(processor.process, deliveries)
        except StoreUnavailable as exc:
            wait = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
            log.warning("database unavailable (%s); batch retried in %.0f s", exc, wait)
            attempt += 1
            for m in msgs:
                await m.in_progress()
            for _ in range(int(wait * 10)):
                if stop.is_set():
                    return None
                await asyncio.sleep(0.1)


async def _publish(js: JetStreamContext, results: str, deliveries: list[Delivery], outcomes: list[Outcome]) -> None:
    """Publish every result and wait for JetStream to confirm each one."""
    futures = [
        await js.publish_async(
            results,
            o.body,
            headers={"Nats-Msg-Id": f"{o.key[:32]}:{d.position}", "Marketguard-Input": d.position},
        )
        for d, o in zip(deliveries, outcomes, strict=True)
    ]
    await asyncio.gather(*futures)
