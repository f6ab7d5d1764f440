# d_3_disk.sh: the blob store's disk full during uploads: a small tmpfs is
# mounted over var/NAME/blobs (with the store copied in) and filled.  The
# user gets a clear 507, no row is left without its file, no partial file
# is left behind, reads go on, and once there is room again uploads work
# without a restart.  Root only (mount).

# disk_mount: the store on a tmpfs with DISK_HEADROOM_KB to spare; the real
# store stays reachable at $TMP/blobs-real for disk_restore.
disk_mount() {
	local blobs=$STARCERT_VAR/blobs stage=$TMP/blobs-tmpfs used owner
	mkdir -p "$TMP/blobs-real" "$stage"
	used=$(du -sk "$blobs" | cut -f1)
	owner=$(stat -c '%u' "$blobs"),gid=$(stat -c '%g' "$blobs")
	mount --bind "$blobs" "$TMP/blobs-real" || return 1
	DISK_MOUNTED=1
	mount -t tmpfs -o "size=$((used + DISK_HEADROOM_KB))k,mode=0750,uid=$owner" tmpfs "$stage" || return 1
	cp -a "$blobs/." "$stage/" && mount --bind "$stage" "$blobs" || { umount "$stage"; return 1; }
	umount "$stage"
	DISK_MOUNTED=2
}

# disk_restore: what was stored on the tmpfs goes to the real store, and the
# tmpfs away.  Also run on exit.
disk_restore() {
	local blobs=$STARCERT_VAR/blobs
	if [ "${DISK_MOUNTED:-0}" = 2 ]; then
		rm -f "$blobs/filler"
		cp -a -n "$blobs/sha256/." "$TMP/blobs-real/sha256/"
		umount "$blobs" && DISK_MOUNTED=1
	fi
	if [ "${DISK_MOUNTED:-0}" = 1 ]; then
		umount "$TMP/blobs-real" && DISK_MOUNTED=0
	fi
}

avail_kb() { df -k --output=avail "$STARCERT_VAR/blobs" | tail -n 1 | tr -d ' '; }

drill_3_a_full_disk_refuses_uploads_clearly_and_keeps_reading() {
	local blobs=$STARCERT_VAR/blobs workers docs id line hash app=${APPS[2]} got
	if [ "$(id -u)" -ne 0 ]; then
		skip "mounting a tmpfs needs root"
		return 0
	fi
	workers=$(worker_pids)
	# Something to read while the disk is full.
	client upload "$STARCERT_URL" --target "/applications/$app/materials/1" --cookie "$COOKIE" \
		--csrf "$CSRF" --tag diskread --count 3 --threads 1 --max-kb 512 --out "$TMP/d-read"
	docs=$(sql "SELECT id FROM documents WHERE file_name LIKE 'drill-diskread-%' ORDER BY id")
	[ "$(wc -w <<<"$docs")" = 3 ] || { fail "could not store the documents to read"; return; }

	disk_mount || { fail "could not mount a tmpfs over the blob store"; disk_restore; return; }
	fallocate -l $((($(avail_kb) - 1024) * 1024)) "$blobs/filler" || fail "could not fill the tmpfs"
	measure disk free_kb "$(avail_kb)" "KiB left on the blob store's tmpfs before the uploads"

	PAGES=(--path "/applications/$app" --path /applications)
	for id in $docs; do PAGES+=(--path "/documents/$id"); done
	pages "$TMP/d-load" --threads 2 --pause 0.01
	uploads "$TMP/d-up" disk --threads 2 --min-kb 100 --max-kb 600 --seconds "$DISK_SECONDS"
	wait "$UP_PID"

	# One by hand, as a browser sends it: the page says what happened.
	printf '%%PDF-1.4\n' >"$TMP/full.pdf"
	head -c 2000000 /dev/urandom >>"$TMP/full.pdf"
	http POST "/applications/$app/materials/1?csrf=$CSRF" -b "sid=$SID" -H "Origin: $STARCERT_URL" \
		-F "file=@$TMP/full.pdf;filename=full.pdf"
	expect_status 507 "an upload to a full disk"
	expect_body '服务器暂时无法保存文件，请稍后再试；已有的文件不受影响。'
	expect_body 'id="material-'
	finish "$LOAD_PID"

	line=$(client summary "$TMP/d-up")
	only_statuses "$line" "uploads to a full disk" 303 507
	[ -n "$(field s507 "$line")" ] || fail "the disk never filled: $(statuses "$line")"
	measure disk uploads "$(field n "$line")" "uploads while the disk filled: $(statuses "$line")"
	# None may be acknowledged (two uploads at once can fill the last MiB),
	# and no worker is killed here: a row for an upload answered 507 is one
	# that was refused and kept anyway.
	acked_uploads_stored "$TMP/d-up" disk "uploads to a full disk" 0
	expect_eq "$EXTRA" 0 "rows for uploads that were refused"
	line=$(client summary "$TMP/d-load")
	only_statuses "$line" "reads while the disk was full" 200
	measure disk reads "$(field n "$line")" "pages and downloads meanwhile, all 200 (p99 $(field p99 "$line") ms)"
	[ -z "$(ls -A "$blobs/tmp")" ] || fail "partial files left in the store: $(ls "$blobs/tmp" | head -n 3)"
	for id in $docs; do
		hash=$(sql "SELECT blob_sha256 FROM documents WHERE id = $id")
		got=$(curl -s -b "sid=$SID" "$STARCERT_URL/documents/$id" | sha256sum | cut -d' ' -f1)
		expect_eq "$got" "$hash" "document $id read from the full disk"
	done
	store_intact
	expect_eq "$(sql "SELECT count(*) FROM documents WHERE file_name = 'full.pdf'")" 0 "rows for refused uploads"

	# Room again: uploads work at once, with the same workers.
	rm -f "$blobs/filler"
	client upload "$STARCERT_URL" "${TARGETS[@]}" --cookie "$COOKIE" --csrf "$CSRF" \
		--tag diskok --count 5 --threads 1 --max-kb 200 --out "$TMP/d-ok"
	line=$(client summary "$TMP/d-ok")
	only_statuses "$line" "uploads once there was room" 303
	measure disk after "$(field s303 "$line")" "uploads answered 303 as soon as there was room, no restart"
	expect_eq "$(worker_pids)" "$workers" "workers after the full disk"
	disk_restore
	[ "${DISK_MOUNTED:-0}" = 0 ] || fail "could not unmount the tmpfs"
	store_intact
}
