# lib.sh: what the fault drills share: the applicant and its applications,
# the clients in the background, the checks that nothing acknowledged was
# lost, and the measurements.  Sourced by run.sh after tests/http/lib.sh.

DRILL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$DRILL_DIR/../.." && pwd)
RESULTS="$TMP/results"
: >"$RESULTS"

# client ARGS: client.py in the foreground (in the background, run python3
# itself, so that $! is the client and not a subshell).
# Debian's python3 first: a version manager's shim costs a second a call.
PYTHON=$(command -v /usr/bin/python3 || command -v python3)
client() { "$PYTHON" "$DRILL_DIR/client.py" "$@"; }
now_ms() { date +%s%3N; }
say() { printf '    %s\n' "$*"; }

# measure DRILL KEY VALUE TEXT: one measured figure, printed and kept for docs/drills.md.
measure() {
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"
	printf '    %-28s %12s  %s\n' "$2" "$3" "$4"
}

# field KEY LINE: the value of KEY=... in a client.py summary line.
field() { grep -o "\b$1=[^ ]*" <<<"$2" | head -n 1 | cut -d= -f2; }

# statuses LINE: the status counts of a summary line, e.g. "s200=12 s503=3".
statuses() { grep -o '\bs[0-9]*=[0-9]*' <<<"$1" | tr '\n' ' ' | sed 's/ $//'; }

# skip WHY: the drill cannot run here; run.sh counts it apart from the passed.
skip() {
	say "skipped: $*"
	SKIPPED=1
}

# only_statuses LINE WHAT ALLOWED... : fail unless LINE counts some requests
# (a client that crashed wrote no log, and no status is then no bad status)
# and every status in LINE is allowed.
only_statuses() {
	local line=$1 what=$2 s bad=""
	shift 2
	[[ $(field n "$line") =~ ^[1-9][0-9]*$ ]] ||
		{ fail "$what: no requests logged (${line:-no summary}): did the client fail?"; return; }
	for s in $(grep -o '\bs[0-9]*=' <<<"$line" | tr -d 's='); do
		[[ " $* " == *" $s "* ]] || bad="$bad $s"
	done
	[ -z "$bad" ] || fail "$what: unexpected status(es)$bad ($(statuses "$line"))"
}

# --- the applicant and its drafts --------------------------------------------------

# setup_applicant: an enterprise, its signed-in session (SID, CSRF) and
# APPS drafts; TARGETS are upload addresses over every material.
setup_applicant() {
	local j app m i
	j=$(jar drill)
	register "$j" "演练电器有限公司" 91440400192548256N drill@test.example
	[ "$STATUS" = 303 ] || { fail "registration answered $STATUS"; return 1; }
	SID=$(sid_of "$j")
	COOKIE="sid=$SID"
	APPS=()
	for i in 1 2 3 4; do
		FORM_PAGE=/applications post "$j" /applications --data kind=initial
		app=$(header Location | grep -o '[0-9]*$')
		[ -n "$app" ] || { fail "no application made ($STATUS)"; return 1; }
		APPS+=("$app")
	done
	CSRF=$(csrf_of "$j" "/applications/${APPS[0]}")
	TARGETS=()
	for app in "${APPS[@]}"; do
		for m in $(sql "SELECT id FROM material_items WHERE active ORDER BY id LIMIT 3"); do
			TARGETS+=(--target "/applications/$app/materials/$m")
		done
	done
	PAGES=(--path "/applications/${APPS[0]}" --path /dashboard --path /applications --path /healthz)
	WORKERS=$(worker_pids | wc -w)
	MASTER=$(master_pid)
}

# uploads LOG TAG [client args]: start uploading in the background; sets UP_PID.
uploads() {
	local log=$1 tag=$2
	shift 2
	"$PYTHON" "$DRILL_DIR/client.py" upload "$STARCERT_URL" "${TARGETS[@]}" --cookie "$COOKIE" --csrf "$CSRF" \
		--tag "$tag" --out "$log" "$@" &
	UP_PID=$!
}

# pages LOG [client args]: load the pages in the background; sets LOAD_PID.
pages() {
	local log=$1
	shift
	"$PYTHON" "$DRILL_DIR/client.py" load "$STARCERT_URL" "${PAGES[@]}" --cookie "$COOKIE" --out "$log" "$@" &
	LOAD_PID=$!
}

# finish PID...: stop background clients and wait until their logs are written.
finish() {
	local p
	for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
	for p in "$@"; do wait "$p" 2>/dev/null || true; done
}

# --- nothing acknowledged lost ---------------------------------------------------------

# acked_uploads_stored LOG TAG WHAT [MIN]: every upload answered 303
# (done=uploaded) has its row, with the hash the client computed, and at
# least MIN (1 unless told) were.  Sets ACKED and EXTRA (rows whose upload
# was not acknowledged: the answer was lost, not the file).
acked_uploads_stored() {
	local log=$1 tag=$2 what=$3 min=${4:-1} lost
	ACKED=0 EXTRA=0
	[ -s "$log" ] || { fail "$what: no upload logged (did the client fail?)"; return; }
	awk '$3 == 303 {print $7, $5}' "$log" | sort >"$TMP/acked"
	sql "SELECT file_name || ' ' || blob_sha256 FROM documents WHERE file_name LIKE 'drill-$tag-%'" |
		sort >"$TMP/stored"
	ACKED=$(wc -l <"$TMP/acked")
	lost=$(comm -23 "$TMP/acked" "$TMP/stored")
	EXTRA=$(comm -13 "$TMP/acked" "$TMP/stored" | wc -l)
	[ -z "$lost" ] || fail "$what: acknowledged uploads missing or with another hash: $(head -n 5 <<<"$lost")"
	[ "$ACKED" -ge "$min" ] || fail "$what: $ACKED uploads acknowledged, expected at least $min"
}

