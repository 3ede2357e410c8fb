#!/usr/bin/python3
"""Benchmark runner: times every bench/*.py under CPython and weft, side by side.

Usage:  /usr/bin/python3 bench/run.py [-n RUNS] [--gil] [--weft PATH] [--python PATH] [NAME...]

Each benchmark is run RUNS times (default 5) per interpreter, alternating interpreters run by run
so that machine noise hits both alike; the table shows median wall times and the ratio
weft/CPython (lower is better; 1.00 = as fast as CPython). With --gil, `weft -X gil=1` is timed too
and the last column is weft/weft-gil, the cost of free-threading on one thread (1.00 = no cost).
Every run's stdout (the benchmark's checksum) must be identical across runs and interpreters.
Exits 1 if a run fails, times out, or a checksum disagrees.
"""

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_WEFT = os.path.join(ROOT, "build", "weft")
DEFAULT_PYTHON = "/usr/bin/python3"


def find_benchmarks(filters):
    names = sorted(n[:-3] for n in os.listdir(BENCH_DIR)
                   if n.endswith(".py") and n != "run.py" and not n.startswith("_"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    return names


def bench_env():
    env = dict(os.environ)
    for key in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHON_GIL", "PYTHONWARNINGS"):
        env.pop(key, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def time_once(cmd, script, timeout):
    """Returns (seconds, stdout, error message or None)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd + [script], cwd=BENCH_DIR, env=bench_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %ss" % timeout
    except OSError as e:
        return None, "", str(e)
    elapsed = time.perf_counter() - start
    out = proc.stdout.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, out, "exit %d: %s" % (proc.returncode, err[-1] if err else "")
    return elapsed, out, None


def fmt_time(t):
    return "%8.3f" % t if t is not None else "     n/a"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "   n/a"
    return "%6.2f" % (a / b)


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    ap = argparse.ArgumentParser(description="weft benchmark runner")
    ap.add_argument("names", nargs="*", help="substrings of benchmark names to run")
    ap.add_argument("-n", "--runs", type=int, default=5, help="runs per interpreter (default 5)")
    ap.add_argument("--gil", action="store_true", help="also time `weft -X gil=1`")
    ap.add_argument("--weft", default=DEFAULT_WEFT, help="weft binary (default build/weft)")
    ap.add_argument("--python", default=DEFAULT_PYTHON, help="CPython to compare with (default /usr/bin/python3)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    args = ap.parse_args()
    weft = os.path.abspath(args.weft) if os.sep in args.weft else (shutil.which(args.weft) or args.weft)
    if not (os.path.isfile(weft) and os.access(weft, os.X_OK)):
        print("weft binary not found or not executable: %s (build it, or pass --weft PATH)" % weft,
              file=sys.stderr)
        return 2

    columns = [("cpython", [args.python]), ("weft", [weft])]
    if args.gil:
        columns.append(("weft-gil", [weft, "-X", "gil=1"]))

    header = "%-18s %9s %9s %7s" % ("benchmark", "cpython", "weft", "w/cpy")
    if args.gil:
        header += " %9s %7s" % ("weft-gil", "w/wgil")
    print("median wall seconds of %d runs; %s vs %s" % (args.runs, args.python, weft))
    print(header)
    print("-" * len(header))

    ok = True
    ratios_cpy, ratios_gil = [], []
    for name in find_benchmarks(args.names):
        script = name + ".py"
        times = {label: [] for label, _ in columns}
        outputs = set()
        errors = []
        for _ in range(args.runs):
            for label, cmd in columns:  # alternate interpreters run by run
                t, out, err = time_once(cmd, script, args.timeout)
                if err:
                    errors.append("%s: %s" % (label, err))
                else:
                    times[label].append(t)
                    outputs.add(out)
            if errors:
                break
        med = {label: (statistics.median(ts) if ts and not errors else None) for label, ts in times.items()}
        line = "%-18s %9s %9s %7s" % (name, fmt_time(med["cpython"]), fmt_time(med["weft"]),
                                       fmt_ratio(med["weft"], med["cpython"]))
        if args.gil:
            line += " %9s %7s" % (fmt_time(med["weft-gil"]), fmt_ratio(med["weft"], med["weft-gil"]))
        if errors:
            ok = False
            line += "   FAILED: " + errors[0]
        elif len(outputs) != 1:
            ok = False
            line += "   CHECKSUM MISMATCH: " + " / ".join(sorted(repr(o) for o in outputs))
        else:
            ratios_cpy.append(med["weft"] / med["cpython"])
            if args.gil:
                ratios_gil.append(med["weft"] / med["weft-gil"])
        print(line, flush=True)

    print("-" * len(header))
    g = geomean(ratios_cpy)
    summary = "%-18s %9s %9s %7s" % ("geometric mean", "", "", "%6.2f" % g if g else "   n/a")
    if args.gil:
        gg = geomean(ratios_gil)
        summary += " %9s %7s" % ("", "%6.2f" % gg if gg else "   n/a")
    print(summary)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
