# t_audit.sh: the on-site audit: planning with impartiality, confirmation, the score sheet, nonconformities, the report.
# It continues with the application accepted in t_review.sh ($TMP/rv-app).

AUDIT_START=2027-03-01
AUDIT_END=2027-03-03

# auditor NAME VALID_UNTIL [CATEGORY]: an auditor with a registration (and a category); echoes the id.
auditor() {
	local email="$1@test.example" id
	add_user "$email" "审核员$1" auditor "$STAFF_PASSWORD" >/dev/null
	id=$(sql "SELECT id FROM users WHERE email = '$email'")
	sql "INSERT INTO auditor_profiles (user_id, registration_no, qualification_valid_until)
	     VALUES ($id, 'REG-$1', '$2') ON CONFLICT (user_id) DO UPDATE SET qualification_valid_until = EXCLUDED.qualification_valid_until" >/dev/null
	[ -n "${3:-}" ] && sql "INSERT INTO auditor_categories VALUES ($id, $3) ON CONFLICT DO NOTHING" >/dev/null
	echo "$id"
}

audit_id() { sql "SELECT id FROM audits WHERE application_id = $(cat "$TMP/rv-app")"; }
audit_version() { sql "SELECT version FROM audits WHERE id = $1"; }

# plan JAR [curl args]: the planning form of the accepted application.
plan() {
	local j=$1 app
	app=$(cat "$TMP/rv-app")
	shift
	FORM_PAGE=/applications/$app/audit post "$j" "/applications/$app/audit" \
		--data "start_date=$AUDIT_START&end_date=$AUDIT_END" "$@"
}

test_88g_setup_audit() {
	local code
	echo "$(auditor lead 2029-12-31 1)" >"$TMP/aud-lead"
	echo "$(auditor second 2029-12-31 1)" >"$TMP/aud-second"
	echo "$(auditor lapsed 2027-03-02 1)" >"$TMP/aud-lapsed"
	echo "$(auditor nocat 2029-12-31)" >"$TMP/aud-nocat"
	echo "$(auditor conflicted 2029-12-31 1)" >"$TMP/aud-conflicted"
	for who in lead second nocat conflicted; do
		login "$(jar "aud-$who")" "$who@test.example" "$STAFF_PASSWORD"
		expect_status 303 "$who signs in"
	done
	login "$(jar supervisor)" supervisor@test.example "$STAFF_PASSWORD"
	# As if declared in the application: take-back does not apply.
	sql "INSERT INTO application_exclusions VALUES ($(cat "$TMP/rv-app"), 'take_back', '只销售服务，无需回收的商品')" >/dev/null
	# The conflicted auditor declares consulting for the applicant until last year.
	code=$(sql "SELECT o.credit_code FROM organizations o JOIN applications a ON a.organization_id = o.id WHERE a.id = $(cat "$TMP/rv-app")")
	FORM_PAGE=/account/conflicts post "$(jar aud-conflicted)" /account/conflicts \
		--data "relation=consulting&from_date=2024-01-01&to_date=2025-06-30&credit_code=BAD" --data-urlencode "organization=评审测试电器有限公司"
	expect_status 422 "a bad credit code"
	FORM_PAGE=/account/conflicts post "$(jar aud-conflicted)" /account/conflicts \
		--data "relation=consulting&from_date=2024-01-01&to_date=2025-06-30&credit_code=$code" --data-urlencode "organization=评审测试电器有限公司"
	expect_status 303 "conflict declared"
	http GET /account/conflicts -b "$(jar aud-conflicted)"
	expect_body '评审测试电器有限公司'
	http GET /account/conflicts -b "$(jar rv-applicant)"
	expect_status 403 "an applicant has no conflicts page"
}

