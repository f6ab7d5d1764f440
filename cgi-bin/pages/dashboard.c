/* dashboard.c: the page each user lands on after signing in, made for their roles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "../db/figures.h"
#include "../db/settings.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../view/svg.h"
#include "../view/tmpl.h"
#include "../view/view.h"
#include "pages.h"

#define WAIT_ROWS	DASHBOARD_WAIT_ROWS
#define LATE_ROWS	DASHBOARD_LATE_ROWS
#define CALENDAR_DAYS	DASHBOARD_CALENDAR_DAYS
#define CALENDAR_WEEKS	(CALENDAR_DAYS / 7)
#define MONTHS		24	/* the charts over time */
#define APPLICANT_APPS	10
#define APPLICANT_CERTS	20

/* Columns of the dashboards' rows (STMT_DASHBOARD_*, STMT_FIGURES_READ in db/stmt.c). */
enum {
	C_PART, C_KIND, C_ORD, C_ID, C_LINK, C_ORG, C_STATE, C_DAY, C_N, C_TOTAL,
	C_FLAG, C_EXTRA,
};

/* How a row's date reads. */
enum when {
	WHEN_SINCE,	/* waiting since day, n days */
	WHEN_STARTS,	/* the audit starts on day, in n days */
	WHEN_DUE,	/* due on day, n days left (flag: overdue) */
	WHEN_LATE,	/* was due on day, n days ago */
	WHEN_WITHDRAW,	/* withdrawn by the tick on day, in n days */
};

/* Which id a link carries: the row's, its link column's, or both (a nonconformity in its audit). */
enum href_by { BY_ID, BY_LINK, BY_NC };

/*
 * The lists of the staff dashboard: what waits for the user ("wait", read
 * live by a statement per role) and what is overdue ("late", from the
 * snapshot), each for the roles that act on it.
 */
static const struct list_def {
	const char	*part, *kind;
	unsigned	 roles;		/* who sees it */
	const char	*heading;	/* catalog key */
	const char	*href, *tail;	/* the link: href, an id, tail */
	enum href_by	 by;
	const char	*more;		/* the full list, or NULL */
	enum when	 when;
	const char	*state_label;	/* catalog prefix of the state column's badge */
	const char	*state_class;	/* its class prefix */
	const char	*ref_label;	/* catalog prefix of the extra column ("": as it is; NULL: none) */
} lists[] = {
	{ "wait", "review_held", ROLE_REVIEWER, "dashboard.wait.review_held",
	    "/applications/", "", BY_ID, "/review?state=in_review", WHEN_SINCE,
	    "application.state.", "badge-", "application.kind." },
	{ "wait", "review_next", ROLE_REVIEWER, "dashboard.wait.review_next",
	    "/applications/", "", BY_ID, "/review", WHEN_SINCE,
	    "application.state.", "badge-", "application.kind." },
	{ "wait", "audit_team", ROLE_AUDITOR, "dashboard.wait.audit_team",
	    "/audits/", "", BY_ID, "/audits", WHEN_STARTS,
	    "audit.state.", "badge-audit-", "audit.kind." },
	{ "wait", "nc_verify", ROLE_AUDITOR, "dashboard.wait.nc_verify",
	    "/audits/", "", BY_NC, NULL, WHEN_DUE,
	    "nc.severity.", "badge-severity-", "" },
	{ "wait", "evaluate", ROLE_EVALUATOR, "dashboard.wait.evaluate",
	    "/audits/", "#evaluation", BY_ID, "/audits", WHEN_SINCE,
	    "audit.state.", "badge-audit-", "audit.kind." },
	{ "wait", "decide", ROLE_SUPERVISOR, "dashboard.wait.decide",
	    "/audits/", "#decision", BY_ID, "/audits", WHEN_SINCE,
	    "dashboard.recommend.", "badge-level-", "audit.kind." },
	{ "wait", "plan_application", ROLE_SUPERVISOR, "dashboard.wait.plan_application",
	    "/applications/", "/audit", BY_ID, "/audits", WHEN_SINCE,
	    "application.state.", "badge-", "application.kind." },
	{ "wait", "plan_surveillance", ROLE_SUPERVISOR, "dashboard.wait.plan_surveillance",
	    "/surveillance/", "/audit", BY_ID, "/certificates", WHEN_DUE,
	    "surveillance.state.", "badge-case-", "surveillance.kind." },
	{ "late", "review", ROLE_REVIEWER | ROLE_SUPERVISOR, "dashboard.late.review",
	    "/applications/", "", BY_ID, "/review", WHEN_SINCE,
	    "application.state.", "badge-", NULL },
	{ "late", "nc", ROLE_AUDITOR | ROLE_SUPERVISOR, "dashboard.late.nc",
	    "/audits/", "", BY_NC, NULL, WHEN_LATE,
	    "nc.severity.", "badge-severity-", "" },
	{ "late", "surveillance", ROLE_SUPERVISOR, "dashboard.late.surveillance",
	    "/certificates/", "", BY_LINK, "/certificates", WHEN_LATE,
	    "surveillance.kind.", "badge-case-overdue badge-", "" },
	{ "late", "withdrawal", ROLE_SUPERVISOR, "dashboard.late.withdrawal",
	    "/certificates/", "", BY_ID, "/certificates", WHEN_WITHDRAW,
	    "certificate.status.", "badge-cert-", "" },
};

