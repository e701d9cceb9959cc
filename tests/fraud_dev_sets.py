"""What the fraud dev-set tests share: reading a file of `eval/fraud`, and a screener of the rule layers alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marketguard import Screener, ScreenerConfig
from marketguard.core.registry import Registry

FRAUD_EVAL = Path(__file__).resolve().parents[1] / "eval" / "fraud"


def read_records(name: str) -> list[dict[str, Any]]:
    """Every record of `eval/fraud/<name>` (JSON Lines), in file order."""
    with (FRAUD_EVAL / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def rules_only_screener() -> Screener:
    """The rule-based layers alone: the trained scam model (when installed) is switched off, so a dev set measures
    what the rules themselves catch."""
    model = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model)))


def positives_and_benign(files: dict[str, list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The labelled records and the benign ones of every file, in file order."""
    records = [r for rows in files.values() for r in rows]
    return [r for r in records if r["labels"]], [r for r in records if not r["labels"]]
