# t_certificate.sh: evaluation, the certification decision, the certificate and its PDF, the public register and verification.
# It continues with the audit reported in t_audit.sh.

# decide JAR AUDIT [curl args]
decide() {
	local j=$1 id=$2
	shift 2
	FORM_PAGE=/audits/$id post "$j" "/audits/$id/decide" --data "version=$(audit_version "$id")" "$@"
}

# evaluate JAR AUDIT [curl args]
evaluate() {
	local j=$1 id=$2
	shift 2
	FORM_PAGE=/audits/$id post "$j" "/audits/$id/evaluate" --data "version=$(audit_version "$id")" "$@"
}

cert_id() { sql "SELECT id FROM certificates WHERE audit_id = $(audit_id)"; }

test_88n_evaluation_by_someone_off_the_team() {
	local e=$(jar evaluator) id
	id=$(audit_id)
	login "$e" evaluator@test.example "$STAFF_PASSWORD"
	sql "UPDATE users SET roles = roles | 8 WHERE email = 'second@test.example'" >/dev/null
	decide "$(jar supervisor)" "$id" --data "outcome=approved"
	expect_status 409 "a decision on a report not evaluated"
	expect_body '审核报告尚未评定'
	evaluate "$(jar aud-second)" "$id" --data "recommendation=certify&level=five_star"
	expect_status 403 "a team member evaluating"
	expect_body '参加过本次审核的人员不能评定'
	http GET "/audits/$id" -b "$e"
	expect_body 'action="/audits/'"$id"'/evaluate"'
	expect_body '96.8'
	evaluate "$e" "$id" --data "recommendation=certify&level=five_star&adjust_repair=8"
	expect_status 422 "an adjustment above the maximum"
	evaluate "$e" "$id" --data "recommendation=certify&level=five_star&adjust_repair=6"
	expect_status 422 "an adjustment without a reason"
	expect_body '调整得分必须说明理由'
	expect_eq "$(sql "SELECT state FROM audits WHERE id = $id")" reported "not evaluated yet"
	# Repair 4.9 → 6.0: 94.0 of 95 → 98.9, − 2 + 1 = 97.9, five-star.
	evaluate "$e" "$id" --data "recommendation=certify&level=five_star&adjust_repair=6.0" --data-urlencode "adjust_reason_repair=维修记录抽样有误，复核后全部合格" --data-urlencode "comment=复核后同意推荐五星级"
	expect_status 303 "evaluated"
	expect_eq "$(sql "SELECT recommendation || ' ' || level || ' ' || final_tenths FROM evaluations WHERE audit_id = $id")" "certify five_star 979" "the evaluation"
	expect_eq "$(sql "SELECT obtained_tenths FROM audit_scores WHERE audit_id = $id AND indicator_code = 'repair'")" "" "the sheet keeps its own value"
	http GET "/audits/$id" -b "$e"
	expect_body '原评分 3/10，调整为 6.0'
	expect_body '复核后同意推荐五星级'
	evaluate "$e" "$id" --data "recommendation=certify&level=five_star"
	expect_status 409 "evaluating twice"
}

