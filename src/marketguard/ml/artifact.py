"""The shipped scam model: a compact JSON file and the lean scorer that reads it, without scikit-learn.

Two linear models over binary TF-IDF features, each what a fitted `TfidfVectorizer` + logistic
regression amounts to (per feature its idf and weight, plus an intercept):

- the gate reads word n-grams only (about 30 features in a chat message) and lets a text through when
  its decision value reaches `gate.threshold`, set in training so that every out-of-fold row the main
  model flags at `nudge` passes with a margin;
- the main model reads words and character 4-grams (about 150 features) and is calibrated (Platt).

Most messages are benign and stop at the gate, so the screener pays the main model only for the few
that look like something. Per feature the scorer keeps one complex number, `weight*idf + 1j*idf**2`,
so that a single C-level `sum(map(dict.get, ...))` yields the dot product and the squared l2 norm at once.
No pickle; nothing is executed on load.

    model = ScamModel.load(path)          # or default_model(), the packaged one, loaded once per process
    model.probability("Top up 100 USDT to unlock tasks")     # 0.99; 0.0 when the gate stops the text
    model.score(text).top                 # (('usdt', 0.17), ('unlock', 0.12), ...)
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

from marketguard.errors import ConfigError
from marketguard.ml.features import WORD_MARK, char_features, display, feature_set, prepare, word_features

FORMAT = "marketguard.scam-model/3"
"""3: digit runs are shape tokens (`features.shape_digits`); a /2 file was trained on digits as `0`."""
ARTIFACT_NAME = "scam_model.json.gz"
MANIFEST_NAME = "scam_model.manifest.json"


@dataclass(frozen=True, slots=True)
class Score:
    """A calibrated probability, whether the gate let the text through, and the n-grams behind the score."""

    probability: float
    raw: float
    gated: bool
    top: tuple[tuple[str, float], ...]


class _Linear:
    """One exported TF-IDF + logistic regression: raw(text features) = w·x / |x| + b."""

    def __init__(self, part: dict[str, Any], name: str) -> None:
        try:
            features: list[str] = part["features"]
            idf: list[float] = part["idf"]
            coef: list[float] = part["coef"]
            self.intercept = float(part["intercept"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"scam model file: {name} is incomplete ({exc!r})") from None
        if not len(features) == len(idf) == len(coef):
            raise ConfigError(f"scam model file: {name} features, idf and coef differ in length")
        self.table: dict[str, complex] = {f: complex(c * i, i * i) for f, i, c in zip(features, idf, coef, strict=True)}

    def raw(self, feats: set[str]) -> float:
        total = sum(map(self.table.get, feats, repeat(0j)))
        if total.imag <= 0.0:
            return self.intercept
        return total.real / math.sqrt(total.imag) + self.intercept

    def contributions(self, feats: set[str]) -> list[tuple[str, float]]:
        """Each present feature's share of the raw score (weight * idf / norm), largest first."""
        hits = [(f, v) for f in feats if (v := self.table.get(f)) is not None]
        norm = math.sqrt(sum(v.imag for _, v in hits)) or 1.0
        return sorted(((f, v.real / norm) for f, v in hits), key=_LARGEST_FIRST)

    def positive_contributions(self, feats: set[str]) -> list[tuple[str, float]]:
        """The contributions above zero, unsorted (an explanation needs only the few largest)."""
        hits = [(f, v) for f in feats if (v := self.table.get(f)) is not None]
        norm = math.sqrt(sum(v.imag for _, v in hits)) or 1.0
        return [p for f, v in hits if (p := (f, v.real / norm))[1] > 0]


Linear = _Linear
"""The exported linear part, public for the other models that share this format (`circ_model.py`)."""


def _LARGEST_FIRST(p: tuple[str, float]) -> tuple[float, str]:
    return (-p[1], p[0])


