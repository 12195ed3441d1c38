# shellcheck shell=bash
# shellcheck disable=SC2034 # the constants below are read by the other libraries
# Settings, names, ports and process handling shared by every command of network.sh.
# Every fact about the network's shape (organizations, nodes, ports, paths) is defined here once.

readonly FABRIC_VERSION="3.1.5"
readonly CHANNEL="trade"
readonly CHAINCODE_NAME="trade"
readonly CHAINCODE_LABEL="trade_1"
readonly CHAINCODE_VERSION="1"
readonly CHAINCODE_SEQUENCE="1"
# The benchmark's floor contract (benchmark/README.md): a second chaincode beside ours, deployed by
# benchmark/deploy-floor.sh only, never by `up`, with its own package and its own chaincode server
# per organization (node floor-<org>). Functions that deploy or run a chaincode take its name.
readonly FLOOR_CHAINCODE_NAME="floor"
readonly FLOOR_CHAINCODE_LABEL="floor_1"
readonly DOMAIN="trade.local"
readonly ORGS=(exporter importer carrier customs insurer)
readonly ORDERERS=(orderer1 orderer2 orderer3)
readonly DEFAULT_BASE_PORT=7000
# The chaincode JVM: a small heap and the serial collector keep each server near 300 MB resident
# and start it in about half the time of the defaults on two cores (network/README.md, "Measured").
readonly DEFAULT_CHAINCODE_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
# client-api: the same small heap; C2 stays on, since the API serves every request of its users.
readonly DEFAULT_API_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k"

NETWORK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(dirname "$NETWORK_DIR")"
DATA="${TRADE_LEDGER_DATA:-$NETWORK_DIR/data}"
readonly NETWORK_DIR REPO_DIR
# The checked java command, resolved once by `up` before any JVM starts (nodes.sh).
JAVA_COMMAND=""

log() { printf '%s\n' "$*" >&2; }
step() { printf '==> [%3ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf 'network: %s\n' "$*" >&2; exit 1; }

# --- names --------------------------------------------------------------------------------

msp_id() { local org="$1"; printf '%sMSP' "${org^}"; }
org_domain() { printf '%s.%s' "$1" "$DOMAIN"; }
org_index() {
  local i
  for i in "${!ORGS[@]}"; do [[ "${ORGS[$i]}" == "$1" ]] && { printf '%s' "$i"; return 0; }; done
  return 1
}
orderer_index() { printf '%s' "${1#orderer}"; }

all_nodes() {
  local org
  printf '%s\n' "${ORDERERS[@]}"
  for org in "${ORGS[@]}"; do printf 'peer-%s\n' "$org"; done
  for org in "${ORGS[@]}"; do printf 'chaincode-%s\n' "$org"; done
  for org in "${ORGS[@]}"; do printf 'api-%s\n' "$org"; done
}
# The floor's chaincode servers: stopped, listed and checked like the others, started only by the
# benchmark's deploy script.
floor_nodes() {
  local org
  for org in "${ORGS[@]}"; do printf 'floor-%s\n' "$org"; done
}
known_nodes() { all_nodes; floor_nodes; }
# Not `all_nodes | grep -q`: grep may quit before all_nodes has written, and pipefail would then
# report a known node as unknown.
is_node() { [[ $'\n'"$(known_nodes)"$'\n' == *$'\n'"$1"$'\n'* ]]; }
node_kind() { case "$1" in orderer*) echo orderer ;; peer-*) echo peer ;; chaincode-*) echo chaincode ;; floor-*) echo floor ;; api-*) echo api ;; esac; }
node_org() { printf '%s' "${1#*-}"; }
nodes_of_kind() {
  local node
  while read -r node; do
    if [[ "$(node_kind "$node")" == "$1" ]]; then printf '%s\n' "$node"; fi
  done < <(known_nodes)
}

# --- ports --------------------------------------------------------------------------------
# Orderer n: base+10n gRPC, +1 admin, +2 operations. Organization k (ORGS order):
# base+100+10k peer gRPC, +1 peer chaincode listener, +2 peer operations, +3 chaincode server,
# +4 client-api (HTTP), +5 client-api admin (health checks, metrics), +6 the benchmark's floor
# chaincode server (only while the floor is deployed).

