#!/usr/bin/env bash
# Installs the Debian packages newsgraph needs to build and test, if any are
# missing. As root it runs apt-get; otherwise it prints the exact command and
# stops, so nothing happens behind the user's back.
set -euo pipefail

packages=(
  cmake g++ make pkg-config        # toolchain
  libre2-dev                       # every regular expression
  libicu-dev                       # NFKC, case folding, sentence breaks
  libxml2-dev                      # HTML parser
  libsqlite3-dev                   # the embedded store
  libboost-graph-dev               # graph algorithms and GraphML/DOT writers
  nlohmann-json3-dev               # JSON in and out
  libgtest-dev                     # unit tests
  python3 libxml2-utils graphviz sqlite3  # tests: scorer, xmllint, dot, sqlite3 CLI
)
if [ "${1:-}" = "--fuzz" ]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "newsgraph needs these Debian packages: ${missing[*]}" >&2
  echo "Run as root:  apt-get update && $cmd" >&2
  exit 1
fi
echo "Installing missing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd >/dev/null
