#!/usr/bin/env bash
# The round-speed benchmark of docs/benchmarks.md: one round (train on the labels, then score the
# unlabeled pool) of Active Labeler's fast model against the scikit-learn peer, both on the IMDB pool
# in one run (entropy, init 20, batch 50, seed 13, to MAX_LABELS), then the ratio at 1,020 and 3,020
# labels with both holdout accuracies. The curves go to docs/curves/round-ratio-*.csv.
#   scripts/round-ratio-benchmark.sh [SHARED_DIR]
# FEATURES names the fast model's blocks (default: the app's default, embeddings included, which embeds
# the pool first unless its vectors are cached); PEER_PYTHON a Python with scikit-learn (default .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
data=$shared/data/imdb
max=${MAX_LABELS:-3020}
peer_python=${PEER_PYTHON:-.venv/bin/python}
features=${FEATURES:+--features $FEATURES}
[[ -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
ours=docs/curves/round-ratio-active-labeler.csv
peer=docs/curves/round-ratio-peer.csv
echo "# $(date -u +%FT%TZ), $(nproc) cores; fast model: ${FEATURES:-default blocks}"
timed() { # label command...: with GNU time, its wall time and peak resident memory on stderr
  local label=$1; shift
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -f "# $label: %e s, peak resident %M KiB" "$@"; else "$@"; fi
}
timed simulate java -Xmx6g -jar target/active-labeler.jar simulate \
  --data "$data/imdb_pool.csv.gz" --holdout "$data/imdb_holdout.csv.gz" --strategy entropy --init 20 --batch 50 \
  --max-labels "$max" --seed 13 $features --out "$ours" --db "$db" --tracking-uri http://127.0.0.1:9 | tail -2
timed peer "$peer_python" "$shared/peers/peer_sklearn_al.py" \
  "$data/imdb_pool.csv.gz" "$data/imdb_holdout.csv.gz" entropy 20 50 "$max" 13 | grep -v '^#' > "$peer"
"$peer_python" - "$ours" "$peer" <<'PY'
import csv, sys
ours = {int(r["labels"]): r for r in csv.DictReader(open(sys.argv[1]))}
peer = {int(r["labels"]): r for r in csv.DictReader(open(sys.argv[2]))}
print("| labels | Active Labeler: train + score (ms) | accuracy | peer: fit + score (ms) | accuracy | ratio |")
print("|---:|---:|---:|---:|---:|---:|")
for labels in (1020, 3020):
    if labels not in ours or labels not in peer:
        continue
    a, p = ours[labels], peer[labels]
    mine = float(a["train_ms"]) + float(a["score_ms"])
    theirs = float(p["fit_ms"]) + float(p["score_ms"])
    print(f"| {labels:,} | {a['train_ms']} + {a['score_ms']} = {mine:.0f} | {100 * float(a['accuracy']):.2f}% "
          f"| {p['fit_ms']} + {p['score_ms']} = {theirs:.0f} | {100 * float(p['accuracy']):.2f}% | {mine / theirs:.2f} |")
PY
