#!/usr/bin/env bash
# Benchmark: the example server's lookup_customer through Toolwire (JWT auth, JSON Schema validation,
# access log, metrics) against the same lookup as a plain Micronaut controller (bench/src), on
# loopback, one server at a time. Prints throughput and latency percentiles, their ratio, time from
# launch to the first served call, and resident memory. Bounded: every load run has a fixed duration.
#
#   bash bench/run.sh                    # both modes (about 25 minutes); BENCH_REBUILD=1 rebuilds the jars
#   BENCH_MODE=unpinned bash bench/run.sh # only this script's own mode: servers and wrk share every core
#   BENCH_MODE=bound bash bench/run.sh   # only the server-bound mode (bench/bound.sh): server on one core,
#                                        # wrk on another, CPU per request, apps alternated over rounds
#   JAVA=/path/to/java bash bench/run.sh # another JDK
#   BENCH_AOT_JAVA=/path/to/jdk25/bin/java bash bench/run.sh
#                                        # adds a run of Toolwire on JDK 25+ with an AOT cache trained first
#
# The warm-up is long on purpose: on two shared cores the JIT is still compiling Toolwire's call path
# (about 30 % of the CPU) six seconds into the load, so a short warm-up measures the compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

MODE=${BENCH_MODE:-both}
case $MODE in
  both) (( $(nproc) >= 2 )) || MODE=unpinned ;;
  unpinned) ;;
  bound) exec bash bench/bound.sh ;;
  *) fail "BENCH_MODE must be both, unpinned or bound, not '$MODE'" ;;
esac
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-30s}
PORT=${BENCH_PORT:-18181}
LAUNCHES=${BENCH_LAUNCHES:-5}
if ! [[ $LAUNCHES =~ ^[0-9]+$ ]] || (( LAUNCHES < 1 || LAUNCHES % 2 == 0 )); then
  echo "BENCH_LAUNCHES must be an odd number (the first call is the median of the launches)" >&2
  exit 2
fi
unset SERVER_JAVA # set per run below: the JDK that trained an archive must be the one that maps it
OUT=bench/target/run
BODY=$LOOKUP_BODY
mkdir -p "$OUT"

build_jars
new_secret
TOKEN=$(token lookup_customer get_order_status)

PID=
stop_server() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    wait "$PID" 2>/dev/null || true
  fi
  PID=
}
trap stop_server EXIT

# server_alive NAME: stops the benchmark when the server launched as NAME has exited.
server_alive() {
  kill -0 "$PID" 2>/dev/null || { echo "$1 died; see $OUT/$1.log" >&2; exit 1; }
}

# start NAME JAR [JVM options...]: launches, waits for the first 200 (at most 60 s), records TTFC and RSS.
# Polls the port (port_open) and sends the first request once it is open.
start() {
  local name=$1 jar=$2
  shift 2
  local auth=()
  [[ $name != baseline* ]] && auth=(-H "Authorization: Bearer $TOKEN")
  local t0 code
  if port_open "$PORT"; then
    echo "port $PORT is already in use: stop what listens there, or set BENCH_PORT" >&2
    exit 1
  fi
  t0=$(date +%s%N)
  "${SERVER_JAVA:-$JAVA}" $HEAP "$@" -Dmicronaut.server.port="$PORT" -jar "$jar" >"$OUT/$name.log" 2>&1 &
  PID=$!
  local listening=
  for _ in $(seq 1 12000); do
    if port_open "$PORT"; then
      listening=yes
      break
    fi
    server_alive "$name"
    pause 0.005
  done
  [[ -n $listening ]] || { echo "$name did not listen on port $PORT within 60 s" >&2; exit 1; }
  for _ in $(seq 1 3000); do
    code=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${auth[@]}" \
      -d "$BODY" "http://127.0.0.1:$PORT/tools/lookup_customer" || true)
    [[ $code == 200 ]] && break
    server_alive "$name"
    pause 0.01
  done
  [[ $code == 200 ]] || { echo "$name never answered 200 (last: $code)" >&2; exit 1; }
  TTFC_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  RSS_FIRST=$(rss_mib "$PID")
}

