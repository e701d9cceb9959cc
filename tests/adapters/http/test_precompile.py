"""A service worker compiles the screener's lazily compiled regexes in a background thread after start-up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marketguard.adapters.http import precompile
from marketguard.adapters.http.app import create_app
from marketguard.adapters.http.precompile import Precompiler, compile_packs
from marketguard.adapters.storage.migrate import upgrade
from marketguard.core.rulepack.compiler import LazyPatterns
from marketguard.core.text import lazy
from marketguard.service.settings import ServiceSettings


@pytest.fixture
def only_these(monkeypatch: pytest.MonkeyPatch) -> tuple[LazyPatterns, re.Pattern[str]]:
    """The registries hold only a small pack's patterns and one stand-in (the real ones take seconds)."""
    patterns = LazyPatterns(["pay (?:me|us) off[- ]site", r"\bwire\b"])
    monkeypatch.setattr(precompile, "_packs", lambda: [patterns])
    monkeypatch.setattr(lazy, "LAZY", [])
    return patterns, lazy.lazy_compile(r"tele(?:gram)?", re.I)


def test_the_thread_leaves_nothing_to_compile_on_first_use(only_these: tuple[LazyPatterns, re.Pattern[str]]) -> None:
    patterns, stand_in = only_these
    assert "search" not in vars(stand_in)
    precompiler = Precompiler()
    precompiler.start()
    assert precompiler.done.wait(60)
    assert precompiler.compiled == 3
    assert lazy.compile_all() == 0 and compile_packs() == 0
    assert "search" in vars(stand_in) and stand_in.search("TELEGRAM me")
    assert patterns[1].search("a wire transfer")


def test_the_worker_says_when_it_is_done(tmp_path: Path, only_these: object) -> None:
    settings = ServiceSettings(data_dir=tmp_path / "data")
    upgrade(settings.url)
    with TestClient(create_app(settings, precompile=True)) as client:
        assert "marketguard_precompile_done" in client.get("/metrics").text
    with TestClient(create_app(settings)) as client:  # tests and short-lived apps compile only what they use
        assert "marketguard_precompile_done" not in client.get("/metrics").text
