/* tick.c: the daily scheduler: one transaction of idempotent steps. */
#include <stdio.h>
#include <string.h>

#include "settings.h"
#include "tick.h"

/* Run step s with today and, if given, a day count; how many changes into *n. */
static enum db_status
step(enum stmt s, const char *today, const char *days_setting, int *n)
{
	char		 days[DB_INT_BUF];
	const char	*p[2] = { today, NULL };
	PGresult	*res;
	enum db_status	 st;

	if (days_setting != NULL)
		p[1] = db_int(days, settings_long(days_setting));
	if ((res = db_query(s, p, &st)) == NULL)
		return st;
	*n = PQntuples(res);
	PQclear(res);
	return DB_OK;
}

enum db_status
tick_run(const char *today, struct tick_counts *c)
{
	enum db_status st;

	memset(c, 0, sizeof(*c));
	if ((st = db_begin()) != DB_OK)
		return st;
	/* Expiry first: an expired certificate is neither surveilled nor suspended. */
	if ((st = step(STMT_TICK_EXPIRE, today, NULL, &c->expired)) != DB_OK ||
	    (st = step(STMT_TICK_OPEN, today, "surveillance_lead_days", &c->opened)) != DB_OK ||
	    (st = step(STMT_TICK_OVERDUE, today, NULL, &c->overdue)) != DB_OK ||
	    (st = step(STMT_TICK_SUSPEND, today, "surveillance_grace_days", &c->suspended)) != DB_OK ||
	    (st = step(STMT_TICK_WITHDRAW, today, "suspension_max_days", &c->withdrawn)) != DB_OK ||
	    /* Holders may apply for recertification from then on. */
	    (st = step(STMT_TICK_EXPIRY_NOTICE, today, "recertification_window_days",
	    &c->expiry_notices)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		return st;
	}
	return DB_OK;
}

void
tick_summary(const char *today, const struct tick_counts *c, char *buf, size_t size)
{
	snprintf(buf, size, "%s: %d expired, %d surveillance opened, %d overdue, "
	    "%d suspended, %d withdrawn, %d told of expiry", today, c->expired,
	    c->opened, c->overdue, c->suspended, c->withdrawn, c->expiry_notices);
}
