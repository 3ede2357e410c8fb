#!/usr/bin/python3
# compare.py — differential check of build/weft-parse against CPython's ast.
#
# Usage: compare.py [--attrs] [--errors] [--quiet] [--jobs N] BIN FILE...
#   default:  ast.dump(ast.parse(bytes)) must equal `BIN FILE` output
#             (or both must fail).
#   --attrs:  compare with include_attributes=True (positions too).
#   --errors: FILE must fail to compile; compare exception type, msg,
#             lineno and offset (compile(str, name, 'exec')).
# Exit status 0 when everything matched. Prints one line per mismatch and a
# summary line "N files, M matched, K skipped".
import ast
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def expected_dump(path, attrs):
    with open(path, "rb") as f:
        src = f.read()
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        return "ERROR"
    except (ValueError, UnicodeDecodeError):
        return "SKIP"
    try:
        return ast.dump(tree, include_attributes=attrs)
    except RecursionError:
        return "SKIP"


def expected_error(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        compile(src, path, "exec")
    except SyntaxError as e:
        return "%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno or 0,
                                 e.offset or 0)
    except (ValueError, MemoryError, RecursionError) as e:
        return "%s|%s|0|0" % (type(e).__name__, e)
    return "NO ERROR"


def run_ours(binary, path, attrs):
    args = [binary] + (["-a"] if attrs else []) + [path]
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout.decode("utf-8", "replace").rstrip("\n")


def main():
    argv = sys.argv[1:]
    attrs = errors = quiet = False
    jobs = os.cpu_count() or 2
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        if opt == "--attrs":
            attrs = True
        elif opt == "--errors":
            errors = True
        elif opt == "--quiet":
            quiet = True
        elif opt == "--jobs":
            jobs = int(argv.pop(0))
    binary, files = argv[0], argv[1:]
    if len(files) == 1 and files[0] == "-":
        files = [l.strip() for l in sys.stdin if l.strip()]

    def check(path):
        if errors:
            exp = expected_error(path)
            if exp is None:
                return ("skip", path, "")
            rc, out = run_ours(binary, path, False)
            got = out[len("ERROR "):] if out.startswith("ERROR ") else "NO ERROR"
            parts = got.split("|")
            if len(parts) >= 4:
                got = "|".join(parts[:4])
            # Nesting limits: CPython raises MemoryError or RecursionError
            # (at slightly different depths); weft reports MemoryError.
            if (exp.startswith("MemoryError|") or
                    exp.startswith("RecursionError|")) and \
                    got.startswith("MemoryError|"):
                return ("ok", path, "")
            if exp.startswith("ValueError|") and got.startswith("ValueError|"):
                exp = exp.split("|")[1]
                got = got.split("|")[1]
            return ("ok" if got == exp else "bad", path,
                    "expected %s\n      got %s" % (exp, got))
        exp = expected_dump(path, attrs)
        if exp == "SKIP":
            return ("skip", path, "")
        rc, out = run_ours(binary, path, attrs)
        if exp == "ERROR":
            return ("ok" if rc == 1 else "bad", path, "CPython rejects it, weft accepts it")
        if rc != 0:
            return ("bad", path, out[:300])
        if out == exp:
            return ("ok", path, "")
        i = 0
        while i < min(len(out), len(exp)) and out[i] == exp[i]:
            i += 1
        return ("bad", path, "differs at %d:\n  ours:   ...%s\n  theirs: ...%s" % (
            i, out[max(0, i - 120):i + 80], exp[max(0, i - 120):i + 80]))

    ok = bad = skip = 0
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        for status, path, detail in ex.map(check, files):
            if status == "ok":
                ok += 1
            elif status == "skip":
                skip += 1
            else:
                bad += 1
                if not quiet:
                    print("MISMATCH %s: %s" % (path, detail))
    print("%d files, %d matched, %d skipped, %d mismatched" % (
        len(files), ok, skip, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
