#!/usr/bin/env bash
# Deploys the benchmark's floor contract (benchmark/floor) beside ours on a running network:
# packaged as chaincode-as-a-service, installed on every peer, one chaincode server per
# organization (node floor-<org>, port base+100+10k+6, same JVM options and mutual TLS as ours),
# approved and committed as chaincode `floor` on channel `trade` under the same endorsement policy.
# Idempotent; for the benchmark only (`network.sh up` never deploys it; `network.sh stop` stops it).
#
#   benchmark/deploy-floor.sh        (TRADE_LEDGER_DATA / TRADE_LEDGER_BASE_PORT as for network.sh)
set -euo pipefail

BENCHMARK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$BENCHMARK_DIR/../network/lib"
# shellcheck source=../network/lib/common.sh
source "$LIB/common.sh"
# shellcheck source=../network/lib/fabric.sh
source "$LIB/fabric.sh"
# shellcheck source=../network/lib/generate.sh
source "$LIB/generate.sh"
# shellcheck source=../network/lib/nodes.sh
source "$LIB/nodes.sh"
# shellcheck source=../network/lib/deploy.sh
source "$LIB/deploy.sh"

STARTED=()

floor_answers() { # org
  peer_as_admin "$1" chaincode query -C "$CHANNEL" -n "$FLOOR_CHAINCODE_NAME" \
    -c '{"function":"floor:Read","Args":["deploy-check"]}'
}

main() {
  local org jar
  local -a floors
  resolve_fabric
  JAVA_COMMAND="$(java_command)" || exit 1
  [[ -f "$DATA/$DATA_MARKER" ]] || die "no network in $DATA: run network/network.sh up first"
  load_settings
  for org in "${ORGS[@]}"; do
    node_running "peer-$org" || die "peer-$org is not running: run network/network.sh up first"
    peer_knows_floor_port "$org" \
      || die "peer-$org was started without the floor's port in its builder configuration; restart the peers (network.sh stop $(printf 'peer-%s ' "${ORGS[@]}"); network.sh up)"
  done
  jar="$(floor_chaincode_jar)"
  if [[ ! -f "$jar" ]]; then
    step "building the floor contract (mvn -B -q package -DskipTests)"
    (cd "$REPO_DIR" && mvn -B -q -pl benchmark/floor -am package -DskipTests) || die "the build failed"
  fi
  [[ -f "$(package_id_file "$FLOOR_CHAINCODE_NAME")" ]] || generate_package "$FLOOR_CHAINCODE_NAME"
  is_done "$(deploy_marker "$FLOOR_CHAINCODE_NAME" installed)" || install_chaincode "$FLOOR_CHAINCODE_NAME"
  mapfile -t floors < <(floor_nodes)
  step "starting the floor's chaincode servers"
  start_nodes "${floors[@]}"
  is_done "$(deploy_marker "$FLOOR_CHAINCODE_NAME" committed)" || commit_chaincode "$FLOOR_CHAINCODE_NAME"
  for org in "${ORGS[@]}"; do
    retry "floor-query-$org" 120 floor_answers "$org" \
      || die "peer-$org cannot reach its floor chaincode server floor-$org"
  done
  log "the floor contract is deployed as chaincode $FLOOR_CHAINCODE_NAME on channel $CHANNEL"
}

main "$@"
