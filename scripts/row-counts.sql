-- row-counts.sql: "table rows" for every table of the schema, ordered.
-- scripts/backup.sh writes them in the dump's snapshot; restore.sh and the
-- fault drills compare.  Run with psql -At -F ' '.
SELECT format('SELECT %L, count(*) FROM public.%I', tablename, tablename)
FROM pg_tables
WHERE schemaname = 'public'
ORDER BY tablename
\gexec
