"""What the scam model adds to the screener on labelled `eval/fraud` files, for any model artifact.

    .venv/bin/python bench/model_lift.py ARTIFACT FILE [FILE...] [--json]

For each file, the whole screener (rules + the given model, as `marketguard eval` runs it) against the same
screener with `scam.model` disabled: positives caught and benign lines flagged by each, the positives only the
model catches and the benign lines only the model flags; and the model alone (its probability, gate included)
at its own thresholds and at the policy's bars (0.97 nudge, 0.99 review). The leave-one-author-out measure of
docs/model.md ("Model 1.4") runs it on `marketguard train scam --out DIR --without FILE` artifacts. Blind sets
still held out (`blind10`, `blind11`, `holdout*`) are refused by name.

The model is swapped by pointing `marketguard.ml.artifact.packaged_path` at ARTIFACT before any screener is built;
nothing else changes, so run it from the checkout whose rules should be measured (PYTHONPATH=<old>/src for the
rules of an older commit).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import orjson

REFUSED = ("blind10", "blind11", "holdout")
BARS = {"policy_nudge_0.97": 0.97, "policy_review_0.99": 0.99}


def measure(path: Path) -> dict[str, Any]:
    """Whole screener vs rules only vs model alone on one labelled file."""
    from marketguard.core.engine import Screener, ScreenerConfig
    from marketguard.core.records import message_from_dict
    from marketguard.evaluation import ALL_FAMILIES, _counted, evaluate
    from marketguard.ml.artifact import default_model
    from marketguard.ml.train import model_text

    raw = path.read_bytes().splitlines()
    records = [orjson.loads(line) for line in raw if line.strip()]
    labelled = {str(x) for r in records for x in [*r["labels"], *(r.get("scored") or [])]}
    families = tuple(f for f in ALL_FAMILIES if f in labelled)
    rules_only = ScreenerConfig(disabled=frozenset({"scam.model"}))
    report = {
        "with_model": evaluate(raw, Screener()).to_dict(),
        "rules_only": evaluate(raw, Screener(rules_only)).to_dict(),
    }
    full, rules, model = Screener(), Screener(rules_only), default_model()
    rows = []  # (positive, caught with the model, caught by the rules alone, model probability)
    for record in records:
        hit = []
        for screener in (full, rules):
            result = screener.screen(message_from_dict(record))
            hit.append(any(s.family in families for s in _counted(result, screener.policy, 0.6)))
        text = record.get("text") or f"{record.get('title', '')}\n\n{record.get('description', '')}"
        positive = bool(set(record["labels"]) & {"scam", "account"})
        rows.append((positive, hit[0], hit[1], model.probability(model_text(text))))
    pos = sum(1 for r in rows if r[0])
    out: dict[str, Any] = {
        "positives": pos,
        "benign": len(rows) - pos,
        "families": {k: v["families"] for k, v in report.items()},
        "caught": {
            "with_model": sum(1 for r in rows if r[0] and r[1]),
            "rules_only": sum(1 for r in rows if r[0] and r[2]),
        },
        "benign_flagged": {
            "with_model": sum(1 for r in rows if not r[0] and r[1]),
            "rules_only": sum(1 for r in rows if not r[0] and r[2]),
        },
        "only_the_model": {
            "positives": sum(1 for r in rows if r[0] and r[1] and not r[2]),
            "benign": sum(1 for r in rows if not r[0] and r[1] and not r[2]),
        },
        "model_alone": {},
    }
    for name, t in {**{k: float(v) for k, v in model.thresholds.items()}, **BARS}.items():
        tp = sum(1 for r in rows if r[0] and r[3] >= t)
        fp = sum(1 for r in rows if not r[0] and r[3] >= t)
        out["model_alone"][name] = {
            "threshold": round(t, 4),
            "recall": round(tp / pos, 3) if pos else None,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "tp": tp,
            "fp": fp,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifact", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    refused = [str(f) for f in args.files if any(word in f.name for word in REFUSED)]
    if refused:
        sys.exit(f"refused (a blind set still held out): {', '.join(refused)}")
    import marketguard.ml.artifact as artifact

    artifact.packaged_path = lambda: args.artifact  # type: ignore[assignment]  # what default_model() reads
    artifact.default_model.cache_clear()
    figures = {"version": artifact.default_model().version, **{f.name: measure(f) for f in args.files}}
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    for name, f in figures.items():
        if not isinstance(f, dict):
            continue
        alone = ", ".join(
            f"{k} R {v['recall']} P {v['precision']} (fp {v['fp']})" for k, v in f["model_alone"].items()
        )
        print(
            f"{name}: caught {f['caught']['with_model']}/{f['positives']} (rules only {f['caught']['rules_only']}), "
            f"benign flagged {f['benign_flagged']['with_model']}/{f['benign']} (rules only "
            f"{f['benign_flagged']['rules_only']}); only the model: +{f['only_the_model']['positives']} positives, "
            f"{f['only_the_model']['benign']} benign\n  model alone: {alone}"
        )


if __name__ == "__main__":
    main()
