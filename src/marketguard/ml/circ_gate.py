"""The circumvention model's unigram COUNT gate: the cheap first look every message pays for.

The TF-IDF 1-2-gram gate cost ~99k instructions per message (bytes words, a set of unigrams and bigram tuples, its
look-ups, the l2 norm): 18 % of the contact+payment rule path by itself (docs/model.md, "A cheaper gate"). This one
is a logistic regression on the *counts* of `\\w+` tokens (lower-cased, every ASCII digit `0`), with no TF-IDF and no
norm, so its run-time score is `sum(map(table.get, words, zeros)) + intercept` over one `bytes.translate(...).split()`:
one C-level pass, no set, no tuples, no digit regex.

Its threshold counts only the out-of-fold rows a family model flags that are positive (`positive_only`): with the
old rule a few flagged benign rows with very low gate scores pulled the threshold down until ~42 % of benign chat
passed; counting the positives alone lets ~10 % through and stops at most `gate_loss` of the positives it should
not.

    words = count_words(text)                  # b"call", b"me", b"on", b"0000", ...
    gate = CountGate(payload["gate"]); gate.score(text) >= gate.threshold
"""

from __future__ import annotations

import re
import string
from itertools import repeat
from typing import Any

from marketguard.ml.features import MAX_CHARS

KIND = "count-unigram"

_TABLE = bytes(
    c + 32
    if chr(c) in string.ascii_uppercase
    else ord("0")
    if chr(c) in string.digits
    else c
    if chr(c) in string.ascii_lowercase + "_"
    else 32
    for c in range(256)
)
"""Bytes table: `A-Z` lower-cased, digits to `0`, `a-z` and `_` kept, every other byte a space."""
_DIGITS_TO_ZERO = str.maketrans(string.digits, "0" * 10)
_WORDS = re.compile(r"\w+")  # one character class: linear


def count_words(text: str) -> list[bytes]:
    """The gate's tokens of `text[:MAX_CHARS]` as UTF-8 bytes: `\\w+` runs, lower-cased, ASCII digits as `0`.

    An ASCII text (nearly all chat) is one `bytes.translate` and one `split`; any other text takes the regex over
    the same mapping (for ASCII the two agree: ASCII `\\w` is `[A-Za-z0-9_]`; `tests/ml/test_circ.py` pins them)."""
    head = text[:MAX_CHARS]
    if head.isascii():
        return head.encode("ascii").translate(_TABLE).split()
    return [w.encode() for w in _WORDS.findall(head.lower().translate(_DIGITS_TO_ZERO))]


def _analyzer(text: str) -> list[str]:
    return [w.decode() for w in count_words(text)]


def fit_count_gate(texts: list[str], y: Any, w: Any, C: float, min_df: int, seed: int, max_iter: int) -> Any:
    """Counts (not binary, no idf, no norm) + liblinear logistic regression, balanced classes.

    numpy and scikit-learn are imported here, not at the top: the screener imports this module at start-up (the
    count gate's run-time scorer below needs neither), and numpy alone cost every CLI start ~65 ms."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    vec = CountVectorizer(analyzer=_analyzer, min_df=min_df, dtype=np.float64)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=max_iter, solver="liblinear", random_state=seed)
    pipe = make_pipeline(vec, clf)
    pipe.fit(texts, y, logisticregression__sample_weight=w)
    return pipe


def export_count_gate(pipe: Any, threshold: float) -> dict[str, Any]:
    """The gate's part of the artifact: every token with a non-zero weight, rounded to 6 significant digits."""
    vec, clf = pipe.steps[0][1], pipe.steps[1][1]
    names, coef = vec.get_feature_names_out(), clf.coef_[0]
    kept = [(str(n), float(f"{float(c):.6g}")) for n, c in zip(names, coef, strict=True) if float(f"{float(c):.6g}")]
    return {
        "kind": KIND,
        "intercept": float(f"{float(clf.intercept_[0]):.6g}"),
        "features": [n for n, _ in kept],
        "coef": [c for _, c in kept],
        "threshold": float(f"{threshold:.6g}"),
    }


class CountGate:
    """Run-time scorer of an exported count gate: no scikit-learn, no feature strings."""

    __slots__ = ("intercept", "table", "threshold")

    def __init__(self, part: dict[str, Any]) -> None:
        self.intercept = float(part["intercept"])
        self.threshold = float(part["threshold"])
        self.table: dict[bytes, float] = {
            str(n).encode(): float(c) for n, c in zip(part["features"], part["coef"], strict=True)
        }

    def score(self, text: str) -> float:
        """The decision value: each token's weight times its count, plus the intercept (a repeated word adds again)."""
        return sum(map(self.table.get, count_words(text), repeat(0.0))) + self.intercept

    def passes(self, text: str) -> bool:
        return self.score(text) >= self.threshold
