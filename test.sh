#!/usr/bin/env bash
# Runs every Switchboard test on a fresh machine with a JDK 17.
#
# 1. Installs the system packages the protocol tests need (with apt, when this runs as root or can
#    use sudo; otherwise it names them and stops).
# 2. Starts what those tests need.
# 3. Runs ./mvnw verify: unit, route, protocol and headless UI tests, and the benchmark smoke run.
set -euo pipefail
cd "$(dirname "$0")"

# System packages the tests use. The UI tests run headless in-process (Monocle) and need none;
# the installer test builds a .deb (fakeroot) and starts its launcher on a virtual display (xvfb).
PACKAGES=(sip-tester chromium chromium-driver fonts-liberation postgresql fakeroot xvfb xauth)

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "The tests need these system packages: ${missing[*]}" >&2
    echo "Install them (e.g. sudo apt-get install -y ${missing[*]}) and run $0 again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# PostgreSQL for the scale-out tests: a local cluster and a role that may create the tests' own
# databases (each test makes a fresh one and drops it). The tests read SB_PG_URL, SB_PG_USER and
# SB_PG_PASSWORD; these are the defaults they assume.
export SB_PG_URL="${SB_PG_URL:-jdbc:postgresql://127.0.0.1:5432/}"
export SB_PG_USER="${SB_PG_USER:-switchboard}"
export SB_PG_PASSWORD="${SB_PG_PASSWORD:-switchboard}"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "PostgreSQL is not running on 127.0.0.1:5432. Start it (e.g. sudo pg_ctlcluster 15 main start) and run $0 again." >&2
    exit 1
  fi
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if [ "$SB_PG_USER" = switchboard ] && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
  if ! $SUDO runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'switchboard'" | grep -q 1; then
    $SUDO runuser -u postgres -- psql -q -c "CREATE ROLE switchboard LOGIN CREATEDB PASSWORD 'switchboard'"
  fi
  # Dropping a test's database ends the connections still open to it, an autovacuum worker's too.
  $SUDO runuser -u postgres -- psql -q -c "GRANT pg_signal_backend TO switchboard"
fi

exec ./mvnw -B -ntp verify "$@"
