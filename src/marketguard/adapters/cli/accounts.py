"""`marketguard simulate accounts` and `marketguard eval accounts`: the account-integrity commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson


@click.group(no_args_is_help=True)
def simulate_app() -> None:
    """Write labelled simulated streams."""


@simulate_app.command("accounts")
@click.option(
    "--seed", type=int, default=1, show_default=True, help="Random seed: the same seed writes the same stream."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("events.jsonl"),
    show_default=True,
    help="Events (JSON Lines).",
)
@click.option(
    "--truth",
    type=click.Path(path_type=Path),
    default=Path("truth.json"),
    show_default=True,
    help="Labels: scenario, onset, attacker events.",
)
@click.option("--per-scenario", type=int, default=30, show_default=True, help="Accounts per scenario (17 scenarios).")
def simulate_accounts(seed: int, output: Path, truth: Path, per_scenario: int) -> None:
    """Interleaved account events of honest owners and shared, rented, sold and taken-over accounts."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)

    from marketguard.simulate.accounts import simulate

    events, labels = simulate(seed, per_scenario)
    with open(output, "wb") as fh:
        for event in events:
            fh.write(orjson.dumps(event) + b"\n")
    truth.write_bytes(orjson.dumps(labels, option=orjson.OPT_INDENT_2))
    Console(stderr=True).print(f"{len(events)} events of {len(labels['accounts'])} accounts -> {output}, {truth}")


def eval_accounts(events_path: Path, truth_path: Path, as_json: bool = False) -> None:
    """Run the stream through a fresh AccountMonitor and print the figures per scenario."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.table import Table

    from marketguard.evaluation_accounts import evaluate_accounts

    try:
        labels = orjson.loads(truth_path.read_bytes())
        with open(events_path, "rb") as fh:
            report = evaluate_accounts((orjson.loads(line) for line in fh if line.strip()), labels)
    except (OSError, orjson.JSONDecodeError, KeyError) as exc:
        Console(stderr=True).print(f"error: cannot evaluate {events_path} against {truth_path}: {exc}", markup=False)
        raise click.exceptions.Exit(2) from None
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
        return
    table = Table(title=f"{events_path.name}: account integrity")
    for col in (
        "scenario",
        "accounts",
        "bad caught",
        "honest reviewed",
        "honest logins challenged",
        "take-overs stopped",
    ):
        table.add_column(col, justify="left" if col == "scenario" else "right")
    for name, s in sorted(report.scenarios.items()):
        table.add_row(
            name,
            str(s.accounts),
            f"{s.caught}/{s.accounts}" if s.bad else "",
            "" if s.bad else f"{s.honest_reviewed}/{s.accounts}",
            "" if s.bad else f"{s.logins_challenged}/{s.logins} ({100 * s.logins_challenged / max(1, s.logins):.2f}%)",
            f"{s.takeovers_stopped}/{s.takeovers} (logins challenged {s.attacker_logins_challenged}/"
            f"{s.attacker_logins})"
            if s.takeovers
            else "",
        )
    console = Console()
    console.print(table)
    totals = report.totals()
    console.print(
        f"bad caught {100 * totals['bad_caught']:.1f}% · honest reviewed {100 * totals['honest_reviewed']:.1f}% · "
        f"honest logins challenged {100 * totals['honest_logins_challenged']:.2f}% · "
        f"take-overs stopped {100 * totals['takeovers_stopped']:.1f}% · bad events {report.errors}"
    )
