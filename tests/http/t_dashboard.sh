# t_dashboard.sh: each role's dashboard shows its own work and nothing of
# others'; the counts and charts of the snapshot are the database's.
# The work is made directly in the database (two organizations, a team of
# staff of their own) and removed at the end, so the tests after these
# find the database as they would have.


# dash_app MARK: the id of the fixture application whose scope is MARK.
dash_app() { sql "SELECT id FROM applications WHERE scope = '$1'"; }
# dash_audit MARK: the audit of that application.
dash_audit() { sql "SELECT id FROM audits WHERE application_id = $(dash_app "$1")"; }

# dashboard JAR: GET /dashboard as that browser.
dashboard() { http GET /dashboard -b "$1"; }

# panel ID: the part of the last page from the panel with that id to the next
# panel (or the end) into PANEL, for expect_panel and expect_no_panel.
panel() {
	PANEL="$TMP/panel"
	awk -v id="id=\"$1\"" 'index($0, "<section class=\"panel") && on { exit }
		index($0, id) { on = 1 } on' "$BODY" >"$PANEL"
	[ -s "$PANEL" ] || fail "no panel $1"
}
expect_panel() { grep -qF -- "$1" "$PANEL" || fail "panel lacks: $1"; }
expect_no_panel() { ! grep -qF -- "$1" "$PANEL" || fail "panel should not contain: $1"; }

# refresh_figures: make the snapshot stale, so that the next dashboard recomputes it.
refresh_figures() { sql "UPDATE dashboard_snapshot SET computed_at = '2000-01-01'" >/dev/null; }

