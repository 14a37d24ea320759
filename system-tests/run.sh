#!/usr/bin/env bash
# The system-level commands of the harness, each on a stack of its own (real processes on free ports, data and logs
# under system-tests/target/<command>/), never on the one ./bdss up runs:
#
#   system-tests/run.sh fault-injection [--seed N] [--contracts N] [--rounds N] [--load-seconds N] [--long]
#                                       [--no-registry-outage]
#       a seeded load while processes are killed, halted and paused; checks that nothing was lost and nothing paid
#       twice. Prints the seed first; exit status 1 when an invariant failed. The short form (default) is what
#       FaultInjectionIT runs in ./mvnw verify; --long runs more contracts, more faults and several rounds.
#   system-tests/run.sh benchmark [--contracts 300] [--year 2025] [--raw-records 200000] [--rates 20,100]
#                                 [--seconds 30] [--warm-up-contracts 200] [--seed N]
#       raw Kafka rates next to the pipeline's settlement lines per second and end-to-end latency percentiles.
#   system-tests/run.sh rebuild-benchmark [--contracts 2000] [--period YEAR|QUARTER|MONTH] [--seed N]
#       reporting's read models rebuilt from offset 0 after five years of contracts, timed.
#
# Every command builds what it needs first (tests skipped, nothing installed); --no-build skips that and
# runs the last build. See system-tests/README.md.
set -euo pipefail
MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
cd "$ROOT"

usage() {
  sed -n '2,17p' "$MODULE/run.sh" | sed 's/^# \{0,1\}//'
}

COMMAND="${1:-}"
case "$COMMAND" in
  fault-injection) MAIN=nl.bdss.system.faults.FaultInjection ;;
  benchmark) MAIN=nl.bdss.system.benchmark.Benchmark ;;
  rebuild-benchmark) MAIN=nl.bdss.system.benchmark.RebuildBenchmark ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
shift

BUILD=1
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then BUILD=0; else ARGS+=("$arg"); fi
done

CLASSPATH_FILE="$MODULE/target/classpath.txt"
if (( BUILD )); then
  echo "building the services, the local stack and system-tests (tests skipped) ..."
  # package, not install: the classpath is resolved within this reactor and the jars stay in the modules' target/
  ./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/classpath.txt -pl system-tests -am >/dev/null
elif [[ ! -f "$CLASSPATH_FILE" ]]; then
  echo "no earlier build ($CLASSPATH_FILE is missing); run once without --no-build" >&2
  exit 2
fi
CP="$MODULE/target/classes:$(cat "$CLASSPATH_FILE")"

exec java -Xmx512m -cp "$CP" "$MAIN" --repo "$ROOT" ${ARGS[@]+"${ARGS[@]}"}
