"""The shared data sets are found beside the checkout, or where MARKETGUARD_DATASETS says."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketguard.datasets import ENV_VAR, dataset_file, datasets_dir


def test_the_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert datasets_dir() == tmp_path
    assert dataset_file("sms_spam", "SMSSpamCollection") == tmp_path / "sms_spam" / "SMSSpamCollection"


def test_found_upward_from_the_working_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    shared = tmp_path / "shared" / "datasets"
    shared.mkdir(parents=True)
    deep = tmp_path / "clone" / "sub"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert datasets_dir() == shared


def test_an_empty_variable_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, "")
    monkeypatch.chdir(tmp_path)
    assert datasets_dir().parts[-2:] == ("shared", "datasets")
