# t_exports.sh: the lists as CSV and Excel, filtered as on screen and limited to what the user
# may see, opened and read back (CSV parsed, the workbook unzipped); the regulator's monthly
# report for months made by time travel. Self-contained: its own users, organizations,
# applications and certificates, removed again at the end so that later tests find none.

X_PW=staff-password-123
# Organization names with what CSV must quote, and one a spreadsheet would run as a formula.
X_ORG_A='北京"星辰"家电, 售后服务有限公司'
X_ORG_B='=上海月亮电器有限公司'

# x_code PREFIX17: a unified social credit code with its check character (GB 32100-2015).
x_code() {
	python3 -c '
import sys
cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
b = sys.argv[1]
print(b + cs[(31 - sum(cs.index(c) * w[i] for i, c in enumerate(b)) % 31) % 31])' "$1"
}

# x_tick DATE: the daily run on that day (time travel).
x_tick() {
	STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" tick --today "$1" >/dev/null ||
		fail "tick $1"
}

# x_app ORG STATE: an application of the organization in that state (the stages before are
# those of t_intake.sh and t_review.sh); echoes its id.
x_app() {
	sql "INSERT INTO applications (organization_id, kind, state, scope, created_by, submitted_at, queued_at, decided_at)
		SELECT o.id, 'initial', '$2', '家用电器的销售与售后服务', u.id,
			CASE WHEN '$2' <> 'draft' THEN now() END,
			CASE WHEN '$2' IN ('submitted', 'resubmitted', 'in_review') THEN now() END,
			CASE WHEN '$2' IN ('accepted', 'declined') THEN now() END
		FROM organizations o JOIN users u ON u.organization_id = o.id
		WHERE o.id = $1 ORDER BY u.id LIMIT 1 RETURNING id"
}

# x_certificate ORG: an application carried to an evaluation "certify, four stars" and
# approved by the supervisor through the page; echoes the certificate's id.
x_certificate() {
	local app au
	app=$(x_app "$1" accepted)
	au=$(sql "WITH au AS (INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays,
		scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
		SELECT id, 'evaluated', '2026-03-02', '2026-03-03', 4, 1, created_by, now(), created_by, now(), created_by
		FROM applications WHERE id = $app RETURNING id)
	     INSERT INTO evaluations (audit_id, evaluator_id, recommendation, level, final_tenths)
	     SELECT id, (SELECT id FROM users WHERE email = 'x-evaluator@test.example'), 'certify', 'four_star', 920
	     FROM au RETURNING audit_id")
	FORM_PAGE=/audits/$au post "$(jar x-supervisor)" "/audits/$au/decide" --data "version=1&outcome=approved" >&2
	[ "$STATUS" = 303 ] || fail "certificate of organization $1: $STATUS" >&2
	sql "SELECT id FROM certificates WHERE audit_id = $au"
}

# x_csv FILE: the rows of a CSV export, fields joined by |, after checking the BOM and CRLF.
x_csv() {
	python3 - "$1" <<'EOF'
import csv, io, sys
data = open(sys.argv[1], 'rb').read()
if not data.startswith(b'\xef\xbb\xbf'):
	sys.exit('no BOM')
text = data[3:].decode('utf-8')
if not text.endswith('\r\n'):
	sys.exit('rows do not end in CRLF')
for row in csv.reader(io.StringIO(text, newline='')):
	print('|'.join(row))
EOF
}

