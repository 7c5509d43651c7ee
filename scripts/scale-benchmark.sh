#!/usr/bin/env bash
# The scale benchmark of docs/benchmarks.md: for each pool size, a synthetic pool of that many distinct
# texts made from the IMDB pool (scripts/synthetic-pool.py), then `import` and `simulate` (3 rounds:
# init 1,000, batch 50, to 1,100 labels, the IMDB holdout measuring), each with its wall time and peak
# resident memory, and the rounds' train and score times. Prints a Markdown table.
#   scripts/scale-benchmark.sh [SHARED_DIR] SIZE...     e.g. ../shared 44582 178328 1000000
# FEATURES names the fast model's blocks (default tfidf,lsa: embedding a large pool takes hours here);
# XMX the heap (default 16g); WORK a folder for the pools and databases (default a temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
shift || true
sizes=("${@:-44582 178328}")
features=${FEATURES:-tfidf,lsa}
xmx=${XMX:-16g}
work=${WORK:-$(mktemp -d)}
pool=$shared/data/imdb/imdb_pool.csv.gz
holdout=$shared/data/imdb/imdb_holdout.csv.gz
[[ -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
measure() { # label command...: wall seconds and peak resident KiB into $work/$label.time
  local label=$1; shift
  /usr/bin/time -o "$work/$label.time" -f "%e %M" "$@" >"$work/$label.log" 2>&1
}
echo "| texts | import: s, peak RSS | simulate (features + 3 rounds): s, peak RSS | round train + score (ms) |"
echo "|---:|---:|---:|---|"
for size in ${sizes[@]}; do
  data=$work/pool-$size.csv.gz
  [[ -f $data ]] || python3 scripts/synthetic-pool.py "$pool" "$size" "$data" >/dev/null
  db=$work/db-$size
  rm -rf "$db"
  measure "import-$size" java -Xmx"$xmx" -jar target/active-labeler.jar import --data "$data" --db "$db"
  measure "simulate-$size" java -Xmx"$xmx" -jar target/active-labeler.jar simulate --data "$data" \
    --holdout "$holdout" --features "$features" --init 1000 --batch 50 --max-labels 1100 --seed 13 \
    --out "$work/curve-$size.csv" --db "$db" --tracking-uri http://127.0.0.1:9
  read -r import_s import_kib <"$work/import-$size.time"
  read -r sim_s sim_kib <"$work/simulate-$size.time"
  rounds=$(awk -F, 'NR > 1 {printf "%s%s + %s", sep, $5, $6; sep = "; "}' "$work/curve-$size.csv")
  awk -v n="$size" -v is="$import_s" -v ik="$import_kib" -v ss="$sim_s" -v sk="$sim_kib" -v r="$rounds" \
    'BEGIN {printf "| %s | %.1f s, %.2f GB | %.1f s, %.2f GB | %s |\n", n, is, ik / 1048576, ss, sk / 1048576, r}'
done
