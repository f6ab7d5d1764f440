# lib.sh: a small harness for HTTP tests with curl against the isolated stack.
# Each test is a shell function named test_*; an assertion that fails marks
# the test failed and the runner goes on with the next one.

: "${STARCERT_URL:?run through scripts/with-stack.sh}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

# http METHOD PATH [curl args...]: sets STATUS, BODY (file) and HEADERS (file).
http() {
	local method=$1 path=$2
	shift 2
	BODY="$TMP/body"
	HEADERS="$TMP/headers"
	local head=()
	[ "$method" = HEAD ] && head=(--head)
	STATUS=$(curl -s -o "$BODY" -D "$HEADERS" -w '%{http_code}' -X "$method" "${head[@]}" \
		--max-time 20 "$@" "$STARCERT_URL$path") || STATUS=000
}

fail() {
	printf '    FAIL: %s\n' "$*"
	failures=$((failures + 1))
}

expect_status() {
	[ "$STATUS" = "$1" ] || fail "expected status $1, got $STATUS${2:+ ($2)}"
}

expect_body() {
	grep -qF -- "$1" "$BODY" || fail "body lacks: $1"
}

expect_no_body() {
	! grep -qF -- "$1" "$BODY" || fail "body should not contain: $1"
}

expect_header() {
	grep -qi -- "$1" "$HEADERS" || fail "headers lack: $1"
}

expect_no_header() {
	! grep -qi -- "$1" "$HEADERS" || fail "headers should not contain: $1"
}

# header NAME: the value of a response header.
header() {
	grep -i "^$1:" "$HEADERS" | head -n 1 | cut -d: -f2- | sed 's/^ *//; s/\r$//'
}

expect_eq() {
	[ "$1" = "$2" ] || fail "${3:-values differ}: expected '$2', got '$1'"
}

# master_pid / worker_pids: the FastCGI processes of this instance.
master_pid() { cat "$STARCERT_VAR/app/master.pid"; }
worker_pids() { pgrep -P "$(master_pid)" | sort -n | tr '\n' ' '; }

# wait_for CMD...: retry CMD for up to 10 s.
wait_for() {
	for _ in $(seq 1 100); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

psql_owner() { $STARCERT_PSQL_OWNER "$@"; }

as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_port() { grep -o '^port = [0-9]*' "$STARCERT_VAR/pg/postgresql.conf" | tail -n 1 | grep -o '[0-9]*$'; }

# migrate_with DIR: run starcertctl migrate over the migrations in DIR.
migrate_with() {
	local share
	share=$(mktemp -d)
	ln -s "$(cd "$1" && pwd)" "$share/migrations"
	STARCERT_DB_OWNER="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_owner" \
		STARCERT_SHARE="$share" ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" migrate
	local rc=$?
	rm -rf "$share"
	return $rc
}

psql_app() {
	psql -X -q -v ON_ERROR_STOP=1 -h "$STARCERT_VAR/pgsock" -p "$(pg_port)" -U starcert_app -d starcert "$@"
}

# --- sessions in cookie jars ------------------------------------------------

# jar NAME: the path of a cookie jar for one browser.
jar() { echo "$TMP/jar-$1"; }

# csrf_of JAR PATH: the csrf token of the first form on PATH (or where PATH redirects).
csrf_of() {
	curl -s -L -c "$1" -b "$1" "$STARCERT_URL$2" |
		grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | grep -o '[0-9a-f]\{64\}'
}

# post JAR PATH [curl data args...]: a same-origin form POST with the csrf
# token of the page PATH (or of FORM_PAGE when set), like a browser.
post() {
	local j=$1 path=$2 token
	shift 2
	token=$(csrf_of "$j" "${FORM_PAGE:-$path}")
	http POST "$path" -c "$j" -b "$j" -H "Origin: $STARCERT_URL" \
		--data-urlencode "csrf=$token" "$@"
}

# login JAR EMAIL PASSWORD: sign in; STATUS is 303 on success.
login() {
	FORM_PAGE=/login post "$1" /login --data-urlencode "email=$2" --data-urlencode "password=$3"
}

# sid_of JAR: the session cookie's value.
sid_of() { awk '$6 == "sid" {print $7}' "$1" 2>/dev/null | tail -n 1; }

# add_user EMAIL NAME ROLES PASSWORD: starcertctl user add.
add_user() {
	echo "$4" | STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" user add "$1" --name "$2" --role "$3"
}

# register JAR ORG CODE EMAIL [extra curl args]: register an enterprise and its first user.
register() {
	local j=$1 org=$2 code=$3 email=$4
	shift 4
	FORM_PAGE=/register post "$j" /register \
		--data-urlencode "org_name=$org" --data-urlencode "credit_code=$code" \
		--data-urlencode "address=北京市海淀区中关村大街1号" \
		--data-urlencode "legal_representative=王五" --data-urlencode "contact_name=李四" \
		--data-urlencode "contact_phone=010-88886666" --data-urlencode "contact_email=contact@$code.example" \
		--data-urlencode "user_name=李四" --data-urlencode "email=$email" \
		--data-urlencode "password=applicant-password" --data-urlencode "password_confirm=applicant-password" "$@"
}

sql() { psql_owner -tAc "$1"; }
