#!/usr/bin/env bash
# Command-line behaviour of weft: -c, stdin scripts, -V/-VV, -u, -E, -I, -X gil, PYTHON_GIL,
# missing scripts and exit codes. Shared behaviour is checked on both /usr/bin/python3 and weft;
# weft-only behaviour (free-threading switches, version banner) on weft alone.
# Usage: tests/cli/run_cli.sh [WEFT [PYTHON]]   (defaults: build/weft, /usr/bin/python3)
# Prints "ok NAME" / "FAIL NAME ..." / "skip NAME" lines and ends with "N passed, M failed[, K skipped]".
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WEFT="${1:-${WEFT:-$ROOT/build/weft}}"
PY="${2:-${PYTHON:-/usr/bin/python3}}"
passed=0
failed=0
skipped=0

if [ ! -x "$WEFT" ]; then
    echo "FAIL weft binary not found or not executable: $WEFT"
    echo "0 passed, 1 failed"
    exit 1
fi
WEFT="$(readlink -f "$WEFT")"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/weft-cli.XXXXXX")"
TMP="$(cd "$TMP" && pwd -P)"
trap 'rm -rf "$TMP"' EXIT
# A predictable environment: no inherited Python settings.
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONINSPECT PYTHONWARNINGS PYTHON_GIL PYTHONSAFEPATH \
      PYTHONUNBUFFERED PYTHONIOENCODING
export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1

# When the "weft" under test is really CPython (the runner's sanity mode, --weft /usr/bin/python3),
# the weft-only checks are skipped.
WEFT_IS_CPYTHON=0
if "$WEFT" -c 'import sys; sys.exit(0 if "free-threading build" not in sys.version else 1)' </dev/null >/dev/null 2>&1 \
   && "$WEFT" -c 'import sys; sys.exit(0 if sys.implementation.name == "cpython" else 1)' </dev/null >/dev/null 2>&1; then
    WEFT_IS_CPYTHON=1
fi

ok() { passed=$((passed + 1)); echo "ok $1"; }
bad() {
    failed=$((failed + 1)); echo "FAIL $1"; shift
    local line; for line in "$@"; do echo "    $line"; done
}

# run CMD... : runs CMD in $TMP, stdin from $STDIN; sets OUT, ERR, ERR_LAST, RC.
STDIN=/dev/null
run() {
    (cd "$TMP" && "$@" <"$STDIN" >"$TMP/out" 2>"$TMP/err")
    RC=$?
    OUT="$(cat "$TMP/out")"
    ERR="$(cat "$TMP/err")"
    ERR_LAST="$(grep -v '^[[:space:]]*$' "$TMP/err" | tail -n 1)"
}

# subst INTERP CMD... : prints nothing; fills array CMD with CMD where the word @I became INTERP.
subst() {
    local interp="$1"; shift
    CMD=()
    local w; for w in "$@"; do
        if [ "$w" = "@I" ]; then CMD+=("$interp"); else CMD+=("${w//@I/$interp}"); fi
    done
}

# check NAME WANT_OUT WANT_RC WANT_ERR_SUBSTR INTERP CMD... (CMD may contain @I for the interpreter)
check() {
    local name="$1" want_out="$2" want_rc="$3" want_err="$4" interp="$5"; shift 5
    subst "$interp" "$@"
    run "${CMD[@]}"
    if [ "$OUT" == "$want_out" ] && [ "$RC" == "$want_rc" ] && [[ "$ERR" == *"$want_err"* ]]; then
        ok "$name"
    else
        bad "$name" "want: stdout $(printf %q "$want_out"), rc $want_rc, stderr containing $(printf %q "$want_err")" \
            "got:  stdout $(printf %q "$OUT"), rc $RC" "stderr tail: $(printf %q "$(tail -n 3 "$TMP/err")")"
    fi
}

