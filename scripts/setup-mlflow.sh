#!/usr/bin/env bash
# Makes (or reuses) the Python virtual environment .venv in the repository root with the pinned
# MLflow, for the tracking integration tests and for a local tracking server. Prints the path of
# the mlflow executable on its last line. Needs python3 (3.9 or later) with venv, and the package
# registry (PyPI) the first time.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
stamp="$venv/.mlflow-requirements.sha256"
wanted=$(cat scripts/mlflow-requirements.txt scripts/mlflow-constraints.txt | sha256sum | cut -d' ' -f1)

if [[ -x "$venv/bin/mlflow" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "MLflow environment is up to date: $venv" >&2
else
  python=${PYTHON:-python3}
  if ! command -v "$python" >/dev/null; then
    echo "error: $python not found; install Python 3 to run the MLflow tests" >&2
    exit 1
  fi
  echo "Installing MLflow into $venv (once per machine; a few minutes)" >&2
  [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    -r scripts/mlflow-requirements.txt -c scripts/mlflow-constraints.txt >&2
  echo "$wanted" > "$stamp"
fi
"$venv/bin/mlflow" --version >&2
echo "$PWD/$venv/bin/mlflow"
