#!/usr/bin/env bash
# run.sh short|long: the fault drills against the instance started by
# scripts/with-stack.sh (make test-drill: short, within make test; make
# drill: long, which also writes the figures into docs/drills.md).
#
# Each drill breaks something under load and asserts that nothing
# acknowledged was lost and that the portal recovered by itself:
#   1 workers killed with SIGKILL       4 slow clients
#   2 PostgreSQL restarted              5 backup restored into a fresh cluster
#   3 the blob store's disk full
# DRILLS=pattern runs only the matching drills (a grep -E pattern);
# DRILL_TRACE=1 traces every command with its time.
set -uo pipefail
mode=${1:-short}
case "$mode" in short | long) ;; *) echo "usage: run.sh short|long" >&2; exit 2 ;; esac
cd "$(dirname "$0")"
. ../http/lib.sh
. ./lib.sh
for f in d_*.sh; do . "./$f"; done

if [ "$mode" = short ]; then
	KILL_SECONDS=10 KILL_MAX_KB=256 KILL_UP_THREADS=3 KILL_WRK=0
	PG_HOLD=2 PG_GAP=3 PG_ROUNDS=1 PG_EVENTS='restart-fast restart-immediate'
	DISK_HEADROOM_KB=3072 DISK_SECONDS=3
	SLOW_SECONDS=5 SLOW_HEADERS=300 SLOW_BODIES=200 SLOW_READERS=40
	BACKUP_HOT=0
else
	KILL_SECONDS=60 KILL_MAX_KB=1024 KILL_UP_THREADS=4 KILL_WRK=1
	PG_HOLD=4 PG_GAP=6 PG_ROUNDS=3 PG_EVENTS='restart-fast restart-immediate stop-fast stop-immediate'
	DISK_HEADROOM_KB=12288 DISK_SECONDS=15
	SLOW_SECONDS=20 SLOW_HEADERS=1500 SLOW_BODIES=1000 SLOW_READERS=200
	BACKUP_HOT=1
fi

cleanup() {
	local p
	for p in $(jobs -p); do kill -TERM "$p" 2>/dev/null || true; done
	wait 2>/dev/null
	disk_restore 2>/dev/null
	restored_stop 2>/dev/null
	# Never through a mount that is left: it may be the real blob store.
	grep -qF " $TMP/" /proc/mounts || rm -rf "$TMP"
}
trap cleanup EXIT

[ -n "${DRILL_TRACE:-}" ] && { PS4='+ $EPOCHREALTIME '; set -x; }
started=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
echo "drills ($mode) against $STARCERT_URL"
setup_applicant || { echo "setup failed"; exit 1; }
passed=0
failed=0
skipped=0
for d in $(declare -F | awk '{print $3}' | grep '^drill_' | grep -E "${DRILLS:-.}" | sort); do
	before=$failures
	SKIPPED=0
	t0=$(date +%s)
	printf '  %s\n' "$d"
	"$d"
	printf '    (%d s)\n' $(($(date +%s) - t0))
	if [ "$failures" -ne "$before" ]; then
		failed=$((failed + 1))
	elif [ "$SKIPPED" = 1 ]; then
		skipped=$((skipped + 1))
	else
		passed=$((passed + 1))
	fi
done
echo "drills ($mode): $passed passed, $skipped skipped, $failed failed in $(($(date +%s) - started)) s"
# The figures only from a full run: a skipped drill would drop its rows.
if [ "$mode" = long ] && [ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ] && [ -z "${DRILLS:-}" ]; then
	write_results "$ROOT/docs/drills.md" "$(($(date +%s) - started))"
elif [ "$mode" = long ] && [ "$skipped" -gt 0 ]; then
	echo "drills: figures not written to docs/drills.md: $skipped drill(s) skipped"
fi
[ "$failed" -eq 0 ]
