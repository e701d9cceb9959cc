"""`marketguard serve`, `marketguard db upgrade`, `marketguard keys ...`, `marketguard audit ...`.

Settings come from MARKETGUARD_* environment variables (see `marketguard.service.settings`); the options
here override the few that matter on a command line. `serve` brings the schema up to date first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from marketguard.errors import ConfigError

db_app = typer.Typer(no_args_is_help=True, help="The service database: migrations.")
keys_app = typer.Typer(no_args_is_help=True, help="API keys: create, list, revoke.")
audit_app = typer.Typer(no_args_is_help=True, help="The hash-chained audit log: verify, show.")

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Data folder for the embedded SQLite database (MARKETGUARD_DATA_DIR).")
]
DbUrl = Annotated[
    str | None,
    typer.Option("--database-url", help="SQLAlchemy URL, e.g. postgresql+psycopg://... (MARKETGUARD_DATABASE_URL)."),
]


def _settings(data_dir: Path | None = None, database_url: str | None = None) -> object:
    from marketguard.service.settings import ServiceSettings

    if data_dir is not None:
        os.environ["MARKETGUARD_DATA_DIR"] = str(data_dir)
    if database_url is not None:
        os.environ["MARKETGUARD_DATABASE_URL"] = database_url
    try:
        return ServiceSettings.from_env(os.environ)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _url(data_dir: Path | None, database_url: str | None) -> str:
    from marketguard.service.settings import ServiceSettings

    settings = _settings(data_dir, database_url)
    assert isinstance(settings, ServiceSettings)
    return settings.url


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    data_dir: DataDir = None,
    database_url: DbUrl = None,
    upgrade: Annotated[bool, typer.Option(help="Apply database migrations before starting.")] = True,
    log_level: Annotated[str, typer.Option(help="Uvicorn log level.")] = "warning",
) -> None:
    """Run the HTTP API (FastAPI on Uvicorn)."""
    import uvicorn

    from marketguard.adapters.storage.migrate import upgrade as run_upgrade

    url = _url(data_dir, database_url)
    if upgrade:
        run_upgrade(url)
    typer.echo(f"marketguard serving on http://{host}:{port} ({_safe(url)}, {workers} worker(s))", err=True)
    uvicorn.run(
        "marketguard.adapters.http.app:from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=False,
    )


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    data_dir: DataDir = None,
    database_url: DbUrl = None,
) -> None:
    """Create or migrate the database schema (SQLite in the data folder by default)."""
    from marketguard.adapters.storage.migrate import upgrade

    url = _url(data_dir, database_url)
    upgrade(url, revision)
    typer.echo(f"database at {revision}: {_safe(url)}")


@db_app.command("current")
def db_current(data_dir: DataDir = None, database_url: DbUrl = None) -> None:
    """Print the schema revision of the database and the newest one this version ships."""
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.migrate import current, head

    engine = make_engine(_url(data_dir, database_url))
    typer.echo(f"current: {current(engine)}  head: {head()}")
    engine.dispose()


def _engine(data_dir: Path | None, database_url: str | None) -> object:
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.migrate import current, head

    url = _url(data_dir, database_url)
    engine = make_engine(url)
    if current(engine) != head():
        typer.echo(f"error: the database {_safe(url)} is not migrated; run: marketguard db upgrade", err=True)
        raise typer.Exit(2)
    return engine


@keys_app.command("create")
def keys_create(
    scope: Annotated[list[str], typer.Option("--scope", help="screen, report, review or admin; repeat for several.")],
    name: Annotated[str, typer.Option(help="Who holds the key; a review key's name is the reviewer's identity.")],
    rate_limit: Annotated[float | None, typer.Option(help="Requests per second (default: the service's).")] = None,
    data_dir: DataDir = None,
    database_url: DbUrl = None,
) -> None:
    """Create an API key and print its token (shown once; only a hash is stored)."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import run
    from marketguard.service.errors import ServiceError

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    scopes = [s for part in scope for s in part.split(",") if s]
    try:
        key_id, token = run(engine, lambda s: keys.create(s, name, scopes, "cli", rate_limit))
    except ServiceError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"created key {key_id} for {name} with scopes {','.join(sorted(set(scopes)))}", err=True)
    typer.echo(token)


@keys_app.command("list")
def keys_list(data_dir: DataDir = None, database_url: DbUrl = None) -> None:
    """List keys (id, holder, scopes, revoked), never their secrets."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import run

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    for row in run(engine, keys.listing, read_only=True):
        sys.stdout.buffer.write(orjson.dumps(row) + b"\n")


@keys_app.command("revoke")
def keys_revoke(key_id: str, data_dir: DataDir = None, database_url: DbUrl = None) -> None:
    """Revoke a key (running servers stop accepting it within seconds)."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import run
    from marketguard.service.errors import ServiceError

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    try:
        run(engine, lambda s: keys.revoke(s, key_id, "cli"))
    except ServiceError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"revoked {key_id}")


@audit_app.command("verify")
def audit_verify(data_dir: DataDir = None, database_url: DbUrl = None) -> None:
    """Recompute the hash chain; exit 1 and name the rows when one was changed or deleted."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import audit_log
    from marketguard.adapters.storage.db import run

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    count, problems = run(engine, audit_log.verify_log, read_only=True)
    if problems:
        for p in problems:
            typer.echo(f"TAMPERED {p}")
        typer.echo(f"{count} events checked, {len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"audit log intact: {count} events, hash chain verified")


@audit_app.command("show")
def audit_show(
    after: Annotated[int, typer.Option(help="Show events after this sequence number.")] = 0,
    limit: Annotated[int, typer.Option(help="How many events.")] = 100,
    case: Annotated[str | None, typer.Option(help="Only this case's events.")] = None,
    data_dir: DataDir = None,
    database_url: DbUrl = None,
) -> None:
    """Print events as JSON Lines."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import moderation
    from marketguard.adapters.storage.db import run

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    for event in run(engine, lambda s: moderation.audit_page(s, after, limit, case), read_only=True):
        sys.stdout.buffer.write(orjson.dumps(event) + b"\n")


def register(app: typer.Typer) -> None:
    """Add the service commands to the `marketguard` command."""
    app.command("serve")(serve)
    app.add_typer(db_app, name="db")
    app.add_typer(keys_app, name="keys")
    app.add_typer(audit_app, name="audit")
