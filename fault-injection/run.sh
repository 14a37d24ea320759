#!/usr/bin/env bash
# The fault-injection suite from one command: builds what it needs, starts the real stack as separate processes on
# ports of its own (never those of ./bdss up), drives a seeded load through it while it kills, halts and pauses the
# processes, and checks that nothing was lost and nothing paid twice. Prints the seed first; exit status 1 when an
# invariant failed.
#
#   fault-injection/run.sh [--seed N] [--contracts N] [--rounds N] [--load-seconds N] [--long] [--no-build]
#
# The short form (default) is what FaultInjectionIT runs in ./mvnw verify; --long runs more contracts, more faults
# and several rounds. Logs of every process: fault-injection/target/logs/.
set -euo pipefail
MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
cd "$ROOT"

BUILD=1
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then BUILD=0; else ARGS+=("$arg"); fi
done

if (( BUILD )); then
  echo "building the services, local-stack and fault-injection (offline, tests skipped) ..."
  ./mvnw -q -o -DskipTests install -pl fault-injection -am
fi
./mvnw -q -o -f fault-injection/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$MODULE/target/classpath.txt" >/dev/null
CP="$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")"

exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" nl.bdss.faultinjection.FaultInjection \
  --repo "$ROOT" ${ARGS[@]+"${ARGS[@]}"}
