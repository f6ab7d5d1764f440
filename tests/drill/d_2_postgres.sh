# d_2_postgres.sh: PostgreSQL restarted under load (pg_ctl restart -m fast
# and -m immediate, and stopped for a while in both modes): 503 while it
# is down, never 500 or 502, full service within 5 s of its return, and
# not one worker lost.

PG_CTL=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/pg_ctl
RECOVERY_LIMIT_MS=5000

pg_ctl_as_pg() {
	as_postgres "$PG_CTL" -D "$STARCERT_VAR/pg" -l "$STARCERT_VAR/log/postgresql.log" -w -t 60 "$@" >/dev/null
}

# back_after WHAT LOG OK FROM TO: the time from FROM until every request
# in LOG (up to TO, the next fault) answered OK is at most 5 s; raises
# RECOVERED_MS to it.  -1 (never, or no request at all) or no number (the
# client failed) is a failure.
back_after() {
	local what=$1 log=$2 ok=$3 from=$4 to=$5 ms
	ms=$(client recovery "$TMP/$log" --after "$from" --to "$to" --ok "$ok")
	if [[ ! $ms =~ ^[0-9]+$ ]] || [ "$ms" -gt "$RECOVERY_LIMIT_MS" ]; then
		fail "$what: not back within $RECOVERY_LIMIT_MS ms (${ms:-no result from the client}; in ms, -1: not before the next fault)"
		return
	fi
	[ "$ms" -le "$RECOVERED_MS" ] || RECOVERED_MS=$ms
}

# recovered_within WHAT FROM TO: pages and uploads both back within 5 s of
# FROM (RECOVERED_MS: the later of the two), and all of them succeeded
# from 5 s after FROM.
recovered_within() {
	local what=$1 from=$2 to=$3
	RECOVERED_MS=0
	back_after "$what: pages" pg-load 200 "$from" "$to"
	back_after "$what: uploads" pg-up 303 "$from" "$to"
	[ $((from + RECOVERY_LIMIT_MS)) -lt "$to" ] || return 0
	only_statuses "$(client summary "$TMP/pg-load" --from $((from + RECOVERY_LIMIT_MS)) --to "$to")" \
		"$what: pages from 5 s after PostgreSQL's return" 200
	only_statuses "$(client summary "$TMP/pg-up" --from $((from + RECOVERY_LIMIT_MS)) --to "$to")" \
		"$what: uploads from 5 s after PostgreSQL's return" 303
}

# pg_event EVENT: restart-MODE (down as long as PostgreSQL takes) or
# stop-MODE (stopped for PG_HOLD seconds); appends "EVENT asked down up
# back" (ms: pg_ctl called, PostgreSQL down, start called, pg_ctl returned)
# to EVENTS.
pg_event() {
	local event=$1 mode=${1#*-} t0 t_down t_up t1
	t0=$(now_ms)
	case "$event" in
	restart-*)
		pg_ctl_as_pg restart -m "$mode" || fail "pg_ctl restart -m $mode"
		t1=$(now_ms)
		t_down=$t1 t_up=$t1
		;;
	stop-*)
		pg_ctl_as_pg stop -m "$mode" || fail "pg_ctl stop -m $mode"
		t_down=$(now_ms)
		# What a person sees meanwhile: the error page, saying why.
		http GET /applications -b "$COOKIE"
		expect_status 503 "a page while PostgreSQL is stopped"
		expect_body '系统正在维护或数据库暂时无法连接，请稍后再试。'
		sleep "$PG_HOLD"
		t_up=$(now_ms)
		pg_ctl_as_pg start || fail "pg_ctl start after -m $mode"
		t1=$(now_ms)
		;;
	esac
	EVENTS+=("$event $t0 $t_down $t_up $t1")
}

drill_2_postgres_restarts_cost_503s_only_and_no_worker() {
	local mark workers load up event round line worst=0 i what t0 t_down t_up t1 next n
	EVENTS=()
	mark=$(log_mark)
	workers=$(worker_pids)
	# Pages that need the database (the session, the application) and /healthz.
	PAGES=(--path "/applications/${APPS[1]}" --path /applications --path /healthz)
	pages "$TMP/pg-load" --threads 3 --pause 0.01
	load=$LOAD_PID
	uploads "$TMP/pg-up" pg --threads 1 --max-kb 64 --pause 0.05
	up=$UP_PID
	sleep 2
	for round in $(seq 1 "$PG_ROUNDS"); do
		for event in $PG_EVENTS; do
			pg_event "$event"
			sleep "$PG_GAP"
		done
	done
	finish "$load" "$up"
	EVENTS+=("end $(now_ms) 0 0 0")

	line=$(client summary "$TMP/pg-load")
	only_statuses "$line" "pages" 200 503
	measure postgres page_requests "$(field n "$line")" "page requests: $(statuses "$line")"
	n=$(wc -w <<<"$PG_EVENTS")
	for i in $(seq 0 $((${#EVENTS[@]} - 2))); do
		read -r what t0 t_down t_up t1 <<<"${EVENTS[$i]}"
		read -r _ next _ <<<"${EVENTS[$((i + 1))]}"
		round=$((i / n + 1))
		if [[ $what == stop-* ]]; then
			# Asked while it was down (and answered before it was back).
			line=$(client summary "$TMP/pg-load" --from $((t_down + 100)) --to "$t_up" --ended-before "$t_up")
			only_statuses "$line" "$what: pages while PostgreSQL was down" 503
			[ "$(field s503 "$line")" ] || fail "$what: no 503 while down"
			measure postgres "r${round}_${what}_503" "$(field s503 "$line")" \
				"503s while stopped ${PG_HOLD} s with -m ${what#stop-} ($(statuses "$line"))"
		else
			# Answered while pg_ctl restarted it: 503 once it went down.
			line=$(client summary "$TMP/pg-load" --from "$t0" --to "$t1" --ended-before "$t1")
			[ "$(field s503 "$line")" ] || fail "$what: no 503 while PostgreSQL restarted"
			measure postgres "r${round}_${what}_ms" "$((t1 - t0))" \
				"ms pg_ctl restart -m ${what#restart-} took; meanwhile $(statuses "$line")"
		fi
		recovered_within "$what" "$t1" "$next"
		measure postgres "r${round}_${what}_back_ms" "$RECOVERED_MS" \
			"ms from pg_ctl's return until every page and upload succeeded"
		[ "$RECOVERED_MS" -gt "$worst" ] && worst=$RECOVERED_MS
	done
	measure postgres worst_back_ms "$worst" "the longest return to full service (limit $RECOVERY_LIMIT_MS ms)"

	line=$(client summary "$TMP/pg-up")
	only_statuses "$line" "uploads" 303 503
	acked_uploads_stored "$TMP/pg-up" pg "uploads across the restarts"
	measure postgres uploads_acked "$ACKED" "uploads answered 303 ($(statuses "$line")); all stored"
	expect_eq "$(worker_pids)" "$workers" "workers after the restarts"
	[ "$(master_pid)" = "$MASTER" ] || fail "the master changed"
	! log_since "$mark" | grep -E 'worker [0-9]+ (killed|exited)' || fail "a worker left during the restarts"
	store_intact
}
