#!/usr/bin/env bash
# Benchmark of the store (issue 15): what an @Idempotent tool call and a rate-limited call cost with
# the in-memory store and with the Redis store (toolwire.store=redis), next to the plain Micronaut
# baseline of bench/run.sh measured in the same run. One server at a time on loopback, a fresh
# redis-server of our own (no persistence) for the Redis rows; prints one table.
#
#   bash bench/store.sh                                  # defaults below; about 8 minutes
#   BENCH_WARMUP=3s BENCH_DURATION=3s bash bench/store.sh # a smoke run: proves the script, measures nothing
#   BENCH_SERVER_CPUS= BENCH_WRK_CPUS= bash bench/store.sh
#                                                        # nothing pinned (default: server and Redis on core 0, wrk on core 1)
#   BENCH_STORE_ROWS="repeat-memory repeat-redis" bash bench/store.sh   # some rows (the baseline always runs)
#
# The warm-up is long on purpose, as in run.sh: a short one measures the JIT still compiling the call
# path. Every row fails the script (exit 1, naming the row) when its server answered anything but
# success during the warm-up or the measured run, or when its calls did not do what the row claims
# to measure (bench/README.md, "The store").
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-30s}
# The distinct rows remember every call for the tool's window (300 s, longer than the run): the
# in-memory store keeps about 0.8 KiB of heap per call, so 500k calls need more than run.sh's heap.
# Both distinct rows get this heap, so memory and Redis are compared on equal terms.
DISTINCT_HEAP=${BENCH_DISTINCT_HEAP:--Xmx3g}
PORT=${BENCH_PORT:-18181}
RATE_LIMIT=${BENCH_RATE_LIMIT_RPM:-100000000}
# CPU sets (taskset -c). By default the server (and Redis) on core 0 and wrk on core 1, so the load
# generator's CPU never mixes with the server's; set both empty to pin nothing.
# Redis runs on the server's set unless BENCH_REDIS_CPUS says otherwise.
SERVER_CPUS=${BENCH_SERVER_CPUS-0}
WRK_CPUS=${BENCH_WRK_CPUS-1}
REDIS_CPUS=${BENCH_REDIS_CPUS:-$SERVER_CPUS}
ALL_ROWS="read-memory ratelimit-memory ratelimit-redis repeat-memory repeat-redis distinct-memory distinct-redis"
ROWS=${BENCH_STORE_ROWS:-$ALL_ROWS}
for row in $ROWS; do
  [[ " $ALL_ROWS " == *" $row "* ]] || { echo "unknown row '$row' in BENCH_STORE_ROWS; rows: $ALL_ROWS" >&2; exit 2; }
done
OUT=bench/target/store
LOOKUP=$LOOKUP_BODY
mkdir -p "$OUT"

build_jars
bash .ci/install-redis-server
REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
command -v redis-cli >/dev/null || fail "redis-cli is missing (Debian: apt-get install redis-tools)"
if [[ -n $SERVER_CPUS$WRK_CPUS$REDIS_CPUS ]]; then
  command -v taskset >/dev/null || fail "taskset is missing (Debian: apt-get install util-linux)"
fi

new_secret
TOKEN=$(token lookup_customer create_support_ticket)
[[ -n $TOKEN ]] || fail "the token command printed no token"
RUN_ID="$(date +%s)-$RANDOM"

PID=
REDIS_PID=
stop_server() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    wait "$PID" 2>/dev/null || true
  fi
  PID=
}
stop_all() {
  stop_server
  if [[ -n $REDIS_PID ]] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID"
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  REDIS_PID=
}
trap stop_all EXIT

# --- Redis: our own server on a free loopback port, no snapshots, no append-only file -----------------
REDIS_PORT=${BENCH_REDIS_PORT:-}
if [[ -z $REDIS_PORT ]]; then
  for candidate in $(seq 16379 16479); do
    if ! port_open "$candidate"; then
      REDIS_PORT=$candidate
      break
    fi
  done
  [[ -n $REDIS_PORT ]] || fail "no free port for redis-server in 16379-16479; set BENCH_REDIS_PORT"
elif port_open "$REDIS_PORT"; then
  fail "port $REDIS_PORT (BENCH_REDIS_PORT) is already in use"
