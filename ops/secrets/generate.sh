#!/usr/bin/env bash
# Writes a random value for every secret docker-compose.yml requires (each "${NAME:?...}" in it) into an env file,
# once: a name already in the file keeps its value, so running it again changes nothing and a secret set by hand
# stays. docker-compose reads ".env" next to docker-compose.yml by itself; another file is passed with --env-file.
#
#   ops/secrets/generate.sh            # writes ./.env
#   ops/secrets/generate.sh prod.env   # writes prod.env
#
# The authorization server's client secrets (AUTH_*_SECRET) are written as "{noop}<value>": a client authenticates
# with <value>. The file holds every secret of the deployment: keep it out of version control (.gitignore has .env)
# and readable by its owner only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

target="${1:-.env}"
compose="${BDSS_COMPOSE_FILE:-docker-compose.yml}"

names=$(grep -oE '\$\{[A-Z0-9_]+:\?' "$compose" | sed -E 's/^\$\{([A-Z0-9_]+):\?$/\1/' | sort -u)
if [ -z "$names" ]; then
  echo "no required secret in $compose" >&2
  exit 1
fi

umask 077
touch "$target"
chmod 600 "$target"

random() {
  # 32 characters from [A-Za-z0-9]: safe in a JAAS string, a URL and a shell without quoting
  # (tr ends on the closed pipe once head has its 32: that is expected, not a failure)
  { LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom || true; } | head -c 32
}

written=0
for name in $names; do
  if grep -qE "^${name}=" "$target"; then
    continue
  fi
  value=$(random)
  case "$name" in
    AUTH_*_SECRET) value="{noop}${value}" ;;
  esac
  printf '%s=%s\n' "$name" "$value" >> "$target"
  written=$((written + 1))
done
echo "$target: $written secret(s) written, $(echo "$names" | wc -w) required"