# x_xlsx FILE SHEET: the rows of a sheet of a workbook, cells joined by |: shared or inline
# strings resolved, numbers in a date format as YYYY-MM-DD.
x_xlsx() {
	python3 - "$1" "$2" <<'EOF'
import datetime, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
	for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
		shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
styles = ET.fromstring(z.read('xl/styles.xml'))
formats = {int(f.get('numFmtId')): f.get('formatCode') for f in styles.iter('{%s}numFmt' % ns['m'])}
xfs = [int(x.get('numFmtId', 0)) for x in styles.find('m:cellXfs', ns)]
def is_date(s):
	f = xfs[int(s)] if s is not None else 0
	return f == 14 or 'yy' in formats.get(f, '')
sheet = ET.fromstring(z.read('xl/worksheets/sheet%s.xml' % sys.argv[2]))
for row in sheet.iter('{%s}row' % ns['m']):
	cells = {}
	for c in row.findall('m:c', ns):
		col = re.match('[A-Z]+', c.get('r')).group(0)
		i = 0
		for ch in col:
			i = i * 26 + ord(ch) - 64
		t, v = c.get('t'), c.find('m:v', ns)
		if t == 's':
			val = shared[int(v.text)]
		elif t == 'inlineStr':
			val = ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))
		elif v is not None and is_date(c.get('s')):
			val = (datetime.date(1899, 12, 30) + datetime.timedelta(days=float(v.text))).isoformat()
		elif v is not None:
			val = v.text[:-2] if v.text.endswith('.0') else v.text
		else:
			val = ''
		cells[i] = val
	print('|'.join(cells.get(i, '') for i in range(1, max(cells) + 1)))
EOF
}

# x_unzip FILE [MEMBER]: the names in a zip file, or one member's content (python's zipfile: no unzip needed).
x_unzip() {
	python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
if len(sys.argv) > 2:
	sys.stdout.buffer.write(z.read(sys.argv[2]))
else:
	print("\n".join(z.namelist()))' "$@"
}

# x_get JAR PATH OUT: download PATH into OUT.
x_get() {
	http GET "$2" -b "$1"
	cp "$BODY" "$3"
}

test_86_exports_a_setup() {
	local code_a code_b org_a org_b
	for role in supervisor evaluator reviewer auditor; do
		add_user "x-$role@test.example" "导出$role" "$role" "$X_PW" >/dev/null || fail "user $role"
		login "$(jar "x-$role")" "x-$role@test.example" "$X_PW"
		expect_status 303 "sign-in as $role"
	done
	code_a=$(x_code 91110108MA01XPRT0)
	code_b=$(x_code 91310115MA1HXPRT1)
	echo "$code_a" >"$TMP/x-code-a"
	echo "$code_b" >"$TMP/x-code-b"
	register "$(jar x-holder-a)" "$X_ORG_A" "$code_a" x-holder-a@test.example
	expect_status 303 "registration of A"
	register "$(jar x-holder-b)" "$X_ORG_B" "$code_b" x-holder-b@test.example
	expect_status 303 "registration of B"
	org_a=$(sql "SELECT id FROM organizations WHERE credit_code = '$code_a'")
	org_b=$(sql "SELECT id FROM organizations WHERE credit_code = '$code_b'")
	echo "$org_a" >"$TMP/x-org-a"
	echo "$org_b" >"$TMP/x-org-b"
	x_app "$org_a" submitted >"$TMP/x-app-a-queued"
	x_app "$org_a" draft >"$TMP/x-app-a-draft"
	x_app "$org_b" in_review >"$TMP/x-app-b-review"
	x_app "$org_b" declined >"$TMP/x-app-b-declined"
	x_certificate "$org_a" >"$TMP/x-cert-a1"
	x_certificate "$org_a" >"$TMP/x-cert-a2"
	x_certificate "$org_b" >"$TMP/x-cert-b1"
	expect_eq "$(sql "SELECT count(*) FROM certificates WHERE organization_id IN ($org_a, $org_b) AND status = 'valid'")" 3 "three certificates issued"
}

