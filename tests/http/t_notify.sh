# t_notify.sh: notifications: the inbox, written in the step's transaction, and
# e-mail through the outbox sent by starcertctl mail (against tests/http/smtp_sink.py).
# It runs after t_review.sh … t_recert.sh and uses their users and helpers.

uid_of() { sql "SELECT id FROM users WHERE email = '$1'"; }
# notes_of EMAIL KIND LINK: how many notifications of kind about LINK the user has.
notes_of() { sql "SELECT count(*) FROM notifications WHERE user_id = $(uid_of "$1") AND kind = '$2' AND link = '$3'"; }

# mailctl: starcertctl mail; its output into MAIL.
mailctl() {
	MAIL=$(STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		STARCERT_SHARE="$STARCERT_SHARE_DIR" STARCERT_PUBLIC_URL="http://portal.test" \
		ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" mail 2>"$TMP/mail.err") ||
		fail "starcertctl mail failed: $(cat "$TMP/mail.err")"
}

SMTP_PORT=$((20000 + RANDOM % 12000))	# below the ephemeral ports (32768-)
# sink [--fail]: (re)start the SMTP sink on SMTP_PORT, messages into $TMP/sink.
sink() {
	sink_stop
	python3 "$(dirname "${BASH_SOURCE[0]}")/smtp_sink.py" "$SMTP_PORT" "$TMP/sink" "$@" &
	echo $! >"$TMP/sink.pid"
	wait_for bash -c "exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT" 2>/dev/null
}
sink_stop() {
	[ -f "$TMP/sink.pid" ] && kill "$(cat "$TMP/sink.pid")" 2>/dev/null && wait "$(cat "$TMP/sink.pid")" 2>/dev/null
	rm -f "$TMP/sink.pid"
	return 0
}

test_88zn1_a_step_and_its_notification_commit_together() {
	local a=$(jar rv-applicant) r=$(jar rv-reviewer) o=$(jar rv-other) app profile id
	local -a args
	app=$(submitted_application "$a")
	echo "$app" >"$TMP/nt-app"
	profile=$(material_id company_profile)
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	expect_status 303 "take"
	mapfile -t args < <(verdicts_all_accepted company_profile)

	# A failure at commit (after the notification was written) loses the step and the notification.
	sql "CREATE FUNCTION pg_temp_fail() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN RAISE EXCEPTION 'commit refused'; END \$\$;
	     CREATE CONSTRAINT TRIGGER notify_fails AFTER INSERT ON notifications DEFERRABLE INITIALLY DEFERRED
	     FOR EACH ROW EXECUTE FUNCTION pg_temp_fail()" >/dev/null
	review "$r" "$app" supplement "${args[@]}" --data "verdict_$profile=supplement" \
		--data-urlencode "comment_$profile=请补充市场数据"
	sql "DROP TRIGGER notify_fails ON notifications; DROP FUNCTION pg_temp_fail()" >/dev/null
	expect_status 500 "the commit failed"
	expect_eq "$(state_of "$app")" in_review "the step rolled back"
	expect_eq "$(sql "SELECT count(*) FROM notifications WHERE link = '/applications/$app'")" 0 "no notification"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE object_id = $app AND action = 'application.supplement_requested'")" 0 "no event"

	review "$r" "$app" supplement "${args[@]}" --data "verdict_$profile=supplement" \
		--data-urlencode "comment_$profile=请补充市场数据"
	expect_status 303 "supplement requested"
	expect_eq "$(notes_of rv@test.example application.supplement_requested "/applications/$app")" 1 "the applicant is told"
	expect_eq "$(notes_of reviewer@test.example application.supplement_requested "/applications/$app")" 0 "the actor is not"
	expect_eq "$(sql "SELECT count(*) FROM notifications WHERE user_id = $(uid_of rv-other@test.example)")" 0 "another organization is not"

	# The header counts it; the inbox shows it in the reader's language.
	http GET /applications -b "$a"
	expect_body 'class="unread-count"'
	http GET /notifications -b "$a"
	expect_body '请补充申请材料'
	expect_body "#$app 评审测试电器有限公司"
	id=$(sql "SELECT id FROM notifications WHERE link = '/applications/$app' AND kind = 'application.supplement_requested'")
	http GET /lang/en -b "$a" -c "$a"
	http GET /notifications -b "$a"
	expect_body 'Please supplement your application'
	http GET /lang/zh -b "$a" -c "$a"

	# Only its reader opens it: marked read, then where it leads.
	FORM_PAGE=/notifications post "$o" "/notifications/$id/read"
	expect_status 404 "someone else's notification"
	expect_eq "$(sql "SELECT read_at IS NULL FROM notifications WHERE id = $id")" t "still unread"
	FORM_PAGE=/notifications post "$a" "/notifications/$id/read"
	expect_status 303 "opened"
	expect_header Location "/applications/$app"
	expect_eq "$(sql "SELECT read_at IS NOT NULL FROM notifications WHERE id = $id")" t "read"
	FORM_PAGE=/notifications post "$a" /notifications/read --data "upto=$(sql "SELECT max(id) FROM notifications")"
	expect_status 303 "all read"
	expect_eq "$(sql "SELECT count(*) FROM notifications WHERE user_id = $(uid_of rv@test.example) AND read_at IS NULL")" 0 "nothing unread"
	http GET /notifications -b "$a"
	expect_no_body 'class="unread-count"'
	FORM_PAGE=/notifications post "$a" /notifications/read --data "upto=abc"
	expect_status 400 "a junk upto"
}

test_88zn2_each_step_tells_whom_it_asks() {
	local a=$(jar rv-applicant) app c
	app=$(cat "$TMP/nt-app")
	# The applicant resubmits: the reviewer holding it is told.
	upload "$a" "$app" "$(material_id company_profile)" "$TMP/licence.pdf" profile2.pdf
	FORM_PAGE=/applications/$app post "$a" "/applications/$app/supplement" --data "action=resubmit" --data "version=$(version_of "$app")"
	expect_status 303 "resubmitted"
	expect_eq "$(notes_of reviewer@test.example application.resubmitted "/applications/$app")" 1 "the reviewer is told"
	# The daily tick tells holders of surveillance falling due and of expiry, once.
	c=$(fresh_certificate)
	tick "$(sql "SELECT (surveillance1_due - 30)::text FROM certificates WHERE id = $c")"
	expect_eq "$(sql "SELECT count(*) FROM notifications WHERE link = '/certificates/$c' AND kind = 'surveillance.opened'")" "$(sql "SELECT count(*) FROM users WHERE organization_id = (SELECT organization_id FROM certificates WHERE id = $c)")" "each user of the holder"
	tick "$(sql "SELECT (expiry_date - 100)::text FROM certificates WHERE id = $c")"
	expect_eq "$(sql "SELECT count(*) FROM notifications WHERE link = '/certificates/$c' AND kind = 'certificate.expiry_ahead'")" 1 "expiry ahead"
	tick "$(sql "SELECT (expiry_date - 99)::text FROM certificates WHERE id = $c")"
	expect_eq "$(sql "SELECT count(*) FROM notifications WHERE link = '/certificates/$c' AND kind = 'certificate.expiry_ahead'")" 1 "told once"
}

test_88zn3_mail_goes_through_the_outbox_with_retries() {
	local a=$(jar rv-applicant) r=$(jar rv-reviewer) app profile ob f
	local -a args
	STARCERT_SHARE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	# No server configured: the inbox only.
	expect_eq "$(sql "SELECT count(*) FROM outbox")" 0 "no e-mail without smtp_url"
	sql "INSERT INTO settings (key, value) VALUES ('smtp_url', 'smtp://127.0.0.1:$SMTP_PORT'), ('smtp_from', 'portal@starcert.test'), ('mail_max_attempts', '3')" >/dev/null
	sleep 6	# the workers' settings cache

	app=$(submitted_application "$a")
	profile=$(material_id company_profile)
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	mapfile -t args < <(verdicts_all_accepted company_profile)
	review "$r" "$app" supplement "${args[@]}" --data "verdict_$profile=supplement" --data-urlencode "comment_$profile=再补充"
	expect_status 303 "supplement requested"
	ob=$(sql "SELECT o.id FROM outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.link = '/applications/$app'")
	[ -n "$ob" ] || fail "an e-mail queued in the step's transaction"
	expect_eq "$(sql "SELECT to_addr FROM outbox WHERE id = $ob")" rv@test.example "to the applicant"

	# The server is down: kept, tried again later.
	sink_stop
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 1 to retry, 0 failed for good" "server down"
	expect_eq "$(sql "SELECT attempts || ' ' || (sent_at IS NULL) || ' ' || (next_attempt_at > now()) || ' ' || (last_error <> '') FROM outbox WHERE id = $ob")" "1 true true true" "kept for a retry"
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 0 to retry, 0 failed for good" "not due yet"
	# The server refuses it: the same again.
	sink --fail
	sql "UPDATE outbox SET next_attempt_at = now() WHERE id = $ob" >/dev/null
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 1 to retry, 0 failed for good" "server refuses"
	expect_eq "$(sql "SELECT attempts FROM outbox WHERE id = $ob")" 2 "second attempt"
	expect_eq "$(sql "SELECT last_error <> '' FROM outbox WHERE id = $ob")" t "the error kept"
	# The server works: sent once, in the reader's language.
	sink
	sql "UPDATE outbox SET next_attempt_at = now() WHERE id = $ob" >/dev/null
	mailctl
	expect_eq "$MAIL" "mail: 1 sent, 0 to retry, 0 failed for good" "sent"
	expect_eq "$(sql "SELECT attempts || ' ' || (sent_at IS NOT NULL) FROM outbox WHERE id = $ob")" "3 true" "marked sent"
	f=$(ls "$TMP/sink"/*.eml | head -n 1)
	python3 - "$f" "$app" >"$TMP/mail.check" 2>&1 <<-'PY' || fail "the e-mail: $(cat "$TMP/mail.check")"
	import email, email.header, email.policy, sys
	msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
	assert str(msg["To"]) == "rv@test.example", msg["To"]
	assert str(msg["From"]) == "portal@starcert.test", msg["From"]
	assert str(msg["Subject"]) == "请补充申请材料", str(msg["Subject"])
	body = msg.get_content()
	assert "http://portal.test/applications/" + sys.argv[2] in body, body
	assert "评审测试电器有限公司" in body, body
	PY
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 0 to retry, 0 failed for good" "sent once"

	# Given up after mail_max_attempts, yet kept.
	sink --fail
	sql "UPDATE outbox SET sent_at = NULL, attempts = 2, next_attempt_at = now() WHERE id = $ob" >/dev/null
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 0 to retry, 1 failed for good" "the last attempt"
	expect_eq "$(sql "SELECT failed || ' ' || attempts FROM outbox WHERE id = $ob")" "true 3" "kept as failed"
	# Far into its retries (more allowed): the wait stays at 6 hours and
	# the run goes on (2^38 minutes was no interval: every run stopped).
	sql "UPDATE settings SET value = '50' WHERE key = 'mail_max_attempts';
	     UPDATE outbox SET failed = false, attempts = 40, next_attempt_at = now() WHERE id = $ob" >/dev/null
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 1 to retry, 0 failed for good" "the 41st attempt"
	expect_eq "$(sql "SELECT attempts || ' ' || (next_attempt_at BETWEEN now() + interval '5 hours 59 minutes' AND now() + interval '6 hours 1 minute') FROM outbox WHERE id = $ob")" "41 true" "six hours later"
	sink_stop
	# Without an address for the links the mail waits, and says why.
	sql "UPDATE outbox SET next_attempt_at = now() WHERE id = $ob" >/dev/null
	if STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		STARCERT_SHARE="$STARCERT_SHARE_DIR" STARCERT_PUBLIC_URL= ASAN_OPTIONS=detect_leaks=0 \
		"$STARCERT_BUILD/starcertctl" mail >/dev/null 2>"$TMP/mail.err"; then
		fail "mail sent without an address for its links"
	fi
	grep -q 'public_base_url' "$TMP/mail.err" || fail "no reason given: $(cat "$TMP/mail.err")"
	expect_eq "$(sql "SELECT attempts FROM outbox WHERE id = $ob")" 41 "not tried"
	sql "UPDATE settings SET value = '3' WHERE key = 'mail_max_attempts'" >/dev/null

	# E-mail off: the inbox only.
	FORM_PAGE=/account post "$a" /account/settings --data "lang=zh"
	expect_status 303 "e-mail off"
	expect_eq "$(sql "SELECT email_notify FROM users WHERE email = 'rv@test.example'")" f "stored"
	FORM_PAGE=/account post "$a" /account/settings --data "lang=zh&email_notify=yes"
	expect_status 400 "a value the form does not offer"
	app=$(submitted_application "$a")
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	review "$r" "$app" supplement "${args[@]}" --data "verdict_$profile=supplement" --data-urlencode "comment_$profile=再补充"
	expect_status 303 "another supplement"
	expect_eq "$(sql "SELECT count(*) FROM notifications n LEFT JOIN outbox o ON o.notification_id = n.id WHERE n.link = '/applications/$app' AND o.id IS NULL")" 1 "a notification without e-mail"
	# What was queued before e-mail was turned off stays unsent.
	sink
	sql "UPDATE outbox SET failed = false, attempts = 0, next_attempt_at = now() WHERE id = $ob" >/dev/null
	mailctl
	expect_eq "$MAIL" "mail: 0 sent, 0 to retry, 0 failed for good" "nothing while e-mail is off"
	expect_eq "$(sql "SELECT sent_at IS NULL FROM outbox WHERE id = $ob")" t "still queued"
	sink_stop
	FORM_PAGE=/account post "$a" /account/settings --data "lang=zh&email_notify=1"
	expect_eq "$(sql "SELECT email_notify FROM users WHERE email = 'rv@test.example'")" t "on again"
	sql "DELETE FROM settings WHERE key IN ('smtp_url', 'smtp_from', 'mail_max_attempts')" >/dev/null
}

test_88zn4_smtp_settings_are_checked() {
	local ad=$(jar admin)
	http GET /admin/settings -b "$ad"
	expect_body 'name="smtp_url"'
	FORM_PAGE=/admin/settings post "$ad" /admin/settings --data "$(settings_form smtp_url=smtp://user:pw@mail.example.cn)"
	expect_status 422 "credentials in the URL"
	expect_body 'smtp:// 或 smtps://'
	FORM_PAGE=/admin/settings post "$ad" /admin/settings --data "$(settings_form smtp_url=http://mail.example.cn)"
	expect_status 422 "not SMTP"
	FORM_PAGE=/admin/settings post "$ad" /admin/settings --data "$(settings_form smtp_from=not-an-address)"
	expect_status 422 "a bad sender"
	expect_eq "$(sql "SELECT count(*) FROM settings WHERE key LIKE 'smtp%'")" 0 "nothing stored"
}

test_88zs_staff_search_finds_organizations_applications_and_certificates() {
	local r=$(jar rv-reviewer) a=$(jar rv-applicant) app code number long
	code=$(sql "SELECT credit_code FROM organizations WHERE name = '评审测试电器有限公司'")
	# The newest of each first: the organization has more than a page of both.
	app=$(sql "SELECT max(a.id) FROM applications a JOIN organizations o ON o.id = a.organization_id WHERE o.credit_code = '$code' AND a.state <> 'draft'")
	number=$(sql "SELECT c.number FROM certificates c JOIN organizations o ON o.id = c.organization_id WHERE o.credit_code = '$code' ORDER BY c.status = 'valid' DESC, c.id DESC LIMIT 1")
	http GET /applications -b "$r"
	expect_body 'action="/search"'
	http GET "/search?q=测试电器" -b "$r"
	expect_status 200 "part of a Chinese name"
	expect_body '评审测试电器有限公司'
	expect_body "href=\"/applications/$app\""
	expect_body "$number"
	http GET "/search?q=${code,,}" -b "$r"
	expect_body "<span class=\"muted mono\">$code</span>"
	expect_body "$number"
	app=$(cat "$TMP/rv-app")
	http GET "/search?q=%23$app" -b "$r"
	expect_status 200 "an application number"
	grep -o 'href="/applications/[0-9]*"' "$BODY" | head -n 1 | grep -q "/applications/$app\"" || fail "the numbered application first"
	http GET "/search?q=${number:0:8}" -b "$r"
	expect_body "$number"
	http GET "/search?q=%25" -b "$r"
	expect_status 200 "a LIKE wildcard is only text"
	expect_no_body '评审测试电器有限公司'
	http GET "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E" -b "$r"
	expect_body 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
	expect_no_body '<script>alert(1)'
	long=$(printf '测%.0s' $(seq 1 101))
	http GET "/search?q=$long" -b "$r"
	expect_status 400 "too long"
	expect_body '最多 100 个字符'
	http GET "/search?q=测试电器" -b "$a"
	expect_status 403 "applicants do not search the body's records"
	http GET /applications -b "$a"
	expect_no_body 'action="/search"'
}

test_88zt_the_admin_runs_the_daily_tick_and_sees_what_it_did() {
	local ad=$(jar admin)
	FORM_PAGE=/admin/settings post "$ad" /admin/tick
	expect_status 303 "the daily run"
	header Location | grep -q '^/admin/settings?done=tick&changes=[0-9]*#tick' || fail "back to the settings with the count: $(header Location)"
	http GET "$(header Location | sed 's/#.*//')" -b "$ad"
	expect_body '每日任务已运行完毕'
	expect_body 'href="/admin/events?action=tick"'
	expect_eq "$(sql "SELECT count(*) > 0 FROM events WHERE action = 'tick.run'")" t "recorded"
}
