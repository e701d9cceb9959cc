"""`marketguard train scam`: read the sources, drop the held-out rows, fit, write artifact and manifest.

The manifest, shipped beside the artifact, records which data trained which artifact: every source
file's path, SHA-256 and row counts, the split file's hash, how many rows of each kind were trained on,
the date, the library versions, the seed and every hyper-parameter, and the artifact's own SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from marketguard.datasets import dataset_file
from marketguard.errors import ConfigError
from marketguard.ml.artifact import ARTIFACT_NAME, MANIFEST_NAME
from marketguard.ml.data import (
    FRAUD_DEV_FILES,
    FRAUD_DEV_WEIGHT,
    FRAUD_HELDOUT_FILES,
    FRAUD_SOURCE,
    MARKETPLACE_FILES,
    MARKETPLACE_WEIGHT,
    SPAM_LABELS_FILE,
    TRAIN_SPAM_LABELS_FILE,
    TRAINS_ON_FRAUD_DEV,
    Row,
    dedupe_key,
    fraud_dev_rows,
    is_heldout,
    make_split,
    read_fraud_file,
    read_marketplace,
    read_split,
    read_uci,
    sha256_file,
    train_dir,
)
from marketguard.ml.train import TrainConfig, artifact_bytes, fit

SPLIT_NAME = "splits.json"


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the training data lives; the defaults are the repository's own files."""

    uci: Path
    data_dir: Path
    fraud_dir: Path | None = None
    """The repository's `eval/fraud` folder: its development sets (`fraud_files`) train the model when listed, its
    held-out sets are what those rows are deduplicated against. None, or no `fraud_files`, trains without them."""
    fraud_files: tuple[str, ...] = FRAUD_DEV_FILES
    """Which development sets to train on (`--without` drops some: the leave-one-author-out measure)."""

    @property
    def marketplace(self) -> list[Path]:
        return [self.data_dir / name for name in MARKETPLACE_FILES]

    @property
    def split(self) -> Path:
        return self.data_dir / SPLIT_NAME

    @property
    def spam_labels(self) -> Path:
        """The human scam/marketing labels of the held-out UCI spam (evaluation only, never training)."""
        return self.data_dir / SPAM_LABELS_FILE

    @property
    def train_spam_labels(self) -> Path:
        """The same labels for the training split's UCI spam (the cross-validated estimate only, never training)."""
        return self.data_dir / TRAIN_SPAM_LABELS_FILE

    @property
    def fraud_dev(self) -> list[Path]:
        return [self.fraud_dir / name for name in self.fraud_files] if self.fraud_dir else []

    @property
    def fraud_heldout(self) -> list[Path]:
        return [self.fraud_dir / name for name in FRAUD_HELDOUT_FILES] if self.fraud_dir else []

    def rows(self) -> tuple[list[Row], list[Row]]:
        return read_uci(self.uci), read_marketplace(self.marketplace)

    def fraud_rows(self, trained: list[Row]) -> tuple[list[Row], dict[str, int]]:
        """The development sets' rows, minus every text of a held-out row (the UCI and marketplace split, the held-out
        `eval/fraud` files) and every text already in `trained` or an earlier file."""
        if self.fraud_dir is None or not self.fraud_files:
            return [], {"heldout": 0, "duplicate": 0}
        uci, mp = self.rows()
        split = read_split(self.split)
        held = [r.text for r in (*uci, *mp) if is_heldout(r, split)]
        held += [r.text for path in self.fraud_heldout for r in read_fraud_file(path, "heldout", 1.0)]
        return fraud_dev_rows(
            self.fraud_dir, self.fraud_files, map(dedupe_key, held), (dedupe_key(r.text) for r in trained)
        )


def default_sources(
    uci: Path | None = None, without: tuple[str, ...] = (), dev_sets: bool | None = None
) -> Sources:
    """The repository's data. `dev_sets` trains on the development sets of `eval/fraud` too (default
    `TRAINS_ON_FRAUD_DEV`: the shipped model's recipe); `without` names some of them to leave out."""
    unknown = sorted(set(without) - set(FRAUD_DEV_FILES))
    if unknown:
        known = ", ".join(FRAUD_DEV_FILES)
        raise ConfigError(f"not a development set of eval/fraud: {', '.join(unknown)} (one of {known})")
    if without and dev_sets is False:
        raise ConfigError("--without leaves a development set out of training with --dev-sets only")
    use = TRAINS_ON_FRAUD_DEV if dev_sets is None else dev_sets
    files = tuple(name for name in FRAUD_DEV_FILES if name not in without) if use or without else ()
    return Sources(uci=uci or _find_uci(), data_dir=train_dir(), fraud_dir=find_eval_fraud_dir(), fraud_files=files)


