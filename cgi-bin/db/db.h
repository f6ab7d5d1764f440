/* db.h: the worker's one PostgreSQL connection, the statement table and query helpers. */
#ifndef STARCERT_DB_H
#define STARCERT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <libpq-fe.h>

/*
 * Every statement the application runs, named db_<entity>_<verb> in the
 * table in stmt.c.  Add a row there and a name here; nothing else sends SQL.
 */
enum stmt {
	STMT_HEALTH_PING,
	STMT_SETTINGS_LIST,
	STMT_SETTING_UPSERT,
	STMT_EVENT_INSERT,
	STMT_EVENTS_LIST,
	STMT_ORGANIZATION_INSERT,
	STMT_ORGANIZATION_GET,
	STMT_ORGANIZATION_USERS,
	STMT_USER_INSERT,
	STMT_USER_BY_EMAIL,
	STMT_USER_GET,
	STMT_USER_PASSWORD_GET,
	STMT_USER_PASSWORD_SET,
	STMT_USER_PREFERENCES_SET,
	STMT_USER_ROLES_SET,
	STMT_USER_DISABLED_SET,
	STMT_USERS_SEARCH,
	STMT_ADMINS_COUNT,
	STMT_AUDITOR_PROFILE_UPSERT,
	STMT_AUDITOR_CATEGORIES_CLEAR,
	STMT_AUDITOR_CATEGORY_ADD,
	STMT_AUDITOR_CATEGORIES,
	STMT_CATEGORIES_LIST,
	STMT_SESSION_INSERT,
	STMT_SESSION_LOOKUP,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSIONS_DELETE_USER,
	STMT_SESSIONS_DELETE_OTHERS,
	STMT_THROTTLE_LOCKED,
	STMT_THROTTLE_FAIL,
	STMT_THROTTLE_CLEAR,
	STMT_INVITATION_INSERT,
	STMT_INVITATION_BY_TOKEN,
	STMT_INVITATION_ACCEPT,
	STMT_INVITATIONS_PENDING,
	STMT_INDICATORS_LIST,
	STMT_MATERIALS_LIST,
	STMT_MATERIALS_ALL,
	STMT_MATERIAL_UPDATE,
	STMT_CATEGORIES_ALL,
	STMT_CATEGORY_INSERT,
	STMT_CATEGORY_UPDATE,
	STMT_APPLICATIONS_OF_ORGANIZATION,
	STMT_APPLICATIONS_SUBMITTED,
	STMT_APPLICATION_INSERT,
	STMT_APPLICATION_GET,
	STMT_APPLICATION_LOCK,
	STMT_APPLICATION_UPDATE,
	STMT_APPLICATION_SUBMIT,
	STMT_APPLICATION_CATEGORIES,
	STMT_APPLICATION_CATEGORIES_CLEAR,
	STMT_APPLICATION_CATEGORY_ADD,
	STMT_APPLICATION_EXCLUSIONS,
	STMT_APPLICATION_EXCLUSIONS_CLEAR,
	STMT_APPLICATION_EXCLUSION_ADD,
	STMT_OUTLETS_LIST,
	STMT_OUTLETS_COUNT,
	STMT_OUTLET_GET,
	STMT_OUTLET_INSERT,
	STMT_OUTLET_UPDATE,
	STMT_OUTLET_DELETE,
	STMT_DOCUMENTS_OF_APPLICATION,
	STMT_DOCUMENT_GET,
	STMT_DOCUMENT_INSERT,
	STMT_DOCUMENT_DELETE,
	STMT_BLOB_INSERT,
	STMT_BLOB_REFERENCED,
	STMT_REVIEW_QUEUE,
	STMT_APPLICATION_TAKE,
	STMT_APPLICATION_ASSIGN,
	STMT_REVIEWERS_LIST,
	STMT_APPLICATION_LOCK_REVIEW,
	STMT_APPLICATION_MOVE,
	STMT_APPLICATION_RESUBMIT,
	STMT_APPLICATION_DECISION,
	STMT_APPLICATION_SIZE,
	STMT_APPLICATION_COMPLETENESS,
	STMT_ROUND_OPEN,
	STMT_ROUND_CLOSE,
	STMT_ROUNDS_OF_APPLICATION,
	STMT_VERDICTS_OF_APPLICATION,
	STMT_VERDICTS_CLEAR_OTHERS,
	STMT_VERDICTS_SAVE,
	STMT_ELIGIBILITY_OF_APPLICATION,
	STMT_ELIGIBILITY_SAVE,
	STMT_SUPPLEMENT_ITEMS_OPEN,
	STMT_SUPPLEMENT_ITEMS_CURRENT,
	STMT_SUPPLEMENT_ANSWERS_SAVE,
	STMT_SUPPLEMENT_ITEMS_ALL,
	STMT_AUDIT_GET,
	STMT_AUDIT_LOCK,
	STMT_AUDIT_BUMP,
	STMT_AUDIT_OF_APPLICATION,
	STMT_AUDITOR_FACTS,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_MEMBERS_ADD,
	STMT_AUDIT_OUTLETS_ADD,
	STMT_AUDIT_EXCLUSIONS_PREFILL,
	STMT_AUDIT_MEMBERS,
	STMT_AUDIT_OUTLETS,
	STMT_AUDIT_CONFIRM,
	STMT_APPLICATIONS_TO_PLAN,
	STMT_AUDITS_LIST,
	STMT_SCHEME_POINTS,
	STMT_SCHEME_CURRENT,
	STMT_SCHEME_PUBLISH,
	STMT_AUDIT_SCORES,
	STMT_AUDIT_SCORES_CLEAR_OTHERS,
	STMT_AUDIT_SCORES_SAVE,
	STMT_DEDUCTIONS_OF_AUDIT,
	STMT_DEDUCTION_INSERT,
	STMT_DEDUCTION_DELETE,
	STMT_AUDIT_BONUS_SET,
	STMT_AUDIT_ATTACHMENTS,
	STMT_AUDIT_ATTACHMENT_INSERT,
	STMT_AUDIT_ATTACHMENT_GET,
	STMT_INDICATOR_BY_POSITION,
	STMT_AUDIT_REPORT_FACTS,
	STMT_AUDIT_REPORT,
	STMT_NCS_OF_AUDIT,
	STMT_NC_ANSWERS_OF_AUDIT,
	STMT_NC_FILES_OF_AUDIT,
	STMT_NC_INSERT,
	STMT_NC_GET,
	STMT_NC_LOCK,
	STMT_NC_ANSWER,
	STMT_NC_VERIFY,
	STMT_NC_FILE_INSERT,
	STMT_NC_FILE_GET,
	STMT_CONFLICTS_OF_USER,
	STMT_CONFLICT_INSERT,
	STMT_CONFLICT_DELETE,
	STMT_ADJUSTMENTS_OF_AUDIT,
	STMT_ADJUSTMENTS_SAVE,
	STMT_EVALUATION_GET,
	STMT_EVALUATION_INSERT,
	STMT_AUDIT_MOVE,
	STMT_DECISION_INSERT,
	STMT_DECISION_GET,
	STMT_CERT_SERIAL_NEXT,
	STMT_CERTIFICATE_INSERT,
	STMT_CERTIFICATE_VERSION_INSERT,
	STMT_CERTIFICATE_OF_AUDIT,
	STMT_CERTIFICATE_GET,
	STMT_CERTIFICATE_BY_NUMBER,
	STMT_CERTIFICATE_VERSION_GET,
	STMT_CERTIFICATE_PDF_SET,
	STMT_REGISTER_SEARCH,
	STMT_TICK_EXPIRE,
	STMT_TICK_OPEN,
	STMT_TICK_OVERDUE,
	STMT_TICK_SUSPEND,
	STMT_TICK_WITHDRAW,
	STMT_CERT_STATUS_SET,
	STMT_SURVEILLANCE_SETTLE,
	STMT_CERT_HISTORY_ADD,
	STMT_CERT_HISTORY,
	STMT_SURVEILLANCE_CASE_GET,
	STMT_AUDIT_CASE,
	STMT_CASE_DONE,
	STMT_CERTIFICATE_LEVEL_VERSION,
	STMT_RECERTIFICATION_FACTS,
	STMT_CERTIFICATES_REPLACE,
	STMT_CERTIFICATES_LIST,
	STMT_SPECIAL_CASE_OPEN,
	STMT_SURVEILLANCE_OF_CERTIFICATE,
	STMT_ORGANIZATION_CODE_TAKEN,
	STMT_TICK_EXPIRY_NOTICE,
	STMT_NOTIFY,
	STMT_NOTIFICATIONS_LIST,
	STMT_NOTIFICATION_READ,
	STMT_NOTIFICATIONS_READ_ALL,
	STMT_OUTBOX_NEXT,
	STMT_OUTBOX_SENT,
	STMT_OUTBOX_RETRY,
	STMT_SEARCH,
	STMT_APPLICATIONS_EXPORT,
	STMT_REVIEW_QUEUE_EXPORT,
	STMT_CERTIFICATES_EXPORT,
	STMT_REPORT_MONTHLY,
	STMT_REPORT_MONTHLY_COUNTS,
	STMT_EXPORT_SETTINGS,
	STMT_DASHBOARD_REVIEWER,
	STMT_DASHBOARD_AUDITOR,
	STMT_DASHBOARD_EVALUATOR,
	STMT_DASHBOARD_SUPERVISOR,
	STMT_DASHBOARD_APPLICANT,
	STMT_FIGURES_AGE,
	STMT_FIGURES_READ,
	STMT_FIGURES_CLAIM,
	STMT_FIGURES_CLEAR,
	STMT_FIGURES_COMPUTE,
	STMT_FIGURES_ITEMS,
	STMT__MAX
};

