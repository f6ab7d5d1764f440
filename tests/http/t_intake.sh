# t_intake.sh: applications, outlets, uploads and downloads, submission, gc.

PNG_B64=iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC

make_files() {
	[ -f "$TMP/licence.pdf" ] && return 0
	printf '%%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%%%EOF\n' >"$TMP/licence.pdf"
	base64 -d <<<"$PNG_B64" >"$TMP/chart.png"
	printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9' >"$TMP/photo.jpg"
	printf '<!doctype html><html><script>alert(1)</script></html>\n' >"$TMP/evil.pdf"
}

# upload JAR APP MATERIAL FILE [NAME]: a multipart upload as the form sends it.
upload() {
	local j=$1 app=$2 material=$3 file=$4 name=${5:-$(basename "$4")} token
	token=$(csrf_of "$j" "/applications/$app")
	http POST "/applications/$app/materials/$material?csrf=$token" -b "$j" -H "Origin: $STARCERT_URL" \
		-F "file=@$file;filename=$name"
}

material_id() { sql "SELECT id FROM material_items WHERE code = '$1'"; }

# new_application JAR: create a draft; echoes its id.
new_application() {
	FORM_PAGE=/applications post "$1" /applications --data kind=initial
	grep -o '[0-9]*$' <<<"$(header Location)"
}

# fill_application JAR APP: details, one category, one outlet: all but materials.
fill_application() {
	local j=$1 app=$2 version
	version=$(sql "SELECT version FROM applications WHERE id = $app")
	FORM_PAGE=/applications/$app post "$j" "/applications/$app" --data "version=$version&kind=initial&delivery_mode=mixed&category=1" \
		--data-urlencode "scope=家用空调的销售、安装和维修" --data-urlencode "sales_channels=直营门店与电商平台" \
		--data-urlencode "funding_facilities=每年售后服务专项资金 2000 万元"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets" --data "kind=fixed&staff_count=8&operator=direct" \
		--data-urlencode "name=北京朝阳服务中心" --data-urlencode "address=朝阳区建国路88号" --data-urlencode "city=北京"
}

test_70_setup_applicants() {
	make_files
	register "$(jar intake)" "测试电器有限公司" 91440400192548256N intake@test.example
	expect_status 303 "registration"
}

test_71_an_application_from_draft_with_its_details() {
	local j app
	j=$(jar intake)
	app=$(new_application "$j")
	expect_status 303
	[ -n "$app" ] || { fail "no application id"; return; }
	echo "$app" >"$TMP/app"
	http GET "/applications/$app" -b "$j"
	expect_status 200
	expect_body '草稿'
	expect_body '填写申请认证的商品和服务范围'
	expect_body 'id="material-business_licence"'
	fill_application "$j" "$app"
	http GET "/applications/$app" -b "$j"
	expect_body '家用空调的销售、安装和维修'
	expect_body '北京朝阳服务中心'
	expect_no_body 'href="#scope"'
	expect_eq "$(sql "SELECT state || ' ' || delivery_mode FROM applications WHERE id = $app")" "draft mixed" "stored"
	# An excluded indicator needs its reason; nothing is stored without it.
	FORM_PAGE=/applications/$app post "$j" "/applications/$app" --data "version=$(sql "SELECT version FROM applications WHERE id = $app")&kind=initial&delivery_mode=direct&category=1&exclude_delivery=1&scope=x&sales_channels=y&funding_facilities=z"
	expect_status 422
	expect_body '每个删减的指标都需要说明理由'
	expect_eq "$(sql "SELECT delivery_mode FROM applications WHERE id = $app")" mixed "after the refused save"
}

test_72_a_stale_version_is_refused_and_the_current_state_shown() {
	local j app
	j=$(jar intake)
	app=$(cat "$TMP/app")
	FORM_PAGE=/applications/$app post "$j" "/applications/$app" --data "version=1&kind=initial&delivery_mode=direct&category=1&scope=old&sales_channels=old&funding_facilities=old"
	expect_status 409
	expect_body '此申请在您编辑期间已被修改'
	expect_eq "$(sql "SELECT scope FROM applications WHERE id = $app")" "家用空调的销售、安装和维修" "scope kept"
}