test_88h_planning_refuses_each_rule_then_plans() {
	local s=$(jar supervisor) app lead second outlet
	app=$(cat "$TMP/rv-app")
	lead=$(cat "$TMP/aud-lead")
	second=$(cat "$TMP/aud-second")
	outlet=$(sql "SELECT min(id) FROM outlets WHERE application_id = $app AND kind = 'fixed'")
	http GET "/applications/$app/audit" -b "$s"
	expect_status 200 "the plan form"
	expect_body '审核员lead'
	expect_body '资格未覆盖申请的全部产品类别'
	http GET "/applications/$app/audit" -b "$(jar rv-reviewer)"
	expect_status 403 "a reviewer does not plan"

	plan "$s" --data "leader=$(cat "$TMP/aud-lapsed")&outlet=$outlet&mandays=12.5"
	expect_status 422 "a lapsed qualification"
	expect_body '审核员lapsed：审核员资格在审核日期内已失效'
	plan "$s" --data "leader=$lead&member=$(cat "$TMP/aud-conflicted")&outlet=$outlet&mandays=12.5"
	expect_status 422 "a conflict within two years"
	expect_body '审核员conflicted：近两年内与该企业存在利益冲突'
	plan "$s" --data "leader=$lead&member=$(cat "$TMP/aud-nocat")&outlet=$outlet&mandays=12.5"
	expect_status 422 "categories not covered"
	expect_body '审核员nocat：资格未覆盖申请的全部产品类别'
	plan "$s" --data "leader=$lead&mandays=12.5"
	expect_status 422 "no outlet chosen"
	expect_body '抽样网点少于建议数量'
	plan "$s" --data "leader=$lead&outlet=$outlet&mandays=2"
	expect_status 422 "fewer man-days without a reason"
	expect_body '人日少于受理时确认的人日'
	plan "$s" --data "leader=$lead&outlet=999999&mandays=12.5"
	expect_status 422 "another application's outlet"
	expect_eq "$(sql "SELECT count(*) FROM audits")" 0 "nothing planned"

	plan "$s" --data "leader=$lead&member=$second&outlet=$outlet&mandays=12.5"
	expect_status 303 "planned"
	expect_eq "$(sql "SELECT state || ' ' || mandays_halfdays || ' ' || scheme_version FROM audits")" "planned 25 1" "the audit"
	expect_eq "$(sql "SELECT count(*) || ' ' || count(*) FILTER (WHERE leader) FROM audit_members WHERE audit_id = $(audit_id)")" "2 1" "team"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE action = 'audit.planned'")" 1 "event"
	expect_eq "$(sql "SELECT indicator_code || ' ' || kind || ' ' || notes FROM audit_scores WHERE audit_id = $(audit_id)")" \
		"take_back excluded 只销售服务，无需回收的商品" "the declared exclusion starts the sheet"
	FORM_PAGE=/applications/$app post "$s" "/applications/$app/audit" \
		--data "start_date=$AUDIT_START&end_date=$AUDIT_END&leader=$lead&outlet=$outlet&mandays=12.5"
	expect_status 409 "planned twice"
	http GET "/applications/$app/audit" -b "$s"
	expect_status 303 "the form now leads to the audit"
}

test_88i_the_applicant_sees_and_confirms_the_plan() {
	local a=$(jar rv-applicant) id
	id=$(audit_id)
	http GET "/audits/$id" -b "$a"
	expect_status 200
	expect_body "$AUDIT_START – $AUDIT_END"
	expect_body '审核员lead · 组长'
	expect_body '北京朝阳服务中心'
	expect_body '确认审核计划'
	expect_no_body 'id="sheet"'
	http GET "/audits/$id" -b "$(jar rv-other)"
	expect_status 404 "another organization"
	FORM_PAGE=/audits/$id post "$(jar rv-other)" "/audits/$id/confirm" --data "version=$(audit_version "$id")"
	expect_status 404 "another organization confirming"
	FORM_PAGE=/audits/$id post "$a" "/audits/$id/confirm" --data "version=$(audit_version "$id")"
	expect_status 303 "confirmed"
	expect_eq "$(sql "SELECT state FROM audits WHERE id = $id")" confirmed "state"
	FORM_PAGE=/audits/$id post "$a" "/audits/$id/confirm" --data "version=$(audit_version "$id")"
	expect_status 409 "confirming twice"
}

# sheet JAR ID [curl args]: the score sheet form.
sheet() {
	local j=$1 id=$2
	shift 2
	FORM_PAGE=/audits/$id post "$j" "/audits/$id/sheet" --data "version=$(audit_version "$id")" "$@"
}

