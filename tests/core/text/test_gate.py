"""The shared gate answers exactly what each hint would, scans a document once, and grows safely."""

from __future__ import annotations

import re
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.detectors.base import DetectorConfig
from marketguard.core.detectors.contact.request import ContactRequestDetector
from marketguard.core.detectors.payment.offplatform import OffPlatformPaymentDetector
from marketguard.core.text.gate import Gate
from marketguard.core.text.normalize import Document
from marketguard.core.text.prefilter import Hint

_PATTERNS = [
    r"(?<!\w)(?:paypal|wise)(?!\w)",
    r"gmail|yahoo",
    r"[a-z0-9]\.[a-z]{2}",
    r"\bat\b",
    r"(?<![^\W\d_])(?:four|cinco)(?![^\W\d_])",
]


def test_gate_hints_agree_with_single_hints() -> None:
    gate = Gate("plain")
    hints = [(gate.hint(p), Hint(p), re.compile(p)) for p in _PATTERNS]
    for text in ["Pay me via PayPal", "jdoe at gmail", "see acme.io", "four one five", "nothing here", ""]:
        doc = Document(text)
        for in_gate, alone, exact in hints:
            assert in_gate(doc) == alone(doc.plain.text)
            if exact.search(doc.plain.text):
                assert in_gate(doc)  # widening may add, never lose


def test_one_scan_per_document_and_late_patterns_rescan() -> None:
    gate = Gate("plain")
    rail = gate.hint(r"paypal")
    doc = Document("paypal or zelle")
    assert rail(doc)
    first = gate.matches(doc)
    assert gate.matches(doc) is first  # remembered on the document
    zelle = gate.hint(r"zelle")  # registered after the first scan: the next question rescans
    assert zelle(doc) and rail(doc)
    assert gate.add(r"paypal") == rail.index  # the same pattern is one entry


def test_phrase_detectors_in_the_gate_find_what_their_own_prefilter_finds() -> None:
    texts = [
        "what's your email? let's skip the fee and pay directly",
        "send me your number, I'll pay you outside the platform",
        "the rest outside, first milestone here",
        "no contact here, just a logo brief",
    ]
    for cls in (ContactRequestDetector, OffPlatformPaymentDetector):
        detector = cls(DetectorConfig())
        for text in texts:
            doc = Document(text)
            found = detector.detect(doc)
            exact = {(p.name, m.span()) for p in detector.phrases for m in re.finditer(p.regex, doc.plain.text)}
            assert len([f for f in found if f.kind != "payment.rail" and f.kind != "payment.amount"]) == len(exact)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("paylwisegmo4fur .@ioat")), max_size=60))
def test_gate_never_says_no_where_the_pattern_matches(text: str) -> None:
    gate = Gate("plain")
    hints = [(gate.hint(p), re.compile(p)) for p in _PATTERNS]
    doc = Document(text)
    for hint, exact in hints:
        if exact.search(doc.plain.text):
            assert hint(doc)


def test_every_gate_of_the_package_compiles(package_modules: list[ModuleType]) -> None:
    """`Gate.add` does not compile its pattern (start-up); a pattern RE2 refuses must still fail here, before
    release, and not on a user's first message. Every gate a module of the package holds is compiled whole."""
    gates = {
        id(value): value
        for module in package_modules
        for value in vars(module).values()
        if isinstance(value, Gate)
    }
    assert gates, "no gate found"
    for gate in gates.values():
        assert gate.scan("warm-up text: jdoe at gmail dot com") is not None  # compiles the whole set
