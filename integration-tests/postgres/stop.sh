#!/usr/bin/env bash
# Stops the private PostgreSQL cluster started by start.sh and removes its data.
set -uo pipefail
DIR=${1:-/tmp/kundkonto-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
fi
rm -rf "$DIR"