class ScamModel:
    """Scores scam likelihood from the exported weights; instances are immutable and thread-safe."""

    def __init__(self, payload: dict[str, Any]) -> None:
        if payload.get("format") != FORMAT:
            raise ConfigError(f"not a scam model file (format {payload.get('format')!r}, expected {FORMAT!r})")
        try:
            self.main = _Linear(payload["main"], "main")
            self.gate = _Linear(payload["gate"], "gate")
            self.gate_threshold = float(payload["gate"]["threshold"])
            self.cal_a = float(payload["calibration"]["a"])
            self.cal_b = float(payload["calibration"]["b"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"scam model file is incomplete: {exc!r}") from None
        self.version: str = str(payload.get("version", "?"))
        self.thresholds: dict[str, float] = {k: float(v) for k, v in payload.get("thresholds", {}).items()}
        # The gate read as the circumvention model reads its own: bare-word and `(word, word)` keys over the bytes
        # tokenizer, so no feature string is built for the ~95 % of chat the gate stops (`assess`). Imported
        # here: `circ_model` imports this module.
        from marketguard.ml.circ_model import _SplitLinear, gate_words, word_grams

        self._split_gate = _SplitLinear(self.gate, utf8=True)
        self._gate_words = gate_words
        self._word_grams = word_grams

    @classmethod
    def load(cls, path: str | Path) -> ScamModel:
        """Read a model file (gzip'd JSON); a missing or malformed file is a `ConfigError` naming it."""
        return cls(read_payload(path, "scam model"))

    def __len__(self) -> int:
        return len(self.main.table)

    def passes_gate(self, text: str) -> bool:
        return self.gate.raw(feature_set(text, chars=False)) >= self.gate_threshold

    def ungated_probability(self, text: str) -> float:
        """The main model's calibrated probability, whatever the gate says (evaluation uses it)."""
        return self.calibrate(self.main.raw(feature_set(text)))

    def probability(self, text: str) -> float:
        """The calibrated probability; 0.0 for a text the gate stops (the fast path for benign traffic)."""
        if not self.passes_gate(text):
            return 0.0
        return self.ungated_probability(text)

    def score(self, text: str, top: int = 3) -> Score:
        """Probability and the `top` word n-grams (character n-grams if no word helped) behind it."""
        low = prepare(text)
        words = word_features(low)
        gated = self.gate.raw(words) < self.gate_threshold
        return self._explain(words | char_features(low), gated, top)

    def assess(self, text: str, floor: float, top: int = 3) -> Score | None:
        """The detector's path: None below `floor` (or stopped by the gate), else the explained score.

        The gate reads the words without building feature strings (the same features and weights as
        `self.gate.raw(word_features(prepare(text)))`; only the order of the floating-point sum differs, 1e-16
        relative): most texts stop there. The main model reads the feature set exactly as before."""
        gate = self._split_gate
        if gate.raw(gate.total(self._word_grams(self._gate_words(text)))) < self.gate_threshold:
            return None
        low = prepare(text)
        feats = word_features(low) | char_features(low)
        raw = self.main.raw(feats)
        if self.calibrate(raw) < floor:
            return None
        return self._explain(feats, False, top, raw)  # the same raw: the same set summed in the same order

    def _explain(self, feats: set[str], gated: bool, top: int, raw: float | None = None) -> Score:
        if raw is None:
            raw = self.main.raw(feats)
        parts = self.main.positive_contributions(feats)
        words = [p for p in parts if p[0].startswith(WORD_MARK)]
        chosen = heapq.nsmallest(top, words or parts, key=_LARGEST_FIRST)  # = sorted(...)[:top]: the keys are unique
        probability = 0.0 if gated else self.calibrate(raw)
        return Score(probability, raw, gated, tuple((display(f), round(c, 4)) for f, c in chosen))

    def calibrate(self, raw: float) -> float:
        return platt(self.cal_a, self.cal_b, raw)


def read_payload(path: str | Path, what: str) -> dict[str, Any]:
    """A model file's JSON object (gzip'd); unreadable or not an object is a `ConfigError` naming `what` and file."""
    try:
        with gzip.open(path, "rb") as fh:
            payload = json.loads(fh.read())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc}") from None
    if not isinstance(payload, dict):
        raise ConfigError(f"cannot read {what} {path}: not a JSON object")
    return payload


def platt(a: float, b: float, raw: float) -> float:
    """Platt scaling: the calibrated probability of a raw decision value (0 where `exp` would overflow)."""
    z = a * raw + b
    return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def packaged_path() -> Path:
    """Where the model shipped inside the package lives."""
    return Path(str(resources.files("marketguard") / "models" / ARTIFACT_NAME))


@lru_cache(maxsize=1)
def default_model() -> ScamModel:
    """The packaged model, read once per process and shared by every screener."""
    return ScamModel.load(packaged_path())
