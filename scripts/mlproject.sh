#!/usr/bin/env bash
# Entry point of the MLproject: builds the app once with the Maven wrapper, then runs the given
# command. Options given an empty value ("--holdout ''") are left out, so that they keep their default.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f target/active-labeler.jar ]]; then
  ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
fi
args=()
while (($#)); do
  if [[ "$1" == --* && $# -ge 2 && -z "$2" ]]; then
    shift 2
  else
    args+=("$1")
    shift
  fi
done
exec java -jar target/active-labeler.jar "${args[@]}"