fi
rcli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
start_redis() {
  (pinned "$REDIS_CPUS" "$REDIS_SERVER" --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --daemonize no --logfile "") >"$OUT/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 500); do
    [[ $(rcli ping 2>/dev/null) == PONG ]] && break
    kill -0 "$REDIS_PID" 2>/dev/null || fail "redis-server exited; see $OUT/redis.log"
    pause 0.01
  done
  [[ $(rcli ping 2>/dev/null) == PONG ]] || fail "redis-server did not answer on port $REDIS_PORT within 5 s"
  # The pid must be redis-server's own (taskset and the subshell exec it), or its CPU is not what we read.
  [[ $(cat "/proc/$REDIS_PID/comm") == redis-server* ]] || fail "pid $REDIS_PID is $(cat "/proc/$REDIS_PID/comm"), not redis-server"
}
# Scripts Redis has run (EVALSHA, and EVAL when a script was not cached yet): the store's round trips.
redis_scripts() {
  rcli info commandstats | tr -d '\r' | awk -F'[:,=]' '/^cmdstat_eval(sha)?:/ {n += $3} END {print n + 0}'
}
redis_memory() { rcli info memory | tr -d '\r' | awk -F: '/^used_memory_human:/ {print $2}'; }

# --- one server -------------------------------------------------------------------------------------
# call PATH BODY [auth]: POSTs BODY; prints "<status> <body>".
call() {
  local auth=()
  [[ ${3:-auth} == auth ]] && auth=(-H "Authorization: Bearer $TOKEN")
  curl -s --max-time 10 -o "$OUT/call.body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${auth[@]}" \
    -d "$2" "http://127.0.0.1:$PORT$1" || true
  printf ' %s\n' "$(cat "$OUT/call.body" 2>/dev/null)"
}
ticket_body() { printf '{"customer_email":"bench.caller@example.com","subject":"Bench %s","description":"Opened by the benchmark.","priority":"medium"}' "$1"; }
# ticket SUBJECT: files a ticket (or answers the remembered one); prints its number, fails on anything but 200.
ticket() {
  local answer
  answer=$(call /tools/create_support_ticket "$(ticket_body "$1")")
  [[ $answer == 200\ * ]] || fail "$ROW: create_support_ticket answered ${answer:0:300}"
  [[ $answer =~ \"ticket_id\":\"TCK-([0-9]+)\" ]] || fail "$ROW: no ticket_id in ${answer:0:300}"
  echo "${BASH_REMATCH[1]}"
}

# start NAME HEAP JAR [JVM options...]: launches and waits for the first 200 of a lookup (at most 60 s).
start() {
  local name=$1 heap=$2 jar=$3 credentials=auth answer=''
  shift 3
  [[ $name == baseline ]] && credentials=none
  port_open "$PORT" && fail "port $PORT is already in use: stop what listens there, or set BENCH_PORT"
  # shellcheck disable=SC2086 # $heap may hold several JVM options, as run.sh's BENCH_HEAP
  (pinned "$SERVER_CPUS" "$JAVA" $heap "$@" -Dmicronaut.server.port="$PORT" -jar "$jar") >"$OUT/$name.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 6000); do
    port_open "$PORT" && break
    kill -0 "$PID" 2>/dev/null || fail "$name died; see $OUT/$name.log"
    pause 0.01
  done
  for _ in $(seq 1 500); do
    answer=$(call /tools/lookup_customer "$LOOKUP" "$credentials")
    [[ $answer == 200\ * ]] && return
    kill -0 "$PID" 2>/dev/null || fail "$name died; see $OUT/$name.log"
    pause 0.1
  done
  fail "$name never answered a lookup with 200 (last: ${answer:0:300}); see $OUT/$name.log"
}

# wrk_run NAME PHASE DURATION KIND PATH: one wrk run; fails on any response >= 400 or socket error.
wrk_run() {
  local name=$1 phase=$2 duration=$3 kind=$4 path=$5 token=$TOKEN
  local run_id="$RUN_ID-$name"
  [[ $name == baseline ]] && token=
  # The repeated call is the first call of the row (see measure); distinct calls differ by phase too.
  [[ $kind == ticket-distinct ]] && run_id+="-$phase"
  (BENCH_REQUEST=$kind BENCH_TOKEN=$token BENCH_RUN_ID=$run_id \
    pinned "$WRK_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s bench/store.lua \
    "http://127.0.0.1:$PORT$path") >"$OUT/$name.$phase.txt" 2>&1 || fail "$name: wrk failed ($phase); see $OUT/$name.$phase.txt"
  wrk_result "$OUT/$name.$phase.txt"
  if (( R_NON2XX > 0 || R_SOCK > 0 )); then
    fail "$name: the $phase run got $R_NON2XX responses of status 400 or more and $R_SOCK socket errors" \
      "in $R_REQ requests; see $OUT/$name.$phase.txt and $OUT/$name.log"
  fi
  (( R_REQ > 0 )) || fail "$name: the $phase run completed no request; see $OUT/$name.$phase.txt"
}

# tool_calls TOOL: the server's own count of the tool's calls, "<ok> <not ok>" (toolwire.tool.calls;
# ok = any status below 400).
tool_calls() {
  curl -s --max-time 10 "http://127.0.0.1:$PORT/prometheus" | awk -v tool="$1" '
    /^toolwire_tool_calls_seconds_count\{/ && index($0, "tool=\"" tool "\"") {
      if (index($0, "outcome=\"ok\"")) ok += $NF; else other += $NF
    }
    END { printf "%d %d\n", ok, other }'
}

declare -A RPS P50 P99 CPU RCPU SCRIPTS RSS RMEM STORE WHAT
ROW=
# measure NAME STORE KIND PATH HEAP JAR [JVM options...]
measure() {
  local name=$1 store=$2 kind=$3 path=$4 heap=$5 jar=$6 tool=lookup_customer
  shift 6
  ROW=$name
  [[ $kind == ticket* ]] && tool=create_support_ticket
  echo "== $name"
  if [[ $store == redis ]]; then
    rcli flushall sync >/dev/null
  fi
  start "$name" "$heap" "$jar" "$@"
  local first='' before=''
  case $kind in
    ticket) first=$(ticket "$RUN_ID-$name") ;;               # the one call every request repeats
    ticket-distinct) before=$(ticket "$RUN_ID-$name-before") ;; # the ticket number before the load
  esac

  wrk_run "$name" warmup "$WARMUP" "$kind" "$path"
  local warmup_requests=$R_REQ ticks redis_ticks=0 scripts=0
  ticks=$(cpu_ticks "$PID")
  if [[ $store == redis ]]; then
    redis_ticks=$(cpu_ticks "$REDIS_PID")
    scripts=$(redis_scripts)
  fi
  wrk_run "$name" measured "$DURATION" "$kind" "$path"
  ticks=$(( $(cpu_ticks "$PID") - ticks ))
  if [[ $store == redis ]]; then
    redis_ticks=$(( $(cpu_ticks "$REDIS_PID") - redis_ticks ))
    scripts=$(( $(redis_scripts) - scripts ))
  fi

  # Did the calls do what the row says it measures?
  if [[ $name != baseline ]]; then
    local counts ok other
    counts=$(tool_calls "$tool")
    ok=${counts% *} other=${counts#* }
    (( other == 0 )) || fail "$name: the server counted $other calls of $tool that did not succeed (toolwire_tool_calls); see $OUT/$name.log"
    (( ok >= warmup_requests + R_REQ )) || fail "$name: the server counted $ok successful calls of $tool, fewer than wrk's $((warmup_requests + R_REQ))"
  fi
  local expected_scripts=0
  case $kind in
    ticket)
      # Every request was answered from the retry memory: the tool ran once, for the first call.
      local again next
      again=$(ticket "$RUN_ID-$name")
      next=$(ticket "$RUN_ID-$name-after")
      [[ $again == "$first" ]] || fail "$name: the repeated call answered ticket $again, not the first call's $first"
      (( next == first + 1 )) || fail "$name: a new call after the load got ticket $next, not $((first + 1)): the repeats ran the tool"
      WHAT[$name]="tool ran 0 times in $((warmup_requests + R_REQ)) calls"
      expected_scripts=1 # the claim script finds the outcome
      ;;
    ticket-distinct)
      # Every request ran the tool: the ticket numbers moved on by at least the calls answered.
      local after runs
      after=$(ticket "$RUN_ID-$name-after")
      runs=$(( after - before - 1 ))
      (( runs >= warmup_requests + R_REQ )) || fail "$name: the tool ran $runs times for $((warmup_requests + R_REQ)) distinct calls"
      WHAT[$name]="tool ran $runs times for $((warmup_requests + R_REQ)) calls"
      expected_scripts=2 # claim, then finish with the outcome
      ;;
    lookup)
      if [[ $name == ratelimit-* ]]; then
        curl -s -i --max-time 10 -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$LOOKUP" \
          "http://127.0.0.1:$PORT/tools/lookup_customer" >"$OUT/call.head" || true
        grep -qi "^X-RateLimit-Limit: $RATE_LIMIT" "$OUT/call.head" \
          || fail "$name: the lookup answered without X-RateLimit-Limit: $RATE_LIMIT; see $OUT/call.head"
        WHAT[$name]="limit $RATE_LIMIT/min per credential, never reached"
        expected_scripts=1 # one counter script per call
      elif [[ $name == read-* ]]; then
        WHAT[$name]="the same lookup, no rate limit"
      else
        WHAT[$name]="plain Micronaut controller"
      fi
      ;;
  esac
  if [[ $store == redis ]]; then
    # Each measured call must have gone through Redis (the rate limiter falls back to counting in
    # memory while Redis is out of reach, which would measure the wrong thing). Calls in flight at
    # either end of the run are counted by one side only: allow two rounds of connections.
    (( scripts >= expected_scripts * (R_REQ - 2 * CONNECTIONS) )) \
      || fail "$name: Redis ran $scripts scripts for $R_REQ calls, expected $expected_scripts per call; see $OUT/$name.log"
    SCRIPTS[$name]=$(awk -v s="$scripts" -v n="$R_REQ" 'BEGIN { printf "%.2f", s / n }')
    RCPU[$name]=$(per_request "$redis_ticks" "$R_REQ")
    RMEM[$name]=$(redis_memory)
  else
    SCRIPTS[$name]=- RCPU[$name]=0 RMEM[$name]=-
  fi
  RPS[$name]=$R_RPS P50[$name]=$R_P50 P99[$name]=$R_P99 STORE[$name]=$store
  CPU[$name]=$(per_request "$ticks" "$R_REQ")
  RSS[$name]=$(rss_mib "$PID")
  stop_server
}