test_88j_the_score_sheet() {
	local l=$(jar aud-lead) m=$(jar aud-second) id code max
	local -a full=()
	id=$(audit_id)
	http GET "/audits/$id" -b "$l"
	expect_body 'id="sheet-form"'
	sheet "$(jar aud-nocat)" "$id" --data "kind_organization=points&points_organization=5"
	expect_status 403 "an auditor not on the team"
	FORM_PAGE=/audits/$id post "$(jar rv-applicant)" "/audits/$id/sheet" --data "version=1"
	expect_status 403 "the applicant"
	sheet "$l" "$id" --data "kind_organization=points&points_organization=5.5"
	expect_status 422 "points above the maximum"
	expect_body '得分不能超过该指标的分值'
	sheet "$l" "$id" --data "kind_organization=points&points_organization=-1"
	expect_status 422 "negative points"
	sheet "$l" "$id" --data "kind_repair=sampled&checked_repair=3&nonconforming_repair=4"
	expect_status 422 "more nonconforming than checked"
	expect_body '不合格数不能大于抽查数'
	sheet "$l" "$id" --data "kind_take_back=excluded"
	expect_status 422 "an exclusion without a reason"
	expect_eq "$(sql "SELECT count(*) FROM audit_scores WHERE audit_id = $id")" 1 "nothing stored but the declared exclusion"
	http GET "/audits/$id" -b "$l"
	expect_body '只销售服务，无需回收的商品' 
	sheet "$l" "$id" --data "kind_organization=points&points_organization=4.5"
	expect_status 303 "a first indicator"
	http GET "/audits/$id" -b "$l"
	expect_body '暂定，未评分指标：'

	# Every indicator: full points but repair (sampled, 3 of 10 nonconforming:
	# 7 × 0.7 = 4.9) and take-back (excluded).  92.9 of 95 → 97.8.
	while IFS='|' read -r code max; do
		case $code in
		repair) full+=(--data "kind_repair=sampled&checked_repair=10&nonconforming_repair=3") ;;
		take_back) full+=(--data "kind_take_back=excluded" --data-urlencode "notes_take_back=不销售需回收的商品") ;;
		*) full+=(--data "kind_$code=points&points_$code=$max") ;;
		esac
	done < <(sql "SELECT indicator_code || '|' || (points_tenths / 10.0)::numeric(5,1) FROM scheme_points WHERE version = 1")
	sheet "$m" "$id" "${full[@]}" --data-urlencode "notes_organization=<script>x</script>组织架构图齐全"
	expect_status 303 "the whole sheet"
	expect_eq "$(sql "SELECT count(*) FROM audit_scores WHERE audit_id = $id")" 15 "fifteen rows"
	http GET "/audits/$id" -b "$l"
	expect_body '97.8'
	expect_body '五星级'
	expect_no_body '暂定，未评分指标'
	expect_body '&lt;script&gt;x&lt;/script&gt;组织架构图齐全'

	# Two special deductions and the bonus: 97.8 − 2 + 1 = 96.8.
	for f in "未按规定公示三包政策" "投诉记录不完整"; do
		FORM_PAGE=/audits/$id post "$l" "/audits/$id/deductions" --data "indicator=complaint_handling" \
			--data-urlencode "finding=$f" --data-urlencode "breached=《消费者权益保护法》"
		expect_status 303 "a deduction"
	done
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/deductions" --data "indicator=complaint_handling&finding=x"
	expect_status 422 "a deduction without the rule breached"
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/bonus" --data "action=set&indicator=customer_relations" --data-urlencode "justification=行业领先的客户关系管理"
	expect_status 303 "the bonus"
	FORM_PAGE=/audits/$id post "$m" "/audits/$id/bonus" --data "action=set&indicator=repair" --data-urlencode "justification=第二项"
	expect_status 409 "a second bonus"
	expect_body '最多只能有一项'
	http GET "/audits/$id" -b "$l"
	expect_body '96.8'
	expect_body '特别扣分 2 项'

	# Evidence through the blob store, for the body's staff only.
	upload_to() { http POST "$2?csrf=$(csrf_of "$1" "/audits/$id")" -b "$1" -H "Origin: $STARCERT_URL" -F "file=@$3"; }
	upload_to "$l" "/audits/$id/evidence/1" "$TMP/chart.png"
	expect_status 303 "evidence"
	expect_eq "$(sql "SELECT count(*) FROM audit_attachments WHERE audit_id = $id AND indicator_code = 'organization'")" 1 "attachment row"
	http GET "/audit-files/$(sql "SELECT max(id) FROM audit_attachments")" -b "$m"
	expect_status 200 "a team member downloads"
	http GET "/audit-files/$(sql "SELECT max(id) FROM audit_attachments")" -b "$(jar rv-applicant)"
	expect_status 403 "the applicant does not"
	upload_to "$(jar aud-nocat)" "/audits/$id/evidence/1" "$TMP/chart.png"
	expect_status 403 "evidence from outside the team"
	# A photo of a few megabytes passes nginx too.
	{ base64 -d <<<"$PNG_B64"; head -c 3000000 /dev/zero; } >"$TMP/photo-3mb.png"
	upload_to "$m" "/audits/$id/evidence/11" "$TMP/photo-3mb.png"
	expect_status 303 "a 3 MB photo"
	expect_eq "$(sql "SELECT size FROM audit_attachments WHERE indicator_code = 'repair'")" "$(stat -c %s "$TMP/photo-3mb.png")" "stored whole"
}

