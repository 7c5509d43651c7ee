#!/usr/bin/env bash
# The predict and serve benchmark of docs/benchmarks.md, on the IMDB holdout (5,000 reviews):
#  - predict throughput (texts/s) of the fast model without embeddings (train: every gold label of the pool)
#    and with them (simulate on the 1k sample to 520 labels, the champion), the embeddings cold (the
#    holdout's vectors embedded now) and warm (found in the vector cache);
#  - serve latency (median, 99th percentile) for requests of 1 and of 64 texts, with a Python client
#    (scripts/serve_latency.py, requests), the embeddings warm, and cold on pool texts never embedded.
# Runs on a data folder of its own with its local MLflow server (needs .venv: scripts/setup-mlflow.sh).
#   scripts/predict-serve-benchmark.sh [SHARED_DIR] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
work=${2:-target/predict-serve-benchmark}
data=$shared/data
mkdir -p "$work"
[[ -f target/active-labeler.jar ]] || ./mvnw -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests
python=.venv/bin/python
al() { java -Xmx6g -jar target/active-labeler.jar "$@" --db "$work/db"; }
quiet() { grep -v '%' || true; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

if [[ ! -f "$work/models.done" ]]; then  # a second run reuses the models (delete WORK_DIR to start over)
  echo "== models"
  al train --data "$data/imdb/imdb_pool.csv.gz" --labels gold --registered-model bench-text 2>&1 | quiet | tail -2
  al simulate --data "$data/imdb/imdb_sample_1k.csv" --init 20 --batch 100 --max-labels 520 --seed 13 \
    --registered-model bench-embeddings 2>&1 | quiet | tail -3
  touch "$work/models.done"
fi

"$python" - "$data/imdb/imdb_holdout.csv.gz" "$data/imdb/imdb_pool.csv.gz" "$work" <<'PY'
import csv, gzip, json, sys
holdout, pool, work = sys.argv[1:4]
read = lambda f: [row["review"] for row in csv.DictReader(gzip.open(f, "rt", encoding="utf-8"))]
json.dump(read(holdout), open(f"{work}/holdout.json", "w"))
json.dump(read(pool)[-3000:], open(f"{work}/pool-tail.json", "w"))
PY

echo "== predict, IMDB holdout"
for model in models:/bench-text/1 models:/bench-embeddings@champion models:/bench-embeddings@champion; do
  al predict --model "$model" --data "$data/imdb/imdb_holdout.csv.gz" --out "$work/predictions.csv" 2>&1 \
    | quiet | grep -E "Scored|Cannot|error" || true
done

serve() { # model port; sets server
  al serve --model "$1" --port "$2" > "$work/serve-$2.log" 2>&1 &
  server=$!
  for _ in $(seq 120); do grep -q "^Serving" "$work/serve-$2.log" && return 0; sleep 1; done
  cat "$work/serve-$2.log"; return 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }
echo "== serve latency"
serve models:/bench-text/1 5101
for size in 1 64; do
  echo -n "text model, holdout: "; "$python" scripts/serve_latency.py http://127.0.0.1:5101 "$work/holdout.json" $size 200
done
stop
serve models:/bench-embeddings@champion 5102
for size in 1 64; do
  echo -n "embeddings model, holdout (vectors cached): "
  "$python" scripts/serve_latency.py http://127.0.0.1:5102 "$work/holdout.json" $size 200
done
echo -n "embeddings model, pool texts (embedded now): "
"$python" scripts/serve_latency.py http://127.0.0.1:5102 "$work/pool-tail.json" 1 100
echo -n "embeddings model, pool texts (embedded now): "
"$python" scripts/serve_latency.py http://127.0.0.1:5102 "$work/pool-tail.json" 64 20
stop
