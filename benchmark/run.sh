#!/usr/bin/env bash
# Runs the benchmark on the live network (benchmark/README.md), in one command:
#   1. builds the chaincode, client-api, the floor contract and the runner (unless --no-build);
#   2. brings the network up with network/network.sh up if it is not running, with the APIs'
#      per-key rate limit lifted (TRADE_LEDGER_API_RATE_LIMIT, default here 100000/s), restarting
#      running APIs that have the default limit and peers that predate the floor's port;
#   3. deploys the floor contract (benchmark/deploy-floor.sh) if it is not deployed;
#   4. runs the workloads and writes results.json and results.csv to benchmark/target/results
#      (or --output DIR).
#
#   benchmark/run.sh [--no-build] [--quick] [--concurrency 1,8,32,128] [--duration S] [--warmup S]
#                    [--rounds N] [--workloads read,create,event,batch] [--output DIR]
#
# Environment as for network.sh: TRADE_LEDGER_DATA, TRADE_LEDGER_BASE_PORT, FABRIC_HOME, JAVA_HOME.
set -euo pipefail

BENCHMARK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../network/lib/common.sh
source "$BENCHMARK_DIR/../network/lib/common.sh"
NETWORK="$REPO_DIR/network/network.sh"
RUNNER_JAR="$BENCHMARK_DIR/runner/target/benchmark.jar"
export TRADE_LEDGER_API_RATE_LIMIT="${TRADE_LEDGER_API_RATE_LIMIT:-100000}"
export TRADE_LEDGER_DATA="$DATA"

# A running API started without the lifted limit (its command line has no -Ddw.rateLimit).
api_limited() { # org
  local pid
  pid="$(node_pid "api-$1")" || return 1
  ! tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qx -- "-Ddw.rateLimit.requestsPerSecond=${TRADE_LEDGER_API_RATE_LIMIT%%:*}"
}

main() {
  local build=true org
  local -a arguments=() restart=()
  for argument in "$@"; do
    if [[ "$argument" == --no-build ]]; then build=false; else arguments+=("$argument"); fi
  done
  if [[ "$build" == true ]]; then
    step "building the chaincode, client-api, the floor contract and the benchmark (mvn -B -q package -DskipTests)"
    (cd "$REPO_DIR" && mvn -B -q -pl chaincode,client-api,benchmark/floor,benchmark/runner -am package -DskipTests) \
      || die "the build failed"
  fi
  [[ -f "$RUNNER_JAR" ]] || die "$RUNNER_JAR is missing: run without --no-build"
  if [[ -f "$DATA/$DATA_MARKER" ]]; then
    load_settings
    for org in "${ORGS[@]}"; do
      if api_limited "$org"; then restart+=("api-$org"); fi
      if node_running "peer-$org" && ! peer_knows_floor_port "$org"; then restart+=("peer-$org"); fi
    done
    if ((${#restart[@]} > 0)); then
      step "restarting ${restart[*]} (the API rate limit lifted; the peers' builder configuration names the floor's port)"
      "$NETWORK" stop "${restart[@]}"
    fi
  fi
  step "network/network.sh up (data $DATA)"
  "$NETWORK" up
  "$BENCHMARK_DIR/deploy-floor.sh"
  step "running the benchmark"
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:+UseSerialGC -Xmx512m -jar "$RUNNER_JAR" \
    --data "$DATA" --output "$BENCHMARK_DIR/target/results" "${arguments[@]}"
}

main "$@"
