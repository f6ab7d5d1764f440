/* migrate.c: apply migrations/NNNN_name.sql in order, recorded with their checksums. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../util/file.h"
#include "migrate.h"

#define MIGRATIONS_MAX	9999

struct migration {
	int	 version;
	char	 name[256];
};

static int
migration_cmp(const void *a, const void *b)
{
	return ((const struct migration *)a)->version -
	    ((const struct migration *)b)->version;
}

void
migrate_checksum(const void *data, size_t len, char hex[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
}

/* Run sql; 0 on success, else -1 with the server's message on out. */
static int
exec_ok(PGconn *c, const char *sql, FILE *out)
{
	PGresult	*res = PQexec(c, sql);
	int		 rc = 0;

	if (res == NULL || (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)) {
		fprintf(out, "migrate: %s", PQerrorMessage(c));
		rc = -1;
	}
	PQclear(res);
	return rc;
}

/* List DIR's migration files, sorted; -1 on a bad name or duplicate number. */
static int
list_migrations(const char *dir, struct migration **list, size_t *count, FILE *out)
{
	DIR		*d;
	struct dirent	*e;
	struct migration *m = NULL;
	size_t		 n = 0, cap = 0;

	*list = NULL;
	*count = 0;
	if ((d = opendir(dir)) == NULL) {
		fprintf(out, "migrate: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		int v;

		if (len < 9 || strcmp(e->d_name + len - 4, ".sql") != 0)
			continue;
		if (sscanf(e->d_name, "%4d_", &v) != 1 || e->d_name[4] != '_' ||
		    v <= 0 || len >= sizeof(m->name)) {
			fprintf(out, "migrate: %s: not NNNN_name.sql\n", e->d_name);
			goto fail;
		}
		if (n == cap) {
			struct migration *p;

			cap = cap == 0 ? 16 : cap * 2;
			if ((p = realloc(m, cap * sizeof(*m))) == NULL)
				goto fail;
			m = p;
		}
		m[n].version = v;
		snprintf(m[n].name, sizeof(m[n].name), "%s", e->d_name);
		n++;
	}
	closedir(d);
	d = NULL;
	qsort(m, n, sizeof(*m), migration_cmp);
	for (size_t i = 0; i < n; i++)
		if (m[i].version != (int)i + 1) {
			fprintf(out, "migrate: %s: expected number %04zu "
			    "(no gaps, no duplicates)\n", m[i].name, i + 1);
			goto fail;
		}
	*list = m;
	*count = n;
	return 0;
fail:
	if (d != NULL)
		closedir(d);
	free(m);
	return -1;
}

int
migrate_run(PGconn *c, const char *dir, FILE *out)
{
	struct migration	*list = NULL;
	size_t			 count = 0;
	int			 applied = 0;
	PGresult		*res = NULL;

	if (sodium_init() < 0 || list_migrations(dir, &list, &count, out) != 0)
		return -1;
	if (exec_ok(c, "SET client_min_messages = warning", out) != 0 ||
	    exec_ok(c, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    "version integer PRIMARY KEY, name text NOT NULL, "
	    "checksum text NOT NULL, "
	    "applied_at timestamptz NOT NULL DEFAULT now())", out) != 0)
		goto fail;

	for (size_t i = 0; i < count; i++) {
		char		 path[4096], hex[65], ver[16];
		char		*sql;
		size_t		 len = 0;
		const char	*params[3];

		snprintf(path, sizeof(path), "%s/%s", dir, list[i].name);
		if ((sql = file_read(path, &len)) == NULL) {
			fprintf(out, "migrate: %s: %s\n", path, strerror(errno));
			goto fail;
		}
		migrate_checksum(sql, len, hex);
		snprintf(ver, sizeof(ver), "%d", list[i].version);

		/* One transaction per file; the advisory lock keeps two
		 * migrators from racing. */
		if (exec_ok(c, "BEGIN", out) != 0 || exec_ok(c,
		    "SELECT pg_advisory_xact_lock(727001)", out) != 0) {
			free(sql);
			goto fail;
		}
		params[0] = ver;
		res = PQexecParams(c, "SELECT checksum FROM schema_migrations "
		    "WHERE version = $1", 1, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(out, "migrate: %s", PQerrorMessage(c));
			free(sql);
			goto rollback;
		}
		if (PQntuples(res) == 1) {
			if (strcmp(PQgetvalue(res, 0, 0), hex) != 0) {
				fprintf(out, "migrate: %s was edited after it "
				    "was applied (checksum %s, recorded %s); "
				    "add a new migration instead\n",
				    list[i].name, hex, PQgetvalue(res, 0, 0));
				free(sql);
				goto rollback;
			}
			PQclear(res);
			res = NULL;
			free(sql);
			if (exec_ok(c, "COMMIT", out) != 0)
				goto fail;
			continue;
		}
		PQclear(res);
		res = NULL;
		if (exec_ok(c, sql, out) != 0) {
			fprintf(out, "migrate: in %s\n", list[i].name);
			free(sql);
			goto rollback;
		}
		free(sql);
		params[1] = list[i].name;
		params[2] = hex;
		res = PQexecParams(c, "INSERT INTO schema_migrations "
		    "(version, name, checksum) VALUES ($1, $2, $3)", 3, NULL,
		    params, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			fprintf(out, "migrate: %s", PQerrorMessage(c));
			goto rollback;
		}
		PQclear(res);
		res = NULL;
		if (exec_ok(c, "COMMIT", out) != 0)
			goto fail;
		fprintf(out, "migrate: applied %s\n", list[i].name);
		applied++;
	}
	free(list);
	return applied;
rollback:
	PQclear(res);
	res = NULL;
	(void)exec_ok(c, "ROLLBACK", out);
fail:
	PQclear(res);
	free(list);
	return -1;
}
