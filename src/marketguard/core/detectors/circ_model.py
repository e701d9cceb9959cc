"""The trained circumvention model as two detectors: `contact.model` and `payment.model`.

Each emits at most one soft finding per message, of the kind the rules use for words about contact or payment
(`contact.request`, `payment.offplatform`), so the policy decides on it as on any such signal. The finding's score
is the model's calibrated probability of the best sentence, its span is that sentence, and its reason names the
model; it is emitted only when the probability reaches the threshold the training chose on out-of-fold scores
(`ml/circ_train.py`). Both read one packaged artifact, loaded once per process, and share its gate and one
scoring per text (`CircModel.assess`). They are registered but OFF by default (`DEFAULT_ON`, the one line to
flip once the blind sets are measured: docs/model.md, "The circumvention model"); switch them on with
`detectors: {enabled: [contact.model, payment.model]}` and off again like any detector (`disabled`).
"""

from __future__ import annotations

from typing import ClassVar

from marketguard.core.detectors.base import Detector, DetectorConfig, DetectorInfo, Finding
from marketguard.core.text.normalize import Document
from marketguard.ml.circ_model import CircModel, default_circ_model

DEFAULT_ON = False
"""THE switch: `True` runs both detectors in every screener unless configuration disables them (docs/model.md,
"The circumvention model, retrained on holdout7-9"). The lead flips it after measuring the blind sets."""


class _CircModelDetector(Detector):
    family: ClassVar[str]
    kind: ClassVar[str]
    model: ClassVar[CircModel | None] = None
    """A model to use instead of the packaged one (experiments and tests set it on a subclass)."""

    def __init__(self, config: DetectorConfig) -> None:
        super().__init__(config)
        self._model = type(self).model or default_circ_model()

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.clean  # the view the model was trained on: homoglyphs, invisibles and spaced letters undone
        hit = self._model.assess(view.text).get(self.family)
        if hit is None:
            return []
        p, s, e = hit
        start, end = view.span(s, e)
        threshold = self._model.thresholds[self.family]
        return [
            Finding(
                kind=self.kind,
                score=round(p, 4),
                start=start,
                end=end,
                value=None,
                soft=True,
                reason=f"circumvention model {self._model.version} ({self.family}): p={p:.2f} >= {threshold:.2f}",
            )
        ]


class ContactModelDetector(_CircModelDetector):
    info = DetectorInfo(
        id="contact.model",
        family="contact",
        kinds=("contact.request",),
        version="1.0.0",
        description="Indirect requests to move the conversation off the platform (the trained circumvention model).",
        cost="moderate",
        default_on=DEFAULT_ON,
    )
    family = "contact"
    kind = "contact.request"


class PaymentModelDetector(_CircModelDetector):
    info = DetectorInfo(
        id="payment.model",
        family="payment",
        kinds=("payment.offplatform",),
        version="1.0.0",
        description="Indirect offers to pay or be paid outside the platform (the trained circumvention model).",
        cost="moderate",
        default_on=DEFAULT_ON,
    )
    family = "payment"
    kind = "payment.offplatform"
