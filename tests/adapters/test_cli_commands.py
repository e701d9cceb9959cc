"""Every command of the `marketguard` CLI parses its options: help, bad options, bad choices (in-process)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from marketguard.adapters.cli.main import app


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        out.append(path)
        if isinstance(command, click.Group):
            out.extend(_commands(command, path))
    return out


COMMANDS = _commands(app)


def test_the_command_tree_is_complete() -> None:
    names = {" ".join(c) for c in COMMANDS}
    expected = {"check", "scan", "eval", "demo", "detectors", "serve", "db upgrade", "db current", "keys create",
                "keys list", "keys revoke", "audit verify", "audit show", "simulate accounts", "reviewers create",
                "reviewers list", "reviewers disable", "reviewers set-password", "reviewers set-access",
                "train scam", "train split", "rules test", "rules list", "rules compile"}
    assert expected <= names


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output


def test_no_arguments_shows_the_commands() -> None:
    result = CliRunner().invoke(app, [])
    assert "scan" in result.output and "check" in result.output


def test_an_unknown_option_and_a_bad_phase_are_usage_errors() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["scan", "-", "--no-such-option"])
    assert bad.exit_code == 2 and "No such option" in bad.output
    phase = runner.invoke(app, ["check", "hello", "--phase", "during"])
    assert phase.exit_code == 2 and "pre_contract" in phase.output


def test_check_reads_the_phase_choice() -> None:
    result = CliRunner().invoke(app, ["check", "pay me by PayPal, $300", "--phase", "active_contract", "--json"])
    assert result.exit_code == 0, result.output
    assert '"phase": "active_contract"' in result.output
