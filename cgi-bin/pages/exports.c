/* exports.c: the lists as CSV and Excel, filtered as on screen, and the regulator's monthly report (监管月报). */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/certificate.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../store/blob.h"
#include "../view/table.h"
#include "../view/view.h"
#include "pages.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))
/* An export reads every row; a statement may take this long (the usual limit is seconds). */
#define EXPORT_TIMEOUT	"120s"
/* A monthly report with more rows than this is written in constant memory. */
#define REPORT_SHARED_MAX	20000

/* One export under way: the table rows go to, and what turns a database row into cells. */
struct export {
	struct req	*r;
	struct table	 t;
	int		(*cells)(struct export *, const PGresult *, const char **out);
	long long	 counts[8];	/* the monthly report: rows per event */
};

/* ---- running an export ---- */

static int
export_row(const PGresult *res, void *ctx)
{
	struct export	*e = ctx;
	const char	*cells[32];

	if (e->cells(e, res, cells) != 0)
		return -1;
	return table_row(&e->t, cells);
}

/* The temporary directory for workbooks: the blob store's, which gc empties of leftovers. */
static const char *
export_tmp_dir(struct req *r)
{
	return arena_printf(r->arena, "%s/tmp", blob_root());
}

/* Stream statement s's rows into the table (begun, its sheet started), in a read-only transaction with a longer timeout. */
static int
export_rows(struct export *e, enum stmt s, const char *const *params)
{
	const char	*p[1] = { EXPORT_TIMEOUT };
	PGresult	*res;
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return table_fail(&e->t, db_status_http(st));
	if ((res = db_query(STMT_EXPORT_SETTINGS, p, &st)) == NULL) {
		db_rollback();
		return table_fail(&e->t, db_status_http(st));
	}
	PQclear(res);
	st = db_stream(s, params, export_row, e);
	if (st != DB_OK) {
		db_rollback();
		if (st == DB_ROWS)	/* the table refused a row: sending failed */
			return table_fail(&e->t, 500);
		return table_fail(&e->t, db_status_http(st));
	}
	if ((st = db_commit()) != DB_OK)
		return table_fail(&e->t, db_status_http(st));
	return 0;
}

/* Begin a download called after the catalog's file_key and today's date. */
static int
export_begin(struct export *e, struct req *r, const char *file_key, const char *ascii_name,
    const char *suffix, bool constant_memory)
{
	memset(e, 0, sizeof(*e));
	e->r = r;
	if (table_begin(&e->t, r, table_format_of(r), export_tmp_dir(r),
	    arena_printf(r->arena, "%s-%s", view_text(r, file_key), suffix),
	    arena_printf(r->arena, "%s-%s", ascii_name, suffix), constant_memory) != 0)
		return table_fail(&e->t, 500);
	return 0;
}

/* Finish: the status table_end gives (0 from export_rows means all rows went in). */
static int
export_finish(struct export *e, int status)
{
	return status != 0 ? status : table_end(&e->t);
}

/* ---- certificates ---- */

static const struct table_column certificate_columns[] = {
	{ "certificate.number", TABLE_TEXT, 18, false },
	{ "certificate.organization", TABLE_TEXT, 32, false },
	{ "field.credit_code_label", TABLE_TEXT, 22, false },
	{ "certificate.address", TABLE_TEXT, 32, false },
	{ "certificate.scope", TABLE_TEXT, 32, false },
	{ "certificate.level", TABLE_TEXT, 10, false },
	{ "certificate.status", TABLE_TEXT, 10, false },
	{ "export.status_code", TABLE_TEXT, 10, false },
	{ "certificate.issue_date", TABLE_DATE, 12, false },
	{ "certificate.expiry_date", TABLE_DATE, 12, false },
	{ "certificates.surveillance_due", TABLE_DATE, 12, false },
};

/* A row of STMT_CERTIFICATES_EXPORT. */
static int
certificate_cells(struct export *e, const PGresult *res, const char **c)
{
	const char	*status = PQgetvalue(res, 0, 6);
	int		 code = cert_status_parse(status);

	c[0] = PQgetvalue(res, 0, 0);
	c[1] = PQgetvalue(res, 0, 1);
	c[2] = PQgetvalue(res, 0, 2);
	c[3] = PQgetvalue(res, 0, 3);
	c[4] = PQgetvalue(res, 0, 4);
	c[5] = view_label(e->r, "level.", PQgetvalue(res, 0, 5));
	c[6] = view_label(e->r, "certificate.status.", status);
	c[7] = code >= 0 ? cert_status_code((enum cert_status)code) : "";
	c[8] = PQgetvalue(res, 0, 7);
	c[9] = PQgetvalue(res, 0, 8);
	c[10] = PQgetvalue(res, 0, 9);
	return 0;
}

