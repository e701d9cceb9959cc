"""Leave-one-author-out figures for the circumvention model: does the learnt signal add recall the rules lack?

For each K in `LOO_FOLDS` the model is trained on every development set but holdoutK, and holdoutK is screened
three ways: the rules alone (the default screener without the model's detectors), the rules plus the model, and
the model alone. The rules were tuned on holdoutK, so the first two are tuned figures; the lift (positives only
the model catches) and the model-only figures are the honest part. Then `eval/test.jsonl` (never trained on) with
the model trained on every development set, and the held-out UCI ham (never trained on).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marketguard.core.detectors.base import Detector
from marketguard.core.detectors.circ_model import ContactModelDetector, PaymentModelDetector
from marketguard.core.engine import Screener, ScreenerConfig
from marketguard.core.records import message_from_dict
from marketguard.core.registry import BUILTIN, Registry
from marketguard.evaluation import _counted
from marketguard.ml.circ_model import FAMILIES, CircModel
from marketguard.ml.circ_train import LOO_FOLDS, CircConfig, CircSources, fit_circ, read_ham

MODEL_DETECTORS = frozenset({"contact.model", "payment.model"})


@dataclass
class Tally:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0))
    benign: int = 0
    benign_flagged: int = 0

    def add(self, expected: set[str], predicted: set[str]) -> None:
        for f in FAMILIES:
            if f in expected and f in predicted:
                self.tp[f] += 1
            elif f in predicted:
                self.fp[f] += 1
            elif f in expected:
                self.fn[f] += 1
        if not expected:
            self.benign += 1
            self.benign_flagged += bool(predicted)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in FAMILIES:
            tp, fp, fn = self.tp[f], self.fp[f], self.fn[f]
            out[f] = {
                "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
                "tp": tp,
                "fp": fp,
                "fn": fn,
            }
        out["benign_flagged"] = f"{self.benign_flagged}/{self.benign}"
        return out


def with_model(model: CircModel) -> tuple[type[Detector], type[Detector]]:
    """The two detectors bound to `model` instead of the packaged one."""
    contact = type("ContactModelUnderTest", (ContactModelDetector,), {"model": model})
    payment = type("PaymentModelUnderTest", (PaymentModelDetector,), {"model": model})
    return contact, payment


def _screener(classes: Iterable[type[Detector]]) -> Screener:
    """A screener running exactly `classes`: the model's detectors are off by default, so they are enabled by id
    (without it the "rules + model" and "model" runs would silently screen without the model)."""
    classes = list(classes)
    off = frozenset(c.info.id for c in classes if not c.info.default_on)
    return Screener(ScreenerConfig(enabled=off), registry=Registry(classes))


def predictions(path: Path, classes: Iterable[type[Detector]]) -> list[tuple[dict[str, Any], set[str]]]:
    """Each record of `path` and the families flagged on it, screened in file order by one screener."""
    screener = _screener(classes)
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        result = screener.screen(message_from_dict(record))
        predicted = {s.family for s in _counted(result, screener.policy, 0.6) if s.family in FAMILIES}
        out.append((record, predicted))
    return out


def compare(path: Path, model: CircModel) -> dict[str, Any]:
    """Rules alone, rules + model, model alone on one labelled file; all rows and English rows."""
    rules = [c for c in BUILTIN if c.info.id not in MODEL_DETECTORS]
    contact, payment = with_model(model)
    runs = {
        "rules": predictions(path, rules),
        "rules+model": predictions(path, [*rules, contact, payment]),
        "model": predictions(path, [contact, payment]),
    }
    figures: dict[str, Any] = {}
    for scope in ("all", "en"):
        tallies = {name: Tally() for name in runs}
        only_model = dict.fromkeys(FAMILIES, 0)
        new_fp = 0
        for i, (record, _) in enumerate(runs["rules"]):
            if scope == "en" and record.get("lang", "en") != "en":
                continue
            expected = {str(x) for x in record["labels"]} & set(FAMILIES)
            for name, rows in runs.items():
                tallies[name].add(expected, rows[i][1])
            base, both = runs["rules"][i][1], runs["rules+model"][i][1]
            for f in FAMILIES:
                only_model[f] += f in expected and f in both and f not in base
            new_fp += bool(not expected and both and not base)
        figures[scope] = {
            **{name: t.figures() for name, t in tallies.items()},
            "positives only the model adds": only_model,
            "benign newly flagged": new_fp,
        }
    return figures


def ham_flagged(model: CircModel, ham: list[str]) -> str:
    """How many held-out SMS ham texts the model alone flags (any family)."""
    screener = _screener(with_model(model))
    hits = sum(1 for text in ham if any(s.family in FAMILIES and s.score >= 0.6 for s in screener.screen(text).signals))
    return f"{hits}/{len(ham)}"


def leave_one_author_out(
    sources: CircSources, cfg: CircConfig, folds: Iterable[str] = LOO_FOLDS, test: bool = True
) -> dict[str, Any]:
    """The figures of docs/model.md: one training per fold, then (`test`) one on every development set for test."""
    _, held_ham = read_ham(sources.uci)
    ham = [r.text for r in held_ham]
    out: dict[str, Any] = {}
    for k in folds:
        fitted = fit_circ(sources.rows(exclude=frozenset({k}), cfg=cfg), cfg)
        model = CircModel(fitted.payload)
        out[k] = {
            "thresholds": fitted.payload["thresholds"],
            "gate_pass_training": round(fitted.gate_pass_rate, 3),
            **compare(sources.eval_path(k), model),
            "sms_ham_flagged": ham_flagged(model, ham),
        }
    if not test:
        return out
    fitted = fit_circ(sources.rows(cfg=cfg), cfg)
    model = CircModel(fitted.payload)
    out["test"] = {
        "thresholds": fitted.payload["thresholds"],
        **compare(sources.eval_path("test"), model),
        "sms_ham_flagged": ham_flagged(model, ham),
    }
    return out