test_86_exports_b_certificates_csv_filtered_and_per_organization() {
	local s=$(jar x-supervisor) a1 rows
	a1=$(sql "SELECT number FROM certificates WHERE id = $(cat "$TMP/x-cert-a1")")
	x_get "$s" /certificates/export.csv "$TMP/x-certs.csv"
	expect_status 200 "staff CSV"
	expect_header '^Content-Type: text/csv; charset=utf-8'
	expect_header "^Content-Disposition: attachment; filename=\"certificates-[0-9-]*.csv\"; filename\*=UTF-8''%E8%AF%81%E4%B9%A6-[0-9-]*.csv"
	expect_header '^Cache-Control: no-store'
	rows=$(x_csv "$TMP/x-certs.csv") || fail "CSV not read: $rows"
	expect_eq "$(head -n 1 <<<"$rows")" "证书编号|组织名称|统一社会信用代码|地址|认证范围|认证等级|状态|状态代码|发证日期|有效期至|待办监督审核" "the headings"
	grep -qF "$a1|$X_ORG_A|$(cat "$TMP/x-code-a")|北京市海淀区中关村大街1号|家用电器的销售与售后服务|四星级|有效|01|" <<<"$rows" ||
		fail "certificate A1 with its Chinese name, quotes and comma intact: $rows"
	# A name that starts like a formula is defused with an apostrophe.
	grep -qF "|'$X_ORG_B|" <<<"$rows" || fail "formula guard: $rows"
	grep -q ',=上海' "$TMP/x-certs.csv" && fail "a cell starting with = left as it was"
	# The list's filter, and its export links carrying it.
	http GET "/certificates?q=%E6%98%9F%E8%BE%B0&level=four_star" -b "$s"
	expect_status 200
	expect_body 'href="/certificates/export.csv?q=%E6%98%9F%E8%BE%B0&amp;level=four_star"'
	expect_body 'href="/certificates/export.xlsx?q=%E6%98%9F%E8%BE%B0&amp;level=four_star"'
	expect_body '导出 Excel'
	x_get "$s" "/certificates/export.csv?q=%E6%98%9F%E8%BE%B0&level=four_star" "$TMP/x-certs-a.csv"
	rows=$(x_csv "$TMP/x-certs-a.csv")
	expect_eq "$(grep -c "$(cat "$TMP/x-code-a")" <<<"$rows")" 2 "both of A's certificates"
	grep -qF "$(cat "$TMP/x-code-b")" <<<"$rows" && fail "B's certificate despite the filter"
	x_get "$s" "/certificates/export.csv?status=suspended" "$TMP/x-certs-none.csv"
	expect_eq "$(x_csv "$TMP/x-certs-none.csv" | wc -l)" 1 "headings only when nothing matches"
	http GET "/certificates/export.csv?status=lost" -b "$s"
	expect_status 400 "an unknown status"
	expect_no_header 'Content-Disposition'
	# A holder exports its own organization's certificates, whatever it asks for.
	x_get "$(jar x-holder-b)" "/certificates/export.csv?q=$(cat "$TMP/x-code-a")" "$TMP/x-certs-hb.csv"
	expect_status 200
	expect_eq "$(x_csv "$TMP/x-certs-hb.csv" | wc -l)" 1 "nothing of A for B"
	x_get "$(jar x-holder-b)" /certificates/export.csv "$TMP/x-certs-hb.csv"
	rows=$(x_csv "$TMP/x-certs-hb.csv")
	expect_eq "$(wc -l <<<"$rows")" 2 "B's one certificate"
	grep -qF "$X_ORG_A" <<<"$rows" && fail "A's name in B's export"
	http GET /certificates/export.csv
	expect_status 401 "signed out"
}

