"""`marketguard serve`, `marketguard db upgrade`, `marketguard keys ...`, `marketguard audit ...`.

Settings come from MARKETGUARD_* environment variables (see `marketguard.service.settings`); the options
here override the few that matter on a command line. `serve` brings the schema up to date first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
import orjson

from marketguard.adapters.cli import listeners
from marketguard.errors import ConfigError

F = TypeVar("F", bound=Callable[..., object])


@click.group(no_args_is_help=True)
def db_app() -> None:
    """The service database: migrations."""


@click.group(no_args_is_help=True)
def keys_app() -> None:
    """API keys: create, list, revoke."""


@click.group(no_args_is_help=True)
def audit_app() -> None:
    """The hash-chained audit log: verify, show."""


def database_options(fn: F) -> F:
    """`--data-dir` and `--database-url`, which every command that opens the database takes."""
    fn = click.option(
        "--database-url", help="SQLAlchemy URL, e.g. postgresql+psycopg://... (MARKETGUARD_DATABASE_URL)."
    )(fn)
    return click.option(
        "--data-dir",
        type=click.Path(path_type=Path),
        help="Data folder for the embedded SQLite database (MARKETGUARD_DATA_DIR).",
    )(fn)


def _settings(data_dir: Path | None = None, database_url: str | None = None) -> object:
    from marketguard.service.settings import ServiceSettings

    if data_dir is not None:
        os.environ["MARKETGUARD_DATA_DIR"] = str(data_dir)
    if database_url is not None:
        os.environ["MARKETGUARD_DATABASE_URL"] = database_url
    try:
        return ServiceSettings.from_env(os.environ)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(2) from None


def _url(data_dir: Path | None, database_url: str | None) -> str:
    from marketguard.service.settings import ServiceSettings

    settings = _settings(data_dir, database_url)
    assert isinstance(settings, ServiceSettings)
    return settings.url


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@database_options
@click.option(
    "--upgrade/--no-upgrade", default=True, show_default=True, help="Apply database migrations before starting."
)
@click.option("--log-level", default="warning", show_default=True, help="Uvicorn log level.")
def serve(
    host: str,
    port: int,
    workers: int,
    data_dir: Path | None,
    database_url: str | None,
    upgrade: bool,
    log_level: str,
) -> None:
    """Run the HTTP API (FastAPI on Uvicorn)."""
    import uvicorn

    from marketguard.adapters.storage.migrate import upgrade as run_upgrade

    url = _url(data_dir, database_url)
    if upgrade:
        run_upgrade(url)
    click.echo(f"marketguard serving on http://{host}:{port} ({_safe(url)}, {workers} worker(s))", err=True)
    app = "marketguard.adapters.http.app:from_env"
    if workers > 1 and listeners.supported():
        # a listening socket per worker, so connections are shared evenly (adapters/cli/listeners.py)
        from uvicorn.supervisors import Multiprocess

        config = uvicorn.Config(
            app, factory=True, host=host, port=port, workers=workers, log_level=log_level, access_log=False
        )
        try:
            sockets = listeners.Listeners(host, port)
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from exc
        Multiprocess(config, sockets=sockets).run()  # handles SIGINT and SIGTERM itself, as under `uvicorn.run`
        return
    uvicorn.run(app, factory=True, host=host, port=port, workers=workers, log_level=log_level, access_log=False)


@db_app.command("upgrade")
@click.argument("revision", default="head")
@database_options
def db_upgrade(revision: str, data_dir: Path | None, database_url: str | None) -> None:
    """Create or migrate the database schema to REVISION (default head; SQLite in the data folder by
    default)."""
    from marketguard.adapters.storage.migrate import upgrade

    url = _url(data_dir, database_url)
    upgrade(url, revision)
    click.echo(f"database at {revision}: {_safe(url)}")


@db_app.command("current")
@database_options
def db_current(data_dir: Path | None, database_url: str | None) -> None:
    """Print the schema revision of the database and the newest one this version ships."""
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.migrate import current, head

    engine = make_engine(_url(data_dir, database_url))
    click.echo(f"current: {current(engine)}  head: {head()}")
    engine.dispose()


def _engine(data_dir: Path | None, database_url: str | None) -> object:
    from marketguard.adapters.storage.db import make_engine
    from marketguard.adapters.storage.migrate import current, head

    url = _url(data_dir, database_url)
    engine = make_engine(url)
    if current(engine) != head():
        click.echo(f"error: the database {_safe(url)} is not migrated; run: marketguard db upgrade", err=True)
        raise click.exceptions.Exit(2)
    return engine


@keys_app.command("create")
@click.option("--scope", multiple=True, required=True, help="screen, report, review or admin; repeat for several.")
@click.option("--name", required=True, help="Who holds the key; a review key's name is the reviewer's identity.")
@click.option("--rate-limit", type=float, help="Requests per second (default: the service's).")
@database_options
def keys_create(
    scope: tuple[str, ...], name: str, rate_limit: float | None, data_dir: Path | None, database_url: str | None
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
        click.echo(f"error: {exc.message}", err=True)
        raise click.exceptions.Exit(2) from None
    click.echo(f"created key {key_id} for {name} with scopes {','.join(sorted(set(scopes)))}", err=True)
    click.echo(token)


@keys_app.command("list")
@database_options
def keys_list(data_dir: Path | None, database_url: str | None) -> None:
    """List keys (id, holder, scopes, revoked), never their secrets."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import run

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    for row in run(engine, keys.listing, read_only=True):
        sys.stdout.buffer.write(orjson.dumps(row) + b"\n")


