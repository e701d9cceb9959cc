"""Regex linearity: how long marketguard takes on 1 MB of hostile near-matches.

Each input is 1,000,000 characters built by repeating a near-match ("a@", "a.a.", "1 ", "at ",
"w h a t s ", "http://", zero-width characters interleaved, mixed Cyrillic/Latin, long digit runs, ...;
40 patterns), screened by `Screener(ScreenerConfig(max_chars=10**9))` so the usual 20,000-character
head/tail limit does not hide anything. Each input is also screened at 1/8 of the size: for a linear
scan, time(1 MB) / time(125 KB) is about 8, and a ratio above 16 is flagged as super-linear. The column
`default s` is the same 1 MB screened by a default `Screener()`, as users run it: on its first and last
10,000 characters, saying so in its output.

Every measurement runs in its own child process with a time-out (default 60 s), so a catastrophic
pattern cannot hang the benchmark, and the child's peak memory is reported. An input that times out is
then timed at doubling sizes from 1,000 characters to estimate how its time grows (n^1 linear, n^2
quadratic) and what the full size would take. `--profile NAME --size N` shows where one input's time goes.

Target: every 1 MB input screened in <= 1.0 s; inputs over that are flagged SLOW. The exit code is always 0.

    .venv/bin/python bench/bench_hostile.py
    .venv/bin/python bench/bench_hostile.py --size 200000 --only digits,at_words
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchutil import print_header

TARGET_SECONDS = 1.0
SUPERLINEAR_RATIO = 16.0
DEFAULT_SIZE = 1_000_000
SCALE = 8

Builder = Callable[[int], str]


def rep(unit: str) -> Builder:
    """`unit` repeated to exactly `size` characters."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def prefixed(prefix: str, fill: str, suffix: str = "") -> Builder:
    """`prefix`, then `fill` repeated, then `suffix`: one giant near-match token."""
    return lambda size: prefix + rep(fill)(max(size - len(prefix) - len(suffix), 0)) + suffix


HOSTILE: dict[str, Builder] = {
    "a": rep("a"),
    "x_then_at": prefixed("", "x", "@"),
    "a@": rep("a@"),
    "@a_space": rep("@a "),
    "at_sign": rep("@"),
    "a.a.": rep("a.a."),
    "dots": rep("."),
    "a_space": rep("a "),  # letters one at a time: the spaced-letter joiner
    "w_h_a_t_s": rep("w h a t s "),
    "at_words": rep("at "),
    "dot_words": rep("dot "),
    "at_dot_email_parts": rep("jdoe at gmail dot "),
    "bracket_at": rep("[at]"),
    "paren_at_dot": rep("(at)(dot)"),
    "one_words": rep("one "),
    "double_triple": rep("double triple "),
    "digit_space": rep("1 "),
    "digit_dash": rep("1-"),
    "digits": rep("1"),
    "phone_groups": rep("415 555 "),
    "plus_paren": rep("+1 ("),
    "hash_1234": rep("#1234 "),
    "hex_0x": prefixed("0x", "a"),
    "btc_like": prefixed("bc1q", "q"),
    "base58_like": rep("1A2b3C4d5E6f7G8h9J"),
    "iban_like": rep("DE89 3704 "),
    "http": rep("http://"),
    "www": rep("www."),
    "tme_slash": rep("t.me/"),
    "live_colon": rep("live:"),
    "backticks3": rep("```"),
    "backtick": rep("`"),
    "prompt_lines": rep("$ x\n"),
    "zero_width_interleaved": rep("a\u200b"),
    "zero_width_digits": rep("5\u200c"),
    "cyrillic_mixed": rep("аa"),  # Cyrillic а then Latin a: one long mixed-script word
    "cyrillic_words": rep("whаtsаpp "),
    "fullwidth_digits": rep("１"),
    "keycaps": rep("1\ufe0f\u20e3"),
    "app_words": rep("whatsapp telegram "),
    "pay_outside": rep("pay me directly "),
    "newlines": rep("a\n"),
}


def child(name: str, size: int) -> None:
    """Measure one input in this process and print a JSON line."""
    from marketguard import Screener, ScreenerConfig

    text = HOSTILE[name](size)
    screener = Screener(ScreenerConfig(max_chars=10**9))
    screener.screen("warm-up: jdoe at gmail dot com, 415 555 0198")
    t = time.perf_counter()
    result = screener.screen(text)
    seconds = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    default = Screener()  # the limit users run with: head and tail
    default.screen("warm-up: jdoe at gmail dot com, 415 555 0198")
    t = time.perf_counter()
    default_result = default.screen(text)
    default_seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "signals": len(result.signals), "decision": result.decision.value,
                      "truncated": result.truncated, "peak_mb": peak_mb, "chars": len(text),
                      "default_seconds": default_seconds, "default_truncated": default_result.truncated}))


@dataclass(frozen=True, slots=True)
class Measurement:
    seconds: float = float("nan")
    signals: int = 0
    decision: str = ""
    peak_mb: float = float("nan")
    error: str | None = None
    default_seconds: float = float("nan")
    """The same input through a default `Screener()` (head and tail only)."""