/* The counts by stage, in the order a case moves, with where each is listed. */
static const struct {
	const char	*key;
	const char	*href;
} stages[] = {
	{ "queue", "/review" },
	{ "in_review", "/review?state=in_review" },
	{ "supplement_needed", "/applications" },
	{ "to_plan", "/audits" },
	{ "audit_planned", "/audits" },
	{ "audit_confirmed", "/audits" },
	{ "audit_reported", "/audits" },
	{ "audit_evaluated", "/audits" },
	{ "surveillance_to_plan", "/certificates" },
};

static const char *const cert_statuses[] = {
	"valid", "suspended", "withdrawn", "cancelled", "expired", "replaced",
};
static const char *const cert_levels[] = {
	"compliant", "three_star", "four_star", "five_star",
};

/* section_set: a new section of d with one value (nothing when memory ran out). */
static void
section_set(struct tmpl_dict *d, const char *section, const char *name, const char *value)
{
	struct tmpl_dict *s = tmpl_section(d, section);

	if (s != NULL)
		tmpl_set(s, name, value);
}

static void
section_set_int(struct tmpl_dict *d, const char *section, const char *name, long long value)
{
	struct tmpl_dict *s = tmpl_section(d, section);

	if (s != NULL)
		tmpl_set_int(s, name, value);
}

/* The snapshot as read: its rows, where its counts are, and its time. */
struct figures {
	const PGresult	*res;
	int		 fig_first, fig_end;	/* the rows of part "fig", by kind and key */
	const char	*key;			/* names the snapshot exactly */
	const char	*as_of_day, *as_of_time;
};

/*
 * rows_of: the rows [*first, *end) of part and kind in res, whose rows are
 * ordered by part and kind (every statement of the dashboards' rows is).
 */
static void
rows_of(const PGresult *res, const char *part, const char *kind, int *first, int *end)
{
	int lo = 0, hi = PQntuples(res), c;

	/* The first row at or after (part, kind)... */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		c = strcmp(PQgetvalue(res, mid, C_PART), part);
		if (c == 0)
			c = strcmp(PQgetvalue(res, mid, C_KIND), kind);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = *end = lo;
	/* ... and as far as they go. */
	while (*end < PQntuples(res) && strcmp(PQgetvalue(res, *end, C_PART), part) == 0 &&
	    strcmp(PQgetvalue(res, *end, C_KIND), kind) == 0)
		(*end)++;
}

/* Compare row i's figure and key with name and key. */
static int
figure_cmp(const PGresult *res, int i, const char *name, const char *key)
{
	int c = strcmp(PQgetvalue(res, i, C_KIND), name);

	return c != 0 ? c : strcmp(PQgetvalue(res, i, C_ORG), key);
}

