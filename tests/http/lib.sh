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
