"""Latency of `active-labeler serve` as a client of `mlflow models serve` sees it.

usage: serve_latency.py BASE_URL TEXTS.json SIZE REQUESTS
Posts REQUESTS requests of SIZE texts each (dataframe_split, texts taken in turn from TEXTS.json, a JSON
list of strings, never the same request twice), after 3 warm-up requests, and prints one line:
size=SIZE requests=N median_ms=... p99_ms=... texts_per_s=...
"""
import json
import statistics
import sys
import time

import requests


def main():
    base, texts_file, size, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    texts = json.load(open(texts_file, encoding="utf-8"))
    session = requests.Session()
    url = base.rstrip("/") + "/invocations"

    def post(i):
        batch = [texts[(i * size + j) % len(texts)] for j in range(size)]
        started = time.perf_counter()
        response = session.post(url, json={"dataframe_split": {"columns": ["text"], "data": [[t] for t in batch]}})
        elapsed = time.perf_counter() - started
        response.raise_for_status()
        assert len(response.json()["predictions"]) == size
        return elapsed

    for i in range(3):
        post(count + i)
    times = sorted(post(i) for i in range(count))
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    print(f"size={size} requests={count} median_ms={statistics.median(times) * 1000:.1f} "
          f"p99_ms={p99 * 1000:.1f} texts_per_s={size * count / sum(times):.0f}")


if __name__ == "__main__":
    main()