test_88o_a_decision_issues_the_certificate_with_its_pdf() {
	local s=$(jar supervisor) a=$(jar rv-applicant) id cert number url year
	id=$(audit_id)
	sql "UPDATE users SET roles = roles | 16 WHERE email IN ('second@test.example', 'evaluator@test.example')" >/dev/null
	decide "$(jar aud-second)" "$id" --data "outcome=approved"
	expect_status 403 "a team member deciding"
	decide "$(jar evaluator)" "$id" --data "outcome=approved"
	expect_status 403 "the evaluator deciding"
	expect_body '评定人员不能作出认证决定'
	decide "$s" "$id" --data "outcome=refused"
	expect_status 422 "refusing without a comment"
	expect_eq "$(sql "SELECT count(*) FROM certificates")" 0 "nothing issued"
	decide "$s" "$id" --data "outcome=approved"
	expect_status 303 "approved"
	cert=$(cert_id)
	year=$(TZ=Asia/Shanghai date +%Y)
	number=$(sql "SELECT number FROM certificates WHERE id = $cert")
	expect_eq "$number" "SC-$year-00001" "the first number of the year"
	expect_eq "$(sql "SELECT c.status || ' ' || (c.expiry_date - c.issue_date > 1090) || ' ' || v.level || ' ' || v.org_name FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id WHERE c.id = $cert")" \
		"valid true five_star 评审测试电器有限公司" "the certificate"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE action = 'certificate.issued' AND object_id = $cert")" 1 "event"
	decide "$s" "$id" --data "outcome=approved"
	expect_status 409 "a second decision"
	http GET "/certificates/$cert" -b "$a"
	expect_status 200 "the holder sees it"
	expect_body "$number"
	expect_body '五星级'
	http GET "/certificates/$cert" -b "$(jar rv-other)"
	expect_status 404 "another organization"
	http GET "/certificates/$cert/pdf" -b "$(jar rv-other)"
	expect_status 404 "another organization's PDF"

	# The PDF: Chinese text, the number, a QR code with the signed verification link.
	curl -s -b "$a" -o "$TMP/cert.pdf" -D "$TMP/cert.h" "$STARCERT_URL/certificates/$cert/pdf"
	grep -qi '^content-type: application/pdf' "$TMP/cert.h" || fail "PDF content type"
	pdftotext "$TMP/cert.pdf" - >"$TMP/cert.txt" 2>/dev/null || fail "pdftotext"
	grep -q '评审测试电器有限公司' "$TMP/cert.txt" || fail "the PDF lacks the organization's name"
	grep -q "$number" "$TMP/cert.txt" || fail "the PDF lacks the number"
	pdftoppm -png -r 150 -singlefile "$TMP/cert.pdf" "$TMP/cert" || fail "pdftoppm"
	[ "$(stat -c %s "$TMP/cert.png")" -gt 20000 ] || fail "the rendered page looks blank"
	url=$(zbarimg -q --raw "$TMP/cert.png" 2>/dev/null)
	case $url in
	"$STARCERT_URL/verify/$number?v=1&s="*) ;;
	*) fail "the QR code holds '$url'" ;;
	esac
	echo "$url" >"$TMP/cert-url"
	expect_eq "$(sql "SELECT count(*) FROM certificate_versions WHERE pdf_sha256 IS NOT NULL")" 1 "stored once"
	curl -s -b "$(jar rv-reviewer)" -o "$TMP/cert2.pdf" "$STARCERT_URL/certificates/$cert/pdf"
	cmp -s "$TMP/cert.pdf" "$TMP/cert2.pdf" || fail "the second download differs"
}