/* figure: n (and total) of figure/key in the snapshot; 0 when absent. */
static long long
figure(const struct figures *f, const char *name, const char *key, long long *total)
{
	int lo = f->fig_first, hi = f->fig_end;

	if (total != NULL)
		*total = 0;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2, c = figure_cmp(f->res, mid, name, key);

		if (c == 0) {
			if (total != NULL)
				*total = db_long(f->res, mid, C_TOTAL);
			return db_long(f->res, mid, C_N);
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The rows come ordered by part and kind, and counts (part fig) by key (STMT_FIGURES_READ). */
static void
figures_read(struct figures *f, const PGresult *res)
{
	int first, end;

	f->res = res;
	f->key = f->as_of_day = f->as_of_time = "";
	/* The counts: from the first row of part fig to the last. */
	rows_of(res, "fig", "", &f->fig_first, &end);
	for (f->fig_end = f->fig_first; f->fig_end < PQntuples(res) &&
	    strcmp(PQgetvalue(res, f->fig_end, C_PART), "fig") == 0; f->fig_end++)
		;
	rows_of(res, "snap", "snapshot", &first, &end);
	if (first < end) {
		f->key = PQgetvalue(res, first, C_ORG);
		f->as_of_time = PQgetvalue(res, first, C_DAY);
		f->as_of_day = PQgetvalue(res, first, C_EXTRA);
	}
}

/* One item of a list: the link, the organization, a reference, badges and its date. */
static void
item_fill(struct req *r, struct tmpl_dict *it, const struct list_def *l,
    const PGresult *res, int i)
{
	long long	 id = db_long(res, i, C_ID), link = db_long(res, i, C_LINK);
	long long	 n = db_long(res, i, C_N);
	const char	*state = PQgetvalue(res, i, C_STATE), *extra = PQgetvalue(res, i, C_EXTRA);
	const char	*href, *when_section;

	href = l->by == BY_NC ? arena_printf(r->arena, "%s%lld#nc-%lld", l->href, link, id) :
	    arena_printf(r->arena, "%s%lld%s", l->href, l->by == BY_LINK ? link : id, l->tail);
	tmpl_set(it, "HREF", href != NULL ? href : "/");
	tmpl_set(it, "ORG", PQgetvalue(res, i, C_ORG));
	tmpl_set_int(it, "ID", id);
	if (l->ref_label != NULL)
		section_set(it, "REF", "REF", *l->ref_label != '\0' ?
		    view_label(r, l->ref_label, extra) : extra);
	tmpl_set(it, "STATE", view_label(r, l->state_label, state));
	tmpl_set(it, "STATE_CLASS", arena_printf(r->arena, "%s%s", l->state_class, state));
	tmpl_set(it, "DAY", PQgetvalue(res, i, C_DAY));
	/* Days waited count from 0; days to and past a date either way. */
	tmpl_set_int(it, "DAYS", l->when == WHEN_SINCE && n < 0 ? 0 : n < 0 ? -n : n);
	if (strcmp(l->kind, "audit_team") == 0)
		tmpl_show(it, db_bool(res, i, C_FLAG) ? "LEADER" : "MEMBER");
	if (strcmp(l->kind, "surveillance") == 0 && db_bool(res, i, C_FLAG))
		tmpl_show(it, "PLANNED");
	switch (l->when) {
	case WHEN_SINCE:
		when_section = "SINCE";
		if (db_bool(res, i, C_FLAG) || strcmp(l->part, "late") == 0)
			tmpl_show(it, "LATE_MARK");
		break;
	case WHEN_STARTS:
		when_section = n < 0 ? "STARTED" : "STARTS";
		break;
	case WHEN_DUE:
		when_section = n < 0 ? "WAS_DUE" : "DUE";
		if (n < 0)
			tmpl_show(it, "LATE_MARK");
		break;
	case WHEN_LATE:
		when_section = "WAS_DUE";
		tmpl_show(it, "LATE_MARK");
		break;
	default:
		when_section = n < 0 ? "WITHDRAW_DUE" : "WITHDRAW";
		tmpl_show(it, "LATE_MARK");
		break;
	}
	tmpl_show(it, when_section);
	if (strcmp(l->kind, "review") == 0 && *extra != '\0')
		section_set(it, "HOLDER", "HOLDER", extra);
}

/* How many a list has in all, from the snapshot, or -1 when it is the user's own. */
static long long
list_total(const struct list_def *l, const struct figures *f)
{
	if (strcmp(l->part, "late") == 0)
		return figure(f, "overdue", l->kind, NULL);
	if (strcmp(l->kind, "review_next") == 0)
		return figure(f, "stage", "submitted", NULL) + figure(f, "stage", "resubmitted", NULL);
	if (strcmp(l->kind, "plan_application") == 0)
		return figure(f, "stage", "to_plan", NULL);
	if (strcmp(l->kind, "plan_surveillance") == 0)
		return figure(f, "stage", "surveillance_to_plan", NULL);
	return -1;
}

/* The lists of one part (wait or late) the rows hold: how many, or -1 when memory ran out. */
static int
lists_fill(struct req *r, struct tmpl_dict *d, const PGresult *res, const char *part,
    const struct figures *f, int limit)
{
	const char	*key = arena_printf(r->arena, "%s/dashboard_list", lang_code(r->lang));
	int		 shown = 0;

	if (key == NULL)
		return -1;

	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		const struct list_def	*l = &lists[k];
		struct tmpl_dict	*g = NULL;
		int			 rows = 0, first, end;
		long long		 total;

		if (strcmp(l->part, part) != 0 || (r->user->roles & l->roles) == 0)
			continue;
		rows_of(res, part, l->kind, &first, &end);
		for (int i = first; i < end; i++) {
			struct tmpl_dict *it;

			if (g == NULL) {
				struct tmpl_dict *s = tmpl_section(d, "GROUP");

				if (s == NULL || (g = tmpl_include(s, "LIST", key)) == NULL)
					return -1;
				tmpl_set(g, "PART", part);
				tmpl_set(g, "KIND", l->kind);
				tmpl_set(g, "HEADING", view_text(r, l->heading));
			}
			if ((it = tmpl_section(g, "ITEM")) == NULL)
				return -1;
			item_fill(r, it, l, res, i);
			rows++;
		}
		if (g == NULL)
			continue;
		shown++;
		/* How many in all: the snapshot's count where the list is the
		 * body's (it may lag the list by a minute); else what it shows. */
		if ((total = list_total(l, f)) >= 0)
			tmpl_set_int(g, "COUNT", total > rows ? total : rows);
		else
			tmpl_set(g, "COUNT", rows >= limit ? arena_printf(r->arena, "%d+", rows) :
			    arena_printf(r->arena, "%d", rows));
		if (l->more != NULL && (rows >= limit || total > rows))
			section_set(g, "MORE", "MORE_HREF", l->more);
	}
	return shown;
}

static void
stages_fill(struct req *r, struct tmpl_dict *d, const struct figures *f)
{
	for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++) {
		struct tmpl_dict	*s = tmpl_section(d, "STAGE");
		long long		 n = strcmp(stages[i].key, "queue") == 0 ?
					     figure(f, "stage", "submitted", NULL) +
					     figure(f, "stage", "resubmitted", NULL) :
					     figure(f, "stage", stages[i].key, NULL);

		if (s == NULL)
			return;
		tmpl_set(s, "KEY", stages[i].key);
		tmpl_set(s, "LABEL", view_label(r, "dashboard.stage.", stages[i].key));
		tmpl_set(s, "HREF", stages[i].href);
		tmpl_set_int(s, "N", n);
	}
}

