#!/usr/bin/env bash
# ctl.sh: run starcertctl against the make run instance (var/dev), e.g.
#   echo 'a-long-password' | scripts/ctl.sh user add li@example.com --name 李审核 --role reviewer,auditor
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sock="$root/var/dev/pgsock"
export STARCERT_DB="host=$sock port=54320 dbname=starcert user=starcert_app"
export STARCERT_DB_OWNER="host=$sock port=54320 dbname=starcert user=starcert_owner"
export STARCERT_SHARE="$root"
export STARCERT_BLOBS="$root/var/dev/blobs"
exec "$root/build/release/starcertctl" "$@"
