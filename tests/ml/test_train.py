"""Training: deterministic, honest about its data (manifest hashes, held-out rows never trained on),
and clear about bad input."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from click.testing import CliRunner

from marketguard.adapters.cli.main import app
from marketguard.errors import ConfigError
from marketguard.ml.artifact import MANIFEST_NAME, ScamModel, packaged_path
from marketguard.ml.build import Sources, default_sources, training_rows
from marketguard.ml.data import (
    FRAUD_DEV_FILES,
    FRAUD_DEV_WEIGHT,
    FRAUD_HELDOUT_FILES,
    FRAUD_SOURCE,
    Row,
    dedupe_key,
    fraud_dev_rows,
    is_heldout,
    make_split,
    read_fraud_file,
    read_marketplace,
    read_spam_labels,
    read_split,
    read_uci,
    train_dir,
)
from marketguard.ml.evaluate import by_label, human_labelled, labelled_uci, levels, read_eval_fraud
from marketguard.ml.train import TrainConfig, artifact_bytes, fit, model_text, threshold_at_fpr
from needs import need_file

SOURCES = default_sources()


@pytest.fixture
def uci() -> Path:
    """The UCI SMS Spam Collection beside the repository (skip, or fail in CI, without it)."""
    return need_file(SOURCES.uci, "UCI SMS Spam Collection")


SMALL = TrainConfig(folds=3)


def _small_rows() -> list:
    """A small, fixed training subset: every marketplace training row and a slice of UCI."""
    _, mp = SOURCES.rows()
    split = read_split(SOURCES.split)
    rows = [r for r in mp if not is_heldout(r, split)]
    return rows[:240]


@pytest.mark.usefixtures("uci")
def test_training_twice_gives_the_identical_artifact() -> None:
    rows = _small_rows()
    first = artifact_bytes(fit(rows, SMALL).payload)
    second = artifact_bytes(fit(list(rows), SMALL).payload)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    other_seed = artifact_bytes(fit(rows, TrainConfig(folds=3, seed=7)).payload)
    assert other_seed != first  # the seed is real: it picks the calibration folds


@pytest.mark.usefixtures("uci")
def test_a_small_model_learns_its_rows() -> None:
    rows = _small_rows()
    model = ScamModel(fit(rows, SMALL).payload)
    pos = [model.ungated_probability(model_text(r.text)) for r in rows if r.label]
    neg = [model.ungated_probability(model_text(r.text)) for r in rows if not r.label]
    assert sum(pos) / len(pos) > sum(neg) / len(neg) + 0.3


@pytest.mark.usefixtures("uci")
def test_manifest_hashes_match_the_data_files() -> None:
    manifest = json.loads((packaged_path().parent / MANIFEST_NAME).read_text("utf-8"))
    by_name = {Path(entry["path"]).name: entry for entry in manifest["data"]}
    for path in [SOURCES.uci, *SOURCES.marketplace, *SOURCES.fraud_dev]:
        entry = by_name[path.name]
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), f"{path} changed since training"
        assert entry["rows"] == sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())
    assert manifest["split"]["sha256"] == hashlib.sha256(SOURCES.split.read_bytes()).hexdigest()
    assert sum(manifest["rows_trained"].values()) == len(training_rows(SOURCES))
    assert manifest["seed"] == TrainConfig().seed and manifest["versions"]["sklearn"]


@pytest.mark.usefixtures("uci")
def test_stored_split_is_the_computed_one_and_never_trained_on() -> None:
    uci, mp = SOURCES.rows()
    stored = json.loads(SOURCES.split.read_text("utf-8"))
    assert make_split(uci, mp, TrainConfig().seed) == stored
    held = read_split(SOURCES.split)
    trained = {(r.source, r.ref) for r in training_rows(SOURCES)}
    assert not any((source, ref) in trained for source in ("uci", "marketplace") for ref in held[source])
    spam_share = sum(1 for r in uci if r.ref in held["uci"] and r.label) / len(held["uci"])
    assert abs(spam_share - sum(r.label for r in uci) / len(uci)) < 0.01  # stratified


def test_bad_data_is_an_error_naming_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "uci.txt"
    bad.write_text("ham\tfine\nspam no tab here\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"uci.txt:2"):
        read_uci(bad)
    with pytest.raises(ConfigError, match="cannot read the UCI"):
        read_uci(tmp_path / "missing")
    rows = tmp_path / "mp.jsonl"
    rows.write_text(
        '{"id": "a", "text": "x", "label": "scam", "type": "t"}\n'
        '{"id": "a", "text": "y", "label": "benign", "type": "b"}\n'
    )
    with pytest.raises(ConfigError, match="duplicate id"):
        read_marketplace([rows])
    rows.write_text('{"id": "a", "text": "x", "label": "maybe", "type": "t"}\n')
    with pytest.raises(ConfigError, match="label must be"):
        read_marketplace([rows])
    rows.write_text("not json\n")
    with pytest.raises(ConfigError, match=r"mp.jsonl:1"):
        read_marketplace([rows])


def test_marketplace_data_is_labelled_and_spans_languages() -> None:
    rows = read_marketplace(Sources(uci=SOURCES.uci, data_dir=train_dir()).marketplace)
    types = {r.type for r in rows}
    for kind in (
        "scam.offplatform_interview",
        "scam.fake_check",
        "scam.vendor_purchase",
        "scam.upfront_fee",
        "scam.crypto_task",
        "scam.phishing",
        "scam.identity_harvest",
        "scam.money_mule",
        "scam.free_work",
        "scam.malware",
        "account.rental_offer",
        "account.sale",
        "account.verification_proxy",
        "account.payout_redirect",
        "benign",
        "benign.hard",
    ):
        assert kind in types, kind
    langs = {
        json.loads(line)["lang"]
        for line in (train_dir() / "marketplace_messages.jsonl").read_text("utf-8").splitlines()
    }
    assert {"en", "es", "pt", "fr", "de", "ru"} <= langs


def test_cli_split_refuses_to_overwrite() -> None:
    result = CliRunner().invoke(app, ["train", "split"])
    assert result.exit_code == 2 and "exists" in result.output


def test_cli_trains_into_a_directory_with_its_manifest(tmp_path: Path) -> None:
    uci = tmp_path / "sms.txt"
    lines = [f"ham\tsee you at lunch number {i} ok" for i in range(60)]
    lines += [f"spam\tWINNER! claim your prize {i}, call 09061701461 now" for i in range(20)]
    uci.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["train", "scam", "--out", str(out), "--uci", str(uci)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    blob = (out / "scam_model.json.gz").read_bytes()
    assert manifest["artifact_sha256"] == hashlib.sha256(blob).hexdigest()
    assert manifest["data"][0]["sha256"] == hashlib.sha256(uci.read_bytes()).hexdigest()
    ScamModel.load(out / "scam_model.json.gz")
    missing = CliRunner().invoke(app, ["train", "scam", "--out", str(out), "--uci", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "cannot read the UCI" in missing.output


@pytest.mark.usefixtures("uci")
def test_every_heldout_uci_spam_has_a_human_label_and_nothing_else_does() -> None:
    uci, _ = SOURCES.rows()
    held = read_split(SOURCES.split)["uci"]
    labels = read_spam_labels(SOURCES.spam_labels)
    assert set(labels) == {r.ref for r in uci if r.ref in held and r.label}
    assert set(labels.values()) == {"scam", "marketing"}
    provenance = json.loads(SOURCES.spam_labels.read_text("utf-8"))["source"]
    assert provenance["sha256"] == hashlib.sha256(SOURCES.uci.read_bytes()).hexdigest()


@pytest.mark.usefixtures("uci")
def test_the_training_split_spam_is_labelled_too_and_the_two_files_do_not_overlap() -> None:
    uci, _ = SOURCES.rows()
    held = read_split(SOURCES.split)["uci"]
    train = read_spam_labels(SOURCES.train_spam_labels)
    assert set(train) == {r.ref for r in uci if r.ref not in held and r.label}
    assert not set(train) & set(read_spam_labels(SOURCES.spam_labels))
    provenance = json.loads(SOURCES.train_spam_labels.read_text("utf-8"))["source"]
    assert provenance["sha256"] == hashlib.sha256(SOURCES.uci.read_bytes()).hexdigest()
    rows = labelled_uci(SOURCES)
    assert {r.type for r in rows} == {"ham", "spam.scam", "spam.marketing"}
    assert sum(r.label for r in rows) == sum(r.type != "ham" for r in rows) == 747


def test_the_sms_threshold_is_set_on_the_sms_rows_alone() -> None:
    """Marketplace benign rows that score high must not move the SMS threshold (they moved `nudge`)."""
    ham = [Row("uci", str(i), f"see you at lunch {i} ok", 0, 1.0, "ham") for i in range(60)]
    spam = [Row("uci", str(100 + i), f"WINNER claim your prize {i} call now", 1, 1.0, "spam") for i in range(20)]
    hard = [
        Row("marketplace", f"b{i}", f"claim the prize budget {i} call me about the winner page", 0, 6.0, "benign.hard")
        for i in range(20)
    ]
    rows = ham + spam + hard
    fitted = fit(rows, TrainConfig(folds=3, min_df=1))
    t = fitted.payload["thresholds"]
    y = np.array([r.label for r in rows])
    sms = np.array([r.source == "uci" for r in rows])
    assert t["sms"] == round(threshold_at_fpr(fitted.oof_probability[sms], y[sms], 0.005), 4)
    assert t["nudge"] == round(threshold_at_fpr(fitted.oof_probability, y, 0.01), 4)
    only_mp = fit(hard + [replace(r, source="marketplace") for r in spam], TrainConfig(folds=3, min_df=1))
    assert only_mp.payload["thresholds"]["sms"] == only_mp.payload["thresholds"]["nudge"]  # no SMS rows


def test_spam_labels_are_validated_and_every_heldout_spam_must_have_one(tmp_path: Path) -> None:
    path = tmp_path / "labels.json"
    path.write_text('{"labels": {"3": ["scam", "S1"], "7": ["spammy", "M"]}}', encoding="utf-8")
    with pytest.raises(ConfigError, match="lines 7"):
        read_spam_labels(path)
    path.write_text('{"labels": {"3": ["scam", "S1"], "9": ["marketing", "M"]}}', encoding="utf-8")
    assert read_spam_labels(path) == {"3": "scam", "9": "marketing"}
    rows = [
        Row("uci", "3", "win", 1, 1.0, "spam.scam"),
        Row("uci", "9", "tones", 1, 0.5, "spam.scam"),
        Row("uci", "4", "hi", 0, 1.0, "ham"),
    ]
    assert [r.type for r in human_labelled(rows, path)] == ["spam.scam", "spam.marketing", "ham"]
    with pytest.raises(ConfigError, match="no label for held-out UCI spam lines 5"):
        human_labelled([*rows, Row("uci", "5", "prize", 1, 1.0, "spam.scam")], path)
    with pytest.raises(ConfigError, match="missing"):
        human_labelled(rows, tmp_path / "nope.json")


def test_the_evaluation_never_reads_a_blind_set_nor_a_set_the_model_trained_on(tmp_path: Path) -> None:
    row = '{"id": "%s", "text": "Pay the fee to unlock tasks", "labels": ["scam"], "kinds": ["scam.upfront_fee"]}\n'
    (tmp_path / "messages.test2.jsonl").write_text(row % "t1", encoding="utf-8")
    (tmp_path / "messages.dev.jsonl").write_text(row % "d1", encoding="utf-8")
    (tmp_path / "messages.blind.jsonl").write_text(row % "b1", encoding="utf-8")
    (tmp_path / "messages.blind9.jsonl").write_text(row % "b9", encoding="utf-8")
    assert [r.ref for r in read_eval_fraud(tmp_path)] == ["t1"]  # messages.dev is training data since model 1.4
    assert [r.ref for r in read_eval_fraud(tmp_path, skip=())] == ["d1", "t1"]  # never a blind set


def test_training_reads_only_the_listed_development_sets() -> None:
    """The development sets are an allow-list: no blind set still held out, no held-out file, can be trained on."""
    assert not set(FRAUD_DEV_FILES) & set(FRAUD_HELDOUT_FILES)
    for name in FRAUD_DEV_FILES:
        assert not any(f"blind{n}." in name for n in (7, 8, 9)) and "test2" not in name
    every = default_sources(SOURCES.uci, dev_sets=True)
    assert every.fraud_dir is not None and {p.name for p in every.fraud_dev} == set(FRAUD_DEV_FILES)
    assert not default_sources(SOURCES.uci, dev_sets=False).fraud_rows([])[0]
    with pytest.raises(ConfigError, match="not a development set"):
        default_sources(SOURCES.uci, ("messages.test2.jsonl",))
    without = default_sources(SOURCES.uci, ("messages.blind6.jsonl",))  # --without implies --dev-sets
    assert "messages.blind6.jsonl" not in without.fraud_files and len(without.fraud_files) == len(FRAUD_DEV_FILES) - 1


def test_development_rows_drop_every_heldout_text_and_every_copy(tmp_path: Path) -> None:
    def line(ident: str, text: str, labels: str) -> str:
        return json.dumps({"id": ident, "text": text, "labels": json.loads(labels), "category": "c"}) + "\n"

    (tmp_path / "a.jsonl").write_text(
        line("a1", "Pay the  Fee to unlock tasks", '["scam"]')
        + line("a2", "Held out text, do not train", "[]")
        + line("a3", "Rent me your account", '["account"]'),
        encoding="utf-8",
    )
    (tmp_path / "b.jsonl").write_text(line("b1", "pay the fee to UNLOCK tasks", '["scam"]'), encoding="utf-8")
    post = {"id": "j1", "kind": "job_post", "title": "Data entry", "description": "Apply on Telegram", "labels": []}
    (tmp_path / "b.jsonl").write_text(
        (tmp_path / "b.jsonl").read_text("utf-8") + json.dumps({**post, "category": "benign"}) + "\n", "utf-8"
    )
    held, seen = [dedupe_key("held out text,  do not train")], [dedupe_key("rent ME your account")]
    rows, dropped = fraud_dev_rows(tmp_path, ["a.jsonl", "b.jsonl"], held, seen)
    assert [(r.ref, r.label) for r in rows] == [("a1", 1), ("j1", 0)]
    assert rows[1].text == "Data entry\n\nApply on Telegram"  # a job post reads as the screener reads it
    assert dropped == {"heldout": 1, "duplicate": 2}
    assert all(r.source == FRAUD_SOURCE and r.weight == FRAUD_DEV_WEIGHT for r in rows)


@pytest.mark.usefixtures("uci")
def test_no_training_row_repeats_a_heldout_text() -> None:
    """No text of a held-out row (UCI and marketplace split, `eval/fraud` held-out files) is trained on, whoever
    wrote it: the development sets are deduplicated against all of them."""
    sources = default_sources(SOURCES.uci, dev_sets=True)
    uci, mp = sources.rows()
    split = read_split(sources.split)
    held = {dedupe_key(r.text) for r in (*uci, *mp) if is_heldout(r, split)}
    held |= {dedupe_key(r.text) for p in sources.fraud_heldout for r in read_fraud_file(p, "h", 1.0)}
    dev = [r for r in training_rows(sources) if r.source == FRAUD_SOURCE]
    assert len(dev) > 3000 and not any(dedupe_key(r.text) in held for r in dev)
    assert len({dedupe_key(r.text) for r in dev}) == len(dev)


class _Fixed(ScamModel):
    """A stand-in scorer: each text's probability is given, so the figures can be checked by hand."""

    def __init__(self, probability: dict[str, float]) -> None:
        self.given = probability
        self.thresholds = {"nudge": 0.5, "review": 0.9}

    def probability(self, text: str) -> float:
        return self.given[text]


