#!/usr/bin/env bash
# Makes sure the PostgreSQL server programs (initdb, pg_ctl) are on this machine for the tests, which start a
# server of their own on 127.0.0.1 (src/test/java/org/activelabeler/testsupport/PostgresTestServer.java).
# Run by `./mvnw verify` before the tests. As root on Debian/Ubuntu it installs the `postgresql` package when
# it is missing; elsewhere it says what to install, and the PostgreSQL tests are then skipped with that reason.
set -euo pipefail

have_server() {
  if [ -n "${ACTIVE_LABELER_PG_BIN:-}" ] && [ -x "$ACTIVE_LABELER_PG_BIN/initdb" ]; then
    return 0
  fi
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if have_server; then
  echo "PostgreSQL server programs: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)${ACTIVE_LABELER_PG_BIN:+ ($ACTIVE_LABELER_PG_BIN)}"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's postgresql package for the PostgreSQL tests"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
    have_server && exit 0
  fi
  echo "warning: could not install postgresql; the PostgreSQL tests will be skipped" >&2
  exit 0
fi
echo "warning: no PostgreSQL server programs (install the postgresql package, or set ACTIVE_LABELER_PG_BIN to the" \
  "folder with initdb and pg_ctl); the PostgreSQL tests will be skipped" >&2