def find_eval_fraud_dir() -> Path | None:
    """The repository's `eval/fraud` folder, looked up from the working directory upward (None outside a checkout)."""
    for base in (Path.cwd(), *Path.cwd().parents):
        if (base / "eval" / "fraud").is_dir():
            return base / "eval" / "fraud"
    return None


def _find_uci() -> Path:
    """The UCI file in the shared data sets (`$MARKETGUARD_DATASETS`, else `shared/datasets` found upward)."""
    return dataset_file("sms_spam", "SMSSpamCollection")


def write_split(sources: Sources, seed: int) -> dict[str, list[str]]:
    """Compute the held-out split and store it (once; later runs only read it)."""
    uci, mp = sources.rows()
    split = make_split(uci, mp, seed)
    sources.split.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    return split


ALL_SOURCES = frozenset({"uci", "marketplace", FRAUD_SOURCE})


def training_rows(sources: Sources, use: frozenset[str] = ALL_SOURCES) -> list[Row]:
    """Every row of the sources in `use` that is not held out (development-set rows deduplicated: `fraud_rows`)."""
    uci, mp = sources.rows()
    split = read_split(sources.split)
    rows = [r for r in (*uci, *mp) if r.source in use and not is_heldout(r, split)]
    if FRAUD_SOURCE in use:
        rows += sources.fraud_rows(rows)[0]
    return rows


def repo_relative(path: Path) -> str:
    """The path as the repository sees it (`src/...`, `../shared/...`), absolute only when neither fits."""
    here = Path.cwd().resolve()
    for base, prefix in ((here, ""), (here.parent, "../")):
        try:
            return prefix + str(path.resolve().relative_to(base))
        except ValueError:
            continue
    return str(path)


def manifest(sources: Sources, rows: list[Row], cfg: TrainConfig, artifact: bytes, today: str) -> dict[str, Any]:
    import numpy
    import sklearn

    uci_all, _ = sources.rows()
    files = [{"path": repo_relative(sources.uci), "sha256": sha256_file(sources.uci), "rows": len(uci_all)}]
    for path in sources.marketplace:
        count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        files.append({"path": repo_relative(path), "sha256": sha256_file(path), "rows": count})
    for path in sources.fraud_dev:
        count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        files.append({"path": repo_relative(path), "sha256": sha256_file(path), "rows": count})
    held = [{"path": repo_relative(p), "sha256": sha256_file(p)} for p in sources.fraud_heldout if p.is_file()]
    trained = Counter(f"{r.source}:{'positive' if r.label else 'negative'}" for r in rows)
    return {
        "artifact": ARTIFACT_NAME,
        "artifact_sha256": hashlib.sha256(artifact).hexdigest(),
        "artifact_bytes": len(artifact),
        "trained_on": today,
        "data": files,
        "split": {"path": repo_relative(sources.split), "sha256": sha256_file(sources.split)},
        "rows_trained": dict(sorted(trained.items())),
        "weights": {"uci": 1.0, "marketplace": MARKETPLACE_WEIGHT, FRAUD_SOURCE: FRAUD_DEV_WEIGHT},
        "deduplicated_against": held,
        "fraud_dev_dropped": sources.fraud_rows([r for r in rows if r.source != FRAUD_SOURCE])[1],
        "seed": cfg.seed,
        "hyperparameters": asdict(cfg),
        "features": {
            "main": "binary TF-IDF, word 1-2-grams + char 4-grams of the clean view, digit runs as shape tokens",
            "gate": "binary TF-IDF, word 1-2-grams of the clean view, digit runs as shape tokens",
        },
        "versions": {"sklearn": sklearn.__version__, "numpy": numpy.__version__, "python": platform.python_version()},
    }


def train_scam(sources: Sources, out_dir: Path, cfg: TrainConfig, today: str | None = None) -> dict[str, Any]:
    """Train on every non-held-out row and write `scam_model.json.gz` and its manifest into `out_dir`."""
    rows = training_rows(sources)
    fitted = fit(rows, cfg)
    blob = artifact_bytes(fitted.payload)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / ARTIFACT_NAME).write_bytes(blob)
    info = manifest(sources, rows, cfg, blob, today or dt.datetime.now(dt.UTC).date().isoformat())
    info["thresholds"] = fitted.payload["thresholds"]
    info["features_kept"] = {
        "main": len(fitted.payload["main"]["features"]),
        "gate": len(fitted.payload["gate"]["features"]),
    }
    info["gate"] = {
        "threshold": fitted.payload["gate"]["threshold"],
        "training_rows_passing": round(fitted.gate_pass_rate, 4),
    }
    (out_dir / MANIFEST_NAME).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return info
