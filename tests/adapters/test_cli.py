"""The `marketguard` command, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval" / "dev.jsonl"


def mg(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "marketguard.adapters.cli.main", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_check_prints_highlighted_report() -> None:
    proc = mg("check", "jdoe at gmail dot com")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "REDACT" in out and "contact.email" in out and "payment protection" in out


def test_check_json_and_phase() -> None:
    proc = mg("check", "jdoe@gmail.com", "--phase", "active_contract", "--json")
    out = json.loads(proc.stdout)
    assert out["decision"] == "allow" and out["rule"] == "contact-during-contract"


def test_check_escapes_markup_in_attacker_text() -> None:
    proc = mg("check", "[bold red]pwned[/] email jdoe@gmail.com")
    assert "[bold red]pwned[/]" in proc.stdout.decode()


def test_scan_stdin_to_stdout_no_progress_when_piped(tmp_path: Path) -> None:
    data = b'{"id": "1", "text": "call +1 415 555 0198"}\nbroken\n{"id": "3", "text": "fine"}\n'
    proc = mg("scan", "-", "-o", "-", stdin=data)
    assert proc.returncode == 0
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x.get("id") for x in lines] == ["1", None, "3"]
    assert lines[0]["decision"] == "redact" and "error" in lines[1]
    assert proc.stderr == b""


def test_scan_file_to_file(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": "a", "text": "t dot me slash jd_dev"}\n', encoding="utf-8")
    assert mg("scan", str(src), "-o", str(dst)).returncode == 0
    out = json.loads(dst.read_text(encoding="utf-8"))
    assert out["signals"][0]["value"] == "telegram:jd_dev"


def test_eval_reports_per_family_figures() -> None:
    proc = mg("eval", str(EVAL), "--json")
    report = json.loads(proc.stdout)
    assert set(report["families"]) == {"contact", "payment"}
    assert report["messages"] > 400
    for fam in report["families"].values():
        assert 0.0 <= fam["precision"] <= 1.0 and 0.0 <= fam["recall"] <= 1.0


def test_demo_runs_the_sample_conversation() -> None:
    proc = mg("demo")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "REDACT" in out and "REVIEW" in out and "ALLOW" in out


def test_detectors_are_listed() -> None:
    out = mg("detectors").stdout.decode()
    for ident in ("contact.email", "contact.phone", "payment.wallet"):
        assert ident in out


def test_bad_config_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text("detectors:\n  disabled: [nope]\n", encoding="utf-8")
    proc = mg("check", "hi", "--config", str(bad))
    assert proc.returncode == 2
    assert b"unknown detectors" in proc.stderr and b"Traceback" not in proc.stderr


def test_scan_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty

    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(f'{{"id": {i}, "text": "hello {i}"}}\n' for i in range(50)), encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # the child runs the command with a terminal on stdin, stdout and stderr
        os.execv(
            sys.executable, [sys.executable, "-m", "marketguard.adapters.cli.main", "scan", str(src), "-o", str(dst)]
        )
    screen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.waitpid(pid, 0)
    assert b"screening" in screen and b"50/50" in screen and b"lines screened" in screen
    assert len(dst.read_text(encoding="utf-8").splitlines()) == 50
