#!/bin/sh
# tests/parse/check.sh — differential tests of weft's parser against
# /usr/bin/python3 (CPython 3.11).
#
#   tests/parse/check.sh            cases + errors + stdlib (with positions)
#   tests/parse/check.sh --quick    cases + errors only
#   tests/parse/check.sh --corpus   also every *.py on the machine (slow)
#
# Builds build/weft-parse with src/parse/Makefile.inc unless WEFT_PARSE is
# set to an existing binary. Exits non-zero on any mismatch.
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${WEFT_PARSE:-build/weft-parse}
if [ -z "${WEFT_PARSE:-}" ]; then
    printf 'include src/parse/Makefile.inc\n' > build.parse.mk.tmp
    make -s -f build.parse.mk.tmp build/weft-parse || { rm -f build.parse.mk.tmp; exit 2; }
    rm -f build.parse.mk.tmp
fi
PY=/usr/bin/python3
CMP="$PY -W ignore tests/parse/compare.py"
status=0

echo "== cases (ast.dump, with positions)"
$CMP --attrs "$BIN" tests/parse/cases/*.py || status=1

echo "== syntax errors (type, message, line, offset)"
$CMP --errors "$BIN" tests/parse/errors/*.py || status=1

if [ "${1:-}" != "--quick" ]; then
    echo "== /usr/lib/python3.11 (ast.dump, with positions)"
    find /usr/lib/python3.11 -name '*.py' | sort |
        $CMP --attrs --quiet "$BIN" - || status=1
fi

if [ "${1:-}" = "--corpus" ]; then
    echo "== every .py file on this machine (ast.dump)"
    find / -xdev -name '*.py' -not -path '/proc/*' 2>/dev/null | sort |
        $CMP --quiet "$BIN" - || status=1
fi
exit $status
