# shellcheck shell=bash
# Starting the network's processes: the environment each node needs, and its readiness check.

# Fabric's log levels for peers and orderers: INFO, but not the two lines a peer writes for every
# proposal it endorses (endorser, comm.grpc.server), which cost a few percent of its CPU under
# load and grow its log by hundreds of megabytes per benchmark run.
fabric_logging_spec() {
  printf '%s' "${TRADE_LEDGER_FABRIC_LOGGING:-endorser,comm.grpc.server=warning:info}"
}

start_orderer() {
  local node="$1" dir tls admin_tls work
  dir="$(orderer_node_dir "$node")"
  tls="$dir/tls"
  work="$(node_work_dir "$node")"
  admin_tls="[$(orderer_tls_ca)]"
  launch "$node" \
    FABRIC_CFG_PATH="$FABRIC_HOME/config" \
    FABRIC_LOGGING_SPEC="$(fabric_logging_spec)" \
    ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 \
    ORDERER_GENERAL_LISTENPORT="$(orderer_port "$node" grpc)" \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP \
    ORDERER_GENERAL_LOCALMSPDIR="$dir/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$tls/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="$tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$tls/server.crt" \
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$tls/server.key" \
    ORDERER_GENERAL_CLUSTER_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_FILELEDGER_LOCATION="$work/ledger" \
    ORDERER_CONSENSUS_WALDIR="$work/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="$work/etcdraft/snapshot" \
    ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$(orderer_port "$node" admin)" \
    ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_PRIVATEKEY="$tls/server.key" \
    ORDERER_ADMIN_TLS_CERTIFICATE="$tls/server.crt" \
    ORDERER_ADMIN_TLS_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="$admin_tls" \
    ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$(orderer_port "$node" ops)" \
    ORDERER_METRICS_PROVIDER=prometheus \
    -- "$FABRIC_HOME/bin/orderer"
}

# What the ccaas builder fills into connection.json for this peer: its chaincode server's port
# (and the benchmark floor's, used only by the floor's package), the CA that issued those servers'
# TLS certificate, and the peer's own TLS client identity.
builder_config() {
  local org="$1" tls
  tls="$(peer_node_dir "$org")/tls"
  printf '{"ccport":"%s","floorport":"%s","root_cert":%s,"client_cert":%s,"client_key":%s}' \
    "$(peer_port "$org" ccserver)" "$(peer_port "$org" floorserver)" \
    "$(json_string_of_file "$(chaincode_tls_dir "$org")/ca.crt")" \
    "$(json_string_of_file "$tls/server.crt")" \
    "$(json_string_of_file "$tls/server.key")"
}
json_string_of_file() { printf '"%s"' "$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$1" | awk '{printf "%s\\n", $0}')"; }

start_peer() {
  local node="$1" org dir grpc
  org="$(node_org "$node")"
  dir="$(peer_node_dir "$org")"
  grpc="127.0.0.1:$(peer_port "$org" grpc)"
  launch "$node" \
    FABRIC_CFG_PATH="$FABRIC_HOME/config" \
    FABRIC_LOGGING_SPEC="$(fabric_logging_spec)" \
    CORE_PEER_ID="peer0.$(org_domain "$org")" \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_MSPCONFIGPATH="$dir/msp" \
    CORE_PEER_LISTENADDRESS="$grpc" \
    CORE_PEER_ADDRESS="$grpc" \
    CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$(peer_port "$org" cclisten)" \
    CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$(peer_port "$org" cclisten)" \
    CORE_PEER_GOSSIP_BOOTSTRAP="$grpc" \
    CORE_PEER_GOSSIP_EXTERNALENDPOINT="$grpc" \
    CORE_PEER_GOSSIP_ALIVETIMEINTERVAL=2s \
    CORE_PEER_GOSSIP_ALIVEEXPIRATIONTIMEOUT=10s \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=4s \
    CORE_PEER_FILESYSTEMPATH="$(node_work_dir "$node")/production" \
    CORE_LEDGER_SNAPSHOTS_ROOTDIR="$(node_work_dir "$node")/snapshots" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
    CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:$(peer_port "$org" ops)" \
    CORE_METRICS_PROVIDER=prometheus \
    CORE_VM_ENDPOINT= \
    CORE_CHAINCODE_EXTERNALBUILDERS="[{name: ccaas_builder, path: $FABRIC_HOME/builders/ccaas, propagateEnvironment: [CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG]}]" \
    CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG="$(builder_config "$org")" \
    -- "$FABRIC_HOME/bin/peer" node start
}

# The java to run, checked once per `up` (JAVA_HOME, else PATH): Java 17 or later.
java_command() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java" version
  command -v "$java" >/dev/null 2>&1 \
    || die "Java is not installed (no '$java'); the chaincode servers need Java 17 or later: install it or set JAVA_HOME"
  version="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  if ! [[ "$version" =~ ^[0-9]+$ ]] || ((version < 17)); then
    die "'$java' is Java ${version:-of unknown version}; the chaincode servers need Java 17 or later: set JAVA_HOME"
  fi
  printf '%s' "$java"
}

