# Shared by the benchmark scripts (run.sh, bound.sh, store.sh); sourced, never run. Callers set
# `set -euo pipefail` and cd to the repository root first.

JAVA=${JAVA:-java}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-1}
HEAP=${BENCH_HEAP:--Xmx512m}
TOOLWIRE_JAR=tool-examples/target/tool-examples.jar
BASELINE_JAR=bench/target/toolwire-bench-baseline.jar
SPRING_JAR=bench/spring/target/toolwire-bench-spring.jar
LOOKUP_BODY='{"phone_number":"+971501234567"}'
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TICKS_PER_SECOND=$(getconf CLK_TCK)

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# pinned CPUS COMMAND...: runs COMMAND on CPUS (taskset -c), or unpinned when CPUS is empty.
pinned() {
  local cpus=$1
  shift
  if [[ -n $cpus ]]; then exec taskset -c "$cpus" "$@"; else exec "$@"; fi
}

# build_jars: builds the example server and the baseline when missing (or with BENCH_REBUILD set),
# and installs wrk when it is missing and we may.
build_jars() {
  if [[ ! -f $TOOLWIRE_JAR || -n ${BENCH_REBUILD:-} ]]; then
    echo "== building the example server"
    mvn -q package -pl tool-examples -am -DskipTests
  fi
  if [[ ! -f $BASELINE_JAR || -n ${BENCH_REBUILD:-} ]]; then
    echo "== building the baseline"
    mvn -q -f bench/pom.xml package
  fi
  if [[ -n ${BENCH_WITH_SPRING:-} && ( ! -f $SPRING_JAR || -n ${BENCH_REBUILD:-} ) ]]; then
    echo "== building the Spring Boot comparison (downloads Spring Boot from Maven Central once)"
    mvn -q -f bench/spring/pom.xml package
  fi
  if ! command -v wrk >/dev/null; then
    if [[ $(id -u) == 0 ]]; then
      echo "== installing wrk"
      apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else
      fail "wrk is missing: install it (Debian: sudo apt-get install wrk) and run again"
    fi
  fi
}

# new_secret: a fresh JWT secret for this run, exported: the servers verify with it and the token
# command signs with it.
new_secret() {
  TOOLWIRE_AUTH_JWT_SECRET="bench-$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  export TOOLWIRE_AUTH_JWT_SECRET
}

# token TOOL...: prints a bearer token for the tools, valid two hours.
token() {
  local args=() tool
  for tool in "$@"; do args+=(--tool "$tool"); done
  "$JAVA" -jar "$TOOLWIRE_JAR" token "${args[@]}" --ttl 2h 2>/dev/null | tail -1
}

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# CPU time (user + system, all threads) the process used so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# A pause without starting a process: `sleep` and a curl per poll would take CPU from a server
# starting on the same cores.
exec {PAUSE_FD}<> <(:)
pause() { read -r -t "$1" -u "$PAUSE_FD" || true; }
# port_open PORT: whether something accepts connections there (bash's /dev/tcp: no process started).
port_open() {
  { exec {PROBE_FD}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  exec {PROBE_FD}>&-
}

# median: the median of the numbers on stdin, one per line.
median() { sort -g | awk '{v[NR] = $1} END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wrk_result FILE: reads the RESULT line that post.lua and store.lua print at the end of a wrk run
# into R_RPS, R_P50, R_P90, R_P99 (ms), R_REQ (requests), R_ERR (answers that were not a success),
# R_NON2XX and R_SOCK (socket errors); a field the script does not print is empty. Fails when the
# file has no RESULT line.
wrk_result() {
  local line field
  line=$(grep '^RESULT' "$1") || fail "wrk printed no RESULT line; see $1"
  R_RPS='' R_P50='' R_P90='' R_P99='' R_REQ='' R_ERR='' R_NON2XX='' R_SOCK=''
  for field in $line; do
    case $field in
      rps=*) R_RPS=${field#rps=} ;;
      p50_ms=*) R_P50=${field#p50_ms=} ;;
      p90_ms=*) R_P90=${field#p90_ms=} ;;
      p99_ms=*) R_P99=${field#p99_ms=} ;;
      requests=*) R_REQ=${field#requests=} ;;
      errors=*) R_ERR=${field#errors=} ;;
      non2xx=*) R_NON2XX=${field#non2xx=} ;;
      socket_errors=*) R_SOCK=${field#socket_errors=} ;;
    esac
  done
}

# per_request TICKS REQUESTS: CPU microseconds per request from clock ticks (/proc's), one decimal.
per_request() {
  awk -v t="$1" -v hz="$TICKS_PER_SECOND" -v n="$2" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }'
}