/* The dashboards' lists: rows per list of what waits, per overdue list, days of the calendar. */
#define DASHBOARD_WAIT_ROWS	5
#define DASHBOARD_LATE_ROWS	5
#define DASHBOARD_CALENDAR_DAYS	42

struct stmt_def {
	const char	*name;		/* db_<entity>_<verb> */
	const char	*sql;		/* $n parameters only */
	int		 nparams;
	bool		 read_only;	/* safe to retry once after a reconnect */
	/*
	 * Statements are prepared once per connection and run with the plan
	 * PostgreSQL made for every value (plan_cache_mode force_generic_plan:
	 * planning a list page's statement cost more than running it).  So
	 * that one plan serves every value, a filter that a NULL parameter
	 * turns off is written "($n::type IS NULL OR condition)" and its
	 * parameter named here: the statement is then prepared once per set
	 * of given optional parameters, each text with its conditions written
	 * out or left out (variant.c), and each variant's plan uses its
	 * indexes.  Limits are literals (DB_PAGE_LIMIT).  A catch-all text
	 * with one plan made the queue take seconds at 10^5 rows.
	 */
	unsigned	 optional;	/* OPTIONAL($n) | ... */
	/*
	 * Optional parameters whose value decides the plan (a LIKE pattern:
	 * a part of a name that nearly every row holds wants another plan
	 * than one that few do): when one is given, the statement is planned
	 * with its values, as plan_always.
	 */
	unsigned	 plan_with;
	/* Planned with its values at every run, never prepared: exports,
	 * reports and the staff search, whose best plan depends on them. */
	bool		 plan_always;
};
#define OPTIONAL(n)		(1u << ((n) - 1))

