#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the benchmarks, on a free loopback port, in a folder under
# /tmp; the same recipe as the database store's tests (initdb + pg_ctl, as the postgres OS user when
# run as root), but with PostgreSQL's durable defaults (fsync and synchronous_commit on) so that
# its figures are those of a crash-safe server. FLEETPLAN_BENCH_PG_FAST=1 turns durability off.
#
#   bench/postgres.sh start   starts it and prints its JDBC URL (user postgres, no password)
#   bench/postgres.sh url     prints the JDBC URL of the running cluster
#   bench/postgres.sh stop    stops it and deletes its folder
set -euo pipefail

BIN="${FLEETPLAN_PG_BIN:-/usr/lib/postgresql/15/bin}"
BASE="${FLEETPLAN_BENCH_PG_DIR:-/tmp/fleetplan-bench-pg}"
DATA="$BASE/data"

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local port
    while :; do
      port=$(( 20000 + RANDOM % 20000 ))
      if ! (ss -ltn 2>/dev/null || true) | grep -q ":$port "; then
        echo "$port"
        return
      fi
    done
  fi
}

url() {
  echo "jdbc:postgresql://127.0.0.1:$(cat "$BASE/port")/postgres"
}

start() {
  if [ ! -x "$BIN/initdb" ] || [ ! -x "$BIN/pg_ctl" ]; then
    echo "PostgreSQL 15 server binaries are not in $BIN (Debian: apt-get install postgresql-15)" >&2
    exit 1
  fi
  if [ -f "$BASE/port" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    url
    return
  fi
  rm -rf "$BASE"
  mkdir -p "$BASE/sock"
  local port
  port=$(free_port)
  echo "$port" > "$BASE/port"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres:postgres "$BASE"
  fi
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C --no-sync > "$BASE/initdb.log" 2>&1
  local options="-p $port -k $BASE/sock -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=128MB"
  if [ "${FLEETPLAN_BENCH_PG_FAST:-0}" = 1 ]; then
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 -o "$options" start > "$BASE/pg_ctl.log" 2>&1 \
    || { cat "$BASE/pg_ctl.log" "$BASE/server.log" >&2; exit 1; }
  url
}

stop() {
  if [ -d "$DATA" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$BASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
