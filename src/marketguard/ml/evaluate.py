"""`marketguard train scam --evaluate`: the figures, on data the model never trained on.

Four measurements, each trained here from the same sources and seed (so the figures are reproducible
and the first model is byte-identical to the shipped one), each scored by the runtime scorer:

1. held-out: trained on both sources minus the held-out split; scored on the held-out UCI messages
   and the held-out marketplace rows; the UCI spam also by its human label (`scam` or `marketing`,
   `data/train/uci_heldout_spam_labels.json`), which is what the issue's SMS target is measured on;
2. cross, UCI -> marketplace: trained on the UCI training split alone; scored on every marketplace row;
3. cross, marketplace -> UCI: trained on the marketplace training split alone; scored on all 5,574 UCI texts;
4. baseline: scikit-learn's plain `TfidfVectorizer()` + `LogisticRegression()` on the UCI training split;
5. another author: the first model on `eval/fraud/*.jsonl` (except any `*blind*` file), written by the
   rule-pack engineer for the rule layer and never trained on (skipped with a note when the repository's
   `eval/` is not there);
6. (`--cv`, a few minutes more) the SMS target cross-validated: repeated stratified k-fold over all 5,574 UCI
   texts, each fold's model trained on the other folds plus the marketplace training rows, its thresholds chosen
   on its own training rows' out-of-fold scores, scored on the fold; every UCI spam row carries a human label.
   The held-out split's errors have been read while building the model, so this is the estimate to quote.

A row is flagged when its probability reaches a threshold chosen on the training rows' out-of-fold
scores (`nudge`, `review`, and `sms`, set on the SMS rows alone), never on the rows being measured.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from marketguard.errors import ConfigError
from marketguard.ml.artifact import ScamModel
from marketguard.ml.build import Sources, find_eval_fraud_dir, training_rows
from marketguard.ml.data import (
    FRAUD_DEV_FILES,
    FRAUD_SOURCE,
    SPAM_LABELS,
    Row,
    is_heldout,
    read_fraud_file,
    read_spam_labels,
    read_split,
)
from marketguard.ml.train import TrainConfig, fit, model_text


@dataclass(frozen=True, slots=True)
class Counts:
    """Confusion counts of one threshold over one set of rows."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def fpr(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else float("nan")

    def line(self) -> str:
        return (
            f"recall {self.recall:.3f} ({self.tp}/{self.tp + self.fn}), precision {self.precision:.3f}, "
            f"legitimate flagged {self.fpr:.2%} ({self.fp}/{self.fp + self.tn})"
        )


def counts(prob: list[float], rows: list[Row], threshold: float) -> Counts:
    tp = sum(1 for p, r in zip(prob, rows, strict=True) if r.label and p >= threshold)
    fp = sum(1 for p, r in zip(prob, rows, strict=True) if not r.label and p >= threshold)
    pos = sum(r.label for r in rows)
    return Counts(tp, fp, pos - tp, len(rows) - pos - fp)


def auc(prob: list[float], rows: list[Row]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([r.label for r in rows], prob))


def recall_at_fpr(prob: list[float], rows: list[Row], fpr: float) -> float:
    """Best recall with at most `fpr` of the negatives flagged (an oracle threshold: for comparison only)."""
    neg = sorted((p for p, r in zip(prob, rows, strict=True) if not r.label), reverse=True)
    allowed = int(np.floor(fpr * len(neg)))
    cut = neg[allowed] if allowed < len(neg) else -1.0
    pos = [p for p, r in zip(prob, rows, strict=True) if r.label]
    return sum(1 for p in pos if p > cut) / len(pos)


@dataclass
class Section:
    title: str
    lines: list[str]
    figures: dict[str, Any]