test_86_exports_c_certificates_xlsx() {
	local s=$(jar x-supervisor) rows today
	today=$(sql "SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date")
	x_get "$s" "/certificates/export.xlsx?q=$(cat "$TMP/x-code-a")" "$TMP/x-certs.xlsx"
	expect_status 200
	expect_header '^Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	expect_header "filename=\"certificates-$today.xlsx\""
	expect_eq "$(header Content-Length)" "$(stat -c %s "$TMP/x-certs.xlsx")" "Content-Length"
	x_unzip "$TMP/x-certs.xlsx" >"$TMP/x-list" || fail "not a zip"
	grep -qx 'xl/worksheets/sheet1.xml' "$TMP/x-list" || fail "no sheet in the workbook"
	rows=$(x_xlsx "$TMP/x-certs.xlsx" 1) || fail "workbook not read: $rows"
	expect_eq "$(head -n 1 <<<"$rows")" "证书编号|组织名称|统一社会信用代码|地址|认证范围|认证等级|状态|状态代码|发证日期|有效期至|待办监督审核" "the headings"
	expect_eq "$(grep -c "|$X_ORG_A|" <<<"$rows")" 2 "A's two certificates, the name in Chinese"
	grep -qF "|四星级|有效|01|$today|" <<<"$rows" || fail "level, status, code and a real date: $rows"
	grep -qF "$X_ORG_B" <<<"$rows" && fail "B despite the filter"
	# The workbook's temporary file is gone.
	expect_eq "$(find "$STARCERT_VAR/blobs/tmp" -name 'export-*' | wc -l)" 0 "temporary files left"
	x_get "$(jar x-holder-a)" /certificates/export.xlsx "$TMP/x-certs-ha.xlsx"
	rows=$(x_xlsx "$TMP/x-certs-ha.xlsx" 1)
	expect_eq "$(wc -l <<<"$rows")" 3 "A's holder: its two certificates"
	grep -qF "上海月亮" <<<"$rows" && fail "B's certificate in A's workbook"
}

test_86_exports_d_applications_with_stages_and_dates() {
	local s=$(jar x-supervisor) rows cert_number heading
	cert_number=$(sql "SELECT number FROM certificates WHERE id = $(cat "$TMP/x-cert-b1")")
	http GET "/applications?q=%E4%B8%8A%E6%B5%B7%E6%9C%88%E4%BA%AE&state=accepted" -b "$s"
	expect_status 200 "the staff list, filtered"
	expect_body 'href="/applications/export.csv?state=accepted&amp;q=%E4%B8%8A%E6%B5%B7%E6%9C%88%E4%BA%AE"'
	x_get "$s" "/applications/export.csv?state=accepted&q=%E4%B8%8A%E6%B5%B7%E6%9C%88%E4%BA%AE" "$TMP/x-apps.csv"
	expect_status 200
	rows=$(x_csv "$TMP/x-apps.csv")
	heading="编号|申请类型|组织名称|统一社会信用代码|申请状态|创建日期|提交日期|受理结论日期|现场审核开始|现场审核结束|审核状态|审核报告日期|评定日期|推荐星级|认证决定|决定日期|证书编号|发证日期"
	expect_eq "$(head -n 1 <<<"$rows")" "$heading" "the headings"
	expect_eq "$(wc -l <<<"$rows")" 2 "B's one accepted application"
	grep -qE "^[0-9]+\|初次认证\|'=上海月亮电器有限公司\|$(cat "$TMP/x-code-b")\|已受理\|[0-9-]{10}\|[0-9-]{10}\|[0-9-]{10}\|2026-03-02\|2026-03-03\|已决定\|[0-9-]{10}\|[0-9-]{10}\|四星级\|批准发证\|[0-9-]{10}\|$cert_number\|[0-9-]{10}$" <<<"$rows" ||
		fail "the stages and dates of the certified application: $rows"
	# Staff never see drafts; other states follow the filter.
	x_get "$s" "/applications/export.csv?q=$(cat "$TMP/x-code-a")" "$TMP/x-apps-a.csv"
	rows=$(x_csv "$TMP/x-apps-a.csv")
	expect_eq "$(wc -l <<<"$rows")" 4 "A's queued application and two certified ones, not the draft"
	grep -q "^$(cat "$TMP/x-app-a-draft")|" <<<"$rows" && fail "a draft in the staff export"
	# The applicant: its organization's, drafts too, without the evaluation's internals.
	x_get "$(jar x-holder-a)" "/applications/export.xlsx?q=$(cat "$TMP/x-code-b")" "$TMP/x-apps-ha.xlsx"
	expect_status 200
	expect_eq "$(x_xlsx "$TMP/x-apps-ha.xlsx" 1 | wc -l)" 1 "nothing of B for A"
	x_get "$(jar x-holder-a)" /applications/export.xlsx "$TMP/x-apps-ha.xlsx"
	rows=$(x_xlsx "$TMP/x-apps-ha.xlsx" 1)
	expect_eq "$(head -n 1 <<<"$rows")" "编号|申请类型|组织名称|统一社会信用代码|申请状态|创建日期|提交日期|受理结论日期|现场审核开始|现场审核结束|审核状态|审核报告日期|认证决定|决定日期|证书编号|发证日期" "no evaluation columns for applicants"
	expect_eq "$(wc -l <<<"$rows")" 5 "A's four applications, the draft among them"
	grep -q "^$(cat "$TMP/x-app-a-draft")|初次认证|$X_ORG_A|.*|草稿|" <<<"$rows" || fail "the draft, its number a number: $rows"
	grep -qF "上海月亮" <<<"$rows" && fail "B's application in A's export"
	# The review queue's export: only what waits for review, filtered like the queue.
	http GET "/review?state=in_review" -b "$(jar x-reviewer)"
	expect_body 'href="/review/export.csv?state=in_review"'
	x_get "$(jar x-reviewer)" "/review/export.csv?state=in_review" "$TMP/x-queue.csv"
	rows=$(x_csv "$TMP/x-queue.csv")
	grep -q "^$(cat "$TMP/x-app-b-review")|" <<<"$rows" || fail "B's application in review: $rows"
	grep -q "^$(cat "$TMP/x-app-a-queued")|" <<<"$rows" && fail "a submitted one under state=in_review"
	x_get "$(jar x-reviewer)" "/review/export.csv?q=$(cat "$TMP/x-code-b")" "$TMP/x-queue.csv"
	expect_eq "$(x_csv "$TMP/x-queue.csv" | wc -l)" 2 "the declined one is not in the queue"
	http GET "/review/export.csv?state=accepted" -b "$(jar x-reviewer)"
	expect_status 400 "a state the queue does not show"
	http GET /review/export.csv -b "$(jar x-holder-a)"
	expect_status 403 "applicants have no queue"
}

