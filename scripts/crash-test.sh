#!/usr/bin/env bash
# Kills real Active Labeler processes with SIGKILL at random moments, KILLS times for each kind of
# work (labeling at human pace, in a tight loop, during retrains, and imports), and checks that
# nothing they reported done is lost. The figures go to docs/reliability.md.
#   scripts/crash-test.sh [KILLS]   (default 200 of each kind; about 40 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-200}
report=$(mktemp)
./mvnw -q -B -ntp test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcrash.kills="$kills" -Dcrash.report="$report"
echo "| work killed | kills | things reported done | lost | kills that lost something |"
echo "|---|---:|---:|---:|---:|"
cat "$report"
rm -f "$report"