/*
 * The rows of a list page.  Its statement asks for one more (is there a
 * next page?) and says so as a literal: a plan made once for every value
 * that knows how few rows it needs walks an index in order; with
 * "LIMIT $n" it would plan for a tenth of the table and sort it.
 */
#define DB_PAGE_ROWS		50
#define DB_STR_(x)		#x
#define DB_STR(x)		DB_STR_(x)
#define DB_PAGE_LIMIT		" LIMIT " DB_STR(DB_PAGE_ROWS) " + 1"
/* The certificate list: the newest, unpaged (the export has them all). */
#define DB_CERTIFICATES_ROWS	200
#define STMT_OPTIONAL_MAX	6	/* 2^6 variants at most */
#define STMT_NAME_MAX		64	/* a prepared name: db_<entity>_<verb>/<variant> */

extern const struct stmt_def stmt_defs[STMT__MAX];

enum db_status {
	DB_OK = 0,
	DB_UNAVAILABLE,		/* no connection: answer 503 */
	DB_UNIQUE,		/* 23505: answer 409 */
	DB_FOREIGN_KEY,		/* 23503: answer 422 */
	DB_CHECK,		/* 23514 / 22xxx: bad data that got past validation: 422 */
	DB_CONFLICT,		/* 40001 / 40P01: serialisation failure, try again */
	DB_ROWS,		/* the row count was not what the caller expected */
	DB_ERROR,		/* anything else: 500 and a log line */
};

/*
 * db_init: remember how to connect (a libpq conninfo string); the
 * connection is opened on first use.  statement_timeout_ms bounds every
 * statement.
 */
void		 db_init(const char *conninfo, int statement_timeout_ms);
void		 db_close(void);

