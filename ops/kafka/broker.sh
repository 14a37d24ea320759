#!/bin/sh
# Starts the single-node KRaft broker of docker-compose.yml with SASL/SCRAM and ACLs.
#
# Listeners:
#   INTERNAL   SASL_PLAINTEXT kafka:19092      services, schema registry, kafka-init (and broker to broker)
#   EXTERNAL   SASL_PLAINTEXT localhost:9092   clients on the host (same principals)
#   CONTROLLER PLAINTEXT      127.0.0.1:9093   the KRaft controller, reachable only inside this container
#
# The admin principal is created at format time (SCRAM credentials live in the cluster metadata, so the first
# one cannot be created over an authenticated connection); kafka-init creates everything else.
# Passwords come from the environment; the defaults in docker-compose.yml are local demo values.
set -eu

: "${CLUSTER_ID:?CLUSTER_ID must be set}"
: "${BDSS_KAFKA_ADMIN_PASSWORD:?BDSS_KAFKA_ADMIN_PASSWORD must be set}"

# The defaults are the container's; the overrides exist so the script can be exercised outside a container.
BIN=${KAFKA_BIN:-/opt/kafka/bin}
CONFIG=${BDSS_KAFKA_CONFIG:-/opt/kafka/config/bdss-server.properties}
DATA=${BDSS_KAFKA_DATA:-/var/lib/kafka/data}
HOST=${BDSS_KAFKA_ADVERTISED_HOST:-kafka}
INTERNAL_PORT=${BDSS_KAFKA_INTERNAL_PORT:-19092}
EXTERNAL_PORT=${BDSS_KAFKA_EXTERNAL_PORT:-9092}
CONTROLLER_PORT=${BDSS_KAFKA_CONTROLLER_PORT:-9093}
SCRAM_MODULE=org.apache.kafka.common.security.scram.ScramLoginModule

umask 077
cat > "$CONFIG" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=INTERNAL://0.0.0.0:$INTERNAL_PORT,EXTERNAL://0.0.0.0:$EXTERNAL_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=INTERNAL://$HOST:$INTERNAL_PORT,EXTERNAL://localhost:$EXTERNAL_PORT
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL

sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=$SCRAM_MODULE required username="admin" password="$BDSS_KAFKA_ADMIN_PASSWORD";
listener.name.external.scram-sha-512.sasl.jaas.config=$SCRAM_MODULE required;

authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
# admin: operators and kafka-init. ANONYMOUS: only the PLAINTEXT controller listener on loopback yields it (the
# broker talking to its own controller); every listener other containers can reach requires SASL.
super.users=User:admin;User:ANONYMOUS

# Topics exist because kafka-init created them, with their partitions; a typo must not create a new one.
auto.create.topics.enable=false
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.dirs=$DATA
PROPERTIES

# First start only: format the storage and add the admin's SCRAM credential (ignored once formatted).
"$BIN/kafka-storage.sh" format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$BDSS_KAFKA_ADMIN_PASSWORD]"

exec "$BIN/kafka-server-start.sh" "$CONFIG"
