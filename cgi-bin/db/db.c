/* db.c: one libpq connection per worker: lazy prepare, back-off reconnect, SQLSTATE mapping. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../http/arena.h"
#include "../http/buf.h"
#include "db.h"

#define BACKOFF_MIN_MS	100
#define BACKOFF_MAX_MS	1000

/* How PostgreSQL plans what the connection sends next (see plan_mode). */
enum plan_mode {
	PLAN_GENERIC,		/* force_generic_plan: the connection's own */
	PLAN_CUSTOM,		/* force_custom_plan */
	PLAN_UNKNOWN,		/* a transaction that may have changed it rolled back */
};

static struct {
	char		*conninfo;
	char		 options[256];
	PGconn		*conn;
	uint64_t	 prepared[STMT__MAX];	/* a bit per variant (variant.c) */
	bool		 in_tx;
	enum plan_mode	 plan_mode;
	long long	 next_attempt_ms;	/* monotonic; 0: now */
	int		 backoff_ms;
	unsigned long	 generation;
} db;

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
db_init(const char *conninfo, int statement_timeout_ms)
{
	free(db.conninfo);
	db.conninfo = strdup(conninfo != NULL ? conninfo : "");
	/*
	 * Every prepared statement runs with the plan made once for all
	 * values (see struct stmt_def): planning cost more than running
	 * most of them.  No Memoize: its cache is sized by the planner's
	 * guess of distinct keys and cleared at every run of a kept plan;
	 * for the review queue's 51 rows over 10^5 applications that took
	 * 70 of its 200 µs.  No JIT: compiling a page's statement took
	 * longer than running it.
	 */
	snprintf(db.options, sizeof(db.options), "-c statement_timeout=%d "
	    "-c plan_cache_mode=force_generic_plan -c enable_memoize=off "
	    "-c jit=off", statement_timeout_ms);
	db.backoff_ms = BACKOFF_MIN_MS;
}

static void
db_drop(void)
{
	if (db.conn != NULL)
		PQfinish(db.conn);
	db.conn = NULL;
	db.in_tx = false;
	memset(db.prepared, 0, sizeof(db.prepared));
}

void
db_close(void)
{
	db_drop();
	free(db.conninfo);
	db.conninfo = NULL;
}

static bool
db_connect(void)
{
	const char *keys[] = { "dbname", "options", "connect_timeout",
	    "application_name", "client_encoding", NULL };
	const char *vals[] = { db.conninfo, db.options, "2", "starcert",
	    "UTF8", NULL };
	long long now = now_ms();

	if (now < db.next_attempt_ms)
		return false;
	db.conn = PQconnectdbParams(keys, vals, 1);
	if (db.conn == NULL || PQstatus(db.conn) != CONNECTION_OK) {
		fprintf(stderr, "db: connect failed: %s",
		    db.conn != NULL ? PQerrorMessage(db.conn) : "no memory\n");
		db_drop();
		db.next_attempt_ms = now + db.backoff_ms;
		db.backoff_ms = db.backoff_ms * 2 > BACKOFF_MAX_MS ?
		    BACKOFF_MAX_MS : db.backoff_ms * 2;
		return false;
	}
	db.backoff_ms = BACKOFF_MIN_MS;
	db.next_attempt_ms = 0;
	db.generation++;
	db.plan_mode = PLAN_GENERIC;
	return true;
}

bool
db_available(void)
{
	if (db.conn != NULL && PQstatus(db.conn) == CONNECTION_OK)
		return true;
	db_drop();
	return db_connect();
}

PGconn *
db_conn(void)
{
	return db_available() ? db.conn : NULL;
}

unsigned long
db_connection_generation(void)
{
	return db.generation;
}

