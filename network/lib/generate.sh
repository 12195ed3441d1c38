# shellcheck shell=bash
# Generates everything a new network needs, once: crypto material, the channel's genesis block,
# the chaincode package and the organizations' connection descriptions.

generate_crypto() {
  local org
  step "generating crypto material (cryptogen)"
  "$FABRIC_HOME/bin/cryptogen" generate --config="$NETWORK_DIR/config/crypto-config.yaml" \
    --output="$(crypto_dir)" >/dev/null
  # The chaincode server needs only its TLS identity; a signing identity of the organization's
  # CA would let whoever holds it endorse as a peer, so it is not kept.
  # The shim builds a client TLS context even in server mode, from base64 copies of the PEMs
  # (CORE_TLS_CLIENT_{CERT,KEY}_PATH); it never connects with it.
  local tls
  for org in "${ORGS[@]}"; do
    tls="$(chaincode_tls_dir "$org")"
    rm -rf "$(dirname "$tls")/msp"
    base64 -w 0 "$tls/server.crt" >"$tls/server.crt.base64"
    base64 -w 0 "$tls/server.key" >"$tls/server.key.base64"
    chmod 600 "$tls/server.key.base64"
  done
}

# configtx.yaml, written from the organization list and the port plan.
write_configtx() {
  local file="$1" org orderer
  {
    printf 'Organizations:\n'
    printf '  - &OrdererOrg\n    Name: OrdererMSP\n    ID: OrdererMSP\n    MSPDir: %s/msp\n' "$(orderer_org_dir)"
    printf '    Policies:\n'
    printf '      Readers: {Type: Signature, Rule: "OR('"'"'OrdererMSP.member'"'"')"}\n'
    printf '      Writers: {Type: Signature, Rule: "OR('"'"'OrdererMSP.member'"'"')"}\n'
    printf '      Admins: {Type: Signature, Rule: "OR('"'"'OrdererMSP.admin'"'"')"}\n'
    printf '    OrdererEndpoints:\n'
    for orderer in "${ORDERERS[@]}"; do printf '      - 127.0.0.1:%s\n' "$(orderer_port "$orderer" grpc)"; done
    for org in "${ORGS[@]}"; do
      local msp
      msp="$(msp_id "$org")"
      printf '  - &%s\n    Name: %s\n    ID: %s\n    MSPDir: %s/msp\n' "$msp" "$msp" "$msp" "$(peer_org_dir "$org")"
      printf '    Policies:\n'
      printf '      Readers: {Type: Signature, Rule: "OR('"'"'%s.admin'"'"', '"'"'%s.peer'"'"', '"'"'%s.client'"'"')"}\n' "$msp" "$msp" "$msp"
      printf '      Writers: {Type: Signature, Rule: "OR('"'"'%s.admin'"'"', '"'"'%s.client'"'"')"}\n' "$msp" "$msp"
      printf '      Admins: {Type: Signature, Rule: "OR('"'"'%s.admin'"'"')"}\n' "$msp"
      printf '      Endorsement: {Type: Signature, Rule: "OR('"'"'%s.peer'"'"')"}\n' "$msp"
      printf '    AnchorPeers:\n      - Host: 127.0.0.1\n        Port: %s\n' "$(peer_port "$org" grpc)"
    done
    cat <<YAML
Capabilities:
  Channel: &ChannelCapabilities {V3_0: true}
  Orderer: &OrdererCapabilities {V2_0: true}
  Application: &ApplicationCapabilities {V2_5: true}
Application: &ApplicationDefaults
  Organizations:
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    LifecycleEndorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
    Endorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
  Capabilities: *ApplicationCapabilities
Orderer: &OrdererDefaults
  OrdererType: etcdraft
  # The batch settings set the commit latency floor; network/README.md says why these.
  BatchTimeout: 250ms
  BatchSize:
    MaxMessageCount: 100
    AbsoluteMaxBytes: 10 MB
    PreferredMaxBytes: 2 MB
  EtcdRaft:
    Consenters:
YAML
    for orderer in "${ORDERERS[@]}"; do
      printf '      - Host: 127.0.0.1\n        Port: %s\n        ClientTLSCert: %s/tls/server.crt\n        ServerTLSCert: %s/tls/server.crt\n' \
        "$(orderer_port "$orderer" grpc)" "$(orderer_node_dir "$orderer")" "$(orderer_node_dir "$orderer")"
    done
    cat <<YAML
    Options:
      TickInterval: 250ms
      ElectionTick: 10
      HeartbeatTick: 1
      MaxInflightBlocks: 5
      SnapshotIntervalSize: 16 MB
  Organizations:
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    BlockValidation: {Type: ImplicitMeta, Rule: "ANY Writers"}
Channel: &ChannelDefaults
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
  Capabilities: *ChannelCapabilities
Profiles:
  TradeChannel:
    <<: *ChannelDefaults
    Orderer:
      <<: *OrdererDefaults
      Organizations: [*OrdererOrg]
      Capabilities: *OrdererCapabilities
    Application:
      <<: *ApplicationDefaults
      Capabilities: *ApplicationCapabilities
      Organizations:
YAML
    for org in "${ORGS[@]}"; do printf '        - *%s\n' "$(msp_id "$org")"; done
  } >"$file"
}

