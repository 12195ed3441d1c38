# shellcheck shell=bash
# Finds Fabric 3.1.5 in the layout of Fabric's official release archive: FABRIC_HOME if set,
# else the cache folder, else the official release downloaded into the cache.

readonly FABRIC_BINARIES=(peer orderer configtxgen configtxlator osnadmin cryptogen discover ledgerutil)
readonly FABRIC_NOT_FOUND=3

fabric_cache_dir() { printf '%s/trade-ledger/fabric-%s' "${XDG_CACHE_HOME:-$HOME/.cache}" "$FABRIC_VERSION"; }

# Prints what is missing from a Fabric release layout at DIR, nothing when it is complete.
fabric_layout_problem() {
  local dir="$1" name version
  for name in "${FABRIC_BINARIES[@]}"; do
    [[ -x "$dir/bin/$name" ]] || { printf 'bin/%s is missing' "$name"; return; }
  done
  for name in detect build release; do
    [[ -x "$dir/builders/ccaas/bin/$name" ]] || { printf 'builders/ccaas/bin/%s is missing' "$name"; return; }
  done
  for name in core.yaml orderer.yaml; do
    [[ -f "$dir/config/$name" ]] || { printf 'config/%s is missing' "$name"; return; }
  done
  version="$("$dir/bin/peer" version 2>/dev/null | sed -n 's/^ *Version: *//p')"
  [[ "$version" == "$FABRIC_VERSION" ]] || printf 'bin/peer reports version %s, not %s' "${version:-nothing}" "$FABRIC_VERSION"
}

fabric_release_url() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; *) return 1 ;; esac
  printf 'https://github.com/hyperledger/fabric/releases/download/v%s/hyperledger-fabric-%s-%s-%s.tar.gz' \
    "$FABRIC_VERSION" "$os" "$arch" "$FABRIC_VERSION"
}

# Downloads the official release into the cache; prints why when it cannot.
fabric_download() {
  local cache="$1" url staging problem
  url="$(fabric_release_url)" || { printf 'there is no official Fabric release for %s %s' "$(uname -s)" "$(uname -m)"; return 1; }
  command -v curl >/dev/null 2>&1 || { printf 'curl is not installed, so %s cannot be downloaded' "$url"; return 1; }
  staging="$(mktemp -d "${TMPDIR:-/tmp}/fabric-download.XXXXXX")"
  log "downloading Fabric $FABRIC_VERSION from $url"
  if ! curl -fsSL --connect-timeout 15 --max-time 900 -o "$staging/fabric.tar.gz" "$url" 2>"$staging/error"; then
    printf 'the download of %s failed: %s' "$url" "$(tr '\n' ' ' <"$staging/error")"
    rm -rf "$staging"
    return 1
  fi
  mkdir -p "$staging/layout"
  tar -xzf "$staging/fabric.tar.gz" -C "$staging/layout"
  problem="$(fabric_layout_problem "$staging/layout")"
  if [[ -n "$problem" ]]; then
    printf 'the archive from %s is not a Fabric %s release: %s' "$url" "$FABRIC_VERSION" "$problem"
    rm -rf "$staging"
    return 1
  fi
  mkdir -p "$(dirname "$cache")"
  rm -rf "$cache"
  mv "$staging/layout" "$cache"
  rm -rf "$staging"
}

# Sets FABRIC_HOME to a checked Fabric 3.1.5, or exits with status 3 and one message.
resolve_fabric() {
  local problem cache why
  if [[ -n "${FABRIC_HOME:-}" ]]; then
    problem="$(fabric_layout_problem "$FABRIC_HOME")"
    [[ -z "$problem" ]] && return 0
    log "network: FABRIC_HOME=$FABRIC_HOME is not a Fabric $FABRIC_VERSION release layout: $problem. Point FABRIC_HOME at the unpacked release archive (bin/, config/, builders/ccaas/bin/), or unset it to use $(fabric_cache_dir)."
    exit "$FABRIC_NOT_FOUND"
  fi
  cache="$(fabric_cache_dir)"
  problem="$(fabric_layout_problem "$cache")"
  if [[ -n "$problem" ]]; then
    [[ -d "$cache" ]] && log "$cache is not usable ($problem); fetching the release again"
    if ! why="$(fabric_download "$cache")"; then
      log "network: Fabric $FABRIC_VERSION was not found and could not be downloaded: $why. Set FABRIC_HOME to a Fabric $FABRIC_VERSION release layout (bin/, config/, builders/ccaas/bin/), or unpack the official release archive into $cache."
      exit "$FABRIC_NOT_FOUND"
    fi
  fi
  FABRIC_HOME="$cache"
  export FABRIC_HOME
}