/* YYYY-MM of the month back months before today's. */
static void
month_back(const char *today, int back, char out[8])
{
	int y = atoi(today), m = atoi(today + 5) - back;

	while (m < 1) {
		m += 12;
		y--;
	}
	snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
}

/* A chart into a new CHART section of d, drawn by templates/chart.tpl. */
static int
chart_add(struct req *r, struct tmpl_dict *d, const struct chart *c)
{
	struct tmpl_dict	*s = tmpl_section(d, "CHART");
	struct tmpl_dict	*inc;
	const char		*key = arena_printf(r->arena, "%s/chart", lang_code(r->lang));

	if (s == NULL || key == NULL || (inc = tmpl_include(s, "CHART_SVG", key)) == NULL)
		return 500;
	chart_fill(inc, c);
	return 0;
}

/* The body's figures as four charts. */
static int
charts_fill(struct req *r, struct tmpl_dict *d, const struct figures *f, const char *today)
{
	struct chart_point	 status[sizeof(cert_statuses) / sizeof(cert_statuses[0])];
	struct chart_point	 level[sizeof(cert_levels) / sizeof(cert_levels[0])];
	struct chart_point	 issued[MONTHS], days[MONTHS];
	char			 months[MONTHS][8];
	struct chart		 c;
	int			 st;

	for (size_t i = 0; i < sizeof(cert_statuses) / sizeof(cert_statuses[0]); i++)
		status[i] = (struct chart_point){ view_label(r, "certificate.status.",
		    cert_statuses[i]), figure(f, "cert_status", cert_statuses[i], NULL),
		    false, cert_statuses[i] };
	for (size_t i = 0; i < sizeof(cert_levels) / sizeof(cert_levels[0]); i++)
		level[i] = (struct chart_point){ view_label(r, "level.", cert_levels[i]),
		    figure(f, "cert_level", cert_levels[i], NULL), false, cert_levels[i] };
	for (int i = 0; i < MONTHS; i++) {
		long long n, seconds;

		month_back(today, MONTHS - 1 - i, months[i]);
		issued[i] = (struct chart_point){ months[i],
		    figure(f, "issued", months[i], NULL), false, NULL };
		n = figure(f, "decision_days", months[i], &seconds);
		/* The average in tenths of a day, rounded half up. */
		days[i] = (struct chart_point){ months[i], n > 0 ?
		    (seconds * 10 + n * 43200) / (n * 86400) : 0, n == 0, NULL };
	}

	c = (struct chart){ CHART_BARS, "chart-status", view_text(r, "dashboard.chart.status"),
	    view_text(r, "dashboard.chart.status.desc"), view_text(r, "certificate.status"),
	    view_text(r, "dashboard.chart.certificates"), status,
	    sizeof(status) / sizeof(status[0]), 0, 1 };
	if ((st = chart_add(r, d, &c)) != 0)
		return st;
	c = (struct chart){ CHART_BARS, "chart-level", view_text(r, "dashboard.chart.level"),
	    view_text(r, "dashboard.chart.level.desc"), view_text(r, "certificate.level"),
	    view_text(r, "dashboard.chart.certificates"), level,
	    sizeof(level) / sizeof(level[0]), 0, 1 };
	if ((st = chart_add(r, d, &c)) != 0)
		return st;
	c = (struct chart){ CHART_COLUMNS, "chart-issued", view_text(r, "dashboard.chart.issued"),
	    view_text(r, "dashboard.chart.issued.desc"), view_text(r, "dashboard.chart.month"),
	    view_text(r, "dashboard.chart.certificates"), issued, MONTHS, 0, 3 };
	if ((st = chart_add(r, d, &c)) != 0)
		return st;
	c = (struct chart){ CHART_LINE, "chart-days", view_text(r, "dashboard.chart.days"),
	    view_text(r, "dashboard.chart.days.desc"), view_text(r, "dashboard.chart.month"),
	    view_text(r, "dashboard.chart.days_unit"), days, MONTHS, 1, 3 };
	return chart_add(r, d, &c);
}