# both NAME WANT_OUT WANT_RC WANT_ERR CMD... : the same check with python3 and with weft.
both() {
    local name="$1"; shift
    check "$name [python3]" "$1" "$2" "$3" "$PY" "${@:4}"
    check "$name [weft]" "$1" "$2" "$3" "$WEFT" "${@:4}"
}

# weft_only NAME WANT_OUT WANT_RC WANT_ERR CMD...
weft_only() {
    if [ "$WEFT_IS_CPYTHON" = 1 ]; then
        skipped=$((skipped + 1)); echo "skip $1 (weft-only; the weft under test is CPython)"; return
    fi
    check "$1 [weft]" "$2" "$3" "$4" "$WEFT" "${@:5}"
}

# ---- shared behaviour: python3 and weft must agree ---------------------------------------------
both "-c prints" "2" 0 "" @I -c 'print(1 + 1)'
both "-c sys.argv" "['-c', 'a', 'b']" 0 "" @I -c 'import sys; print(sys.argv)' a b
both "-c __name__" "__main__" 0 "" @I -c 'print(__name__)'
both "-c compound statement" "0 1 2" 0 "" @I -c 'for i in range(3): print(i, end=" " if i < 2 else "\n")'

printf 'import sys\nprint("from stdin", sys.argv)\n' >"$TMP/stdin_script.py"
STDIN="$TMP/stdin_script.py"
both "script on stdin via -" "from stdin ['-', 'x', 'y']" 0 "" @I - x y
both "script on stdin, no arguments" "from stdin ['']" 0 "" @I
STDIN=/dev/null

printf 'import sys\nprint("args", sys.argv[1:])\nprint(__name__)\n' >"$TMP/script_args.py"
both "script with arguments" "args ['p', 'q']
__main__" 0 "" @I script_args.py p q

for interp in "$PY" "$WEFT"; do
    tag=python3; [ "$interp" = "$WEFT" ] && tag=weft
    run "$interp" -V
    if [[ "$OUT$ERR" == "Python 3."* ]] && [ "$RC" = 0 ]; then ok "-V prints 'Python 3.*' [$tag]"
    else bad "-V prints 'Python 3.*' [$tag]" "got stdout $(printf %q "$OUT") stderr $(printf %q "$ERR") rc $RC"; fi
done

UNBUF='import sys; print("out1"); print("err", file=sys.stderr); print("out2")'
both "-u keeps stdout/stderr order" "out1
err
out2" 0 "" bash -c '"$0" -u -c "$1" 2>&1' @I "$UNBUF"

mkdir -p "$TMP/pp"
PROBE='import sys; print(any(p.endswith("/pp") for p in sys.path))'
both "PYTHONPATH is honoured" "True" 0 "" env PYTHONPATH="$TMP/pp" @I -c "$PROBE"
both "-E ignores PYTHONPATH" "False" 0 "" env PYTHONPATH="$TMP/pp" @I -E -c "$PROBE"
both "-I ignores PYTHONPATH" "False" 0 "" env PYTHONPATH="$TMP/pp" @I -I -c "$PROBE"
both "-I sets isolated flags" "1 1" 0 "" @I -I -c 'import sys; print(sys.flags.isolated, sys.flags.ignore_environment)'
both "-E sets ignore_environment" "0 1" 0 "" @I -E -c 'import sys; print(sys.flags.isolated, sys.flags.ignore_environment)'
printf 'print("script dir on path")\n' >"$TMP/sibling_mod_cli.py"
printf 'import sibling_mod_cli\n' >"$TMP/uses_sibling.py"
both "script directory is on sys.path" "script dir on path" 0 "" @I uses_sibling.py
both "-I drops the script directory" "" 1 "ModuleNotFoundError: No module named 'sibling_mod_cli'" @I -I uses_sibling.py

