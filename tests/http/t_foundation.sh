# t_foundation.sh: the request layer, views, nginx and the process model.

test_10_home_in_chinese_by_default() {
	http GET /
	expect_status 200
	expect_body '<html lang="zh-CN">'
	expect_body '认证流程'
	expect_header '^Content-Type: text/html; charset=utf-8'
}

test_11_home_in_english_from_accept_language() {
	http GET / -H 'Accept-Language: en-US,en;q=0.9'
	expect_status 200
	expect_body '<html lang="en">'
	expect_body 'How certification works'
}

test_12_language_switch_sets_cookie_and_returns() {
	http GET '/lang/en?next=/%3Fa%3D1'
	expect_status 303
	expect_eq "$(header Location)" "/?a=1" "redirect target"
	expect_header '^Set-Cookie: lang=en; Path=/; SameSite=Lax; HttpOnly'
	http GET / -H 'Cookie: lang=en' -H 'Accept-Language: zh-CN'
	expect_body '<html lang="en">'
	http GET / -H 'Cookie: lang=zh' -H 'Accept-Language: en'
	expect_body '<html lang="zh-CN">'
}

test_13_language_switch_refuses_open_redirects() {
	for next in '//evil.example/' 'https://evil.example/' '/%5Cevil' 'javascript:alert(1)'; do
		http GET "/lang/en?next=$next"
		expect_status 303
		expect_eq "$(header Location)" "/" "redirect for next=$next"
	done
	http GET /lang/fr
	expect_status 404
}

test_14_security_headers_on_every_response() {
	for path in / /healthz /no-such-page /static/css/starcert.css; do
		http GET "$path"
		expect_header "^Content-Security-Policy: default-src 'self';.*frame-ancestors 'none'"
		expect_header '^X-Content-Type-Options: nosniff'
		expect_header '^Referrer-Policy: same-origin'
		expect_header '^X-Frame-Options: DENY'
		expect_header '^Server: nginx\s*$'
	done
}

test_15_head_has_headers_and_no_body() {
	http HEAD /
	expect_status 200
	expect_header '^Content-Length: [1-9]'
	# curl --head writes the head where the body would go: no HTML may follow.
	expect_no_body '<html'
}

test_16_static_files_from_nginx() {
	http GET /static/css/starcert.css
	expect_status 200
	expect_header '^Content-Type: text/css'
	http GET /static/img/favicon.svg
	expect_status 200
	http GET /static/../Makefile
	[ "$STATUS" = 400 ] || [ "$STATUS" = 404 ] || fail "path traversal answered $STATUS"
}

test_20_not_found_page_with_request_id_in_log() {
	http GET /no-such-page
	expect_status 404
	expect_body '页面不存在'
	local rid
	rid=$(grep -o 'request-id">[^<]*<code>[0-9a-f]*' "$BODY" | grep -o '[0-9a-f]*$')
	[ -n "$rid" ] || fail "no request id on the 404 page"
	wait_for grep -q "rid=$rid .*path=\"/no-such-page\" status=404" "$STARCERT_VAR/log/app.log" ||
		fail "request id $rid not in the app log"
	grep -q "rid=$rid " "$STARCERT_VAR/log/nginx-access.log" 2>/dev/null ||
		wait_for grep -q "rid=$rid " "$STARCERT_VAR/log/nginx-access.log" ||
		fail "request id $rid not in the nginx access log"
}

test_21_script_in_query_and_path_is_escaped() {
	http GET '/?q=<script>alert(1)</script>&x="onmouseover=alert(1)'
	expect_status 200
	expect_no_body '<script>alert'
	expect_no_body '"onmouseover'
	http GET '/nope<script>alert(1)</script>'
	expect_status 404
	expect_no_body '<script>alert'
	expect_body '&lt;script&gt;alert(1)&lt;/script&gt;'
}

test_22_malformed_input_is_400_with_request_id() {
	for q in 'a=%zz' 'a=%4' 'a=%C0%AF' 'a=%ED%A0%80' 'a=%00' 'a=%01' 'a%00b=1'; do
		http GET "/?$q"
		expect_status 400 "query $q"
		expect_body '请求编号'
	done
	http GET "/?q=$(head -c 9000 /dev/zero | tr '\0' a)"
	[ "$STATUS" = 400 ] || [ "$STATUS" = 414 ] || fail "overlong query answered $STATUS"
}

test_23_duplicate_parameter_is_refused_where_a_single_value_is_wanted() {
	http GET '/lang/en?next=/a&next=/b'
	expect_status 404
}

test_24_methods_the_portal_does_not_use_are_405() {
	for m in PUT DELETE PATCH OPTIONS TRACE; do
		http "$m" /
		expect_status 405 "$m /"
	done
	http POST /healthz -d x=1
	expect_status 405
	expect_eq "$(header Allow)" "GET, HEAD" "Allow header"
	expect_body '请求编号'
}

test_25_body_limit() {
	head -c 2000000 /dev/zero | tr '\0' a >"$TMP/big"
	http POST / -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$TMP/big"
	expect_status 413
	expect_body '内容过大'
}

test_26_one_log_line_per_request() {
	local before after
	before=$(wc -l <"$STARCERT_VAR/log/app.log")
	for _ in 1 2 3 4 5; do http GET /healthz; done
	wait_for test "$(grep -c 'path="/healthz"' "$STARCERT_VAR/log/app.log")" -ge 5 || true
	after=$(wc -l <"$STARCERT_VAR/log/app.log")
	[ $((after - before)) -eq 5 ] || fail "expected 5 log lines, got $((after - before))"
	tail -n 1 "$STARCERT_VAR/log/app.log" | grep -Eq '^time=[0-9T:Z-]+ rid=[0-9a-f]+ pid=[0-9]+ method=GET path="/healthz" status=200 ms=[0-9.]+ user=-$' ||
		fail "log line format: $(tail -n 1 "$STARCERT_VAR/log/app.log")"
}