# The certificates' lives moved into the past, then the daily run on past days.
test_86_exports_e_monthly_report_by_time_travel() {
	local s=$(jar x-supervisor) a1 a2 b1 rows n1 n2 nb
	a1=$(cat "$TMP/x-cert-a1")
	a2=$(cat "$TMP/x-cert-a2")
	b1=$(cat "$TMP/x-cert-b1")
	n1=$(sql "SELECT number FROM certificates WHERE id = $a1")
	n2=$(sql "SELECT number FROM certificates WHERE id = $a2")
	nb=$(sql "SELECT number FROM certificates WHERE id = $b1")
	# B's holder gives its certificate up (today), then everything is dated back.
	FORM_PAGE=/certificates/$b1 post "$(jar x-holder-b)" "/certificates/$b1/status" --data "action=cancel" \
		--data-urlencode "reason=企业停止该业务"
	expect_status 303 "cancelled by the holder"
	sql "UPDATE certificates SET issue_date = '2021-01-15', expiry_date = '2024-01-15',
		surveillance1_due = '2022-01-15', surveillance2_due = '2023-01-15' WHERE id = $a1;
	     UPDATE certificates SET issue_date = '2019-02-06', expiry_date = '2022-02-05',
		surveillance1_due = '2020-02-06', surveillance2_due = '2021-02-06' WHERE id = $a2;
	     UPDATE certificates SET issue_date = '2021-01-20', expiry_date = '2024-01-20',
		surveillance1_due = '2022-01-20', surveillance2_due = '2023-01-20' WHERE id = $b1;
	     UPDATE certificate_versions v SET issue_date = c.issue_date, expiry_date = c.expiry_date
		FROM certificates c WHERE c.id = v.certificate_id AND c.id IN ($a1, $a2, $b1);
	     UPDATE certificate_history h SET on_date = c.issue_date FROM certificates c
		WHERE c.id = h.certificate_id AND h.change = 'issued' AND c.id IN ($a1, $a2, $b1);
	     UPDATE certificate_history SET on_date = '2022-02-10' WHERE certificate_id = $b1 AND to_value = 'cancelled';
	     INSERT INTO surveillance_cases (certificate_id, kind, due_date, state, opened_on)
		SELECT $a2, k, d, 'done', d - 90 FROM (VALUES ('surveillance_1', date '2020-02-06'),
		('surveillance_2', date '2021-02-06')) AS x (k, d);" >/dev/null
	# A2 rose to five stars at a surveillance on 2022-02-03 (a new version, as decision.c writes it).
	sql "UPDATE certificates SET version = 2 WHERE id = $a2;
	     INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address, scope, standard, level, issue_date, expiry_date)
		SELECT certificate_id, 2, org_name, credit_code, address, scope, standard, 'five_star', issue_date, expiry_date
		FROM certificate_versions WHERE certificate_id = $a2 AND version = 1;
	     INSERT INTO certificate_history (certificate_id, on_date, change, from_value, to_value, reason_code, reason, actor_id)
		VALUES ($a2, '2022-02-03', 'level', 'four_star', 'five_star', 'surveillance', '监督审核表现优异',
		(SELECT id FROM users WHERE email = 'x-supervisor@test.example'));" >/dev/null
	x_tick 2022-01-16	# A1's first surveillance opens, overdue at once
	x_tick 2022-02-06	# A2 expired the day before
	x_tick 2022-02-20	# A1 past the grace period: suspended
	x_tick 2022-08-25	# A1 suspended too long: withdrawn
	expect_eq "$(sql "SELECT string_agg(status, ' ' ORDER BY id) FROM certificates WHERE id IN ($a1, $a2, $b1)")" \
		"withdrawn expired cancelled" "the statuses after the time travel"

	http GET "/reports/monthly?month=2022-02" -b "$s"
	expect_status 200 "the report page"
	expect_body 'href="/reports/monthly.xlsx?month=2022-02"'
	expect_body '<td class="num">4</td>'
	x_get "$s" "/reports/monthly.xlsx?month=2022-02" "$TMP/x-report.xlsx"
	expect_status 200 "the workbook"
	expect_header "filename=\"monthly-report-2022-02.xlsx\"; filename\*=UTF-8''%E7%9B%91%E7%AE%A1%E6%9C%88%E6%8A%A5-2022-02.xlsx"
	x_unzip "$TMP/x-report.xlsx" xl/sharedStrings.xml >"$TMP/x-shared" || fail "no shared strings"
	grep -qF '星辰' "$TMP/x-shared" && grep -qF '上海月亮电器有限公司' "$TMP/x-shared" ||
		fail "the names among the shared strings: $(cat "$TMP/x-shared")"
	rows=$(x_xlsx "$TMP/x-report.xlsx" 1) || fail "report not read: $rows"
	expect_eq "$rows" "日期|变化|证书编号|组织名称|统一社会信用代码|认证等级|状态代码|状态|原因类别|原因说明|发证日期|有效期至
