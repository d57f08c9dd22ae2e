#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the integration tests: loopback only, trust auth,
# databases "keycloak" (Keycloak's own) and "kundregister" (the customer registry).
# Usage: start.sh [port] [dir]
set -euo pipefail
PORT=${1:-55432}
DIR=${2:-/tmp/kundkonto-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found: apt-get install postgresql (or skip these tests with -P!postgres)" >&2
  exit 1
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -f "$DIR/data/postmaster.pid" ]; then
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$DIR"
mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi

as_pg "$BIN/initdb" -D "$DIR/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -w start >/dev/null
as_pg "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE keycloak" -c "CREATE DATABASE kundregister"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PORT (data in $DIR)"
