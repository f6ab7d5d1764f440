/* ctl.c: starcertctl, the administrator's command line (migrate; more commands join as issues land). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/migrate.h"

static void
usage(FILE *out)
{
	fputs("usage: starcertctl COMMAND [ARGS]\n"
	    "\n"
	    "commands:\n"
	    "  migrate    apply the migrations not yet applied (as the owner role)\n"
	    "\n"
	    "environment:\n"
	    "  STARCERT_DB_OWNER  libpq conninfo of the owner role (migrations)\n"
	    "  STARCERT_SHARE     directory holding migrations/ (default .)\n",
	    out);
}

static PGconn *
connect_env(const char *var)
{
	const char	*conninfo = getenv(var);
	PGconn		*c;

	if (conninfo == NULL || *conninfo == '\0') {
		fprintf(stderr, "starcertctl: %s is not set\n", var);
		return NULL;
	}
	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "starcertctl: %s", PQerrorMessage(c));
		PQfinish(c);
		return NULL;
	}
	return c;
}

static int
cmd_migrate(void)
{
	const char	*share = getenv("STARCERT_SHARE");
	char		 dir[4096];
	PGconn		*c;
	int		 n;

	snprintf(dir, sizeof(dir), "%s/migrations",
	    share != NULL && *share != '\0' ? share : ".");
	if ((c = connect_env("STARCERT_DB_OWNER")) == NULL)
		return 1;
	n = migrate_run(c, dir, stdout);
	PQfinish(c);
	if (n < 0)
		return 1;
	printf("migrate: %d applied, schema up to date\n", n);
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "migrate") == 0 && argc == 2)
		return cmd_migrate();
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "starcertctl: unknown command or arguments: %s\n", argv[1]);
	usage(stderr);
	return 2;
}
