# d_1_workers.sh: workers killed with SIGKILL at random under load on pages
# and uploads.  The master replaces every one; every upload that was
# answered with success has its row and its file, SHA-256 intact.

drill_1_killed_workers_are_replaced_and_nothing_acknowledged_is_lost() {
	local mark t0 rounds=0 kills=0 together=0 victims v load up wrk_pid='' last_kill back_ms line
	# Each worker counted once: a worker killed a moment ago may still be
	# listed, and a second kill of it succeeds without a second death.
	local -A killed=()
	# The master logs a death when it reaps, which may come after its
	# workers are back (it pauses before replacing one started < 500 ms ago).
	all_deaths_logged() { [ "$(deaths_since "$mark")" -eq "$kills" ]; }
	mark=$(log_mark)
	pages "$TMP/k-load" --threads 3 --pause 0.005
	load=$LOAD_PID
	uploads "$TMP/k-up" kill --threads "$KILL_UP_THREADS" --max-kb "$KILL_MAX_KB"
	up=$UP_PID
	if [ "$KILL_WRK" = 1 ]; then
		# More pressure: every worker busy whenever one is killed.
		wrk -t2 -c16 -d"${KILL_SECONDS}s" --timeout 10s -H "Cookie: $COOKIE" \
			"$STARCERT_URL/applications/${APPS[0]}" >"$TMP/k-wrk" 2>&1 &
		wrk_pid=$!
	fi
	t0=$(now_ms)
	while [ $(($(now_ms) - t0)) -lt $((KILL_SECONDS * 1000)) ]; do
		sleep "0.$((RANDOM % 8 + 2))"
		rounds=$((rounds + 1))
		if [ $((rounds % 5)) -eq 0 ]; then
			victims=$(live_worker_pids)	# now and then all of them at once
			together=$((together + 1))
		else
			victims=$(live_worker_pids | tr ' ' '\n' | grep . | shuf -n 1)
		fi
		for v in $victims; do
			kill -9 "$v" 2>/dev/null && killed[$v]=1
		done
	done
	last_kill=$(now_ms)
	kills=${#killed[@]}
	[ "$kills" -gt 0 ] || fail "no worker was killed"
	wait_for full_crew || fail "the master did not bring the workers back to $WORKERS"
	back_ms=$(($(now_ms) - last_kill))
	finish "$load" "$up"
	if [ -n "$wrk_pid" ]; then
		wait "$wrk_pid"
		measure workers wrk_requests "$(awk '/requests in/ {print $1}' "$TMP/k-wrk")" \
			"wrk's requests meanwhile (16 connections), $(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$TMP/k-wrk" | grep -o '[0-9]*$' || echo 0) not 2xx/3xx (the 502s of killed workers)"
	fi
	[ "$(master_pid)" = "$MASTER" ] || fail "the master changed"
	wait_for all_deaths_logged
	expect_eq "$(deaths_since "$mark")" "$kills" "workers reported killed"

	line=$(client summary "$TMP/k-load")
	# 502: nginx found the worker gone; 1: the answer was cut off mid-way.
	only_statuses "$line" "pages while workers died" 200 502 1
	measure workers kills "$kills" "workers killed with SIGKILL ($together times all at once) in ${KILL_SECONDS} s"
	measure workers page_requests "$(field n "$line")" "page requests: $(statuses "$line")"
	line=$(client summary "$TMP/k-up")
	only_statuses "$line" "uploads while workers died" 303 502 1
	acked_uploads_stored "$TMP/k-up" kill "uploads while workers died"
	measure workers uploads_acked "$ACKED" "uploads answered 303 ($(statuses "$line")); all stored with their SHA-256"
	measure workers uploads_unacked_stored "$EXTRA" "rows whose answer was lost with its worker (kept, not lost)"
	measure workers crew_back_ms "$back_ms" "ms from the last kill until all $WORKERS workers ran again"

	# Recovered by itself: the same load without kills answers everything.
	pages "$TMP/k-after" --threads 3 --seconds 3
	uploads "$TMP/k-up-after" kill2 --threads 2 --seconds 3 --max-kb 64
	wait "$LOAD_PID" "$UP_PID"
	line=$(client summary "$TMP/k-after")
	only_statuses "$line" "pages after the kills" 200
	measure workers after_p99_ms "$(field p99 "$line")" "p99 of pages right after ($(field n "$line") requests, all 200)"
	only_statuses "$(client summary "$TMP/k-up-after")" "uploads after the kills" 303
	acked_uploads_stored "$TMP/k-up-after" kill2 "uploads after the kills"

	# An upload of more than nginx's default 1 MiB whose worker dies: the
	# person is told the portal is unavailable (502, the static page), not
	# that the file is too large.
	ls "$STARCERT_VAR/blobs/tmp" >"$TMP/tmp-before"
	printf '%%PDF-1.4\n' >"$TMP/big.pdf"
	head -c 30000000 /dev/urandom >>"$TMP/big.pdf"
	( http POST "/applications/${APPS[0]}/materials/1?csrf=$CSRF" -b "$COOKIE" -H "Origin: $STARCERT_URL" \
		-F "file=@$TMP/big.pdf;filename=big.pdf"
	  echo "$STATUS" >"$TMP/big.status"; cp "$BODY" "$TMP/big.body" ) &
	for _ in $(seq 1 500); do
		ls "$STARCERT_VAR/blobs/tmp" | cmp -s - "$TMP/tmp-before" || break
		sleep 0.02
	done
	kill -9 $(live_worker_pids)
	wait $!
	expect_eq "$(cat "$TMP/big.status")" 502 "a large upload whose worker died"
	grep -q '服务暂时不可用' "$TMP/big.body" || fail "the large upload's answer is not the unavailable page"
	wait_for full_crew || fail "workers not back after the large upload"

	store_intact
	gc_leaves_only_referenced
	measure workers gc_removed "$GC_REMOVED" "files of killed uploads that gc removed (temporary or unreferenced)"
	# gc removed only what no row refers to.
	store_intact
	full_crew || fail "workers after gc"
}
