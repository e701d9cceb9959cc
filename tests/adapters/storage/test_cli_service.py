"""The service commands: db upgrade, keys create/list/revoke, audit verify (which catches tampering)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from marketguard.adapters.cli.main import app

runner = CliRunner()


def test_db_keys_audit(tmp_path: Path) -> None:
    d = ["--data-dir", str(tmp_path)]
    r = runner.invoke(app, ["keys", "create", "--scope", "review", "--name", "alice", *d])
    assert r.exit_code == 2 and "db upgrade" in r.output  # refuses an unmigrated database
    r = runner.invoke(app, ["db", "upgrade", *d])
    assert r.exit_code == 0 and "database at head" in r.output
    r = runner.invoke(app, ["keys", "create", "--scope", "review", "--scope", "report", "--name", "alice", *d])
    assert r.exit_code == 0
    token = r.stdout.strip().splitlines()[-1]
    assert token.startswith("mg_")
    r = runner.invoke(app, ["keys", "create", "--scope", "root", "--name", "x", *d])
    assert r.exit_code == 2 and "scopes must be among" in r.output
    r = runner.invoke(app, ["keys", "list", *d])
    assert '"name":"alice"' in r.stdout and token.split("_", 2)[2] not in r.stdout
    r = runner.invoke(app, ["audit", "verify", *d])
    assert r.exit_code == 0 and "intact: 1 events" in r.stdout

    with sqlite3.connect(tmp_path / "marketguard.db") as conn:
        conn.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1")
    r = runner.invoke(app, ["audit", "verify", *d])
    assert r.exit_code == 1 and "TAMPERED event 1" in r.stdout

    key_id = token.split("_")[1]
    assert runner.invoke(app, ["keys", "revoke", key_id, *d]).exit_code == 0
    assert runner.invoke(app, ["keys", "revoke", "nope", *d]).exit_code == 2
