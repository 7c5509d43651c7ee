#!/usr/bin/env bash
# The embeddings benchmark of docs/benchmarks.md: simulate with the default features (TF-IDF, LSA and
# bge-small-en-v1.5 sentence vectors), init 20, batch 50, seed 13, on AG News and SST-5 (entropy,
# diverse-entropy, random, to 1,020 labels) and IMDB (entropy to 3,020; diverse-entropy and random to
# 1,020), from ../shared/data; curves to docs/curves/*-embeddings-*.csv. The first run embeds every
# text into the vector cache (about an hour for IMDB on 2 cores); later runs find the vectors there.
#   scripts/embedding-loop-benchmark.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
data=$shared/data
[[ -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
run() { # name pool holdout strategy budget
  echo "== $1 $4 to $5 labels"
  java -Xmx8g -jar target/active-labeler.jar simulate --data "$2" --holdout "$3" --strategy "$4" \
    --init 20 --batch 50 --max-labels "$5" --seed 13 --out "docs/curves/$1-embeddings-$4-seed13.csv" \
    --db "$db" --tracking-uri http://127.0.0.1:9 | tail -6
}
for strategy in entropy diverse-entropy random; do
  run ag-news "$data/ag-news/ag_news_pool.csv.gz" "$data/ag-news/ag_news_holdout.csv.gz" $strategy 1020
  run sst5 "$data/sst5/sst5_train.csv" "$data/sst5/sst5_test.csv" $strategy 1020
done
run imdb "$data/imdb/imdb_pool.csv.gz" "$data/imdb/imdb_holdout.csv.gz" entropy 3020
for strategy in diverse-entropy random; do
  run imdb "$data/imdb/imdb_pool.csv.gz" "$data/imdb/imdb_holdout.csv.gz" $strategy 1020
done
# The whole pool, every label (and 120, 1,020, 3,020 random ones), with the default features.
java -Xmx10g -jar target/active-labeler.jar bench --data "$data/imdb/imdb_pool.csv.gz" \
  --holdout "$data/imdb/imdb_holdout.csv.gz" --labels 120,1020,3020,44582
