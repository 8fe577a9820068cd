#!/usr/bin/env bash
# Installs the Debian packages dyad needs to build and test, skipping those already present.
# Safe to run repeatedly; needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libicu-dev libsqlite3-dev libssl-dev
  libcli11-dev nlohmann-json3-dev libgumbo-dev libpoppler-cpp-dev libxml2-dev libfmt-dev libcpp-httplib-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  groff ghostscript   # the test and demo PDFs are typeset at build time (groff -Tps | ps2pdf)
  libpqxx-dev postgresql-15
  chromium  # the browser tests of the web page (tests/browser)
)
# Node for the browser tests' puppeteer-core; a node already installed (e.g. a newer one) is kept.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
here=$(cd "$(dirname "$0")/.." && pwd)
# puppeteer-core, pinned by tests/browser/package-lock.json; without it the browser tests skip.
browser_modules() {
  if [ ! -d "$here/tests/browser/node_modules/puppeteer-core" ] && command -v npm >/dev/null 2>&1; then
    echo "setup: npm ci in tests/browser" >&2
    (cd "$here/tests/browser" && npm ci --no-audit --no-fund >/dev/null) ||
      echo "setup: npm ci failed: the browser tests will be skipped" >&2
  fi
}
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  browser_modules
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
browser_modules