int
page_certificates_export(struct req *r)
{
	struct export		 e;
	struct cert_filter	 f;
	const char		*p[CERT_FILTER_PARAMS];
	char			 oid[DB_INT_BUF], today[11];
	int			 status;

	if ((status = cert_filter_parse(r, &f)) != 0)
		return status;
	cert_filter_params(r, &f, p, oid);
	date_today(today);
	if ((status = export_begin(&e, r, "export.file.certificates", "certificates", today,
	    true)) != 0)
		return status;
	e.cells = certificate_cells;
	if (table_sheet(&e.t, "export.sheet.certificates", certificate_columns,
	    NELEM(certificate_columns), true) != 0)
		return table_fail(&e.t, 500);
	return export_finish(&e, export_rows(&e, STMT_CERTIFICATES_EXPORT, p));
}

/* ---- applications ---- */

static const struct table_column application_columns[] = {
	{ "application.number", TABLE_NUMBER, 8, false },
	{ "application.kind", TABLE_TEXT, 10, false },
	{ "export.organization", TABLE_TEXT, 32, false },
	{ "field.credit_code_label", TABLE_TEXT, 22, false },
	{ "export.application_state", TABLE_TEXT, 12, false },
	{ "export.created", TABLE_DATE, 12, false },
	{ "export.submitted", TABLE_DATE, 12, false },
	{ "export.review_decided", TABLE_DATE, 12, false },
	{ "export.audit_start", TABLE_DATE, 12, false },
	{ "export.audit_end", TABLE_DATE, 12, false },
	{ "export.audit_state", TABLE_TEXT, 12, false },
	{ "export.reported", TABLE_DATE, 12, false },
	/* Applicants see the decision, not the evaluation's internals. */
	{ "export.evaluated", TABLE_DATE, 12, true },
	{ "export.recommended_level", TABLE_TEXT, 10, true },
	{ "export.decision", TABLE_TEXT, 10, false },
	{ "export.decided", TABLE_DATE, 12, false },
	{ "certificate.number", TABLE_TEXT, 18, false },
	{ "certificate.issue_date", TABLE_DATE, 12, false },
};

/* The label of an optional value: "" when the column is NULL. */
static const char *
label_or_empty(struct export *e, const char *prefix, const PGresult *res, int col)
{
	return PQgetisnull(res, 0, col) ? "" : view_label(e->r, prefix, PQgetvalue(res, 0, col));
}

/* A row of APP_EXPORT_SELECT. */
static int
application_cells(struct export *e, const PGresult *res, const char **c)
{
	c[0] = PQgetvalue(res, 0, 0);
	c[1] = view_label(e->r, "application.kind.", PQgetvalue(res, 0, 1));
	c[2] = PQgetvalue(res, 0, 3);
	c[3] = PQgetvalue(res, 0, 4);
	c[4] = view_label(e->r, "application.state.", PQgetvalue(res, 0, 2));
	c[5] = PQgetvalue(res, 0, 5);
	c[6] = PQgetvalue(res, 0, 6);
	c[7] = PQgetvalue(res, 0, 7);
	c[8] = PQgetvalue(res, 0, 8);
	c[9] = PQgetvalue(res, 0, 9);
	c[10] = label_or_empty(e, "audit.state.", res, 10);
	c[11] = PQgetvalue(res, 0, 11);
	c[12] = PQgetvalue(res, 0, 12);
	c[13] = label_or_empty(e, "level.", res, 13);
	c[14] = label_or_empty(e, "decision.outcome.", res, 14);
	c[15] = PQgetvalue(res, 0, 15);
	c[16] = PQgetvalue(res, 0, 16);
	c[17] = PQgetvalue(res, 0, 17);
	return 0;
}

static int
applications_export(struct req *r, enum app_list list, enum stmt s, const char *file_key,
    const char *ascii_name)
{
	struct export		 e;
	struct app_filter	 f;
	const char		*p[APP_FILTER_PARAMS];
	char			 oid[DB_INT_BUF], today[11];
	int			 status;

	if ((status = app_filter_parse(r, list, &f)) != 0)
		return status;
	app_filter_params(r, &f, p, oid);
	date_today(today);
	if ((status = export_begin(&e, r, file_key, ascii_name, today, true)) != 0)
		return status;
	e.cells = application_cells;
	if (table_sheet(&e.t, "export.sheet.applications", application_columns,
	    NELEM(application_columns), (r->user->roles & ROLE_APPLICANT) == 0) != 0)
		return table_fail(&e.t, 500);
	return export_finish(&e, export_rows(&e, s, p));
}

