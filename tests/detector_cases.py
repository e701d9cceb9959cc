"""Helpers for the per-detector tests: load a detector's YAML fixtures and check one case.

A module with its own name (not `conftest`): several test folders have a conftest.py of their own, and
`from conftest import ...` would pick whichever was imported first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from marketguard.core.detectors.base import Detector, DetectorConfig, Finding
from marketguard.core.text.normalize import Document

FIXTURES = Path(__file__).parent / "fixtures"


def load_detector_fixtures(detector_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / "detectors" / f"{detector_id}.yaml").read_text("utf-8"))
    return data


def run_detector(cls: type[Detector], text: str, region: str | None = None) -> list[Finding]:
    return cls(DetectorConfig()).detect(Document(text, region))


def fixture_cases(detector_id: str) -> tuple[list[Any], list[Any]]:
    data = load_detector_fixtures(detector_id)
    positives = [pytest.param(case, id=str(case["text"])[:40]) for case in data.get("match", [])]
    negatives = [pytest.param(text, id=str(text)[:40]) for text in data.get("no_match", [])]
    return positives, negatives


def check_positive(cls: type[Detector], case: dict[str, Any]) -> None:
    """The detector finds the case: right kind, value and span when the fixture names them."""
    text = case["text"]
    findings = [f for f in run_detector(cls, text, case.get("region")) if f.score >= case.get("min_score", 0.6)]
    assert findings, f"nothing found in {text!r}"
    if "kind" in case:
        findings = [f for f in findings if f.kind == case["kind"]]
        assert findings, f"no {case['kind']} in {text!r}"
    if "value" in case:
        values = [f.value for f in findings]
        assert case["value"] in values, f"{case['value']!r} not in {values}"
    if "span" in case:
        spans = [text[f.start : f.end] for f in findings]
        assert case["span"] in spans, f"{case['span']!r} not in {spans}"


def check_negative(cls: type[Detector], text: str) -> None:
    findings = [f for f in run_detector(cls, text) if f.score >= 0.6 and not f.allowed_by]
    assert not findings, f"unexpected in {text!r}: {[(f.kind, text[f.start : f.end], f.score) for f in findings]}"