test_73_outlets_edit_remove_and_import_all_or_nothing() {
	local j app id
	j=$(jar intake)
	app=$(cat "$TMP/app")
	id=$(sql "SELECT id FROM outlets WHERE application_id = $app LIMIT 1")
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/$id" --data "kind=mobile&staff_count=3&operator=partner" \
		--data-urlencode "name=北京流动服务车" --data-urlencode "address=朝阳区" --data-urlencode "city=北京"
	expect_status 303
	expect_eq "$(sql "SELECT kind || ' ' || operator || ' ' || staff_count FROM outlets WHERE id = $id")" "mobile partner 3" "edited"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/$id" --data "kind=boat&staff_count=-1&operator=direct&name=x&address=y&city=z"
	expect_status 422
	expect_body '服务人员数应为 0 到 100000 的整数'
	printf '网点名称\t地址\t城市\t类型\t人数\t运营方式\n上海浦东服务中心\t浦东新区世纪大道1号\t上海\t固定\t10\t自营\n"广州, 天河网点"\t天河路2号\t广州\tfixed\t4\tpartner\n' >"$TMP/outlets.tsv"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/import" --data-urlencode "csv@$TMP/outlets.tsv"
	expect_status 303
	expect_eq "$(sql "SELECT count(*) FROM outlets WHERE application_id = $app")" 3 "after the import"
	expect_eq "$(sql "SELECT count(*) FROM outlets WHERE application_id = $app AND name = '广州, 天河网点'")" 1 "quoted name"
	printf '深圳网点,福田区,深圳,固定,5,自营\n坏的一行,地址,城市,潜水艇,5,自营\n只有三列,a,b\n' >"$TMP/bad.csv"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/import" --data-urlencode "csv@$TMP/bad.csv"
	expect_status 422
	expect_body '第 2 行'
	expect_body '第 3 行'
	expect_body '未导入任何网点'
	expect_eq "$(sql "SELECT count(*) FROM outlets WHERE application_id = $app")" 3 "nothing from a bad list"
	# Hundreds of outlets stay usable: 300 pasted at once.
	for i in $(seq 1 300); do printf '网点%d,路%d号,杭州,固定,%d,自营\n' "$i" "$i" $((i % 9)); done >"$TMP/many.csv"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/import" --data-urlencode "csv@$TMP/many.csv"
	expect_status 303
	http GET "/applications/$app" -b "$j"
	expect_body '(303)'
	# A CSV file, as the import form uploads it.
	printf '名称,地址,城市,类型,人数,运营\r\n南京网点,鼓楼区,南京,固定,6,合作\r\n' >"$TMP/file.csv"
	http POST "/applications/$app/outlets/import?csrf=$(csrf_of "$j" "/applications/$app")" -b "$j" \
		-H "Origin: $STARCERT_URL" -F "csv=" -F "csv_file=@$TMP/file.csv;type=text/csv"
	expect_status 303 "CSV file import"
	expect_eq "$(sql "SELECT city FROM outlets WHERE application_id = $app AND name = '南京网点'")" 南京 "from the file"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/$(sql "SELECT id FROM outlets WHERE name = '南京网点'")/delete"
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/outlets/$id/delete"
	expect_status 303
	expect_eq "$(sql "SELECT count(*) FROM outlets WHERE application_id = $app")" 302 "after removing one"
}

