#!/usr/bin/env bash
# Insured-count intake benchmark (not a test): our intake over HTTP next to a plain PostgreSQL COPY, same file,
# same database, same run. Usage, from the repository root or this directory:
#   allocation-service/benchmark.sh [rows]      # default 11750000 (470,000 PC6 postcodes x 25 insurers)
#   BENCHMARK_HEAP=512m allocation-service/benchmark.sh 2000000
# The heap bound applies to the whole benchmark JVM (service, HTTP client and embedded Kafka broker).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
./mvnw -q -o -f allocation-service/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xmx"${BENCHMARK_HEAP:-512m}" -Dbdss.tests.embedded=true \
    -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/benchmark.classpath")" \
    nl.bdss.allocation.benchmark.IntakeBenchmark "$@"
