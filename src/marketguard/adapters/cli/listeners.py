"""One listening socket per Uvicorn worker (`SO_REUSEPORT`), so the kernel spreads connections evenly.

Uvicorn's multi-worker supervisor binds one socket and every worker accepts from it. Whichever worker's event
loop is idle when a connection arrives takes it, so a worker that answers fast takes more: in the service
benchmark (wrk, 64 keep-alive connections) the two workers served 36 % and 64 % of the requests, and the
busier one's loop, which screens every request, ran at almost twice the other's load and made the latency
tail. With `SO_REUSEPORT` each worker listens on a socket of its own bound to the same address, and the
kernel hands each new connection to one of them by a hash of its addresses: an even share on average.

`Listeners(host, port)` is the sockets list to pass to `uvicorn.supervisors.Multiprocess`. In the parent
it holds one socket, bound but never listening (so it takes no connections): it reserves the port, and a
bind error shows at once. The list is pickled into each worker when Uvicorn starts it (also when the
supervisor replaces a dead worker), and unpickles there as a fresh socket of that worker's own, bound to the
same address. The cost: a connection waiting in a worker's backlog when that worker dies is reset instead of
being served by another worker (the supervisor starts a replacement).
"""

from __future__ import annotations

import socket
from typing import Any


def supported() -> bool:
    """Whether this platform has `SO_REUSEPORT` with load balancing (Linux has it since 3.9)."""
    return hasattr(socket, "SO_REUSEPORT") and socket.SO_REUSEPORT != 0 and hasattr(socket, "SO_REUSEADDR")


def _bound(family: int, address: tuple[Any, ...]) -> socket.socket:
    """A TCP socket bound to `address` with `SO_REUSEADDR` (as Uvicorn binds) and `SO_REUSEPORT`."""
    sock = socket.socket(family=family)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _in_worker(family: int, address: tuple[Any, ...]) -> list[socket.socket]:
    """What a worker finds when it unpickles `Listeners`: its own socket (Uvicorn's server makes it listen)."""
    return [_bound(family, address)]


class Listeners(list[socket.socket]):
    """The parent's reserving socket; pickled (into a worker) as a new socket for that worker (module doc)."""

    def __init__(self, host: str, port: int) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        parent = _bound(family, (host, port))
        # the actual address (port 0 asks the kernel for one: every worker must then bind the port it chose)
        self.family, self.address = family, parent.getsockname()
        super().__init__([parent])

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return _in_worker, (self.family, self.address)
