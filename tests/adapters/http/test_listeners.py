"""`marketguard serve --workers N` gives each worker a listening socket of its own (`SO_REUSEPORT`), so the
kernel spreads connections over the workers instead of the idlest worker taking most of them."""

from __future__ import annotations

import pickle
import re
import socket
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from marketguard.adapters.cli.listeners import Listeners, supported
from service_servers import Server, load_factor

pytestmark = pytest.mark.skipif(not supported(), reason="SO_REUSEPORT is Linux's")


def test_each_unpickling_is_a_new_socket_on_the_same_address() -> None:
    parent = Listeners("127.0.0.1", 0)
    try:
        port = parent[0].getsockname()[1]
        assert port != 0
        workers = [pickle.loads(pickle.dumps(parent)) for _ in range(2)]  # what each spawned worker receives
        try:
            socks = [w[0] for w in workers]
            assert all(type(w) is list and len(w) == 1 for w in workers)
            assert [s.getsockname() for s in socks] == [("127.0.0.1", port)] * 2
            assert len({s.fileno() for s in socks} | {parent[0].fileno()}) == 3
            for s in socks:
                assert s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
                s.listen()  # both listen on one port
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass
            # the parent's socket is bound, not listening: it takes no connection
            assert parent[0].getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 0
        finally:
            for w in workers:
                w[0].close()
    finally:
        parent[0].close()


def test_a_port_in_use_is_refused_at_once() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError):
            Listeners("127.0.0.1", taken.getsockname()[1])


def _worker_of(client: httpx.Client) -> str:
    text = client.get("/metrics").text
    found = re.search(r"^marketguard_process_id (\S+)$", text, re.MULTILINE)
    assert found is not None
    return found.group(1)


@pytest.mark.slow
def test_two_workers_share_the_connections(tmp_path: Path) -> None:
    server = Server({"MARKETGUARD_DATA_DIR": str(tmp_path / "data")}, workers=2).start(timeout=60)
    try:
        deadline = time.monotonic() + 60 * load_factor()  # /readyz answered from one worker: wait for the other
        seen: set[str] = set()
        while len(seen) < 2 and time.monotonic() < deadline:
            with httpx.Client(base_url=server.base, timeout=10) as c:
                seen.add(_worker_of(c))
        assert len(seen) == 2
        clients = [httpx.Client(base_url=server.base, timeout=10) for _ in range(64)]
        try:
            shares = Counter(_worker_of(c) for c in clients)  # one keep-alive connection each, opened in turn
        finally:
            for c in clients:
                c.close()
        # a hash of each connection's addresses picks its worker: about 32 each (below 16 has odds of ~1e-5)
        assert len(shares) == 2 and min(shares.values()) >= 16, shares
    finally:
        server.stop()
