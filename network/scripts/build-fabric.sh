#!/usr/bin/env bash
# Builds the Hyperledger Fabric binaries this network needs from Fabric's Go module at a pinned
# commit, into a cache outside the work tree. Reuses the cache when every binary is present.
#
# Environment:
#   FABRIC_BIN_DIR   use binaries that already exist there instead of building (peer, orderer, ...)
#   FABRIC_CACHE_DIR where to build (default: ${XDG_CACHE_HOME:-$HOME/.cache}/trade-ledger/fabric-<version>)
set -euo pipefail

readonly FABRIC_VERSION="3.1.5"
# v3.1.5 tag commit: Fabric's module path has no /v3 suffix, so the tag is not a valid module version.
readonly FABRIC_COMMIT="86c1172bec37e6590c6b1ae6f847833df48d65fc"
readonly BINARIES=(peer orderer configtxgen osnadmin cryptogen configtxlator)
readonly BUILDER_BINARIES=(detect build release)

cache_dir="${FABRIC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/trade-ledger/fabric-${FABRIC_VERSION}}"

die() { printf 'build-fabric: %s\n' "$*" >&2; exit 1; }
log() { printf 'build-fabric: %s\n' "$*" >&2; }

complete() {
  local dir="$1" name
  for name in "${BINARIES[@]}"; do [[ -x "$dir/bin/$name" ]] || return 1; done
  for name in "${BUILDER_BINARIES[@]}"; do [[ -x "$dir/ccaas_builder/bin/$name" ]] || return 1; done
  [[ -f "$dir/config/core.yaml" && -f "$dir/config/orderer.yaml" ]]
}

if [[ -n "${FABRIC_BIN_DIR:-}" ]]; then
  # A user-provided installation: expects bin/, ccaas_builder/bin/ and config/ beneath it.
  complete "$FABRIC_BIN_DIR" || die "FABRIC_BIN_DIR=$FABRIC_BIN_DIR lacks bin/{${BINARIES[*]}}, ccaas_builder/bin/{${BUILDER_BINARIES[*]}} or config/{core,orderer}.yaml"
  printf '%s\n' "$FABRIC_BIN_DIR"
  exit 0
fi

if complete "$cache_dir"; then
  printf '%s\n' "$cache_dir"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "Go is not installed; install Go >= 1.26.4 (https://go.dev/dl) or set FABRIC_BIN_DIR to an existing Fabric ${FABRIC_VERSION} installation"

export GOTOOLCHAIN=local
export CGO_ENABLED=0
ldflags="-X github.com/hyperledger/fabric/common/metadata.Version=${FABRIC_VERSION}"
staging="${cache_dir}.partial"
rm -rf "$staging"
mkdir -p "$staging/bin" "$staging/ccaas_builder/bin" "$staging/config"

log "building Fabric ${FABRIC_VERSION} (${FABRIC_COMMIT}) into $cache_dir; this takes several minutes the first time"
packages=()
for name in "${BINARIES[@]}"; do packages+=("github.com/hyperledger/fabric/cmd/${name}@${FABRIC_COMMIT}"); done
if ! GOBIN="$staging/bin" go install -trimpath -ldflags "$ldflags" "${packages[@]}"; then
  die "go install of Fabric failed (see the error above). Check that the Go module proxy ($(go env GOPROXY)) is reachable and Go is >= 1.26.4, or set FABRIC_BIN_DIR"
fi

builder_packages=()
for name in "${BUILDER_BINARIES[@]}"; do builder_packages+=("github.com/hyperledger/fabric/ccaas_builder/cmd/${name}@${FABRIC_COMMIT}"); done
if ! GOBIN="$staging/ccaas_builder/bin" go install -trimpath "${builder_packages[@]}"; then
  die "go install of the chaincode-as-a-service builder failed (see the error above)"
fi

module_dir=$(go mod download -json "github.com/hyperledger/fabric@${FABRIC_COMMIT}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[[ -n "$module_dir" && -d "$module_dir/sampleconfig" ]] || die "could not locate Fabric's sampleconfig in the module cache"
cp "$module_dir/sampleconfig/core.yaml" "$module_dir/sampleconfig/orderer.yaml" "$staging/config/"
chmod u+w "$staging/config/"*

rm -rf "$cache_dir"
mv "$staging" "$cache_dir"
log "done: $("$cache_dir/bin/peer" version | sed -n 's/^ *Version: //p' | head -1)"
printf '%s\n' "$cache_dir"