test_74_uploads_by_content_type_with_versions() {
	local j app lic
	j=$(jar intake)
	app=$(cat "$TMP/app")
	lic=$(material_id business_licence)
	upload "$j" "$app" "$lic" "$TMP/licence.pdf" "营业执照.pdf"
	expect_status 303
	upload "$j" "$app" "$lic" "$TMP/chart.png" "营业执照扫描件.png"
	expect_status 303
	upload "$j" "$app" "$(material_id org_chart)" "$TMP/photo.jpg"
	expect_status 303
	expect_eq "$(sql "SELECT string_agg(version || ':' || content_type, ' ' ORDER BY version) FROM documents WHERE application_id = $app AND material_id = $lic")" "1:application/pdf 2:image/png" "versions"
	upload "$j" "$app" "$lic" "$TMP/evil.pdf" "evil.pdf"
	expect_status 415
	expect_body '检测到的类型为 text/html'
	expect_no_body 'csrf%3D'
	expect_eq "$(sql "SELECT count(*) FROM documents WHERE file_name = 'evil.pdf'")" 0 "refused file stored"
	http GET "/applications/$app" -b "$j"
	expect_body '营业执照.pdf'
	expect_body 'v2'
}

test_75_downloads_go_through_the_application_only() {
	local j id hash
	j=$(jar intake)
	id=$(sql "SELECT id FROM documents WHERE file_name = '营业执照.pdf'")
	hash=$(sql "SELECT blob_sha256 FROM documents WHERE id = $id")
	http GET "/documents/$id" -b "$j"
	expect_status 200
	expect_header '^Content-Type: application/pdf'
	expect_header "^Content-Disposition: attachment; filename=\".*\"; filename\*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf"
	expect_header '^X-Content-Type-Options: nosniff'
	cmp -s "$BODY" "$TMP/licence.pdf" || fail "downloaded bytes differ"
	[ "$(sha256sum <"$BODY" | cut -d' ' -f1)" = "$hash" ] || fail "content hash"
	http GET "/_blobs/sha256/${hash:0:2}/${hash:2:2}/$hash" -b "$j"
	expect_status 404 "the internal location fetched directly"
	http GET "/documents/$id"
	expect_status 401 "anonymous"
}

test_76_hostile_file_names_are_stored_safely() {
	local j app boundary name id
	j=$(jar intake)
	app=$(cat "$TMP/app")
	boundary=----starcerttest
	for name in '../../etc/passwd' $'evil\r\nSet-Cookie: x=1.pdf' "$(head -c 500 /dev/zero | tr '\0' a).pdf" 'a"b\c.pdf'; do
		{
			printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: application/pdf\r\n\r\n' "$boundary" "$(sed 's/\\/\\\\/g; s/"/\\"/g' <<<"$name")"
			cat "$TMP/licence.pdf"
			printf '\r\n--%s--\r\n' "$boundary"
		} >"$TMP/body"
		http POST "/applications/$app/materials/$(material_id company_profile)?csrf=$(csrf_of "$j" "/applications/$app")" \
			-b "$j" -H "Origin: $STARCERT_URL" -H "Content-Type: multipart/form-data; boundary=$boundary" --data-binary @"$TMP/body"
		[ "$STATUS" = 303 ] || [ "$STATUS" = 400 ] || fail "hostile name answered $STATUS"
	done
	expect_eq "$(sql "SELECT count(*) FROM documents WHERE file_name ~ '[/\\\\\\r\\n\"]' OR length(file_name) > 255")" 0 "unsafe stored names"
	id=$(sql "SELECT max(id) FROM documents WHERE application_id = $app AND material_id = $(material_id company_profile)")
	http GET "/documents/$id" -b "$j"
	expect_status 200
	expect_no_header '^x: 1'
	expect_no_header '^Set-Cookie: x=1'
	[ "$(grep -ci '^Content-Disposition' "$HEADERS")" = 1 ] || fail "Content-Disposition lines"
}

