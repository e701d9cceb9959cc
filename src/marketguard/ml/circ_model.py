"""The circumvention model: a learnt second opinion on contact requests and off-platform payment (issue 3).

The rules and lexicons (`core/detectors/contact`, `payment`) find what someone wrote a rule for; this model scores
the indirect phrasings nobody did ("can we continue this somewhere a bit less formal", "let's settle the rest
between us"). It is the scam model's machinery (`artifact.py`, `features.py`), three linear parts in one file:

- a words-only **gate** (label: contact or payment) run on the whole message: most chat stops here, so the
  screener pays the main models only for the few messages that talk about reaching someone or paying them;
- a **contact** and a **payment** model (words and character 4-grams, Platt-calibrated) run on each sentence of a
  message the gate let through, so a signal's span is the sentence that scored.

Thresholds are chosen on out-of-fold scores of the training rows only (`ml/circ_train.py`). No pickle, no
scikit-learn at run time.

    model = default_circ_model()
    model.assess(text)       # {"contact": (0.93, 0, 41)} : family -> (probability, start, end) in `text`
"""

from __future__ import annotations

import math
import re
import string
from functools import lru_cache
from importlib import resources
from itertools import compress, pairwise, repeat
from pathlib import Path
from typing import Any

from marketguard.core.text.lazy import lazy_compile
from marketguard.errors import ConfigError
from marketguard.ml.artifact import Linear, platt, read_payload
from marketguard.ml.circ_gate import KIND as COUNT_GATE
from marketguard.ml.circ_gate import CountGate
from marketguard.ml.features import (
    LONG_SHAPE,
    MAX_CHARS,
    SHAPES,
    WORD,
    WORD_MARK,
    char_features,
    prepare,
    shape_digits,
    word_features,
)

FORMAT = "marketguard.circ-model/1"
ARTIFACT_NAME = "circ_model.json.gz"
MANIFEST_NAME = "circ_model.manifest.json"
FAMILIES = ("contact", "payment")

SENTENCE = lazy_compile(r"[^.!?\n;]+[.!?;]*")
"""A sentence: a run up to and including its end marks. Linear (one character class, then a bounded suffix)."""

Assessment = dict[str, tuple[float, int, int]]


class _SplitLinear:
    """One exported linear part with its table split by feature kind, so no feature string is built to look it up.

    `Linear.raw(word_features(low) | char_features(low))` builds a marked string per word ("\\x00" + word) and
    two per bigram (`" ".join`, then the mark) only to hash them: two thirds of the gate's word-feature cost on
    chat. Here the unigrams are keyed by the bare word and the bigrams by the `(word, word)` tuple that `pairwise`
    yields, so the words `\\w\\w+` found are looked up as they are. The same features, the same weights: only
    the order of the floating-point sum differs (1e-16 relative; `tests/ml/test_circ.py` checks the packaged
    model against `Linear` on its own phrases).
    """

    __slots__ = ("chars", "intercept", "words")

    def __init__(self, linear: Linear, *, utf8: bool = False) -> None:
        """`utf8`: words keyed by their UTF-8 bytes, for the bytes tokenizer (`gate_words`, `prepared_words`)."""
        self.intercept = linear.intercept
        self.words: dict[Any, complex] = {}
        """Unigrams by word, bigrams by `(word, word)`: one table, so one set and one sum per text."""
        self.chars: dict[str, complex] = {}
        for feature, value in linear.table.items():
            if not feature.startswith(WORD_MARK):
                self.chars[feature] = value
                continue
            words = feature[1:].split(" ")  # a word of `\w\w+` holds no space: a bigram has exactly one
            keys = [w.encode() for w in words] if utf8 else words
            self.words[tuple(keys) if len(keys) == 2 else keys[0]] = value

    def total(self, grams: set[Any], chars: set[str] | None = None) -> complex:
        """The features' sum: `weight*idf` (real) and `idf**2` (imaginary) over the distinct n-grams present.

        `grams` is `word_grams(words)`; the sets are built once per text and shared by both family models."""
        zero = repeat(0j)
        out: complex = sum(map(self.words.get, grams, zero))
        if chars is not None:
            out += sum(map(self.chars.get, chars, zero))
        return out

    def raw(self, total: complex) -> float:
        if total.imag <= 0.0:
            return self.intercept
        return total.real / math.sqrt(total.imag) + self.intercept


_ASCII_WORD = bytes(
    c + 32 if chr(c) in string.ascii_uppercase else c if chr(c) in string.ascii_lowercase + string.digits + "_" else 32
    for c in range(256)
)
"""Bytes table: `A-Z` lower-cased, the other characters of ASCII `\\w` kept, everything else a space."""
_ASCII_DIGITS = b"0123456789"
_DIGIT_RUN = re.compile(rb"[0-9]+")  # one character class: linear
_BYTE_SHAPES = tuple(s.encode() for s in (*SHAPES, LONG_SHAPE))
_LONGER_THAN_ONE = (1).__lt__


def _byte_shape(match: re.Match[bytes]) -> bytes:
    return _BYTE_SHAPES[min(match.end() - match.start(), 7)]


