#!/bin/sh
# One-shot set-up of the docker-compose broker, run by the kafka-init container as the admin principal:
# SCRAM users (one per service plus the schema registry), the topics with their partitions (the broker does not
# auto-create), and ACLs so each service writes only its own topics; per insurer in BDSS_KAFKA_INSURERS a principal
# insurer-<uzovi> that reads only its own topics bdss.settlement.insurer.<uzovi>.*. Safe to run again: users are
# upserted (which is also how their passwords are rotated), topics are created if missing, ACLs are added if missing.
set -eu

BOOTSTRAP=${BDSS_KAFKA_BOOTSTRAP:-kafka:19092}
PARTITIONS=${BDSS_KAFKA_PARTITIONS:-3}
BIN=${KAFKA_BIN:-/opt/kafka/bin}
# The insurers whose finance systems read their own topics (UZOVI codes, separated by spaces); each needs
# BDSS_KAFKA_INSURER_<uzovi>_PASSWORD.
INSURERS=${BDSS_KAFKA_INSURERS:-3311 3343}
# nl.bdss.events.Topics.INSURER_PREFIX: bdss.settlement.insurer.<uzovi>.entries and .payment-runs
INSURER_PREFIX=bdss.settlement.insurer.
ADMIN=/tmp/bdss-admin.properties
sh "$(dirname "$0")/admin-client.sh" "$ADMIN"

echo "Waiting for the broker at $BOOTSTRAP ..."
attempts=0
until "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --list > /dev/null 2>&1; do
    attempts=$((attempts + 1))
    if [ "$attempts" -ge 60 ]; then
        echo "The broker did not accept the admin principal within 2 minutes" >&2
        exit 1
    fi
    sleep 2
done

# --- principals ------------------------------------------------------------------------------------------------
user() { # name password
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
        --entity-type users --entity-name "$1" \
        --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
    echo "SCRAM user $1 set"
}
user contract-service "${BDSS_KAFKA_CONTRACT_PASSWORD:?}"
user allocation-service "${BDSS_KAFKA_ALLOCATION_PASSWORD:?}"
user settlement-service "${BDSS_KAFKA_SETTLEMENT_PASSWORD:?}"
user reporting-service "${BDSS_KAFKA_REPORTING_PASSWORD:?}"
user schema-registry "${BDSS_KAFKA_SCHEMA_REGISTRY_PASSWORD:?}"
for uzovi in $INSURERS; do
    password=$(printenv "BDSS_KAFKA_INSURER_${uzovi}_PASSWORD" || true)
    if [ -z "$password" ]; then
        echo "BDSS_KAFKA_INSURER_${uzovi}_PASSWORD is not set (insurer $uzovi is in BDSS_KAFKA_INSURERS)" >&2
        exit 1
    fi
    user "insurer-$uzovi" "$password"
done

# --- topics (nl.bdss.events.Topics, and the dead-letter topics <topic>.<group>.dlt of each consumer) -------------
topic() { # name [extra kafka-topics.sh arguments]
    name=$1
    shift
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
        --topic "$name" "$@" > /dev/null
    echo "topic $name"
}
for name in bdss.contract.versions bdss.allocation.allocations bdss.settlement.entries \
        bdss.settlement.service-years bdss.settlement.payment-runs bdss.reporting.sector-loads bdss.reporting.macro-budget-alerts \
        bdss.contract.versions.allocation-service.dlt \
        bdss.allocation.allocations.settlement-service.dlt \
        bdss.settlement.entries.reporting-service.dlt \
        bdss.contract.versions.reporting-service.dlt \
        bdss.allocation.allocations.reporting-service.dlt \
        bdss.settlement.service-years.reporting-service.dlt; do
    topic "$name" --partitions "$PARTITIONS" --replication-factor 1
done
# Each insurer's own copies of bdss.settlement.entries and bdss.settlement.payment-runs.
for uzovi in $INSURERS; do
    topic "$INSURER_PREFIX$uzovi.entries" --partitions "$PARTITIONS" --replication-factor 1
    topic "$INSURER_PREFIX$uzovi.payment-runs" --partitions "$PARTITIONS" --replication-factor 1
done
# The schema registry's store: one partition, compacted (it refuses anything else).
topic _schemas --partitions 1 --replication-factor 1 --config cleanup.policy=compact

# --- ACLs ------------------------------------------------------------------------------------------------------
acl() { # principal operation... -- resource arguments
    principal=$1
    shift
    operations=""
    while [ "$1" != "--" ]; do
        operations="$operations --operation $1"
        shift
    done
    shift
    # shellcheck disable=SC2086
    "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add \
        --allow-principal "User:$principal" $operations "$@" > /dev/null
    echo "ACL $principal:$operations on $*"
}
produces() { acl "$1" Write Describe -- --topic "$2"; }
consumes() { # service topic: read the topic as the service's group, park failures in <topic>.<service>.dlt
    acl "$1" Read Describe -- --topic "$2"
    acl "$1" Write Describe -- --topic "$2.$1.dlt"
    acl "$1" Read Describe -- --group "$1"
}

produces contract-service bdss.contract.versions

produces allocation-service bdss.allocation.allocations
consumes allocation-service bdss.contract.versions

produces settlement-service bdss.settlement.entries
produces settlement-service bdss.settlement.service-years
produces settlement-service bdss.settlement.payment-runs
consumes settlement-service bdss.allocation.allocations
# every insurer's own topics, present and future ones
acl settlement-service Write Describe -- --topic "$INSURER_PREFIX" --resource-pattern-type prefixed

produces reporting-service bdss.reporting.sector-loads
produces reporting-service bdss.reporting.macro-budget-alerts
consumes reporting-service bdss.settlement.entries
consumes reporting-service bdss.contract.versions
consumes reporting-service bdss.allocation.allocations
consumes reporting-service bdss.settlement.service-years

# An insurer's finance system: its own topics only, as groups named insurer-<uzovi>... (a UZOVI code has four
# digits, so no insurer's prefix is another's).
for uzovi in $INSURERS; do
    acl "insurer-$uzovi" Read Describe -- --topic "$INSURER_PREFIX$uzovi." --resource-pattern-type prefixed
    acl "insurer-$uzovi" Read -- --group "insurer-$uzovi" --resource-pattern-type prefixed
done

# Confluent Schema Registry: its store topic and its groups (leader election "schema-registry", store reader
# "schema-registry-<host>-<port>").
acl schema-registry Read Write Describe DescribeConfigs -- --topic _schemas
acl schema-registry Read Describe -- --group schema-registry --resource-pattern-type prefixed

echo "Kafka principals, topics and ACLs are in place."
