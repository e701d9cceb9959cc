"""The `marketguard` command: check one text, scan JSON Lines, evaluate on labelled data, run the demo.

Built on click rather than typer: typer builds a pydantic validator for every parameter, and importing
pydantic for that cost a sixth of `scan`'s start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, NoReturn

import click
import orjson

from marketguard.adapters.cli.accounts import simulate_app
from marketguard.adapters.cli.consume import consume
from marketguard.adapters.cli.reviewers import reviewers_app
from marketguard.adapters.cli.rules import rules_app
from marketguard.adapters.cli.service import register as register_service
from marketguard.adapters.cli.train import train_app
from marketguard.core.engine import Screener
from marketguard.core.model import Context, Message, Phase
from marketguard.core.records import message_from_dict
from marketguard.errors import MarketguardError


@click.group(no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]})
def app() -> None:
    """marketguard: trust & safety for freelance marketplaces."""


def _fail(message: str) -> NoReturn:
    """Print a one-line error (never interpreted as markup: it may quote file names) and exit with 2."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.text import Text

    Console(stderr=True).print(Text.assemble(("error: ", "red"), message), highlight=False)
    raise click.exceptions.Exit(2)


def _screener(policy: Path | None, config: Path | None = None) -> Screener:
    """A screener from the optional configuration file and policy table (the option wins over the file)."""
    from marketguard.config import load_config
    from marketguard.defaults import load_policy
    from marketguard.errors import MarketguardError

    try:
        settings, table = load_config(config) if config is not None else (None, None)
        if policy is not None:
            table = load_policy(str(policy))
        return Screener(settings, policy=table)
    except (MarketguardError, OSError) as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits


policy_option = click.option(
    "--policy", type=click.Path(path_type=Path), help="A policy table (YAML) to use instead of the default."
)
config_option = click.option(
    "--config", type=click.Path(path_type=Path), help="A configuration file (YAML): detectors, limits."
)


@app.command()
@click.argument("text")
@click.option(
    "--phase",
    type=click.Choice([p.value for p in Phase]),
    default=Phase.PRE_CONTRACT.value,
    show_default=True,
    help="Contract phase of the conversation.",
)
@click.option("--region", help="Sender's country (ISO 3166 alpha-2), for phone numbers.")
@click.option("--language", help="The users' language (es, pt-BR, ...): the nudge and warning come in it.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON instead.")
@policy_option
@config_option
def check(
    text: str,
    phase: str,
    region: str | None,
    language: str | None,
    as_json: bool,
    policy: Path | None,
    config: Path | None,
) -> None:
    """Screen one text (TEXT) and show what was found, the decision and the nudge."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)

    from marketguard.adapters.cli.render import render

    context = Context(phase=Phase(phase), region=region, language=language)
    result = _screener(policy, config).screen(Message(text=text, context=context))
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
        return
    render(Console(), text, result)


def _open_in(path: str) -> IO[bytes]:
    try:
        return sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")


def _open_out(path: str) -> IO[bytes]:
    try:
        return sys.stdout.buffer if path == "-" else open(path, "wb")
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror}")


@app.command()
@click.argument("source", metavar="IN")
@click.option("-o", "--output", default="-", show_default=True, help="Where to write results, or - for stdout.")
@click.option(
    "--workers",
    type=int,
    default=0,
    show_default=True,
    help="Processes to screen with; 0 picks the cores for a large file, else 1.",
)
@policy_option
@config_option
def scan(source: str, output: str, workers: int, policy: Path | None, config: Path | None) -> None:
    """Screen JSON Lines from IN (a file, or - for stdin): one output line per input line, in order; bad
    lines get an `error`."""
    import os

    from marketguard.adapters.jsonl import scan as run_scan

    screener = _screener(policy, config)
    if workers <= 0:
        large = source != "-" and os.path.isfile(source) and os.path.getsize(source) > 1 << 20
        workers = min(os.cpu_count() or 1, 4) if large else 1
    src, sink = _open_in(source), _open_out(output)
    # rich (~35 ms to import) only when a person watches stderr: piped runs never draw anything.
    err = None
    if sys.stderr.isatty():
        from rich.console import Console

        err = Console(stderr=True)

    def run(advance: Callable[[int], None] | None) -> tuple[int, int]:
        if workers > 1:
            from marketguard.adapters.parallel import scan_parallel  # multiprocessing only when it is used

            return scan_parallel(screener, src, sink, workers, on_lines=advance)
        return run_scan(screener, src, sink, on_line=(lambda: advance(1)) if advance else None)

    try:
        if err is not None and err.is_terminal and sink is not sys.stdout.buffer:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            total = None
            if source != "-":
                with open(source, "rb") as fh:
                    total = sum(1 for _ in fh)
            with Progress(
                TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
            ) as bar:
                task = bar.add_task("scan", total=total)
                lines, errors = run(lambda n: bar.advance(task, n))
        else:
            lines, errors = run(None)
    finally:
        sink.flush()
        if src is not sys.stdin.buffer:
            src.close()
        if sink is not sys.stdout.buffer:
            sink.close()
    if err is not None and err.is_terminal:
        err.print(f"{lines} lines screened, {errors} with errors")


@app.command("eval")
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("extra", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--min-score", type=float, default=0.6, show_default=True, help="Score from which a signal counts as a detection."
)
@click.option("--errors", is_flag=True, help="List every message the screener got wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@policy_option
@config_option
def evaluate_cmd(
    path: Path,
    extra: tuple[Path, ...],
    min_score: float,
    errors: bool,
    as_json: bool,
    policy: Path | None,
    config: Path | None,
) -> None:
    """Precision and recall per family on PATH (labelled JSON Lines: records with a 'labels' list), and the
    share of benign messages flagged; `eval accounts EVENTS TRUTH` scores the account monitor on a simulated
    stream (marketguard simulate accounts) instead."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.table import Table
    from rich.text import Text

    if str(path) == "accounts":
        from marketguard.adapters.cli.accounts import eval_accounts

        if not extra or len(extra) != 2:
            _fail("usage: marketguard eval accounts EVENTS TRUTH")
        return eval_accounts(extra[0], extra[1], as_json)
    if extra:
        _fail(f"unexpected arguments: {' '.join(map(str, extra))}")

    from marketguard.evaluation import evaluate

    screener = _screener(policy, config)
    try:
        with open(path, "rb") as fh:
            report = evaluate(fh, screener, min_score=min_score)
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")
    except (ValueError, MarketguardError) as exc:
        _fail(f"{path}: {exc}")
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
        return
    console = Console()
    table = Table(title=Text(f"{path.name}: {report.total} messages, {report.benign} benign"))
    for col in ("family", "precision", "recall", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "family" else "left")
    for fam, s in report.families.items():
        table.add_row(fam, f"{s.precision:.3f}", f"{s.recall:.3f}", str(s.tp), str(s.fp), str(s.fn))
    console.print(table)
    console.print(
        f"benign messages flagged: {report.benign_flagged}/{report.benign} ({100 * report.benign_flag_rate:.1f}%)"
    )
    if errors:
        for m in report.misses:
            console.print(
                Text(f"[{m.id}] {m.category}: expected {m.expected} got {m.predicted}: {m.text!r} {m.signals}")
            )


