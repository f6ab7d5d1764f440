# t_accounts.sh: registration, sign-in, sessions, CSRF, roles, administration and the event log.

ADMIN_EMAIL=${STARCERT_ADMIN_EMAIL:-admin@test.example}
ADMIN_PASSWORD=${STARCERT_ADMIN_PASSWORD:-admin-password-for-tests}
STAFF_PASSWORD=staff-password-123
# Unified social credit codes of real enterprises (check characters valid).
REAL_CODES="914403001922038216 9144030071526726XG 91330100799655058B 91110000100010433L 911100001000044477 91110108551385082Q 91440101231243173M"

test_50_setup_users_of_every_role() {
	for role in reviewer auditor evaluator supervisor; do
		add_user "$role@test.example" "测试$role" "$role" "$STAFF_PASSWORD" >/dev/null ||
			fail "starcertctl user add $role"
		login "$(jar "$role")" "$role@test.example" "$STAFF_PASSWORD"
		expect_status 303 "sign-in as $role"
	done
	login "$(jar admin)" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
	expect_status 303 "sign-in as admin"
	register "$(jar applicant)" "华为技术有限公司" 914403001922038216 applicant@test.example
	expect_status 303 "registration"
	expect_eq "$(header Location)" "/?done=registered" "after registering"
	# Signed in, the home page is the dashboard.
	http GET '/?done=registered' -b "$(jar applicant)" -L
	expect_body '欢迎，李四'
	expect_body '注册成功'
	expect_body 'href="/organization"'
	http GET /account
	expect_status 401
	expect_body 'href="/login?next=/account"'
}

test_51_ctl_user_add_refuses_bad_input() {
	local out
	out=$(add_user reviewer@test.example "Again" reviewer "$STAFF_PASSWORD" 2>&1) && fail "duplicate e-mail accepted"
	grep -q 'exists already' <<<"$out" || fail "duplicate message: $out"
	out=$(add_user x@test.example "X" wizard "$STAFF_PASSWORD" 2>&1) && fail "unknown role accepted"
	out=$(add_user y@test.example "Y" reviewer "short" 2>&1) && fail "short password accepted"
	grep -q 'at least 10' <<<"$out" || fail "short password message: $out"
	expect_eq "$(sql "SELECT count(*) FROM users WHERE email IN ('x@test.example', 'y@test.example')")" 0 "users stored"
}

# Every route x every role, from the router table itself: a route added
# without its row in the table cannot escape this test.
test_52_role_matrix_from_the_router_table() {
	local routes roles role method pattern mask name path bit expected j
	routes=$("$STARCERT_BUILD/starcert-fcgi" --routes) || { fail "--routes"; return; }
	[ "$(wc -l <<<"$routes")" -ge 20 ] || fail "too few routes: $routes"
	declare -A bits=([anonymous]=0 [applicant]=1 [reviewer]=2 [auditor]=4 [evaluator]=8 [supervisor]=16 [admin]=32)
	while read -r method pattern mask name; do
		[ "$name" = logout ] && continue	# would end the sessions under test
		path=$(sed -e 's/{[a-z_]*id}/999999/g' -e 's/{code}/zh/g' \
			-e 's/{token}/0000000000000000000000000000000000000000000000000000000000000000/g' <<<"$pattern")
		for role in anonymous applicant reviewer auditor evaluator supervisor admin; do
			bit=${bits[$role]}
			if [ "$mask" -eq 0 ]; then expected=allowed
			elif [ "$role" = anonymous ]; then expected=401
			elif [ $((mask & bit)) -ne 0 ]; then expected=allowed
			else expected=403
			fi
			j=$(jar "$role")
			[ "$role" = anonymous ] && j=$(jar "anon-matrix")
			if [ "$method" = GET ]; then
				http GET "$path" -b "$j" -c "$j"
			elif [ "$role" = anonymous ]; then
				FORM_PAGE=/login post "$j" "$path"
			else
				FORM_PAGE=/ post "$j" "$path"
			fi
			if [ "$expected" = allowed ]; then
				case "$STATUS" in 401|403|000|5*) fail "$role $method $path: $STATUS, expected access" ;; esac
			else
				[ "$STATUS" = "$expected" ] || fail "$role $method $path: $STATUS, expected $expected"
			fi
		done
	done <<<"$routes"
}