int
page_applications_export(struct req *r)
{
	return applications_export(r, (r->user->roles & ROLE_APPLICANT) ? APP_LIST_OWN :
	    APP_LIST_STAFF, STMT_APPLICATIONS_EXPORT, "export.file.applications", "applications");
}

int
page_review_queue_export(struct req *r)
{
	return applications_export(r, APP_LIST_QUEUE, STMT_REVIEW_QUEUE_EXPORT,
	    "export.file.review_queue", "review-queue");
}

/* ---- the regulator's monthly report ---- */

/* The events of the report, in the order the summary counts them. */
static const char *const report_events[] = {
	"issued", "level_changed", "suspended", "reinstated", "withdrawn", "cancelled",
	"expired", "replaced",
};

static int
report_event_index(const char *event)
{
	for (size_t i = 0; i < NELEM(report_events); i++)
		if (strcmp(event, report_events[i]) == 0)
			return (int)i;
	return -1;
}

static const struct table_column report_columns[] = {
	{ "report.col.date", TABLE_DATE, 12, false },
	{ "report.col.event", TABLE_TEXT, 12, false },
	{ "certificate.number", TABLE_TEXT, 18, false },
	{ "certificate.organization", TABLE_TEXT, 32, false },
	{ "field.credit_code_label", TABLE_TEXT, 22, false },
	{ "certificate.level", TABLE_TEXT, 10, false },
	{ "export.status_code", TABLE_TEXT, 10, false },
	{ "certificate.status", TABLE_TEXT, 10, false },
	{ "certificate.reason_code", TABLE_TEXT, 16, false },
	{ "report.col.reason", TABLE_TEXT, 40, false },
	{ "certificate.issue_date", TABLE_DATE, 12, false },
	{ "certificate.expiry_date", TABLE_DATE, 12, false },
};

static const struct table_column summary_columns[] = {
	{ "report.col.item", TABLE_TEXT, 24, false },
	{ "report.col.value", TABLE_NUMBER, 28, false },
};

/* A row of STMT_REPORT_MONTHLY. */
static int
report_cells(struct export *e, const PGresult *res, const char **c)
{
	const char	*event = PQgetvalue(res, 0, 1), *after = PQgetvalue(res, 0, 6);
	const char	*code = PQgetvalue(res, 0, 7), *reason = PQgetvalue(res, 0, 8);
	int		 i = report_event_index(event), status = cert_status_parse(after);

	if (i >= 0)
		e->counts[i]++;
	c[0] = PQgetvalue(res, 0, 0);
	c[1] = view_label(e->r, "report.event.", event);
	c[2] = PQgetvalue(res, 0, 2);
	c[3] = PQgetvalue(res, 0, 3);
	c[4] = PQgetvalue(res, 0, 4);
	c[5] = view_label(e->r, "level.", PQgetvalue(res, 0, 5));
	c[6] = status >= 0 ? cert_status_code((enum cert_status)status) : "";
	c[7] = status >= 0 ? view_label(e->r, "certificate.status.", after) : "";
	c[8] = *code != '\0' ? view_label(e->r, "certificate.reason.", code) : "";
	c[9] = reason;
	c[10] = PQgetvalue(res, 0, 9);
	c[11] = PQgetvalue(res, 0, 10);
	return 0;
}