2022-02-03|星级变更|$n2|$X_ORG_A|$(cat "$TMP/x-code-a")|五星级|01|有效|监督审核结论|监督审核表现优异|2019-02-06|2022-02-05
2022-02-06|过期失效|$n2|$X_ORG_A|$(cat "$TMP/x-code-a")|五星级|05|过期|有效期届满||2019-02-06|2022-02-05
2022-02-10|注销|$nb|$X_ORG_B|$(cat "$TMP/x-code-b")|四星级|04|注销||企业停止该业务|2021-01-20|2024-01-20
2022-02-20|暂停|$n1|$X_ORG_A|$(cat "$TMP/x-code-a")|四星级|02|暂停|监督审核逾期||2021-01-15|2024-01-15" "February's changes"
	rows=$(x_xlsx "$TMP/x-report.xlsx" 2)
	grep -qx "报告月份|2022-02" <<<"$rows" || fail "the month on the summary: $rows"
	for pair in "发证|0" "星级变更|1" "暂停|1" "恢复|0" "撤销|0" "注销|1" "过期失效|1" "合计|4"; do
		grep -qx "$pair" <<<"$rows" || fail "summary lacks $pair: $rows"
	done
	# August: the withdrawal; January 2021: two issues; February 2019: A2 at its first level.
	x_get "$s" "/reports/monthly.xlsx?month=2022-08" "$TMP/x-report-08.xlsx"
	rows=$(x_xlsx "$TMP/x-report-08.xlsx" 1)
	expect_eq "$(tail -n +2 <<<"$rows")" "2022-08-25|撤销|$n1|$X_ORG_A|$(cat "$TMP/x-code-a")|四星级|03|撤销|暂停超过最长期限||2021-01-15|2024-01-15" "August"
	x_get "$s" "/reports/monthly.xlsx?month=2021-01" "$TMP/x-report-01.xlsx"
	rows=$(x_xlsx "$TMP/x-report-01.xlsx" 1)
	expect_eq "$(tail -n +2 <<<"$rows" | cut -d'|' -f1,2,3,7)" "2021-01-15|发证|$n1|01
