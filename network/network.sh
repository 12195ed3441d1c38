#!/usr/bin/env bash
# The Trade Ledger network: Fabric 3.1.5 as native processes on this machine.
#
#   network.sh up        generate (first time), start, wait until healthy, deploy, register
#   network.sh status    every node: running or not, pid, ports, memory, health
#   network.sh logs [NODE] [-f]
#   network.sh stop [NODE...]   stop everything (or the named nodes); the ledger is kept
#   network.sh wipe      stop and delete the data directory
#   network.sh fabric    print the Fabric installation in use (exit 3 when there is none)
#
# Environment: TRADE_LEDGER_DATA (data directory, default network/data), TRADE_LEDGER_BASE_PORT
# (default 7000, fixed when the network is first generated), FABRIC_HOME, JAVA_HOME,
# TRADE_LEDGER_CHAINCODE_JAVA_OPTS, TRADE_LEDGER_API_JAVA_OPTS, TRADE_LEDGER_API_RATE_LIMIT.
# See network/README.md.
set -euo pipefail

LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib"
# shellcheck source=lib/common.sh
source "$LIB/common.sh"
# shellcheck source=lib/fabric.sh
source "$LIB/fabric.sh"
# shellcheck source=lib/generate.sh
source "$LIB/generate.sh"
# shellcheck source=lib/nodes.sh
source "$LIB/nodes.sh"
# shellcheck source=lib/deploy.sh
source "$LIB/deploy.sh"

STARTED=()
UP_SUCCEEDED=false