TOOLWIRE=(-Dtoolwire.access-log.enabled=false)
MEMORY=(-Dtoolwire.store=memory)
REDIS=(-Dtoolwire.store=redis -Dredis.uri="redis://127.0.0.1:$REDIS_PORT")
LIMITED=(-Dtoolwire.rate-limit.enabled=true -Dtoolwire.rate-limit.requests-per-minute="$RATE_LIMIT")
# The quotas of the retry memory (1000 calls per caller by default) would refuse the distinct calls
# of one caller after the first thousand: raised for every idempotent row, so they never bind.
UNBOUNDED=(-Dtoolwire.deduplication.max-per-caller=100000000 -Dtoolwire.deduplication.max-entries=100000000)
if [[ " $ROWS " == *-redis* ]]; then
  start_redis
fi

measure baseline - lookup /tools/lookup_customer "$HEAP" "$BASELINE_JAR"
DONE=(baseline)
for row in $ROWS; do
  case $row in
    read-memory) measure "$row" memory lookup /tools/lookup_customer "$HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${MEMORY[@]}" ;;
    ratelimit-memory) measure "$row" memory lookup /tools/lookup_customer "$HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${MEMORY[@]}" "${LIMITED[@]}" ;;
    ratelimit-redis) measure "$row" redis lookup /tools/lookup_customer "$HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${REDIS[@]}" "${LIMITED[@]}" ;;
    repeat-memory) measure "$row" memory ticket /tools/create_support_ticket "$HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${MEMORY[@]}" "${UNBOUNDED[@]}" ;;
    repeat-redis) measure "$row" redis ticket /tools/create_support_ticket "$HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${REDIS[@]}" "${UNBOUNDED[@]}" ;;
    distinct-memory) measure "$row" memory ticket-distinct /tools/create_support_ticket "$DISTINCT_HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${MEMORY[@]}" "${UNBOUNDED[@]}" ;;
    distinct-redis) measure "$row" redis ticket-distinct /tools/create_support_ticket "$DISTINCT_HEAP" "$TOOLWIRE_JAR" "${TOOLWIRE[@]}" "${REDIS[@]}" "${UNBOUNDED[@]}" ;;
  esac
  DONE+=("$row")
