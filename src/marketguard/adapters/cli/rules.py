"""`marketguard rules`: run the fixtures of a rule pack, list its rules.

    marketguard rules test                        # the packaged fraud pack (marketguard/rules/fraud/)
    marketguard rules test my_rules/ extra.yaml   # a pack made of these files and folders
    marketguard rules list [PACK...]
    marketguard rules compile                     # store the packaged pack's compile plan (start-up)

A policy owner who adds a rule runs `rules test` before shipping it: every `match` example must fire the
rule and every `no_match` example must not. Exit status 1 when any example fails, 2 when the pack does
not load (the message names the file and the rule).
"""

from __future__ import annotations

from pathlib import Path

import click

from marketguard.core.rulepack import CompiledPack, RulePackError, compile_pack, default_pack, load_paths

pack_argument = click.argument("paths", metavar="[PACK]...", nargs=-1, type=click.Path(path_type=Path))
"""Rule files or folders of *.yaml (default: the packaged fraud pack)."""


@click.group(no_args_is_help=True)
def rules_app() -> None:
    """Fraud rule packs: run their fixtures, list their rules."""


def _pack(paths: tuple[Path, ...]) -> CompiledPack:
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.text import Text

    try:
        return compile_pack(load_paths(list(paths)) if paths else default_pack())
    except RulePackError as exc:
        Console(stderr=True).print(Text.assemble(("error: ", "red"), str(exc)), highlight=False)
        raise click.exceptions.Exit(2) from None


@rules_app.command("test")
@pack_argument
@click.option("--verbose", "-v", is_flag=True, help="Print every example, not only failures.")
def test_cmd(paths: tuple[Path, ...], verbose: bool) -> None:
    """Run every rule's own examples; print pass/fail per rule; exit 1 if any example fails. PACK: rule files
    or folders of *.yaml (default: the packaged fraud pack)."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.text import Text

    from marketguard.core.rulepack.fixtures import run_fixtures

    pack = _pack(paths)
    console = Console()
    results = run_fixtures(pack)
    by_rule: dict[str, list[bool]] = {}
    for r in results:
        by_rule.setdefault(r.rule_id, []).append(r.ok)
        if verbose or not r.ok:
            what = "should fire" if r.expected else "should stay silent"
            mark = ("ok  ", "green") if r.ok else ("FAIL", "bold red")
            console.print(Text.assemble(mark, f" {r.rule_id}: {what}: {r.text!r}"), highlight=False)
    failed_rules = 0
    for compiled in pack.rules:
        oks = by_rule.get(compiled.rule.id, [])
        passed = all(oks)
        failed_rules += not passed
        console.print(
            Text.assemble(
                ("pass" if passed else "FAIL", "green" if passed else "bold red"),
                f"  {compiled.rule.id}  ({sum(oks)}/{len(oks)} examples)",
            ),
            highlight=False,
        )
    failures = sum(not r.ok for r in results)
    console.print(
        f"{len(pack.rules)} rules, {len(results)} examples: {failures} failed"
        + (f" in {failed_rules} rules" if failures else "")
    )
    if failures:
        raise click.exceptions.Exit(1)


@rules_app.command("list")
@pack_argument
def list_cmd(paths: tuple[Path, ...]) -> None:
    """The rules of a pack (PACK: files or folders; default the packaged one): id, kind, score, severity, file
    and what each catches."""
    from rich.console import Console  # rich is imported only where output is drawn (start-up)
    from rich.table import Table

    pack = _pack(paths)
    table = Table("id", "kind", "score", "severity", "file", "catches")
    for compiled in pack.rules:
        r = compiled.rule
        table.add_row(r.id, r.kind, f"{r.score:.2f}", r.severity, r.source, r.description)
    Console().print(table)


@rules_app.command("compile")
@click.option("--check", is_flag=True, help="Only say whether the stored plan is current; exit 1 if it is not.")
def compile_cmd(check: bool) -> None:
    """Store the packaged pack's compile plan beside its rule files (rules/fraud/plan.json.gz), so that start-up
    reads it instead of working it out. Run it after editing a packaged rule file or the compiler."""
    from marketguard.core.rulepack.compiler import plan_pack
    from marketguard.core.rulepack.loader import default_sources, pack_from_docs, parse_sources
    from marketguard.core.rulepack.precompiled import (
        packaged_docs,
        packaged_plan,
        packaged_plan_path,
        plan_key,
        plan_to_bytes,
    )

    sources = default_sources()
    path = packaged_plan_path()
    if check:
        current = packaged_plan(sources) is not None and packaged_docs(sources) is not None
        click.echo(f"{path}: {'current' if current else 'stale: run marketguard rules compile'}")
        if not current:
            raise click.exceptions.Exit(1)
        return
    try:
        docs = parse_sources(sources)  # from the YAML, never from the stored file being replaced
        plan = plan_pack(pack_from_docs(docs))
    except RulePackError as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(2) from None
    path.write_bytes(plan_to_bytes(plan, plan_key(sources), docs))
    click.echo(f"wrote {path} ({len(plan.sources)} cue groups, {len(plan.rules)} rules)")
