"""Public data as a check on real text: SMS ham for false positives, Presidio's synthetic PII for recall.

The data sets live in ../shared/datasets (read-only, with their provenance in SOURCES.md), or wherever
MARKETGUARD_DATASETS points (a clone outside the usual layout). Without them
these tests skip with the reason; under CI (MARKETGUARD_REQUIRE_SERVICES=1) a missing data set fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marketguard import Screener
from marketguard.datasets import datasets_dir
from needs import need_file

DATASETS = datasets_dir()


def _need(path: Path) -> Path:
    return need_file(path)


def test_sms_ham_is_rarely_flagged() -> None:
    path = _need(DATASETS / "sms_spam" / "SMSSpamCollection")
    screener = Screener()
    ham = [
        line.split("\t", 1)[1]
        for line in path.read_text("utf-8", errors="replace").splitlines()
        if line.startswith("ham\t")
    ]
    flagged = [t for t in ham if screener.screen(t).families(0.6)]
    rate = len(flagged) / len(ham)
    print(f"SMS ham flagged: {len(flagged)}/{len(ham)} = {rate:.2%}")
    assert len(ham) > 4000
    assert rate < 0.015


@pytest.mark.parametrize("name", ["synth_dataset_v2.json", "generated_large.json"])
def test_presidio_synthetic_contacts_are_found(name: str) -> None:
    data = json.loads(_need(DATASETS / "presidio_synthetic" / name).read_text("utf-8"))
    kinds = {"PHONE_NUMBER": "contact.phone", "EMAIL_ADDRESS": "contact.email", "DOMAIN_NAME": "contact.url"}
    found = {k: 0 for k in kinds}
    total = {k: 0 for k in kinds}
    screener = Screener()
    for item in data:
        spans = [s for s in item.get("spans", []) if s["entity_type"] in kinds]
        if not spans:
            continue
        result = screener.screen(item["full_text"])
        for span in spans:
            kind = kinds[span["entity_type"]]
            total[span["entity_type"]] += 1
            if any(
                s.kind == kind and s.start < span["end_position"] and span["start_position"] < s.end
                for s in [*result.signals, *(x.signal for x in result.suppressed)]
            ):
                found[span["entity_type"]] += 1
    print({k: f"{found[k]}/{total[k]}" for k in kinds})
    assert found["EMAIL_ADDRESS"] == total["EMAIL_ADDRESS"]
    assert found["DOMAIN_NAME"] >= 0.95 * total["DOMAIN_NAME"]
    assert found["PHONE_NUMBER"] >= 0.85 * total["PHONE_NUMBER"]