generate_channel_block() {
  step "generating the genesis block of channel $CHANNEL (configtxgen)"
  mkdir -p "$DATA/channel"
  write_configtx "$DATA/channel/configtx.yaml"
  FABRIC_CFG_PATH="$DATA/channel" "$FABRIC_HOME/bin/configtxgen" -profile TradeChannel \
    -channelID "$CHANNEL" -outputBlock "$(channel_block)" 2>"$DATA/logs/configtxgen.log" \
    || { log_tail configtxgen; die "configtxgen failed; see $DATA/logs/configtxgen.log"; }
}

# One chaincode-as-a-service package serves every organization: the ccaas builder fills in each
# peer's chaincode server port and TLS material from CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG.
# Usage: generate_package NAME (ours, or the floor, whose server port is {{.floorport}}).
generate_package() {
  local name="$1" dir port_key=ccport label
  label="$(chaincode_label "$name")"
  step "packaging chaincode $label as a service"
  dir="$DATA/chaincode/package"
  if [[ "$name" == "$FLOOR_CHAINCODE_NAME" ]]; then
    dir="$DATA/chaincode/floor-package" port_key=floorport
  fi
  mkdir -p "$dir"
  cat >"$dir/connection.json" <<JSON
{
  "address": "127.0.0.1:{{.$port_key}}",
  "dial_timeout": "10s",
  "tls_required": true,
  "client_auth_required": true,
  "root_cert": "{{.root_cert}}",
  "client_cert": "{{.client_cert}}",
  "client_key": "{{.client_key}}"
}
JSON
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$dir/metadata.json"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir" -cf - connection.json \
    | gzip -n >"$dir/code.tar.gz"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir" -cf - metadata.json code.tar.gz \
    | gzip -n >"$(package_file "$name")"
  FABRIC_CFG_PATH="$FABRIC_HOME/config" "$FABRIC_HOME/bin/peer" lifecycle chaincode calculatepackageid "$(package_file "$name")" >"$(package_id_file "$name")"
}

# The description client-api reads (client-api/README.md): the peer, its TLS CA and the users.
generate_connection_profiles() {
  local org user file msp
  step "writing connection descriptions for client-api"
  for org in "${ORGS[@]}"; do
    file="$(connection_profile "$org")"
    mkdir -p "$(dirname "$file")"
    {
      printf '{\n  "mspId": "%s",\n  "channel": "%s",\n  "chaincode": "%s",\n' "$(msp_id "$org")" "$CHANNEL" "$CHAINCODE_NAME"
      printf '  "peerEndpoint": "127.0.0.1:%s",\n  "peerHostAlias": "peer0.%s",\n' "$(peer_port "$org" grpc)" "$(org_domain "$org")"
      printf '  "tlsCaCertificate": "%s",\n  "users": {' "$(peer_tls_ca "$org")"
      local separator=""
      for user in Admin User1 User2 User3; do
        msp="$(user_msp_dir "$org" "$user")"
        printf '%s\n    "%s": {"certificate": "%s", "privateKey": "%s"}' "$separator" "$user" \
          "$msp/signcerts/$user@$(org_domain "$org")-cert.pem" "$msp/keystore/priv_sk"
        separator=","
      done
      printf '\n  }\n}\n'
    } >"$file"
  done
}

sha256_hex() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -c1-64; else shasum -a 256 | cut -c1-64; fi
}
new_api_key() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
api_key_name() { printf '%s_%s_KEY' "${1^^}" "${2^^}"; } # org role

# Two API users per organization: a writer (Fabric user User1) and a reader (User2). Only the
# SHA-256 of each key goes into the API's configuration; the keys stay in api-keys.env (mode 600).
# Each API also gets its organization's terms salt secret (mode 600), never printed.
generate_api_configs() {
  local org role key
  local -A fabric_user=([writer]=User1 [reader]=User2)
  step "generating API keys and a client-api configuration per organization"
  (umask 077 && : >"$(api_keys_file)")
  for org in "${ORGS[@]}"; do
    # The secret from which the API derives the salt of an order's confidential terms.
    (umask 077 && new_api_key >"$(terms_salt_secret "$org")")
    (umask 077 && : >"$(api_config "$org")")
    {
      printf '# client-api of %s, written by network.sh (client-api/README.md)\n' "$(msp_id "$org")"
      printf 'connectionProfile: %s\nusers:\n' "$(connection_profile "$org")"
      for role in writer reader; do
        key="$(new_api_key)"
        printf '%s=%s\n' "$(api_key_name "$org" "$role")" "$key" >>"$(api_keys_file)"
        printf '  - name: %s-%s\n    apiKeySha256: "%s"\n    role: %s\n    fabricUser: %s\n' \
          "$org" "$role" "$(printf '%s' "$key" | sha256_hex)" "${role^^}" "${fabric_user[$role]}"
      done
      printf 'termsSaltSecretFile: %s\n' "$(terms_salt_secret "$org")"
      printf 'server:\n  applicationConnectors:\n    - {type: http, bindHost: 127.0.0.1, port: %s}\n' "$(peer_port "$org" api)"
      printf '  adminConnectors:\n    - {type: http, bindHost: 127.0.0.1, port: %s}\n' "$(peer_port "$org" apiadmin)"
    } >"$(api_config "$org")"
  done
  mark_done apis-configured
}

generate_all() {
  save_settings
  mkdir -p "$DATA/logs"
  generate_crypto
  generate_channel_block
  generate_package "$CHAINCODE_NAME"
  generate_connection_profiles
  mark_done generated
}