# load NAME [PATH]: warm-up, then the measured run; leaves its RESULT fields in R_*. With a PATH the
# requests are GETs of it, else POSTs of the lookup.
load() {
  local name=$1 path=${2:-} token= url="http://127.0.0.1:$PORT/tools/lookup_customer"
  [[ $name != baseline* ]] && token=$TOKEN
  [[ -n $path ]] && url="http://127.0.0.1:$PORT$path"
  BENCH_TOKEN=$token BENCH_GET=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/post.lua \
    "$url" >"$OUT/$name.warmup.txt"
  local ticks_before
  ticks_before=$(cpu_ticks "$PID")
  BENCH_TOKEN=$token BENCH_GET=$path wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post.lua \
    "$url" >"$OUT/$name.wrk.txt"
  R_TICKS=$(( $(cpu_ticks "$PID") - ticks_before ))
  wrk_result "$OUT/$name.wrk.txt"
}

declare -A RPS P50 P90 P99 ERR TTFC TTFC_ALL RSS1 RSS2 CPU
run() {
  local name=$1 path= launches=()
  shift
  if [[ $name == toolwire-blocking-tool ]]; then path=/orders/ORD-10001; fi
  echo "== $name"
  # The first call varies by 100 ms and more from launch to launch here: launch several times and
  # keep the median; the last launch stays up for the load.
  for _ in $(seq 2 "$LAUNCHES"); do
    start "$name" "$@"
    launches+=("$TTFC_MS")
    stop_server
  done
  start "$name" "$@"
  launches+=("$TTFC_MS")
  load "$name" "$path"
  RPS[$name]=$R_RPS P50[$name]=$R_P50 P90[$name]=$R_P90 P99[$name]=$R_P99 ERR[$name]=$R_ERR
  CPU[$name]=$(per_request "$R_TICKS" "$R_REQ")
  TTFC[$name]=$(printf '%s\n' "${launches[@]}" | sort -n | awk '{v[NR] = $1} END { printf "%d", v[int((NR + 1) / 2)] }')
  TTFC_ALL[$name]="${launches[*]}"
  RSS1[$name]=$RSS_FIRST RSS2[$name]=$(rss_mib "$PID")
  stop_server
}

run baseline "$BASELINE_JAR"
run toolwire "$TOOLWIRE_JAR"
run toolwire-no-access-log "$TOOLWIRE_JAR" -Dtoolwire.access-log.enabled=false
# The same server, loaded through get_order_status: an in-memory lookup like lookup_customer, but a
# plain (blocking) tool, so each call is handed to the blocking executor and back.
run toolwire-blocking-tool "$TOOLWIRE_JAR" -Dtoolwire.access-log.enabled=false
SERVERS=(baseline toolwire toolwire-no-access-log toolwire-blocking-tool)

# Class data sharing (JDK 17's AppCDS): the application's `train` command is the training run (it
# starts the server, sends each tool requests refused before the tool runs, makes the --call calls,
# and exits); the archive is written when it exits, and later runs map it instead of loading and
# verifying those classes.
# Two read-only lookups on the examples' seeded data also run for real (`--call`), so the archive
# holds a successful call's path too, not only the refusals.
TRAIN=(train --call "lookup_customer=$BODY" --call 'get_order_status={"order_id": "ORD-10001"}')
# trained NAME FILE: stops the benchmark when a training run failed or wrote nothing.
trained() {
  [[ -s $2 ]] || { echo "the $1 training wrote no $2; see $OUT/$1-training.log" >&2; exit 1; }
}
echo "== training an AppCDS archive: java $HEAP -XX:ArchiveClassesAtExit=... -jar $TOOLWIRE_JAR ${TRAIN[*]@Q}"
rm -f "$OUT/toolwire.jsa"
"$JAVA" $HEAP -XX:ArchiveClassesAtExit="$OUT/toolwire.jsa" -jar "$TOOLWIRE_JAR" "${TRAIN[@]}" >"$OUT/appcds-training.log" 2>&1 \
  || { echo "train failed; see $OUT/appcds-training.log" >&2; exit 1; }
