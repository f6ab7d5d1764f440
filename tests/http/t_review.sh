# t_review.sh: document review: verdicts, eligibility, supplement rounds, acceptance, decline.

CRITERIA="legal_entity written_rules responsible_people funding no_major_failure trained_staff"

# credit_code FIRST17: the code with its GB 32100-2015 check character.
credit_code() {
	local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY w=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
	local sum=0 i c v
	for ((i = 0; i < 17; i++)); do
		c=${1:i:1}
		v=${alphabet%%"$c"*}
		sum=$((sum + ${#v} * w[i]))
	done
	v=$((31 - sum % 31))
	[ "$v" = 31 ] && v=0
	echo "$1${alphabet:v:1}"
}

# submitted_application JAR: a complete application, submitted; echoes its id.
submitted_application() {
	local j=$1 app code token
	app=$(new_application "$j")
	fill_application "$j" "$app" >/dev/null
	for code in $(sql "SELECT code FROM material_items WHERE requirement = 'required' AND active ORDER BY id"); do
		upload "$j" "$app" "$(material_id "$code")" "$TMP/licence.pdf" "$code.pdf"
		[ "$STATUS" = 303 ] || fail "upload $code: $STATUS" >&2
	done
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/submit"
	[ "$STATUS" = 303 ] || fail "submit: $STATUS" >&2
	echo "$app"
}

version_of() { sql "SELECT version FROM applications WHERE id = $1"; }
state_of() { sql "SELECT state FROM applications WHERE id = $1"; }

# verdicts_all_accepted [EXCEPT_CODE]: curl arguments accepting every required item but one.
verdicts_all_accepted() {
	local code
	for code in $(sql "SELECT code FROM material_items WHERE requirement = 'required' AND active ORDER BY id"); do
		[ "$code" = "${1:-}" ] && continue
		printf -- '--data\nverdict_%s=accepted\n' "$(material_id "$code")"
	done
}

# eligibility_all_met: curl arguments ticking every criterion.
eligibility_all_met() {
	local c
	for c in $CRITERIA; do printf -- '--data\nmet_%s=1\n' "$c"; done
}

# review JAR APP ACTION [curl args]: post the review form as the page has it.
review() {
	local j=$1 app=$2 action=$3
	shift 3
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/review" \
		--data "action=$action" --data "version=$(version_of "$app")" "$@"
}

test_88a_setup_review() {
	make_files
	register "$(jar rv-applicant)" "评审测试电器有限公司" "$(credit_code 91110000MA01RE7W0)" rv@test.example
	expect_status 303 "registration"
	register "$(jar rv-other)" "另一家测试公司" "$(credit_code 91110000MA01XTHR0)" rv-other@test.example
	expect_status 303 "second registration"
	login "$(jar rv-reviewer)" reviewer@test.example "$STAFF_PASSWORD"
	expect_status 303 "reviewer signs in"
}

test_88b_a_two_round_review_ends_in_acceptance() {
	local a=$(jar rv-applicant) r=$(jar rv-reviewer) app profile training accepted_before mid
	local -a args
	app=$(submitted_application "$a")
	echo "$app" >"$TMP/rv-app"
	profile=$(material_id company_profile)
	training=$(material_id training)
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	expect_status 303 "take"
	http GET "/applications/$app" -b "$r"
	expect_body 'id="review-form"'
	expect_body 'name="met_legal_entity"'

	# A supplement request needs a flagged item, and a flagged item its comment.
	review "$r" "$app" supplement
	expect_status 422 "nothing flagged"
	expect_body '没有标为'
	review "$r" "$app" supplement --data "verdict_$profile=supplement"
	expect_status 422 "flag without a comment"
	expect_body '请说明需要补充什么'
	expect_eq "$(state_of "$app")" in_review "state after refusals"
	expect_eq "$(sql "SELECT count(*) FROM material_verdicts WHERE application_id = $app")" 0 "nothing stored"

	mapfile -t args < <(verdicts_all_accepted company_profile)
	review "$r" "$app" supplement "${args[@]}" --data "verdict_$profile=supplement" \
		--data-urlencode "comment_$profile=<script>alert(1)</script>缺少市场占有率数据" \
		--data-urlencode "comment=请在两周内补充。" --data "met_legal_entity=1"
	expect_status 303 "supplement requested"
	expect_eq "$(state_of "$app")" supplement_needed "state"
	expect_eq "$(sql "SELECT count(*) FROM supplement_items WHERE application_id = $app AND round = 1")" 1 "one flagged item"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE object_id = $app AND action = 'application.supplement_requested'")" 1 "event"
	accepted_before=$(sql "SELECT count(*) FROM material_verdicts WHERE application_id = $app AND verdict = 'accepted'")

	# The applicant sees the flagged item, the comment escaped, and may only supplement it.
	http GET "/applications/$app" -b "$a"
	expect_body '需要补充的材料'
	expect_body '&lt;script&gt;alert(1)&lt;/script&gt;缺少市场占有率数据'
	expect_no_body '<script>alert(1)'
	expect_body '请在两周内补充。'
	expect_no_body 'id="review-form"'
	FORM_PAGE=/applications/$app post "$a" "/applications/$app" --data "version=$(version_of "$app")&kind=initial" --data-urlencode "scope=改"
	expect_status 409 "details stay locked"
	upload "$a" "$app" "$training" "$TMP/chart.png"
	expect_status 409 "an item not flagged"
	FORM_PAGE=/applications/$app post "$a" "/applications/$app/supplement" --data "action=resubmit&version=$(version_of "$app")"
	expect_status 422 "resubmit with the item unanswered"
	expect_body '请上传新版本或填写说明'
	expect_eq "$(state_of "$app")" supplement_needed "still waiting"
	upload "$a" "$app" "$profile" "$TMP/licence.pdf" 企业简介-补充.pdf
	expect_status 303 "a new version of the flagged item"
	FORM_PAGE=/applications/$app post "$a" "/applications/$app/supplement" \
		--data "action=resubmit&version=$(version_of "$app")" --data-urlencode "answer_$profile=已补充近三年市场占有率"
	expect_status 303 "resubmitted"
	expect_eq "$(sql "SELECT state || ' ' || review_round FROM applications WHERE id = $app")" "resubmitted 2" "round 2"
	expect_eq "$(sql "SELECT answer FROM supplement_items WHERE application_id = $app")" "已补充近三年市场占有率" "answer kept"

	# Round 2: back in the queue; accepted items stayed accepted.
	http GET "/review?state=resubmitted" -b "$r"
	expect_body "/applications/$app\""
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	expect_status 303 "take round 2"
	expect_eq "$(sql "SELECT count(*) FROM material_verdicts WHERE application_id = $app AND verdict = 'accepted'")" "$accepted_before" "accepted stay accepted"
	http GET "/applications/$app" -b "$r"
	expect_body '申请人在您的结论之后上传了新版本'
	expect_body '已补充近三年市场占有率'

	# Accepting needs every required item judged and the eligibility complete.
	mapfile -t args < <(verdicts_all_accepted)
	review "$r" "$app" accept "${args[@]}" --data "mandays=10"
	expect_status 422 "eligibility incomplete"
	expect_body '尚不能受理'
	expect_body '资格条件未勾选满足'
	expect_eq "$(state_of "$app")" in_review "not accepted"
	mapfile -t -O "${#args[@]}" args < <(eligibility_all_met)
	review "$r" "$app" accept "${args[@]}" --data "mandays=12.5"
	expect_status 422 "changed man-days without a reason"
	expect_body '请说明理由'
	review "$r" "$app" accept "${args[@]}" --data "mandays=abc"
	expect_status 422 "man-days not a number"
	review "$r" "$app" accept "${args[@]}" --data "mandays=12.5" --data-urlencode "mandays_reason=网点分散，增加路程时间"
	expect_status 303 "accepted"
	expect_eq "$(sql "SELECT state || ' ' || mandays_halfdays FROM applications WHERE id = $app")" "accepted 25" "state and man-days"
	expect_eq "$(sql "SELECT string_agg(action, ',' ORDER BY id) FROM events WHERE object_id = $app AND object_type = 'application' AND action LIKE 'application.%' AND action <> 'application.created'")" \
		"application.saved,application.submitted,application.taken,application.supplement_requested,application.resubmitted,application.taken,application.accepted" "the events in order"

	# Both sides read the history of rounds.
	for mid in "$a" "$r"; do
		http GET "/applications/$app" -b "$mid"
		expect_body '审核记录'
		expect_body '缺少市场占有率数据'
		expect_body '已补充近三年市场占有率'
		expect_body '申请已受理'
		expect_body '12.5'
	done

	# Outcomes the state no longer allows change nothing.
	review "$r" "$app" accept "${args[@]}" --data "mandays=10"
	expect_status 409 "accepting twice"
	FORM_PAGE=/applications/$app post "$a" "/applications/$app/supplement" --data "action=resubmit&version=$(version_of "$app")"
	expect_status 409 "resubmitting an accepted application"
	expect_eq "$(state_of "$app")" accepted "still accepted"
}

test_88c_a_review_ending_in_decline() {
	local a=$(jar rv-applicant) r=$(jar rv-reviewer) app
	app=$(submitted_application "$a")
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	review "$r" "$app" decline
	expect_status 422 "decline without a reason"
	expect_eq "$(state_of "$app")" in_review "not declined"
	review "$r" "$app" decline --data-urlencode "decline_reason=<b>经营范围</b>不含售后服务"
	expect_status 303 "declined"
	expect_eq "$(state_of "$app")" declined "state"
	expect_eq "$(sql "SELECT outcome || ': ' || comment FROM review_rounds WHERE application_id = $app")" "declined: <b>经营范围</b>不含售后服务" "round closed"
	http GET "/applications/$app" -b "$a"
	expect_body '申请未被受理'
	expect_body '&lt;b&gt;经营范围&lt;/b&gt;不含售后服务'
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	expect_status 409 "a declined application cannot be taken"
}

test_88d_review_refusals_and_who_sees_what() {
	local a=$(jar rv-applicant) r=$(jar rv-reviewer) o=$(jar rv-other) r2 app doc before
	app=$(submitted_application "$a")
	echo "$app" >"$TMP/rv-app3"
	# Not taken yet: no outcome.
	review "$r" "$app" accept --data "mandays=10"
	expect_status 409 "accepting an application nobody holds"
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	before=$(version_of "$app")
	review "$r" "$app" save --data "verdict_999999=accepted"
	expect_status 422 "a verdict on an item not on the checklist"
	expect_body '不属于此申请材料清单'
	review "$r" "$app" save --data "verdict_$(material_id business_licence)=great"
	expect_status 400 "a verdict no form offers"
	expect_eq "$(version_of "$app")" "$before" "nothing changed"
	# Another reviewer, the applicant, another organization.
	r2=$(jar reviewer2)
	login "$r2" reviewer2@test.example "$STAFF_PASSWORD"
	review "$r2" "$app" save --data "verdict_$(material_id business_licence)=accepted"
	expect_status 409 "a reviewer who does not hold it"
	expect_body '由其他审核员负责'
	FORM_PAGE=/applications/$app post "$a" "/applications/$app/review" --data "action=save&version=$before"
	expect_status 403 "the applicant cannot review"
	# Reviewers cannot change the applicant's data or files.
	FORM_PAGE=/applications/$app post "$r" "/applications/$app" --data "version=$before&kind=initial" --data-urlencode "scope=审核员改的"
	expect_status 403 "a reviewer saving the details"
	upload "$r" "$app" "$(material_id business_licence)" "$TMP/licence.pdf"
	expect_status 403 "a reviewer uploading"
	FORM_PAGE=/applications/$app post "$r" "/documents/$(sql "SELECT min(id) FROM documents WHERE application_id = $app")/delete"
	expect_status 403 "a reviewer deleting a file"
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/supplement" --data "action=resubmit&version=$before"
	expect_status 403 "a reviewer resubmitting"
	doc=$(sql "SELECT min(id) FROM documents WHERE application_id = $app")
	for path in "/applications/$app" "/documents/$doc" "/documents/$doc/view"; do
		http GET "$path" -b "$o"
		expect_status 404 "another organization: $path"
	done
	FORM_PAGE=/applications post "$o" "/applications/$app/supplement" --data "action=save&version=$before"
	expect_status 404 "another organization's supplement"
	expect_eq "$(version_of "$app")" "$before" "still nothing changed"
	# Saving keeps verdicts; the eligibility notes are stored.
	review "$r" "$app" save --data "verdict_$(material_id business_licence)=accepted" \
		--data "met_funding=1" --data-urlencode "note_funding=年度预算 2000 万元"
	expect_status 303 "saved"
	expect_eq "$(sql "SELECT met || ' ' || note FROM eligibility_checks WHERE application_id = $app AND criterion = 'funding'")" "true 年度预算 2000 万元" "eligibility note"
	expect_eq "$(sql "SELECT count(*) FROM eligibility_checks WHERE application_id = $app")" 6 "every criterion recorded"
}

test_88e_two_outcomes_at_once_one_wins() {
	local a=$(jar rv-applicant) r=$(jar rv-reviewer) sup=$(jar supervisor) app token version mid
	app=$(cat "$TMP/rv-app3")
	mid=$(material_id business_licence)
	version=$(version_of "$app")
	token=$(csrf_of "$r" "/applications/$app")
	curl -s -o /dev/null -w '%{http_code}\n' -b "$r" -H "Origin: $STARCERT_URL" \
		--data "csrf=$token&version=$version&action=supplement&verdict_$mid=supplement&comment_$mid=模糊" \
		"$STARCERT_URL/applications/$app/review" >"$TMP/out1" &
	curl -s -o /dev/null -w '%{http_code}\n' -b "$r" -H "Origin: $STARCERT_URL" \
		--data "csrf=$token&version=$version&action=decline&decline_reason=重复申请" \
		"$STARCERT_URL/applications/$app/review" >"$TMP/out2" &
	wait
	expect_eq "$(cat "$TMP/out1" "$TMP/out2" | sort | tr '\n' ' ')" "303 409 " "two outcomes at once"
	expect_eq "$(sql "SELECT count(*) FROM review_rounds WHERE application_id = $app AND outcome IS NOT NULL")" 1 "one outcome"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE object_id = $app AND action IN ('application.supplement_requested', 'application.declined')")" 1 "one event"

	# A stale form after a supervisor's reassignment is told, not obeyed.
	app=$(submitted_application "$a")
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/take"
	version=$(version_of "$app")
	FORM_PAGE=/applications/$app post "$sup" "/applications/$app/assign" \
		--data "reviewer=$(sql "SELECT id FROM users WHERE email = 'reviewer2@test.example'")"
	expect_status 303 "reassigned"
	FORM_PAGE=/applications/$app post "$r" "/applications/$app/review" --data "action=decline&version=$version" \
		--data-urlencode "decline_reason=旧页面"
	expect_status 409 "the former holder"
	expect_eq "$(state_of "$app")" in_review "unchanged"
}

test_88f_pdf_and_images_open_inline_sandboxed() {
	local a=$(jar rv-applicant) app doc
	app=$(cat "$TMP/rv-app")
	doc=$(sql "SELECT min(id) FROM documents WHERE application_id = $app AND content_type = 'application/pdf'")
	http GET "/documents/$doc/view" -b "$a"
	expect_status 200 "inline view"
	expect_header 'Content-Type: application/pdf'
	expect_header 'Content-Disposition: inline;'
	expect_header "Content-Security-Policy: sandbox;"
	expect_header 'X-Content-Type-Options: nosniff'
	http GET "/documents/$doc" -b "$a"
	expect_header 'Content-Disposition: attachment;'
	http GET "/applications/$app" -b "$a"
	expect_body "href=\"/documents/$doc/view\""
}
