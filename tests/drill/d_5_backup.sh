# d_5_backup.sh: scripts/backup.sh of the running instance restored by
# scripts/restore.sh into a fresh cluster (another instance): rows per table
# as in the source, every file's SHA-256, and the restored portal serving
# the same documents to the same session and taking new uploads.  In the
# long form also a backup taken under upload load, whose restore must hold
# every upload acknowledged before it began.

restored_name() { echo "$STARCERT_INSTANCE-restored"; }
restored_port() { echo $((${STARCERT_URL##*:} + 1)); }

restored_stop() {
	local name
	name=$(restored_name)
	[ -d "$ROOT/var/$name" ] || return 0
	"$ROOT/scripts/stack.sh" stop "$name" >/dev/null 2>&1
	rm -rf "${ROOT:?}/var/$name"
}

# restore_into_fresh BACKUP_DIR: restore.sh into a new instance; sets RESTORED_VAR.
restore_into_fresh() {
	restored_stop
	RESTORED_VAR="$ROOT/var/$(restored_name)"
	"$ROOT/scripts/restore.sh" "$1" "$(restored_name)" >"$TMP/restore.out" 2>&1 ||
		{ fail "restore.sh failed: $(tail -n 5 "$TMP/restore.out")"; return 1; }
}

restored_psql() {
	psql -X -q -v ON_ERROR_STOP=1 -At -F ' ' -h "$RESTORED_VAR/pgsock" \
		-p "$(ls "$RESTORED_VAR"/pgsock/.s.PGSQL.* | grep -v lock | head -n 1 | sed 's/.*\.//')" \
		-U starcert_owner -d starcert "$@"
}

drill_5_a_backup_restores_into_a_fresh_cluster() {
	local dest=$TMP/backups backup t0 ms url id want got n=0 ids
	mkdir -p "$dest/hot" "$dest/quiet"
	if [ "$BACKUP_HOT" = 1 ]; then
		uploads "$TMP/b-up" hot --threads 2 --max-kb 512
		sleep 2
		t0=$(now_ms)
		"$ROOT/scripts/backup.sh" "$STARCERT_INSTANCE" "$dest/hot" >"$TMP/backup.out" 2>&1 ||
			fail "backup.sh under load: $(tail -n 3 "$TMP/backup.out")"
		sleep 1
		finish "$UP_PID"
		backup=$(ls -d "$dest"/hot/starcert-* | head -n 1)
		if [ -n "$backup" ] && restore_into_fresh "$backup"; then
			# Every upload acknowledged before the backup began is in it.
			awk -v t="$t0" '$3 == 303 && $2 < t {print $7, $5}' "$TMP/b-up" | sort >"$TMP/before-backup"
			"$ROOT/scripts/stack.sh" init "$(restored_name)" >/dev/null
			restored_psql -c "SELECT file_name || ' ' || blob_sha256 FROM documents WHERE file_name LIKE 'drill-hot-%'" |
				sort >"$TMP/in-backup"
			[ -z "$(comm -23 "$TMP/before-backup" "$TMP/in-backup")" ] ||
				fail "uploads acknowledged before the hot backup are missing from it"
			store_intact "$RESTORED_VAR"
			measure backup hot_uploads "$(wc -l <"$TMP/before-backup")" \
				"uploads acknowledged before a backup under load, all in its restore ($(wc -l <"$TMP/in-backup") rows)"
		fi
		acked_uploads_stored "$TMP/b-up" hot "uploads during the backup"
	fi

	# The quiet backup: the restore must equal the source.
	t0=$(now_ms)
	"$ROOT/scripts/backup.sh" "$STARCERT_INSTANCE" "$dest/quiet" >"$TMP/backup.out" 2>&1 ||
		{ fail "backup.sh: $(tail -n 3 "$TMP/backup.out")"; return; }
	ms=$(($(now_ms) - t0))
	backup=$(ls -d "$dest"/quiet/starcert-*)
	measure backup backup_ms "$ms" "ms for backup.sh: $(sed 's/.*: //' "$TMP/backup.out")"
	$STARCERT_PSQL_OWNER -At -F ' ' -f "$ROOT/scripts/row-counts.sql" >"$TMP/source-counts"
	diff -u "$TMP/source-counts" "$backup/counts" >/dev/null || fail "the backup's counts differ from the source's"
	t0=$(now_ms)
	restore_into_fresh "$backup" || return
	ms=$(($(now_ms) - t0))
	measure backup restore_ms "$ms" "ms for restore.sh into a fresh cluster (initdb, pg_restore, files, checks)"
	url="http://127.0.0.1:$(restored_port)"
	"$ROOT/scripts/stack.sh" start "$(restored_name)" "$(restored_port)" "$STARCERT_BUILD" >"$TMP/restored-start.out" 2>&1 ||
		{ fail "the restored instance did not start: $(tail -n 3 "$TMP/restored-start.out")"; return; }
	restored_psql -f "$ROOT/scripts/row-counts.sql" >"$TMP/restored-counts"
	diff -u "$TMP/source-counts" "$TMP/restored-counts" >"$TMP/counts.diff" ||
		fail "rows per table differ after the restore: $(grep '^[-+][a-z]' "$TMP/counts.diff" | head -n 6)"
	measure backup rows "$(awk '{n += $2} END {print n}' "$TMP/restored-counts")" \
		"rows in $(wc -l <"$TMP/restored-counts") tables, table by table as in the source"
	store_intact "$RESTORED_VAR"
	measure backup files "$BLOBS" "files restored, every SHA-256 checked"

	# The restored portal: the same session reads the same bytes, and takes uploads.
	ids=$(sql "SELECT id FROM documents ORDER BY random() LIMIT 5")
	for id in $ids; do
		want=$(sql "SELECT blob_sha256 FROM documents WHERE id = $id")
		got=$(curl -s -b "$COOKIE" "$url/documents/$id" | sha256sum | cut -d' ' -f1)
		expect_eq "$got" "$want" "document $id from the restored portal"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || fail "no documents to read back"
	client upload "$url" "${TARGETS[@]}" --cookie "$COOKIE" --csrf "$CSRF" --tag restored \
		--count 3 --threads 1 --max-kb 64 --out "$TMP/b-restored-up"
	only_statuses "$(client summary "$TMP/b-restored-up")" "uploads to the restored portal" 303
	restored_stop
	backup_of_a_new_instance
}

# backup_of_a_new_instance: an instance without one uploaded file backs up
# and restores (sha256sum -c refuses an empty list); restore.sh then refuses
# to overwrite it, and stack.sh to start it while it is marked RESTORING.
backup_of_a_new_instance() {
	local name backup
	name=$(restored_name)
	mkdir -p "$TMP/backups/new"
	"$ROOT/scripts/stack.sh" start "$name" "$(restored_port)" "$STARCERT_BUILD" >"$TMP/new-start.out" 2>&1 ||
		{ fail "a new instance did not start: $(tail -n 3 "$TMP/new-start.out")"; restored_stop; return; }
	"$ROOT/scripts/backup.sh" "$name" "$TMP/backups/new" >"$TMP/backup.out" 2>&1 ||
		{ fail "backup.sh of an instance without files: $(tail -n 3 "$TMP/backup.out")"; restored_stop; return; }
	backup=$(ls -d "$TMP"/backups/new/starcert-*)
	expect_eq "$(wc -l <"$backup/blobs.list")" 0 "files in the backup of a new instance"
	restore_into_fresh "$backup" || { restored_stop; return; }
	! "$ROOT/scripts/restore.sh" "$backup" "$name" >"$TMP/restore-again.out" 2>&1 ||
		fail "restore.sh restored over an existing var/$name"
	grep -q 'exists already' "$TMP/restore-again.out" || fail "restore.sh did not say why: $(tail -n 1 "$TMP/restore-again.out")"
	echo "drill" >"$RESTORED_VAR/RESTORING"
	! "$ROOT/scripts/stack.sh" start "$name" "$(restored_port)" "$STARCERT_BUILD" >"$TMP/new-start.out" 2>&1 ||
		fail "stack.sh started an instance marked RESTORING"
	grep -q 'unfinished restore' "$TMP/new-start.out" || fail "stack.sh did not say why: $(tail -n 1 "$TMP/new-start.out")"
	restored_stop
}