def test_recall_is_reported_on_each_human_label() -> None:
    rows = [
        Row("uci", "1", "won a prize", 1, 1.0, "spam.scam"),
        Row("uci", "2", "claim cash", 1, 1.0, "spam.scam"),
        Row("uci", "3", "new tones", 1, 1.0, "spam.marketing"),
        Row("uci", "4", "see you", 0, 1.0, "ham"),
        Row("uci", "5", "lunch?", 0, 1.0, "ham"),
    ]
    given = {"won a prize": 0.95, "claim cash": 0.6, "new tones": 0.2, "see you": 0.7, "lunch?": 0.1}
    lines, figs = by_label(_Fixed({model_text(k): v for k, v in given.items()}), rows)
    assert figs["nudge:scam"]["recall"] == 1.0 and figs["nudge:marketing"]["recall"] == 0.0
    assert figs["nudge:all"]["recall"] == 2 / 3 and figs["nudge:scam"]["fpr"] == 0.5
    assert figs["review:scam"]["recall"] == 0.5 and figs["review:all"]["fpr"] == 0.0
    assert any("scam" in line and "(2/2)" in line for line in lines)
    assert levels(_Fixed({})) == ("nudge", "review")


class _Recorder(ScamModel):
    """A stand-in scorer that records every text it scores and scores them all 0.5."""

    scored: ClassVar[list[str]] = []

    def __init__(self, payload: dict[str, object]) -> None:
        self.thresholds = {"sms": 0.4, "nudge": 0.6}

    def probability(self, text: str) -> float:
        _Recorder.scored.append(text)
        return 0.5