test_88k_a_nonconformity_raised_answered_returned_and_closed() {
	local l=$(jar aud-lead) a=$(jar rv-applicant) id nc
	id=$(audit_id)
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/nonconformities" --data "indicator=complaint_handling&severity=serious&due_date=2027-02-30" --data-urlencode "description=投诉未在承诺时限内处理"
	expect_status 422 "an impossible due date"
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/nonconformities" --data "indicator=complaint_handling&severity=general&due_date=2020-01-01" --data-urlencode "description=过去的期限"
	expect_status 422 "a due date in the past"
	expect_body '整改期限不能早于今天'
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/nonconformities" --data "indicator=complaint_handling&severity=serious&due_date=2027-03-31" --data-urlencode "description=投诉未在承诺时限内处理"
	expect_status 303 "raised"
	nc=$(sql "SELECT max(id) FROM nonconformities")
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/report" --data "version=$(audit_version "$id")"
	expect_status 422 "a serious nonconformity open"
	expect_body '严重不符合项未关闭'
	http GET "/audits/$id" -b "$a"
	expect_body '投诉未在承诺时限内处理'
	expect_body '提交整改答复'
	FORM_PAGE=/audits/$id post "$a" "/nonconformities/$nc/answer" --data "cause=人手不足"
	expect_status 422 "an answer without correction"
	FORM_PAGE=/audits/$id post "$a" "/nonconformities/$nc/answer" --data-urlencode "cause=人手不足" --data-urlencode "correction=补录投诉" --data-urlencode "corrective_action=增加客服人员"
	expect_status 303 "answered"
	FORM_PAGE=/audits/$id post "$a" "/nonconformities/$nc/answer" --data-urlencode "cause=x" --data-urlencode "correction=y" --data-urlencode "corrective_action=z"
	expect_status 409 "answering twice before verification"
	FORM_PAGE=/audits/$id post "$l" "/nonconformities/$nc/verify" --data "verdict=returned"
	expect_status 422 "returned without a comment"
	FORM_PAGE=/audits/$id post "$l" "/nonconformities/$nc/verify" --data "verdict=returned" --data-urlencode "comment=请提供培训记录"
	expect_status 303 "returned"
	expect_eq "$(sql "SELECT state FROM nonconformities WHERE id = $nc")" returned "state"
	http POST "/nonconformities/$nc/files?csrf=$(csrf_of "$a" "/audits/$id")" -b "$a" -H "Origin: $STARCERT_URL" -F "file=@$TMP/licence.pdf;filename=培训记录.pdf"
	expect_status 303 "evidence uploaded"
	FORM_PAGE=/audits/$id post "$a" "/nonconformities/$nc/answer" --data-urlencode "cause=人手不足" --data-urlencode "correction=补录投诉" --data-urlencode "corrective_action=增加客服人员并培训"
	expect_status 303 "answered again"
	FORM_PAGE=/audits/$id post "$(jar rv-other)" "/nonconformities/$nc/answer" --data "cause=a&correction=b&corrective_action=c"
	expect_status 404 "another organization answering"
	FORM_PAGE=/audits/$id post "$l" "/nonconformities/$nc/verify" --data "verdict=closed"
	expect_status 303 "closed"
	expect_eq "$(sql "SELECT state || ' ' || (SELECT count(*) FROM nonconformity_answers WHERE nonconformity_id = $nc) FROM nonconformities WHERE id = $nc")" "closed 2" "two answers, closed"
	http GET "/nc-files/$(sql "SELECT max(id) FROM nonconformity_files")" -b "$a"
	expect_status 200 "the applicant's own evidence"
	http GET "/audits/$id" -b "$a"
	expect_body '请提供培训记录'
	expect_body '已关闭'
}

