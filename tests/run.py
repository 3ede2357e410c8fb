#!/usr/bin/python3
"""Differential test runner: runs every tests/**/test_*.py under CPython and weft
and compares stdout, exit code and the last line of stderr.

Usage:  /usr/bin/python3 tests/run.py [-j N] [--weft PATH] [--timeout S] [--list] [-v] [FILTER...]

A FILTER selects the tests whose path (relative to tests/, e.g. "ints/test_int_big.py")
contains it as a substring. If `test_x.expected` sits beside `test_x.py`, weft's stdout
is compared with that file instead of CPython's stdout (used only where weft deliberately
differs from CPython 3.11; see tests/README.md). A test whose first lines contain
`# weft-test: skip REASON` is skipped and REASON is printed.
Also runs tests/cli/run_cli.sh (when no filter is given or a filter matches "cli")
and adds its counts. Exits 1 if anything failed.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTS_DIR)
DEFAULT_WEFT = os.path.join(ROOT, "build", "weft")
DEFAULT_PYTHON = "/usr/bin/python3"
EXCLUDED_DIRS = {"parse", "__pycache__"}  # tests/parse/ has its own runner
SKIP_MARK = re.compile(r"^#\s*weft-test:\s*skip\s+(.*)$")
CLI_SCRIPT = os.path.join(TESTS_DIR, "cli", "run_cli.sh")
CLI_NAME = "cli/run_cli.sh"
DIFF_LINES = 30


def find_tests():
    found = []
    for dirpath, dirnames, filenames in os.walk(TESTS_DIR):
        rel_dir = os.path.relpath(dirpath, TESTS_DIR)
        if rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d not in EXCLUDED_DIRS]
        else:
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in filenames:
            if name.startswith("test_") and name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(dirpath, name), TESTS_DIR))
    return sorted(found)


def test_env():
    env = dict(os.environ)
    for key in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONINSPECT",
                "PYTHONWARNINGS", "PYTHON_GIL", "PYTHONSAFEPATH"):
        env.pop(key, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUTF8"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


class Result:
    def __init__(self, stdout, stderr, code):
        self.stdout = stdout
        self.stderr = stderr
        self.code = code

    def last_err_line(self):
        lines = [ln for ln in self.stderr.splitlines() if ln.strip()]
        return lines[-1] if lines else ""


def run_one(interp, path, timeout):
    folder, name = os.path.split(path)
    try:
        proc = subprocess.run([interp, name], cwd=folder, env=test_env(),
                              stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return Result("", "<timeout after %ss>" % timeout, "timeout")
    except OSError as e:
        return Result("", "<cannot run %s: %s>" % (interp, e), "error")
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    return Result(out, err, proc.returncode)


def describe_code(code):
    if isinstance(code, int) and code < 0:
        try:
            return "%d (%s)" % (code, signal.Signals(-code).name)
        except ValueError:
            pass
    return str(code)


def skip_reason(path):
    with open(path, encoding="utf-8") as f:
        for _, line in zip(range(5), f):
            m = SKIP_MARK.match(line.strip())
            if m:
                return m.group(1).strip()
    return None


def diff_text(expected, actual, label_a, label_b):
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                      label_a, label_b, lineterm=""))
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + ["... (%d more diff lines)" % (len(lines) - DIFF_LINES)]
    return "\n".join("    " + ln for ln in lines)


def check_test(rel, args):
    """Returns (status, message): status is 'pass', 'fail' or 'skip'."""
    path = os.path.join(TESTS_DIR, rel)
    reason = skip_reason(path)
    if reason:
        return "skip", reason
    expected_path = path[:-3] + ".expected"
    ref = run_one(args.python, path, args.timeout)
    got = run_one(args.weft, path, args.timeout)
    problems = []
    if os.path.exists(expected_path):
        with open(expected_path, encoding="utf-8") as f:
            want_out, want_label = f.read(), os.path.basename(expected_path)
    else:
        want_out, want_label = ref.stdout, "cpython"
    if want_out != got.stdout:
        problems.append("  stdout differs:\n" + diff_text(want_out, got.stdout, want_label, "weft"))
    if ref.code != got.code:
        problems.append("  exit code: cpython %s, weft %s" % (describe_code(ref.code), describe_code(got.code)))
        tail = got.stderr.rstrip().splitlines()[-5:]
        if tail:
            problems.append("  weft stderr (last lines):\n" + "\n".join("    " + ln for ln in tail))
    if ref.last_err_line() != got.last_err_line():
        problems.append("  last stderr line:\n    cpython: %r\n    weft:    %r"
                        % (ref.last_err_line(), got.last_err_line()))
    if problems:
        return "fail", "\n".join(problems)
    return "pass", ""


def run_cli(args):
    """Runs tests/cli/run_cli.sh; returns (passed, failed, skipped, output)."""
    bash = shutil.which("bash")
    if bash is None:
        return 0, 0, 1, "skipped %s: bash not found" % CLI_NAME
    try:
        proc = subprocess.run([bash, CLI_SCRIPT, args.weft, args.python],
                              stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=max(args.timeout, 120))
    except subprocess.TimeoutExpired:
        return 0, 1, 0, "FAIL %s: timeout" % CLI_NAME
    out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    m = None
    for line in out.splitlines():
        mm = re.match(r"^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$", line)
        if mm:
            m = mm
    if m is None:
        return 0, 1, 0, "FAIL %s: no summary line\n%s" % (CLI_NAME, out)
    passed, failed, skipped = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if proc.returncode != 0 and failed == 0:
        failed = 1
    text = "\n".join(ln for ln in out.splitlines() if not ln.startswith("ok "))
    return passed, failed, skipped, text


def main():
    ap = argparse.ArgumentParser(description="weft differential test runner")
    ap.add_argument("filters", nargs="*", help="substrings of test paths to run")
    ap.add_argument("--weft", default=DEFAULT_WEFT, help="weft binary (default build/weft)")
    ap.add_argument("--python", default=DEFAULT_PYTHON, help="reference CPython (default /usr/bin/python3)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per interpreter run")
    ap.add_argument("--list", action="store_true", help="list the tests and exit")
    ap.add_argument("-v", "--verbose", action="store_true", help="print passing tests too")
    args = ap.parse_args()
    args.weft = os.path.abspath(args.weft) if os.sep in args.weft else (shutil.which(args.weft) or args.weft)

    tests = find_tests()
    if args.filters:
        tests = [t for t in tests if any(f in t for f in args.filters)]
    want_cli = os.path.exists(CLI_SCRIPT) and (
        not args.filters or any(f in CLI_NAME for f in args.filters))

    if args.list:
        for t in tests:
            print(t)
        if want_cli:
            print(CLI_NAME)
        return 0

    if not (os.path.isfile(args.weft) and os.access(args.weft, os.X_OK)):
        print("weft binary not found or not executable: %s (build it, or pass --weft PATH)"
              % args.weft, file=sys.stderr)
        return 2

    passed = failed = skipped = 0
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(check_test, t, args): t for t in tests}
        cli_future = pool.submit(run_cli, args) if want_cli else None
        for fut in concurrent.futures.as_completed(futures):
            results[futures[fut]] = fut.result()
        cli_result = cli_future.result() if cli_future else None

    for t in tests:
        status, msg = results[t]
        if status == "pass":
            passed += 1
            if args.verbose:
                print("ok   %s" % t)
        elif status == "skip":
            skipped += 1
            print("skip %s: %s" % (t, msg))
        else:
            failed += 1
            print("FAIL %s\n%s" % (t, msg))
    if cli_result is not None:
        p, f, s, text = cli_result
        passed, failed, skipped = passed + p, failed + f, skipped + s
        if f or s or args.verbose:
            print(text)
    summary = "%d passed, %d failed" % (passed, failed)
    if skipped:
        summary += ", %d skipped" % skipped
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