# A chaincode server: ours (node chaincode-<org>) or the benchmark's floor (floor-<org>), both
# with the same JVM options, TLS identity and mutual TLS (ChaincodeServerMain).
start_chaincode() {
  local node="$1" org tls name=$CHAINCODE_NAME port_kind=ccserver jar
  org="$(node_org "$node")"
  tls="$(chaincode_tls_dir "$org")"
  jar="$(chaincode_jar)"
  if [[ "$(node_kind "$node")" == floor ]]; then
    name=$FLOOR_CHAINCODE_NAME port_kind=floorserver
    jar="$(floor_chaincode_jar)"
  fi
  local -a java_opts
  read -r -a java_opts <<<"${TRADE_LEDGER_CHAINCODE_JAVA_OPTS:-$DEFAULT_CHAINCODE_JAVA_OPTS}"
  launch "$node" \
    CHAINCODE_SERVER_ADDRESS="127.0.0.1:$(peer_port "$org" "$port_kind")" \
    CORE_CHAINCODE_ID_NAME="$(<"$(package_id_file "$name")")" \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_TLS_CLIENT_CERT_FILE="$tls/server.crt" \
    CORE_TLS_CLIENT_KEY_FILE="$tls/server.key" \
    CORE_TLS_CLIENT_CERT_PATH="$tls/server.crt.base64" \
    CORE_TLS_CLIENT_KEY_PATH="$tls/server.key.base64" \
    CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")" \
    CHAINCODE_TLS_CLIENT_CA_FILE="$(peer_tls_ca "$org")" \
    CORE_CHAINCODE_LOGGING_LEVEL=warning \
    CORE_CHAINCODE_LOGGING_SHIM=warning \
    -- "$JAVA_COMMAND" "${java_opts[@]}" -jar "$jar"
}

# The per-key rate limit of the APIs started now: TRADE_LEDGER_API_RATE_LIMIT=<per second>[:burst]
# (api.yml's rateLimit otherwise: 100/s, burst 200), given to Dropwizard as configuration
# overrides (-Ddw.rateLimit...). The benchmark raises it, so that it measures the ledger.
rate_limit_options() {
  local limit="${TRADE_LEDGER_API_RATE_LIMIT:-}" rate burst
  [[ -z "$limit" ]] && return 0
  rate="${limit%%:*}"
  burst="${limit#*:}"
  [[ "$limit" == *:* ]] || burst=$((2 * rate))
  if ! [[ "$rate" =~ ^[1-9][0-9]*$ && "$burst" =~ ^[1-9][0-9]*$ ]]; then
    die "TRADE_LEDGER_API_RATE_LIMIT must be <requests per second>[:<burst>], positive whole numbers, not '$limit'"
  fi
  printf -- '-Ddw.rateLimit.requestsPerSecond=%s\n-Ddw.rateLimit.burst=%s\n' "$rate" "$burst"
}

start_api() {
  local node="$1" org
  org="$(node_org "$node")"
  local -a java_opts limit
  read -r -a java_opts <<<"${TRADE_LEDGER_API_JAVA_OPTS:-$DEFAULT_API_JAVA_OPTS}"
  mapfile -t limit < <(rate_limit_options)
  launch "$node" -- "$JAVA_COMMAND" "${java_opts[@]}" "${limit[@]}" -jar "$(client_api_jar)" server "$(api_config "$org")"
}

node_ready() { # node
  local node="$1"
  case "$(node_kind "$node")" in
    orderer) healthy "$(orderer_port "$node" ops)" ;;
    peer) healthy "$(peer_port "$(node_org "$node")" ops)" ;;
    chaincode) port_in_use "$(peer_port "$(node_org "$node")" ccserver)" ;;
    floor) port_in_use "$(peer_port "$(node_org "$node")" floorserver)" ;;
    api) curl -fsS --max-time 5 "http://127.0.0.1:$(peer_port "$(node_org "$node")" apiadmin)/healthcheck" >/dev/null 2>&1 ;;
  esac
}

start_node() {
  local node="$1"
  case "$(node_kind "$node")" in
    orderer) start_orderer "$node" ;;
    peer) start_peer "$node" ;;
    chaincode | floor) start_chaincode "$node" ;;
    api) start_api "$node" ;;
  esac
}

# Starts every node of the given ones that is not running, all at once, then waits for each.
start_nodes() {
  local node timeout
  local -a starting=()
  for node in "$@"; do
    node_running "$node" && continue
    start_node "$node"
    starting+=("$node")
  done
  for node in "${starting[@]}"; do
    case "$(node_kind "$node")" in chaincode | floor | api) timeout=120 ;; *) timeout=60 ;; esac
    wait_for "$node" "$timeout" ready node_ready "$node" || die "$node failed to start"
  done
  ((${#starting[@]} == 0)) || log "started ${starting[*]}"
}