# store_intact [VAR]: every blob a row refers to is on disk with its SHA-256
# (the same query scripts/backup.sh uses); sets BLOBS.
store_intact() {
	local var=${1:-$STARCERT_VAR} port out=""
	port=$(grep -o '^port = [0-9]*' "$var/pg/postgresql.conf" | tail -n 1 | grep -o '[0-9]*$')
	psql -X -q -v ON_ERROR_STOP=1 -At -F ' ' -h "$var/pgsock" -p "$port" -U starcert_owner -d starcert \
		-f "$ROOT/scripts/blobs-referenced.sql" >"$TMP/referenced" ||
		{ fail "could not list the referenced blobs"; return; }
	BLOBS=$(wc -l <"$TMP/referenced")
	# sha256sum -c refuses an empty list: no row refers to a file, none to check.
	if [ "$BLOBS" -gt 0 ]; then
		out=$(awk '{printf "%s  sha256/%s/%s/%s\n", $1, substr($1, 1, 2), substr($1, 3, 2), $1}' "$TMP/referenced" |
			(cd "$var/blobs" && sha256sum -c --quiet) 2>&1)
	fi
	[ -z "$out" ] || fail "rows whose file is missing or damaged: $(head -n 5 <<<"$out")"
}

# gc_leaves_only_referenced: starcertctl gc (as cron runs it, without the
# hour's grace) removes every temporary file and unreferenced blob.
gc_leaves_only_referenced() {
	local out left
	out=$(STARCERT_DB="host=$STARCERT_VAR/pgsock port=$(pg_port) dbname=starcert user=starcert_app" \
		STARCERT_BLOBS="$STARCERT_VAR/blobs" ASAN_OPTIONS=detect_leaks=0 \
		"$STARCERT_BUILD/starcertctl" gc --min-age 0) || fail "gc failed: $out"
	GC_REMOVED=$(grep -c 'gc: removed' <<<"$out")
	[ -z "$(ls -A "$STARCERT_VAR/blobs/tmp")" ] || fail "temporary files left after gc"
	left=$(comm -23 <(find "$STARCERT_VAR/blobs/sha256" -type f -printf '%f\n' | sort) \
		<(cut -d' ' -f1 "$TMP/referenced" | sort))
	[ -z "$left" ] || fail "unreferenced blobs after gc: $(head -n 3 <<<"$left")"
}

# --- the process model --------------------------------------------------------------------

log_mark() { wc -l <"$STARCERT_VAR/log/app.log"; }
log_since() { tail -n +"$(($1 + 1))" "$STARCERT_VAR/log/app.log"; }

# live_worker_pids: the master's children that still run.  worker_pids
# (pgrep -P) also lists the dead not yet reaped, and the master reaps late:
# it pauses 500 ms before replacing a worker that started less than 500 ms
# ago, once per such slot.
live_worker_pids() { ps --ppid "$(master_pid)" -o pid=,stat= | awk '$2 !~ /^Z/ {print $1}' | sort -n | tr '\n' ' '; }

full_crew() { [ "$(live_worker_pids | wc -w)" -eq "$WORKERS" ]; }

# deaths_since MARK: how many workers the master logged as killed since MARK.
deaths_since() { log_since "$1" | grep -c 'killed by signal 9; replacing it'; }

# write_results FILE SECONDS: the measured figures into FILE (docs/drills.md)
# between its two result markers; the rest of the file is kept.
write_results() {
	local file=$1 seconds=$2 begin='<!-- drill results: begin -->' end='<!-- drill results: end -->'
	grep -qF "$begin" "$file" && grep -qF "$end" "$file" || { echo "drills: no result markers in $file" >&2; return 1; }
	{
		echo "$begin"
		echo
		printf 'Last long run (`make drill`): %s, %d s, %s workers on %s cores, build `%s`, load average before %s.\n' \
			"$(date -u +%Y-%m-%d)" "$seconds" "$WORKERS" "$(nproc)" "${STARCERT_BUILD##*/}" "$LOAD_BEFORE"
		echo
		echo '| drill | figure | value | what |'
		echo '|---|---|---:|---|'
		awk -F '\t' '{gsub(/\|/, "\\|", $4); printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}' "$RESULTS"
		echo
		echo "$end"
	} >"$TMP/results.md"
	awk -v b="$begin" -v e="$end" -v r="$TMP/results.md" '
		$0 == b {while ((getline line < r) > 0) print line; skip = 1; next}
		$0 == e {skip = 0; next}
		!skip' "$file" >"$TMP/drills.md" && cat "$TMP/drills.md" >"$file"
	echo "drills: figures written to ${file#$ROOT/}"
}
