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
	expect_eq "$TICK" "tick $(days_after "$c" 200): 0 expired, 0 surveillance opened, 0 overdue, 0 suspended, 0 withdrawn, 0 told of expiry" "the second run of a day"
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

# full_sheet VERSION: curl arguments scoring every indicator of that scheme at its maximum.
full_sheet() {
	local code max
	while IFS='|' read -r code max; do
		printf -- '--data\nkind_%s=points\n--data\npoints_%s=%s\n' "$code" "$code" "$max"
	done < <(sql "SELECT indicator_code || '|' || (points_tenths / 10.0)::numeric(5,1) FROM scheme_points WHERE version = $1")
}

test_88w_a_surveillance_audit_then_expiry() {
	local c=$(cat "$TMP/main-cert") s=$(jar supervisor) a=$(jar rv-applicant) l=$(jar aud-lead) e=$(jar evaluator)
	local case au outlet version
	local -a sheet_args
	# The second surveillance goes overdue: suspended; its audit is planned like any audit.
	tick "$(sql "SELECT (surveillance2_due + 31)::text FROM certificates WHERE id = $c")"
	expect_eq "$(cert_status "$c")" suspended "suspended at the second surveillance"
	case=$(sql "SELECT id FROM surveillance_cases WHERE certificate_id = $c AND kind = 'surveillance_2'")
	http GET "/certificates/$c" -b "$s"
	expect_body "href=\"/surveillance/$case/audit\""
	http GET "/surveillance/$case/audit" -b "$s"
	expect_status 200 "the plan form"
	expect_body '第二次监督审核'
	outlet=$(sql "SELECT min(o.id) FROM outlets o JOIN certificates c ON c.application_id = o.application_id WHERE c.id = $c AND o.kind = 'fixed'")
	FORM_PAGE=/surveillance/$case/audit post "$s" "/surveillance/$case/audit" \
		--data "start_date=2028-12-28&end_date=2028-12-29&leader=$(cat "$TMP/aud-lead")&outlet=$outlet&mandays=1.5"
	expect_status 303 "planned"
	au=$(sql "SELECT id FROM audits WHERE case_id = $case")
	expect_eq "$(sql "SELECT scheme_version FROM audits WHERE id = $au")" 2 "a new audit takes the newest scheme"
	expect_eq "$(sql "SELECT kind || ' ' || mandays_halfdays FROM audits WHERE id = $au")" "surveillance_2 3" "the surveillance audit"
	FORM_PAGE=/certificates/$c post "$s" "/surveillance/$case/audit" \
		--data "start_date=2028-12-28&end_date=2028-12-29&leader=$(cat "$TMP/aud-lead")&outlet=$outlet&mandays=1.5"
	expect_status 409 "one audit per case"
	FORM_PAGE=/audits/$au post "$a" "/audits/$au/confirm" --data "version=$(audit_version "$au")"
	expect_status 303 "confirmed by the holder"
	mapfile -t sheet_args < <(full_sheet "$(sql "SELECT scheme_version FROM audits WHERE id = $au")")
	FORM_PAGE=/audits/$au post "$l" "/audits/$au/sheet" --data "version=$(audit_version "$au")" "${sheet_args[@]}"
	expect_status 303 "the sheet"
	FORM_PAGE=/audits/$au post "$l" "/audits/$au/report" --data "version=$(audit_version "$au")"
	expect_status 303 "reported"
	FORM_PAGE=/audits/$au post "$e" "/audits/$au/evaluate" --data "version=$(audit_version "$au")&recommendation=certify&level=five_star"
	expect_status 303 "evaluated"
	version=$(sql "SELECT version FROM certificates WHERE id = $c")
	FORM_PAGE=/audits/$au post "$s" "/audits/$au/decide" --data "version=$(audit_version "$au")&outcome=approved"
	expect_status 303 "decided"
	# Kept, at the new level in a new version, valid again; the surveillance is done.
	expect_eq "$(sql "SELECT c.status || ' ' || c.version || ' ' || v.level FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = c.version WHERE c.id = $c")" \
		"valid $((version + 1)) five_star" "the certificate after the surveillance"
	expect_eq "$(sql "SELECT state FROM surveillance_cases WHERE id = $case")" done "the case"
	expect_eq "$(sql "SELECT from_value || ' -> ' || to_value FROM certificate_history WHERE certificate_id = $c AND change = 'level'")" "four_star -> five_star" "the level change"
	http GET "/verify/$(sql "SELECT number FROM certificates WHERE id = $c")"
	expect_body '五星级'
	# Left alone to the end of its validity: expired.
	tick "$(sql "SELECT (expiry_date + 1)::text FROM certificates WHERE id = $c")"
	expect_eq "$(cert_status "$c")" expired "expired"
	expect_eq "$(sql "SELECT string_agg(coalesce(to_value, ''), ',' ORDER BY id) FROM certificate_history WHERE certificate_id = $c AND change = 'status'")" \
		"suspended,valid,suspended,valid,expired" "the whole life"
	http GET "/verify/$(sql "SELECT number FROM certificates WHERE id = $c")"
	expect_body '过期'
	status_post "$s" "$c" suspend --data "reason_code=misuse" --data-urlencode "reason=x"
	expect_status 409 "suspending an expired certificate"
}
