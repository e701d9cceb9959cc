"""The shipped scam model: it loads without scikit-learn, ranks scams above work talk, explains itself,
and survives any text; a broken file is refused with a clear error."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.errors import ConfigError
from marketguard.ml.artifact import MANIFEST_NAME, ScamModel, default_model, packaged_path
from marketguard.ml.train import model_text

SCAMS = [
    "Top up 100 USDT to unlock the next set of tasks, your commission comes back with the deposit.",
    "We will mail you a check, deposit it, keep $400 and send the rest to our equipment vendor.",
    "Kindly message our HR manager on Telegram for the interview, the chat is text only.",
    "URGENT! You have won a £1000 prize. To claim call 09061701461 now.",
    "I'll pay you $1,000 a month to use your account, you don't need to do anything.",
]
BENIGN = [
    "Thanks for the feedback, I'll fix the padding on mobile and push the update tonight.",
    "I submitted the milestone for review, please request changes if anything is off.",
    "Ok lar, see you at the station later",
    "Could you share the brand guidelines? That helps me estimate the hours.",
    "The translation is done, 4,200 words; I kept your glossary terms.",
]


@pytest.fixture(scope="module")
def model() -> ScamModel:
    return default_model()


def test_packaged_model_loads_with_its_manifest(model: ScamModel) -> None:
    assert len(model) > 1000
    assert 0.0 < model.thresholds["nudge"] < model.thresholds["review"] < 1.0
    assert 0.0 < model.thresholds["sms"] < model.thresholds["review"]  # set on SMS ham alone (docs/model.md)
    manifest = json.loads((packaged_path().parent / MANIFEST_NAME).read_text("utf-8"))
    assert manifest["artifact_sha256"] == hashlib.sha256(packaged_path().read_bytes()).hexdigest()
    assert manifest["artifact_bytes"] == packaged_path().stat().st_size < 5_000_000
    assert manifest["thresholds"] == model.thresholds


def test_scams_score_above_every_benign_message(model: ScamModel) -> None:
    scam = [model.probability(model_text(t)) for t in SCAMS]
    benign = [model.probability(model_text(t)) for t in BENIGN]
    assert min(scam) > max(benign), (scam, benign)
    assert all(p >= model.thresholds["nudge"] for p in scam)
    assert all(p < model.thresholds["nudge"] for p in benign)


def test_score_names_the_ngrams_behind_it(model: ScamModel) -> None:
    score = model.score(model_text(SCAMS[0]))
    assert not score.gated and score.probability > 0.9
    names = [name for name, _ in score.top]
    assert "usdt" in names or any("usdt" in n for n in names), names
    assert all(weight > 0 for _, weight in score.top)


def test_gate_stops_plain_chat_and_probability_is_zero_there(model: ScamModel) -> None:
    text = model_text("ok see you tomorrow")
    assert not model.passes_gate(text)
    assert model.probability(text) == 0.0
    assert model.score(text).gated


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_scoring_never_crashes_and_stays_a_probability(text: str) -> None:
    model = default_model()
    p = model.probability(model_text(text))
    assert 0.0 <= p <= 1.0
    score = model.score(text)
    assert 0.0 <= score.probability <= 1.0


def test_empty_and_huge_texts_are_scored(model: ScamModel) -> None:
    assert model.probability("") == 0.0 or 0.0 <= model.probability("") <= 1.0
    assert 0.0 <= model.probability("a" * 1_000_000) <= 1.0  # read on its first MAX_CHARS characters


def _write(path: Path, payload: object) -> Path:
    path.write_bytes(gzip.compress(json.dumps(payload).encode()))
    return path


def test_broken_model_files_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read scam model"):
        ScamModel.load(tmp_path / "missing.json.gz")
    (tmp_path / "junk.gz").write_bytes(b"not gzip")
    with pytest.raises(ConfigError, match="cannot read scam model"):
        ScamModel.load(tmp_path / "junk.gz")
    with pytest.raises(ConfigError, match="not a scam model file"):
        ScamModel.load(_write(tmp_path / "other.json.gz", {"format": "something else"}))
    with pytest.raises(ConfigError, match="not a JSON object"):
        ScamModel.load(_write(tmp_path / "list.json.gz", [1, 2]))
    payload = json.loads(gzip.decompress(packaged_path().read_bytes()))
    payload["main"]["coef"] = payload["main"]["coef"][:-1]
    with pytest.raises(ConfigError, match="differ in length"):
        ScamModel.load(_write(tmp_path / "short.json.gz", payload))
    payload = json.loads(gzip.decompress(packaged_path().read_bytes()))
    del payload["calibration"]
    with pytest.raises(ConfigError, match="incomplete"):
        ScamModel.load(_write(tmp_path / "nocal.json.gz", payload))


def test_assess_is_the_probability_with_a_floor(model: ScamModel) -> None:
    for text in [*SCAMS, *BENIGN]:
        clean = model_text(text)
        p = model.probability(clean)
        found = model.assess(clean, floor=0.2)
        if p < 0.2:
            assert found is None
        else:
            assert found is not None and abs(found.probability - p) < 1e-12 and found.top
