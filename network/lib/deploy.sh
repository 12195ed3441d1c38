# shellcheck shell=bash
# Channel membership, chaincode lifecycle and the founding participant registry, each step done
# once and recorded under $DATA/state, so that an interrupted `up` continues where it stopped.

# Runs the peer CLI as ORG's admin against ORG's peer.
peer_as_admin() {
  local org="$1"; shift
  env FABRIC_CFG_PATH="$FABRIC_HOME/config" \
    FABRIC_LOGGING_SPEC="grpc=error:warning" \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_MSPCONFIGPATH="$(user_msp_dir "$org" Admin)" \
    CORE_PEER_ADDRESS="127.0.0.1:$(peer_port "$org" grpc)" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")" \
    "$FABRIC_HOME/bin/peer" "$@"
}

orderer_flags() {
  local orderer
  for orderer in "${ORDERERS[@]}"; do
    if node_running "$orderer"; then
      printf -- '-o\n127.0.0.1:%s\n' "$(orderer_port "$orderer" grpc)"
      break
    fi
  done
  printf -- '--tls\n--cafile\n%s\n' "$(orderer_tls_ca)"
}

every_peer_flags() {
  local org
  for org in "${ORGS[@]}"; do
    printf -- '--peerAddresses\n127.0.0.1:%s\n--tlsRootCertFiles\n%s\n' "$(peer_port "$org" grpc)" "$(peer_tls_ca "$org")"
  done
}

# Retries COMMAND until it succeeds or SECONDS pass; keeps its last output in $DATA/logs/NAME.log.
retry() { # name seconds command...
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds)) output="$DATA/logs/$name.log"
  until "$@" >"$output" 2>&1; do
    if ((SECONDS >= deadline)); then
      log "$name failed for ${seconds} s; its last output ($output):"
      sed 's/^/    | /' "$output" | tail -n 20 >&2
      return 1
    fi
    sleep 1
  done
}

join_orderers() {
  local orderer tls answer
  tls="$(orderer_admin_tls)"
  step "joining the orderers to channel $CHANNEL (channel participation API)"
  for orderer in "${ORDERERS[@]}"; do
    answer="$("$FABRIC_HOME/bin/osnadmin" channel list --channelID "$CHANNEL" -o "127.0.0.1:$(orderer_port "$orderer" admin)" \
      --ca-file "$(orderer_tls_ca)" --client-cert "$tls/client.crt" --client-key "$tls/client.key" 2>/dev/null || true)"
    if grep -q '^Status: 200' <<<"$answer"; then continue; fi
    retry "join-$orderer" 30 "$FABRIC_HOME/bin/osnadmin" channel join --channelID "$CHANNEL" \
      --config-block "$(channel_block)" -o "127.0.0.1:$(orderer_port "$orderer" admin)" \
      --ca-file "$(orderer_tls_ca)" --client-cert "$tls/client.crt" --client-key "$tls/client.key" \
      || die "$orderer could not join channel $CHANNEL"
  done
  mark_done orderers-joined
}

join_peers() {
  local org channels
  step "joining the peers to channel $CHANNEL"
  for org in "${ORGS[@]}"; do
    channels="$(peer_as_admin "$org" channel list 2>/dev/null || true)"
    if grep -qx "$CHANNEL" <<<"$channels"; then continue; fi
    retry "join-peer-$org" 30 peer_as_admin "$org" channel join -b "$(channel_block)" \
      || die "peer-$org could not join channel $CHANNEL"
  done
  mark_done peers-joined
}

# Usage: install_chaincode NAME (ours, or the benchmark's floor).
install_chaincode() {
  local name="$1" org package_id installed
  package_id="$(<"$(package_id_file "$name")")"
  step "installing chaincode package $package_id"
  for org in "${ORGS[@]}"; do
    installed="$(peer_as_admin "$org" lifecycle chaincode queryinstalled 2>/dev/null || true)"
    if grep -q "Package ID: $package_id," <<<"$installed"; then continue; fi
    retry "install-$name-$org" 60 peer_as_admin "$org" lifecycle chaincode install "$(package_file "$name")" \
      || die "installing chaincode $name on peer-$org failed"
  done
  mark_done "$(deploy_marker "$name" installed)"
}

