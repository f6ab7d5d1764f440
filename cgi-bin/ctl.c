/* ctl.c: starcertctl, the administrator's command line (migrate; more commands join as issues land). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "auth/accounts.h"
#include "auth/password.h"
#include "db/db.h"
#include "db/migrate.h"
#include "db/settings.h"
#include "db/tick.h"
#include "mail/send.h"
#include "view/i18n.h"
#include "store/blob.h"
#include "domain/accounts.h"
#include "domain/date.h"
#include "domain/roles.h"

static void
usage(FILE *out)
{
	fputs("usage: starcertctl COMMAND [ARGS]\n"
	    "\n"
	    "commands:\n"
	    "  migrate    apply the migrations not yet applied (as the owner role)\n"
	    "  user add EMAIL --name NAME --role ROLE[,ROLE...]\n"
	    "             create a staff user; the password is read from standard input\n"
	    "             (roles: reviewer, auditor, evaluator, supervisor, admin)\n"
	    "  gc [--min-age SECONDS]\n"
	    "             remove unfinished uploads and blobs no row refers to,\n"
	    "             older than an hour (or SECONDS), and list what it removed\n"
	    "  tick [--today YYYY-MM-DD]\n"
	    "             the daily run: expire certificates, open and mark overdue\n"
	    "             surveillance, suspend and withdraw; idempotent per day\n"
	    "  mail [--watch SECONDS]\n"
	    "             send the notification e-mails that are due through the\n"
	    "             smtp_url setting's server (retrying failures later); with\n"
	    "             --watch, again every SECONDS until stopped\n"
	    "  ensure-admin\n"
	    "             create an administrator unless an enabled one exists: from\n"
	    "             STARCERT_ADMIN_EMAIL and STARCERT_ADMIN_PASSWORD when set, else\n"
	    "             admin@starcert.local with a generated password printed once\n"
	    "\n"
	    "environment:\n"
	    "  STARCERT_DB_OWNER  libpq conninfo of the owner role (migrations)\n"
	    "  STARCERT_DB        libpq conninfo of the application role (users, gc, tick)\n"
	    "  STARCERT_BLOBS     the blob store (gc)\n"
	    "  STARCERT_SHARE     directory holding migrations/ and po/ (default .)\n"
	    "  STARCERT_PUBLIC_URL  the portal's address for links in e-mails, unless\n"
	    "                     the public_base_url setting says otherwise\n"
	    "  STARCERT_SMTP_USER, STARCERT_SMTP_PASSWORD  the mail server's login (mail)\n",
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

/* Connect the db layer as the application role. */
static int
app_db(void)
{
	const char *conninfo = getenv("STARCERT_DB");

	if (conninfo == NULL || *conninfo == '\0') {
		fprintf(stderr, "starcertctl: STARCERT_DB is not set\n");
		return -1;
	}
	db_init(conninfo, 60000);
	if (!db_available() || password_init(0) != 0) {
		fprintf(stderr, "starcertctl: cannot connect to the database\n");
		return -1;
	}
	return 0;
}