test_53_csrf_missing_foreign_or_cross_origin_is_403_and_changes_nothing() {
	local j reviewer_token
	j=$(jar applicant)
	http POST /account/settings -b "$j" -H "Origin: $STARCERT_URL" --data 'lang=en'
	expect_status 403 "no token"
	expect_body '表单已过期'
	reviewer_token=$(csrf_of "$(jar reviewer)" /account)
	http POST /account/settings -b "$j" -H "Origin: $STARCERT_URL" --data "lang=en&csrf=$reviewer_token"
	expect_status 403 "another session's token"
	http POST /account/settings -b "$j" -H "Origin: http://evil.example" \
		--data "lang=en&csrf=$(csrf_of "$j" /account)"
	expect_status 403 "foreign origin"
	http POST /account/settings -b "$j" --data "lang=en&csrf=$(csrf_of "$j" /account)"
	expect_status 403 "no Origin and no Referer"
	expect_eq "$(sql "SELECT coalesce(lang, 'none') FROM users WHERE email = 'applicant@test.example'")" none "language after refused posts"
	FORM_PAGE=/account post "$j" /account/settings --data 'lang=en'
	expect_status 303 "the same post, done right"
	expect_eq "$(sql "SELECT lang FROM users WHERE email = 'applicant@test.example'")" en "language after the accepted post"
	FORM_PAGE=/account post "$j" /account/settings --data 'lang=zh'
}

