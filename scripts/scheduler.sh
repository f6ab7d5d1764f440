#!/usr/bin/env bash
# scheduler.sh: the portal's timed jobs for one instance, until stopped:
# starcertctl mail every minute (notification e-mails and their retries) and
# starcertctl tick every hour (idempotent per day: expiry, surveillance,
# suspension, withdrawal, expiry notices).  scripts/stack.sh starts it for
# the `make run` instance with STARCERT_DB, STARCERT_SHARE and
# STARCERT_PUBLIC_URL set; the test instances run these jobs themselves.
set -uo pipefail
ctl=${1:?usage: scheduler.sh STARCERTCTL}
trap 'exit 0' TERM INT
minute=0
while :; do
	if [ $((minute % 60)) -eq 0 ]; then
		"$ctl" tick || echo "scheduler: tick failed; trying again in an hour" >&2
	fi
	"$ctl" mail >/dev/null || echo "scheduler: mail failed; trying again in a minute" >&2
	minute=$((minute + 1))
	sleep 60 &
	wait $!
done
