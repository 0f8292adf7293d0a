#!/usr/bin/env bash
# JMH: warm, single-threaded parse and validate throughput over ../shared/corpus/templates.
# Usage: bench/parse-throughput.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd ../shared/corpus/templates && pwd)"
mvn -B -ntp -q -pl validator-core -am test-compile
mvn -B -ntp -q -pl validator-core dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
cp="validator-core/target/test-classes:validator-core/target/classes:$(cat target/bench.classpath 2>/dev/null || cat validator-core/target/bench.classpath)"
exec java -cp "$cp" org.openjdk.jmh.Main 'io.github.cfnvalidator.bench.ParseBenchmark' -p corpus="$corpus" "$@"