/* Create a user in one transaction; 0 or an exit status with a message. */
static int
create_user(const char *email_in, const char *name, unsigned roles,
    const char *password, bool must_change)
{
	char		 email[EMAIL_MAX + 1], hash[PASSWORD_HASH_MAX];
	struct new_user	 u;
	int64_t		 id;
	enum db_status	 st;

	if (strlen(email_in) > EMAIL_MAX || !email_valid(email_in)) {
		fprintf(stderr, "starcertctl: not a valid e-mail address: %s\n", email_in);
		return 1;
	}
	snprintf(email, sizeof(email), "%s", email_in);
	email_normalise(email);
	if (*name == '\0' || strlen(name) > 4 * NAME_MAX_CHARS) {
		fprintf(stderr, "starcertctl: a name is required (at most %d characters)\n",
		    NAME_MAX_CHARS);
		return 1;
	}
	switch (password_check(password)) {
	case PASSWORD_TOO_SHORT:
		fprintf(stderr, "starcertctl: the password needs at least %d characters\n",
		    PASSWORD_MIN_CHARS);
		return 1;
	case PASSWORD_TOO_LONG:
		fprintf(stderr, "starcertctl: the password may have at most %d characters\n",
		    PASSWORD_MAX_CHARS);
		return 1;
	case PASSWORD_OK:
		break;
	}
	if (password_hash(password, hash) != PASSWORD_MATCH) {
		fprintf(stderr, "starcertctl: hashing the password failed\n");
		return 1;
	}
	u.email = email;
	u.name = name;
	u.password_hash = hash;
	u.organization_id = 0;
	u.roles = roles;
	u.must_change_password = must_change;
	if ((st = db_begin()) != DB_OK ||
	    (st = account_insert(&u, 0, "starcertctl", &id)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		fprintf(stderr, "starcertctl: %s\n", st == DB_UNIQUE ?
		    "a user with this e-mail address exists already" :
		    "the database refused the user");
		return 1;
	}
	printf("user %lld created: %s\n", (long long)id, email);
	return 0;
}

static int
parse_roles(const char *list, unsigned *roles)
{
	char *copy = strdup(list), *tok, *save = NULL;

	*roles = 0;
	if (copy == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		unsigned bit = role_parse(tok);

		if (bit == 0 || bit == ROLE_APPLICANT) {
			fprintf(stderr, "starcertctl: not a staff role: %s\n", tok);
			free(copy);
			return -1;
		}
		*roles |= bit;
	}
	free(copy);
	return *roles != 0 ? 0 : -1;
}

static int
cmd_user_add(int argc, char *argv[])
{
	const char	*email = NULL, *name = NULL, *role_list = NULL;
	char		 password[1024];
	size_t		 len;
	unsigned	 roles;
	int		 rc;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role_list = argv[++i];
		else if (argv[i][0] != '-' && email == NULL)
			email = argv[i];
		else {
			usage(stderr);
			return 2;
		}
	}
	if (email == NULL || name == NULL || role_list == NULL) {
		usage(stderr);
		return 2;
	}
	if (parse_roles(role_list, &roles) != 0)
		return 2;
	if (fgets(password, sizeof(password), stdin) == NULL) {
		fprintf(stderr, "starcertctl: give the password on standard input\n");
		return 1;
	}
	len = strcspn(password, "\r\n");
	password[len] = '\0';
	if (app_db() != 0)
		return 1;
	rc = create_user(email, name, roles, password, false);
	sodium_memzero(password, sizeof(password));
	db_close();
	return rc;
}

static int
cmd_ensure_admin(void)
{
	const char	*email = getenv("STARCERT_ADMIN_EMAIL");
	const char	*given = getenv("STARCERT_ADMIN_PASSWORD");
	char		 generated[17];
	PGresult	*res;
	enum db_status	 st;
	long long	 admins;
	int		 rc;

	if (app_db() != 0)
		return 1;
	if ((res = db_query_rows(STMT_ADMINS_COUNT, NULL, 1, 1, &st)) == NULL) {
		fprintf(stderr, "starcertctl: cannot count administrators\n");
		return 1;
	}
	admins = db_long(res, 0, 0);
	PQclear(res);
	if (admins > 0) {
		printf("admin: %lld administrator(s) present; nothing to do\n", admins);
		db_close();
		return 0;
	}
	if (email == NULL || *email == '\0')
		email = "admin@starcert.local";
	if (given == NULL || *given == '\0') {
		password_random(generated, 16);
		given = generated;
	}
	rc = create_user(email, "Administrator", ROLE_ADMIN, given, given == generated);
	if (rc == 0 && given == generated)
		printf("admin: sign in as %s with the password %s "
		    "(shown only now; you will be asked to change it)\n", email,
		    generated);
	db_close();
	return rc;
}

/* Is the blob referenced by a row?  On a database error say yes: keep it. */
static bool
blob_in_use(const char *hash, void *ctx)
{
	const char	*p[1] = { hash };
	PGresult	*res;
	enum db_status	 st;
	bool		 used;

	(void)ctx;
	if ((res = db_query_rows(STMT_BLOB_REFERENCED, p, 1, 1, &st)) == NULL)
		return true;
	used = db_bool(res, 0, 0);
	PQclear(res);
	return used;
}

