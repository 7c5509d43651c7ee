#!/bin/sh
# DJL (PyTorch) against ONNX Runtime embedding with bge-small-en-v1.5: same texts, 256 tokens, length-sorted
# batches and threads. Arguments: data.csv [texts=200] [rounds=2] [threads=2] [batchTokens=2048].
# Set OMP_WAIT_POLICY=PASSIVE to stop PyTorch's OpenMP threads (and ONNX Runtime's) from spinning.
set -e
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
[ $# -eq 0 ] && set -- /work/shared/data/imdb/imdb_sample_1k.csv
exec java -Xmx3g -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.activelabeler.training.djl.bert.EmbeddingBenchmark "$@"
