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
. "$root/tests/bench/lib.sh"

run=()
[ "$(id -u)" -eq 0 ] && run=(setpriv --reuid=starcert --regid=starcert --init-groups)
setsid "${run[@]}" "$STARCERT_BUILD/hello-fcgi" "$hello_sock" "$workers" \
	>>"$STARCERT_VAR/log/hello.log" 2>&1 </dev/null &
hello_pid=$!
trap 'kill -TERM $hello_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -S "$hello_sock" ] && break; sleep 0.1; done

mkdir -p "$STARCERT_VAR/bench-files"
cat >"$STARCERT_VAR/nginx/extra/hello.conf" <<CONF
location = /__bench/hello {
	include /etc/nginx/fastcgi_params;
	fastcgi_pass unix:$hello_sock;
}
location /__bench/files/ {
	alias $STARCERT_VAR/bench-files/;
}
CONF
/usr/sbin/nginx -p "$STARCERT_VAR/nginx/" -c "$STARCERT_VAR/nginx/nginx.conf" \
	-e "$STARCERT_VAR/log/nginx-error.log" -s reload
for _ in $(seq 1 50); do
	[ "$(curl -s "$STARCERT_URL/__bench/hello")" = hello ] && break
	sleep 0.1
done
[ "$(curl -s "$STARCERT_URL/__bench/hello")" = hello ] ||
	{ echo "bench: the FastCGI hello does not answer: no ceiling to measure against" >&2; exit 1; }

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
	wrk -t2 -c"$connections" -d"${seconds}s" --latency --timeout "${wrk_timeout:-10s}" "$@" "$STARCERT_URL$path" >"$log"
	RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$log")
	P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$log")")
	P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$log")")
	if grep -q 'Non-2xx or 3xx responses' "$log"; then
		echo "bench: $name: $(grep 'Non-2xx' "$log")" >&2
		ERRORS=$(grep -o '[0-9]*$' <<<"$(grep 'Non-2xx' "$log")")
	else
		ERRORS=0
	fi
	# Connections refused, reset or timed out count as errors too.
	if grep -q 'Socket errors' "$log"; then
		echo "bench: $name: $(grep 'Socket errors' "$log")" >&2
		ERRORS=$((ERRORS + $(grep 'Socket errors' "$log" | grep -o '[0-9]\+' | awk '{s += $1} END {print s}')))
	fi
	rm -f "$log"
}