# Every chaincode of the network has version 1, sequence 1 and the channel's Endorsement policy.
definition_flags() { # name
  printf -- '--channelID\n%s\n--name\n%s\n--version\n%s\n--sequence\n%s\n--channel-config-policy\n%s\n' \
    "$CHANNEL" "$1" "$CHAINCODE_VERSION" "$CHAINCODE_SEQUENCE" /Channel/Application/Endorsement
}

# Approves for every organization that has not yet, then commits with every peer endorsing.
# The endorsement policy is the channel's Endorsement policy: MAJORITY of the organizations.
# Usage: commit_chaincode NAME
commit_chaincode() {
  local name="$1" org package_id readiness
  local -a orderer definition peers
  package_id="$(<"$(package_id_file "$name")")"
  mapfile -t orderer < <(orderer_flags)
  mapfile -t definition < <(definition_flags "$name")
  mapfile -t peers < <(every_peer_flags)
  if peer_as_admin "${ORGS[0]}" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$name" >/dev/null 2>&1; then
    mark_done "$(deploy_marker "$name" committed)"
    return 0
  fi
  step "approving chaincode $name for every organization (MAJORITY endorsement)"
  readiness="$(peer_as_admin "${ORGS[0]}" lifecycle chaincode checkcommitreadiness "${definition[@]}" --output json 2>/dev/null || true)"
  for org in "${ORGS[@]}"; do
    if grep -q "\"$(msp_id "$org")\": true" <<<"$readiness"; then continue; fi
    retry "approve-$name-$org" 90 peer_as_admin "$org" lifecycle chaincode approveformyorg "${orderer[@]}" \
      "${definition[@]}" --package-id "$package_id" --waitForEventTimeout 60s \
      || die "approving chaincode $name for $(msp_id "$org") failed"
  done
  step "committing chaincode $name on channel $CHANNEL"
  retry "commit-$name" 90 peer_as_admin "${ORGS[0]}" lifecycle chaincode commit "${orderer[@]}" "${definition[@]}" \
    "${peers[@]}" --waitForEventTimeout 60s || die "committing the definition of chaincode $name failed"
  mark_done "$(deploy_marker "$name" committed)"
}

register_founding_members() {
  local members args
  local -a orderer peers
  mapfile -t orderer < <(orderer_flags)
  mapfile -t peers < <(every_peer_flags)
  members="$(tr -d '\n' <"$NETWORK_DIR/config/founding-members.json")"
  args="{\"function\":\"participants:RegisterFoundingMembers\",\"Args\":[\"${members//\"/\\\"}\"]}"
  step "registering the founding members (participants:RegisterFoundingMembers)"
  retry register 120 peer_as_admin "${ORGS[1]}" chaincode invoke "${orderer[@]}" -C "$CHANNEL" \
    -n "$CHAINCODE_NAME" "${peers[@]}" -c "$args" --waitForEvent --waitForEventTimeout 60s \
    || die "registering the founding members failed"
  mark_done registered
}

# Every peer reaches its own chaincode server: a read through each.
wait_for_chaincode() {
  local org
  for org in "${ORGS[@]}"; do
    retry "query-$org" 120 peer_as_admin "$org" chaincode query -C "$CHANNEL" -n "$CHAINCODE_NAME" \
      -c '{"function":"participants:ListParticipants","Args":[]}' \
      || die "peer-$org cannot reach its chaincode server chaincode-$org"
  done
}

# The Gateway plans endorsements from gossip discovery: until every peer knows the other
# organizations' peers, anything that needs another organization fails with "no combination of
# peers can be derived which satisfy the endorsement policy". Wait for full membership.
peers_known() { # org
  curl -fsS --max-time 2 "http://127.0.0.1:$(peer_port "$1" ops)/metrics" 2>/dev/null \
    | sed -n "s/^gossip_membership_total_peers_known{channel=\"$CHANNEL\"} \([0-9]*\).*/\1/p"
}
knows_every_peer() {
  local known
  known="$(peers_known "$1")"
  [[ "$known" =~ ^[0-9]+$ ]] && ((known >= ${#ORGS[@]} - 1))
}

wait_for_discovery() {
  local org
  step "waiting until every peer knows the others (gossip discovery)"
  for org in "${ORGS[@]}"; do
    wait_for "peer-$org" 120 "aware of every other peer" knows_every_peer "$org" \
      || die "peer-$org did not discover the other organizations' peers (it knows $(peers_known "$org" || echo none))"
  done
}