static enum db_status
sqlstate_status(const char *state)
{
	if (state == NULL)
		return DB_ERROR;
	if (strcmp(state, "23505") == 0)
		return DB_UNIQUE;
	if (strcmp(state, "23503") == 0)
		return DB_FOREIGN_KEY;
	if (strcmp(state, "23514") == 0 || strcmp(state, "23502") == 0 ||
	    strncmp(state, "22", 2) == 0)
		return DB_CHECK;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
		return DB_CONFLICT;
	if (strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0 ||
	    strcmp(state, "57P02") == 0 || strcmp(state, "57P03") == 0)
		return DB_UNAVAILABLE;
	return DB_ERROR;
}

/* The failure of res (or of the connection when res is NULL). */
static enum db_status
result_status(PGresult *res, const char *what)
{
	const char	*state = res != NULL ?
	    PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	enum db_status	 st;

	/*
	 * The server gives every error a SQLSTATE; an error without one is
	 * libpq's own ("server closed the connection unexpectedly", a broken
	 * pipe), often before PQstatus has noticed: the connection is gone.
	 */
	if (db.conn == NULL || PQstatus(db.conn) != CONNECTION_OK || state == NULL) {
		fprintf(stderr, "db: connection lost during %s: %s", what,
		    db.conn == NULL ? "no connection\n" : res != NULL ?
		    PQresultErrorMessage(res) : PQerrorMessage(db.conn));
		db_drop();
		return DB_UNAVAILABLE;
	}
	st = sqlstate_status(state);
	if (st == DB_ERROR || st == DB_UNAVAILABLE)
		fprintf(stderr, "db: %s: %s", what, res != NULL ?
		    PQresultErrorMessage(res) : PQerrorMessage(db.conn));
	if (st == DB_UNAVAILABLE)
		db_drop();
	return st;
}

/* Connect if need be and prepare variant v of s in this connection; its name into name. */
static enum db_status
prepare(enum stmt s, unsigned v, char name[STMT_NAME_MAX])
{
	const struct stmt_def	*d = &stmt_defs[s];
	const char		*text = d->sql;
	PGresult		*res;
	struct buf		 sql = { 0 };
	enum db_status		 st = DB_OK;

	if (!db_available())
		return DB_UNAVAILABLE;
	if (d->optional == 0)
		snprintf(name, STMT_NAME_MAX, "%s", d->name);
	else
		snprintf(name, STMT_NAME_MAX, "%s/%u", d->name, v);
	if (db.prepared[s] & (UINT64_C(1) << v))
		return DB_OK;
	if (d->optional != 0) {
		if (stmt_variant_sql(d, stmt_variant_given(d, v), &sql) != 0 ||
		    (buf_append(&sql, "", 1), sql.failed)) {
			fprintf(stderr, "db: %s: no text for variant %u\n", d->name, v);
			buf_free(&sql);
			return DB_ERROR;
		}
		text = sql.data;
	}
	res = PQprepare(db.conn, name, text, d->nparams, NULL);
	if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
		st = result_status(res, name);
	else
		db.prepared[s] |= UINT64_C(1) << v;
	PQclear(res);
	buf_free(&sql);
	return st;
}

static enum db_status exec_simple(const char *);

/*
 * The connection keeps one plan per prepared statement (its options say
 * force_generic_plan).  That setting also makes PostgreSQL plan an
 * unnamed statement once for any value, so a statement to be planned
 * with its values runs under force_custom_plan; the setting is sent only
 * when it changes.
 */
static enum db_status
plan_mode(enum plan_mode want)
{
	enum db_status st;

	if (db.plan_mode == want)
		return DB_OK;
	st = exec_simple(want == PLAN_CUSTOM ? "SET plan_cache_mode = force_custom_plan" :
	    "SET plan_cache_mode = force_generic_plan");
	db.plan_mode = st == DB_OK ? want : PLAN_UNKNOWN;
	return st;
}

