#!/usr/bin/env bash
# Runs every benchmark suite and writes the report to bench/results-<date>.md: builds the runnable
# jar if it is missing or older than the sources, starts a throwaway PostgreSQL cluster for the
# stores suite (bench/postgres.sh) and stops it afterwards. Extra arguments go to every suite, e.g.
#   bench/run.sh --quick          a smoke run of everything in about a minute
#   bench/run.sh --measure-ms 3000 --drain-orders 20000
# FLEETPLAN_BENCH_NO_PG=1 skips PostgreSQL.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR="bootstrap/target/fleetplan.jar"

if [ ! -f "$JAR" ] || [ -n "$(find . -path ./bench -prune -o -name '*.java' -path '*/src/main/*' -newer "$JAR" -print -quit)" ]; then
  echo "building $JAR" >&2
  mvn -q -B -pl bootstrap -am package -DskipTests
fi

STAMP="$(date -u +%Y-%m-%d)"
REPORT="bench/results-$STAMP.md"
PG_URL=""
if [ "${FLEETPLAN_BENCH_NO_PG:-0}" != 1 ]; then
  PG_URL="$(bench/postgres.sh start)"
  trap 'bench/postgres.sh stop' EXIT
fi

bench() {
  java -cp "$JAR" io.fleetplan.bootstrap.bench.Bench "$@"
}

{
  echo "# Fleetplan benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); $(nproc) cores; load average at start"
  echo "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)."
  if [ -n "$PG_URL" ]; then
    echo "PostgreSQL: a throwaway PostgreSQL 15 cluster (bench/postgres.sh) at $PG_URL,"
    if [ "${FLEETPLAN_BENCH_PG_FAST:-0}" = 1 ]; then echo "with fsync off."; else echo "with durable defaults (fsync on)."; fi
  fi
  echo
} > "$REPORT"

bench planning "$@" | tee -a "$REPORT"
bench startup --jar "$JAR" "$@" | tee -a "$REPORT"
bench http "$@" | tee -a "$REPORT"
if [ -n "$PG_URL" ]; then
  bench stores --jdbc-url "$PG_URL" "$@" | tee -a "$REPORT"
else
  bench stores "$@" | tee -a "$REPORT"
fi
echo "report: $REPORT" >&2
