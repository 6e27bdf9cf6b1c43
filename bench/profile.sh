#!/usr/bin/env bash
# Profiles one call path of a server under load, as bench/bound.sh measures it (server pinned to one
# core, wrk to another): after a warm-up, a JFR recording (the JDK's own profiler: CPU samples and
# every new allocation buffer) covers a fixed window, and bench/JfrTop.java prints where the
# CPU went and what allocated, by method.
#
#   bash bench/profile.sh                         # the example server as shipped, lookup_customer
#   BENCH_PROFILE_PATH=/orders/ORD-10001 bash bench/profile.sh       # the plain (blocking) tool
#   BENCH_PROFILE_SERVER=baseline bash bench/profile.sh              # the bare controller, for comparison
#   BENCH_PROFILE_OPTS=-Dtoolwire.access-log.enabled=false bash bench/profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

WARMUP=${BENCH_WARMUP:-30s}
WINDOW=${BENCH_PROFILE_WINDOW:-20}
SERVER=${BENCH_PROFILE_SERVER:-toolwire}
PATH_TO_LOAD=${BENCH_PROFILE_PATH:-}
SERVER_CPUS=${BENCH_SERVER_CPUS:-0}
LOAD_CPUS=${BENCH_LOAD_CPUS:-1}
PORT=${BENCH_PORT:-18181}
OUT=bench/target/profile
mkdir -p "$OUT"
build_jars
new_secret
TOKEN=$(token lookup_customer get_order_status)
case $SERVER in
  toolwire) JAR=$TOOLWIRE_JAR ;;
  baseline) JAR=$BASELINE_JAR ;;
  *) fail "BENCH_PROFILE_SERVER must be toolwire or baseline" ;;
esac
port_open "$PORT" && fail "port $PORT is already in use"

# shellcheck disable=SC2086 # HEAP and the extra options are word lists
pinned "$SERVER_CPUS" "$JAVA" $HEAP ${BENCH_PROFILE_OPTS:-} -Dmicronaut.server.port="$PORT" -jar "$JAR" >"$OUT/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 6000); do
  port_open "$PORT" && break
  kill -0 "$PID" 2>/dev/null || fail "the server died; see $OUT/server.log"
  pause 0.01
done

url="http://127.0.0.1:$PORT${PATH_TO_LOAD:-/tools/lookup_customer}"
get=
[[ $PATH_TO_LOAD == /orders/* ]] && get=$PATH_TO_LOAD
load() { (BENCH_TOKEN=$TOKEN BENCH_GET=$get pinned "$LOAD_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency \
  -s bench/post.lua "$url") >"$2"; }
echo "== warming up $SERVER ($WARMUP)"
load "$WARMUP" "$OUT/warmup.txt"
grep -q ' errors=0' "$OUT/warmup.txt" || fail "the warm-up had errors; see $OUT/warmup.txt"
rm -f "$OUT/calls.jfr"
# The JDK's profile settings, with CPU samples every millisecond instead of ten (a short window gives
# few samples otherwise) and every new TLAB recorded, whose sizes add up to what was allocated.
java_home=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')
awk '
  /<event name="jdk.ExecutionSample">/ { sample = 1 }
  /<event name="jdk.ObjectAllocation(InNewTLAB|OutsideTLAB)">/ { tlab = 1 }
  sample && /name="period"/ { sub(/>[^<]*</, ">1 ms<"); sample = 0 }
  tlab && /name="enabled"/ { sub(/>false</, ">true<"); tlab = 0 }
  { print }' "$java_home/lib/jfr/profile.jfc" >"$OUT/calls.jfc"
echo "== recording ${WINDOW}s under load"
jcmd "$PID" JFR.start name=bench settings="$(pwd)/$OUT/calls.jfc" filename="$(pwd)/$OUT/calls.jfr" >/dev/null
load "${WINDOW}s" "$OUT/load.txt"
jcmd "$PID" JFR.stop name=bench >/dev/null
grep '^RESULT' "$OUT/load.txt"
"$JAVA" bench/JfrTop.java "$OUT/calls.jfr" "${BENCH_PROFILE_ROWS:-30}"
