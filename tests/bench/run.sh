#!/usr/bin/env bash
# run.sh: make bench: wrk against the FastCGI hello ceiling and the portal's
# pages through the same nginx, in one run; prints a table and writes
# docs/benchmarks.md.  Runs inside scripts/with-stack.sh (the bench instance).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${STARCERT_URL:?run through scripts/with-stack.sh}"
seconds=${BENCH_SECONDS:-10}
connections=32
workers=$(pgrep -P "$(cat "$STARCERT_VAR/app/master.pid")" | wc -l)
hello_sock="$STARCERT_VAR/app/hello.sock"
out="$root/docs/benchmarks.md"

run=()
[ "$(id -u)" -eq 0 ] && run=(setpriv --reuid=starcert --regid=starcert --init-groups)
setsid "${run[@]}" "$STARCERT_BUILD/hello-fcgi" "$hello_sock" "$workers" \
	>>"$STARCERT_VAR/log/hello.log" 2>&1 </dev/null &
hello_pid=$!
trap 'kill -TERM $hello_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -S "$hello_sock" ] && break; sleep 0.1; done

cat >"$STARCERT_VAR/nginx/extra/hello.conf" <<CONF
location = /__bench/hello {
	include /etc/nginx/fastcgi_params;
	fastcgi_pass unix:$hello_sock;
}
CONF
/usr/sbin/nginx -p "$STARCERT_VAR/nginx/" -c "$STARCERT_VAR/nginx/nginx.conf" \
	-e "$STARCERT_VAR/log/nginx-error.log" -s reload
for _ in $(seq 1 50); do
	[ "$(curl -s "$STARCERT_URL/__bench/hello")" = hello ] && break
	sleep 0.1
done

# to_ms VALUE: wrk's "1.23ms" / "850.00us" / "1.02s" in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0
		if (v ~ /us$/) n /= 1000
		else if (v ~ /ms$/) n = n
		else if (v ~ /s$/) n *= 1000
		printf "%.2f", n
	}'
}

# measure NAME PATH [wrk args]: sets RPS, P50, P99 and checks for errors.
measure() {
	local name=$1 path=$2 log
	shift 2
	log=$(mktemp)
	wrk -t2 -c"$connections" -d"${seconds}s" --latency --timeout 10s "$@" "$STARCERT_URL$path" >"$log"
	RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$log")
	P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$log")")
	P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$log")")
	if grep -q 'Non-2xx or 3xx responses' "$log"; then
		echo "bench: $name: $(grep 'Non-2xx' "$log")" >&2
		ERRORS=$(grep -o '[0-9]*$' <<<"$(grep 'Non-2xx' "$log")")
	else
		ERRORS=0
	fi
	rm -f "$log"
}

rows=()
add_row() { # name path target [wrk args]
	local name=$1 path=$2 target=$3 ratio
	shift 3
	measure "$name" "$path" "$@"
	ratio=$(awk -v a="$RPS" -v b="$CEILING" 'BEGIN {printf "%.2f", a / b}')
	rows+=("| $name | \`$path\` | $RPS | $ratio | $P50 | $P99 | $ERRORS | $target |")
	printf '%-34s %9s req/s  ratio %5s  p50 %7s ms  p99 %7s ms  errors %s\n' \
		"$name" "$RPS" "$ratio" "$P50" "$P99" "$ERRORS"
}

echo "bench: wrk, $connections connections, ${seconds}s per page, $workers workers"
measure "ceiling" /__bench/hello
CEILING=$RPS
printf '%-34s %9s req/s  ratio  1.00  p50 %7s ms  p99 %7s ms\n' "FastCGI hello (ceiling)" "$RPS" "$P50" "$P99"
rows+=("| FastCGI hello (ceiling) | \`/__bench/hello\` | $RPS | 1.00 | $P50 | $P99 | 0 | |")
add_row "health check (one query)" /healthz ""
add_row "home page (anonymous)" / "≥ 0.70"

# Signed in: the admin that scripts/with-stack.sh created.
jar=$(mktemp)
token=$(curl -s -c "$jar" "$STARCERT_URL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
curl -s -o /dev/null -b "$jar" -c "$jar" -H "Origin: $STARCERT_URL" \
	--data-urlencode "csrf=$token" --data-urlencode "email=$STARCERT_ADMIN_EMAIL" \
	--data-urlencode "password=$STARCERT_ADMIN_PASSWORD" "$STARCERT_URL/login"
sid=$(awk '$6 == "sid" {print $7}' "$jar")
[ -n "$sid" ] || { echo "bench: could not sign in" >&2; exit 1; }
add_row "account page (signed in)" /account "" -H "Cookie: sid=$sid"

# Sign-in: each request verifies an argon2id hash (64 MiB, at most one per core at once).
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$STARCERT_URL"
wrk.headers["Cookie"] = "csrf=$token"
wrk.body = "csrf=$token&email=$(sed 's/@/%40/' <<<"$STARCERT_ADMIN_EMAIL")&password=$STARCERT_ADMIN_PASSWORD"
LUA
add_row "sign-in (POST /login)" /login "" -s "$lua"
rm -f "$jar" "$lua"

mkdir -p "$(dirname "$out")"
{
	echo "# Benchmarks"
	echo
	echo "Written by \`make bench\` ($(date -u +%Y-%m-%d), $(nproc) cores, $workers workers,"
	echo "wrk with $connections connections for ${seconds} s per page, through the same nginx)."
	echo "The ratio is the page's requests/s divided by the FastCGI hello ceiling measured in the same run."
	echo
	echo "| page | path | req/s | ratio | p50 ms | p99 ms | errors | target |"
	echo "|---|---|---:|---:|---:|---:|---:|---|"
	printf '%s\n' "${rows[@]}"
} >"$out"
echo "bench: written to docs/benchmarks.md"