2021-01-20|发证|$nb|01" "January 2021"
	x_get "$s" "/reports/monthly.xlsx?month=2019-02" "$TMP/x-report-19.xlsx"
	expect_eq "$(x_xlsx "$TMP/x-report-19.xlsx" 1 | tail -n +2 | cut -d'|' -f2,6)" "发证|四星级" "issued at four stars"
	# A month without changes: the headings and a summary of noughts.
	http GET "/reports/monthly?month=2020-07" -b "$s"
	expect_body '该月没有证书变化'
	x_get "$s" "/reports/monthly.xlsx?month=2020-07" "$TMP/x-report-empty.xlsx"
	expect_eq "$(x_xlsx "$TMP/x-report-empty.xlsx" 1 | wc -l)" 1 "headings only"
	x_xlsx "$TMP/x-report-empty.xlsx" 2 | grep -qx "合计|0" || fail "a total of 0"
}

test_86_exports_f_bad_months_are_refused_and_only_supervisors_and_admins_report() {
	local s=$(jar x-supervisor) m
	http GET /reports/monthly -b "$s"
	expect_status 200 "the form"
	expect_body 'type="month"'
	expect_body "value=\"$(sql "SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - interval '1 month', 'YYYY-MM')")\""
	for m in 2022-13 2022-2 abc 1999-12 2022-02-01 "2022-02%27%3B"; do
		http GET "/reports/monthly.xlsx?month=$m" -b "$s"
		expect_status 422 "month $m"
		expect_body '月份格式应为 YYYY-MM'
		expect_no_header 'Content-Disposition'
		http GET "/reports/monthly?month=$m" -b "$s"
		expect_status 422 "the page, month $m"
		expect_body '月份格式应为 YYYY-MM'
	done
	http GET "/reports/monthly.xlsx" -b "$s"
	expect_status 422 "no month"
	http GET "/reports/monthly.xlsx?month=2099-01" -b "$s"
	expect_status 422 "a month not begun"
	expect_body '该月份尚未开始'
	http GET "/reports/monthly.xlsx?month=2022-02&month=2022-03" -b "$s"
	expect_status 422 "two months"
	http GET "/reports/monthly?month=2022-02&month=2022-03" -b "$s"
	expect_status 422 "two months on the page"
	http GET "/reports/monthly?month=2022-02" -b "$(jar x-auditor)"
	expect_status 403 "an auditor"
	http GET "/reports/monthly.xlsx?month=2022-02" -b "$(jar x-holder-a)"
	expect_status 403 "a holder"
	http GET /certificates -b "$s"
	expect_body 'href="/reports/monthly"'
	http GET /certificates -b "$(jar x-reviewer)"
	expect_no_body 'href="/reports/monthly"'
}

