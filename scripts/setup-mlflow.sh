#!/usr/bin/env bash
# Makes (or reuses) the Python virtual environments with the pinned MLflow versions, for the tracking
# integration tests and for a local tracking server:
#
#   2 (the default)  .venv          mlflow-requirements.txt  + mlflow-constraints.txt   (2.17.2, the Java client's)
#   3                .venv-mlflow3  mlflow3-requirements.txt + mlflow3-constraints.txt  (a current 3.x)
#
# Usage: scripts/setup-mlflow.sh [--optional] [2|3]...
# Prints the path of each environment's mlflow executable, one a line, in the order asked (so with one
# environment, on the last line). Needs python3 (3.11 or later, with venv; PYTHON names another one) and
# the package registry (PyPI) the first time; an environment whose pins did not change is reused.
#
# --optional (how the Maven build runs it): without a usable Python, say why on stderr, make nothing
# and exit 0; the MLflow tests are then skipped with that reason. A failing pip install still fails.
set -euo pipefail
cd "$(dirname "$0")/.."

optional=false
versions=()
for arg in "$@"; do
  case "$arg" in
    --optional) optional=true ;;
    2|3) versions+=("$arg") ;;
    *) echo "usage: $0 [--optional] [2|3]..." >&2; exit 2 ;;
  esac
done
((${#versions[@]})) || versions=(2)

python=${PYTHON:-python3}

# Prints why there is no usable Python (nothing when there is one).
python_problem() {
  if ! command -v "$python" >/dev/null; then
    echo "$python not found"
  elif ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "$python is $("$python" -c 'import platform; print(platform.python_version())' 2>&1); the pinned packages need 3.11 or later"
  elif ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    echo "$python has no venv module with pip (on Debian/Ubuntu: apt install python3-venv)"
  fi
}

setup() {
  local version=$1 venv requirements constraints
  case "$version" in
    2) venv=.venv requirements=scripts/mlflow-requirements.txt constraints=scripts/mlflow-constraints.txt ;;
    3) venv=.venv-mlflow3 requirements=scripts/mlflow3-requirements.txt constraints=scripts/mlflow3-constraints.txt ;;
  esac
  local stamp="$venv/.mlflow-requirements.sha256"
  local wanted
  wanted=$(cat "$requirements" "$constraints" | sha256sum | cut -d' ' -f1)

  if [[ -x "$venv/bin/mlflow" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
    echo "MLflow environment is up to date: $venv" >&2
  else
    local problem
    problem=$(python_problem)
    if [[ -n "$problem" ]]; then
      if $optional; then
        echo "MLflow set-up skipped for $venv: $problem; the MLflow tests against it are skipped" >&2
        return 0
      fi
      echo "error: $problem; install Python 3.11+ to run the MLflow tests" >&2
      exit 1
    fi
    echo "Installing MLflow into $venv (once per machine; about a minute)" >&2
    [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
    if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check \
        -r "$requirements" -c "$constraints" >&2; then
      echo "error: pip could not install $requirements into $venv (is PyPI reachable?)." \
        "To build without it: ./mvnw -Dmlflow.setup.skip=true ... (the MLflow tests are then skipped)" >&2
      exit 1
    fi
    echo "$wanted" > "$stamp"
  fi
  echo "MLflow $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("mlflow"))') in $venv" >&2
  echo "$PWD/$venv/bin/mlflow"
}

for version in "${versions[@]}"; do
  setup "$version"
done