test_85_da_setup_dashboards() {
	local u
	DASH_A=$(credit_code 91110000100008501)
	DASH_B=$(credit_code 91110000100008502)
	register "$(jar dash-a)" "仪表甲电器有限公司" "$DASH_A" dash-a@test.example
	expect_status 303 "registration of A"
	register "$(jar dash-b)" "仪表乙家具有限公司" "$DASH_B" dash-b@test.example
	expect_status 303 "registration of B"
	for u in rev1:reviewer rev2:reviewer aud1:auditor aud2:auditor eva:evaluator \
	    sup:supervisor sup2:supervisor,evaluator; do
		add_user "dash-${u%%:*}@test.example" "仪表${u%%:*}" "${u#*:}" "$STAFF_PASSWORD" >/dev/null ||
			fail "add ${u%%:*}"
	done
	# Organization A: a draft, a supplement request, one held in review for
	# 20 days, plans to confirm, nonconformities, a report to evaluate, one
	# to decide, one to plan, a certificate with surveillance falling due
	# and a suspended one near its withdrawal.  B: the same kinds of work.
	psql_owner -q <<'SQL' || fail "fixtures"
DO $$
DECLARE
	a bigint := (SELECT id FROM organizations WHERE name = '仪表甲电器有限公司');
	b bigint := (SELECT id FROM organizations WHERE name = '仪表乙家具有限公司');
	ua bigint := (SELECT id FROM users WHERE email = 'dash-a@test.example');
	ub bigint := (SELECT id FROM users WHERE email = 'dash-b@test.example');
	rev1 bigint := (SELECT id FROM users WHERE email = 'dash-rev1@test.example');
	rev2 bigint := (SELECT id FROM users WHERE email = 'dash-rev2@test.example');
	aud1 bigint := (SELECT id FROM users WHERE email = 'dash-aud1@test.example');
	aud2 bigint := (SELECT id FROM users WHERE email = 'dash-aud2@test.example');
	sup2 bigint := (SELECT id FROM users WHERE email = 'dash-sup2@test.example');
	today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
	app bigint;
	au bigint;
	cert bigint;
BEGIN
	INSERT INTO applications (organization_id, kind, state, created_by, scope)
	VALUES (a, 'initial', 'draft', ua, 'dash:a-draft'), (b, 'initial', 'draft', ub, 'dash:b-draft');
	INSERT INTO applications (organization_id, kind, state, created_by, scope, submitted_at, queued_at)
	VALUES (a, 'initial', 'supplement_needed', ua, 'dash:a-supplement', now() - interval '9 days', now() - interval '9 days')
	RETURNING id INTO app;
	INSERT INTO review_rounds (application_id, round, opened_by, outcome, comment, closed_at, closed_by)
	VALUES (app, 1, ua, 'supplement', '请补充', now() - interval '2 days', rev1);
	INSERT INTO supplement_items (application_id, round, material_id, comment)
	SELECT app, 1, id, '请重新上传' FROM material_items ORDER BY id LIMIT 2;
	INSERT INTO applications (organization_id, kind, state, created_by, scope, submitted_at, queued_at, reviewer_id)
	VALUES (a, 'initial', 'in_review', ua, 'dash:a-held', now() - interval '20 days', now() - interval '20 days', rev1),
	       (b, 'initial', 'in_review', ub, 'dash:b-held', now() - interval '3 days', now() - interval '3 days', rev2),
	       (b, 'initial', 'submitted', ub, 'dash:b-queued', now() - interval '30 days', now() - interval '30 days', NULL);
	INSERT INTO applications (organization_id, kind, state, created_by, scope, submitted_at, queued_at, decided_at, mandays_halfdays)
	SELECT o, 'initial', 'accepted', u, m, now() - interval '60 days', now() - interval '60 days',
	       now() - interval '50 days', 4
	FROM (VALUES (a, ua, 'dash:a-plan'), (a, ua, 'dash:a-confirmed'), (a, ua, 'dash:a-reported'),
	             (a, ua, 'dash:a-evaluated'), (a, ua, 'dash:a-to-plan'), (a, ua, 'dash:a-certified'),
	             (a, ua, 'dash:a-suspended'), (b, ub, 'dash:b-plan'), (b, ub, 'dash:b-confirmed')) x (o, u, m);
	-- Audits: planned ones wait for the applicant, in ten days; the others went on.
	INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays, scheme_version,
	    planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
	SELECT ap.id, x.st, today + x.d, today + x.d + 1, 4, 1, aud1,
	       CASE WHEN x.st <> 'planned' THEN now() END, CASE WHEN x.st <> 'planned' THEN ap.created_by END,
	       CASE WHEN x.st IN ('reported', 'evaluated', 'decided') THEN now() - interval '1 day' END,
	       CASE WHEN x.st IN ('reported', 'evaluated', 'decided') THEN aud1 END
	FROM applications ap JOIN (VALUES ('dash:a-plan', 'planned', 10), ('dash:a-confirmed', 'confirmed', 1),
	    ('dash:a-reported', 'reported', -5), ('dash:a-evaluated', 'evaluated', -8),
	    ('dash:a-certified', 'decided', -400), ('dash:a-suspended', 'decided', -600),
	    ('dash:b-plan', 'planned', 12), ('dash:b-confirmed', 'confirmed', 2)) x (m, st, d) ON ap.scope = x.m;
	INSERT INTO audit_members (audit_id, user_id, leader)
	SELECT au2.id, CASE WHEN ap.organization_id = a THEN aud1 ELSE aud2 END, true
	FROM audits au2 JOIN applications ap ON ap.id = au2.application_id WHERE ap.scope LIKE 'dash:%';
	INSERT INTO evaluations (audit_id, evaluator_id, recommendation, level, final_tenths)
	SELECT au2.id, sup2, 'certify', 'four_star', 920 FROM audits au2
	JOIN applications ap ON ap.id = au2.application_id WHERE ap.scope = 'dash:a-evaluated';
	-- Nonconformities: A's open one is past due, its returned one due in 5 days, one answered; B's open.
	INSERT INTO nonconformities (audit_id, indicator_code, description, severity, due_date, state, raised_by)
	SELECT au2.id, 'repair', x.descr, x.sev, today + x.d, x.st, aud1
	FROM audits au2 JOIN applications ap ON ap.id = au2.application_id
	JOIN (VALUES ('dash:a-confirmed', '甲维修记录缺失', 'serious', -3, 'open'),
	             ('dash:a-confirmed', '甲回访记录缺失', 'general', 5, 'returned'),
	             ('dash:a-confirmed', '甲培训记录缺失', 'general', 7, 'answered'),
	             ('dash:b-confirmed', '乙投诉记录缺失', 'general', -1, 'open')) x (m, descr, sev, d, st)
	ON ap.scope = x.m;
	-- A's certificates: one valid (issued 400 days ago: surveillance falls due in 30 days),
	-- one suspended 170 days ago (withdrawn by the tick in 14 days).
	INSERT INTO certificates (number, organization_id, application_id, audit_id, status, suspended_on,
	    issue_date, expiry_date, surveillance1_due, surveillance2_due)
	SELECT 'DASH-' || x.n, a, ap.id, au2.id, x.st, x.susp, today - x.age, today - x.age + 1095,
	       today - x.age + 430, today - x.age + 795
	FROM applications ap JOIN audits au2 ON au2.application_id = ap.id
	JOIN (VALUES ('dash:a-certified', '0001', 'valid', NULL::date, 400),
	             ('dash:a-suspended', '0002', 'suspended', today - 170, 600)) x (m, n, st, susp, age)
	ON ap.scope = x.m;
	INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address, scope,
	    standard, level, issue_date, expiry_date)
	SELECT c.id, 1, '仪表甲电器有限公司', o.credit_code, o.address, '家电', 'GB/T 27922-2011', 'five_star',
	       c.issue_date, c.expiry_date
	FROM certificates c JOIN organizations o ON o.id = c.organization_id WHERE c.number LIKE 'DASH-%';
	INSERT INTO surveillance_cases (certificate_id, kind, due_date, opened_on)
	SELECT id, 'surveillance_1', surveillance1_due, today FROM certificates WHERE number = 'DASH-0001';
