"""`marketguard reviewers ...`: console accounts for trust & safety analysts.

    marketguard reviewers create alice --role reviewer --families circumvention,scam   # asks for a password
    printf '%s\n' "$PASSWORD" | marketguard reviewers create bob --role senior --password-stdin
    marketguard reviewers list | disable NAME | set-password NAME | set-access NAME --role senior

The database is the service's (MARKETGUARD_DATABASE_URL, or SQLite in MARKETGUARD_DATA_DIR), brought up to
date with `marketguard db upgrade` first. Passwords are read from the terminal (never an argument, which
would land in shell history and `ps`) or from standard input, and stored only as scrypt hashes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from marketguard.adapters.cli.service import database_options
from marketguard.errors import ConfigError

if TYPE_CHECKING:  # sqlalchemy is imported when a command runs, not when the CLI starts
    from sqlalchemy.orm import Session

T = TypeVar("T")

password_stdin_option = click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")


@click.group(no_args_is_help=True)
def reviewers_app() -> None:
    """Review console accounts: create, list, disable."""


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    raise click.exceptions.Exit(2)


def _db(data_dir: Path | None, database_url: str | None, work: Callable[[Session], T]) -> T:
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from marketguard.adapters.storage.db import make_engine, run
    from marketguard.service.errors import ServiceError
    from marketguard.service.settings import ServiceSettings

    env = dict(os.environ)
    if data_dir is not None:
        env["MARKETGUARD_DATA_DIR"] = str(data_dir)
    if database_url is not None:
        env["MARKETGUARD_DATABASE_URL"] = database_url
    try:
        settings = ServiceSettings.from_env(env)
    except ConfigError as exc:
        _fail(str(exc))
        raise
    engine = make_engine(settings.url)
    try:
        return run(engine, work)
    except ServiceError as exc:
        _fail(exc.message)
        raise
    except (OperationalError, ProgrammingError) as exc:
        if "console_reviewers" in str(exc):
            _fail("the database has no reviewer table yet: run `marketguard db upgrade` first")
        _fail(str(exc.orig).splitlines()[0] if exc.orig else str(exc))
        raise
    finally:
        engine.dispose()


def _password(from_stdin: bool) -> str:
    from marketguard.adapters.http.console.passwords import check_strength

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        check_strength(password)
    except ValueError as exc:
        _fail(str(exc))
    return password


@reviewers_app.command("create")
@click.argument("name")
@click.option(
    "--role",
    default="reviewer",
    show_default=True,
    help="reviewer (own families), senior (all), admin (all + reporters).",
)
@click.option(
    "--families", default="*", show_default=True, help="Comma-separated case families a reviewer works, or '*' for all."
)
@password_stdin_option
@database_options
def create(
    name: str, role: str, families: str, password_stdin: bool, data_dir: Path | None, database_url: str | None
) -> None:
    """Create a reviewer account NAME (the login name, also the reviewer's identity in decisions and the audit
    log); the password is asked for, or read from stdin."""
    from marketguard.adapters.http.console import store
    from marketguard.adapters.storage.clock import utcnow

    password = _password(password_stdin)
    row = _db(
        data_dir, database_url, lambda s: store.identity(store.create(s, name, password, role, families, utcnow()))
    )
    click.echo(f"created reviewer {row.name} ({row.role}; families: {', '.join(row.families)})")


@reviewers_app.command("list")
@database_options
def listing(data_dir: Path | None, database_url: str | None) -> None:
    """List reviewer accounts with their role, families and state."""
    from marketguard.adapters.http.console import store

    def rows(s: Session) -> list[tuple[str, str, str, str]]:
        return [(r.name, r.role, r.families, "disabled" if r.disabled_at else "active") for r in store.listing(s)]

    for name, role, fams, state in _db(data_dir, database_url, rows):
        click.echo(f"{name}\t{role}\t{fams}\t{state}")


@reviewers_app.command("disable")
@click.argument("name")
@database_options
def disable(name: str, data_dir: Path | None, database_url: str | None) -> None:
    """Disable an account; its open sessions end at once."""
    from marketguard.adapters.http.console import store
    from marketguard.adapters.storage.clock import utcnow

    _db(data_dir, database_url, lambda s: store.disable(s, name, utcnow()))
    click.echo(f"disabled reviewer {name}")


@reviewers_app.command("set-password")
@click.argument("name")
@password_stdin_option
@database_options
def set_password(name: str, password_stdin: bool, data_dir: Path | None, database_url: str | None) -> None:
    """Set a new password (ends the reviewer's sessions and clears a lockout)."""
    from marketguard.adapters.http.console import store

    password = _password(password_stdin)
    _db(data_dir, database_url, lambda s: store.set_password(s, name, password))
    click.echo(f"password of {name} changed")


@reviewers_app.command("set-access")
@click.argument("name")
@click.option("--role", help="New role.")
@click.option("--families", help="New families, or '*'.")
@database_options
def set_access(
    name: str, role: str | None, families: str | None, data_dir: Path | None, database_url: str | None
) -> None:
    """Change a reviewer's role or families (ends their sessions, so the change applies at once)."""
    from marketguard.adapters.http.console import store

    _db(data_dir, database_url, lambda s: store.update_access(s, name, role, families))
    click.echo(f"access of {name} changed")
