"""The circumvention development sets stay where their last round left them.

`eval/langs.jsonl` (the long-tail languages, written from the concepts of issue 3 by the langcirc round, see
eval/README.md) is a development set: its rules were tuned on it, so these are floors that catch a regression, not
a measure of generalisation. So is `eval/langs2.jsonl` (Japanese, Chinese, Korean, Thai, Bengali, Urdu, Persian,
Swahili, Malay and Devanagari Hindi, written by the langcirc2 round before its changes; see eval/LANGS2.md). Benign
messages first: none of them may be flagged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marketguard.evaluation import evaluate

EVAL = Path(__file__).resolve().parents[1] / "eval"

FLOORS = {
    # set: (benign flagged at most, contact recall, payment recall, contact precision, payment precision)
    "langs.jsonl": (0, 0.97, 0.98, 0.95, 0.98),
    # its six contact misses are Hausa and Amharic (not read), Thai digit words and Japanese kana digits
    "langs2.jsonl": (0, 0.93, 0.98, 0.98, 0.98),
    # tuned in the holdout11 round (HOLDOUT11-ROUND.md); its one benign flag is a request to move to WhatsApp that the
    # set labels benign, and the precision floors leave room for the three label disagreements it lists
    "holdout11.jsonl": (1, 0.94, 0.98, 0.98, 0.96),
    # tuned in the holdout12 round (HOLDOUT12-ROUND.md); its nine contact misses are split fragments, pointers,
    # underscored digits, a spelled test host and a recruiter's ad read as a scam; its one payment miss a Binance Pay
    # id named without a payment word
    "holdout12.jsonl": (0, 0.95, 0.98, 0.99, 0.99),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_set_holds_its_figures(name: str) -> None:
    benign_max, contact_r, payment_r, contact_p, payment_p = FLOORS[name]
    with (EVAL / name).open("rb") as lines:
        report = evaluate(lines)
    assert report.benign_flagged <= benign_max, f"{name}: {report.benign_flagged}/{report.benign} benign flagged"
    contact, payment = report.families["contact"], report.families["payment"]
    assert contact.recall >= contact_r and payment.recall >= payment_r, (contact.recall, payment.recall)
    assert contact.precision >= contact_p and payment.precision >= payment_p, (contact.precision, payment.precision)


def test_every_language_of_the_long_tail_is_in_the_set() -> None:
    """The first eight languages with about 25 lines each, positive and benign; vi, uk, ro with fewer."""
    import json

    rows = [json.loads(line) for line in (EVAL / "langs.jsonl").read_text(encoding="utf-8").splitlines()]
    for lang in ("it", "pl", "tr", "id", "tl-en", "hi-en", "ar", "nl"):
        mine = [r for r in rows if r["lang"] == lang]
        assert len(mine) >= 24, lang
        assert any(r["labels"] for r in mine) and any(not r["labels"] for r in mine), lang


def test_every_language_of_langs2_is_in_the_set() -> None:
    """The languages of the langcirc2 round, each with positives and benign look-alikes."""
    import json

    rows = [json.loads(line) for line in (EVAL / "langs2.jsonl").read_text(encoding="utf-8").splitlines()]
    for lang in ("ja", "zh", "zh-hant", "ko", "th", "bn", "ur", "ur-la", "sw", "fa", "ms", "hi-dv"):
        mine = [r for r in rows if r["lang"] == lang]
        assert len(mine) >= 12, lang
        assert any(r["labels"] for r in mine) and any(not r["labels"] for r in mine), lang