done
REDIS_VERSION=$("$REDIS_SERVER" --version | awk '{print $3}')
stop_all

echo
echo "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), redis-server ${REDIS_VERSION#v=}, load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: $THREADS thread(s), $CONNECTIONS connections, $WARMUP warm-up + $DURATION measured; heap $HEAP (distinct rows $DISTINCT_HEAP); access log off"
echo "cpus: server ${SERVER_CPUS:-all (not pinned)}, redis-server ${REDIS_CPUS:-all (not pinned)}, wrk ${WRK_CPUS:-all (not pinned)}"
echo
echo "| row | store | req/s | x baseline | p50 ms | p99 ms | server µs/req | redis µs/req | server+redis µs/req | CPU x baseline | redis scripts/req | RSS after | redis memory after | what the calls did |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for name in "${DONE[@]}"; do
  awk -v n="$name" -v s="${STORE[$name]}" -v r="${RPS[$name]}" -v rb="${RPS[baseline]}" -v p50="${P50[$name]}" \
    -v p99="${P99[$name]}" -v c="${CPU[$name]}" -v rc="${RCPU[$name]}" -v cb="${CPU[baseline]}" -v sc="${SCRIPTS[$name]}" \
    -v rss="${RSS[$name]}" -v rm="${RMEM[$name]}" -v w="${WHAT[$name]}" -v redis="${STORE[$name]}" '
    BEGIN {
      rcpu = redis == "redis" ? sprintf("%.1f", rc) : "-"
      printf "| %s | %s | %.0f | %.2f | %s | %s | %.1f | %s | %.1f | %.2f | %s | %s MiB | %s | %s |\n",
        n, s, r, r / rb, p50, p99, c, rcpu, c + rc, (c + rc) / cb, sc, rss, rm, w
    }'
done
echo
echo "(µs/req = user+system CPU of the process, all threads, from /proc/<pid>/stat over the measured run, per request"
echo " wrk completed; x baseline = against the baseline row of this run; raw wrk output and logs in $OUT)"