@app.command()
@policy_option
@config_option
def demo(policy: Path | None, config: Path | None) -> None:
    """Screen the bundled sample conversation and show what was found in each message."""
    from importlib import resources

    from rich.console import Console  # rich is imported only where output is drawn (start-up)

    from marketguard.adapters.cli.render import render

    screener = _screener(policy, config)
    console = Console()
    raw = resources.files("marketguard").joinpath("data/sample_conversation.jsonl").read_bytes()
    for line in raw.splitlines():
        if not line.strip():
            continue
        record = orjson.loads(line)
        message = message_from_dict(record)
        result = screener.screen(message)
        render(
            console,
            message.text,
            result,
            title=f"{message.id} from {message.sender_id} ({message.context.phase.value})",
        )


@app.command()
def detectors() -> None:
    """List the registered detectors: id, family, kinds, version and what each finds."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.table import Table

    from marketguard.core.registry import Registry

    table = Table("id", "family", "kinds", "version", "finds")
    registry = Registry()
    for ident in registry.ids:
        info = registry.get(ident).info
        finds = info.description if info.default_on else f"(off unless enabled) {info.description}"
        table.add_row(info.id, info.family, ", ".join(info.kinds), info.version, finds)
    Console().print(table)


register_service(app)  # serve, db, keys, audit (marketguard.adapters.cli.service)
app.add_command(simulate_app, name="simulate")  # labelled streams (marketguard.adapters.cli.accounts)
app.add_command(reviewers_app, name="reviewers")  # console accounts (marketguard.adapters.cli.reviewers)
app.add_command(train_app, name="train")  # the scam model (marketguard.adapters.cli.train)
app.add_command(rules_app, name="rules")  # fraud rule packs: test, list (marketguard.adapters.cli.rules)
app.add_command(consume)  # event streams: NATS JetStream, Redis Streams (marketguard.adapters.cli.consume)


def main() -> None:
    app(prog_name="marketguard")


if __name__ == "__main__":
    main()