test_88p_parallel_approvals_get_distinct_numbers() {
	local s=$(jar supervisor) token ids i
	ids=$(sql "
		WITH a AS (INSERT INTO applications (organization_id, kind, state, submitted_at, created_by, scope)
			SELECT organization_id, 'initial', 'accepted', now(), created_by, scope
			FROM applications, generate_series(1, 6) WHERE id = $(cat "$TMP/rv-app") RETURNING id, created_by),
		au AS (INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays, scheme_version,
			planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
			SELECT id, 'evaluated', '2027-03-01', '2027-03-02', 4, 1, created_by, now(), created_by, now(), created_by
			FROM a RETURNING id)
		INSERT INTO evaluations (audit_id, evaluator_id, recommendation, level, final_tenths)
		SELECT id, (SELECT id FROM users WHERE email = 'evaluator@test.example'), 'certify', 'three_star', 850
		FROM au RETURNING audit_id")
	token=$(csrf_of "$s" /audits)
	i=0
	for id in $ids; do
		i=$((i + 1))
		curl -s -o /dev/null -w '%{http_code}\n' -b "$s" -H "Origin: $STARCERT_URL" \
			--data "csrf=$token&version=1&outcome=approved" "$STARCERT_URL/audits/$id/decide" >"$TMP/approve$i" &
	done
	wait
	expect_eq "$(cat "$TMP"/approve? | sort | uniq -c | tr -s ' ')" " 6 303" "six approvals at once"
	expect_eq "$(sql "SELECT count(*) || ' ' || count(DISTINCT number) FROM certificates")" "7 7" "distinct numbers"
	expect_eq "$(sql "SELECT last FROM certificate_serials")" 7 "the serial"
}

test_88q_the_register_searches_three_ways_and_treats_input_as_text() {
	local number code
	number=$(sql "SELECT number FROM certificates WHERE id = $(cert_id)")
	code=$(sql "SELECT credit_code FROM certificate_versions WHERE certificate_id = $(cert_id)")
	http GET "/lookup?q=$(tr 'A-Z' 'a-z' <<<"$number")"
	expect_status 200 "by number, any case"
	expect_body "$number"
	expect_body '评审测试电器有限公司'
	expect_no_body 'contact@'
	http GET "/lookup?q=$code"
	expect_body "$number"
	http GET "/lookup" --get --data-urlencode "q=测试电器"
	expect_body "$number"
	for q in '%' '_' "' OR 1=1 --" '\'; do
		http GET "/lookup" --get --data-urlencode "q=$q"
		expect_status 200 "the term '$q'"
		expect_body '没有找到证书'
	done
	http GET "/lookup" --get --data-urlencode "q=$(printf '证%.0s' $(seq 1 1000))"
	expect_status 400 "a 1000-character term"
	http GET /
	expect_body 'href="/lookup"'
}

test_88r_verification_statuses_and_signatures() {
	local url number bad other
	url=$(cat "$TMP/cert-url")
	number=$(sql "SELECT number FROM certificates WHERE id = $(cert_id)")
	http GET "${url#"$STARCERT_URL"}"
	expect_status 200
	expect_body '有效'
	expect_body '二维码签名真实有效'
	# The same link with the signature's last digit changed.
	if [ "${url: -1}" = 0 ]; then bad="${url%?}1"; else bad="${url%?}0"; fi
	http GET "${bad#"$STARCERT_URL"}"
	expect_body '二维码签名不真实'
	http GET "/verify/$number"
	expect_body '有效'
	expect_no_body '二维码签名'
	http GET "/verify/SC-1999-99999"
	expect_status 404 "unknown"
	expect_body '没有此编号的证书'
	# A later version makes the old print superseded.
	sql "INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address, scope, standard, level, issue_date, expiry_date)
	     SELECT certificate_id, 2, org_name, credit_code, address, scope, standard, 'four_star', issue_date, expiry_date
	     FROM certificate_versions WHERE certificate_id = $(cert_id) AND version = 1;
	     UPDATE certificates SET version = 2 WHERE id = $(cert_id)" >/dev/null
	http GET "${url#"$STARCERT_URL"}"
	expect_body '此打印件已被新版本取代'
	# Each status, as the register and the verification page say it.
	for st in suspended withdrawn cancelled; do
		other=$(sql "SELECT number FROM certificates WHERE status = 'valid' AND id <> $(cert_id) ORDER BY id LIMIT 1")
		sql "UPDATE certificates SET status = '$st' WHERE number = '$other'" >/dev/null
		http GET "/verify/$other"
		expect_body "$(case $st in suspended) echo 暂停 ;; withdrawn) echo 撤销 ;; cancelled) echo 注销 ;; esac)"
	done
	other=$(sql "SELECT number FROM certificates WHERE status = 'valid' AND id <> $(cert_id) ORDER BY id LIMIT 1")
	sql "UPDATE certificates SET issue_date = '2020-01-01', expiry_date = '2023-01-01' WHERE number = '$other'" >/dev/null
	http GET "/verify/$other"
	expect_body '过期'
}

test_88r2_the_number_pattern_is_checked_where_it_is_set() {
	local a=$(jar admin)
	FORM_PAGE=/admin/settings post "$a" /admin/settings --data "$(settings_form 'certificate_number_pattern=sc {YYYY}')"
	expect_status 422 "a pattern without a serial, in lower case, with a space"
	expect_body '编号规则无效'
	expect_eq "$(sql "SELECT count(*) FROM settings WHERE key = 'certificate_number_pattern'")" 0 "nothing stored"
}

test_88s_nginx_limits_the_rate_of_the_public_pages() {
	local codes
	# 200 lookups at once from one address: the burst passes, the rest get 429.
	codes=$(curl -s --no-progress-meter --parallel --parallel-max 50 -o "$TMP/lookup#1" -w '%{http_code}\n' \
		"$STARCERT_URL/lookup?q=x&n=[1-200]" | sort | uniq -c)
	grep -q ' 429$' <<<"$codes" || fail "no 429 among 200 lookups at once: $codes"
	grep -q ' 200$' <<<"$codes" || fail "no 200 among 200 lookups at once: $codes"
}
