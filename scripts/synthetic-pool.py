#!/usr/bin/env python3
"""Writes a synthetic pool of any size from a labeled IMDB-format file (review,sentiment), every text
distinct: the first copy of each review as it is, later copies with the opening (the first 200
characters) of another review appended, chosen by a seeded draw, so that sizes grow without repeats.
Usage: synthetic-pool.py SOURCE.csv[.gz] ROWS OUT.csv.gz [SEED]"""
import csv, gzip, hashlib, random, sys

source, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 13
opener = gzip.open if source.endswith(".gz") else open
with opener(source, "rt", encoding="utf-8-sig", newline="") as f:
    records = [(r["review"], r["sentiment"]) for r in csv.DictReader(f)]
random.seed(seed)
seen = set()
written = 0
with gzip.open(out, "wt", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["review", "sentiment"])
    copy = 0
    while written < rows:
        for text, label in records:
            if written >= rows:
                break
            if copy > 0:
                text = text + " " + random.choice(records)[0][:200]
            key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            if key in seen:
                continue
            seen.add(key)
            w.writerow([text, label])
            written += 1
        copy += 1
print(f"{out}: {written} distinct texts from {len(records)} in {source}")