test_77_broken_multipart_is_400_and_stores_nothing() {
	local j app before url
	j=$(jar intake)
	app=$(cat "$TMP/app")
	before=$(sql "SELECT count(*) FROM documents")
	url="/applications/$app/materials/$(material_id company_profile)?csrf=$(csrf_of "$j" "/applications/$app")"
	http POST "$url" -b "$j" -H "Origin: $STARCERT_URL" -H "Content-Type: multipart/form-data" --data-binary 'x'
	expect_status 400 "no boundary"
	printf -- '--b\r\nContent-Disposition: form-data; name="file"; filename="t.pdf"\r\n\r\n%%PDF-1.4 truncated' >"$TMP/body"
	http POST "$url" -b "$j" -H "Origin: $STARCERT_URL" -H "Content-Type: multipart/form-data; boundary=b" --data-binary @"$TMP/body"
	expect_status 400 "truncated body"
	printf -- '--b\r\nContent-Disposition: form-data; filename="t.pdf"\r\n\r\n%%PDF-1.4\r\n--b--\r\n' >"$TMP/body"
	http POST "$url" -b "$j" -H "Origin: $STARCERT_URL" -H "Content-Type: multipart/form-data; boundary=b" --data-binary @"$TMP/body"
	expect_status 400 "part without a name"
	for i in $(seq 1 10000); do printf -- '--b\r\nContent-Disposition: form-data; name="f%d"\r\n\r\nx\r\n' "$i"; done >"$TMP/body"
	printf -- '--b--\r\n' >>"$TMP/body"
	http POST "$url" -b "$j" -H "Origin: $STARCERT_URL" -H "Content-Type: multipart/form-data; boundary=b" --data-binary @"$TMP/body"
	expect_status 400 "10 000 parts"
	expect_eq "$(sql "SELECT count(*) FROM documents")" "$before" "documents after broken uploads"
	expect_eq "$(ls "$STARCERT_VAR/blobs/tmp" | wc -l)" 0 "temporary files left"
}

test_78_too_large_is_413_in_the_users_language() {
	local j app
	j=$(jar intake)
	app=$(cat "$TMP/app")
	sql "INSERT INTO settings (key, value) VALUES ('upload_max_mb', '1')" >/dev/null
	sleep 6	# the workers' settings cache
	head -c 1100000 /dev/urandom >"$TMP/big.bin"
	upload "$j" "$app" "$(material_id training)" "$TMP/big.bin" big.pdf
	expect_status 413
	expect_body '文件过大：每个文件最多 1 MB'
	sql "DELETE FROM settings WHERE key = 'upload_max_mb'" >/dev/null
	expect_eq "$(sql "SELECT count(*) FROM documents WHERE file_name = 'big.pdf'")" 0 "stored"
	sleep 6
}

test_79_other_organizations_see_nothing() {
	local other app doc
	other=$(jar applicant)	# Huawei's applicant from t_accounts
	app=$(cat "$TMP/app")
	doc=$(sql "SELECT min(id) FROM documents WHERE application_id = $app")
	http GET "/applications/$app" -b "$other"
	expect_status 404 "view"
	http GET "/documents/$doc" -b "$other"
	expect_status 404 "download"
	FORM_PAGE=/applications post "$other" "/documents/$doc/delete"
	expect_status 404 "delete"
	upload "$other" "$app" "$(material_id premises)" "$TMP/licence.pdf"
	expect_status 404 "upload"
	FORM_PAGE=/applications post "$other" "/applications/$app/outlets" --data "name=x&address=y&city=z&kind=fixed&staff_count=1&operator=direct"
	expect_status 404 "outlet"
	http GET "/applications/999999" -b "$other"
	expect_status 404 "a missing one answers the same"
	# Staff do not see drafts either.
	http GET "/applications/$app" -b "$(jar reviewer)"
	expect_status 404 "a reviewer and a draft"
}

