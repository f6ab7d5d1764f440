-- blobs-referenced.sql: "sha256 size" of every blob a row refers to, one a
-- line, ordered.  The referring columns are found in the catalog (every
-- foreign key to blobs), so a new table of files is covered without a
-- change here.  Used by scripts/backup.sh and the fault drills; run with
-- psql -At -F ' ' (inside the backup's snapshot when backup.sh runs it).
SELECT 'SELECT b.sha256, b.size FROM blobs b WHERE b.sha256 IN ('
	|| string_agg(format('SELECT %I FROM %s', a.attname, c.conrelid::regclass), ' UNION ')
	|| ') ORDER BY 1'
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
WHERE c.contype = 'f' AND c.confrelid = 'blobs'::regclass
\gexec
