"""Event streams: screen records from a broker and publish one result per record (`marketguard consume`).

    core           the broker-neutral part: a batch of deliveries in, one result per delivery out, deduped
    store          the optional database write of each batch (decisions, cases, idempotency rows)
    stop           SIGTERM/SIGINT: finish the batch in hand, acknowledge it, exit 0
    jetstream      NATS JetStream: a durable pull consumer, explicit acks after the results are published
    redis_streams  Redis Streams: a consumer group, XADD of the results and XACK in one MULTI/EXEC,
                   XAUTOCLAIM of a dead consumer's stale entries

Each record goes through `jsonl.screen_line`, the function `marketguard scan` runs on each line, so a record's
result is the one `scan` writes for the same line. See docs/streams.md.
"""