usage() { sed -n '3,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }


everything_running() {
  local node
  while read -r node; do node_running "$node" || return 1; done < <(all_nodes)
}

# A failed `up` stops what it started, so that nothing is left half-running behind an error.
undo_failed_up() {
  local node
  [[ "$UP_SUCCEEDED" == true ]] && return 0
  ((${#STARTED[@]} == 0)) && return 0
  log "up failed; stopping the nodes it started: ${STARTED[*]}"
  stop_nodes "${STARTED[@]}"
}

# The chaincode server and the API come from this repository's build; build them when missing.
ensure_jars() {
  local jar
  for jar in "$(chaincode_jar)" "$(client_api_jar)"; do
    [[ -f "$jar" ]] && continue
    command -v mvn >/dev/null 2>&1 || die "$jar is missing and Maven is not installed to build it (mvn -B package)"
    step "building the chaincode and client-api (mvn -B -q package -DskipTests)"
    (cd "$REPO_DIR" && mvn -B -q -pl chaincode,client-api -am package -DskipTests) || die "the build failed"
    [[ -f "$jar" ]] || die "$jar is missing (TRADE_LEDGER_CHAINCODE_JAR / TRADE_LEDGER_CLIENT_API_JAR point elsewhere?)"
  done
}

cmd_up() {
  local started_at=$SECONDS
  resolve_fabric
  JAVA_COMMAND="$(java_command)" || exit 1
  rate_limit_options >/dev/null || exit 1
  ensure_jars
  if [[ -d "$DATA" && ! -f "$DATA/$DATA_MARKER" && -n "$(ls -A "$DATA")" ]]; then
    die "$DATA exists and is not a Trade Ledger network's data directory; choose another TRADE_LEDGER_DATA"
  fi
  load_settings
  if is_done apis-configured && everything_running && wait_for_discovery; then
    log "the network in $DATA is already running; nothing changed"
    print_summary
    return 0
  fi
  trap undo_failed_up EXIT
  trap 'exit 130' INT TERM
  is_done generated || generate_all
  mapfile -t orderers < <(nodes_of_kind orderer)
  step "starting orderers"
  start_nodes "${orderers[@]}"
  is_done orderers-joined || join_orderers
  mapfile -t peers < <(nodes_of_kind peer)
  step "starting peers"
  start_nodes "${peers[@]}"
  is_done peers-joined || join_peers
  is_done installed || install_chaincode "$CHAINCODE_NAME"
  mapfile -t chaincodes < <(nodes_of_kind chaincode)
  step "starting chaincode servers"
  start_nodes "${chaincodes[@]}"
  is_done committed || commit_chaincode "$CHAINCODE_NAME"
  is_done registered || register_founding_members
  wait_for_chaincode
  wait_for_discovery
  is_done apis-configured || generate_api_configs
  mapfile -t apis < <(nodes_of_kind api)
  step "starting client-api for every organization"
  start_nodes "${apis[@]}"
  UP_SUCCEEDED=true
  log "the network is up ($((SECONDS - started_at)) s)"
  print_summary
}

print_summary() {
  local org
  cat >&2 <<TEXT

Trade Ledger network: channel $CHANNEL, chaincode $CHAINCODE_NAME, Fabric $FABRIC_VERSION from $FABRIC_HOME
  data:    $DATA
  logs:    $DATA/logs (network.sh logs NODE)
  orderers: $(for o in "${ORDERERS[@]}"; do printf '%s 127.0.0.1:%s  ' "$o" "$(orderer_port "$o" grpc)"; done)
TEXT
  for org in "${ORGS[@]}"; do
    printf '  %-9s %-12s API %s  peer 127.0.0.1:%s  %s\n' "$org" "$(msp_id "$org")" "$(api_url "$org")" \
      "$(peer_port "$org" grpc)" "$(connection_profile "$org")" >&2
  done
  printf '  API keys (a writer and a reader per organization): %s\n' "$(api_keys_file)" >&2
  # The keys go to a terminal only: never into a file that collects this command's output.
  if [[ -t 2 ]]; then
    sed 's/^/    /' "$(api_keys_file)" >&2
  fi
}

cmd_status() {
  local node pid rss health port name running=0 total=0
  load_settings
  [[ -f "$DATA/$DATA_MARKER" ]] || { log "no network in $DATA (network.sh up creates one)"; return 3; }
  printf '%-20s %-8s %-8s %-9s %-8s %s\n' NODE STATE PID RSS_MB HEALTH PORTS
  while read -r node; do
    total=$((total + 1))
    local ports=""
    while read -r port name; do ports+="$port($name) "; done < <(node_ports "$node")
    if pid="$(node_pid "$node")"; then
      running=$((running + 1))
      rss="$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo '?')"
      if node_ready "$node"; then health=ok; else health=starting; fi
      printf '%-20s %-8s %-8s %-9s %-8s %s\n' "$node" running "$pid" "$rss" "$health" "$ports"
    else
      printf '%-20s %-8s %-8s %-9s %-8s %s\n' "$node" stopped - - - "$ports"
    fi
  done < <(all_nodes)
  # The benchmark's floor chaincode servers, while they run (benchmark/deploy-floor.sh).
  while read -r node; do
    pid="$(node_pid "$node")" || continue
    rss="$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo '?')"
    if node_ready "$node"; then health=ok; else health=starting; fi
    printf '%-20s %-8s %-8s %-9s %-8s %s\n' "$node" running "$pid" "$rss" "$health" \
      "$(peer_port "$(node_org "$node")" floorserver)(floor-chaincode-server)"
  done < <(floor_nodes)
  printf '\n%d of %d nodes running; data in %s\n' "$running" "$total" "$DATA"
  ((running == total))
}

cmd_logs() {
  local node="" follow=false argument
  for argument in "$@"; do
    case "$argument" in -f | --follow) follow=true ;; *) node="$argument" ;; esac
  done
  if [[ -z "$node" ]]; then
    find "$DATA/logs" -maxdepth 1 -name '*.log' -printf '%f\n' 2>/dev/null | sed 's/\.log$//' | sort
    log "usage: network.sh logs NODE [-f]"
    return 0
  fi
  [[ -f "$(log_file "$node")" ]] || die "no log for '$node' in $DATA/logs"
  if [[ "$follow" == true ]]; then tail -n 50 -f "$(log_file "$node")"; else tail -n 200 "$(log_file "$node")"; fi
}

# APIs first, then chaincode servers (the benchmark's floor too), peers, orderers: nothing is left
# calling a stopped node.
cmd_stop() {
  local node kind
  local -a nodes
  for node in "$@"; do
    is_node "$node" || die "unknown node '$node'; nodes are: $(known_nodes | tr '\n' ' ')"
  done
  if (($# > 0)); then
    stop_nodes "$@"
    return 0
  fi
  for kind in api floor chaincode peer orderer; do
    mapfile -t nodes < <(nodes_of_kind "$kind")
    stop_nodes "${nodes[@]}"
  done
}

cmd_wipe() {
  [[ -d "$DATA" ]] || { log "nothing to wipe: $DATA does not exist"; return 0; }
  [[ -f "$DATA/$DATA_MARKER" ]] || die "$DATA is not a Trade Ledger network's data directory; not deleting it"
  cmd_stop
  rm -rf "$DATA"
  log "wiped $DATA"
}

main() {
  local command="${1:-}"
  shift || true
  case "$command" in
    up) cmd_up "$@" ;;
    status) cmd_status "$@" ;;
    logs) load_settings; cmd_logs "$@" ;;
    stop) load_settings; cmd_stop "$@" ;;
    wipe) load_settings; cmd_wipe "$@" ;;
    fabric) resolve_fabric; printf '%s\n' "$FABRIC_HOME" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