/* Send s: planned with its values when it says so (plan_always, plan_with), else its variant prepared. */
static bool
send_query(enum stmt s, const char *const *params, enum db_status *st)
{
	const struct stmt_def	*d = &stmt_defs[s];
	char			 name[STMT_NAME_MAX];
	unsigned		 v = stmt_variant(d, params);

	if (!db_available()) {
		*st = DB_UNAVAILABLE;
		return false;
	}
	if (d->plan_always || (d->plan_with & stmt_variant_given(d, v)) != 0) {
		if ((*st = plan_mode(PLAN_CUSTOM)) != DB_OK)
			return false;
		return PQsendQueryParams(db.conn, d->sql, d->nparams, NULL, params,
		    NULL, NULL, 0) != 0;
	}
	if ((*st = plan_mode(PLAN_GENERIC)) != DB_OK ||
	    (*st = prepare(s, v, name)) != DB_OK)
		return false;
	return PQsendQueryPrepared(db.conn, name, d->nparams, params, NULL, NULL, 0) != 0;
}

static PGresult *
exec_once(enum stmt s, const char *const *params, enum db_status *st)
{
	const struct stmt_def	*d = &stmt_defs[s];
	PGresult		*res = NULL, *next;
	ExecStatusType		 es;

	*st = DB_OK;
	if (!send_query(s, params, st)) {
		if (*st == DB_OK)
			*st = result_status(NULL, d->name);
		return NULL;
	}
	/* One statement: one result (an error among them is the last). */
	while ((next = PQgetResult(db.conn)) != NULL) {
		PQclear(res);
		res = next;
	}
	es = res != NULL ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (es != PGRES_TUPLES_OK && es != PGRES_COMMAND_OK) {
		*st = result_status(res, d->name);
		PQclear(res);
		return NULL;
	}
	*st = DB_OK;
	return res;
}

PGresult *
db_query(enum stmt s, const char *const *params, enum db_status *st)
{
	PGresult	*res;
	bool		 was_in_tx = db.in_tx;
	unsigned long	 gen = db.generation;

	res = exec_once(s, params, st);
	/* A read that met a connection dropped since the last request is safe
	 * to send again; a write might have run, and a transaction is gone. */
	if (res == NULL && *st == DB_UNAVAILABLE && stmt_defs[s].read_only &&
	    !was_in_tx && gen == db.generation && db.generation > 0) {
		db.next_attempt_ms = 0;
		res = exec_once(s, params, st);
	}
	return res;
}

enum db_status
db_stream(enum stmt s, const char *const *params, db_row_fn row, void *ctx)
{
	const struct stmt_def	*d = &stmt_defs[s];
	PGresult		*res;
	enum db_status		 st = DB_OK;
	bool			 stopped = false;

	if (!send_query(s, params, &st)) {
		if (st != DB_OK)
			return st;
		while ((res = PQgetResult(db.conn)) != NULL)
			PQclear(res);
		return result_status(NULL, d->name);
	}
	if (!PQsetSingleRowMode(db.conn)) {
		/* Nothing was sent, or the query runs in the ordinary mode. */
		while ((res = PQgetResult(db.conn)) != NULL)
			PQclear(res);
		return result_status(NULL, d->name);
	}
	/* One result per row, then a last one with none (or an error). */
	while ((res = PQgetResult(db.conn)) != NULL) {
		switch (PQresultStatus(res)) {
		case PGRES_SINGLE_TUPLE:
			if (!stopped && row(res, ctx) != 0) {
				PGcancel *c = PQgetCancel(db.conn);
				char errbuf[256];

				/* The rest is not wanted: ask the server to stop sending it. */
				stopped = true;
				if (c != NULL) {
					(void)PQcancel(c, errbuf, sizeof(errbuf));
					PQfreeCancel(c);
				}
			}
			break;
		case PGRES_TUPLES_OK:
			break;
		default:
			if (!stopped && st == DB_OK)
				st = result_status(res, d->name);
			break;
		}
		PQclear(res);
	}
	return stopped ? DB_ROWS : st;
}

PGresult *
db_query_rows(enum stmt s, const char *const *params, int min, int max,
    enum db_status *st)
{
	PGresult	*res;
	long		 n;

