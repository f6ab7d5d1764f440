# t_lifecycle.sh: the certificate's life after issue: the daily tick with --today (time travel),
# suspension, reinstatement, withdrawal, cancellation, expiry, and the history.
# It continues with the certificates issued in t_certificate.sh.

# tick DATE: starcertctl tick --today DATE; its summary line into TICK.
tick() {
	TICK=$(STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" tick --today "$1") || fail "tick $1 failed"
}

cert_status() { sql "SELECT status FROM certificates WHERE id = $1"; }

# status_post JAR CERT ACTION [curl args]
status_post() {
	local j=$1 cert=$2 action=$3
	shift 3
	FORM_PAGE=/certificates/$cert post "$j" "/certificates/$cert/status" --data "action=$action" "$@"
}

# The main certificate was issued today (the dates below are relative to it);
# the six of the parallel approvals were issued the same day.
days_after() { sql "SELECT (issue_date + $2)::text FROM certificates WHERE id = $1"; }

test_88t_the_tick_is_idempotent_and_time_travels_to_a_suspension() {
	local c s events
	c=$(cert_id)
	echo "$c" >"$TMP/main-cert"
	tick "$(days_after "$c" 200)"
	events=$(sql "SELECT count(*) FROM events")
	tick "$(days_after "$c" 200)"
	expect_eq "$TICK" "tick $(days_after "$c" 200): 0 expired, 0 surveillance opened, 0 overdue, 0 suspended, 0 withdrawn" "the second run of a day"
	expect_eq "$(sql "SELECT count(*) FROM events")" "$events" "no events the second time"
	expect_eq "$(cert_status "$c")" valid "valid after 200 days"
	# 90 days before the first surveillance falls due (12 months after issue) it opens.
	tick "$(sql "SELECT (surveillance1_due - 89)::text FROM certificates WHERE id = $c")"
	expect_eq "$(sql "SELECT kind || ' ' || state FROM surveillance_cases WHERE certificate_id = $c")" "surveillance_1 open" "opened"
	tick "$(sql "SELECT (surveillance1_due + 1)::text FROM certificates WHERE id = $c")"
	expect_eq "$(sql "SELECT state FROM surveillance_cases WHERE certificate_id = $c")" overdue "overdue the day after"
	expect_eq "$(cert_status "$c")" valid "still valid in the grace period"
	tick "$(sql "SELECT (surveillance1_due + 31)::text FROM certificates WHERE id = $c")"
	expect_eq "$(cert_status "$c")" suspended "suspended after the grace period"
	expect_eq "$(sql "SELECT reason_code FROM certificate_history WHERE certificate_id = $c AND to_value = 'suspended'")" surveillance_overdue "the reason"
	s=$(sql "SELECT count(*) FROM events WHERE object_id = $c AND action = 'certificate.suspended'")
	expect_eq "$s" 1 "one suspension event"
	http GET "/verify/$(sql "SELECT number FROM certificates WHERE id = $c")"
	expect_body '暂停'
	http GET "/lookup?q=$(sql "SELECT number FROM certificates WHERE id = $c")"
	expect_body '暂停'
}

test_88u_reinstated_by_a_supervisor_refused_when_not_allowed() {
	local c=$(cat "$TMP/main-cert") s=$(jar supervisor) a=$(jar rv-applicant)
	status_post "$a" "$c" reinstate --data-urlencode "reason=我们已整改"
	expect_status 403 "the holder cannot reinstate"
	status_post "$s" "$c" reinstate
	expect_status 422 "no reason given"
	status_post "$s" "$c" reinstate --data-urlencode "reason=已完成监督审核，纠正措施有效"
	expect_status 303 "reinstated"
	expect_eq "$(cert_status "$c")" valid "valid again"
	expect_eq "$(sql "SELECT state FROM surveillance_cases WHERE certificate_id = $c AND kind = 'surveillance_1'")" done "the surveillance settled"
	status_post "$s" "$c" reinstate --data-urlencode "reason=again"
	expect_status 409 "reinstating a valid certificate"
	http GET "/certificates/$c" -b "$a"
	expect_body '已完成监督审核，纠正措施有效'
	expect_body '每日任务'
	expect_body '监督审核逾期'
}

test_88v_a_long_suspension_ends_withdrawn_and_a_cancellation() {
	local c=$(cat "$TMP/main-cert") s=$(jar supervisor) a=$(jar rv-applicant) others one two
	# The parallel approvals' certificates were left alone: suspended with the main one.
	others=$(sql "SELECT string_agg(id::text, ' ' ORDER BY id) FROM certificates WHERE status = 'suspended' AND suspended_on IS NOT NULL AND id <> $c")
	[ -n "$others" ] || fail "setup: no other suspended certificates"
	one=${others%% *}
	two=$(cut -d' ' -f2 <<<"$others")
	status_post "$a" "$two" cancel --data-urlencode "reason=企业停止该业务"
	expect_status 409 "cancelling while suspended"
	status_post "$s" "$two" reinstate --data-urlencode "reason=监督审核已补做"
	expect_status 303 "reinstated first"
	status_post "$a" "$two" cancel --data-urlencode "reason=企业停止该业务"
	expect_status 303 "the holder cancels"
	expect_eq "$(cert_status "$two")" cancelled "cancelled"
	status_post "$s" "$two" reinstate --data-urlencode "reason=x"
	expect_status 409 "reinstating a cancelled certificate"
	tick "$(sql "SELECT (suspended_on + 184)::text FROM certificates WHERE id = $one")"
	expect_eq "$(cert_status "$one")" withdrawn "withdrawn after six months suspended"
	expect_eq "$(sql "SELECT reason_code FROM certificate_history WHERE certificate_id = $one AND to_value = 'withdrawn'")" suspension_too_long "the reason"
	expect_eq "$(cert_status "$c")" valid "the reinstated one is not touched"
	status_post "$s" "$one" reinstate --data-urlencode "reason=x"
	expect_status 409 "reinstating a withdrawn certificate"
	expect_body '不允许此操作'
}

test_88w_a_certificate_kept_up_ends_expired() {
	local c=$(cat "$TMP/main-cert") s=$(jar supervisor)
	# The second surveillance goes overdue and is settled too; then the end of validity.
	tick "$(sql "SELECT (surveillance2_due + 31)::text FROM certificates WHERE id = $c")"
	expect_eq "$(cert_status "$c")" suspended "suspended at the second surveillance"
	status_post "$s" "$c" reinstate --data-urlencode "reason=第二次监督审核通过"
	expect_status 303
	tick "$(sql "SELECT (expiry_date + 1)::text FROM certificates WHERE id = $c")"
	expect_eq "$(cert_status "$c")" expired "expired"
	expect_eq "$(sql "SELECT string_agg(coalesce(to_value, ''), ',' ORDER BY id) FROM certificate_history WHERE certificate_id = $c AND change = 'status'")" \
		"suspended,valid,suspended,valid,expired" "the whole life"
	http GET "/verify/$(sql "SELECT number FROM certificates WHERE id = $c")"
	expect_body '过期'
	status_post "$s" "$c" suspend --data "reason_code=misuse" --data-urlencode "reason=x"
	expect_status 409 "suspending an expired certificate"
}
