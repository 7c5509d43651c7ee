#!/usr/bin/env bash
# Writes a small labeled review CSV (header review,sentiment) built from word lists: make-test-data.sh FILE [N]
set -euo pipefail
file=$1; n=${2:-200}
pos=(great wonderful moving brilliant superb delightful charming excellent touching fine)
neg=(awful boring dull terrible clumsy tedious weak painful poor bland)
mid=(plot acting story cast music ending script camera pacing dialogue)
{
  echo 'review,sentiment'
  for ((i = 0; i < n; i++)); do
    if ((i % 2 == 0)); then words=("${pos[@]}"); label=positive; else words=("${neg[@]}"); label=negative; fi
    a=${words[$(((i * 7) % 10))]}; b=${words[$(((i * 3 + 1) % 10))]}; m=${mid[$(((i / 2) % 10))]}
    echo "\"The $m was $a, really $b. Review number $i, \"\"$a\"\" overall.\",$label"
  done
} > "$file"