/* The rows of one day of the calendar: its audits (mine first), at most CAL_SHOWN. */
#define CAL_SHOWN	3
struct cal_day {
	struct {
		const PGresult	*res;
		int		 row;
	}	audits[CAL_SHOWN];
	int	n;
};

static bool
cal_has(const struct cal_day *c, const PGresult *res, int row)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(PQgetvalue(c->audits[i].res, c->audits[i].row, C_ID),
		    PQgetvalue(res, row, C_ID)) == 0)
			return true;
	return false;
}

/*
 * Add res's rows of part "cal" and kind to their days, found by their
 * date: a snapshot made before Monday 00:00 counts its days from the
 * Monday before, and the database's clock may be on the other side of
 * midnight from this host's.
 */
static void
cal_add(struct cal_day days[CALENDAR_DAYS], const char dates[CALENDAR_DAYS][11],
    const PGresult *res, const char *kind)
{
	int first, end;

	if (res == NULL)
		return;
	rows_of(res, "cal", kind, &first, &end);
	for (int i = first; i < end; i++) {
		const char	*date = PQgetvalue(res, i, C_DAY);
		struct cal_day	*c;
		int		 day = 0;

		while (day < CALENDAR_DAYS && strcmp(dates[day], date) != 0)
			day++;
		if (day == CALENDAR_DAYS)
			continue;
		c = &days[day];
		if (c->n < CAL_SHOWN && !cal_has(c, res, i)) {
			c->audits[c->n].res = res;
			c->audits[c->n++].row = i;
		}
	}
}

static int
cal_day_fill(struct tmpl_dict *c, const struct cal_day *day, long long count)
{
	for (int i = 0; i < day->n; i++) {
		struct tmpl_dict	*a = tmpl_section(c, "AUDIT");
		const PGresult		*res = day->audits[i].res;
		int			 row = day->audits[i].row;

		if (a == NULL)
			return 500;
		tmpl_set(a, "AUDIT_ID", PQgetvalue(res, row, C_ID));
		tmpl_set(a, "ORG", PQgetvalue(res, row, C_ORG));
		tmpl_set(a, "STATE_CODE", PQgetvalue(res, row, C_STATE));
		if (db_bool(res, row, C_FLAG))
			tmpl_show(a, "MINE");
	}
	if (day->n == 0)
		tmpl_show(c, "FREE");
	/* The day's count is the snapshot's: it may lag the list by a minute. */
	if (count > day->n)
		section_set_int(c, "MORE_AUDITS", "MORE", count - day->n);
	return 0;
}

/* The calendar: weeks from this one's Monday, a cell per day with its audits. */
static int
calendar_fill(struct req *r, struct tmpl_dict *d, const PGresult *mine,
    const struct figures *f, const char *today)
{
	static const char *const isodays[7] = { "1", "2", "3", "4", "5", "6", "7" };
	struct cal_day	days[CALENDAR_DAYS];
	char		dates[CALENDAR_DAYS][11];
	const char	*weekdays[7];
	char		monday[11];
	int		year, week, weekday;

	if (!date_iso_week(today, &year, &week, &weekday) ||
	    !date_add_days(today, 1 - weekday, monday))
		return 500;
	for (int i = 0; i < CALENDAR_DAYS; i++)
		if (!date_add_days(monday, i, dates[i]))
			return 500;
	for (int i = 0; i < 7; i++)
		weekdays[i] = view_label(r, "dashboard.weekday.", isodays[i]);
	memset(days, 0, sizeof(days));
	cal_add(days, dates, mine, "mine");
	cal_add(days, dates, f->res, "audit");
	for (int w = 0; w < CALENDAR_WEEKS; w++) {
		struct tmpl_dict	*wk = tmpl_section(d, "WEEK");
		const char		*first = dates[w * 7], *last = dates[w * 7 + 6];

		if (wk == NULL || !date_iso_week(first, &year, &week, &weekday))
			return 500;
		tmpl_set_int(wk, "WEEK", week);
		tmpl_set(wk, "FIRST", first + 5);
		tmpl_set(wk, "LAST", last + 5);
		for (int i = 0; i < 7; i++) {
			struct tmpl_dict	*c = tmpl_section(wk, "CAL_DAY");
			const char		*date = dates[w * 7 + i];

			if (c == NULL)
				return 500;
			tmpl_set(c, "DATE", date);
			tmpl_set(c, "LABEL", arena_printf(r->arena, "%s %s", weekdays[i], date + 5));
			if (strcmp(date, today) == 0)
				tmpl_show(c, "TODAY");
			else if (strcmp(date, today) < 0)
				tmpl_show(c, "PAST");
			if (cal_day_fill(c, &days[w * 7 + i],
			    figure(f, "cal_day", date, NULL)) != 0)
				return 500;
		}
	}
	return 0;
}