# A missing script: exit 2 and the same message once the program name is stripped.
for interp in "$PY" "$WEFT"; do
    tag=python3; [ "$interp" = "$WEFT" ] && tag=weft
    run "$interp" nope_missing.py
    msg="${ERR_LAST#*: can\'t open file}"
    want=" '$TMP/nope_missing.py': [Errno 2] No such file or directory"
    if [ "$RC" = 2 ] && [ "$msg" == "$want" ] && [[ "$ERR_LAST" == *": can't open file "* ]]; then ok "missing script -> exit 2 [$tag]"
    else bad "missing script -> exit 2 [$tag]" "want rc 2 and '<prog>: can't open file$want'" "got rc $RC: $(printf %q "$ERR")"; fi
done

both "sys.exit(4)" "" 4 "" @I -c 'import sys; sys.exit(4)'
both "sys.exit(str)" "" 1 "bye now" @I -c 'import sys; sys.exit("bye now")'
both "sys.exit()" "" 0 "" @I -c 'import sys; sys.exit()'
both "raise SystemExit(0)" "before" 0 "" @I -c 'print("before"); raise SystemExit(0)'
both "uncaught exception -> exit 1" "" 1 "ZeroDivisionError: division by zero" @I -c '1 / 0'
both "syntax error in -c -> exit 1" "" 1 "SyntaxError" @I -c 'x = (1,'
printf 'print("partial")\nraise KeyError("k")\n' >"$TMP/stdin_fail.py"
STDIN="$TMP/stdin_fail.py"
both "uncaught exception in stdin script" "partial" 1 "KeyError: 'k'" @I -
STDIN=/dev/null
both "exit code of a script" "" 3 "" @I -c 'raise SystemExit(3)'

# ---- weft only: free-threading switches and version banner -------------------------------------
run "$WEFT" -VV
if [ "$WEFT_IS_CPYTHON" = 1 ]; then skipped=$((skipped + 1)); echo "skip -VV banner (weft-only)"
elif [[ "$OUT" == "Python 3."* ]] && [[ "$OUT" == *"free-threading build"* ]]; then ok "-VV mentions 'free-threading build' [weft]"
else bad "-VV mentions 'free-threading build' [weft]" "got $(printf %q "$OUT") rc $RC"; fi

GIL='import sys; print(sys._is_gil_enabled())'
FLAG='import sys; print(sys.flags.gil)'
weft_only "GIL off by default" "False" 0 "" @I -c "$GIL"
weft_only "sys.flags.gil unset by default" "None" 0 "" @I -c "$FLAG"
weft_only "-X gil=0" "False" 0 "" @I -X gil=0 -c "$GIL"
weft_only "-X gil=1" "True" 0 "" @I -X gil=1 -c "$GIL"
weft_only "-X gil=1 sets sys.flags.gil" "1" 0 "" @I -X gil=1 -c "$FLAG"
weft_only "-X gil=0 sets sys.flags.gil" "0" 0 "" @I -X gil=0 -c "$FLAG"
weft_only "PYTHON_GIL=1" "True" 0 "" env PYTHON_GIL=1 @I -c "$GIL"
weft_only "PYTHON_GIL=0" "False" 0 "" env PYTHON_GIL=0 @I -c "$GIL"
weft_only "-X gil=1 beats PYTHON_GIL=0" "True" 0 "" env PYTHON_GIL=0 @I -X gil=1 -c "$GIL"
weft_only "-E ignores PYTHON_GIL" "False" 0 "" env PYTHON_GIL=1 @I -E -c "$GIL"
weft_only "-I ignores PYTHON_GIL" "False" 0 "" env PYTHON_GIL=1 @I -I -c "$GIL"
weft_only "PYTHON_GIL=2 rejected" "" 1 'must be "0" or "1"' env PYTHON_GIL=2 @I -c 'print("ran")'
weft_only "-X gil=2 rejected" "" 1 'must be "0" or "1"' @I -X gil=2 -c 'print("ran")'
weft_only "-X gil=yes rejected" "" 1 'must be "0" or "1"' @I -X gil=yes -c 'print("ran")'
weft_only "-X gil=1 script runs" "45" 0 "" @I -X gil=1 -c 'print(sum(range(10)))'

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
