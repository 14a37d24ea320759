#!/bin/sh
# Healthy once the broker answers an authenticated request on the internal listener.
set -eu
PROPERTIES=/tmp/bdss-healthcheck.properties
sh "$(dirname "$0")/admin-client.sh" "$PROPERTIES"
"${KAFKA_BIN:-/opt/kafka/bin}/kafka-broker-api-versions.sh" --command-config "$PROPERTIES" \
    --bootstrap-server "localhost:${BDSS_KAFKA_INTERNAL_PORT:-19092}" > /dev/null 2>&1