test_88l_the_report_locks_the_sheet() {
	local l=$(jar aud-lead) m=$(jar aud-second) id
	id=$(audit_id)
	FORM_PAGE=/audits/$id post "$m" "/audits/$id/report" --data "version=$(audit_version "$id")"
	expect_status 403 "a member is not the leader"
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/report" --data "version=$(audit_version "$id")"
	expect_status 303 "reported"
	expect_eq "$(sql "SELECT state FROM audits WHERE id = $id")" reported "state"
	sheet "$l" "$id" --data "kind_organization=points&points_organization=1"
	expect_status 409 "the sheet is locked"
	FORM_PAGE=/audits/$id post "$l" "/audits/$id/deductions" --data "indicator=repair&finding=x&breached=y"
	expect_status 409 "no deductions after the report"
	expect_eq "$(sql "SELECT obtained_tenths FROM audit_scores WHERE audit_id = $id AND indicator_code = 'organization'")" 50 "unchanged"
	http GET "/audits/$id" -b "$l"
	expect_body '96.8'
	expect_no_body 'id="sheet-form"'
	# The locked sheet still shows what was recorded.
	expect_body '&lt;script&gt;x&lt;/script&gt;组织架构图齐全'
	expect_body '不销售需回收的商品'
}

test_88m_the_admin_publishes_a_scheme_version_audits_keep_theirs() {
	local a=$(jar admin) code
	local -a pts=()
	http GET /admin/scheme -b "$a"
	expect_status 200
	expect_body '当前版本 1'
	while read -r code; do
		pts+=(--data "points_$code=6.0")
	done < <(sql "SELECT indicator_code FROM scheme_points WHERE version = 1 ORDER BY indicator_code")
	FORM_PAGE=/admin/scheme post "$a" /admin/scheme "${pts[@]}" --data-urlencode "note=全部 6 分"
	expect_status 422 "15 × 6 is not 100"
	expect_body '合计必须为 100 分'
	expect_eq "$(sql "SELECT count(*) FROM scoring_schemes")" 1 "nothing published"
	pts=()
	while IFS='|' read -r code p; do
		pts+=(--data "points_$code=$p")
	done < <(sql "SELECT indicator_code || '|' || CASE indicator_code WHEN 'repair' THEN 6 WHEN 'organization' THEN 6 ELSE points_tenths / 10 END FROM scheme_points WHERE version = 1")
	FORM_PAGE=/admin/scheme post "$a" /admin/scheme "${pts[@]}" --data-urlencode "note=维修 6 分，组织架构 6 分"
	expect_status 303 "published"
	expect_eq "$(sql "SELECT max(version) || ' ' || (SELECT sum(points_tenths) FROM scheme_points WHERE version = 2) FROM scoring_schemes")" "2 1000" "version 2 adds up"
	expect_eq "$(sql "SELECT scheme_version FROM audits WHERE id = $(audit_id)")" 1 "the audit keeps its version"
	http GET /admin/scheme -b "$(jar supervisor)"
	expect_status 403 "only the admin"
}