	if ((res = db_query(s, params, st)) == NULL)
		return NULL;
	n = PQresultStatus(res) == PGRES_TUPLES_OK ? PQntuples(res) :
	    strtol(PQcmdTuples(res), NULL, 10);
	if (n < min || n > max) {
		PQclear(res);
		*st = DB_ROWS;
		return NULL;
	}
	return res;
}

static enum db_status
exec_simple(const char *sql)
{
	PGresult	*res;
	enum db_status	 st = DB_OK;

	if (!db_available())
		return DB_UNAVAILABLE;
	res = PQexec(db.conn, sql);
	if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
		st = result_status(res, sql);
	PQclear(res);
	return st;
}

enum db_status
db_begin(void)
{
	enum db_status st = exec_simple("BEGIN");

	db.in_tx = st == DB_OK;
	return st;
}

enum db_status
db_commit(void)
{
	enum db_status st = exec_simple("COMMIT");

	db.in_tx = false;
	if (st != DB_OK)
		db.plan_mode = PLAN_UNKNOWN;	/* a SET in it is undone */
	return st;
}

void
db_rollback(void)
{
	if (db.conn != NULL && PQtransactionStatus(db.conn) != PQTRANS_IDLE)
		(void)exec_simple("ROLLBACK");
	db.in_tx = false;
	db.plan_mode = PLAN_UNKNOWN;	/* a SET in it is undone */
}

int
db_status_http(enum db_status st)
{
	switch (st) {
	case DB_OK:
		return 200;
	case DB_UNAVAILABLE:
		return 503;
	case DB_UNIQUE:
	case DB_CONFLICT:
		return 409;
	case DB_FOREIGN_KEY:
	case DB_CHECK:
		return 422;
	case DB_ROWS:
	case DB_ERROR:
		break;
	}
	return 500;
}

const char *
db_int(char buf[DB_INT_BUF], long long v)
{
	snprintf(buf, DB_INT_BUF, "%lld", v);
	return buf;
}

const char *
db_value(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

long long
db_long(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? 0 :
	    strtoll(PQgetvalue(res, row, col), NULL, 10);
}

bool
db_bool(const PGresult *res, int row, int col)
{
	return !PQgetisnull(res, row, col) && PQgetvalue(res, row, col)[0] == 't';
}

enum db_status
db_event(long long actor, const char *object_type, long long object_id,
    const char *action, const char *from_state, const char *to_state,
    const char *detail, const char *client_addr)
{
	char		 a[DB_INT_BUF], o[DB_INT_BUF];
	const char	*params[8] = {
		actor != 0 ? db_int(a, actor) : NULL, object_type,
		object_id != 0 ? db_int(o, object_id) : NULL, action,
		from_state, to_state, detail, client_addr,
	};
	enum db_status	 st;

	PQclear(db_query(STMT_EVENT_INSERT, params, &st));
	return st;
}

enum db_status
db_notify(const char *object_type, long long object_id, const char *kind,
    const char *audience, long long actor)
{
	char		 o[DB_INT_BUF], a[DB_INT_BUF];
	const char	*params[5] = {
		object_type, db_int(o, object_id), kind, audience,
		actor != 0 ? db_int(a, actor) : NULL,
	};
	enum db_status	 st;

	PQclear(db_query(STMT_NOTIFY, params, &st));
	return st;
}

const char *
db_like_escape(struct arena *a, const char *s)
{
	char	*out = arena_alloc(a, 2 * strlen(s) + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

const char *
db_array(struct arena *a, const char *const *values, size_t n)
{
	size_t	 len = 3;
	char	*out, *o;

	for (size_t i = 0; i < n; i++)
		len += 2 * strlen(values[i]) + 3;
	if ((out = o = arena_alloc(a, len)) == NULL)
		return NULL;
	*o++ = '{';
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			*o++ = ',';
		*o++ = '"';
		for (const char *s = values[i]; *s != '\0'; s++) {
			if (*s == '"' || *s == '\\')
				*o++ = '\\';
			*o++ = *s;
		}
		*o++ = '"';
	}
	*o++ = '}';
	*o = '\0';
	return out;
}
