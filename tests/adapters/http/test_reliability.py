"""Reliability with real servers: SIGKILL mid-burst loses no acknowledged report; PostgreSQL connections
terminated mid-load are replaced without an operator."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from service_helpers import ADMIN_URL, throwaway_postgres
from service_servers import Server, make_key

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    if request.param == "sqlite":
        yield {"MARKETGUARD_DATA_DIR": str(tmp_path)}
        return
    with throwaway_postgres() as url:
        yield {"MARKETGUARD_DATABASE_URL": url, "MARKETGUARD_DATA_DIR": str(tmp_path)}


def _url(env: dict[str, str]) -> str:
    return env.get("MARKETGUARD_DATABASE_URL") or f"sqlite:///{Path(env['MARKETGUARD_DATA_DIR']) / 'marketguard.db'}"


def _burst_then_sigkill(server: Server, send: Callable[[httpx.Client, int, int], str | None]) -> list[str]:
    """Four clients send until at least 60 writes are acknowledged (or 30 s pass), then the server is SIGKILLed
    with requests in flight; returns the ids of the acknowledged writes (`send` returns one per 2xx)."""
    acked: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def burst(n: int) -> None:
        with httpx.Client(base_url=server.base, timeout=5) as client:
            i = 0
            while not stop.is_set():
                i += 1
                try:
                    got = send(client, n, i)
                except httpx.HTTPError:
                    continue  # the server is gone: not acknowledged, may or may not be stored
                if got is not None:
                    with lock:
                        acked.append(got)

    threads = [threading.Thread(target=burst, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    try:
        deadline = time.monotonic() + 30
        while len(acked) < 60 and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill()  # SIGKILL while requests are in flight
        time.sleep(0.3)
    finally:
        stop.set()
        for t in threads:
            t.join()
        server.kill()
    assert len(acked) >= 20, f"only {len(acked)} writes acknowledged before the kill"
    return acked


def _missing_after_restart(database: dict[str, str], port: int, acked: list[str], path: str, token: str) -> list[str]:
    restarted = Server(database, port=port).start()
    try:
        with httpx.Client(base_url=restarted.base, timeout=5) as client:
            headers = {"Authorization": f"Bearer {token}"}
            return [i for i in acked if client.get(f"{path}/{i}", headers=headers).status_code != 200]
    finally:
        restarted.stop()


def test_sigkill_mid_burst_loses_no_acknowledged_report(database: dict[str, str]) -> None:
    token = make_key(_url(database), "platform", ["report"])
    headers = {"Authorization": f"Bearer {token}"}
    server = Server(database).start()

    def report(client: httpx.Client, n: int, i: int) -> str | None:
        body = {
            "reporter_id": f"r{n}-{i}",
            "account_id": f"u-{i % 7}",
            "target": {"type": "account", "id": "x"},
            "reason": "scam",
            "text": f"burst {n}/{i}",
        }
        r = client.post("/v1/reports", json=body, headers=headers)
        return str(r.json()["id"]) if r.status_code == 201 else None

    acked = _burst_then_sigkill(server, report)
    missing = _missing_after_restart(database, server.port, acked, "/v1/reports", token)
    print(f"\n{len(acked)} reports acknowledged before SIGKILL, {len(missing)} missing after restart")
    assert missing == [], f"{len(missing)} of {len(acked)} acknowledged reports lost"


def test_sigkill_mid_burst_loses_no_acknowledged_screening(database: dict[str, str]) -> None:
    """`/v1/screen` answers from the group-commit writer, a batch at a time: an answered screening was committed."""
    token = make_key(_url(database), "platform", ["screen"])
    reviewer = make_key(_url(database), "alice", ["review"])
    headers = {"Authorization": f"Bearer {token}"}
    server = Server(database).start()
    texts = ("Can we move the call to 3pm?", "Skip the fees: WhatsApp me on +1 415 555 0192")

    def screen(client: httpx.Client, n: int, i: int) -> str | None:
        body = {"id": f"m{n}-{i}", "text": texts[i % 2], "sender_id": f"u-{i % 7}", "conversation_id": f"c-{n}"}
        r = client.post("/v1/screen", json=body, headers=headers)
        return str(r.json()["decision_id"]) if r.status_code == 201 else None

    acked = _burst_then_sigkill(server, screen)
    missing = _missing_after_restart(database, server.port, acked, "/v1/decisions", reviewer)
    print(f"\n{len(acked)} screenings acknowledged before SIGKILL, {len(missing)} missing after restart")
    assert missing == [], f"{len(missing)} of {len(acked)} acknowledged screenings lost"


def test_postgres_connections_terminated_mid_load_recover() -> None:
    with throwaway_postgres() as url:
        name = url.rsplit("/", 1)[1]
        token = make_key(url, "platform", ["screen"])
        server = Server({"MARKETGUARD_DATABASE_URL": url}).start()
        results: list[tuple[float, int]] = []
        stop = threading.Event()

        def load() -> None:
            with httpx.Client(base_url=server.base, timeout=10) as client:
                i = 0
                while not stop.is_set():
                    i += 1
                    r = client.post(
                        "/v1/screen",
                        json={"id": f"m{i}", "text": "email me at jdoe at gmail dot com", "sender_id": f"u{i % 5}"},
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    results.append((time.monotonic(), r.status_code))

        threads = [threading.Thread(target=load) for _ in range(3)]
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        try:
            for t in threads:
                t.start()
            time.sleep(1.0)
            killed = 0
            for _ in range(3):  # drop every connection of the service, three times
                with admin.connect() as conn:
                    killed += len(
                        conn.execute(
                            text(
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = :n AND pid <> pg_backend_pid()"
                            ),
                            {"n": name},
                        ).all()
                    )
                time.sleep(0.5)
            cut = time.monotonic()
            time.sleep(1.5)
        finally:
            stop.set()
            for t in threads:
                t.join()
            server.stop()
            admin.dispose()
        print(
            f"\n{killed} connections terminated; {len(failures := [c for _, c in results if c != 201])} of "
            f"{len(results)} requests failed"
        )
        assert killed > 0
        after = [code for at, code in results if at > cut]
        failures = [code for _, code in results if code != 201]
        assert after and all(code == 201 for code in after), "the service did not recover by itself"
        assert all(code < 500 or code == 503 for code in failures)
        assert len(failures) <= 3, f"{len(failures)} failed requests of {len(results)}"
