#!/usr/bin/env bash
# Latency of the language server's diagnostics after an edit (a benchmark, not a test): a 300-resource template
# edited 100 times after 20 warm-up edits, then every corpus template opened and edited once. Client and server are
# separate JVMs on stdio, the server's debounce is 0 (editors add it: 200 ms by default). Prints p50/p95/max.
# Usage: bench/lsp-latency.sh [CORPUS] [EDITS]   (after mvn package; default corpus ../shared/corpus/templates)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=validator-cli/target/cfn-validator.jar
[ -f "$jar" ] || { echo "lsp-latency: $jar not found (mvn -o -q package -DskipTests -pl validator-cli -am)" >&2; exit 2; }
corpus="${1:-../shared/corpus/templates}"
[ -d "$corpus" ] || corpus=""
java -cp "$jar" bench/LspLatency.java "$jar" $corpus "${2:-100}" 2> >(grep -v "^$" | tail -n 5 >&2)
