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

# ---- Ctrl-C / SIGINT: an uncaught KeyboardInterrupt prints its traceback, then the process dies by
# SIGINT (the shell sees 130), as CPython does (bpo-1054041) ---------------------------------------
both "raise_signal(SIGINT) uncaught -> killed by SIGINT" "" 130 "KeyboardInterrupt" \
    @I -c 'import signal; signal.raise_signal(signal.SIGINT)'
both "raise KeyboardInterrupt -> killed by SIGINT" "before" 130 "KeyboardInterrupt" \
    @I -c 'print("before"); raise KeyboardInterrupt'
both "KeyboardInterrupt subclass -> exit 1" "" 1 "K" @I -c 'class K(KeyboardInterrupt): pass
raise K'
both "KeyboardInterrupt still joins threads" "worker done" 130 "KeyboardInterrupt" @I -c 'import threading, time
threading.Thread(target=lambda: (time.sleep(0.2), print("worker done"))).start()
raise KeyboardInterrupt'
both "SIGINT ignored at start-up stays ignored" "1 ok" 0 "" \
    bash -c 'trap "" INT; exec "$0" -c "import signal, _thread; _thread.interrupt_main(); signal.raise_signal(signal.SIGINT); print(signal.getsignal(signal.SIGINT), \"ok\")"' @I
# The same traceback on stderr.
run "$PY" -c 'import signal; signal.raise_signal(signal.SIGINT)'; PY_ERR="$ERR"
run "$WEFT" -c 'import signal; signal.raise_signal(signal.SIGINT)'
if [ "$ERR" == "$PY_ERR" ]; then ok "uncaught KeyboardInterrupt: same stderr [weft]"
else bad "uncaught KeyboardInterrupt: same stderr [weft]" "python3: $(printf %q "$PY_ERR")" "weft:    $(printf %q "$ERR")"; fi

# A real SIGINT from outside (as Ctrl-C sends) while the main thread is blocked or busy: the
# harness (run by python3) starts the interpreter with SIGINT at its default action, waits for its
# "ready" line, sends SIGINT and prints the exit status and the last stderr line.
cat >"$TMP/sigint_harness.py" <<'HARNESS'
import signal, subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
ready = p.stdout.readline()
time.sleep(0.2)
p.send_signal(signal.SIGINT)
try:
    out, err = p.communicate(timeout=20)
except subprocess.TimeoutExpired:
    p.kill()
    out, err = p.communicate()
    print("timeout")
lines = [ln for ln in err.splitlines() if ln.strip()]
print(("%s %s %s %s" % (ready.strip(), out.strip(), p.returncode, lines[-1] if lines else "")).strip())
HARNESS
for wait in "threading.Event().wait()" "time.sleep(60)" "threading.Lock().acquire(); l = threading.Lock(); l.acquire(); l.acquire()" \
            "t = threading.Thread(target=time.sleep, args=(60,), daemon=True); t.start(); t.join()" \
            "import queue; queue.Queue().get()" "exec('while True: pass')"; do
    both "SIGINT from outside during: $wait" "ready  -2 KeyboardInterrupt" 0 "" \
        "$PY" "$TMP/sigint_harness.py" @I -c "import threading, time; print('ready', flush=True); $wait"
done
both "SIGINT from outside with busy threads: handler in main" "ready main got KI -2 KeyboardInterrupt" 0 "" \
    "$PY" "$TMP/sigint_harness.py" @I -c 'import threading, time
stop = []
def spin():
    while not stop: sum(range(100))
for _ in range(4): threading.Thread(target=spin, daemon=True).start()
print("ready", flush=True)
try:
    threading.Event().wait()
except KeyboardInterrupt:
    print("main got KI")
    stop.append(1)
    raise'
both "SIGINT from outside runs a Python handler" "ready handled 2 0" 0 "" \
    "$PY" "$TMP/sigint_harness.py" @I -c 'import signal, threading
ev = threading.Event()
signal.signal(signal.SIGINT, lambda s, f: (print("handled", s), ev.set()))
print("ready", flush=True)
ev.wait()'

# -X int_max_str_digits / PYTHONINTMAXSTRDIGITS
DIGITS='import sys; print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)'
both "int_max_str_digits default" "4300 -1" 0 "" @I -c "$DIGITS"
both "-X int_max_str_digits=1000" "1000 1000" 0 "" @I -X int_max_str_digits=1000 -c "$DIGITS"
both "PYTHONINTMAXSTRDIGITS=2000" "2000 2000" 0 "" env PYTHONINTMAXSTRDIGITS=2000 @I -c "$DIGITS"
both "-X int_max_str_digits beats the environment" "0 0" 0 "" env PYTHONINTMAXSTRDIGITS=2000 @I -X int_max_str_digits=0 -c "$DIGITS"
both "-E ignores PYTHONINTMAXSTRDIGITS" "4300 -1" 0 "" env PYTHONINTMAXSTRDIGITS=2000 @I -E -c "$DIGITS"
both "-X int_max_str_digits=5 rejected" "" 1 "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited." \
    @I -X int_max_str_digits=5 -c 'print("ran")'
both "PYTHONINTMAXSTRDIGITS=x rejected" "" 1 "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited." \
    env PYTHONINTMAXSTRDIGITS=x @I -c 'print("ran")'

# A thread blocked reading stdin (a pipe that stays silent for a second) must not hold up the
# others: weft detaches around read(2), so another thread's stop-the-world (gc.collect() runs
# one) and its own work go on.
cat >"$TMP/blocked_read.py" <<'PYEOF'
import gc, sys, threading, time
def worker():
    time.sleep(0.3)  # main is in readline() by now
    t = time.perf_counter()
    for _ in range(20):
        gc.collect()
    print("worker", "fast" if time.perf_counter() - t < 0.5 else "blocked", flush=True)
t = threading.Thread(target=worker)
t.start()
print("main read", sys.stdin.readline().strip())
t.join()
PYEOF
both "a thread blocked in stdin.readline() does not stop the others" "worker fast
main read hi" 0 "" bash -c '(sleep 1.2; echo hi) | @I blocked_read.py'

# Ctrl-C while input() waits on a silent pipe: KeyboardInterrupt at once (PEP 475: the read runs
# the handlers when interrupted), and the line that arrives later is still there to read.
cat >"$TMP/sigint_input.py" <<'PYEOF'
import signal, subprocess, sys, time
code = """
import sys
try:
    print("read", input())
except KeyboardInterrupt:
    print("KeyboardInterrupt at input()")
print("then read", sys.stdin.readline().strip())
"""
p = subprocess.Popen([sys.argv[1], "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
time.sleep(0.7)
p.send_signal(signal.SIGINT)
time.sleep(0.3)
p.stdin.write("late\n")
p.stdin.close()
print(p.stdout.read().strip(), p.wait(timeout=20))
PYEOF
both "Ctrl-C interrupts input() on a pipe" "KeyboardInterrupt at input()
then read late 0" 0 "" "$PY" sigint_input.py @I

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
