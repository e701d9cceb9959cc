"""`marketguard train`: fit the scam model, write its artifact and manifest, print its figures.

    marketguard train scam                      # fit on every non-held-out row -> src/marketguard/models/
    marketguard train scam --out /tmp/model     # elsewhere (the manifest is written beside it)
    marketguard train scam --evaluate           # held-out and cross-dataset figures; writes nothing
    marketguard train scam --evaluate --cv      # ... and the SMS target cross-validated over all of UCI
    marketguard train scam --select             # the SMS target cross-validated on the training split only
    marketguard train scam --dev-sets           # ... on eval/fraud's development sets too (docs/model.md)
    marketguard train scam --out /tmp/m --without messages.blind6.jsonl   # ... all but one of them
    marketguard train circ                      # the circumvention model (contact, payment) -> models/
    marketguard train circ --loo                # its leave-one-author-out figures (JSON)
    marketguard train split                     # (once) store the held-out split in data/train/splits.json

scikit-learn is imported inside the commands only, so the rest of the CLI starts without it.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

uci_option = click.option(
    "--uci",
    type=click.Path(path_type=Path),
    help="The UCI SMSSpamCollection file (default: ../shared/datasets/sms_spam/ found upward).",
)


@click.group(no_args_is_help=True)
def train_app() -> None:
    """Train and evaluate marketguard's models."""


def _fail(message: str) -> None:
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.text import Text

    Console(stderr=True).print(Text.assemble(("error: ", "red"), message), highlight=False)
    raise click.exceptions.Exit(2)


@train_app.command("scam")
@click.option("--out", type=click.Path(path_type=Path), help="Directory for the artifact and its manifest.")
@click.option("--evaluate", is_flag=True, help="Print held-out and cross-dataset figures.")
@click.option("--errors", is_flag=True, help="With --evaluate: list the held-out rows it gets wrong.")
@click.option("--json", "as_json", is_flag=True, help="With --evaluate or --select: print the figures as JSON.")
@click.option(
    "--cv", is_flag=True, help="With --evaluate: add the cross-validated SMS estimate (10 more fits, minutes)."
)
@click.option(
    "--select",
    is_flag=True,
    help="The SMS target cross-validated on the training split alone (what a change is chosen on); writes nothing.",
)
@uci_option
@click.option("--seed", type=int, help="Random seed (default: the recorded one).")
@click.option(
    "--dev-sets/--no-dev-sets",
    default=None,
    help="Train on eval/fraud's development sets too, or not (default: the shipped model's recipe).",
)
@click.option(
    "--without",
    multiple=True,
    metavar="FILE",
    help="Leave this development set of eval/fraud out of training (repeatable; the leave-one-author-out measure).",
)
def scam(
    out: Path | None,
    evaluate: bool,
    errors: bool,
    as_json: bool,
    cv: bool,
    select: bool,
    uci: Path | None,
    seed: int | None,
    dev_sets: bool | None,
    without: tuple[str, ...],
) -> None:
    """Train the scam text model deterministically (same data and seed -> byte-identical artifact)."""
    from dataclasses import replace

    from marketguard.errors import MarketguardError
    from marketguard.ml.artifact import packaged_path
    from marketguard.ml.build import default_sources, train_scam
    from marketguard.ml.train import TrainConfig

    cfg = TrainConfig() if seed is None else replace(TrainConfig(), seed=seed)
    try:
        sources = default_sources(uci, without, dev_sets)
        if evaluate or select:
            from marketguard.ml.evaluate import evaluate as run_evaluation
            from marketguard.ml.evaluate import sms_cross_validation

            # `--select` never scores a held-out row, so a model change can be chosen on it and the held-out split
            # measured once, after (docs/model.md, "How a change is chosen").
            sections = (
                [sms_cross_validation(sources, cfg, heldout=False)]
                if select
                else run_evaluation(sources, cfg, errors=errors, cv=cv)
            )
            if as_json:
                click.echo(json.dumps({s.title: s.figures for s in sections}, indent=2))
                return
            for section in sections:  # plain lines: figures are read, diffed and pasted, never wrapped
                click.echo(section.title)
                for line in section.lines:
                    click.echo(line)
            return
        info = train_scam(sources, out or packaged_path().parent, cfg)
    except (MarketguardError, OSError) as exc:
        _fail(str(exc))
        return
    click.echo(
        f"wrote {info['artifact']} ({info['artifact_bytes']:,} bytes, {info['features_kept']['main']:,} features, "
        f"sha256 {info['artifact_sha256'][:16]}…) trained on {sum(info['rows_trained'].values()):,} rows; "
        f"thresholds {info['thresholds']}"
    )


@train_app.command("circ")
@click.option("--out", type=click.Path(path_type=Path), help="Directory for the artifact and its manifest.")
@click.option(
    "--loo", is_flag=True, help="Leave-one-author-out figures (holdout4-6, test, SMS ham) as JSON; writes nothing."
)
@uci_option
def circ(out: Path | None, loo: bool, uci: Path | None) -> None:
    """Train the circumvention model (contact and payment) deterministically; `--loo` measures it instead."""
    from marketguard.errors import MarketguardError
    from marketguard.ml.circ_model import packaged_path as circ_path
    from marketguard.ml.circ_train import CircConfig, default_circ_sources, train_circ

    cfg = CircConfig()
    try:
        sources = default_circ_sources(uci=uci)
        if loo:
            from marketguard.ml.circ_eval import leave_one_author_out

            click.echo(json.dumps(leave_one_author_out(sources, cfg), indent=1))
            return
        info = train_circ(sources, out or circ_path().parent, cfg)
    except (MarketguardError, OSError) as exc:
        _fail(str(exc))
        return
    click.echo(
        f"wrote {info['artifact']} ({info['artifact_bytes']:,} bytes, sha256 {info['artifact_sha256'][:16]}…) "
        f"trained on {sum(info['rows_trained'].values()):,} rows; thresholds {info['thresholds']}"
    )


@train_app.command("split")
@uci_option
@click.option("--force", is_flag=True, help="Overwrite an existing split (re-splitting changes every figure).")
def split(uci: Path | None, force: bool) -> None:
    """Store the held-out split (UCI line numbers, marketplace ids) that training never uses."""
    from marketguard.errors import MarketguardError
    from marketguard.ml.build import default_sources, write_split
    from marketguard.ml.train import TrainConfig

    try:
        sources = default_sources(uci)
        if sources.split.exists() and not force:
            _fail(f"{sources.split} exists; pass --force to re-split")
        held = write_split(sources, TrainConfig().seed)
    except (MarketguardError, OSError) as exc:
        _fail(str(exc))
        return
    click.echo(f"held out {len(held['uci_lines'])} UCI lines and {len(held['marketplace_ids'])} marketplace rows")