trained appcds "$OUT/toolwire.jsa"
# -Xshare:on (and -XX:AOTMode=on below): a file the JVM cannot use is an error, not a silent cold start.
run toolwire-appcds "$TOOLWIRE_JAR" -Xshare:on -XX:SharedArchiveFile="$OUT/toolwire.jsa"
# The baseline has no train command: its training run is a launch, one call, and a stop.
echo "== training an AppCDS archive of the baseline"
rm -f "$OUT/baseline.jsa"
start baseline-training "$BASELINE_JAR" -XX:ArchiveClassesAtExit="$OUT/baseline.jsa"
stop_server
cp "$OUT/baseline-training.log" "$OUT/baseline-appcds-training.log"
trained baseline-appcds "$OUT/baseline.jsa"
run baseline-appcds "$BASELINE_JAR" -Xshare:on -XX:SharedArchiveFile="$OUT/baseline.jsa"
SERVERS+=(toolwire-appcds baseline-appcds)
if [[ -n ${BENCH_AOT_JAVA:-} ]]; then
  echo "== training an AOT cache on $("$BENCH_AOT_JAVA" -version 2>&1 | head -1): -XX:AOTCacheOutput=... ${TRAIN[*]@Q}"
  rm -f "$OUT/toolwire.aot"
  "$BENCH_AOT_JAVA" $HEAP -XX:AOTCacheOutput="$OUT/toolwire.aot" -jar "$TOOLWIRE_JAR" "${TRAIN[@]}" >"$OUT/aot-training.log" 2>&1 \
    || { echo "train failed; see $OUT/aot-training.log" >&2; exit 1; }
  trained aot "$OUT/toolwire.aot"
  SERVER_JAVA=$BENCH_AOT_JAVA run toolwire-jdk25-aot "$TOOLWIRE_JAR" -XX:AOTMode=on -XX:AOTCache="$OUT/toolwire.aot"
  SERVERS+=(toolwire-jdk25-aot)
fi

echo
echo "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), load average before the run: $LOAD_BEFORE"
echo "wrk: $THREADS thread(s), $CONNECTIONS connections, $WARMUP warm-up + $DURATION measured, POST lookup_customer"
echo "     (toolwire-blocking-tool: GET /orders/ORD-10001; its first_ms is still the first lookup_customer call)"
printf '%-24s %10s %9s %9s %9s %7s %11s %9s %10s %10s\n' server req/s p50_ms p90_ms p99_ms errors cpu_us/req \
  first_ms rss_first rss_after
for name in "${SERVERS[@]}"; do
  printf '%-24s %10s %9s %9s %9s %7s %11s %9s %10s %10s\n' "$name" "${RPS[$name]}" "${P50[$name]}" "${P90[$name]}" \
    "${P99[$name]}" "${ERR[$name]}" "${CPU[$name]}" "${TTFC[$name]}" "${RSS1[$name]}MiB" "${RSS2[$name]}MiB"
done
for name in "${SERVERS[@]:1}"; do
  awk -v n="$name" -v a="${RPS[$name]}" -v b="${RPS[baseline]}" -v pa="${P50[$name]}" -v pb="${P50[baseline]}" \
    -v ca="${CPU[$name]}" -v cb="${CPU[baseline]}" \
    'BEGIN { printf "%s vs baseline: throughput x%.3f (target >= 0.95), median +%.3f ms (target <= 0.1), server CPU per call x%.2f\n", n, a / b, pa - pb, ca / cb }'
done
for name in "${SERVERS[@]}"; do
  echo "$name: first call after launch, ms, each of the $LAUNCHES launches: ${TTFC_ALL[$name]}"
done
echo "(first_ms = launch to first HTTP 200, median of $LAUNCHES launches, target <= 800 ms; cpu_us/req = the server's user+system CPU during"
echo " the measured run per request, steadier than req/s on a shared machine; raw wrk output in $OUT)"
if [[ $MODE == both ]]; then
  echo
  echo "== the server-bound mode (bench/bound.sh)"
  bash bench/bound.sh
fi
