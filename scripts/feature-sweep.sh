#!/usr/bin/env bash
# The feature-block and embedding-weight sweep of docs/benchmarks.md, on the pools' own carved-out
# holdouts (no holdout file is read): entropy, init 20, batch 50, seed 13, to 1,020 labels.
#   scripts/feature-sweep.sh [SHARED_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=${2:-target/feature-sweep}
mkdir -p "$out"
[[ -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
for pool in "$shared/data/ag-news/ag_news_pool.csv.gz" "$shared/data/sst5/sst5_train.csv"; do
  for cfg in "tfidf,lsa 1" "embeddings 1" "embeddings 4" "tfidf,lsa,embeddings 1" "tfidf,lsa,embeddings 2" \
             "tfidf,lsa,embeddings 4"; do
    set -- $cfg
    name=$(basename "$pool" | cut -d. -f1)-$(echo "$1" | tr ',' '+')-w$2
    java -Xmx3g -Dactivelabeler.embedding.weight="$2" -jar target/active-labeler.jar simulate --data "$pool" \
      --features "$1" --init 20 --batch 50 --max-labels 1020 --seed 13 --out "$out/$name.csv" --db "$db" \
      --tracking-uri http://127.0.0.1:9 | grep -E '^(final|area)'
  done
done
