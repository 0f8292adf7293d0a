#!/usr/bin/env bash
# Wall time of one CLI run over ../shared/corpus/templates, JVM start included: N runs, prints each and the median.
# Usage: bench/cli-wall.sh [runs] [extra validate options]   (build first: mvn -B -ntp install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"; shift || true
jar=validator-cli/target/cfn-validator.jar
corpus=../shared/corpus/templates
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  java -jar "$jar" validate "$@" "$corpus" >/dev/null || true
  end=$(date +%s%N)
  t=$(( (end - start) / 1000000 ))
  times+=("$t")
  echo "run $i: ${t} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms over $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
