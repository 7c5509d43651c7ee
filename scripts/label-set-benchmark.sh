#!/usr/bin/env bash
# The label-set benchmark of docs/benchmarks.md: simulate with entropy and random sampling (init 20,
# batch 50, seed 13) on AG News (4 topics) and SST-5 (5 sentiment levels), and IMDB with entropy, from
# ../shared/data; the curves go to docs/curves/. With PEER_PYTHON (a Python with scikit-learn), the
# scikit-learn peer in ../shared/peers runs on the same files too.
#   scripts/label-set-benchmark.sh [SHARED_DIR]   (about an hour on 2 cores; the IMDB run is most of it)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
data=$shared/data
[[ -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
run() { # name pool holdout strategy budget
  java -Xmx3g -jar target/active-labeler.jar simulate --data "$2" --holdout "$3" --strategy "$4" \
    --init 20 --batch 50 --max-labels "$5" --seed 13 --out "docs/curves/$1-$4-seed13.csv" \
    --db "$db" --tracking-uri http://127.0.0.1:9 | tail -3
}
peer() { # name pool holdout strategy budget
  [[ -n "${PEER_PYTHON:-}" ]] || return 0
  "$PEER_PYTHON" "$shared/peers/peer_multiclass.py" "$2" "$3" text label "$4" 20 50 "$5" 13 \
    | grep -v '^#' > "docs/curves/$1-peer-$4-seed13.csv"
}
for strategy in entropy random; do
  run ag-news "$data/ag-news/ag_news_pool.csv.gz" "$data/ag-news/ag_news_holdout.csv.gz" $strategy 2020
  peer ag-news "$data/ag-news/ag_news_pool.csv.gz" "$data/ag-news/ag_news_holdout.csv.gz" $strategy 2020
  run sst5 "$data/sst5/sst5_train.csv" "$data/sst5/sst5_test.csv" $strategy 2020
  peer sst5 "$data/sst5/sst5_train.csv" "$data/sst5/sst5_test.csv" $strategy 2020
done
run imdb "$data/imdb/imdb_pool.csv.gz" "$data/imdb/imdb_holdout.csv.gz" entropy 3020