/* The monthly report to the regulator, due by the 10th: a reminder on days 1 to 10. */
static void
report_fill(struct tmpl_dict *d, const char *today)
{
	char		 month[8], due[11];
	struct tmpl_dict *s;

	if (date_report_due(today, month, due) && (s = tmpl_section(d, "REPORT")) != NULL) {
		tmpl_set(s, "MONTH", month);
		tmpl_set(s, "DUE", due);
	}
}

/* The statements of what waits for a staff member, by role. */
static const struct {
	unsigned	 role;
	enum stmt	 stmt;
} waiting[] = {
	{ ROLE_REVIEWER, STMT_DASHBOARD_REVIEWER },
	{ ROLE_AUDITOR, STMT_DASHBOARD_AUDITOR },
	{ ROLE_EVALUATOR, STMT_DASHBOARD_EVALUATOR },
	{ ROLE_SUPERVISOR, STMT_DASHBOARD_SUPERVISOR },
};
#define WAITING_COUNT	(sizeof(waiting) / sizeof(waiting[0]))

/* What waits for r's user, a result per role (NULL for the roles it lacks); 0 or a status. */
static int
waiting_rows(struct req *r, PGresult *live[WAITING_COUNT])
{
	char		 user[DB_INT_BUF], review[DB_INT_BUF];
	const char	*p[2] = {
		db_int(user, r->user->id), db_int(review, settings_long("review_overdue_days")),
	};
	enum db_status	 st;

	for (size_t i = 0; i < WAITING_COUNT; i++)
		if ((r->user->roles & waiting[i].role) &&
		    (live[i] = db_query(waiting[i].stmt, p, &st)) == NULL)
			return db_status_http(st);
	return 0;
}

static int
waiting_fill(struct req *r, struct tmpl_dict *d, PGresult *live[WAITING_COUNT],
    const struct figures *f)
{
	struct tmpl_dict	*w = tmpl_section(d, "PANEL_WAITING");
	int			 shown = 0, n;

	if (w == NULL)
		return 500;
	for (size_t i = 0; i < WAITING_COUNT; i++) {
		if (live[i] == NULL)
			continue;
		if ((n = lists_fill(r, w, live[i], "wait", f, WAIT_ROWS)) < 0)
			return 500;
		shown += n;
	}
	if (shown == 0)
		tmpl_show(w, "NOTHING_WAITING");
	return 0;
}

/* What the parts of the staff dashboard made from the snapshot are made of. */
struct shared {
	const struct figures	*f;
	const PGresult		*mine;	/* the user's audits on the calendar, or NULL */
	char			 today[11];
};

static int
stages_part(struct req *r, struct tmpl_dict *d, void *arg)
{
	const struct shared *sh = arg;

	stages_fill(r, d, sh->f);
	tmpl_set(d, "AS_OF", sh->f->as_of_time);
	return 0;
}

static int
late_part(struct req *r, struct tmpl_dict *d, void *arg)
{
	const struct shared	*sh = arg;
	int			 n;

	if ((n = lists_fill(r, d, sh->f->res, "late", sh->f, LATE_ROWS)) < 0)
		return 500;
	if (n == 0)
		tmpl_show(d, "NOTHING_LATE");
	if (r->user->roles & (ROLE_REVIEWER | ROLE_SUPERVISOR))
		section_set_int(d, "LATE_NOTE", "REVIEW_DAYS", settings_long("review_overdue_days"));
	tmpl_set(d, "AS_OF", sh->f->as_of_time);
	return 0;
}