orderer_port() { # orderer kind(grpc|admin|ops)
  local offset
  case "$2" in grpc) offset=0 ;; admin) offset=1 ;; ops) offset=2 ;; esac
  printf '%s' $((BASE_PORT + 10 * $(orderer_index "$1") + offset))
}
peer_port() { # org kind(grpc|cclisten|ops|ccserver|api|apiadmin|floorserver)
  local offset
  case "$2" in
    grpc) offset=0 ;; cclisten) offset=1 ;; ops) offset=2 ;; ccserver) offset=3 ;; api) offset=4 ;; apiadmin) offset=5 ;;
    floorserver) offset=6 ;;
  esac
  printf '%s' $((BASE_PORT + 100 + 10 * $(org_index "$1") + offset))
}
node_ports() { # the ports a node listens on, with their names
  local node="$1" org
  case "$(node_kind "$node")" in
    orderer) printf '%s gRPC\n%s admin\n%s operations\n' "$(orderer_port "$node" grpc)" \
      "$(orderer_port "$node" admin)" "$(orderer_port "$node" ops)" ;;
    peer) org="$(node_org "$node")"
      printf '%s gRPC\n%s chaincode-listener\n%s operations\n' "$(peer_port "$org" grpc)" \
        "$(peer_port "$org" cclisten)" "$(peer_port "$org" ops)" ;;
    chaincode) printf '%s chaincode-server\n' "$(peer_port "$(node_org "$node")" ccserver)" ;;
    floor) printf '%s floor-chaincode-server\n' "$(peer_port "$(node_org "$node")" floorserver)" ;;
    api) org="$(node_org "$node")"
      printf '%s http\n%s admin\n' "$(peer_port "$org" api)" "$(peer_port "$org" apiadmin)" ;;
  esac
}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- paths --------------------------------------------------------------------------------

crypto_dir() { printf '%s/crypto' "$DATA"; }
orderer_org_dir() { printf '%s/ordererOrganizations/orderer.%s' "$(crypto_dir)" "$DOMAIN"; }
orderer_tls_ca() { printf '%s/tlsca/tlsca.orderer.%s-cert.pem' "$(orderer_org_dir)" "$DOMAIN"; }
orderer_node_dir() { printf '%s/orderers/%s.orderer.%s' "$(orderer_org_dir)" "$1" "$DOMAIN"; }
orderer_admin_tls() { printf '%s/users/Admin@orderer.%s/tls' "$(orderer_org_dir)" "$DOMAIN"; }
peer_org_dir() { printf '%s/peerOrganizations/%s' "$(crypto_dir)" "$(org_domain "$1")"; }
peer_tls_ca() { printf '%s/tlsca/tlsca.%s-cert.pem' "$(peer_org_dir "$1")" "$(org_domain "$1")"; }
peer_node_dir() { printf '%s/peers/peer0.%s' "$(peer_org_dir "$1")" "$(org_domain "$1")"; }
chaincode_tls_dir() { printf '%s/peers/chaincode.%s/tls' "$(peer_org_dir "$1")" "$(org_domain "$1")"; }
user_msp_dir() { printf '%s/users/%s@%s/msp' "$(peer_org_dir "$1")" "$2" "$(org_domain "$1")"; }
connection_profile() { printf '%s/organizations/%s/connection.json' "$DATA" "$1"; }
channel_block() { printf '%s/channel/%s.block' "$DATA" "$CHANNEL"; }
# A chaincode's label, package and package id; the name is ours (trade, the default) or the floor.
chaincode_label() { if [[ "${1:-$CHAINCODE_NAME}" == "$FLOOR_CHAINCODE_NAME" ]]; then printf '%s' "$FLOOR_CHAINCODE_LABEL"; else printf '%s' "$CHAINCODE_LABEL"; fi; }
package_file() { printf '%s/chaincode/%s.tar.gz' "$DATA" "$(chaincode_label "${1:-}")"; }
package_id_file() {
  if [[ "${1:-$CHAINCODE_NAME}" == "$FLOOR_CHAINCODE_NAME" ]]; then printf '%s/chaincode/floor-package-id' "$DATA"; else printf '%s/chaincode/package-id' "$DATA"; fi
}
# The state markers of a chaincode's deployment steps: ours keep their first names.
deploy_marker() { # name step
  if [[ "$1" == "$FLOOR_CHAINCODE_NAME" ]]; then printf 'floor-%s' "$2"; else printf '%s' "$2"; fi
}
node_work_dir() { printf '%s/nodes/%s' "$DATA" "$1"; }
pid_file() { printf '%s/run/%s.pid' "$DATA" "$1"; }
log_file() { printf '%s/logs/%s.log' "$DATA" "$1"; }
done_marker() { printf '%s/state/%s' "$DATA" "$1"; }
is_done() { [[ -f "$(done_marker "$1")" ]]; }
mark_done() { mkdir -p "$DATA/state" && date -u +%FT%TZ >"$(done_marker "$1")"; }
chaincode_jar() { printf '%s' "${TRADE_LEDGER_CHAINCODE_JAR:-$REPO_DIR/chaincode/target/chaincode.jar}"; }
floor_chaincode_jar() { printf '%s' "${TRADE_LEDGER_FLOOR_JAR:-$REPO_DIR/benchmark/floor/target/floor-chaincode.jar}"; }
client_api_jar() { printf '%s' "${TRADE_LEDGER_CLIENT_API_JAR:-$REPO_DIR/client-api/target/client-api.jar}"; }
api_config() { printf '%s/organizations/%s/api.yml' "$DATA" "$1"; }
# The API keys, readable by the owner only; never printed into a log.
api_keys_file() { printf '%s/api-keys.env' "$DATA"; }
# The secret from which an organization's API derives the salt of order terms; owner-only.
terms_salt_secret() { printf '%s/organizations/%s/terms-salt-secret' "$DATA" "$1"; }
api_url() { printf 'http://127.0.0.1:%s' "$(peer_port "$1" api)"; }