def gate_words(text: str) -> list[bytes]:
    """The words of `prepare(text)` in order (`WORD` over it), as UTF-8 bytes: the gate's tokens.

    An ASCII text (nearly all chat) is read as bytes: one `bytes.translate` lower-cases it and turns every
    non-word character into a space, `split` cuts the words, and a bytes regex shapes the digit runs of the few
    words that are not all letters, only when the text has digits. That is
    `WORD.findall(shape_digits(text.lower()))` at two thirds of its instructions (both regexes stepped through
    every character; `tests/ml/test_circ.py` pins the two to each other). Any other text takes that path and
    encodes its words; the spaces `prepare` would collapse are never seen by `\\w\\w+`."""
    head = text[:MAX_CHARS]
    if head.isascii():
        raw = head.encode("ascii").translate(_ASCII_WORD)
        parts = raw.split()
        if len(raw.translate(None, _ASCII_DIGITS)) != len(raw):  # digits only ever sit inside a word: shape those
            parts = [p if p.isalpha() else _DIGIT_RUN.sub(_byte_shape, p) for p in parts]
        return list(compress(parts, map(_LONGER_THAN_ONE, map(len, parts))))
    return [w.encode() for w in WORD.findall(shape_digits(head.lower()))]


def word_grams(words: list[bytes]) -> set[Any]:
    """The distinct unigrams and `(word, word)` bigrams of a text's words: `word_features` without building strings."""
    grams: set[Any] = set(words)
    grams.update(pairwise(words))
    return grams


def prepared_words(low: str) -> list[bytes]:
    """`WORD.findall(low)` of a `prepare`d text as UTF-8 bytes, read as `gate_words` reads an ASCII text."""
    if low.isascii():
        parts = low.encode("ascii").translate(_ASCII_WORD).split()
        return list(compress(parts, map(_LONGER_THAN_ONE, map(len, parts))))
    return [w.encode() for w in WORD.findall(low)]


class CircModel:
    """Scores how likely a message asks to move contact or payment off the platform; immutable, thread-safe."""

    def __init__(self, payload: dict[str, Any]) -> None:
        if payload.get("format") != FORMAT:
            raise ConfigError(f"not a circumvention model file (format {payload.get('format')!r}, expected {FORMAT!r})")
        try:
            count = payload["gate"].get("kind") == COUNT_GATE
            self.gate: Linear | None = None if count else Linear(payload["gate"], "gate")
            """The TF-IDF gate (artifacts before 27 Nov 2026); None when the artifact holds a count gate."""
            self._count_gate = CountGate(payload["gate"]) if count else None
            self.gate_threshold = float(payload["gate"]["threshold"])
            self.models = {f: Linear(payload[f], f) for f in FAMILIES}
            self.calibration = {f: (float(payload[f]["a"]), float(payload[f]["b"])) for f in FAMILIES}
            self.thresholds = {f: float(payload["thresholds"][f]) for f in FAMILIES}
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"circumvention model file is incomplete: {exc!r}") from None
        self._gate = _SplitLinear(self.gate, utf8=True) if self.gate is not None else None
        self._models = [
            (f, _SplitLinear(m, utf8=True), *self.calibration[f], self.thresholds[f]) for f, m in self.models.items()
        ]
        self.version: str = str(payload.get("version", "?"))
        self._last: tuple[str, Assessment] = ("\x00", {})
        """One-slot cache: the contact and payment detectors score the same clean text one after the other."""

    @classmethod
    def load(cls, path: str | Path) -> CircModel:
        return cls(read_payload(path, "circumvention model"))

    def passes_gate(self, text: str) -> bool:
        if self._count_gate is not None:
            return self._count_gate.passes(text)
        assert self._gate is not None
        return self._gate.raw(self._gate.total(word_grams(gate_words(text)))) >= self.gate_threshold

    def probability(self, family: str, text: str) -> float:
        """The calibrated probability of one family on the whole text, whatever the gate says (training, tests)."""
        low = prepare(text)
        return self._calibrate(family, self.models[family].raw(word_features(low) | char_features(low)))

    def assess(self, text: str) -> Assessment:
        """Per family, the best sentence's probability and its span in `text`, when it reaches the threshold.

        Empty when the gate stops the text (most benign chat) or no sentence reaches a family's threshold."""
        last = self._last
        if last[0] is text:
            return last[1]
        out = self._assess(text)
        self._last = (text, out)
        return out

    def _assess(self, text: str) -> Assessment:
        # The same decisions as scoring `word_features(low) | char_features(low)` with `Linear` (the training's
        # features), at two thirds of the instructions (docs/model.md): see `_SplitLinear`; the gate reads words only.
        head = text[:MAX_CHARS]
        count_gate = self._count_gate
        if count_gate is not None:
            if count_gate.score(head) < count_gate.threshold:
                return {}
        else:
            gate = self._gate
            assert gate is not None
            if gate.raw(gate.total(word_grams(gate_words(head)))) < self.gate_threshold:
                return {}
        best: Assessment = {}
        for m in SENTENCE.finditer(head):
            low = prepare(m.group())
            if not low:
                continue
            grams, chars = word_grams(prepared_words(low)), char_features(low)
            for family, model, a, b, threshold in self._models:
                z = a * model.raw(model.total(grams, chars)) + b
                p = 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0
                if p >= threshold and p > best.get(family, (0.0, 0, 0))[0]:
                    start, end = m.span()
                    while end > start and head[end - 1].isspace():
                        end -= 1
                    while start < end and head[start].isspace():
                        start += 1
                    best[family] = (p, start, end)
        return best

    def _calibrate(self, family: str, raw: float) -> float:
        a, b = self.calibration[family]
        return platt(a, b, raw)


def packaged_path() -> Path:
    return Path(str(resources.files("marketguard") / "models" / ARTIFACT_NAME))


@lru_cache(maxsize=1)
def default_circ_model() -> CircModel:
    """The packaged model, read once per process and shared by both detectors."""
    return CircModel.load(packaged_path())