CURVE = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def _measure(model: ScamModel, rows: list[Row], name: str, curve: bool = False) -> tuple[list[str], dict[str, Any]]:
    texts = [model_text(r.text) for r in rows]
    ungated = [model.ungated_probability(t) for t in texts]
    prob = [model.probability(t) for t in texts]  # what the detector sees: 0 where the gate stops a text
    out: list[str] = []
    figs: dict[str, Any] = {"rows": len(rows), "auc": round(auc(ungated, rows), 4)}
    out.append(f"{name}: {len(rows)} rows ({sum(r.label for r in rows)} positive), ROC AUC {figs['auc']:.4f}")
    passed = sum(1 for p in prob if p > 0.0)
    lost = sum(1 for p, u in zip(prob, ungated, strict=True) if p == 0.0 and u >= model.thresholds["nudge"])
    figs["gate"] = {"passed": passed, "flagged_rows_stopped": lost}
    out.append(
        f"  gate: {passed}/{len(rows)} rows reach the main model; it stops {lost} that the main model would flag"
    )
    for level in levels(model):
        t = model.thresholds[level]
        c = counts(prob, rows, t)
        figs[level] = {"threshold": t, "recall": c.recall, "precision": c.precision, "fpr": c.fpr}
        out.append(f"  {level:6} p >= {t:.3f}: {c.line()}")
    if curve:
        figs["curve"] = {}
        for t in CURVE:
            c = counts(prob, rows, t)
            figs["curve"][t] = {"recall": c.recall, "precision": c.precision, "fpr": c.fpr}
            out.append(f"    p >= {t:.2f}: {c.line()}")
    r1 = recall_at_fpr(ungated, rows, 0.01)
    figs["recall_at_fpr_1pct_oracle"] = r1
    out.append(f"  (oracle threshold, for comparison: recall {r1:.3f} at <= 1% legitimate flagged)")
    hard = [(p, r) for p, r in zip(prob, rows, strict=True) if r.type == "benign.hard"]
    if hard:
        flagged = sum(1 for p, _ in hard if p >= model.thresholds["nudge"])
        out.append(f"  hard negatives flagged at nudge: {flagged}/{len(hard)}")
        figs["hard_negatives_flagged"] = [flagged, len(hard)]
    total = Counter(r.type for r in rows if r.label)
    caught = Counter(r.type for p, r in zip(prob, rows, strict=True) if r.label and p >= model.thresholds["nudge"])
    figs["recall_by_type_at_nudge"] = {k: [caught[k], n] for k, n in sorted(total.items())}
    out.append("  caught at nudge, by type: " + ", ".join(f"{k} {caught[k]}/{n}" for k, n in sorted(total.items())))
    return out, figs


def _baseline(train: list[Row], test: list[Row]) -> tuple[list[str], dict[str, Any]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000))
    pipe.fit([r.text for r in train], [r.label for r in train])
    prob = [float(p) for p in pipe.predict_proba([r.text for r in test])[:, 1]]
    c = counts(prob, test, 0.5)
    figs = {
        "recall": c.recall,
        "fpr": c.fpr,
        "auc": auc(prob, test),
        "recall_at_fpr_1pct_oracle": recall_at_fpr(prob, test, 0.01),
    }
    return [
        f"UCI held-out, p >= 0.5: {c.line()}, ROC AUC {figs['auc']:.4f}",
        f"  (oracle threshold: recall {figs['recall_at_fpr_1pct_oracle']:.3f} at <= 1% legitimate flagged)",
    ], figs


def evaluate(sources: Sources, cfg: TrainConfig, errors: bool = False, cv: bool = False) -> list[Section]:
    uci, mp = sources.rows()
    split = read_split(sources.split)
    held_uci = [r for r in uci if is_heldout(r, split)]
    held_mp = [r for r in mp if is_heldout(r, split)]
    sections: list[Section] = []

    held_uci = human_labelled(held_uci, sources.spam_labels)
    model = ScamModel(fit(training_rows(sources), cfg).payload)
    lines, figs_u = _measure(model, held_uci, "UCI SMS held-out", curve=True)
    more_u, figs_u["by_label"] = by_label(model, held_uci)
    lines += more_u
    more, figs_m = _measure(model, held_mp, "marketplace held-out", curve=True)
    if errors:
        more += _errors(model, held_mp)
    sections.append(
        Section(
            "1. held-out split (trained on both sources, minus this split)",
            lines + more,
            {"uci_heldout": figs_u, "marketplace_heldout": figs_m},
        )
    )

    uci_only = ScamModel(fit(training_rows(sources, frozenset({"uci"})), replace(cfg)).payload)
    lines, figs = _measure(uci_only, mp, "every marketplace row")
    sections.append(
        Section("2. cross-dataset: trained on UCI SMS only -> marketplace", lines, {"uci_to_marketplace": figs})
    )

    mp_only = ScamModel(fit(training_rows(sources, frozenset({"marketplace", FRAUD_SOURCE})), cfg).payload)
    lines, figs = _measure(mp_only, uci, "every UCI SMS row")
    sections.append(
        Section(
            "3. cross-dataset: trained on marketplace only"
            + (" (team rows + eval/fraud development sets)" if sources.fraud_files else "")
            + " -> UCI SMS",
            lines,
            {"marketplace_to_uci": figs},
        )
    )

    lines, figs = _baseline([r for r in uci if not is_heldout(r, split)], held_uci)
    sections.append(
        Section("4. baseline: plain TfidfVectorizer + LogisticRegression on UCI alone", lines, {"baseline": figs})
    )
    folder = eval_fraud_dir()
    if folder is not None:
        lines, figs = _measure(
            model, read_eval_fraud(folder, skip=sources.fraud_files), "eval/fraud held-out files", curve=True
        )
        sections.append(
            Section(
                "5. another author's set (eval/fraud files the model never trained on: "
                + ", ".join(sorted(p.name for p in folder.glob("*.jsonl") if _measured(p.name, sources.fraud_files)))
                + ")",
                lines,
                {"eval_fraud": figs},
            )
        )
    if cv:
        sections.append(sms_cross_validation(sources, cfg))
    return sections