test_80_submission_checks_completeness_and_locks_the_draft() {
	local j app code token
	j=$(jar intake)
	app=$(cat "$TMP/app")
	FORM_PAGE=/applications/$app post "$j" "/applications/$app/submit"
	expect_status 422
	expect_body '申请还不完整'
	expect_body 'href="#material-sales_description"'
	expect_eq "$(sql "SELECT state FROM applications WHERE id = $app")" draft "state"
	for code in $(sql "SELECT code FROM material_items WHERE requirement = 'required' AND active ORDER BY id"); do
		[ "$(sql "SELECT count(*) FROM documents WHERE application_id = $app AND material_id = $(material_id "$code")")" -gt 0 ] && continue
		upload "$j" "$app" "$(material_id "$code")" "$TMP/licence.pdf" "$code.pdf"
		[ "$STATUS" = 303 ] || fail "upload $code: $STATUS"
	done
	# A file can be deleted while the application is a draft.
	upload "$j" "$app" "$(material_id honours)" "$TMP/chart.png" honours.png
	FORM_PAGE=/applications/$app post "$j" "/documents/$(sql "SELECT id FROM documents WHERE file_name = 'honours.png'")/delete"
	expect_status 303
	expect_eq "$(sql "SELECT count(*) FROM documents WHERE file_name = 'honours.png'")" 0 "deleted"
	http GET "/applications/$app" -b "$j"
	expect_body '可以提交'
	# Two submits at once: one submission.
	token=$(csrf_of "$j" "/applications/$app")
	for i in 1 2 3; do
		curl -s -o /dev/null -w '%{http_code}\n' -b "$j" -H "Origin: $STARCERT_URL" \
			--data "csrf=$token" "$STARCERT_URL/applications/$app/submit" >"$TMP/submit$i" &
	done
	wait
	expect_eq "$(cat "$TMP"/submit[123] | sort | tr '\n' ' ')" "303 409 409 " "three submits at once"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE action = 'application.submitted' AND object_id = $app")" 1 "submission events"
	expect_eq "$(sql "SELECT state FROM applications WHERE id = $app")" submitted "state"
	# Submitted: read-only to the applicant.
	http GET "/applications/$app" -b "$j"
	expect_body '已提交'
	expect_no_body "action=\"/applications/$app/submit\""
	FORM_PAGE=/applications post "$j" "/applications/$app/outlets" --data "name=x&address=y&city=z&kind=fixed&staff_count=1&operator=direct"
	expect_status 409
	upload "$j" "$app" "$(material_id honours)" "$TMP/chart.png"
	expect_status 409
	http GET /applications -b "$j"
	expect_body '等待认证机构审核材料'
}

test_81_staff_see_the_submitted_application_with_an_estimate() {
	local app
	app=$(cat "$TMP/app")
	http GET "/applications/$app" -b "$(jar reviewer)"
	expect_status 200
	# 302 fixed outlets: ceil(sqrt(302)) = 18 visited; 2 + 18 half-days = 10 man-days.
	expect_body '固定服务网点 302 个，建议现场抽样 18 个；估算审核工作量约 10 人日'
	http GET /applications -b "$(jar reviewer)"
	expect_body "/applications/$app"
	http GET "/documents/$(sql "SELECT min(id) FROM documents WHERE application_id = $app")" -b "$(jar reviewer)"
	expect_status 200 "staff download"
}