# What this file made goes again, so that the tests after it start as before it.
test_86_exports_g_the_register_says_when_it_lists_only_some() {
	local org code
	org=$(cat "$TMP/x-org-a")
	code=$(cat "$TMP/x-code-a")
	# 51 more certificates of A, each with its accepted application and audit.
	sql "WITH a AS (INSERT INTO applications (organization_id, kind, state, scope, created_by,
			submitted_at, queued_at, decided_at)
		SELECT $org, 'initial', 'accepted', '家用电器', u.id, now(), now(), now()
		FROM generate_series(1, 51), (SELECT id FROM users WHERE organization_id = $org ORDER BY id LIMIT 1) u
		RETURNING id, created_by),
	     au AS (INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays,
			scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
		SELECT id, 'decided', '2026-03-02', '2026-03-03', 4, 1, created_by, now(), created_by, now(), created_by
		FROM a RETURNING id, application_id),
	     c AS (INSERT INTO certificates (number, organization_id, application_id, audit_id, issue_date,
			expiry_date, surveillance1_due, surveillance2_due)
		SELECT 'SCX-2026-' || lpad(au.id::text, 6, '0'), $org, au.application_id, au.id, current_date,
			current_date + 1095, current_date + 365, current_date + 730 FROM au RETURNING id)
	     INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address, scope,
			standard, level, issue_date, expiry_date)
	     SELECT id, 1, 'X' || \$q\$$X_ORG_A\$q\$, '$code', '北京', '家用电器', 'GB/T 27922-2011', 'three_star',
			current_date, current_date + 1095 FROM c" >/dev/null || fail "51 certificates"
	http GET "/lookup" --get --data-urlencode "q=星辰"
	expect_status 200 "a name part of 53 certificates"
	expect_eq "$(grep -c 'href="/verify/' "$BODY")" 50 "rows listed"
	expect_body '找到的证书超过 50 张，只列出了其中 50 张'
	http GET "/lookup" --get --data-urlencode "q=X北京"
	expect_eq "$(grep -c 'href="/verify/' "$BODY")" 50 "rows listed"
	http GET "/lookup" --get --data-urlencode "q=$(cat "$TMP/x-code-b")"
	expect_eq "$(grep -c 'href="/verify/' "$BODY")" 1 "B's one certificate"
	expect_no_body '只列出了其中'
}

test_86_exports_z_cleanup() {
	local orgs
	orgs="$(cat "$TMP/x-org-a"), $(cat "$TMP/x-org-b")"
	sql "DELETE FROM certificate_history WHERE certificate_id IN (SELECT id FROM certificates WHERE organization_id IN ($orgs));
	     DELETE FROM surveillance_cases WHERE certificate_id IN (SELECT id FROM certificates WHERE organization_id IN ($orgs));
	     DELETE FROM certificate_versions WHERE certificate_id IN (SELECT id FROM certificates WHERE organization_id IN ($orgs));
	     DELETE FROM certificates WHERE organization_id IN ($orgs);
	     DELETE FROM decisions WHERE audit_id IN (SELECT au.id FROM audits au JOIN applications a ON a.id = au.application_id WHERE a.organization_id IN ($orgs));
	     DELETE FROM evaluations WHERE audit_id IN (SELECT au.id FROM audits au JOIN applications a ON a.id = au.application_id WHERE a.organization_id IN ($orgs));
	     DELETE FROM audits WHERE application_id IN (SELECT id FROM applications WHERE organization_id IN ($orgs));
	     DELETE FROM applications WHERE organization_id IN ($orgs);
	     DELETE FROM certificate_serials WHERE NOT EXISTS (SELECT 1 FROM certificates);" >/dev/null || fail "cleanup"
	expect_eq "$(sql "SELECT count(*) FROM applications WHERE organization_id IN ($orgs)")" 0 "applications left"
}
