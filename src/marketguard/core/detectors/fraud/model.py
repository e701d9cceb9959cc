"""The trained scam model as a detector: one signal per text whose scam probability passes a low floor.

The signal spans the text the model read, scores the calibrated probability, and its reason names the
n-grams that pushed the score up most, so a reviewer sees why ("'usdt' +0.41, 'unlock' +0.22"). The policy
decides what a probability means (`nudge` when middling, `review` when clear); the model's recommended
thresholds ride along in the reason. The weights come from the packaged artifact (`marketguard train scam`),
read once per process; scoring needs no scikit-learn.
"""

from __future__ import annotations

from itertools import islice

from marketguard.core.detectors.base import Detector, DetectorConfig, DetectorInfo, Finding
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import Document
from marketguard.ml.artifact import ScamModel, default_model
from marketguard.ml.features import MAX_CHARS

FLOOR = 0.2
"""Below this probability the model says nothing: a signal is worth a reader's time only above it."""

MIN_WORDS = 5
"""The model learnt from sentences, and from SMS spam where a long number means "call this premium line": on a
text of fewer words than this ("1200", "Pedido nº 2024-00873 entregue") its score is digit shapes, not meaning."""

_WORDS = lazy_compile(r"[^\W\d_]{2,}")


class ScamModelDetector(Detector):
    info = DetectorInfo(
        id="scam.model",
        family="scam",
        kinds=("scam.model",),
        version="1.0.0",
        description="Scam likelihood of a message or job post from the trained n-gram model (models/scam_model).",
        cost="moderate",
    )

    def __init__(self, config: DetectorConfig, model: ScamModel | None = None, floor: float = FLOOR) -> None:
        super().__init__(config)
        self.model = model or default_model()
        self.floor = floor

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.clean  # the same view the model was trained on: homoglyphs and invisibles undone
        text = view.text
        if sum(1 for _ in islice(_WORDS.finditer(text, 0, MAX_CHARS), MIN_WORDS)) < MIN_WORDS:
            return []  # counted up to MIN_WORDS only: most texts have many more, and a list of them all costs
        score = self.model.assess(text, self.floor)  # gate first; explained only when it speaks
        if score is None:
            return []
        start, end = view.span(0, min(len(text), MAX_CHARS)) if text else (0, 0)
        cues = ", ".join(f"{name!r} +{weight:.2f}" for name, weight in score.top) or "no single n-gram stands out"
        marks = ", ".join(f"{k} >= {v:.2f}" for k, v in sorted(self.model.thresholds.items()))
        return [
            Finding(
                kind="scam.model",
                score=score.probability,
                start=start,
                end=end,
                value=f"p={score.probability:.3f}",
                soft=True,
                reason=f"scam model {self.model.version}: p={score.probability:.2f} ({marks}); top n-grams: {cues}",
            )
        ]
