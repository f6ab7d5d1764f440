# d_4_slow.sh: many slow clients (headers a byte at a time, bodies 8 bytes
# at a time, downloads read 512 bytes at a time, each every 1 to 3 s) next
# to ordinary users: nginx holds the slow ones, no worker waits on them,
# and ordinary requests keep their latency.

# slow_open: how many slow connections are open now.
slow_open() { cat "$TMP/s-slow.open" 2>/dev/null || echo 0; }

# nginx_fd_room: nginx's workers may open twice worker_connections files
# (client and upstream sockets), whatever limit the caller's shell had.
nginx_fd_room() {
	local conns limit w
	conns=$(grep -o 'worker_connections [0-9]*' "$STARCERT_VAR/nginx/nginx.conf" | grep -o '[0-9]*$')
	for w in $(pgrep -P "$(cat "$STARCERT_VAR/nginx/nginx.pid")"); do
		limit=$(awk '/^Max open files/ {print $4}' "/proc/$w/limits")
		[ "$limit" -ge $((2 * conns)) ] ||
			fail "nginx worker $w may open $limit files, fewer than 2 × $conns connections"
	done
	NGINX_FILES=$limit
}

drill_4_slow_clients_leave_ordinary_latency_alone() {
	local app=${APPS[3]} id before during total slow_pid open_during report
	local p50b p99b p50d p99d mark slowest
	mark=$(log_mark)
	total=$((SLOW_HEADERS + SLOW_BODIES + SLOW_READERS))
	nginx_fd_room
	measure slow nginx_open_files "$NGINX_FILES" "files each nginx worker may open (the shell's limit was $(ulimit -Sn))"
	PAGES=(--path "/applications/$app" --path /dashboard --path /applications)
	client load "$STARCERT_URL" "${PAGES[@]}" --cookie "$COOKIE" --threads 2 --pause 0.02 \
		--seconds "$SLOW_SECONDS" --out "$TMP/s-before"
	before=$(client summary "$TMP/s-before")

	# A large document for the slow readers.
	client upload "$STARCERT_URL" --target "/applications/$app/materials/1" --cookie "$COOKIE" \
		--csrf "$CSRF" --tag slowread --count 1 --min-kb 4096 --max-kb 4096 --out "$TMP/s-doc"
	id=$(sql "SELECT id FROM documents WHERE file_name LIKE 'drill-slowread-%'")
	[ -n "$id" ] || { fail "no document for the slow readers"; return; }

	"$PYTHON" "$DRILL_DIR/client.py" slow "$STARCERT_URL" --headers "$SLOW_HEADERS" \
		--bodies "$SLOW_BODIES" --readers "$SLOW_READERS" --read-path "/documents/$id" \
		--body-path "/applications/$app/outlets" --body-path "/applications/$app/materials/1" \
		--cookie "$COOKIE" --interval 2 --out "$TMP/s-slow" &
	slow_pid=$!
	slow_enough() { [ "$(slow_open)" -ge $((total * 9 / 10)) ]; }
	wait_for slow_enough || wait_for slow_enough || fail "only $(slow_open) of $total slow connections opened"
	measure slow connections "$(slow_open)" "slow connections open ($SLOW_HEADERS headers, $SLOW_BODIES bodies, $SLOW_READERS readers)"

	client load "$STARCERT_URL" "${PAGES[@]}" --cookie "$COOKIE" --threads 2 --pause 0.02 \
		--seconds "$SLOW_SECONDS" --out "$TMP/s-during"
	open_during=$(slow_open)
	client upload "$STARCERT_URL" "${TARGETS[@]}" --cookie "$COOKIE" --csrf "$CSRF" \
		--tag slowup --count 5 --threads 1 --max-kb 256 --out "$TMP/s-up"
	finish "$slow_pid"
	during=$(client summary "$TMP/s-during")
	report=$(cat "$TMP/s-slow" 2>/dev/null)

	only_statuses "$before" "ordinary requests before" 200
	only_statuses "$during" "ordinary requests among slow clients" 200
	only_statuses "$(client summary "$TMP/s-up")" "uploads among slow clients" 303
	acked_uploads_stored "$TMP/s-up" slowup "uploads among slow clients"
	[ "$open_during" -ge $((total * 8 / 10)) ] || fail "slow connections fell to $open_during of $total while measuring"
	p50b=$(field p50 "$before") p99b=$(field p99 "$before")
	p50d=$(field p50 "$during") p99d=$(field p99 "$during")
	measure slow p50_before_ms "$p50b" "ordinary requests alone: p50 ($(field n "$before") requests)"
	measure slow p99_before_ms "$p99b" "ordinary requests alone: p99"
	measure slow p50_during_ms "$p50d" "among the slow clients: p50 ($(field n "$during") requests; bound 2 × before + 20 ms)"
	measure slow p99_during_ms "$p99d" "among the slow clients: p99 (bound 3 × before + 200 ms)"
	measure slow slow_connects "$(field connects "$report")" "slow connections made in all ($(field closed_by_server "$report") closed by nginx's timeouts and made again; readers got $(field bytes_read "$report") bytes)"
	# No worker waited on a slow client: none spent long on any request.
	slowest=$(log_since "$mark" | grep -o ' ms=[0-9.]*' | cut -d= -f2 | sort -g | tail -n 1)
	measure slow worker_max_ms "$slowest" "the longest any worker spent on a request meanwhile (bound 2000 ms)"
	# Nothing logged is no measurement, not a pass (awk takes "" for 0).
	[[ $slowest =~ ^[0-9.]+$ ]] || fail "no request in the app's log meanwhile"
	awk -v m="$slowest" 'BEGIN {exit !(m < 2000)}' || fail "a worker spent $slowest ms on one request"
	awk -v d="$p50d" -v b="$p50b" 'BEGIN {exit !(d <= 2 * b + 20)}' ||
		fail "p50 among slow clients $p50d ms (alone $p50b ms)"
	awk -v d="$p99d" -v b="$p99b" 'BEGIN {exit !(d <= 3 * b + 200)}' ||
		fail "p99 among slow clients $p99d ms (alone $p99b ms)"
}