CV_FOLDS = 5
CV_REPEATS = 2


def labelled_uci(sources: Sources) -> list[Row]:
    """Every UCI row, each spam row's `type` set to its human label (held-out and training label files together)."""
    uci, _ = sources.rows()
    labels = {**read_spam_labels(sources.train_spam_labels), **read_spam_labels(sources.spam_labels)}
    missing = [r.ref for r in uci if r.label and r.ref not in labels]
    if missing:
        raise ConfigError(f"no human label for UCI spam lines {', '.join(missing[:10])}")
    return [replace(r, type=f"spam.{labels[r.ref]}") if r.label else r for r in uci]


def sms_cross_validation(
    sources: Sources, cfg: TrainConfig, folds: int = CV_FOLDS, repeats: int = CV_REPEATS, heldout: bool = True
) -> Section:
    """The SMS target measured on every UCI text in turn: repeated stratified k-fold (strata: ham, scam, marketing).

    Each fold's model is `fit` on the other folds plus the marketplace training rows, so its thresholds come
    from its own training rows' out-of-fold scores, never from the fold it is scored on. `heldout=False` keeps
    to the training split (what the model was chosen on)."""
    from sklearn.model_selection import RepeatedStratifiedKFold

    uci = labelled_uci(sources)
    split = read_split(sources.split)
    if not heldout:
        uci = [r for r in uci if not is_heldout(r, split)]
    mp_train = training_rows(sources, frozenset({"marketplace", FRAUD_SOURCE}))  # + development sets when trained on
    splitter = RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=cfg.seed)
    tally: dict[str, Counter[str]] = {}
    fold_fpr: dict[str, list[float]] = {}
    fold_scam: dict[str, list[float]] = {}
    for train_idx, test_idx in splitter.split(np.zeros(len(uci)), [r.type for r in uci]):
        model = ScamModel(fit([uci[i] for i in train_idx] + mp_train, cfg).payload)
        test = [uci[i] for i in test_idx]
        prob = [model.probability(model_text(r.text)) for r in test]
        for level in levels(model):
            t = model.thresholds[level]
            hit = Counter(r.type for p, r in zip(prob, test, strict=True) if p >= t)
            tally.setdefault(level, Counter()).update({f"{k}:hit": v for k, v in hit.items()})
            tally[level].update(Counter(f"{r.type}:n" for r in test))
            n = Counter(r.type for r in test)
            fold_fpr.setdefault(level, []).append(hit["ham"] / n["ham"])
            fold_scam.setdefault(level, []).append(hit["spam.scam"] / n["spam.scam"])
    title = (
        f"6. SMS target, cross-validated: {repeats} x {folds}-fold stratified over "
        f"{'all' if heldout else 'the training split of'} {len(uci):,} UCI texts (+ marketplace training rows); "
        "counts pooled over the repeats"
    )
    lines: list[str] = []
    figs: dict[str, Any] = {"folds": folds, "repeats": repeats, "uci_rows": len(uci)}
    for level, c in tally.items():
        def rate(kind: str, c: Counter[str] = c) -> tuple[float, int, int]:
            hit, n = c[f"{kind}:hit"], c[f"{kind}:n"]  # pooled: each row is scored once per repeat
            return (hit / n if n else float("nan")), hit, n

        f = {kind: rate(kind) for kind in ("spam.scam", "spam.marketing", "ham")}
        spam_hit = f["spam.scam"][1] + f["spam.marketing"][1]
        spam_n = f["spam.scam"][2] + f["spam.marketing"][2]
        figs[level] = {
            "scam_recall": f["spam.scam"][0],
            "marketing_recall": f["spam.marketing"][0],
            "spam_recall": spam_hit / spam_n,
            "ham_flagged": f["ham"][0],
            "fold_ham_flagged": [min(fold_fpr[level]), max(fold_fpr[level])],
            "fold_scam_recall": [min(fold_scam[level]), max(fold_scam[level])],
        }
        lines.append(
            f"  {level:6} (each fold's own threshold): scam recall {f['spam.scam'][0]:.3f} "
            f"({f['spam.scam'][1]}/{f['spam.scam'][2]}), marketing {f['spam.marketing'][0]:.3f}, "
            f"all spam {spam_hit / spam_n:.3f}, legitimate flagged {f['ham'][0]:.2%} ({f['ham'][1]}/{f['ham'][2]})"
        )
        lines.append(
            f"         per fold: scam recall {min(fold_scam[level]):.3f}-{max(fold_scam[level]):.3f}, "
            f"legitimate flagged {min(fold_fpr[level]):.2%}-{max(fold_fpr[level]):.2%}"
        )
    return Section(title, lines, {"sms_cv": figs})