static int
calendar_part(struct req *r, struct tmpl_dict *d, void *arg)
{
	const struct shared *sh = arg;

	tmpl_set(d, "AS_OF", sh->f->as_of_time);
	return calendar_fill(r, d, sh->mine, sh->f, sh->today);
}

static int
figures_part(struct req *r, struct tmpl_dict *d, void *arg)
{
	const struct shared *sh = arg;

	tmpl_set(d, "AS_OF", arena_printf(r->arena, "%s %s", sh->f->as_of_day,
	    sh->f->as_of_time));
	return charts_fill(r, d, sh->f, sh->today);
}

/*
 * A part made from the snapshot: kept by the view per snapshot, day and
 * what of it the user's roles show (variant), unless it holds the user's
 * own (own: filled for this request alone).
 */
static int
shared_part(struct req *r, struct tmpl_dict *d, const char *name, const char *page,
    const char *variant, bool own, view_fill_fn fill, struct shared *sh)
{
	struct tmpl_dict	*inc;
	const char		*key;

	if (own) {
		key = arena_printf(r->arena, "%s/%s", lang_code(r->lang), page);
		if (key == NULL || (inc = tmpl_include(d, name, key)) == NULL)
			return 500;
		return fill(r, inc, sh);
	}
	if ((key = arena_printf(r->arena, "%s|%s|%s", sh->f->key, sh->today, variant)) == NULL)
		return 500;
	return view_cached_include(r, d, name, page, key, fill, sh);
}

static int
staff_dashboard(struct req *r, struct tmpl_dict *d)
{
	const unsigned	 roles = r->user->roles;
	const unsigned	 workers = ROLE_REVIEWER | ROLE_AUDITOR | ROLE_EVALUATOR | ROLE_SUPERVISOR;
	const unsigned	 late = ROLE_REVIEWER | ROLE_AUDITOR | ROLE_SUPERVISOR;
	PGresult	*live[WAITING_COUNT] = { NULL };
	const PGresult	*snapshot;
	struct figures	 f;
	struct shared	 sh = { &f, NULL, "" };
	enum db_status	 st;
	const char	*variant;
	int		 status, mine_first = 0, mine_end = 0;

	date_today(sh.today);
	if ((snapshot = figures_current(&st)) == NULL)
		return db_status_http(st);
	figures_read(&f, snapshot);
	if ((status = waiting_rows(r, live)) != 0)
		goto out;
	/* An auditor's own audits mark the calendar: then it is theirs alone. */
	for (size_t i = 0; i < WAITING_COUNT; i++)
		if (waiting[i].role == ROLE_AUDITOR && live[i] != NULL) {
			sh.mine = live[i];
			rows_of(sh.mine, "cal", "mine", &mine_first, &mine_end);
		}
	/* Which overdue lists the roles show, and with which setting. */
	variant = arena_printf(r->arena, "%u|%ld", roles & late,
	    settings_long("review_overdue_days"));
	if (variant == NULL) {
		status = 500;
		goto out;
	}
	if (((roles & workers) && (status = waiting_fill(r, d, live, &f)) != 0) ||
	    (status = shared_part(r, d, "STAGES", "dashboard_stages", "", false,
	    stages_part, &sh)) != 0 ||
	    ((roles & late) && (status = shared_part(r, d, "LATE", "dashboard_late",
	    variant, false, late_part, &sh)) != 0) ||
	    ((roles & workers) && (status = shared_part(r, d, "CALENDAR",
	    "dashboard_calendar", "", mine_first < mine_end, calendar_part, &sh)) != 0) ||
	    ((roles & (ROLE_SUPERVISOR | ROLE_ADMIN)) && (status = shared_part(r, d,
	    "FIGURES", "dashboard_figures", "", false, figures_part, &sh)) != 0))
		goto out;
	if (roles & ROLE_SUPERVISOR)
		report_fill(d, sh.today);
	if (roles & ROLE_ADMIN)
		tmpl_show(d, "ADMIN_LINKS");
out:
	for (size_t i = 0; i < WAITING_COUNT; i++)
		PQclear(live[i]);
	return status;
}

