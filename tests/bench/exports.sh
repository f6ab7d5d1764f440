# exports.sh: time and worker peak RSS of exports over the seeded data (10^5
# certificates and applications; seed.sql), each on fresh workers so that their
# peak (VmHWM) is the export's own.  Sourced by run.sh, which then writes
# "rows" into docs/benchmarks.md; also runs alone against a seeded instance:
#   STARCERT_URL=... STARCERT_VAR=... STARCERT_BUILD=... bash tests/bench/exports.sh

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exports_pg_port=$(grep -o '^port = [0-9]*' "$STARCERT_VAR/pg/postgresql.conf" | tail -n 1 | grep -o '[0-9]*$')
echo 'supervisor-password-1' | STARCERT_DB="host=$STARCERT_VAR/pgsock port=$exports_pg_port dbname=starcert user=starcert_app" \
	ASAN_OPTIONS=detect_leaks=0 "$STARCERT_BUILD/starcertctl" user add bench-supervisor@bench.example \
	--name 基准主管 --role supervisor >/dev/null 2>&1 || true
exports_jar=$(mktemp)
exports_token=$(curl -s -c "$exports_jar" "$STARCERT_URL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
curl -s -o /dev/null -b "$exports_jar" -c "$exports_jar" -H "Origin: $STARCERT_URL" \
	--data-urlencode "csrf=$exports_token" --data-urlencode "email=bench-supervisor@bench.example" \
	--data-urlencode "password=supervisor-password-1" "$STARCERT_URL/login"
exports_sid=$(awk '$6 == "sid" {print $7}' "$exports_jar")
rm -f "$exports_jar"
[ -n "$exports_sid" ] || { echo "bench: the supervisor could not sign in for the exports" >&2; exit 1; }

# export_measure LABEL PATH: one download on fresh workers: seconds, size, rows, peak RSS.
export_measure() {
	local label=$1 path=$2 file t0 t1 code size secs peak_kb lines
	fresh_workers || exit 1
	file=$(mktemp)
	t0=$(date +%s%N)
	read -r code size < <(curl -s -o "$file" -w '%{http_code} %{size_download}\n' --max-time 300 \
		-H "Cookie: sid=$exports_sid" "$STARCERT_URL$path")
	t1=$(date +%s%N)
	[ "$code" = 200 ] || { echo "bench: $path answered $code" >&2; exit 1; }
	peak_kb=$(peak_rss_kb)
	case "$path" in
	*.csv*) lines=$(($(wc -l <"$file") - 1)) ;;
	*) lines=$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").count(b"<row ") - 1)' "$file") ;;
	esac
	rm -f "$file"
	secs=$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.2f", ns / 1e9}')
	size=$(awk -v b="$size" 'BEGIN {printf "%.1f", b / 1048576}')
	peak_kb=$(awk -v kb="$peak_kb" 'BEGIN {printf "%.1f", kb / 1024}')
	printf '%-34s %6s s  %5s MB  %6s rows  worker peak RSS %s MB\n' "$label" "$secs" "$size" "$lines" "$peak_kb"
	rows+=("| $label | \`GET $path\` | ${secs} s | | | | | ${lines} rows, ${size} MB, worker peak RSS ${peak_kb} MB | |")
}

export_measure "export, certificates CSV (10^5)" /certificates/export.csv
export_measure "export, certificates Excel (10^5)" /certificates/export.xlsx
export_measure "export, applications CSV (10^5)" /applications/export.csv
export_measure "monthly report, a month of issues" "/reports/monthly.xlsx?month=2025-03"
