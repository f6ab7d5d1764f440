# lib.sh: what run.sh and exports.sh share (sourced).

# live_workers MASTER: the pids of MASTER's children that run (a killed worker
# stays a zombie until the master reaps it, and pgrep lists zombies; the
# drills' live_worker_pids is the same).
live_workers() { ps --ppid "$1" -o pid=,stat= | awk '$2 !~ /^Z/ {print $1}'; }

# fresh_workers: replace every worker of the instance and wait until as many
# new ones run and none of the old, so that the peak RSS (VmHWM) of the
# workers afterwards is what follows alone.
fresh_workers() {
	local master old now pid stale
	master=$(cat "$STARCERT_VAR/app/master.pid")
	old=$(live_workers "$master")
	# shellcheck disable=SC2086
	kill -TERM $old
	for _ in $(seq 1 300); do
		now=$(live_workers "$master")
		stale=0
		for pid in $old; do grep -qx "$pid" <<<"$now" && stale=1; done
		if [ "$stale" -eq 0 ] && [ "$(wc -w <<<"$now")" -eq "$(wc -w <<<"$old")" ]; then
			sleep 0.3	# the new ones connect and settle
			return 0
		fi
		sleep 0.1
	done
	echo "bench: the workers were not replaced within 30 s" >&2
	return 1
}

# peak_rss_kb: the workers' peak RSS (VmHWM): the largest, or with "sum" their sum.
peak_rss_kb() {
	local master pid kb total=0 peak=0
	master=$(cat "$STARCERT_VAR/app/master.pid")
	for pid in $(live_workers "$master"); do
		kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
		total=$((total + kb))
		[ "$kb" -gt "$peak" ] && peak=$kb
	done
	if [ "${1:-}" = sum ]; then echo "$total"; else echo "$peak"; fi
}