/* The count of each event of report_events in [first, next) into counts; 0 or a status. */
static int
report_counts(const char *first, const char *next, long long counts[NELEM(report_events)])
{
	const char	*p[2] = { first, next };
	PGresult	*res;
	enum db_status	 st;

	memset(counts, 0, sizeof(counts[0]) * NELEM(report_events));
	if ((res = db_query(STMT_REPORT_MONTHLY_COUNTS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		int k = report_event_index(PQgetvalue(res, i, 0));

		if (k >= 0)
			counts[k] = db_long(res, i, 1);
	}
	PQclear(res);
	return 0;
}

/*
 * The month asked for: 0 with its first day and the next month's, or the
 * status of the refusal (422, with the message key in *problem).
 */
static int
report_month(const char *month, char first[11], char next[11], const char **problem)
{
	char today[11];

	date_today(today);
	if (date_month_range(month, first, next) != 0) {
		*problem = "report.bad_month";
		return 422;
	}
	if (strcmp(first, today) > 0) {
		*problem = "report.future_month";
		return 422;
	}
	return 0;
}

int
page_report_monthly_xlsx(struct req *r)
{
	struct export	 e;
	const char	*month, *problem, *p[2];
	char		 first[11], next[11], today[11], n[DB_INT_BUF];
	const char	*cells[2];
	long long	 counts[NELEM(report_events)], total = 0;
	int		 status;

	if (req_text(r, "month", true, 7, &month) != FIELD_OK)
		return view_error(r, 422, "report.bad_month");
	if ((status = report_month(month, first, next, &problem)) != 0)
		return view_error(r, status, problem);
	if ((status = report_counts(first, next, counts)) != 0)
		return status;
	for (size_t i = 0; i < NELEM(report_events); i++)
		total += counts[i];
	/* A month's changes are usually a few thousand rows: shared strings (a
	 * smaller file) cost about 2 KB of memory a row; beyond the limit every
	 * row goes to disk as it comes. */
	if ((status = export_begin(&e, r, "report.file", "monthly-report", month,
	    total > REPORT_SHARED_MAX)) != 0)
		return status;
	total = 0;	/* the summary counts the rows as written */
	e.cells = report_cells;
	if (table_sheet(&e.t, "report.sheet.events", report_columns, NELEM(report_columns),
	    true) != 0)
		return table_fail(&e.t, 500);
	p[0] = first;
	p[1] = next;
	if ((status = export_rows(&e, STMT_REPORT_MONTHLY, p)) != 0)
		return status;
	if (table_sheet(&e.t, "report.sheet.summary", summary_columns, NELEM(summary_columns),
	    true) != 0)
		return table_fail(&e.t, 500);
	date_today(today);
	cells[0] = view_text(r, "report.month");
	cells[1] = month;
	table_row(&e.t, cells);
	cells[0] = view_text(r, "report.body");
	cells[1] = settings_get(r->lang == LANG_ZH ? "body_name_zh" : "body_name_en");
	table_row(&e.t, cells);
	cells[0] = view_text(r, "report.made_on");
	cells[1] = today;
	table_row(&e.t, cells);
	for (size_t i = 0; i < NELEM(report_events); i++) {
		cells[0] = view_label(r, "report.event.", report_events[i]);
		cells[1] = arena_printf(r->arena, "%lld", e.counts[i]);
		table_row(&e.t, cells);
		total += e.counts[i];
	}
	cells[0] = view_text(r, "report.total");
	cells[1] = db_int(n, total);
	table_row(&e.t, cells);
	return table_end(&e.t);
}

int
page_report_monthly(struct req *r)
{
	struct tmpl_dict	*d;
	const char		*month, *problem = NULL;
	char			 first[11], next[11], today[11], previous[8];
	long long		 counts[NELEM(report_events)], total = 0;
	int			 status = 0;

	r->private_page = true;
	if (req_text(r, "month", false, 16, &month) != FIELD_OK)
		month = "x";	/* too long or given twice: refused below like any bad month */
	date_today(today);
	date_previous_month(today, previous);
	if ((d = view_page(r, "report_monthly", "report.title")) == NULL)
		return 500;
	/* Due by the 10th for the month before: that month is the one offered. */
	tmpl_set(d, "MONTH", *month != '\0' ? month : previous);
	tmpl_set(d, "MAX_MONTH", arena_printf(r->arena, "%.7s", today));
	if (*month == '\0')
		return view_render(r, 200);
	if ((status = report_month(month, first, next, &problem)) != 0) {
		struct tmpl_dict *x = tmpl_section(d, "PROBLEM");

		if (x != NULL)
			tmpl_set(x, "TEXT", view_text(r, problem));
		return view_render(r, status);
	}
	if ((status = report_counts(first, next, counts)) != 0)
		return status;
	tmpl_show(d, "REPORT");
	tmpl_set(d, "DOWNLOAD", arena_printf(r->arena, "/reports/monthly.xlsx?month=%s", month));
	for (size_t i = 0; i < NELEM(report_events); i++) {
		struct tmpl_dict *x = tmpl_section(d, "COUNTS");

		if (x == NULL)
			return 500;
		tmpl_set(x, "EVENT", view_label(r, "report.event.", report_events[i]));
		tmpl_set(x, "EVENT_CODE", report_events[i]);
		tmpl_set(x, "COUNT", arena_printf(r->arena, "%lld", counts[i]));
		total += counts[i];
	}
	tmpl_set(d, "TOTAL", arena_printf(r->arena, "%lld", total));
	if (total == 0)
		tmpl_show(d, "NOTHING");
	return view_render(r, 200);
}