# bench_session EMAIL NAME ROLE: a staff user (made unless there) signed in; its session id.
bench_session() {
	echo "$3-password-1" | STARCERT_DB="host=$STARCERT_VAR/pgsock port=54340 dbname=starcert user=starcert_app" \
		ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" user add "$1" --name "$2" \
		--role "$3" >/dev/null 2>&1 || true
	local jar token
	jar=$(mktemp)
	token=$(curl -s -c "$jar" "$STARCERT_URL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
	curl -s -o /dev/null -b "$jar" -c "$jar" -H "Origin: $STARCERT_URL" --data-urlencode "csrf=$token" \
		--data-urlencode "email=$1" --data-urlencode "password=$3-password-1" "$STARCERT_URL/login"
	awk '$6 == "sid" {print $7}' "$jar"
	rm -f "$jar"
}

# signed_in SID WHO: stop unless SID is a session (a page measured without one
# would be the sign-in redirect, answered at the ceiling's speed).
signed_in() { [ -n "$1" ] || { echo "bench: $2 could not sign in" >&2; exit 1; }; }

# met CONDITION VAR=VALUE...: "met" or "**missed**", the condition an awk
# expression over the variables given.
met() {
	local cond=$1
	shift
	local args=()
	for v in "$@"; do args+=(-v "$v"); done
	awk "${args[@]}" "BEGIN { print (($cond) ? \"met\" : \"**missed**\") }"
}

rows=()
add_row() { # name path target condition (over r, p99, err; "" for none) [wrk args]
	local name=$1 path=$2 target=$3 cond=$4 ratio verdict="" code
	shift 4
	# A page is measured only if it answers 200 (wrk counts a redirect as a
	# success): the same request once with curl (-s: wrk's script, a POST).
	if [ "${1:-}" != -s ]; then
		code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$STARCERT_URL$path")
		[ "$code" = 200 ] || { echo "bench: $name: $path answered $code, not 200" >&2; exit 1; }
	fi
	measure "$name" "$path" "$@"
	ratio=$(awk -v a="$RPS" -v b="$CEILING" 'BEGIN {printf "%.2f", a / b}')
	[ -n "$cond" ] && verdict=$(met "($cond) && err == 0" r="$ratio" p99="$P99" err="$ERRORS")
	rows+=("| $name | \`$path\` | $RPS | $ratio | $P50 | $P99 | $ERRORS | $target | $verdict |")
	printf '%-34s %9s req/s  ratio %5s  p50 %7s ms  p99 %7s ms  errors %s%s\n' \
		"$name" "$RPS" "$ratio" "$P50" "$P99" "$ERRORS" "${target:+  target $target: ${verdict//\*/}}"
}

echo "bench: wrk, $connections connections, ${seconds}s per page, $workers workers"
measure "ceiling" /__bench/hello
[ "$ERRORS" -eq 0 ] || { echo "bench: the ceiling had errors" >&2; exit 1; }
CEILING=$RPS
printf '%-34s %9s req/s  ratio  1.00  p50 %7s ms  p99 %7s ms\n' "FastCGI hello (ceiling)" "$RPS" "$P50" "$P99"
rows+=("| FastCGI hello (ceiling) | \`/__bench/hello\` | $RPS | 1.00 | $P50 | $P99 | 0 | | |")
add_row "health check (one query)" /healthz "" ""
add_row "home page (anonymous)" / "≥ 0.70" "r >= 0.70"

# Signed in: the admin that scripts/with-stack.sh created.
jar=$(mktemp)
token=$(curl -s -c "$jar" "$STARCERT_URL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
curl -s -o /dev/null -b "$jar" -c "$jar" -H "Origin: $STARCERT_URL" \
	--data-urlencode "csrf=$token" --data-urlencode "email=$STARCERT_ADMIN_EMAIL" \
	--data-urlencode "password=$STARCERT_ADMIN_PASSWORD" "$STARCERT_URL/login"
sid=$(awk '$6 == "sid" {print $7}' "$jar")
signed_in "$sid" "the administrator"
add_row "account page (signed in)" /account "" "" -H "Cookie: sid=$sid"


# --- the review queue at 10^3, then 10^5 applications (and the rest of tests/bench/seed.sql) ---
rows_total=${BENCH_ROWS:-100000}
rsid=$(bench_session bench-reviewer@bench.example 基准审核员 reviewer)
signed_in "$rsid" "the reviewer"
$STARCERT_PSQL_OWNER -v n=1000 -f "$root/tests/bench/seed_queue.sql" >/dev/null
add_row "review queue, first page (10^3 rows)" /review "" "" -H "Cookie: sid=$rsid"
p50_small=$P50
$STARCERT_PSQL_OWNER -f "$root/tests/bench/unseed_queue.sql" >/dev/null
$STARCERT_PSQL_OWNER -v n="$rows_total" -f "$root/tests/bench/seed.sql" >/dev/null
# A reviewer holds a few of the applications in review.
$STARCERT_PSQL_OWNER -c "UPDATE applications SET reviewer_id = (SELECT id FROM users
	WHERE email = 'bench-reviewer@bench.example') WHERE state = 'in_review' AND id % 1000 = 3" >/dev/null
add_row "review queue, first page (10^5 rows)" /review "≥ 0.40, p99 ≤ 25 ms" "r >= 0.40 && p99 <= 25" -H "Cookie: sid=$rsid"
growth=$(awk -v a="$P50" -v b="$p50_small" 'BEGIN {printf "%.2f", a / b}')
printf '%-34s %s× (p50 %s ms at 10^5, %s ms at 10^3)\n' "queue growth 10^3 → 10^5" "$growth" "$P50" "$p50_small"
rows+=("| growth: queue p50, 10^5 vs 10^3 applications | \`/review\` | | | $P50 vs $p50_small | | | ${growth}× (≤ 1.3×) | $(met "g <= 1.3" g="$growth") |")
add_row "review queue, organization name part" "/review?q=%E9%80%9A%E4%BF%A1" "" "" -H "Cookie: sid=$rsid"

# --- the staff dashboard over the same data ----------------------------------
# A supervisor's is the fullest: decisions, plans, overdue lists, the calendar
# and the charts.  The first request makes the snapshot of the body's figures
# (recomputed after dashboard_figures_seconds, 60 s: not within a run).
ssid=$(bench_session bench-supervisor@bench.example 基准决定人员 supervisor)
signed_in "$ssid" "the supervisor"
curl -s -o /dev/null -H "Cookie: sid=$ssid" "$STARCERT_URL/dashboard"
add_row "staff dashboard, supervisor (10^5 rows)" /dashboard "" "" -H "Cookie: sid=$ssid"
add_row "staff dashboard, reviewer" /dashboard "" "" -H "Cookie: sid=$rsid"

# --- the public register over 10^5 certificates (seeded above) -------------
# "企业4242": part of an organization's name, Chinese, a dozen matches.
add_row "public register, name part (10^5 certificates)" "/lookup?q=%E4%BC%81%E4%B8%9A4242" "≥ 0.30, p99 ≤ 30 ms" "r >= 0.30 && p99 <= 30"
add_row "public register, certificate number" "/lookup?q=scb-2025-004242" "" ""

# --- exports over the same data, each on fresh workers -----------------------
. "$root/tests/bench/exports.sh"

# --- 50 MB upload and download -------------------------------------------
# An applicant with a draft application.
ajar=$(mktemp)
tok() { curl -s -b "$ajar" -c "$ajar" "$STARCERT_URL$1" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | grep -o '[0-9a-f]\{64\}'; }
curl -s -o /dev/null -b "$ajar" -c "$ajar" -H "Origin: $STARCERT_URL" "$STARCERT_URL/register" \
	--data-urlencode "csrf=$(tok /register)" --data-urlencode "org_name=基准测试企业" \
	--data-urlencode "credit_code=91320500MA1MX1234U" --data-urlencode "address=苏州工业园区" \
	--data-urlencode "legal_representative=甲" --data-urlencode "contact_name=乙" \
	--data-urlencode "contact_phone=0512-66668888" --data-urlencode "contact_email=bench@bench.example" \
	--data-urlencode "user_name=乙" --data-urlencode "email=bench@bench.example" \
	--data-urlencode "password=bench-password-1" --data-urlencode "password_confirm=bench-password-1"
app=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$ajar" -H "Origin: $STARCERT_URL" "$STARCERT_URL/applications" \
	--data "csrf=$(tok /applications)&kind=initial" | grep -o '[0-9]*$')
[ -n "$app" ] || { echo "bench: the applicant's draft application was not made" >&2; exit 1; }
big="$STARCERT_VAR/bench-files/50mb.pdf"
{ printf '%%PDF-1.4\n'; head -c 52000000 /dev/urandom; } >"$big"
size_mb=$(( ($(stat -c %s "$big") + 524288) / 1048576 ))

# Fresh workers, so that their peak RSS (VmHWM) is the upload's alone.
fresh_workers || exit 1
uploads=5
upload_failures=0
token=$(tok "/applications/$app")
t0=$(date +%s%N)
for i in $(seq 1 $uploads); do
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$ajar" -H "Origin: $STARCERT_URL" \
		"$STARCERT_URL/applications/$app/materials/1?csrf=$token" -F "file=@$big;filename=big$i.pdf")
	[ "$code" = 303 ] || { echo "bench: upload $i answered $code" >&2; upload_failures=$((upload_failures + 1)); }
done
t1=$(date +%s%N)
upload_mbs=$(awk -v mb="$size_mb" -v n=$uploads -v ns=$((t1 - t0)) 'BEGIN {printf "%.0f", mb * n / (ns / 1e9)}')
peak_mb=$(awk -v kb="$(peak_rss_kb)" 'BEGIN {printf "%.1f", kb / 1024}')
printf '%-34s %6s MB/s  worker peak RSS %s MB (%d × %d MB files, %d failed)\n' "upload (50 MB, multipart)" \
	"$upload_mbs" "$peak_mb" "$uploads" "$size_mb" "$upload_failures"
rows+=("| upload, ${size_mb} MB multipart | \`POST /applications/{id}/materials/{m}\` | ${upload_mbs} MB/s | | | | $upload_failures | worker peak RSS ${peak_mb} MB (≤ 16 MB), ≥ 100 MB/s | $(met "rss <= 16 && mbs >= 100 && err == 0" rss="$peak_mb" mbs="$upload_mbs" err="$upload_failures") |")

# Download: through the application (X-Accel-Redirect) vs nginx alone.
doc=$(curl -s -b "$ajar" "$STARCERT_URL/applications/$app" | grep -o 'href="/documents/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
[ -n "$doc" ] || { echo "bench: no uploaded document to download" >&2; exit 1; }
download_rate() { # path [wrk args] -> MB/s
	local log path=$1
	shift
	log=$(mktemp)
	wrk -t2 -c4 -d"${seconds}s" --timeout 20s "$@" "$STARCERT_URL$path" >"$log" 2>&1
	awk '/^Transfer\/sec:/ { v = $2; u = v; sub(/[0-9.]+/, "", u); n = v + 0;
		if (u == "GB") n *= 1024; else if (u == "KB") n /= 1024; printf "%.0f", n }' "$log"
	rm -f "$log"
}
sid=$(awk '$6 == "sid" {print $7}' "$ajar")
via_app=$(download_rate "/documents/$doc" -H "Cookie: sid=$sid")
static=$(download_rate "/__bench/files/50mb.pdf")
dl_ratio=$(awk -v a="$via_app" -v b="$static" 'BEGIN {printf "%.2f", a / b}')
printf '%-34s %6s MB/s  nginx static %s MB/s  ratio %s\n' "download (50 MB, X-Accel-Redirect)" "$via_app" "$static" "$dl_ratio"
rows+=("| download, ${size_mb} MB via X-Accel-Redirect | \`GET /documents/{id}\` | ${via_app} MB/s | ${dl_ratio} of static (${static} MB/s) | | | | ≥ 0.8 of static | $(met "r >= 0.8" r="$dl_ratio") |")
rm -f "$ajar"

# --- sign-in, last: the argon2id hashes still queued when wrk stops would tax
# the next page --------------------------------------------------------------
token=$(curl -s "$STARCERT_URL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
# Sign-in: each request verifies an argon2id hash (64 MiB, at most one per core at once).
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$STARCERT_URL"
wrk.headers["Cookie"] = "csrf=$token"
wrk.body = "csrf=$token&email=$(sed 's/@/%40/' <<<"$STARCERT_ADMIN_EMAIL")&password=$STARCERT_ADMIN_PASSWORD"
LUA
add_row "sign-in (POST /login)" /login "" "" -s "$lua"

# 64 sign-ins at once: the workers' memory together (argon2id takes 64 MiB
# a hash, at most one per core at once): the sum of fresh workers' peaks
# (VmHWM) afterwards, more than they ever held at once; no errors.  The
# account's lock counts a sign-in as a failure until its hash says
# otherwise: with more workers than that lock's 5 (more than 2 cores), the
# bench's single account would be locked, so it is raised for this instance.
$STARCERT_PSQL_OWNER -c "INSERT INTO settings (key, value) VALUES ('login_max_failures_account', '100')
	ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" >/dev/null
fresh_workers || exit 1
saved=$connections
connections=64
# The 64th waits for the 63 hashes before it, two at a time: over 10 s when
# the box is busy.  wrk then gives up on it, as a browser would not; nginx
# waits 60 s.  A timeout here is a client's, not a failed sign-in.
wrk_timeout=40s measure "64 sign-ins at once" /login -s "$lua"
connections=$saved
rss_mb=$(awk -v kb="$(peak_rss_kb sum)" 'BEGIN {printf "%.0f", kb / 1024}')
printf '%-34s %9s req/s  peak RSS of the workers summed %s MB  errors %s\n' "64 concurrent sign-ins" "$RPS" "$rss_mb" "$ERRORS"
rows+=("| 64 concurrent sign-ins | \`POST /login\` | $RPS | | $P50 | $P99 | $ERRORS | the workers' peak RSS summed ${rss_mb} MB (total ≤ 1024 MB), no error | $(met "rss <= 1024 && err == 0" rss="$rss_mb" err="$ERRORS") |")
rm -f "$jar" "$lua"

mkdir -p "$(dirname "$out")"
{
	echo "# Benchmarks"
	echo
	echo "Written by \`make bench\` ($(date -u +%Y-%m-%d), $(nproc) cores, $workers workers,"
	echo "wrk with $connections connections for ${seconds} s per page, through the same nginx)."
	echo "The ratio is the page's requests/s divided by the FastCGI hello ceiling measured in the same run."
	echo "What was profiled, what was changed and what limits the pages below their targets:"
	echo "[performance.md](performance.md)."
	echo
	echo "| page | path | req/s | ratio | p50 ms | p99 ms | errors | target | |"
	echo "|---|---|---:|---:|---:|---:|---:|---|---|"
	printf '%s\n' "${rows[@]}"
} >"$out"
echo "bench: written to docs/benchmarks.md"
