#!/usr/bin/env bash
# The pipeline benchmark, against the local stack on this machine (started with ./bdss up if it is not running):
# raw Kafka produce/consume rates (the Kafka perf tools, acks=all, records of the SettlementBooked size) next to the
# pipeline's settlement lines per second through reporting, their ratio, and end-to-end latency percentiles
# (contract amendment -> sector load changed) at fixed rates, recorded with HdrHistogram.
#
#   pipeline-benchmark/run.sh [--contracts 300] [--year 2025] [--raw-records 200000] [--rates 20,100] [--seconds 30]
#                             [--seed N]
#   pipeline-benchmark/run.sh rebuild [--contracts 2000] [--seed N]
#                             the reporting rebuild: N contracts over the five years of the experiment, every month
#                             closed, then reporting's read models rebuilt from offset 0 and timed
#
# It adds contracts and counts to the stack's data (for a fresh reference date); './bdss reset' clears them.
set -euo pipefail
MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
cd "$ROOT"

if ! ./bdss status | grep -q "reporting-service.*UP"; then
  ./bdss up --no-build
fi

./mvnw -q -o -f pipeline-benchmark/pom.xml -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$MODULE/target/classpath.txt" >/dev/null
CP="$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")"

MAIN=nl.bdss.benchmark.Benchmark
if [[ "${1:-}" == rebuild ]]; then
  MAIN=nl.bdss.benchmark.RebuildBenchmark
  shift
fi
echo "nproc: $(nproc)"
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$MAIN" --repo "$ROOT" "$@"