END
$$;
SQL
	refresh_figures
	for u in a b; do login "$(jar "dash-$u")" "dash-$u@test.example" applicant-password; done
	for u in rev1 rev2 aud1 aud2 eva sup sup2; do
		login "$(jar "dash-$u")" "dash-$u@test.example" "$STAFF_PASSWORD"
		expect_status 303 "sign-in as $u"
		expect_eq "$(header Location)" /dashboard "after signing in"
	done
}

test_85_db_the_dashboard_is_where_signed_in_users_land() {
	http GET / -b "$(jar dash-a)"
	expect_status 303 "home when signed in"
	expect_eq "$(header Location)" /dashboard "home sends to the dashboard"
	http GET '/?done=registered' -b "$(jar dash-a)"
	expect_eq "$(header Location)" '/dashboard?done=registered' "the notice goes along"
	http GET '/?done=%0d%0aX:y' -b "$(jar dash-a)"
	expect_eq "$(header Location)" /dashboard "anything else does not"
	http GET /
	expect_status 200 "home for the anonymous"
	expect_body '认证流程'
	http GET /dashboard
	expect_status 401 "no dashboard without signing in"
	dashboard "$(jar dash-a)"
	expect_status 200
	expect_header 'Cache-Control: no-store'
	expect_body 'href="/dashboard"'
}

test_85_dc_an_applicant_sees_its_own_work_and_nothing_of_others() {
	local a=$(jar dash-a) nc
	dashboard "$a"
	expect_status 200
	expect_body '欢迎，李四'
	expect_body '等待您处理'
	expect_body "href=\"/applications/$(dash_app dash:a-draft)\""
	expect_body "href=\"/applications/$(dash_app dash:a-supplement)#supplement\""
	expect_body '2 项待补充'
	expect_body "href=\"/audits/$(dash_audit dash:a-plan)#plan\""
	nc=$(sql "SELECT id FROM nonconformities WHERE description = '甲维修记录缺失'")
	expect_body "href=\"/audits/$(dash_audit dash:a-confirmed)#nc-$nc\""
	expect_body '已逾期 3 天'
	nc=$(sql "SELECT id FROM nonconformities WHERE description = '甲回访记录缺失'")
	expect_body "#nc-$nc\""
	expect_body '剩 5 天'
	# Answered, it waits for the auditors, not for the applicant.
	expect_no_body "#nc-$(sql "SELECT id FROM nonconformities WHERE description = '甲培训记录缺失'")\""
	expect_body 'DASH-0001'
	expect_body "$(sql "SELECT surveillance1_due FROM certificates WHERE number = 'DASH-0001'")"
	# Nothing of B's, nothing of the staff's.
	expect_no_body "href=\"/applications/$(dash_app dash:b-draft)\""
	expect_no_body "$(dash_audit dash:b-plan)#plan"
	expect_no_body "#nc-$(sql "SELECT id FROM nonconformities WHERE description = '乙投诉记录缺失'")\""
	expect_no_body '仪表乙家具有限公司'
	expect_no_body 'id="waiting"'
	expect_no_body 'id="figures"'
	expect_no_body 'id="calendar"'
	dashboard "$(jar dash-b)"
	expect_body "href=\"/applications/$(dash_app dash:b-draft)\""
	expect_body "$(dash_audit dash:b-plan)#plan"
	expect_no_body "href=\"/applications/$(dash_app dash:a-draft)\""
	expect_no_body 'DASH-0001'
	expect_no_body '仪表甲电器有限公司'
	http GET /dashboard -b "$(jar dash-b)" -b lang=en
	expect_body 'Waiting for you'
	expect_body 'Confirm the audit plan'
}