test_54_session_token_changes_at_sign_in_and_dies_at_sign_out() {
	local j old new
	j=$(jar rotate)
	login "$j" "reviewer@test.example" "$STAFF_PASSWORD"
	old=$(sid_of "$j")
	[ ${#old} -eq 64 ] || fail "session cookie: '$old'"
	grep -qi '^Set-Cookie: sid=[0-9a-f]\{64\}; Path=/; SameSite=Lax; HttpOnly' "$HEADERS" || fail "cookie attributes: $(grep -i set-cookie "$HEADERS")"
	# Signing in again over a live session (the form's token from any page).
	FORM_PAGE=/ post "$j" /login --data-urlencode "email=reviewer@test.example" \
		--data-urlencode "password=$STAFF_PASSWORD"
	expect_status 303 "second sign-in"
	new=$(sid_of "$j")
	[ -n "$new" ] && [ "$new" != "$old" ] || fail "token did not change at sign-in"
	http GET /account -H "Cookie: sid=$old"
	expect_status 401 "the replaced token"
	expect_eq "$(sql "SELECT count(*) FROM sessions WHERE token_hash = decode('$new', 'hex')")" 0 "raw token stored"
	FORM_PAGE=/account post "$j" /logout
	expect_status 303 "sign-out"
	http GET /account -H "Cookie: sid=$new"
	expect_status 401 "token after sign-out"
}

test_55_idle_and_absolute_expiry() {
	local j
	j=$(jar idle)
	login "$j" "auditor@test.example" "$STAFF_PASSWORD"
	http GET /account -b "$j"
	expect_status 200
	sql "UPDATE sessions SET last_seen = now() - interval '31 minutes' WHERE token_hash = sha256(convert_to('$(sid_of "$j")', 'UTF8'))" >/dev/null
	http GET /account -b "$j"
	expect_status 401 "idle session"
	login "$j" "auditor@test.example" "$STAFF_PASSWORD"
	sql "UPDATE sessions SET created_at = now() - interval '13 hours' WHERE token_hash = sha256(convert_to('$(sid_of "$j")', 'UTF8'))" >/dev/null
	http GET /account -b "$j"
	expect_status 401 "session past its absolute lifetime"
}

test_56_stored_hashes_are_argon2id() {
	expect_eq "$(sql "SELECT count(*) FROM users WHERE password_hash NOT LIKE '\$argon2id\$v=19\$m=65536,t=2,p=1\$%'")" 0 "hashes not argon2id"
	[ "$(sql "SELECT count(*) FROM users")" -ge 6 ] || fail "too few users"
}

test_57_registration_escapes_everything_it_shows_again() {
	local evil='<script>alert(1)</script>"'"'"'x'
	FORM_PAGE=/register post "$(jar anon)" /register \
		--data-urlencode "org_name=$evil" --data-urlencode "credit_code=$evil" \
		--data-urlencode "address=$evil" --data-urlencode "legal_representative=$evil" \
		--data-urlencode "contact_name=$evil" --data-urlencode "contact_phone=$evil" \
		--data-urlencode "contact_email=$evil" --data-urlencode "user_name=$evil" \
		--data-urlencode "email=$evil" --data-urlencode "password=$evil" \
		--data-urlencode "password_confirm=$evil"
	expect_status 422
	expect_no_body '<script>alert'
	expect_no_body '"x'
	[ "$(grep -o '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;x' "$BODY" | wc -l)" -ge 8 ] ||
		fail "fewer than 8 fields shown back escaped"
	expect_eq "$(sql "SELECT count(*) FROM organizations WHERE name LIKE '%script%'")" 0 "stored"
}

test_58_credit_codes_real_ones_accepted_corruptions_refused() {
	local code i n=0 bad
	for code in $REAL_CODES; do
		[ "$code" = 914403001922038216 ] && continue	# registered in setup
		n=$((n + 1))
		register "$(jar "real$n")" "测试企业$n" "$code" "real$n@test.example"
		expect_status 303 "real code $code"
	done
	code=91330100799655058B
	for i in 0 5 10 17; do
		bad=${code:0:i}$([ "${code:i:1}" = 1 ] && echo 2 || echo 1)${code:i+1}
		register "$(jar corrupt)" "篡改企业" "$bad" "corrupt$i@test.example"
		expect_status 422 "corrupted code $bad"
		expect_body '统一社会信用代码无效'
	done
	register "$(jar corrupt)" "篡改企业" "9133010079965505" "corrupt-short@test.example"
	expect_status 422 "17 characters"
	expect_eq "$(sql "SELECT count(*) FROM users WHERE email LIKE 'corrupt%'")" 0 "users from refused registrations"
}

test_59_duplicates_and_password_bounds_have_their_own_messages() {
	register "$(jar dup)" "另一家公司" 914403001922038216 other@test.example
	expect_status 409 "second organization with one credit code"
	expect_body '该统一社会信用代码已注册'
	register "$(jar dup)" "另一家公司" 91110108551385082Q applicant@test.example
	[ "$STATUS" = 409 ] || [ "$STATUS" = 422 ] || fail "duplicate credit code and e-mail: $STATUS"
	register "$(jar dup2)" "再一家公司" 91110000100010433L another@test.example
	expect_status 409 "credit code registered by test_58"
	FORM_PAGE=/register post "$(jar dup)" /register --data-urlencode "password=short" --data-urlencode "password_confirm=short"
	expect_body '密码至少需要 10 个字符'
	long=$(head -c 257 /dev/zero | tr '\0' a)
	FORM_PAGE=/register post "$(jar dup)" /register --data-urlencode "password=$long" --data-urlencode "password_confirm=$long"
	expect_body '密码最多 256 个字符'
	FORM_PAGE=/register post "$(jar dup)" /register --data-urlencode "password=abcdefghijk" --data-urlencode "password_confirm=abcdefghijx"
	expect_body '两次输入的密码不一致'
	expect_eq "$(sql "SELECT count(*) FROM organizations WHERE name IN ('另一家公司', '再一家公司')")" 0 "organizations stored"
}

test_60_unknown_email_and_wrong_password_look_alike() {
	local j t0 t1 t2 unknown wrong
	j=$(jar timing)
	t0=$(date +%s%N)
	for _ in 1 2 3; do login "$j" "nobody@test.example" "whatever-password"; done
	t1=$(date +%s%N)
	expect_status 401
	cp "$BODY" "$TMP/unknown.html"
	for _ in 1 2 3; do login "$j" "evaluator@test.example" "wrong-password-1"; done
	t2=$(date +%s%N)
	expect_status 401
	unknown=$(( (t1 - t0) / 3000000 ))
	wrong=$(( (t2 - t1) / 3000000 ))
	grep -o 'field-error[^<]*' "$TMP/unknown.html" >"$TMP/m1"
	grep -o 'field-error[^<]*' "$BODY" >"$TMP/m2"
	cmp -s "$TMP/m1" "$TMP/m2" || fail "different messages: $(cat "$TMP/m1") / $(cat "$TMP/m2")"
	# Both pay one argon2id verification: within a factor of two of each other.
	[ "$unknown" -gt 0 ] && [ $((unknown * 2)) -ge "$wrong" ] && [ $((wrong * 2)) -ge "$unknown" ] ||
		fail "timing differs: unknown ${unknown} ms, wrong ${wrong} ms"
	sql "DELETE FROM login_throttle" >/dev/null
}

test_61_failed_sign_ins_are_throttled_per_account() {
	local j
	j=$(jar throttle)
	for _ in 1 2 3 4 5; do login "$j" "supervisor@test.example" "wrong-password-2"; done
	expect_status 401 "fifth failure"
	login "$j" "supervisor@test.example" "$STAFF_PASSWORD"
	expect_status 429 "right password while locked"
	expect_body '登录失败次数过多'
	expect_header '^Retry-After: [0-9]'
	expect_eq "$(sql "SELECT count(*) FROM events WHERE action = 'login.failed' AND detail = 'supervisor@test.example'")" 5 "failure events"
	sql "DELETE FROM login_throttle" >/dev/null
	login "$j" "supervisor@test.example" "$STAFF_PASSWORD"
	expect_status 303 "after the lock is lifted"
}

test_61b_parallel_guesses_cannot_outrun_the_lock() {
	local i token
	sql "DELETE FROM login_throttle" >/dev/null
	token=$(csrf_of "$(jar guess)" /login)
	for i in $(seq 1 12); do
		curl -s -o /dev/null -w '%{http_code}\n' -b "$(jar guess)" -H "Origin: $STARCERT_URL" \
			--data-urlencode "csrf=$token" \
			--data-urlencode "email=evaluator@test.example" --data-urlencode "password=wrong-guess-$i" \
			"$STARCERT_URL/login" >"$TMP/guess$i" &
	done
	wait
	[ "$(cat "$TMP"/guess* | grep -c '^401$')" -le 5 ] || fail "more than 5 guesses were checked: $(cat "$TMP"/guess* | sort | uniq -c | tr '\n' ' ')"
	[ "$(cat "$TMP"/guess* | grep -c '^429$')" -ge 7 ] || fail "too few refused: $(cat "$TMP"/guess* | sort | uniq -c | tr '\n' ' ')"
	sql "DELETE FROM login_throttle" >/dev/null
}

test_62_admin_creates_staff_who_must_change_the_temporary_password() {
	local a j temp id
	a=$(jar admin)
	FORM_PAGE=/admin/users/new post "$a" /admin/users/new --data-urlencode "name=新审核员" \
		--data-urlencode "email=New.Reviewer@test.example" --data "role=reviewer&role=auditor"
	expect_status 201
	temp=$(grep -o '<code class="secret">[^<]*' "$BODY" | sed 's/.*>//')
	[ ${#temp} -ge 10 ] || fail "no temporary password shown"
	id=$(sql "SELECT id FROM users WHERE email = 'new.reviewer@test.example'")
	expect_eq "$(sql "SELECT roles FROM users WHERE id = $id")" 6 "roles"
	j=$(jar newstaff)
	login "$j" new.reviewer@test.example "$temp"
	expect_status 303
	expect_eq "$(header Location)" /account/password "first stop"
	http GET /account -b "$j"
	expect_status 303 "other pages wait for the new password"
	FORM_PAGE=/account/password post "$j" /account/password --data-urlencode "current_password=$temp" \
		--data-urlencode "password=my-own-password-1" --data-urlencode "password_confirm=my-own-password-1"
	expect_status 303
	http GET /account -b "$j"
	expect_status 200 "after the change"
	expect_body '审核员'
	# The admin page re-shows a bad form with its messages and stores nothing.
	FORM_PAGE=/admin/users/new post "$a" /admin/users/new --data-urlencode "name=" --data-urlencode "email=not-an-email"
	expect_status 422
	expect_body '请输入有效的电子邮箱地址'
	expect_body '请至少选择一个角色'
}

test_62b_guessing_the_current_password_is_throttled() {
	local j i
	j=$(jar newstaff)
	for i in 1 2 3 4 5; do
		FORM_PAGE=/account/password post "$j" /account/password --data-urlencode "current_password=guess-$i-xxxx" \
			--data-urlencode "password=another-password-9" --data-urlencode "password_confirm=another-password-9"
		expect_status 422 "guess $i"
	done
	FORM_PAGE=/account/password post "$j" /account/password --data-urlencode "current_password=my-own-password-1" \
		--data-urlencode "password=another-password-9" --data-urlencode "password_confirm=another-password-9"
	expect_status 429 "the right password after five wrong ones"
	expect_body '当前密码错误次数过多'
	expect_eq "$(sql "SELECT count(*) FROM events WHERE action = 'password.change_failed'")" 5 "events"
	sql "DELETE FROM login_throttle" >/dev/null
}

test_63_admin_changes_roles_disables_enables_and_resets() {
	local a v id
	a=$(jar admin)
	v=$(jar victim)
	add_user victim@test.example "受害者" evaluator "$STAFF_PASSWORD" >/dev/null
	id=$(sql "SELECT id FROM users WHERE email = 'victim@test.example'")
	login "$v" victim@test.example "$STAFF_PASSWORD"
	http GET /account -b "$v"
	expect_status 200
	FORM_PAGE=/admin/users/$id post "$a" "/admin/users/$id/roles" --data "role=evaluator&role=supervisor"
	expect_status 303
	expect_eq "$(sql "SELECT roles FROM users WHERE id = $id")" 24 "roles after the change"
	expect_eq "$(sql "SELECT from_state || ' -> ' || to_state FROM events WHERE action = 'user.roles_changed' AND object_id = $id")" "evaluator -> evaluator,supervisor" "roles event"
	FORM_PAGE=/admin/users/$id post "$a" "/admin/users/$id/disable"
	expect_status 303
	http GET /account -b "$v"
	expect_status 401 "the disabled user's open session"
	login "$v" victim@test.example "$STAFF_PASSWORD"
	expect_status 403 "signing in while disabled"
	expect_body '此账号已停用'
	FORM_PAGE=/admin/users/$id post "$a" "/admin/users/$id/enable"
	login "$v" victim@test.example "$STAFF_PASSWORD"
	expect_status 303 "enabled again"
	FORM_PAGE=/admin/users/$id post "$a" "/admin/users/$id/password"
	expect_status 200
	expect_body '临时密码'
	http GET /account -b "$v"
	expect_status 401 "sessions end at a reset"
	expect_eq "$(sql "SELECT must_change_password FROM users WHERE id = $id")" t "must change"
	# An admin cannot lock themselves out.
	local me
	me=$(sql "SELECT id FROM users WHERE email = '$ADMIN_EMAIL'")
	FORM_PAGE=/admin/users/$me post "$a" "/admin/users/$me/disable"
	expect_status 422
	FORM_PAGE=/admin/users/$me post "$a" "/admin/users/$me/roles" --data "role=reviewer"
	expect_status 422
	expect_eq "$(sql "SELECT roles & 32 FROM users WHERE id = $me")" 32 "own admin role"
}

test_64_auditor_profile() {
	local a id
	a=$(jar admin)
	id=$(sql "SELECT id FROM users WHERE email = 'auditor@test.example'")
	FORM_PAGE=/admin/users/$id post "$a" "/admin/users/$id/auditor" \
		--data "registration_no=2026-N1RZ-1234567&valid_until=2028-06-30&category=1&category=4"
	expect_status 303
	expect_eq "$(sql "SELECT registration_no || ' ' || qualification_valid_until FROM auditor_profiles WHERE user_id = $id")" "2026-N1RZ-1234567 2028-06-30" "profile"
	expect_eq "$(sql "SELECT string_agg(category_id::text, ',' ORDER BY category_id) FROM auditor_categories WHERE user_id = $id")" "1,4" "categories"
	FORM_PAGE=/admin/users/$id post "$a" "/admin/users/$id/auditor" \
		--data "registration_no=X&valid_until=2028-02-30&category=1"
	expect_status 422 "a date that does not exist"
	expect_eq "$(sql "SELECT qualification_valid_until FROM auditor_profiles WHERE user_id = $id")" 2028-06-30 "unchanged"
	http GET "/admin/users/$id" -b "$a"
	expect_body '2026-N1RZ-1234567'
}

# settings_form OVERRIDES...: every field of the settings form with its
# current value, as the browser would send it, with KEY=VALUE overrides.
settings_form() {
	local a=$(jar admin) data="" kv key
	http GET /admin/settings -b "$a"
	while read -r key value; do
		for kv in "$@"; do [ "${kv%%=*}" = "$key" ] && value=${kv#*=}; done
		data+="&$key=${value// /+}"
	done < <(grep -o 'name="[a-z_]*"[^>]*value="[^"]*"' "$BODY" | grep -v '^name="csrf"' | sed 's/name="\([a-z_]*\)".*value="\([^"]*\)"/\1 \2/')
	echo "${data#&}"
}

test_65_settings_are_validated_and_recorded() {
	local a
	a=$(jar admin)
	http GET /admin/settings -b "$a"
	expect_status 200
	expect_body 'name="session_idle_minutes"'
	FORM_PAGE=/admin/settings post "$a" /admin/settings --data "$(settings_form session_idle_minutes=abc)"
	expect_status 422
	expect_body '数值超出允许范围'
	expect_eq "$(sql "SELECT count(*) FROM settings")" 0 "settings stored after a refusal"
	FORM_PAGE=/admin/settings post "$a" /admin/settings \
		--data "$(settings_form session_idle_minutes=45 body_name_zh=测试认证中心)"
	expect_status 303
	expect_eq "$(sql "SELECT value FROM settings WHERE key = 'session_idle_minutes'")" 45 "stored"
	expect_eq "$(sql "SELECT from_state || ' -> ' || to_state FROM events WHERE action = 'setting.changed' AND detail = 'session_idle_minutes'")" "30 -> 45" "event"
	expect_eq "$(sql "SELECT count(*) FROM settings")" 2 "only what changed is stored"
	sleep 6
	http GET / -b "$a" -L
	expect_body '测试认证中心'
}

test_66_event_log_is_append_only_and_filterable() {
	local a out
	a=$(jar admin)
	http GET '/admin/events?action=login.failed' -b "$a"
	expect_status 200
	expect_body 'login.failed'
	expect_no_body 'login.succeeded'
	http GET '/admin/events?actor=reviewer%40test.example&action=login' -b "$a"
	expect_body 'login.succeeded'
	http GET '/admin/events?from=2020-13-01' -b "$a"
	expect_status 422
	out=$(psql_app -c "UPDATE events SET detail = 'x'" 2>&1) && fail "the app role updated an event"
	grep -q 'permission denied' <<<"$out" || fail "$out"
	out=$(psql_app -c "DELETE FROM events" 2>&1) && fail "the app role deleted events"
	for action in login.succeeded login.failed logout user.created user.disabled user.enabled \
		user.roles_changed password.changed password.reset organization.registered; do
		[ "$(sql "SELECT count(*) FROM events WHERE action = '$action'")" -gt 0 ] || fail "no $action event"
	done
}

test_67_invitations_bring_colleagues_into_the_organization() {
	local j link path c org
	j=$(jar applicant)
	FORM_PAGE=/organization post "$j" /organization/invitations --data-urlencode "email=Colleague@test.example"
	expect_status 201
	link=$(grep -o 'value="http[^"]*/invitations/[0-9a-f]*"' "$BODY" | sed 's/value="//; s/"$//')
	path=/invitations/${link##*/invitations/}
	[ ${#path} -eq 77 ] || fail "invitation link: $link"
	c=$(jar colleague)
	http GET "$path" -c "$c" -b "$c"
	expect_status 200
	expect_body '华为技术有限公司'
	FORM_PAGE=$path post "$c" "$path" --data-urlencode "name=王同事" \
		--data-urlencode "password=colleague-pass" --data-urlencode "password_confirm=colleague-pass"
	expect_status 303
	org=$(sql "SELECT organization_id FROM users WHERE email = 'applicant@test.example'")
	expect_eq "$(sql "SELECT organization_id FROM users WHERE email = 'colleague@test.example'")" "$org" "organization"
	http GET "$path" -b "$(jar anon2)" -c "$(jar anon2)"
	expect_status 404 "a used invitation"
	http GET /organization -b "$c"
	expect_body 'colleague@test.example'
	expect_body 'applicant@test.example'
}

test_68_applicants_see_only_their_own_organization() {
	local j
	j=$(jar real1)
	http GET /organization -b "$j"
	expect_status 200
	expect_no_body '华为技术有限公司'
	expect_no_body 'applicant@test.example'
}

test_89_nginx_limits_the_rate_of_sign_in_posts() {
	local codes
	codes=$(seq 1 250 | xargs -P 25 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
		-X POST --data 'email=a%40b.c&password=x' "$STARCERT_URL/login")
	grep -q '^429$' <<<"$codes" || fail "no 429 among 250 quick sign-in posts: $(sort <<<"$codes" | uniq -c | tr '\n' ' ')"
	http GET /login
	expect_status 200 "GET /login is not limited"
}

test_69_admin_user_list_searches_and_pages() {
	local a next
	a=$(jar admin)
	sql "INSERT INTO users (email, name, password_hash, roles)
	     SELECT 'bulk' || i || '@test.example', '批量用户' || i, '\$argon2id\$placeholder', 2
	     FROM generate_series(1, 55) i" >/dev/null
	http GET '/admin/users?q=%E6%89%B9%E9%87%8F' -b "$a"
	expect_status 200
	expect_eq "$(grep -c 'bulk[0-9]*@test.example' "$BODY")" 50 "first page"
	next=$(grep -o 'href="/admin/users?q=[^"]*after=[0-9]*"' "$BODY" | sed 's/href="//; s/"$//; s/&amp;/\&/g')
	[ -n "$next" ] || { fail "no next-page link"; return; }
	http GET "$next" -b "$a"
	expect_eq "$(grep -c 'bulk[0-9]*@test.example' "$BODY")" 5 "second page"
	expect_no_body 'after='
	http GET '/admin/users?q=%25' -b "$a"
	expect_body '没有符合条件的用户'
	http GET '/admin/users?role=auditor' -b "$a"
	expect_body 'auditor@test.example'
	expect_no_body '<td>reviewer@test.example</td>'
	http GET '/admin/users?role=wizard' -b "$a"
	expect_status 400
}