@keys_app.command("revoke")
@click.argument("key_id")
@database_options
def keys_revoke(key_id: str, data_dir: Path | None, database_url: str | None) -> None:
    """Revoke the key KEY_ID (running servers stop accepting it within seconds)."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import keys
    from marketguard.adapters.storage.db import run
    from marketguard.service.errors import ServiceError

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    try:
        run(engine, lambda s: keys.revoke(s, key_id, "cli"))
    except ServiceError as exc:
        click.echo(f"error: {exc.message}", err=True)
        raise click.exceptions.Exit(2) from None
    click.echo(f"revoked {key_id}")


@audit_app.command("verify")
@database_options
def audit_verify(data_dir: Path | None, database_url: str | None) -> None:
    """Recompute the hash chain; exit 1 and name the rows when one was changed or deleted."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import audit_log
    from marketguard.adapters.storage.db import run

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    count, problems = run(engine, audit_log.verify_log, read_only=True)
    if problems:
        for p in problems:
            click.echo(f"TAMPERED {p}")
        click.echo(f"{count} events checked, {len(problems)} problem(s)", err=True)
        raise click.exceptions.Exit(1)
    click.echo(f"audit log intact: {count} events, hash chain verified")


@audit_app.command("show")
@click.option("--after", type=int, default=0, show_default=True, help="Show events after this sequence number.")
@click.option("--limit", type=int, default=100, show_default=True, help="How many events.")
@click.option("--case", help="Only this case's events.")
@database_options
def audit_show(after: int, limit: int, case: str | None, data_dir: Path | None, database_url: str | None) -> None:
    """Print events as JSON Lines."""
    from sqlalchemy import Engine

    from marketguard.adapters.storage import moderation
    from marketguard.adapters.storage.db import run

    engine = _engine(data_dir, database_url)
    assert isinstance(engine, Engine)
    for event in run(engine, lambda s: moderation.audit_page(s, after, limit, case), read_only=True):
        sys.stdout.buffer.write(orjson.dumps(event) + b"\n")


def register(app: click.Group) -> None:
    """Add the service commands to the `marketguard` command."""
    app.add_command(serve, name="serve")
    app.add_command(db_app, name="db")
    app.add_command(keys_app, name="keys")
    app.add_command(audit_app, name="audit")