test_85_dd_a_reviewer_sees_what_they_hold_and_the_queue() {
	local held_a held_b
	held_a=$(dash_app dash:a-held)
	held_b=$(dash_app dash:b-held)
	dashboard "$(jar dash-rev1)"
	expect_status 200
	panel waiting
	expect_panel 'id="wait-review_held"'
	expect_panel "href=\"/applications/$held_a\""
	expect_no_panel "href=\"/applications/$held_b\""
	expect_panel '已等待 20 天'
	expect_panel 'id="wait-review_next"'
	expect_panel "href=\"/applications/$(dash_app dash:b-queued)\""
	# A reviewer acts on neither audits nor decisions.
	expect_no_panel 'id="wait-decide"'
	expect_no_panel 'id="wait-audit_team"'
	expect_no_body 'id="figures"'
	# Held for 20 days: overdue for every reviewer to see.
	panel overdue
	expect_panel 'id="late-review"'
	expect_panel "href=\"/applications/$held_a\""
	dashboard "$(jar dash-rev2)"
	panel waiting
	expect_panel "href=\"/applications/$held_b\""
	expect_no_panel "href=\"/applications/$held_a\""
}

test_85_de_an_auditor_sees_their_audits_and_answers_to_verify() {
	local plan nc
	plan=$(dash_audit dash:a-plan)
	nc=$(sql "SELECT id FROM nonconformities WHERE description = '甲培训记录缺失'")
	dashboard "$(jar dash-aud1)"
	expect_status 200
	panel waiting
	expect_panel 'id="wait-audit_team"'
	expect_panel "href=\"/audits/$plan\""
	expect_panel "href=\"/audits/$(dash_audit dash:a-confirmed)\""
	expect_panel '组长'
	expect_panel 'id="wait-nc_verify"'
	expect_panel "#nc-$nc\""
	expect_no_panel "href=\"/audits/$(dash_audit dash:b-plan)\""
	# The calendar marks their own audits.
	panel calendar
	expect_panel "cal-audit-planned is-mine\"><a href=\"/audits/$plan\""
	dashboard "$(jar dash-aud2)"
	panel waiting
	expect_panel "href=\"/audits/$(dash_audit dash:b-plan)\""
	expect_no_panel "href=\"/audits/$plan\""
	expect_no_panel 'id="wait-nc_verify"'
	panel calendar
	expect_panel "href=\"/audits/$plan\""
	expect_no_panel "is-mine\"><a href=\"/audits/$plan\""
	# A snapshot made before Monday 00:00 counts its days from the Monday
	# before: the audit still stands on its own date.
	sql "UPDATE dashboard_items SET ord = ord + 7 WHERE part = 'cal';
	     UPDATE dashboard_snapshot SET computed_at = now()" >/dev/null
	dashboard "$(jar dash-aud2)"
	panel calendar
	grep -A1 -F "datetime=\"$(sql "SELECT start_date FROM audits WHERE id = $plan")\"" "$PANEL" |
		grep -qF "href=\"/audits/$plan\"" || fail "the audit is not on its date"
	refresh_figures
}

test_85_df_evaluators_and_supervisors_see_what_they_may_do() {
	local reported evaluated
	reported=$(dash_audit dash:a-reported)
	evaluated=$(dash_audit dash:a-evaluated)
	dashboard "$(jar dash-eva)"
	panel waiting
	expect_panel "href=\"/audits/$reported#evaluation\""
	expect_no_panel 'id="wait-decide"'
	# A team member may not evaluate: the report is not theirs to evaluate.
	sql "UPDATE users SET roles = roles | 8 WHERE email = 'dash-aud1@test.example'" >/dev/null
	dashboard "$(jar dash-aud1)"
	panel waiting
	expect_no_panel "href=\"/audits/$reported#evaluation\""
	sql "UPDATE users SET roles = 4 WHERE email = 'dash-aud1@test.example'" >/dev/null
	dashboard "$(jar dash-sup)"
	expect_status 200
	panel waiting
	expect_panel "href=\"/audits/$evaluated#decision\""
	expect_panel '建议：四星级'
	expect_panel "href=\"/applications/$(dash_app dash:a-to-plan)/audit\""
	expect_panel "href=\"/surveillance/$(sql "SELECT s.id FROM surveillance_cases s JOIN certificates c ON c.id = s.certificate_id WHERE c.number = 'DASH-0001'")/audit\""
	expect_no_panel "href=\"/applications/$(dash_app dash:a-plan)/audit\""
	panel overdue
	expect_panel 'id="late-withdrawal"'
	expect_panel "href=\"/certificates/$(sql "SELECT id FROM certificates WHERE number = 'DASH-0002'")\""
	expect_panel '将被撤销（14 天后）'
	expect_panel 'id="late-nc"'
	panel figures
	expect_panel '<svg class="chart-svg"'
	# The evaluator of that audit, a supervisor too, may not decide it.
	dashboard "$(jar dash-sup2)"
	panel waiting
	expect_no_panel "href=\"/audits/$evaluated#decision\""
	expect_panel "href=\"/audits/$reported#evaluation\""
}

