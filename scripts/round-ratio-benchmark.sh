#!/usr/bin/env bash
# The round-speed benchmark of docs/benchmarks.md: one round (train on the labels, then score the
# unlabeled pool) of Active Labeler's fast model against the scikit-learn peer, both on the IMDB pool
# in one run (entropy, init 20, batch 50, seed 13, to MAX_LABELS, 3,270 by default so that the rounds
# around 3,020 score the pool too), then the ratio at 1,020 and 3,020 (times: medians of the 9 rounds around)
# labels with both holdout accuracies. The curves go to docs/curves/round-ratio-*.csv.
#   scripts/round-ratio-benchmark.sh [SHARED_DIR]
# FEATURES names the fast model's blocks (default: the app's default, embeddings included, which embeds
# the pool first unless its vectors are cached); JAVA_OPTS more JVM flags (e.g. -Dactivelabeler.warm.epochs=0);
# PEER_PYTHON a Python with scikit-learn (default .venv); OUT a name for the curves (default round-ratio); JAR another
# build's jar (with its lib/ beside it) to compare against, run the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
data=$shared/data/imdb
max=${MAX_LABELS:-3270}
peer_python=${PEER_PYTHON:-.venv/bin/python}
features=${FEATURES:+--features $FEATURES}
jar=${JAR:-target/active-labeler.jar}
[[ -n ${JAR:-} || -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
name=${OUT:-round-ratio}
ours=docs/curves/$name-active-labeler.csv
peer=docs/curves/$name-peer.csv
echo "# $(date -u +%FT%TZ), $(nproc) cores; fast model: ${FEATURES:-default blocks} ${JAVA_OPTS:-}"
timed() { # label command...: with GNU time, its wall time and peak resident memory go to $db/$label.time
  local label=$1; shift
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -o "$db/$label.time" -f "# $label: %e s, peak resident %M KiB" "$@"
  else "$@"; fi
}
timed simulate java -Xmx6g ${JAVA_OPTS:-} -jar "$jar" simulate \
  --data "$data/imdb_pool.csv.gz" --holdout "$data/imdb_holdout.csv.gz" --strategy entropy --init 20 --batch 50 \
  --max-labels "$max" --seed 13 $features --out "$ours" --db "$db" --tracking-uri http://127.0.0.1:9 2>/dev/null \
  > "$db/simulate.out"
tail -4 "$db/simulate.out"
timed peer "$peer_python" "$shared/peers/peer_sklearn_al.py" \
  "$data/imdb_pool.csv.gz" "$data/imdb_holdout.csv.gz" entropy 20 50 "$max" 13 | grep -v '^#' > "$peer"
cat "$db"/*.time 2>/dev/null || true
"$peer_python" - "$ours" "$peer" "$db/simulate.out" <<'PY'
import csv, re, statistics, sys
# One round's time is noisy (the peer's varies by 2x from run to run), so each side's time at a
# checkpoint is the median over the 9 rounds around it (checkpoint +-200 labels); the accuracy is the
# checkpoint's own.
ours = {int(r["labels"]): r for r in csv.DictReader(open(sys.argv[1]))}
# The choice of feature space (cross-validation every few rounds, default blocks only) is part of what
# the rounds cost: its total time, spread evenly over the rounds, is added to each round's training.
choice = re.search(r"cross-validation every \d+ rounds, ([0-9.]+) s\)", open(sys.argv[3]).read())
choice_ms = 1000 * float(choice.group(1)) / len(ours) if choice else 0.0
for r in ours.values():
    r["train_ms"] = str(float(r["train_ms"]) + choice_ms)
if choice:
    print(f"(feature choice: {choice.group(1)} s over {len(ours)} rounds, {choice_ms:.0f} ms a round, in the training column)")
peer = {int(r["labels"]): r for r in csv.DictReader(open(sys.argv[2]))}
def median(rows, at, *fields):
    near = [sum(float(r[f]) for f in fields) for labels, r in rows.items() if abs(labels - at) <= 200]
    return statistics.median(near)
print("| labels | Active Labeler: train + score (ms) | accuracy | peer: fit + score (ms) | accuracy | ratio |")
print("|---:|---:|---:|---:|---:|---:|")
for labels in (1020, 3020):
    if labels not in ours or labels not in peer:
        continue
    train, score = median(ours, labels, "train_ms"), median(ours, labels, "score_ms")
    fit, scored = median(peer, labels, "fit_ms"), median(peer, labels, "score_ms")
    mine, theirs = median(ours, labels, "train_ms", "score_ms"), median(peer, labels, "fit_ms", "score_ms")
    print(f"| {labels:,} | {train:.0f} + {score:.0f} = {mine:.0f} | {100 * float(ours[labels]['accuracy']):.2f}% "
          f"| {fit:.0f} + {scored:.0f} = {theirs:.0f} | {100 * float(peer[labels]['accuracy']):.2f}% "
          f"| {mine / theirs:.2f} |")
PY