/* An applicant: what waits for the organization, its applications and certificates. */
static int
applicant_todo(struct req *r, struct tmpl_dict *d, const char *org)
{
	const char	*p[1] = { org };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_DASHBOARD_APPLICANT, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict	*t = tmpl_section(d, "TODO"), *k;
		const char		*kind = PQgetvalue(res, i, 0);
		const char		*extra = PQgetvalue(res, i, 7);
		long long		 n = db_long(res, i, 5);
		bool			 late = db_bool(res, i, 6);

		/* A section per kind (TODO_nc...), holding everything it shows. */
		if (t == NULL || (k = tmpl_section(t, arena_printf(r->arena, "TODO_%s",
		    kind))) == NULL)
			break;
		if (late)
			tmpl_show(t, "LI_OVERDUE");
		tmpl_set(k, "ID", PQgetvalue(res, i, 1));
		tmpl_set(k, "LINK", PQgetvalue(res, i, 2));
		tmpl_set(k, "DAY", PQgetvalue(res, i, 4));
		tmpl_set_int(k, "DAYS", n < 0 ? -n : n);
		tmpl_set_int(k, "N", n);
		tmpl_set(k, "KIND", view_label(r, strcmp(kind, "nc") == 0 ? "nc.severity." :
		    strcmp(kind, "confirm") == 0 ? "audit.kind." : "application.kind.", extra));
		tmpl_set(k, "SEVERITY_CODE", extra);
		tmpl_set(k, "NOTE", PQgetvalue(res, i, 8));
		tmpl_show(k, late ? "OVERDUE" : "IN_TIME");
	}
	if (PQntuples(res) == 0)
		tmpl_show(d, "NOTHING_TO_DO");
	PQclear(res);
	return 0;
}

static int
applicant_applications(struct req *r, struct tmpl_dict *d, const char *org)
{
	const char	*p[1] = { org };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_APPLICATIONS_OF_ORGANIZATION, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res) && i < APPLICANT_APPS; i++) {
		struct tmpl_dict	*a = tmpl_section(d, "MY_APPLICATIONS");
		const char		*state = PQgetvalue(res, i, 2);

		if (a == NULL)
			break;
		tmpl_set(a, "ID", PQgetvalue(res, i, 0));
		tmpl_set(a, "STATE", view_label(r, "application.state.", state));
		tmpl_set(a, "STATE_CODE", state);
		tmpl_set(a, "NEXT", view_label(r, "application.next.", state));
	}
	if (PQntuples(res) == 0)
		tmpl_show(d, "NO_APPLICATIONS");
	else if (PQntuples(res) > APPLICANT_APPS)
		tmpl_show(d, "MORE_APPLICATIONS");
	PQclear(res);
	return 0;
}

static int
applicant_certificates(struct req *r, struct tmpl_dict *d, const char *org)
{
	/* The certificate list's statement: the organization, no other filter. */
	const char	*p[CERT_FILTER_PARAMS] = { org };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_CERTIFICATES_LIST, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res) && i < APPLICANT_CERTS; i++) {
		struct tmpl_dict	*c = tmpl_section(d, "MY_CERTS");
		const char		*status = PQgetvalue(res, i, 4);

		if (c == NULL)
			break;
		/* A valid certificate past its expiry date reads as expired. */
		if (strcmp(status, "valid") == 0 && db_bool(res, i, 7))
			status = "expired";
		tmpl_set(c, "CERT_ID", PQgetvalue(res, i, 0));
		tmpl_set(c, "CERT_NUMBER", PQgetvalue(res, i, 1));
		tmpl_set(c, "LEVEL_CODE", PQgetvalue(res, i, 3));
		tmpl_set(c, "LEVEL", view_label(r, "level.", PQgetvalue(res, i, 3)));
		tmpl_set(c, "CERT_STATUS_CODE", status);
		tmpl_set(c, "CERT_STATUS", view_label(r, "certificate.status.", status));
		tmpl_set(c, "EXPIRY_DATE", PQgetvalue(res, i, 6));
		tmpl_set(c, "SURVEILLANCE_DUE", db_value(res, i, 8) != NULL ?
		    PQgetvalue(res, i, 8) : "\xe2\x80\x94");
	}
	if (PQntuples(res) > 0)
		tmpl_show(d, "HAS_CERTS");
	PQclear(res);
	return 0;
}

static int
applicant_dashboard(struct req *r, struct tmpl_dict *d)
{
	char		 org[DB_INT_BUF];
	struct tmpl_dict *a = tmpl_section(d, "APPLICANT");
	int		 status;

	if (a == NULL)
		return 500;
	db_int(org, r->user->organization_id);
	if ((status = applicant_todo(r, a, org)) != 0 ||
	    (status = applicant_applications(r, a, org)) != 0)
		return status;
	return applicant_certificates(r, a, org);
}

int
page_dashboard(struct req *r)
{
	struct tmpl_dict	*d;
	int			 status;

	r->private_page = true;
	if ((d = view_page(r, "dashboard", "dashboard.title")) == NULL)
		return 500;
	tmpl_set(d, "NAME", r->user->name);
	view_roles(r, d, r->user->roles);
	view_done(r, "dashboard.done");
	status = r->user->roles & ROLE_APPLICANT ? applicant_dashboard(r, d) :
	    staff_dashboard(r, d);
	return status != 0 ? status : view_render(r, 200);
}