# --- settings kept with the data ----------------------------------------------------------
# The base port is fixed when the crypto material and the channel are generated (the channel
# configuration names the orderers' and anchor peers' ports), so it is stored with the data.

readonly DATA_MARKER=".trade-ledger-network"

load_settings() {
  local stored=""
  if [[ -f "$DATA/settings.env" ]]; then
    stored="$(sed -n 's/^BASE_PORT=\([0-9]*\)$/\1/p' "$DATA/settings.env")"
  fi
  if [[ -n "$stored" ]]; then
    if [[ -n "${TRADE_LEDGER_BASE_PORT:-}" && "$TRADE_LEDGER_BASE_PORT" != "$stored" ]]; then
      die "the network in $DATA was generated with base port $stored, not $TRADE_LEDGER_BASE_PORT; unset TRADE_LEDGER_BASE_PORT, or wipe it (network.sh wipe) to choose another"
    fi
    BASE_PORT="$stored"
  else
    BASE_PORT="${TRADE_LEDGER_BASE_PORT:-$DEFAULT_BASE_PORT}"
    if ! [[ "$BASE_PORT" =~ ^[0-9]+$ ]] || ((BASE_PORT < 1024 || BASE_PORT > 65000)); then
      die "TRADE_LEDGER_BASE_PORT must be a number from 1024 to 65000, not '$BASE_PORT'"
    fi
  fi
  readonly BASE_PORT
}

save_settings() {
  mkdir -p "$DATA"
  chmod 700 "$DATA"
  touch "$DATA/$DATA_MARKER"
  printf 'BASE_PORT=%s\n' "$BASE_PORT" >"$DATA/settings.env"
}

# --- processes ----------------------------------------------------------------------------
# Each node runs with its own working directory under $DATA/nodes; a pid counts as the node's
# only while that process still has that directory as its working directory, so a stale pid
# file never makes us signal somebody else's process.

node_pid() {
  local node="$1" pid file
  file="$(pid_file "$node")"
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$(node_work_dir "$node")" ]] || return 1
  printf '%s' "$pid"
}
# Whether a running peer was started with the floor's port in its ccaas builder configuration
# ({{.floorport}} in the floor's package); peers started before the floor existed were not.
peer_knows_floor_port() { # org
  local pid
  pid="$(node_pid "peer-$1")" || return 1
  tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -q '^CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG=.*"floorport"'
}
node_running() { node_pid "$1" >/dev/null; }

# Starts a node in its own session (so a terminal's Ctrl-C does not reach it) with exactly the
# environment given, logging to its log file. Usage: launch NODE VAR=value ... -- command args
launch() {
  local node="$1"; shift
  local -a environment=()
  while [[ "$1" != "--" ]]; do environment+=("$1"); shift; done
  shift
  local dir port name
  dir="$(node_work_dir "$node")"
  mkdir -p "$dir" "$DATA/run" "$DATA/logs"
  while read -r port name; do
    if port_in_use "$port"; then
      die "cannot start $node: port $port ($name) is in use by another process; stop it, or wipe this network and choose other ports with TRADE_LEDGER_BASE_PORT"
    fi
  done < <(node_ports "$node")
  printf '\n--- %s starting %s\n' "$(date -u +%FT%TZ)" "$node" >>"$(log_file "$node")"
  (cd "$dir" && exec setsid env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 "${environment[@]}" "$@" \
    >>"$(log_file "$node")" 2>&1 </dev/null) &
  printf '%s' "$!" >"$(pid_file "$node")"
  STARTED+=("$node")
}

# Stops the given nodes together: TERM to each, then one shared 10 s for all of them to exit (they
# were all signalled at once), then KILL for any still running.
stop_nodes() {
  local node pid waited=0
  local -a pids=() names=()
  for node in "$@"; do
    if pid="$(node_pid "$node")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$node")
    fi
    rm -f "$(pid_file "$node")"
  done
  for i in "${!pids[@]}"; do
    while kill -0 "${pids[$i]}" 2>/dev/null; do
      if ((waited >= 100)); then
        log "${names[$i]} did not stop within 10 s; killing it"
        kill -KILL "${pids[$i]}" 2>/dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  done
  ((${#names[@]} == 0)) || log "stopped ${names[*]}"
}

log_tail() { tail -n "${2:-15}" "$(log_file "$1")" 2>/dev/null | sed 's/^/    | /' >&2 || true; }

# Polls CHECK (a command) every 0.25 s for up to SECONDS; fails early if NODE's process died.
wait_for() { # node seconds description check...
  local node="$1" seconds="$2" what="$3"; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! node_running "$node"; then
      log "$node exited while starting; the end of $(log_file "$node"):"
      log_tail "$node" 25
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "$node is running but did not become $what within ${seconds} s (half-started); the end of $(log_file "$node"):"
      log_tail "$node" 25
      return 1
    fi
    sleep 0.25
  done
}

healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; }
