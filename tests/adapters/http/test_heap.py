"""The service worker's heap keeper: survivors of a full collection leave the collector's reach, and a
periodic reset gives the collector everything back once (so a frozen cycle cannot stay forever)."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator

import pytest

from marketguard.adapters.http.heap import HeapKeeper


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_nothing_is_frozen_until_a_full_collection_happened() -> None:
    keeper = HeapKeeper(reset_after=1e9)
    keeper.tick()
    assert gc.get_freeze_count() == 0
    assert keeper.freezes == 0


def test_survivors_of_a_full_collection_are_frozen_on_the_next_tick() -> None:
    keeper = HeapKeeper(reset_after=1e9)
    gc.callbacks.append(keeper._on_gc)
    try:
        survivors = [[i] for i in range(1000)]  # tracked containers that a full collection keeps
        gc.collect()
    finally:
        gc.callbacks.remove(keeper._on_gc)
    assert keeper.full_collections >= 1
    keeper.tick()
    assert keeper.freezes == 1
    assert gc.get_freeze_count() >= len(survivors)
    keeper.tick()  # no new full collection: nothing more to do
    assert keeper.freezes == 1


def test_a_reset_collects_a_cycle_that_died_while_frozen() -> None:
    class Node:
        other: Node

    a, b = Node(), Node()
    a.other, b.other = b, a
    alive = weakref.ref(a)
    gc.freeze()  # the cycle is frozen while alive...
    del a, b  # ...and becomes garbage: no collection may see it now
    gc.collect()
    assert alive() is not None
    keeper = HeapKeeper(reset_after=0.0)
    keeper.tick(now=1e9)  # due: unfreeze, collect, freeze again
    assert keeper.resets == 1
    assert alive() is None
    assert gc.get_freeze_count() > 0


def test_start_and_stop_on_a_running_loop() -> None:
    async def main() -> HeapKeeper:
        keeper = HeapKeeper(reset_after=1e9, check_every=0.01)
        keeper.start()
        gc.collect()
        await asyncio.sleep(0.05)
        keeper.stop()
        return keeper

    keeper = asyncio.run(main())
    assert keeper.freezes >= 1
    assert keeper._on_gc not in gc.callbacks