def human_labelled(held_uci: list[Row], path: Path) -> list[Row]:
    """The held-out UCI rows with each spam row's `type` set to its human label, `spam.scam` or
    `spam.marketing` (`read_uci` only knows `spam`). Every held-out spam row must
    have a label: a missing one is an error naming it, since a figure "on scams" over part of them would lie."""
    if not path.is_file():
        raise ConfigError(f"the human labels of the held-out UCI spam are missing: {path}")
    labels = read_spam_labels(path)
    missing = [r.ref for r in held_uci if r.label and r.ref not in labels]
    if missing:
        raise ConfigError(f"{path}: no label for held-out UCI spam lines {', '.join(missing[:10])}")
    return [replace(r, type=f"spam.{labels[r.ref]}") if r.label else r for r in held_uci]


def levels(model: ScamModel) -> tuple[str, ...]:
    """The model's recommended thresholds in a fixed order (`sms` only where the model has one)."""
    return tuple(k for k in ("sms", "nudge", "review") if k in model.thresholds)


def by_label(model: ScamModel, rows: list[Row]) -> tuple[list[str], dict[str, Any]]:
    """Recall on each human label at each threshold, beside the share of legitimate messages flagged."""
    prob = [model.probability(model_text(r.text)) for r in rows]
    out = ["  by human label (data/train/uci_heldout_spam_labels.json):"]
    figs: dict[str, Any] = {}
    for level in levels(model):
        t = model.thresholds[level]
        legit = [(p, r) for p, r in zip(prob, rows, strict=True) if not r.label]
        ham = counts([p for p, _ in legit], [r for _, r in legit], t)
        for label in (*SPAM_LABELS, "all"):
            keep = [(p, r) for p, r in zip(prob, rows, strict=True) if not r.label or label in ("all", r.type[5:])]
            c = counts([p for p, _ in keep], [r for _, r in keep], t)
            figs[f"{level}:{label}"] = {"recall": c.recall, "positives": c.tp + c.fn, "fpr": ham.fpr}
            out.append(
                f"    {level:6} p >= {t:.3f}: {label:9} recall {c.recall:.3f} ({c.tp}/{c.tp + c.fn}), "
                f"legitimate flagged {ham.fpr:.2%} ({ham.fp}/{ham.fp + ham.tn})"
            )
    return out, figs


def eval_fraud_dir() -> Path | None:
    """The repository's `eval/fraud` folder, looked up from the working directory upward."""
    return find_eval_fraud_dir()


BLIND = "blind"
"""Files of `eval/fraud` whose name contains this are blind sets: never read here."""


def _measured(name: str, trained: tuple[str, ...]) -> bool:
    """A file of `eval/fraud` is measured when it is neither a blind set nor one the model trained on."""
    return BLIND not in name and name not in trained


def read_eval_fraud(folder: Path, skip: tuple[str, ...] = FRAUD_DEV_FILES) -> list[Row]:
    """Rows of the rule layer's evaluation sets the model never trained on: blind sets and the development sets
    in `skip` (by default every one, `FRAUD_DEV_FILES`) are never read. Positive when labelled `scam` or `account`."""
    rows: list[Row] = []
    for path in sorted(folder.glob("*.jsonl")):
        if not _measured(path.name, skip):
            continue  # a blind set is measured once, by whoever holds it; a development set is training data
        rows += read_fraud_file(path, path.name, 1.0)
    return rows


def _errors(model: ScamModel, rows: list[Row]) -> list[str]:
    out = ["  errors at nudge:"]
    for r in rows:
        p = model.probability(model_text(r.text))
        if (p >= model.thresholds["nudge"]) != bool(r.label):
            out.append(f"    {'FP' if not r.label else 'FN'} {p:.3f} {r.ref} [{r.type}] {r.text[:110]!r}")
    return out