test_85_dg_the_monthly_report_is_recalled_until_the_tenth() {
	local day month
	day=$(TZ=Asia/Shanghai date +%-d)
	month=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -1 month" +%Y-%m)
	dashboard "$(jar dash-sup)"
	if [ "$day" -le 10 ]; then
		expect_body "href=\"/reports/monthly?month=$month\""
	else
		expect_no_body 'href="/reports/monthly'
	fi
	dashboard "$(jar dash-rev1)"
	expect_no_body 'href="/reports/monthly'
}

test_85_dh_the_figures_are_the_databases() {
	local valid suspended issued stage
	refresh_figures
	dashboard "$(jar dash-sup)"
	expect_status 200
	valid=$(sql "SELECT count(*) FROM certificates WHERE status = 'valid' AND expiry_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date")
	suspended=$(sql "SELECT count(*) FROM certificates WHERE status = 'suspended'")
	issued=$(sql "SELECT count(*) FROM certificates WHERE to_char(issue_date, 'YYYY-MM') = to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')")
	# The data tables beside the charts.
	expect_body "<tr><th scope=\"row\">有效</th><td class=\"num\">$valid</td></tr>"
	expect_body "<tr><th scope=\"row\">暂停</th><td class=\"num\">$suspended</td></tr>"
	expect_body "<tr><th scope=\"row\">$(TZ=Asia/Shanghai date +%Y-%m)</th><td class=\"num\">$issued</td></tr>"
	stage=$(sql "SELECT count(*) FROM applications WHERE state = 'accepted' AND NOT audit_planned")
	grep -q "dash-stage-to_plan\"><a href=\"/audits\"><span class=\"dash-stage-n\">$stage<" "$BODY" ||
		fail "accepted to plan: $stage"
	# A new certificate shows once the snapshot is made again, not before.
	sql "UPDATE certificates SET status = 'withdrawn' WHERE number = 'DASH-0001'" >/dev/null
	dashboard "$(jar dash-sup)"
	expect_body "<tr><th scope=\"row\">有效</th><td class=\"num\">$valid</td></tr>"
	refresh_figures
	dashboard "$(jar dash-sup)"
	expect_body "<tr><th scope=\"row\">有效</th><td class=\"num\">$((valid - 1))</td></tr>"
	sql "UPDATE certificates SET status = 'valid' WHERE number = 'DASH-0001'" >/dev/null
	# An audit planned leaves the list of applications to plan at once.
	expect_eq "$(sql "SELECT audit_planned FROM applications WHERE scope = 'dash:a-plan'")" t "marked by its audit"
	expect_eq "$(sql "SELECT audit_planned FROM applications WHERE scope = 'dash:a-to-plan'")" f "not yet"
	# Admins see the figures, not the work.
	dashboard "$(jar admin)"
	expect_body 'id="figures"'
	expect_body 'id="stages"'
	expect_no_body 'id="waiting"'
	expect_no_body 'id="calendar"'
	http GET /dashboard -b "$(jar dash-sup)" -b lang=en
	expect_body 'Certificates by status'
	expect_body '<th scope="row">Valid</th>'
}

test_85_dz_dashboard_fixtures_removed() {
	psql_owner -q <<'SQL' || fail "cleanup"
BEGIN;
CREATE TEMPORARY TABLE dash_apps AS SELECT id FROM applications WHERE scope LIKE 'dash:%';
DELETE FROM surveillance_cases WHERE certificate_id IN (SELECT id FROM certificates WHERE number LIKE 'DASH-%');
DELETE FROM certificate_versions WHERE certificate_id IN (SELECT id FROM certificates WHERE number LIKE 'DASH-%');
DELETE FROM certificates WHERE number LIKE 'DASH-%';
DELETE FROM audits WHERE application_id IN (SELECT id FROM dash_apps);
DELETE FROM review_rounds WHERE application_id IN (SELECT id FROM dash_apps);
DELETE FROM applications WHERE id IN (SELECT id FROM dash_apps);
UPDATE dashboard_snapshot SET computed_at = '2000-01-01';
COMMIT;
SQL
	expect_eq "$(sql "SELECT count(*) FROM applications WHERE scope LIKE 'dash:%'")" 0 "fixtures left"
	expect_eq "$(sql "SELECT count(*) FROM audits")" 0 "audits left"
	expect_eq "$(sql "SELECT count(*) FROM certificates")" 0 "certificates left"
}