test_30_socket_is_not_world_accessible() {
	local mode
	mode=$(stat -c %a "$STARCERT_VAR/app/starcert.sock")
	expect_eq "$mode" "660" "socket mode"
	if [ "$(id -u)" -eq 0 ]; then
		expect_eq "$(stat -c %U "$STARCERT_VAR/app/starcert.sock")" "starcert" "socket owner"
		expect_eq "$(ps -o user= -p "$(master_pid)" | tr -d ' ')" "starcert" "app runs as"
	fi
	ss -lnt 2>/dev/null | grep -q ":5433[0-9] " && fail "PostgreSQL listens on TCP"
	true
}

test_31_workers_default_to_twice_the_cores() {
	local n
	n=$(worker_pids | wc -w)
	expect_eq "$n" "$((2 * $(nproc)))" "worker count"
}

test_32_make_run_again_changes_nothing() {
	local before out
	before=$(master_pid)
	out=$("$STARCERT_VAR/../../scripts/stack.sh" start "$STARCERT_INSTANCE" "${STARCERT_URL##*:}" "$STARCERT_BUILD")
	grep -q 'already running' <<<"$out" || fail "second start said: $out"
	expect_eq "$(master_pid)" "$before" "master pid"
}

test_40_migrations_are_recorded_and_not_reapplied() {
	local n
	n=$(psql_owner -tAc "SELECT count(*) FROM schema_migrations")
	expect_eq "$n" "$(ls "$STARCERT_VAR"/../../migrations/*.sql | wc -l)" "recorded migrations"
	local out
	out=$(migrate_with "$STARCERT_VAR/../../migrations") || fail "migrate failed: $out"
	grep -q '0 applied' <<<"$out" || fail "migrate re-applied: $out"
}

test_41_an_edited_applied_migration_is_an_error() {
	local dir="$TMP/share" out
	mkdir -p "$dir/migrations"
	cp "$STARCERT_VAR"/../../migrations/*.sql "$dir/migrations/"
	echo "-- edited" >>"$dir/migrations/0001_foundation.sql"
	if out=$(migrate_with "$dir/migrations" 2>&1); then
		fail "migrate accepted an edited migration"
	fi
	grep -q 'was edited after it was applied' <<<"$out" || fail "message: $out"
	cp "$STARCERT_VAR"/../../migrations/0001_foundation.sql "$dir/migrations/"
	local gap
	gap=$(printf '%04d_gap.sql' $(( $(ls "$dir/migrations" | wc -l) + 2 )))
	echo "SELECT 1;" >"$dir/migrations/$gap"
	if out=$(migrate_with "$dir/migrations" 2>&1); then
		fail "migrate accepted a gap in the numbering"
	fi
	grep -q 'no gaps' <<<"$out" || fail "message: $out"
}

test_42_the_app_role_cannot_change_the_schema() {
	local out
	out=$(psql_app -c "CREATE TABLE intruder (x int)" 2>&1) && fail "app role created a table"
	grep -q 'permission denied' <<<"$out" || fail "unexpected: $out"
}

test_90_healthz_follows_the_database_with_the_same_workers() {
	local workers pg_ctl
	http GET /healthz
	expect_status 200
	workers=$(worker_pids)
	pg_ctl=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl
	as_postgres "$pg_ctl" -D "$STARCERT_VAR/pg" -m fast -w stop >/dev/null
	http GET /healthz
	expect_status 503
	http GET /
	expect_status 200 "the home page does not need the database"
	as_postgres "$pg_ctl" -D "$STARCERT_VAR/pg" -l "$STARCERT_VAR/log/postgresql.log" -w start >/dev/null
	healthy() { http GET /healthz; [ "$STATUS" = 200 ]; }
	wait_for healthy || fail "healthz did not recover"
	expect_eq "$(worker_pids)" "$workers" "workers after the restart"
}

test_91_a_killed_worker_is_replaced() {
	local victim n
	victim=$(worker_pids | awk '{print $1}')
	n=$(worker_pids | wc -w)
	kill -9 "$victim"
	replaced() { ! worker_pids | grep -qw "$victim" && [ "$(worker_pids | wc -w)" -eq "$n" ]; }
	wait_for replaced || fail "worker $victim not replaced"
	for _ in $(seq 1 20); do
		http GET /
		expect_status 200
	done
	grep -q "worker $victim killed by signal 9" "$STARCERT_VAR/log/app.log" || fail "no log line for the dead worker"
}

test_99_stop_leaves_nothing_running() {
	"$STARCERT_VAR/../../scripts/stack.sh" stop "$STARCERT_INSTANCE" >/dev/null
	if pgrep -f "$STARCERT_VAR" >/dev/null; then
		fail "still running: $(pgrep -af "$STARCERT_VAR")"
	fi
	[ ! -e "$STARCERT_VAR/app/starcert.sock" ] || fail "socket left behind"
}

test_98_no_sanitizer_reports_in_the_log() {
	if grep -E 'AddressSanitizer|LeakSanitizer|runtime error:' "$STARCERT_VAR/log/app.log"; then
		fail "sanitizer reports in app.log"
	fi
}
