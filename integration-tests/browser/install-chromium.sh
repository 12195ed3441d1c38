#!/usr/bin/env bash
# Makes sure Debian's Chromium and its WebDriver are installed (/usr/bin/chromium,
# /usr/bin/chromedriver), for the dashboard's browser tests. Installs the packages `chromium` and
# `chromium-driver` with apt-get when run as root; otherwise fails with one message saying what to
# install. No browser is downloaded from anywhere but the system's own package sources.
set -euo pipefail

readonly CHROMIUM="/usr/bin/chromium"
readonly CHROMEDRIVER="/usr/bin/chromedriver"

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  echo "install-chromium: $("$CHROMIUM" --version 2>/dev/null | head -n 1) and its driver are installed" >&2
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-chromium: $CHROMIUM or $CHROMEDRIVER is missing; install the Debian packages 'chromium' and 'chromium-driver' (as root: apt-get install chromium chromium-driver)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM or $CHROMEDRIVER is missing and there is no apt-get to install 'chromium' and 'chromium-driver'" >&2
  exit 1
fi
echo "install-chromium: installing the Debian packages chromium and chromium-driver" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
"$CHROMIUM" --version >&2
