#!/usr/bin/python3
"""Thread-scaling runner: times bench/threads/*.py with 1 and T threads under weft, weft -X gil=1
and CPython, side by side.

Usage:  /usr/bin/python3 bench/threads/run.py [-n RUNS] [--threads 1,2,4] [--scale F]
                                              [--weft PATH] [--python PATH] [--no-cpython] [NAME...]

Each benchmark script takes the thread count T (and optionally a work size N) and makes T threads
each do the same work N, so T threads do T times the work of one; it prints one line
`threads T work N seconds S checksum C`, where S times only the threaded part.

For every benchmark the runner times, alternating configurations run by run so that machine noise
hits them alike (RUNS rounds, default 5):
  - weft with every T in --threads (default 1,2);
  - `weft -X gil=1` with T=1, for the benchmarks in GIL_COMPARED (free-threading's 1-thread cost);
  - CPython (--python, default /usr/bin/python3) with T=1 and T=2, for reference (it has a GIL).
It prints medians of the reported seconds and the efficiency t(1)/t(T): 1.00 is perfect scaling,
a GIL gives 1/T, and T above the number of cores caps it at cores/T.
Every run of one benchmark with one T must print the same checksum on every interpreter.
Exits 1 if a run fails, times out, or a checksum disagrees.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(BENCH_DIR))
DEFAULT_WEFT = os.path.join(ROOT, "build", "weft")
DEFAULT_PYTHON = "/usr/bin/python3"
ORDER = ["arith", "alloc", "shared", "queue_pairs"]   # the (a)-(d); others follow by name
GIL_COMPARED = ("arith", "alloc")                        # free-threaded vs -X gil=1 at T=1
CPYTHON_THREADS = (1, 2)
LINE_RE = re.compile(r"threads (\d+) work (\d+) seconds ([0-9.eE+-]+)(?: cpu ([0-9.eE+-]+))? checksum (-?\d+)")
DEFAULT_N_RE = re.compile(r"^DEFAULT_N = ([0-9_]+)\s*$", re.M)


def find_benchmarks(filters):
    names = [n[:-3] for n in os.listdir(BENCH_DIR)
             if n.endswith(".py") and n != "run.py" and not n.startswith("_")]
    names.sort(key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    return names


def default_work(name):
    with open(os.path.join(BENCH_DIR, name + ".py")) as f:
        m = DEFAULT_N_RE.search(f.read())
    if not m:
        raise SystemExit("%s.py has no `DEFAULT_N = <int>` line (needed by --scale)" % name)
    return int(m.group(1).replace("_", ""))


def bench_env():
    env = dict(os.environ)
    for key in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHON_GIL", "PYTHONWARNINGS"):
        env.pop(key, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_once(cmd, timeout):
    """Returns ((seconds, cpu seconds or None) reported by the script, checksum, error or None)."""
    try:
        proc = subprocess.run(cmd, cwd=BENCH_DIR, env=bench_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, "timed out after %ss" % timeout
    except OSError as e:
        return None, None, str(e)
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, None, "exit %d: %s" % (proc.returncode, err[-1] if err else "")
    m = LINE_RE.search(out)
    if not m:
        return None, None, "unexpected output: %r" % out.strip()[-200:]
    cpu = float(m.group(4)) if m.group(4) is not None else None
    return (float(m.group(3)), cpu), m.group(5), None


def probe(cmd, code):
    try:
        proc = subprocess.run(cmd + ["-c", code], env=bench_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=30)
        out = proc.stdout.decode("utf-8", "replace").strip()
        return out if proc.returncode == 0 else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def load_average():
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def fmt_time(t):
    return "%7.3f" % t if t is not None else "    n/a"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "  n/a"
    return "%5.2f" % (a / b)


def parse_threads(text):
    try:
        values = sorted({int(x) for x in text.split(",") if x.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError("expected a comma-separated list of integers")
    if not values or values[0] < 1:
        raise argparse.ArgumentTypeError("thread counts must be >= 1")
    return values


def main():
    ap = argparse.ArgumentParser(description="weft thread-scaling benchmark runner")
    ap.add_argument("names", nargs="*", help="substrings of benchmark names to run")
    ap.add_argument("-n", "--runs", type=int, default=5, help="runs per configuration (default 5)")
    ap.add_argument("--threads", type=parse_threads, default=[1, 2],
                    help="comma-separated thread counts for weft (default 1,2; 1 is always added)")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="multiply every benchmark's default work size N by this factor")
    ap.add_argument("--weft", default=DEFAULT_WEFT, help="weft binary (default build/weft)")
    ap.add_argument("--python", default=DEFAULT_PYTHON,
                    help="CPython to compare with (default /usr/bin/python3)")
    ap.add_argument("--no-cpython", action="store_true", help="do not run CPython")
    ap.add_argument("--no-gil", action="store_true", help="do not run `weft -X gil=1`")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run (default 300)")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)

    weft = os.path.abspath(args.weft) if os.sep in args.weft else (shutil.which(args.weft) or args.weft)
    if not (os.path.isfile(weft) and os.access(weft, os.X_OK)):
        print("weft binary not found or not executable: %s (build it, or pass --weft PATH)" % weft,
              file=sys.stderr)
        return 2
    thread_counts = sorted(set(args.threads) | {1})
    names = find_benchmarks(args.names)
    if not names:
        print("no benchmark matches %s" % " ".join(args.names), file=sys.stderr)
        return 2

    gil_state = probe([weft], "import sys; print(sys._is_gil_enabled())")
    print("weft: %s (GIL enabled: %s)" % (weft, gil_state))
    if not args.no_cpython:
        print("cpython: %s (%s)" % (args.python, probe([args.python], "import sys; print(sys.version.split()[0])")))
    print("cores: %d; median of %d runs of the seconds each script reports (threaded part only)"
          % (os.cpu_count() or 0, args.runs))
    print("eff = t(1)/t(T) for T threads doing T x the work: 1.00 perfect, a GIL gives 1/T;")
    print("cpu-eff = T*cpu(1)/cpu(T), process CPU seconds: below 1.00 the threads burn extra cycles")
    print("(contended cache lines, spinning); it stays meaningful when the machine is busy")
    load_start = load_average()
    print("load average at start: %s\n" % load_start)

    ok = True
    table = []       # (name, T, weft t1, weft tT, cpython t1 or None, cpython tT or None)
    gil_rows = []    # (name, weft t1, weft-gil t1)
    failures = []
    for name in names:
        script = os.path.join(BENCH_DIR, name + ".py")
        extra = [str(max(1, int(default_work(name) * args.scale)))] if args.scale != 1.0 else []
        configs = [("weft", T, [weft]) for T in thread_counts]
        if not args.no_gil and name in GIL_COMPARED:
            configs.append(("weft-gil", 1, [weft, "-X", "gil=1"]))
        if not args.no_cpython:
            configs += [("cpython", T, [args.python]) for T in CPYTHON_THREADS]
        times = {(label, T): [] for label, T, _ in configs}
        cpus = {(label, T): [] for label, T, _ in configs}
        checksums = {}   # T -> {checksum: [labels]}
        errors = []
        print("running %s ..." % name, file=sys.stderr, flush=True)
        for _ in range(args.runs):
            for label, T, cmd in configs:   # alternate configurations run by run
                secs, checksum, err = run_once(cmd + [script, str(T)] + extra, args.timeout)
                if err:
                    errors.append("%s T=%d: %s" % (label, T, err))
                    continue
                times[(label, T)].append(secs[0])
                if secs[1] is not None:
                    cpus[(label, T)].append(secs[1])
                checksums.setdefault(T, {}).setdefault(checksum, set()).add(label)
            if errors:
                break
        med = {key: (statistics.median(ts) if ts else None) for key, ts in times.items()}
        med_cpu = {key: (statistics.median(ts) if ts else None) for key, ts in cpus.items()}
        for T, sums in sorted(checksums.items()):
            if len(sums) != 1:
                errors.append("checksum mismatch at T=%d: %s" % (
                    T, "; ".join("%s from %s" % (c, ",".join(sorted(l))) for c, l in sums.items())))
        if errors:
            ok = False
            failures.append((name, errors))
        for T in thread_counts:
            if T == 1:
                continue
            c1, cT = med_cpu.get(("weft", 1)), med_cpu.get(("weft", T))
            table.append((name, T, med.get(("weft", 1)), med.get(("weft", T)),
                          T * c1 if c1 is not None else None, cT,
                          med.get(("cpython", 1)), med.get(("cpython", T))))
        if ("weft-gil", 1) in med:
            gil_rows.append((name, med.get(("weft", 1)), med.get(("weft-gil", 1)),
                             med_cpu.get(("weft", 1)), med_cpu.get(("weft-gil", 1))))

    header = "%-12s %3s  %7s %7s %5s %7s" % ("benchmark", "T", "t(1)", "t(T)", "eff", "cpu-eff")
    if not args.no_cpython:
        header += "  |  %8s %8s %5s" % ("cpy t(1)", "cpy t(T)", "eff")
    print("thread scaling (weft, free-threaded)")
    print(header)
    print("-" * len(header))
    for name, T, w1, wT, cpu1, cpuT, c1, cT in table:
        line = "%-12s %3d  %7s %7s %5s %7s" % (name, T, fmt_time(w1), fmt_time(wT), fmt_ratio(w1, wT),
                                              fmt_ratio(cpu1, cpuT))
        if not args.no_cpython:
            if T in CPYTHON_THREADS:
                line += "  |  %8s %8s %5s" % (fmt_time(c1), fmt_time(cT), fmt_ratio(c1, cT))
            else:
                line += "  |"
        print(line.rstrip())

    if gil_rows:
        print("\none thread: free-threaded vs `weft -X gil=1` (target ft/gil <= 1.05)")
        header = "%-12s  %7s %7s %6s  |  %7s %7s %6s" % ("benchmark", "ft", "gil", "ft/gil",
                                                         "ft cpu", "gil cpu", "ratio")
        print(header)
        print("-" * len(header))
        for name, ft, gil, ft_cpu, gil_cpu in gil_rows:
            print("%-12s  %7s %7s %6s  |  %7s %7s %6s" % (
                name, fmt_time(ft), fmt_time(gil), fmt_ratio(ft, gil),
                fmt_time(ft_cpu), fmt_time(gil_cpu), fmt_ratio(ft_cpu, gil_cpu)))

    load_end = load_average()
    print("\nload average at end: %s" % load_end)
    busy = [x for x in (load_start, load_end) if x is not None and x > (os.cpu_count() or 1) - 0.5]
    if busy:
        print("warning: the machine was busy (load average near or above its %d cores): other work "
              "competed for the cores, so wall-time efficiencies are pessimistic; see cpu-eff"
              % (os.cpu_count() or 0))
    for name, errors in failures:
        print("\n%s FAILED:" % name)
        for e in errors[:5]:
            print("  " + e)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