test_82_an_upload_killed_midway_leaves_no_row_and_gc_cleans_up() {
	local j app before tmpfile out blobs unreferenced
	j=$(jar intake)
	app=$(new_application "$j")
	{ printf '%%PDF-1.4\n'; head -c 45000000 /dev/urandom; } >"$TMP/huge.pdf"
	before=$(sql "SELECT count(*) FROM documents")
	upload "$j" "$app" "$(material_id business_licence)" "$TMP/huge.pdf" huge.pdf &
	# Wait for the worker to start writing, then kill it.
	for _ in $(seq 1 400); do
		tmpfile=$(ls "$STARCERT_VAR/blobs/tmp" 2>/dev/null | head -n 1)
		[ -n "$tmpfile" ] && break
		sleep 0.02
	done
	[ -n "$tmpfile" ] || { fail "the upload never reached the blob store"; wait; return; }
	kill -9 $(worker_pids)
	wait
	expect_eq "$(sql "SELECT count(*) FROM documents")" "$before" "rows after the kill"
	wait_for test "$(worker_pids | wc -w)" -eq "$((2 * $(nproc)))" || fail "workers not replaced"
	out=$(STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		STARCERT_BLOBS="$STARCERT_VAR/blobs" ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" gc --min-age 0)
	grep -q 'removed unfinished upload' <<<"$out" || fail "gc: $out"
	expect_eq "$(ls "$STARCERT_VAR/blobs/tmp" | wc -l)" 0 "temporary files after gc"
	blobs=$(find "$STARCERT_VAR/blobs/sha256" -type f -printf '%f\n' | sort)
	unreferenced=$(comm -23 <(echo "$blobs") <(sql "SELECT DISTINCT blob_sha256 FROM documents ORDER BY 1"))
	expect_eq "$unreferenced" "" "blobs without a row after gc"
}

test_83_the_applicant_home_page_lists_applications_and_next_steps() {
	http GET / -b "$(jar intake)" -L
	expect_body '我的申请'
	expect_body "href=\"/applications/$(cat "$TMP/app")\""
	expect_body '等待认证机构审核材料'
	http GET / -b "$(jar real1)" -L
	expect_body '还没有申请'
}

# Last of the run (before the log check and the stop): SIGTERM to the
# master lets the request in hand finish.
test_96_sigterm_lets_the_request_in_hand_finish() {
	local j app before tmpfile code master
	j=$(jar intake)
	app=$(new_application "$j")
	before=$(sql "SELECT count(*) FROM documents")
	master=$(master_pid)
	[ -f "$TMP/huge.pdf" ] || { printf '%%PDF-1.4\n'; head -c 45000000 /dev/urandom; } >"$TMP/huge.pdf"
	( upload "$j" "$app" "$(material_id business_licence)" "$TMP/huge.pdf" graceful.pdf; echo "$STATUS" >"$TMP/graceful" ) &
	for _ in $(seq 1 400); do
		tmpfile=$(ls "$STARCERT_VAR/blobs/tmp" 2>/dev/null | head -n 1)
		[ -n "$tmpfile" ] && break
		sleep 0.02
	done
	[ -n "$tmpfile" ] || { fail "the upload never reached the blob store"; wait; return; }
	kill -TERM "$master"
	wait
	code=$(cat "$TMP/graceful")
	expect_eq "$code" 303 "the upload in hand"
	expect_eq "$(sql "SELECT count(*) FROM documents")" "$((before + 1))" "its row"
	master_gone() { ! kill -0 "$master" 2>/dev/null; }
	wait_for master_gone || fail "master still running"
	grep -q 'stopping' "$STARCERT_VAR/log/app.log" || fail "no stop line"
}

test_84_the_review_queue_filters_and_pages() {
	local r app next
	r=$(jar reviewer)
	app=$(cat "$TMP/app")
	http GET /review -b "$r"
	expect_status 200
	expect_body "href=\"/applications/$app\""
	expect_body '测试电器有限公司'
	http GET "/review?q=%E6%B5%8B%E8%AF%95%E7%94%B5%E5%99%A8" -b "$r"
	expect_body "href=\"/applications/$app\""
	http GET "/review?q=91440400192548256N" -b "$r"
	expect_body "href=\"/applications/$app\""
	http GET "/review?q=%25" -b "$r"
	expect_body '没有符合条件的申请'
	http GET "/review?state=in_review" -b "$r"
	expect_no_body "href=\"/applications/$app\""
	http GET "/review?state=draft" -b "$r"
	expect_status 400 "a state outside the queue"
	http GET "/review?from=2099-01-01" -b "$r"
	expect_body '没有符合条件的申请'
	http GET "/review?from=2020-02-30" -b "$r"
	expect_status 400 "an impossible date"
	http GET /review -b "$(jar intake)"
	expect_status 403 "an applicant"
	# Keyset paging: 55 more submitted applications of the same organization.
	sql "INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at)
	     SELECT organization_id, 'initial', 'submitted', created_by, now() + i * interval '1 second',
	            now() + i * interval '1 second'
	     FROM applications, generate_series(1, 55) i WHERE id = $app" >/dev/null
	http GET /review -b "$r"
	expect_eq "$(grep -c 'href="/applications/[0-9]*">#' "$BODY")" 50 "first page"
	next=$(grep -o 'href="/review?[^"]*after_id=[0-9]*"' "$BODY" | sed 's/href="//; s/"$//; s/&amp;/\&/g')
	[ -n "$next" ] || { fail "no next page"; return; }
	http GET "$next" -b "$r"
	expect_status 200
	[ "$(grep -c 'href="/applications/[0-9]*">#' "$BODY")" -ge 6 ] || fail "second page: $(grep -c 'href="/applications/' "$BODY") rows"
}

test_85_taking_is_first_come_and_supervisors_assign() {
	local app r1 r2 sup t1 t2
	app=$(cat "$TMP/app")
	add_user reviewer2@test.example "第二审核员" reviewer "$STAFF_PASSWORD" >/dev/null
	login "$(jar reviewer2)" reviewer2@test.example "$STAFF_PASSWORD"
	r1=$(jar reviewer)
	r2=$(jar reviewer2)
	http GET "/applications/$app" -b "$r1"
	expect_body '领取审核'
	t1=$(csrf_of "$r1" "/applications/$app")
	t2=$(csrf_of "$r2" "/applications/$app")
	curl -s -o /dev/null -w '%{http_code}\n' -b "$r1" -H "Origin: $STARCERT_URL" --data "csrf=$t1" "$STARCERT_URL/applications/$app/take" >"$TMP/take1" &
	curl -s -o /dev/null -w '%{http_code}\n' -b "$r2" -H "Origin: $STARCERT_URL" --data "csrf=$t2" "$STARCERT_URL/applications/$app/take" >"$TMP/take2" &
	wait
	expect_eq "$(cat "$TMP/take1" "$TMP/take2" | sort | tr '\n' ' ')" "303 409 " "two reviewers at once"
	expect_eq "$(sql "SELECT state FROM applications WHERE id = $app")" in_review "state"
	expect_eq "$(sql "SELECT count(*) FROM events WHERE action = 'application.taken' AND object_id = $app")" 1 "events"
	http GET "/applications/$app" -b "$(jar intake)"
	expect_body '审核中'
	# A supervisor reassigns; an applicant or a non-reviewer target is refused.
	sup=$(jar supervisor)
	login "$sup" supervisor@test.example "$STAFF_PASSWORD"
	FORM_PAGE=/applications/$app post "$sup" "/applications/$app/assign" \
		--data "reviewer=$(sql "SELECT id FROM users WHERE email = 'reviewer2@test.example'")"
	expect_status 303
	expect_eq "$(sql "SELECT u.email FROM applications a JOIN users u ON u.id = a.reviewer_id WHERE a.id = $app")" reviewer2@test.example "holder"
	FORM_PAGE=/applications/$app post "$sup" "/applications/$app/assign" \
		--data "reviewer=$(sql "SELECT id FROM users WHERE email = 'evaluator@test.example'")"
	expect_status 422 "an evaluator is not a reviewer"
	expect_eq "$(sql "SELECT u.email FROM applications a JOIN users u ON u.id = a.reviewer_id WHERE a.id = $app")" reviewer2@test.example "holder unchanged"
	FORM_PAGE=/applications/$app post "$r1" "/applications/$app/take"
	expect_status 409 "taking one already in review"
}

test_86_parts_after_the_file_do_not_enter_it() {
	local j app boundary id
	j=$(jar intake)
	app=$(new_application "$j")
	boundary=----trailing
	{
		printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="t.png"\r\n\r\n' "$boundary"
		cat "$TMP/chart.png"
		printf -- '\r\n--%s\r\nContent-Disposition: form-data; name="note"\r\n\r\nTRAILING-FIELD-DATA\r\n--%s--\r\n' "$boundary" "$boundary"
	} >"$TMP/body"
	http POST "/applications/$app/materials/$(material_id org_chart)?csrf=$(csrf_of "$j" "/applications/$app")" \
		-b "$j" -H "Origin: $STARCERT_URL" -H "Content-Type: multipart/form-data; boundary=$boundary" --data-binary @"$TMP/body"
	expect_status 303
	id=$(sql "SELECT max(id) FROM documents WHERE application_id = $app")
	expect_eq "$(sql "SELECT size FROM documents WHERE id = $id")" "$(stat -c %s "$TMP/chart.png")" "stored size"
	http GET "/documents/$id" -b "$j"
	cmp -s "$BODY" "$TMP/chart.png" || fail "the stored file is not the uploaded one"
}
