#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is empty: the role the services log in with and one database per service,
# owned by that role (each service migrates its own schema with Flyway).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v role="$BDSS_DB_USER" -v password="$BDSS_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
SQL

for database in contract allocation settlement reporting; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v database="$database" -v role="$BDSS_DB_USER" <<'SQL'
CREATE DATABASE :"database" OWNER :"role";
SQL
done
