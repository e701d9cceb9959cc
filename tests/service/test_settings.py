"""Settings from MARKETGUARD_* variables: converted, checked, and named in errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketguard.errors import ConfigError
from marketguard.service.settings import ServiceSettings


def test_defaults_are_embedded() -> None:
    s = ServiceSettings.from_env({})
    assert s.url.startswith("sqlite:///") and s.url.endswith("marketguard-data/marketguard.db")
    assert s.appeal_days == 14 and s.webhook_url is None


def test_values_from_the_environment() -> None:
    s = ServiceSettings.from_env(
        {
            "MARKETGUARD_DATA_DIR": "/tmp/x",
            "MARKETGUARD_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1/mg",
            "MARKETGUARD_APPEAL_DAYS": "3",
            "MARKETGUARD_CASE_MIN_SCORE": "0.6",
            "MARKETGUARD_LADDER": "warn,suspend:30d",
            "PATH": "/bin",
        }
    )
    assert s.data_dir == Path("/tmp/x") and s.url == "postgresql+psycopg://postgres@127.0.0.1/mg"
    assert s.appeal_days == 3 and s.case_min_score == 0.6 and [x.spec for x in s.ladder] == ["warn", "suspend:30d"]
    assert s.public()["ladder"] == ["warn", "suspend:30d"] and "webhook_secret" not in s.public()


@pytest.mark.parametrize(
    ("name", "value"),
    [("MARKETGUARD_APPEAL_DAYS", "soon"), ("MARKETGUARD_RATE_LIMIT", "-1"), ("MARKETGUARD_LADDER", "ban")],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        ServiceSettings.from_env({name: value})
