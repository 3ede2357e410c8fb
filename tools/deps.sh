#!/bin/sh
# Install the Debian packages weft needs, only when something is missing.
# Used by `make` and `.ci/run`. Needs root (or sudo) when it installs.
set -e
need=""
check() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || need="$need $1"; }
# gcc brings the sanitizer runtimes for `make asan` / `make tsan` (libasan,
# libubsan, libtsan: dependencies of Debian's libgcc-N-dev).
for p in gcc make libc6-dev libmimalloc-dev libgmp-dev libutf8proc-dev libedit-dev python3; do check "$p"; done
[ -z "$need" ] && exit 0
echo "deps: installing$need"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
