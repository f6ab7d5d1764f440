#!/usr/bin/env bash
# backup.sh: back up a running instance: the database and every file a row
# refers to, both from one snapshot, plus the certificate signing key.
# The portal keeps serving meanwhile.
#
#   scripts/backup.sh [NAME] DEST_DIR      (NAME: dev, the make run instance)
#
# Writes DEST_DIR/starcert-NAME-YYYYmmddTHHMMSSZ/ (mode 0700), and nothing
# at all if any step fails:
#   db.dump      pg_dump -Fc of the database, in a snapshot taken first
#   counts       "table rows" for every table, in that snapshot
#   blobs.list   "sha256 size" of every file a row refers to, in that snapshot
#   blobs.tar    those files (sha256/ab/cd/<hash>), each checked against its
#                SHA-256 before it is packed
#   cert.key     the certificate signing key: keep backups as safe as the key
#   SHA256SUMS   of the files above; scripts/restore.sh checks it first
#
# Files are written before their rows and never changed, so every row in
# the snapshot has its file on disk; only starcertctl gc deletes files, and
# only those no row has referred to for an hour.  Should one still be
# missing, the backup stops and names it.  Restore with scripts/restore.sh.
set -euo pipefail

case $# in
1) name=dev dest=$1 ;;
2) name=$1 dest=$2 ;;
*) echo "usage: scripts/backup.sh [NAME] DEST_DIR" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
var="$root/var/$name"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

say() { printf 'backup[%s]: %s\n' "$name" "$*"; }
die() { printf 'backup[%s]: %s\n' "$name" "$*" >&2; exit 1; }

sock=$(ls "$var"/pgsock/.s.PGSQL.* 2>/dev/null | grep -v '\.lock$' | head -n 1) ||
	true
[ -n "$sock" ] || die "PostgreSQL of var/$name is not running (start it: make run, or scripts/stack.sh start)"
port=${sock##*.}
sock=$(dirname "$sock")
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
final="$dest/starcert-$name-$(date -u +%Y%m%dT%H%M%SZ)"
[ ! -e "$final" ] || die "$final exists already"
work="$dest/.partial-$(basename "$final")"
trap 'rm -rf "$work"' EXIT
umask 077
mkdir "$work"

# One snapshot for the dump, the counts and the list of files: the
# transaction that exports it stays open until all three are written.
"$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -At -F ' ' -h "$sock" -p "$port" \
	-U starcert_owner -d starcert >/dev/null <<EOF || die "the snapshot failed: see above"
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot() AS snapshot \gset
\setenv STARCERT_SNAPSHOT :snapshot
\! "$pg_bin/pg_dump" -h "$sock" -p "$port" -U starcert_owner -d starcert -Fc --snapshot="\$STARCERT_SNAPSHOT" -f "$work/db.dump" && touch "$work/.dumped"
\o '$work/counts'
\i '$root/scripts/row-counts.sql'
\o '$work/blobs.list'
\i '$root/scripts/blobs-referenced.sql'
\o
COMMIT;
EOF
[ -f "$work/.dumped" ] || die "pg_dump failed: see above"
rm -f "$work/.dumped"

# The files, each checked against its name before it is packed.  An
# instance without files packs an empty tar; sha256sum -c refuses an empty
# list, so there is nothing to check then.
blobs="$var/blobs"
awk '{printf "%s  sha256/%s/%s/%s\n", $1, substr($1, 1, 2), substr($1, 3, 2), $1}' \
	"$work/blobs.list" >"$work/check"
if [ -s "$work/check" ] && ! bad=$(cd "$blobs" && sha256sum -c --quiet "$work/check" 2>&1); then
	printf '%s\n' "$bad" | head -n 10 >&2
	die "files missing or damaged in $blobs (above); nothing written. If starcertctl gc ran meanwhile, run the backup again"
fi
cut -c67- "$work/check" | tar -C "$blobs" -cf "$work/blobs.tar" --files-from=- ||
	die "could not pack the files"
rm -f "$work/check"

cp "$var/secret/cert.key" "$work/cert.key" || die "could not read $var/secret/cert.key"
(cd "$work" && sha256sum db.dump counts blobs.list blobs.tar cert.key >SHA256SUMS)
sync -f "$work/SHA256SUMS" 2>/dev/null || sync
mv "$work" "$final"
trap - EXIT
say "$final: $(wc -l <"$final/counts") tables, $(awk '{n += $2} END {print n + 0}' "$final/counts") rows," \
	"$(wc -l <"$final/blobs.list") files, $(du -sh "$final" | cut -f1)"
