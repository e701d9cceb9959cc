"""Reviewer management (create, disable, access change, password reset) is in the audit log, without secrets."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from marketguard.adapters.http.console import store
from marketguard.adapters.storage import audit_log
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade
from marketguard.adapters.storage.tables import AuditEvent

PASSWORD = "a long enough passphrase"


def test_every_reviewer_change_is_an_audit_event_and_the_chain_holds(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mg.db'}"
    upgrade(url)
    engine = make_engine(url)
    run(engine, lambda s: store.create(s, "Alice", PASSWORD, "reviewer", "scam", utcnow(), actor="cli:ops"))
    run(engine, lambda s: store.update_access(s, "alice", "senior", None, actor="cli:ops"))
    run(engine, lambda s: store.set_password(s, "alice", PASSWORD + " two", actor="cli:ops"))
    run(engine, lambda s: store.disable(s, "alice", utcnow(), actor="cli:ops"))
    events = run(engine, lambda s: list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()))
    assert [e.kind for e in events] == [
        "reviewer.created",
        "reviewer.access_changed",
        "reviewer.password_set",
        "reviewer.disabled",
    ]
    assert all(e.actor == "cli:ops" and (e.subject_type, e.subject_id) == ("reviewer", "alice") for e in events)
    change = orjson.loads(events[1].payload)
    assert change["before"]["role"] == "reviewer" and change["after"]["role"] == "senior"
    everything = " ".join(e.payload for e in events)
    assert PASSWORD not in everything and "scrypt" not in everything  # no password, no hash
    with Session(engine) as s:
        assert audit_log.verify_log(s)[1] == []
    engine.dispose()