@pytest.mark.usefixtures("uci")
def test_the_selection_measure_never_trains_on_or_scores_a_heldout_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """`train scam --select` is what a model change is chosen on: no held-out UCI or marketplace row may reach a
    fit or a score (the held-out split is measured once, after the choice)."""
    import marketguard.ml.evaluate as evaluation

    trained: list[Row] = []

    class _Fit:
        payload: ClassVar[dict[str, object]] = {}

    def fake_fit(rows: list[Row], cfg: TrainConfig) -> _Fit:
        trained.extend(rows)
        return _Fit()

    monkeypatch.setattr(evaluation, "fit", fake_fit)
    monkeypatch.setattr(evaluation, "ScamModel", _Recorder)
    _Recorder.scored = []
    section = evaluation.sms_cross_validation(SOURCES, TrainConfig(), folds=2, repeats=1, heldout=False)
    split = read_split(SOURCES.split)
    uci, _ = SOURCES.rows()
    held_texts = {model_text(r.text) for r in uci if is_heldout(r, split)} - {
        model_text(r.text) for r in uci if not is_heldout(r, split)
    }  # UCI repeats some texts across the split: only a text found solely in held-out rows tells
    assert trained and not any(is_heldout(r, split) for r in trained)
    assert len(_Recorder.scored) == sum(1 for r in uci if not is_heldout(r, split))
    assert not held_texts & set(_Recorder.scored)
    assert section.figures["sms_cv"]["uci_rows"] == len(uci) - len(split["uci"])
    held_all = evaluation.sms_cross_validation(SOURCES, TrainConfig(), folds=2, repeats=1, heldout=True)
    assert held_all.figures["sms_cv"]["uci_rows"] == len(uci)  # the check above can fail: with held-out rows it would
    _Recorder.scored = []
    result = CliRunner().invoke(app, ["train", "scam", "--select", "--json"])
    assert result.exit_code == 0, result.output
    (figures,) = json.loads(result.output).values()
    assert figures["sms_cv"]["uci_rows"] == len(uci) - len(split["uci"])
    assert not held_texts & set(_Recorder.scored)
