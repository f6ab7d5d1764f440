# t_recert.sh: special surveillance and recertification.
# It continues with the certificates of t_certificate.sh and t_lifecycle.sh.

# evaluated_audit APP: an accepted application with an audit evaluated "certify"
# (the stages before the decision are those tested in t_review.sh and t_audit.sh); echoes the audit.
evaluated_audit() {
	sql "UPDATE applications SET state = 'accepted', submitted_at = coalesce(submitted_at, now()) WHERE id = $1" >/dev/null
	sql "WITH au AS (INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays,
		scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
		SELECT id, 'evaluated', '2027-03-01', '2027-03-02', 4, 1, created_by, now(), created_by, now(), created_by
		FROM applications WHERE id = $1 RETURNING id)
	     INSERT INTO evaluations (audit_id, evaluator_id, recommendation, level, final_tenths)
	     SELECT id, (SELECT id FROM users WHERE email = 'evaluator@test.example'), 'certify', 'four_star', 920
	     FROM au RETURNING audit_id"
}

# fresh_certificate: a certificate of the applicant's organization issued now; echoes its id.
fresh_certificate() {
	local app au
	app=$(sql "INSERT INTO applications (organization_id, kind, state, submitted_at, created_by, scope)
		SELECT organization_id, 'initial', 'accepted', now(), created_by, scope FROM applications
		WHERE id = $(cat "$TMP/rv-app") RETURNING id")
	au=$(evaluated_audit "$app")
	FORM_PAGE=/audits/$au post "$(jar supervisor)" "/audits/$au/decide" --data "version=1&outcome=approved" >&2
	[ "$STATUS" = 303 ] || fail "fresh certificate: $STATUS" >&2
	sql "SELECT id FROM certificates WHERE audit_id = $au"
}

test_88x_a_special_surveillance_opens_its_case_and_audit() {
	local s=$(jar supervisor) c expired case
	c=$(fresh_certificate)
	expired=$(cat "$TMP/main-cert")
	FORM_PAGE=/certificates/$c post "$s" "/certificates/$c/special"
	expect_status 422 "no reason"
	FORM_PAGE=/certificates/$expired post "$s" "/certificates/$expired/special" --data-urlencode "reason=投诉"
	expect_status 409 "an expired certificate"
	FORM_PAGE=/certificates/$c post "$s" "/certificates/$c/special" --data-urlencode "reason=消费者集中投诉维修超时"
	expect_status 303 "opened"
	case=$(sql "SELECT id FROM surveillance_cases WHERE certificate_id = $c AND kind = 'special'")
	expect_header "Location: /surveillance/$case/audit"
	http GET "/surveillance/$case/audit" -b "$s"
	expect_status 200
	expect_body '专项监督审核'
	expect_eq "$(sql "SELECT reason FROM certificate_history WHERE certificate_id = $c AND change = 'surveillance_opened' AND to_value = 'special'")" "消费者集中投诉维修超时" "the history"
}

test_88y_recertification_in_the_window_replaces_the_old_certificate() {
	local a=$(jar rv-applicant) s=$(jar supervisor) app old au new
	# Certificates of the organization, issued now: far from their expiry.
	old=$(fresh_certificate)
	FORM_PAGE=/applications post "$a" /applications --data kind=recertification
	expect_status 422 "too early"
	expect_body '有效期届满前规定期限内'
	# Five months before its expiry: inside the six-month window.
	sql "UPDATE certificates SET expiry_date = current_date + 150 WHERE id = $old" >/dev/null
	FORM_PAGE=/applications post "$a" /applications --data kind=recertification
	expect_status 303 "a recertification application"
	app=$(grep -o '[0-9]*$' <<<"$(header Location)")
	FORM_PAGE=/applications post "$a" /applications --data kind=recertification
	expect_status 422 "a second one"
	expect_body '已有一份再认证申请正在办理'
	expect_eq "$(sql "SELECT kind || ' ' || state FROM applications WHERE id = $app")" "recertification draft" "the application"
	# Through the same stages; the decision issues the new certificate.
	au=$(evaluated_audit "$app")
	FORM_PAGE=/audits/$au post "$s" "/audits/$au/decide" --data "version=1&outcome=approved"
	expect_status 303 "approved"
	new=$(sql "SELECT id FROM certificates WHERE audit_id = $au")
	expect_eq "$(sql "SELECT status FROM certificates WHERE id = $old")" replaced "the old one ends as replaced"
	expect_eq "$(sql "SELECT status || ' ' || replaces_id FROM certificates WHERE id = $new")" "valid $old" "the new one continues it"
	expect_eq "$(sql "SELECT reason_code FROM certificate_history WHERE certificate_id = $old AND to_value = 'replaced'")" recertified "the history"
	http GET "/verify/$(sql "SELECT number FROM certificates WHERE id = $old")"
	expect_body '已换发'
	# The tick leaves a replaced certificate alone.
	tick "$(sql "SELECT (expiry_date + 1)::text FROM certificates WHERE id = $old")"
	expect_eq "$(sql "SELECT status FROM certificates WHERE id = $old")" replaced "not expired"
}

test_88z_certificate_lists_for_the_holder_and_staff() {
	local number
	number=$(sql "SELECT number FROM certificates WHERE status = 'valid' ORDER BY id DESC LIMIT 1")
	http GET /certificates -b "$(jar rv-applicant)"
	expect_status 200
	expect_body "$number"
	expect_body '已换发'
	http GET /certificates -b "$(jar rv-other)"
	expect_status 200 "another organization's list"
	expect_no_body "$number"
	expect_body '尚无证书'
	http GET /certificates -b "$(jar supervisor)"
	expect_body "$number"
	expect_body 'register-code">01<'
}