/* db_available: connect if needed (respecting the back-off); true when connected. */
bool		 db_available(void);

/*
 * db_query: run statement s with params (NULL for NULL values).  On
 * DB_OK the result (PGRES_TUPLES_OK or PGRES_COMMAND_OK) is returned and
 * the caller PQclear()s it; on failure NULL, with *st saying why (a log
 * line is written for DB_ERROR).  The statement is prepared on first use
 * in this connection.  A read-only statement that fails because the
 * connection dropped is retried once on a new connection.
 */
PGresult	*db_query(enum stmt s, const char *const *params, enum db_status *st);

/*
 * db_query_rows: as db_query, but also DB_ROWS unless the row count
 * (tuples or affected rows) lies in [min, max].
 */
PGresult	*db_query_rows(enum stmt s, const char *const *params, int min,
		    int max, enum db_status *st);

/*
 * db_stream: run statement s and hand each row to row(res, ctx) as it
 * arrives (libpq's single-row mode: one row in memory at a time, however
 * many there are); res holds that one row and is valid only during the
 * call.  A non-zero return from row cancels the rest: DB_ROWS.  Never
 * retried (rows may have been handed on).  DB_OK once every row was seen.
 */
typedef int (*db_row_fn)(const PGresult *row, void *ctx);
enum db_status	 db_stream(enum stmt s, const char *const *params, db_row_fn row, void *ctx);

/* Transactions: db_begin starts one (BEGIN), db_commit/db_rollback end it. */
enum db_status	 db_begin(void);
enum db_status	 db_commit(void);
void		 db_rollback(void);

/* db_status_http: the HTTP status for a failure (503, 409, 422, 500). */
int		 db_status_http(enum db_status);

/* db_int: v in decimal, for a statement parameter, written into buf. */
#define DB_INT_BUF	24
const char	*db_int(char buf[DB_INT_BUF], long long v);

/* db_value: the text of row, column of res, or NULL when it is SQL NULL. */
const char	*db_value(const PGresult *, int row, int col);
/* db_long: the column as an integer (0 for NULL or junk). */
long long	 db_long(const PGresult *, int row, int col);
/* db_bool: the column as a boolean ("t"). */
bool		 db_bool(const PGresult *, int row, int col);

/*
 * db_event: append to the event log (in the caller's transaction, if any).
 * actor 0 and object_id 0 are stored as NULL; so are NULL strings.
 */
enum db_status	 db_event(long long actor, const char *object_type,
		    long long object_id, const char *action, const char *from_state,
		    const char *to_state, const char *detail, const char *client_addr);

/*
 * db_notify: tell the audience of an object that kind happened (in the
 * caller's transaction): object_type application, audit, nonconformity or
 * certificate; audience org, holder, team, evaluators or supervisors; the
 * actor (0: none) is not told.  See notify() in migrations/0010.
 */
enum db_status	 db_notify(const char *object_type, long long object_id,
		    const char *kind, const char *audience, long long actor);

struct arena;
/* db_like_escape: s with LIKE's %, _ and \ escaped, so that a search term is only text (arena copy). */
const char	*db_like_escape(struct arena *, const char *s);
/*
 * db_array: an array literal ({"a","b\"c"}) of n strings for a text[],
 * integer[] or boolean[] parameter; every element quoted, none NULL
 * (arena copy, or NULL when out of memory).
 */
const char	*db_array(struct arena *, const char *const *values, size_t n);

struct buf;
/*
 * stmt_variant_sql: d's text for the optional parameters in given (a mask
 * of OPTIONAL bits), appended to out; -1 when an optional parameter has no
 * condition of that form or one does not end.
 */
int		 stmt_variant_sql(const struct stmt_def *d, unsigned given, struct buf *out);
/* stmt_variant: which variant params select (0 .. 2^k - 1 for k optional parameters). */
unsigned	 stmt_variant(const struct stmt_def *d, const char *const *params);
/* stmt_variant_given: the OPTIONAL mask of variant. */
unsigned	 stmt_variant_given(const struct stmt_def *d, unsigned variant);
/* stmt_defs_check: every statement's optional conditions well formed (at start-up); -1 and a log line if not. */
int		 stmt_defs_check(void);

/* db_conn: the raw connection, for starcertctl; NULL when not connected. */
PGconn		*db_conn(void);

/* db_connection_generation: bumps at each new connection (tests and logs). */
unsigned long	 db_connection_generation(void);

#endif
