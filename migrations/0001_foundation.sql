-- 0001_foundation: privileges for the application role, and the body's settings.
--
-- The owner role (starcert_owner) runs migrations and owns every object; the
-- application role (starcert_app) gets only what each table needs.  Tables
-- created later by the owner grant the usual DML to the app by default;
-- a migration narrows that where a table must stay append-only.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
	GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO starcert_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
	GRANT USAGE, SELECT ON SEQUENCES TO starcert_app;

-- The body's settings: key -> value.  What each key means and its default
-- live in cgi-bin/db/settings.c; a missing row means "the default".
CREATE TABLE settings (
	key		text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
	value		text NOT NULL CHECK (length(value) <= 4000),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
