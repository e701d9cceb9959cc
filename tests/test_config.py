"""Configuration files: detectors switched off, allow-lists, regions, limits; typos are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketguard import Screener
from marketguard.config import load_config
from marketguard.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "marketguard.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_switches_detectors_and_sets_lists(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "detectors:\n  disabled: [contact.email]\n  allowed_domains: [jd-studio.io]\n"
        "  regions: [br]\nmax_chars: 5000\n",
    )
    config, policy = load_config(path)
    assert policy is None and config.max_chars == 5000 and config.detectors.regions[0] == "BR"
    screener = Screener(config)
    result = screener.screen("mail jdoe@gmail.com, site: see my site jd-studio.io")
    assert not [s for s in result.signals if s.kind in ("contact.email", "contact.url")]
    assert any("allowed" in s.why for s in result.suppressed)


def test_config_names_a_policy_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "rows:\n  - {id: all-contact-reviewed, families: [contact], min_score: 0.5, decision: review}\n",
        encoding="utf-8",
    )
    config, policy = load_config(write(tmp_path, "policy: p.yaml\n"))
    assert policy is not None
    assert Screener(config, policy=policy).screen("jdoe@gmail.com").rule == "all-contact-reviewed"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("detectors:\n  disabeld: [x]\n", "'detectors' takes"),
        ("max_char: 10\n", "unknown keys"),
        ("max_chars: -1\n", "positive whole number"),
        ("code_factor: 2\n", "code_factor"),
        ("detectors:\n  regions: BR\n", "list of strings"),
        ("- just\n- a list\n", "mapping"),
    ],
)
def test_bad_config_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))


def test_unknown_disabled_detector_is_an_error(tmp_path: Path) -> None:
    config, _ = load_config(write(tmp_path, "detectors:\n  disabled: [contact.emial]\n"))
    with pytest.raises(ConfigError, match="unknown detectors"):
        Screener(config)
