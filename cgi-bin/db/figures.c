/* figures.c: the body's figures for the dashboards, a snapshot one worker at a time recomputes. */
#include <stdio.h>
#include <string.h>

#include "figures.h"
#include "settings.h"

#define FIGURES_KEY_MAX	64

/* The snapshot this worker read last, and the time that names it. */
static struct {
	PGresult	*rows;
	char		 key[FIGURES_KEY_MAX];
} cache;

/*
 * Why a snapshot and not counters kept by triggers: see
 * migrations/0013_dashboard.sql.  The recount reads every application and
 * certificate once (a fraction of a second at 10^5 of each), at most once
 * per dashboard_figures_seconds for the whole body.
 */
enum db_status
figures_refresh(bool *done)
{
	char		 age[DB_INT_BUF], review[DB_INT_BUF], warn[DB_INT_BUF], max[DB_INT_BUF];
	const char	*claim[1] = { db_int(age, settings_long("dashboard_figures_seconds")) };
	const char	*p[3] = {
		db_int(review, settings_long("review_overdue_days")),
		db_int(warn, settings_long("withdrawal_warning_days")),
		db_int(max, settings_long("suspension_max_days")),
	};
	PGresult	*res;
	enum db_status	 st;

	*done = false;
	if ((st = db_begin()) != DB_OK)
		return st;
	/* SKIP LOCKED: a worker already at it holds the row; go on without waiting. */
	if ((res = db_query(STMT_FIGURES_CLAIM, claim, &st)) == NULL)
		goto fail;
	if (PQntuples(res) == 0) {
		PQclear(res);
		db_rollback();
		return DB_OK;
	}
	PQclear(res);
	if ((res = db_query(STMT_FIGURES_CLEAR, NULL, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((res = db_query(STMT_FIGURES_COMPUTE, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((res = db_query(STMT_FIGURES_ITEMS, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_commit()) != DB_OK)
		goto fail;
	*done = true;
	return DB_OK;
fail:
	db_rollback();
	return st;
}

/* The key of the snapshot rows (part "snap", column 5), or "". */
static const char *
rows_key(const PGresult *rows)
{
	for (int i = PQntuples(rows) - 1; i >= 0; i--)
		if (strcmp(PQgetvalue(rows, i, 0), "snap") == 0)
			return PQgetvalue(rows, i, 5);
	return "";
}

const PGresult *
figures_current(enum db_status *st)
{
	PGresult	*res;
	char		 key[FIGURES_KEY_MAX];
	bool		 done = false;

	if ((res = db_query_rows(STMT_FIGURES_AGE, NULL, 1, 1, st)) == NULL)
		return NULL;
	snprintf(key, sizeof(key), "%s", PQgetvalue(res, 0, 0));
	if (db_long(res, 0, 1) >= settings_long("dashboard_figures_seconds"))
		/* A failure leaves the old snapshot, which is still worth showing. */
		(void)figures_refresh(&done);
	PQclear(res);
	if (!done && cache.rows != NULL && strcmp(key, cache.key) == 0)
		return cache.rows;
	if ((res = db_query(STMT_FIGURES_READ, NULL, st)) == NULL)
		return NULL;
	PQclear(cache.rows);
	cache.rows = res;
	snprintf(cache.key, sizeof(cache.key), "%s", rows_key(res));
	*st = DB_OK;
	return cache.rows;
}