static int
cmd_gc(int argc, char *argv[])
{
	const char	*blobs = getenv("STARCERT_BLOBS");
	long		 min_age = 3600;
	int		 n;

	if (argc == 2 && strcmp(argv[0], "--min-age") == 0) {
		char *end;

		min_age = strtol(argv[1], &end, 10);
		if (*end != '\0' || min_age < 0) {
			usage(stderr);
			return 2;
		}
	} else if (argc != 0) {
		usage(stderr);
		return 2;
	}
	if (blobs == NULL || *blobs == '\0') {
		fprintf(stderr, "starcertctl: STARCERT_BLOBS is not set\n");
		return 1;
	}
	if (app_db() != 0 || blob_init(blobs) != 0)
		return 1;
	n = blob_gc(min_age, blob_in_use, NULL, stdout);
	db_close();
	if (n < 0) {
		fprintf(stderr, "starcertctl: gc could not read %s\n", blobs);
		return 1;
	}
	printf("gc: %d file(s) removed\n", n);
	return 0;
}

static int
cmd_tick(int argc, char *argv[])
{
	char			 today[11], summary[200];
	struct tick_counts	 c;
	enum db_status		 st;

	if (argc == 2 && strcmp(argv[0], "--today") == 0 && date_valid(argv[1]))
		snprintf(today, sizeof(today), "%s", argv[1]);
	else if (argc == 0)
		date_today(today);
	else {
		fprintf(stderr, "starcertctl: tick [--today YYYY-MM-DD]\n");
		return 2;
	}
	if (app_db() != 0)
		return 1;
	/* The body's own lead time, grace period and longest suspension. */
	settings_refresh();
	if ((st = tick_run(today, &c)) != DB_OK) {
		fprintf(stderr, "starcertctl: tick failed (%d); nothing changed\n", (int)st);
		return 1;
	}
	tick_summary(today, &c, summary, sizeof(summary));
	printf("tick %s\n", summary);
	return 0;
}

static int
cmd_mail(int argc, char *argv[])
{
	const char		*share = getenv("STARCERT_SHARE"), *base;
	char			 po[4096], *end = NULL;
	long			 watch = 0;
	struct mail_counts	 n;
	enum db_status		 st = DB_OK;

	if (argc == 2 && strcmp(argv[0], "--watch") == 0)
		watch = strtol(argv[1], &end, 10);
	if ((argc != 0 && argc != 2) || (argc == 2 && (watch < 1 || watch > 86400 ||
	    *end != '\0'))) {
		fprintf(stderr, "starcertctl: mail [--watch SECONDS]\n");
		return 2;
	}
	snprintf(po, sizeof(po), "%s/po", share != NULL && *share != '\0' ? share : ".");
	if (i18n_load(po) != 0 || app_db() != 0)
		return 1;
	do {
		memset(&n, 0, sizeof(n));
		settings_refresh();
		base = settings_get("public_base_url");
		if (*base == '\0')
			base = getenv("STARCERT_PUBLIC_URL");
		if (base == NULL || *base == '\0') {
			/* A link a mail program cannot open helps nobody. */
			fprintf(stderr, "starcertctl: mail: no address for the links: set "
			    "public_base_url on the settings page or STARCERT_PUBLIC_URL\n");
			if (watch == 0)
				return 1;
		} else if ((st = mail_send_due(base, getenv("STARCERT_SMTP_USER"),
		    getenv("STARCERT_SMTP_PASSWORD"), &n)) != DB_OK)
			fprintf(stderr, "starcertctl: mail: database failure (%d)\n", (int)st);
		if (n.sent + n.retry + n.failed > 0 || watch == 0)
			printf("mail: %d sent, %d to retry, %d failed for good\n",
			    n.sent, n.retry, n.failed);
		fflush(stdout);
		if (watch > 0)
			sleep((unsigned)watch);
	} while (watch > 0);
	i18n_free();
	return st == DB_OK ? 0 : 1;
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
	if (strcmp(argv[1], "user") == 0 && argc >= 3 && strcmp(argv[2], "add") == 0)
		return cmd_user_add(argc - 3, argv + 3);
	if (strcmp(argv[1], "gc") == 0)
		return cmd_gc(argc - 2, argv + 2);
	if (strcmp(argv[1], "tick") == 0)
		return cmd_tick(argc - 2, argv + 2);
	if (strcmp(argv[1], "mail") == 0)
		return cmd_mail(argc - 2, argv + 2);
	if (strcmp(argv[1], "ensure-admin") == 0 && argc == 2)
		return cmd_ensure_admin();
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "starcertctl: unknown command or arguments: %s\n", argv[1]);
	usage(stderr);
	return 2;
}
