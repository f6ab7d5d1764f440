#!/usr/bin/env bash
# with-stack.sh: run a command against a fresh, isolated instance and stop
# the instance afterwards, whatever happened.
#
#   scripts/with-stack.sh NAME PORT BUILD_DIR COMMAND [ARGS...]
#
# The instance's data directory var/NAME is created anew, so the command
# always starts from an empty database.  The command sees STARCERT_URL,
# STARCERT_VAR, STARCERT_BUILD and STARCERT_PSQL_OWNER (a psql command line
# for the owner role) in its environment.
set -uo pipefail

name=${1:?name}; port=${2:?port}; build=${3:?build}; shift 3
root=$(cd "$(dirname "$0")/.." && pwd)
var="$root/var/$name"

"$root/scripts/stack.sh" stop "$name" >/dev/null 2>&1 || true
rm -rf "$var"

# The tests and benchmarks sign in as this administrator.
export STARCERT_ADMIN_EMAIL=${STARCERT_ADMIN_EMAIL:-admin@test.example}
export STARCERT_ADMIN_PASSWORD=${STARCERT_ADMIN_PASSWORD:-admin-password-for-tests}

cleanup() {
	"$root/scripts/stack.sh" stop "$name" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$root/scripts/stack.sh" start "$name" "$port" "$build" || exit 1

case "$name" in dev) pg_port=54320 ;; test) pg_port=54330 ;; bench) pg_port=54340 ;; *) pg_port=54350 ;; esac
export STARCERT_URL="http://127.0.0.1:$port"
export STARCERT_VAR="$var"
export STARCERT_BUILD="$root/$build"
export STARCERT_INSTANCE="$name"
export STARCERT_PSQL_OWNER="psql -X -q -v ON_ERROR_STOP=1 -h $var/pgsock -p $pg_port -U starcert_owner -d starcert"
"$@"
