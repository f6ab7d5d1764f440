#!/usr/bin/env bash
# restore.sh: make an instance anew from a backup of scripts/backup.sh: a
# fresh PostgreSQL cluster with the dump restored, the files and the
# certificate signing key put back, then everything checked against the
# backup (rows per table, every file's SHA-256).  It never overwrites:
# var/NAME must not exist at all.  Until every check has passed, var/NAME
# holds a file RESTORING, and scripts/stack.sh refuses to start it: a
# restore that failed half-way leaves a partial database that must never
# be migrated and served.  To recover, remove var/NAME and restore again.
#
#   scripts/restore.sh BACKUP_DIR [NAME]      (NAME: dev, the make run instance)
#
# To replace a broken dev instance:
#   make stop; mv var/dev var/dev.broken
#   scripts/restore.sh /backups/starcert-dev-20260101T020000Z
#   make run        # applies the migrations newer than the backup, if any
# (another instance: scripts/stack.sh start NAME PORT build/release).
# -E: the ERR trap below also fires inside functions (owner_psql).
set -Eeuo pipefail

backup=${1:?usage: scripts/restore.sh BACKUP_DIR [NAME]}
name=${2:-dev}
root=$(cd "$(dirname "$0")/.." && pwd)
var="$root/var/$name"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

say() { printf 'restore[%s]: %s\n' "$name" "$*"; }
die() { printf 'restore[%s]: %s\n' "$name" "$*" >&2; exit 1; }

backup=$(cd "$backup" 2>/dev/null && pwd) || die "no backup at ${1}"
for f in SHA256SUMS db.dump counts blobs.list blobs.tar cert.key; do
	[ -f "$backup/$f" ] || die "$backup/$f is missing: not a backup of scripts/backup.sh"
done
(cd "$backup" && sha256sum -c --quiet SHA256SUMS) || die "the backup is damaged (SHA256SUMS)"
# Not even a signing key or a log is replaced: anything there is someone's.
if [ -e "$var" ]; then
	die "var/$name exists already; to replace it: scripts/stack.sh stop $name; mv var/$name var/$name.old"
fi
mkdir -p "$var"
# Written first, removed last: stack.sh will not start a half-restored instance.
printf 'restoring %s since %s\n' "$backup" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$var/RESTORING"

stopped=0
stop_pg() { [ "$stopped" = 1 ] || "$root/scripts/stack.sh" stop "$name" >/dev/null; stopped=1; }
broken() {
	trap - ERR
	# In a command substitution: exit it, and let the script report once.
	[ "$BASH_SUBSHELL" = 0 ] || exit 1
	stop_pg
	die "${1:-failed (above)}; var/$name is incomplete (and marked RESTORING, so it will not start): remove it before trying again"
}
trap broken ERR

# A cluster with the roles and an empty database, as stack.sh makes them.
"$root/scripts/stack.sh" init "$name"
sock=$(ls "$var"/pgsock/.s.PGSQL.* | grep -v '\.lock$' | head -n 1)
port=${sock##*.}
sock=$(dirname "$sock")
owner_psql() {
	"$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -At -F ' ' -h "$sock" -p "$port" \
		-U starcert_owner -d starcert "$@"
}

say "restoring the database"
"$pg_bin/pg_restore" -h "$sock" -p "$port" -U starcert_owner -d starcert \
	--exit-on-error --single-transaction "$backup/db.dump"

say "restoring $(wc -l <"$backup/blobs.list") files"
tar -C "$var/blobs" -xf "$backup/blobs.tar"
find "$var/blobs" -type d -exec chmod 0750 {} +
install -m 0600 "$backup/cert.key" "$var/secret/cert.key"
if [ "$(id -u)" -eq 0 ]; then
	chown -R starcert:starcert "$var/blobs" "$var/secret"
fi

# Checked against the backup, not trusted.
owner_psql -f "$root/scripts/row-counts.sql" >"$var/restore-counts"
diff -u "$backup/counts" "$var/restore-counts" >&2 ||
	broken "rows per table differ from the backup's (above)"
rm -f "$var/restore-counts"
# sha256sum -c refuses an empty list: a backup without files has none to check.
if [ -s "$backup/blobs.list" ]; then
	awk '{printf "%s  sha256/%s/%s/%s\n", $1, substr($1, 1, 2), substr($1, 3, 2), $1}' \
		"$backup/blobs.list" | (cd "$var/blobs" && sha256sum -c --quiet) ||
		broken "files missing or damaged after the restore (above)"
fi
stop_pg
trap - ERR
rm -f "$var/RESTORING"
say "restored $backup: $(wc -l <"$backup/counts") tables and $(wc -l <"$backup/blobs.list") files, all checked"
say "start it: $( [ "$name" = dev ] && echo 'make run' || echo "scripts/stack.sh start $name PORT build/release")"
