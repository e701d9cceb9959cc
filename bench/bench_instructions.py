"""Instructions per message, counted by callgrind: a speed figure that other load on the machine cannot move.

Wall-clock rates on a shared 2-core VM swing by +-25 % between runs; callgrind counts the instructions the
process executes, which is the same whatever else runs. The script re-runs itself under
`valgrind --tool=callgrind --dump-before=os_getppid` and calls `os.getppid()` as a marker just before and
just after the measured messages: callgrind writes its counters to a new file (and zeroes them) each time
CPython's `os_getppid` is entered, so the part between the two markers holds exactly the measured
messages (plus two calls, a few thousand instructions). One run gives the figure; no second run of another
size has to be subtracted, and the start-up and warm-up are left out by construction.

Modes:

- library (default): one `Screener` (`--families contact,payment` builds it with only those detectors,
  as `bench_throughput.py` does), `--warm` messages of one corpus (seed + 1) screened first, then `--n`
  messages of the bench corpus (`corpus.py`, seeded) measured. Default 5,000 then 10,000.
- `--scan`: a forked `marketguard scan` worker. The corpus (`--n` lines, default 20,000, as JSON Lines the
  way `bench_throughput.py` writes them) is screened as `scan_parallel` does: its pre-fork warm-up, the
  head lines in the parent, then a fork; the child is worker 0 of `--workers` (default 2) and screens its
  share of the remaining lines with `screen_line` and `orjson.dumps`, as `adapters/parallel.py`'s worker
  does (pipes left out). Every layer is on (the CLI's default `Screener()`) unless `--families` is given.

    .venv/bin/python bench/bench_instructions.py --families contact,payment     # ~2-4 min
    .venv/bin/python bench/bench_instructions.py                                 # every layer
    .venv/bin/python bench/bench_instructions.py --scan                          # ~5-8 min

Prints the machine line, the instructions per message (or line) and the run's raw part totals. Like the
other bench scripts it always exits 0.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchutil import print_header, screener_factory
from corpus import DEFAULT_SEED, build_corpus

MARK = "os_getppid"
"""The CPython function whose entry makes callgrind dump: `os.getppid()` is the marker."""


def _mark() -> None:
    os.getppid()


def _inner_library(args: argparse.Namespace) -> None:
    make, _ = screener_factory(args.families, args.enable)
    screener = make()
    warm = [s.text for s in build_corpus(args.warm, seed=args.seed + 1)] if args.warm else []
    texts = [s.text for s in build_corpus(args.n, seed=args.seed)]
    screen = screener.screen
    for text in warm:
        screen(text)
    _mark()
    for text in texts:
        screen(text)
    _mark()


def _inner_scan(args: argparse.Namespace) -> None:
    import orjson

    from marketguard.adapters import parallel
    from marketguard.adapters.jsonl import LazyMonitor, screen_line

    make, _ = screener_factory(args.families, args.enable)
    screener = make()
    raws = [orjson.dumps(s.record()) for s in build_corpus(args.n, seed=args.seed)]
    parallel.warm(screener)
    head = min(parallel.HEAD_LINES, len(raws))
    accounts = LazyMonitor()
    for number, raw in enumerate(raws[:head], start=1):
        orjson.dumps(screen_line(screener, raw, number, accounts=accounts))
    share = [(n, raw) for n, raw in enumerate(raws, start=1) if n > head and n % args.workers == 0]
    pid = os.fork()
    if pid == 0:  # worker 0, as `parallel._worker` runs it
        gc.freeze()
        mine = LazyMonitor()
        dumps = orjson.dumps
        _mark()
        for n, raw in share:
            dumps(screen_line(screener, raw, n, accounts=mine))
        _mark()
        os._exit(0)
    os.waitpid(pid, 0)
    print(f"measured lines {len(share)}", file=sys.stderr)


def _parts(directory: Path, pid: int) -> dict[int, tuple[str, int]]:
    """part number -> (trigger, instructions) of one process's dump files."""
    parts: dict[int, tuple[str, int]] = {}
    for path in directory.glob(f"cg.{pid}*"):
        text = path.read_text(errors="replace")
        part = re.search(r"^part: (\d+)", text, re.M)
        desc = re.search(r"^desc: Trigger: (.*)$", text, re.M)
        total = re.search(r"^totals: (\d+)", text, re.M)
        if part and total:
            parts[int(part.group(1))] = (desc.group(1) if desc else "?", int(total.group(1)))
    return parts


def _measured(directory: Path) -> tuple[int, int, list[str]]:
    """(pid, instructions between the two markers, description of every part) of the process that marked."""
    pids = {int(m.group(1)) for p in directory.iterdir() if (m := re.match(r"cg\.(\d+)", p.name))}
    for pid in sorted(pids):
        parts = _parts(directory, pid)
        marks = [n for n, (trigger, _) in sorted(parts.items()) if trigger.endswith(MARK)]
        if len(marks) >= 2:
            lines = [f"pid {pid} part {n}: {t} {ir:,}" for n, (t, ir) in sorted(parts.items())]
            return pid, sum(ir for n, (_, ir) in parts.items() if marks[-2] < n <= marks[-1]), lines
    raise SystemExit(f"no process marked twice in {directory}")


def main() -> None:
    ap = argparse.ArgumentParser(description="instructions per message under callgrind")
    ap.add_argument("--families", default=None, help="only these detector families, e.g. contact,payment")
    ap.add_argument("--enable", default=None,
                    help="switch on detectors that are off by default, e.g. contact.model,payment.model")
    ap.add_argument("--warm", type=int, default=5_000, help="library: messages screened before measuring")
    ap.add_argument("--n", type=int, default=None,
                    help="library: messages measured (default 10,000); --scan: corpus lines (default 20,000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--scan", action="store_true", help="a forked scan worker instead of the library")
    ap.add_argument("--workers", type=int, default=2, help="--scan: workers the corpus is shared between")
    ap.add_argument("--keep", type=Path, default=None, help="keep callgrind's files in this directory")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.n is None:
        args.n = 20_000 if args.scan else 10_000
    if args.inner:
        (_inner_scan if args.scan else _inner_library)(args)
        return
    print_header("marketguard instructions per message (callgrind)")
    _, detectors = screener_factory(args.families, args.enable)
    print(detectors)
    if shutil.which("valgrind") is None:
        print("valgrind not found: nothing measured")
        return
    directory = args.keep or Path(tempfile.mkdtemp(prefix="mg-callgrind-"))
    directory.mkdir(parents=True, exist_ok=True)
    cmd = ["valgrind", "--tool=callgrind", f"--dump-before={MARK}", f"--callgrind-out-file={directory}/cg.%p",
           sys.executable, __file__, "--inner", *sys.argv[1:]]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        print(done.stderr[-3000:])
        print(f"callgrind run failed (exit {done.returncode})")
        return
    _pid, instructions, lines = _measured(directory)
    if args.scan:
        count = int(re.search(r"measured lines (\d+)", done.stderr).group(1))  # type: ignore[union-attr]
        what = (f"scan worker 0 of {args.workers}, {args.n:,} corpus lines (seed {args.seed}), "
                "its share of the lines after the head")
    else:
        count = args.n
        what = f"library, {args.warm:,} warm-up messages (seed {args.seed + 1}) then {args.n:,} (seed {args.seed})"
    print(what)
    print("\n".join(lines))
    print(f"instructions measured: {instructions:,} over {count:,} -> {instructions / count:,.0f} per "
          f"{'line' if args.scan else 'message'}")
    if args.keep is None:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
