"""The atom-gated phrase prefilter gives exactly the candidates of the sets it stands before.

`AtomGatedPrefilter` skips a phrase table's RE2 sets when RE2's FilteredRE2 says no phrase can match; the
soundness rests on RE2's contract for potential matches, and these tests hold it to the answer of the plain
`Prefilter` on every line of the dev sets (each normalised view the detectors read), on the speed corpus's
texts and on generated text built from the phrases' own words.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.detectors.contact.request import ContactRequestDetector
from marketguard.core.detectors.pattern import PHRASE_SETS, PhraseDetector
from marketguard.core.detectors.payment.offplatform import OffPlatformPaymentDetector
from marketguard.core.text.atoms import AtomGatedPrefilter
from marketguard.core.text.normalize import Document
from marketguard.core.text.prefilter import Prefilter

ROOT = Path(__file__).resolve().parents[3]
_DEV_SETS = [
    "eval/dev.jsonl",
    "eval/test.jsonl",
    "eval/langs.jsonl",
    "eval/holdout.jsonl",
    *(f"eval/holdout{n}.jsonl" for n in range(2, 11)),
    "eval/fraud/messages.dev.jsonl",
    "eval/fraud/messages.test.jsonl",
    "eval/fraud/messages.test2.jsonl",
    "eval/fraud/messages.langs.jsonl",
    "eval/fraud/messages.langs2.jsonl",
    "eval/fraud/benign.test.jsonl",
]
"""Dev sets named one by one: the blind sets are never read here."""

_TABLES: list[type[PhraseDetector]] = [ContactRequestDetector, OffPlatformPaymentDetector]


def _pair(table: type[PhraseDetector]) -> tuple[AtomGatedPrefilter, Prefilter]:
    regexes = [p.regex for p in table.phrases]
    gated = AtomGatedPrefilter(regexes, case_sensitive=True, split=PHRASE_SETS, ordered=True)
    return gated, Prefilter(regexes, case_sensitive=True, split=PHRASE_SETS, ordered=True)


@pytest.fixture(scope="module")
def pairs() -> list[tuple[AtomGatedPrefilter, Prefilter]]:
    return [_pair(table) for table in _TABLES]


def _dev_texts() -> list[str]:
    texts: list[str] = []
    for name in _DEV_SETS:
        path = ROOT / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    texts.append(text)
    return texts


def test_same_candidates_on_every_dev_line(pairs: list[tuple[AtomGatedPrefilter, Prefilter]]) -> None:
    texts = _dev_texts()
    assert len(texts) > 3000
    skipped = 0
    for text in texts:
        doc = Document(text)
        for view in {doc.clean.text, doc.plain.text}:
            for gated, full in pairs:
                expected = full.candidates(view)
                assert gated.candidates(view) == expected, view
                skipped += gated._potentials(view.encode("utf-8", "surrogatepass"), True) == sorted(gated._always)
    assert skipped > 0  # the gate did say no somewhere, so both of its paths were compared


def test_same_candidates_on_the_speed_corpus(pairs: list[tuple[AtomGatedPrefilter, Prefilter]]) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus  # bench/corpus.py: the realistic chat of the speed figures
    finally:
        sys.path.remove(str(ROOT / "bench"))
    for sample in corpus.build_corpus(1500, seed=11):
        view = Document(sample.text).plain.text
        for gated, full in pairs:
            assert gated.candidates(view) == full.candidates(view)


def _words() -> list[str]:
    """Literal words of the phrases (and a few everyday ones): generated text that reaches the atoms."""
    found: set[str] = {"pay", "me", "the", "outside", "number", "whatsapp", "your", "send", "hi", "ok"}
    for table in _TABLES:
        for phrase in table.phrases:
            found.update(w for w in re.findall(r"[^\W\d_]{2,}", phrase.regex) if w not in {"pL", "pN", "s"})
    return sorted(found)


_WORDS = _words()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(alphabet="abcdeilmnoprstuwy .,:@$0123456789'", max_size=6)),
        max_size=14,
    ),
    st.sampled_from([" ", "  ", "", ": ", "\n"]),
)
def test_same_candidates_on_generated_text(parts: list[str], sep: str) -> None:
    text = sep.join(parts).lower()
    for gated, full in _PAIRS:
        assert gated.candidates(text) == full.candidates(text)


_PAIRS = [_pair(table) for table in _TABLES]


def test_a_benign_text_skips_the_sets() -> None:
    gated, _ = _pair(OffPlatformPaymentDetector)  # every phrase of this table has atoms
    assert not gated._always
    calls: list[str] = []

    class Counting:
        def candidates(self, text: str) -> list[int]:
            calls.append(text)
            return []

    gated._full = Counting()  # type: ignore[assignment]
    assert gated.candidates("i pushed the fix to the staging branch, can you review it tomorrow?") == []
    assert calls == []
    assert gated.candidates("pay me on paypal instead") == []  # the stub answers: the sets were asked
    assert calls == ["pay me on paypal instead"]
