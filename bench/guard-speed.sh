#!/usr/bin/env bash
# Guard speed: all AWS Control Tower rule files against the whole ../shared/corpus/templates folder in one process,
# cfn-guard 3.1.1 (installed by ../shared/tools/cfn-guard-oracle) against cfn-validator, N runs each, alternating;
# prints every wall time, the medians, their ratio, and whether outputs and exit codes are identical.
# Usage: bench/guard-speed.sh [runs]   (build first: mvn -B -ntp -pl validator-core,validator-cli -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
eval "$(../shared/tools/cfn-guard-oracle)"      # BIN=..., RULES=...
jar=validator-cli/target/cfn-validator.jar
data=../shared/corpus/templates
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ms() { echo $(( ($2 - $1) / 1000000 )); }
theirs=(); ours=()
for i in $(seq "$runs"); do
  s=$(date +%s%N); set +e; "$BIN" validate -r "$RULES" -d "$data" -o json -z -S none >"$out/theirs.json" 2>/dev/null
  rc_theirs=$?; set -e; e=$(date +%s%N); theirs+=("$(ms "$s" "$e")")
  s=$(date +%s%N); set +e; java -jar "$jar" guard validate -r "$RULES" -d "$data" -o json -z -S none >"$out/ours.json" 2>/dev/null
  rc_ours=$?; set -e; e=$(date +%s%N); ours+=("$(ms "$s" "$e")")
  same=$(cmp -s "$out/theirs.json" "$out/ours.json" && echo identical || echo DIFFERENT)
  echo "run $i: cfn-guard ${theirs[-1]} ms (exit $rc_theirs), cfn-validator ${ours[-1]} ms (exit $rc_ours), output $same ($(wc -c <"$out/ours.json") bytes)"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
mt=$(median "${theirs[@]}"); mo=$(median "${ours[@]}")
echo "median: cfn-guard $mt ms, cfn-validator $mo ms, ratio $(awk "BEGIN{printf \"%.2f\", $mo/$mt}") over $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
