#!/usr/bin/env bash
# CI test of the Linux package: builds the .deb, installs it with dpkg -i, runs the installed
# `active-labeler --version` and a short headless `simulate` on a generated dataset, removes it with
# dpkg -r and checks that nothing is left in /opt, /usr or /etc and that the program wrote nothing but
# its user data folder. Prints the package size and cold-start times. Exits non-zero on any failure.
# Runs as root on Debian/Ubuntu (it installs packages); idempotent.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKG=active-labeler
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
say() { printf '[test-deb] %s\n' "$*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

[ "$(uname -s)" = Linux ] || fail "needs Linux"
command -v dpkg >/dev/null || fail "needs dpkg"
[ "$(id -u)" = 0 ] || fail "needs root (installs a package)"

say "installing build tools (fakeroot, dpkg-dev, zip, unzip)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends fakeroot dpkg-dev zip unzip >/dev/null

# A package left from an earlier run goes first.
if dpkg -s "$PKG" >/dev/null 2>&1; then say "removing $PKG left from an earlier run"; dpkg --purge "$PKG" >/dev/null; fi

"$ROOT/installer/build-linux.sh" deb
DEB=$(ls "$ROOT"/target/installer/${PKG}_*.deb)

# The package's dependencies (shared libraries of the runtime, xdg-utils) before the snapshot: they stay.
DEPS=$(dpkg-deb -f "$DEB" Depends | tr -d ',')
say "installing the package's dependencies"
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $DEPS >/dev/null

# A desktop system has the XDG menu folder that xdg-desktop-menu installs into; a bare CI machine may not.
mkdir -p /etc/xdg/menus /usr/share/applications /usr/share/desktop-directories

WORK=$(mktemp -d /tmp/active-labeler-deb-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
snapshot() { find /opt /usr /etc -xdev -not -path '/usr/share/mime/*' 2>/dev/null | sort; }
snapshot > "$WORK/before.txt"

say "dpkg -i $(basename "$DEB")"
dpkg -i "$DEB" >/dev/null
[ "$(command -v active-labeler)" = /usr/bin/active-labeler ] || fail "active-labeler is not on the PATH"
[ -f /usr/share/applications/${PKG}-${PKG}.desktop ] || fail "no menu entry in /usr/share/applications"
touch "$WORK/installed.marker"

# Java takes user.home from the password file, not from $HOME: XDG_DATA_HOME points the data folder
# at the fresh home, and the real home is checked below for the caches libraries make by default.
REAL_HOME=$(getent passwd "$(id -u)" | cut -d: -f6)
# A fresh user: empty home, no JDK or Maven on the PATH, no network settings, tracking off.
export HOME="$WORK/home"; mkdir -p "$HOME" "$WORK/cwd"; cd "$WORK/cwd"
export XDG_DATA_HOME="$HOME/.local/share"
unset ACTIVE_LABELER_HOME MLFLOW_TRACKING_URI JAVA_HOME DJL_CACHE_DIR ENGINE_CACHE_DIR
export ACTIVE_LABELER_TRACKING=off PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
command -v java >/dev/null && say "note: a java is on the PATH ($(command -v java)); the package does not use it"

t0=$(now); version=$(active-labeler --version); t1=$(now)
echo "$version" | grep -q '^active-labeler [0-9]' || fail "unexpected --version output: $version"
say "installed: $version"
VERSION_SECS=$(secs "$t0" "$t1")

"$ROOT/installer/make-test-data.sh" "$WORK/reviews.csv" 200
t0=$(now)
active-labeler simulate --data "$WORK/reviews.csv" --init 20 --batch 20 --max-labels 60 --seed 13 \
  --out "$WORK/curve.csv" > "$WORK/simulate.log" 2>&1 || { cat "$WORK/simulate.log"; fail "simulate failed"; }
t1=$(now)
SIM_SECS=$(secs "$t0" "$t1")
grep -q '^final: 60 labels' "$WORK/simulate.log" || { cat "$WORK/simulate.log"; fail "simulate printed no final line"; }
grep -i -q 'exception' "$WORK/simulate.log" && { cat "$WORK/simulate.log"; fail "simulate printed an exception"; }
[ -s "$WORK/curve.csv" ] || fail "no learning curve written"
grep '^final:' "$WORK/simulate.log" | sed 's/^/[test-deb] simulate: /'
t0=$(now); active-labeler simulate --data "$WORK/reviews.csv" --init 20 --batch 20 --max-labels 60 --seed 13 \
  > /dev/null 2>&1 || fail "second simulate failed"; t1=$(now)
SIM2_SECS=$(secs "$t0" "$t1")

changed=$(find /opt/$PKG -newer "$WORK/installed.marker" | head -n 5)
[ -z "$changed" ] || fail "the program wrote into the install folder: $changed"

DATA="$HOME/.local/share/active-labeler"
[ -f "$DATA/active-labeler.mv.db" ] || fail "no database in $DATA"
others=$(cd "$HOME" && find . -mindepth 1 -not -path './.local' -not -path './.local/share' \
  -not -path './.local/share/active-labeler' -not -path './.local/share/active-labeler/*')
[ -z "$others" ] || fail "the program wrote outside its data folder in HOME: $others"
leaked=$(find "$REAL_HOME/.djl.ai" "$REAL_HOME/.openjfx" "$REAL_HOME/.cache/JNA" \
  "$REAL_HOME/.local/share/active-labeler" -maxdepth 0 -newer "$WORK/installed.marker" 2>/dev/null || true)
[ -z "$leaked" ] || fail "the program wrote caches into the home folder: $leaked"
DATA_SIZE=$(du -sh "$DATA" | cut -f1)

say "dpkg -r $PKG"
dpkg -r "$PKG" >/dev/null
snapshot > "$WORK/after.txt"
if ! diff "$WORK/before.txt" "$WORK/after.txt" > "$WORK/diff.txt"; then
  cat "$WORK/diff.txt"; fail "dpkg -r left files behind in /opt, /usr or /etc"
fi
[ ! -e /usr/bin/active-labeler ] || fail "/usr/bin/active-labeler left behind"
say "after dpkg -r: /opt, /usr and /etc as before the install; the user data stays in ~/.local/share/active-labeler ($DATA_SIZE):"
(cd "$HOME" && find . -maxdepth 4 | sort | sed 's/^/[test-deb]   /')

say "package: $(basename "$DEB") $(du -m "$DEB" | cut -f1) MB ($(stat -c %s "$DEB") bytes); installed size $(( $(dpkg-deb -f "$DEB" Installed-Size) / 1024 )) MB"
say "cold start: active-labeler --version ${VERSION_SECS} s; first simulate (200 reviews, 60 labels, natives extracted) ${SIM_SECS} s; second simulate ${SIM2_SECS} s"
say "PASS"
