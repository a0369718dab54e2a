#!/usr/bin/env bash
# Runs every Switchboard test on a fresh machine with a JDK 17.
#
# 1. Installs the system packages the protocol tests need (with apt, when this runs as root or can
#    use sudo; otherwise it names them and stops).
# 2. Starts what those tests need.
# 3. Runs ./mvnw verify: unit, route, protocol and headless UI tests, and the benchmark smoke run.
set -euo pipefail
cd "$(dirname "$0")"

# System packages the tests use. The UI tests run headless in-process (Monocle) and need none.
PACKAGES=(sip-tester chromium chromium-driver fonts-liberation)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "The tests need these system packages: ${missing[*]}" >&2
    echo "Install them (e.g. sudo apt-get install -y ${missing[*]}) and run $0 again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

exec ./mvnw -B -ntp verify "$@"
