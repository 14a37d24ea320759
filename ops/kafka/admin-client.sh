#!/bin/sh
# Writes the admin's client properties to the file given as $1 (for kafka-topics.sh, kafka-acls.sh, ...:
# --command-config). Usage inside the kafka or kafka-init container:
#   sh /opt/bdss/kafka/admin-client.sh /tmp/admin.properties
set -eu
: "${BDSS_KAFKA_ADMIN_PASSWORD:?BDSS_KAFKA_ADMIN_PASSWORD must be set}"
umask 077
cat > "$1" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$BDSS_KAFKA_ADMIN_PASSWORD";
PROPERTIES
