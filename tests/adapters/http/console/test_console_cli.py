"""`marketguard reviewers ...` against a migrated SQLite file: create, refuse bad input, list, disable."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from marketguard.adapters.cli.main import app
from marketguard.adapters.http.console import store
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import make_engine, run
from marketguard.adapters.storage.migrate import upgrade

PASSWORD = "a long enough passphrase"


def test_reviewers_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'marketguard.db'}"
    runner = CliRunner()
    data = ["--data-dir", str(tmp_path)]
    missing = runner.invoke(app, ["reviewers", "list", *data])
    assert missing.exit_code == 2 and "marketguard db upgrade" in missing.output
    upgrade(url)
    ok = runner.invoke(
        app,
        [
            "reviewers",
            "create",
            "Alice",
            "--role",
            "reviewer",
            "--families",
            "scam,circumvention",
            "--password-stdin",
            *data,
        ],
        input=PASSWORD + "\n",
    )
    assert ok.exit_code == 0, ok.output
    assert "created reviewer alice (reviewer; families: scam, circumvention)" in ok.output
    for args, why in (
        (["create", "bob", "--password-stdin"], "at least 12 characters"),
        (["create", "bob", "--role", "boss", "--password-stdin"], "role must be one of"),
        (["create", "bob", "--families", "spam", "--password-stdin"], "families must be"),
        (["create", "alice", "--password-stdin"], "exists already"),
        (["create", "<b>", "--password-stdin"], "a reviewer name is"),
    ):
        bad = runner.invoke(app, ["reviewers", *args, *data], input=("short" if "12" in why else PASSWORD) + "\n")
        assert bad.exit_code == 2 and why in bad.output, (args, bad.output)
    listed = runner.invoke(app, ["reviewers", "list", *data])
    assert listed.output.splitlines() == ["alice\treviewer\tscam,circumvention\tactive"]

    engine = make_engine(url)
    row = run(engine, lambda s: store.get(s, "alice"))
    assert row.password_hash.startswith("scrypt$") and PASSWORD not in row.password_hash
    assert run(engine, lambda s: store.login(s, "alice", PASSWORD, utcnow())) is not None
    assert runner.invoke(app, ["reviewers", "disable", "alice", *data]).exit_code == 0
    assert run(engine, lambda s: store.login(s, "alice", PASSWORD, utcnow())) is None
    assert run(engine, lambda s: store.current(s, "alice", row.session_epoch)) is None
    engine.dispose()