def measure(name: str, size: int, timeout: float) -> Measurement:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--size", str(size)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return Measurement(error=f"TIMEOUT > {timeout:g} s")
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        return Measurement(error=f"crashed: {tail[0][:120]}")
    raw = json.loads(proc.stdout.strip().splitlines()[-1])
    return Measurement(float(raw["seconds"]), int(raw["signals"]), str(raw["decision"]),
                       float(raw["peak_mb"]), default_seconds=float(raw["default_seconds"]))


def growth(name: str, limit: int, timeout: float, budget: float = 2.0) -> str:
    """For an input too slow at full size: time it at doubling sizes from 1,000 characters until one
    takes more than `budget` seconds, and estimate the exponent from the last doubling."""
    size, last, last_size = 1000, Measurement(), 0
    steps: list[str] = []
    exponent = float("nan")
    while size <= limit:
        m = measure(name, size, timeout)
        if m.error is not None:
            steps.append(f"{size // 1000}k {m.error}")
            break
        if last.seconds > 0.01:
            exponent = math.log2(m.seconds / last.seconds)
        steps.append(f"{size // 1000}k {m.seconds:.2f}s")
        last, last_size = m, size
        if m.seconds > budget:
            break
        size *= 2
    if math.isnan(exponent):
        return f"growth: {', '.join(steps)} (shape unknown)"
    full = last.seconds * (limit / last_size) ** exponent
    return f"growth: {', '.join(steps)} (time ~ n^{exponent:.1f}; {limit:,} chars would take ~{full:,.0f} s)"


def profile(name: str, size: int, top: int = 15) -> None:
    """cProfile one input at `size` characters, in this process."""
    import cProfile
    import io
    import pstats

    from marketguard import Screener, ScreenerConfig

    text = HOSTILE[name](size)
    screener = Screener(ScreenerConfig(max_chars=10**9))
    screener.screen("warm-up")
    prof = cProfile.Profile()
    prof.enable()
    screener.screen(text)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime").print_stats(top)
    body = buf.getvalue()
    print(f"cProfile of {name} at {size:,} characters (top {top} by own time)")
    print(body[body.find("   ncalls"):].rstrip())


def main() -> None:
    ap = argparse.ArgumentParser(description="marketguard on 1 MB hostile inputs")
    ap.add_argument("--size", type=int, default=DEFAULT_SIZE, help="characters per input (default 1,000,000)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per input before giving up")
    ap.add_argument("--only", help="comma-separated input names")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 1/8-size run (no linearity ratio)")
    ap.add_argument("--profile", metavar="NAME", help="cProfile one input at --size characters and stop")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.size)
        return
    if args.profile:
        profile(args.profile, args.size)
        return

    names = list(HOSTILE) if not args.only else [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in HOSTILE]
    if unknown:
        raise SystemExit(f"unknown inputs {unknown}; known: {', '.join(HOSTILE)}")

    print_header("marketguard hostile inputs")
    small = args.size // SCALE
    print(f"{len(names)} inputs of {args.size:,} characters (and {small:,} for the scaling ratio), "
          f"Screener(ScreenerConfig(max_chars=10**9)), one child process each, time-out {args.timeout:g} s")
    print(f"{'input':<24} {'unit':<22} {'seconds':>9} {'1/8 size':>9} {'ratio':>6} {'peak MB':>8} "
          f"{'signals':>8} {'decision':>8} {'default s':>9}  flag")
    slow: list[str] = []
    default_slowest = 0.0
    total = time.perf_counter()
    for name in names:
        sample = HOSTILE[name](24)
        little = measure(name, small, args.timeout) if not args.no_scaling and small > 0 else Measurement()
        big = measure(name, args.size, args.timeout) if little.error is None else little
        if big.error is not None:
            slow.append(name)
            print(f"{name:<24} {sample!r:<22.22} {big.error}{' at 1/8 size' if big is little else ''}")
            print(f"{'':<24} {growth(name, args.size, args.timeout)}")
            continue
        ratio = big.seconds / little.seconds if little.seconds > 0 else float("nan")
        flags = []
        if big.seconds > TARGET_SECONDS:
            flags.append(f"SLOW (> {TARGET_SECONDS:g} s)")
            slow.append(name)
        if ratio > SUPERLINEAR_RATIO and big.seconds > 0.05:
            flags.append(f"SUPER-LINEAR (x{ratio:.0f} for x{SCALE} size)")
        default_slowest = max(default_slowest, big.default_seconds)
        print(f"{name:<24} {sample!r:<22.22} {big.seconds:9.3f} {little.seconds:9.3f} {ratio:6.1f} "
              f"{big.peak_mb:8.0f} {big.signals:>8} {big.decision:>8} {big.default_seconds:9.4f}  "
              f"{' '.join(flags) or 'ok'}")
    print()
    print(f"{len(names)} inputs in {time.perf_counter() - total:.0f} s; "
          f"over {TARGET_SECONDS:g} s (or failed): {len(slow)}{': ' + ', '.join(slow) if slow else ''}")
    print(f"with the default configuration (first and last 10,000 characters), the slowest 1 MB input took "
          f"{default_slowest:.4f} s")


if __name__ == "__main__":
    main()
    sys.exit(0)
