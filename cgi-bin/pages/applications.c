/* applications.c: an application for certification: list, create, the application page, save, submit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/date.h"
#include "../domain/intake.h"
#include "../domain/mandays.h"
#include "../domain/roles.h"
#include "../domain/workflow.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define MATERIALS_MAX	128
#define CATEGORIES_MAX	64
#define INDICATORS	15

int
application_find(struct req *r, int64_t id, struct application *a)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, id) };
	PGresult	*res;
	enum db_status	 st;
	int		 state;

	if ((res = db_query(STMT_APPLICATION_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	memset(a, 0, sizeof(*a));
	a->id = db_long(res, 0, 0);
	a->organization_id = db_long(res, 0, 1);
	a->kind = arena_strdup(r->arena, PQgetvalue(res, 0, 2));
	state = app_state_parse(PQgetvalue(res, 0, 3));
	a->scope = arena_strdup(r->arena, PQgetvalue(res, 0, 4));
	a->sales = arena_strdup(r->arena, PQgetvalue(res, 0, 5));
	a->delivery = arena_strdup(r->arena, PQgetvalue(res, 0, 6));
	a->funding = arena_strdup(r->arena, PQgetvalue(res, 0, 7));
	a->version = (int)db_long(res, 0, 8);
	a->created = arena_strdup(r->arena, PQgetvalue(res, 0, 9));
	a->submitted = arena_strdup(r->arena, PQgetvalue(res, 0, 10));
	a->organization = arena_strdup(r->arena, PQgetvalue(res, 0, 11));
	a->credit_code = arena_strdup(r->arena, PQgetvalue(res, 0, 12));
	a->reviewer_id = db_long(res, 0, 13);
	a->reviewer = arena_strdup(r->arena, PQgetvalue(res, 0, 14));
	a->round = (int)db_long(res, 0, 15);
	PQclear(res);
	if (state < 0)
		return 500;
	a->state = (enum app_state)state;
	/* Another organization's application answers exactly like a missing
	 * one; staff see applications once they are submitted. */
	if (r->user->roles & ROLE_APPLICANT) {
		if (a->organization_id != r->user->organization_id)
			return 404;
	} else if (a->state == APP_DRAFT)
		return 404;
	return 0;
}

int
application_lock_editable(struct req *r, int64_t id, int64_t material_id)
{
	char		 aid[DB_INT_BUF], oid[DB_INT_BUF];
	const char	*p[2] = { db_int(aid, id), db_int(oid, r->user->organization_id) };
	PGresult	*res;
	enum db_status	 st;
	int		 state;
	bool		 flagged = false;

	if ((res = db_query(STMT_APPLICATION_LOCK, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	state = app_state_parse(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (state >= 0 && material_id != 0 &&
	    app_applicant_may_supplement((enum app_state)state)) {
		if ((res = db_query(STMT_SUPPLEMENT_ITEMS_CURRENT, p, &st)) == NULL)
			return db_status_http(st);
		for (int i = 0; i < PQntuples(res); i++)
			flagged = flagged || db_long(res, i, 0) == material_id;
		PQclear(res);
	}
	if (state < 0 || (!app_applicant_may_edit((enum app_state)state) && !flagged))
		return view_error(r, 409, "application.not_editable");
	return 0;
}

/* The applicant's list of applications, or the staff list of submitted ones (filtered). */
int
page_applications(struct req *r)
{
	struct tmpl_dict	*d;
	struct app_filter	 f;
	PGresult		*res;
	enum db_status		 st;
	char			 id[DB_INT_BUF], before_s[DB_INT_BUF];
	const char		*p[APP_FILTER_PARAMS + 1];
	int64_t			 before;
	int			 n, status;

	r->private_page = true;
	if (req_int(r, "before", false, 0, INT64_MAX, &before) != FIELD_OK)
		return 400;
	if ((r->user->roles & ROLE_APPLICANT) == 0 &&
	    (status = app_filter_parse(r, APP_LIST_STAFF, &f)) != 0)
		return status;
	if ((d = view_page(r, "applications", (r->user->roles & ROLE_APPLICANT) ?
	    "applications.title" : "applications.staff_title")) == NULL)
		return 500;
	if (r->user->roles & ROLE_APPLICANT) {
		const char *q[1] = { db_int(id, r->user->organization_id) };

		tmpl_show(d, "APPLICANT");
		tmpl_set(d, "EXPORT_CSV", "/applications/export.csv");
		tmpl_set(d, "EXPORT_XLSX", "/applications/export.xlsx");
		if ((res = db_query(STMT_APPLICATIONS_OF_ORGANIZATION, q, &st)) == NULL)
			return db_status_http(st);
		for (int i = 0; i < PQntuples(res); i++) {
			struct tmpl_dict *row = tmpl_section(d, "OWN");

			if (row == NULL)
				break;
			tmpl_set(row, "ID", PQgetvalue(res, i, 0));
			tmpl_set(row, "KIND", view_label(r, "application.kind.", PQgetvalue(res, i, 1)));
			tmpl_set(row, "STATE", view_label(r, "application.state.", PQgetvalue(res, i, 2)));
			tmpl_set(row, "STATE_CODE", PQgetvalue(res, i, 2));
			tmpl_set(row, "NEXT", view_label(r, "application.next.", PQgetvalue(res, i, 2)));
			tmpl_set(row, "CREATED", PQgetvalue(res, i, 3));
			tmpl_set(row, "SUBMITTED", PQgetvalue(res, i, 4));
		}
		if (PQntuples(res) == 0)
			tmpl_show(d, "NO_APPLICATIONS");
		PQclear(res);
		return view_render(r, 200);
	}

	tmpl_show(d, "STAFF");
	app_filter_fill(r, d, &f);
	app_filter_params(r, &f, p, id);
	p[APP_FILTER_PARAMS] = before > 0 ? db_int(before_s, before) : NULL;
	if ((res = db_query(STMT_APPLICATIONS_SUBMITTED, p, &st)) == NULL)
		return db_status_http(st);
	n = PQntuples(res);
	for (int i = 0; i < n && i < DB_PAGE_ROWS; i++) {
		struct tmpl_dict *row = tmpl_section(d, "SUBMITTED_LIST");

		if (row == NULL)
			break;
		tmpl_set(row, "ID", PQgetvalue(res, i, 0));
		tmpl_set(row, "KIND", view_label(r, "application.kind.", PQgetvalue(res, i, 1)));
		tmpl_set(row, "STATE", view_label(r, "application.state.", PQgetvalue(res, i, 2)));
		tmpl_set(row, "STATE_CODE", PQgetvalue(res, i, 2));
		tmpl_set(row, "ORGANIZATION", PQgetvalue(res, i, 3));
		tmpl_set(row, "CREDIT_CODE", PQgetvalue(res, i, 4));
		tmpl_set(row, "SUBMITTED", PQgetvalue(res, i, 5));
	}
	if (n == 0)
		tmpl_show(d, "NO_APPLICATIONS");
	if (n > DB_PAGE_ROWS) {
		struct tmpl_dict	*next = tmpl_section(d, "NEXT_PAGE");
		const char		*q = app_filter_query(r, &f);

		if (next != NULL)
			tmpl_set(next, "NEXT_URL", arena_printf(r->arena, "/applications%s%sbefore=%s",
			    q, *q != '\0' ? "&" : "?", PQgetvalue(res, DB_PAGE_ROWS - 1, 0)));
	}
	PQclear(res);
	return view_render(r, 200);
}

const char *
recertification_problem(struct req *r, int64_t organization_id, int64_t application_id)
{
	char		 oid[DB_INT_BUF], days[DB_INT_BUF], today[11], aid[DB_INT_BUF];
	const char	*p[4] = { db_int(oid, organization_id),
			    db_int(days, settings_long("recertification_window_days")), today,
			    application_id != 0 ? db_int(aid, application_id) : NULL };
	PGresult	*res;
	enum db_status	 st;
	const char	*problem = NULL;

	date_today(today);
	if ((res = db_query_rows(STMT_RECERTIFICATION_FACTS, p, 1, 1, &st)) == NULL)
		return "error.500.text";
	if (db_long(res, 0, 1) > 0)
		problem = "recertification.in_progress";
	else if (db_long(res, 0, 0) == 0)
		problem = "recertification.not_in_window";
	PQclear(res);
	(void)r;
	return problem;
}

int
page_application_create_post(struct req *r)
{
	bool		 dup;
	const char	*kind = req_param(r, "kind", &dup), *p[3];
	char		 oid[DB_INT_BUF], uid[DB_INT_BUF];
	PGresult	*res;
	enum db_status	 st;
	int64_t		 id;

	if (kind == NULL || dup || (strcmp(kind, "initial") != 0 &&
	    strcmp(kind, "recertification") != 0))
		return 400;
	if (strcmp(kind, "recertification") == 0) {
		const char *why = recertification_problem(r, r->user->organization_id, 0);

		if (why != NULL)
			return view_error(r, 422, why);
	}
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(oid, r->user->organization_id);
	p[1] = kind;
	p[2] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_APPLICATION_INSERT, p, 1, 1, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	id = db_long(res, 0, 0);
	PQclear(res);
	if ((st = db_event(r->user->id, "application", id, "application.created",
	    NULL, "draft", kind, r->remote_addr)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld", (long long)id));
}

/* The rules for man-days from the settings. */
static void
mandays_rules_load(struct mandays_rules *m)
{
	m->sample_permille[AUDIT_INITIAL] = (int)settings_long("mandays_sample_initial_permille");
	m->sample_permille[AUDIT_SURVEILLANCE] = (int)settings_long("mandays_sample_surveillance_permille");
	m->sample_permille[AUDIT_RECERTIFICATION] = (int)settings_long("mandays_sample_recertification_permille");
	m->base_halfdays = (int)settings_long("mandays_base_halfdays");
	m->per_outlet_halfdays = (int)settings_long("mandays_per_outlet_halfdays");
	m->per_extra_category_halfdays = (int)settings_long("mandays_per_extra_category_halfdays");
}

const char *
mandays_text(struct req *r, int halfdays)
{
	return arena_printf(r->arena, "%d%s", halfdays / 2, halfdays % 2 ? ".5" : "");
}

/* The estimate for an audit of this type, fixed outlets and categories; -1 when the rules are out of range. */
static int
estimate_halfdays(enum audit_type type, int fixed, int categories)
{
	struct mandays_rules	rules;
	struct mandays_estimate	e;

	mandays_rules_load(&rules);
	if (mandays_estimate(&rules, type, fixed, categories, &e) != 0)
		return -1;
	return e.halfdays;
}

int
application_estimate(struct req *r, const struct application *a, int *halfdays)
{
	return application_estimate_as(r, a, strcmp(a->kind, "recertification") == 0 ?
	    AUDIT_RECERTIFICATION : AUDIT_INITIAL, halfdays);
}

int
application_estimate_as(struct req *r, const struct application *a, enum audit_type type,
    int *halfdays)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*res;
	enum db_status	 st;

	(void)r;
	if ((res = db_query_rows(STMT_APPLICATION_SIZE, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	*halfdays = estimate_halfdays(type, (int)db_long(res, 0, 0), (int)db_long(res, 0, 1));
	PQclear(res);
	return *halfdays < 0 ? 500 : 0;
}

/* "60 B", "12.3 KB", "4.5 MB". */
static const char *
size_text(struct req *r, long long bytes)
{
	if (bytes < 1024)
		return arena_printf(r->arena, "%lld B", bytes);
	if (bytes < 1024 * 1024)
		return arena_printf(r->arena, "%.1f KB", (double)bytes / 1024.0);
	return arena_printf(r->arena, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
}

/* Outlets: rows and counts. */
static int
fill_outlets(struct req *r, struct tmpl_dict *d, const struct application *a,
    bool editable, int *fixed, int *total)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_OUTLETS_LIST, p, &st)) == NULL)
		return db_status_http(st);
	*total = PQntuples(res);
	*fixed = 0;
	for (int i = 0; i < *total; i++) {
		struct tmpl_dict *o = tmpl_section(d, "OUTLETS");

		if (o == NULL)
			break;
		tmpl_set(o, "OUTLET_ID", PQgetvalue(res, i, 0));
		tmpl_set(o, "NAME", PQgetvalue(res, i, 1));
		tmpl_set(o, "ADDRESS", PQgetvalue(res, i, 2));
		tmpl_set(o, "CITY", PQgetvalue(res, i, 3));
		tmpl_set(o, "KIND", view_label(r, "outlet.kind.", PQgetvalue(res, i, 4)));
		tmpl_set(o, "STAFF", PQgetvalue(res, i, 5));
		tmpl_set(o, "OPERATOR", view_label(r, "outlet.operator.", PQgetvalue(res, i, 6)));
		if (strcmp(PQgetvalue(res, i, 4), "fixed") == 0)
			(*fixed)++;
		if (editable)
			tmpl_show(o, "EDITABLE");
	}
	tmpl_set_int(d, "OUTLET_COUNT", *total);
	if (*total == 0)
		tmpl_show(d, "NO_OUTLETS");
	PQclear(res);
	return 0;
}

/* Materials with their files; fills m[] for the completeness check. */
static int
fill_materials(struct req *r, struct tmpl_dict *d, const struct application *a,
    bool editable, const struct material_review *mr, struct intake_material *m,
    const char **codes, const char **titles, size_t *nm)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*mat, *docs;
	enum db_status	 st;
	int		 ndocs, last_group = 0;
	long		 upload_mb = settings_long("upload_max_mb");

	if ((mat = db_query(STMT_MATERIALS_LIST, NULL, &st)) == NULL)
		return db_status_http(st);
	if ((docs = db_query(STMT_DOCUMENTS_OF_APPLICATION, p, &st)) == NULL) {
		PQclear(mat);
		return db_status_http(st);
	}
	ndocs = PQntuples(docs);
	*nm = 0;
	for (int i = 0; i < PQntuples(mat) && *nm < MATERIALS_MAX; i++) {
		struct tmpl_dict	*s = tmpl_section(d, "MATERIALS");
		const char		*mid = PQgetvalue(mat, i, 0);
		const char		*req = PQgetvalue(mat, i, 5);
		int			 group = (int)db_long(mat, i, 2), files = 0;
		const char		*newest = NULL;
		bool			 flagged = false;
		char			 key[48];

		if (s == NULL)
			break;
		if (group != last_group) {
			struct tmpl_dict *g = tmpl_section(s, "GROUP");

			snprintf(key, sizeof(key), "material.group.%d", group);
			if (g != NULL)
				tmpl_set(g, "GROUP_TITLE", view_text(r, key));
			last_group = group;
		}
		tmpl_set(s, "MATERIAL_ID", mid);
		tmpl_set(s, "CODE", PQgetvalue(mat, i, 1));
		tmpl_set(s, "TITLE", PQgetvalue(mat, i, r->lang == LANG_ZH ? 3 : 4));
		if (PQgetvalue(mat, i, r->lang == LANG_ZH ? 6 : 7)[0] != '\0') {
			struct tmpl_dict *h = tmpl_section(s, "HAS_HELP");

			if (h != NULL)
				tmpl_set(h, "HELP", PQgetvalue(mat, i, r->lang == LANG_ZH ? 6 : 7));
		}
		tmpl_set(s, "REQUIREMENT", view_label(r, "material.requirement.", req));
		tmpl_set(s, "REQUIREMENT_CODE", req);
		for (int k = 0; k < ndocs; k++) {
			struct tmpl_dict *f;

			if (strcmp(PQgetvalue(docs, k, 1), mid) != 0)
				continue;
			if ((f = tmpl_section(s, "FILES")) == NULL)
				break;
			tmpl_set(f, "DOCUMENT_ID", PQgetvalue(docs, k, 0));
			tmpl_set(f, "VERSION", PQgetvalue(docs, k, 2));
			tmpl_set(f, "FILE_NAME", PQgetvalue(docs, k, 3));
			tmpl_set(f, "SIZE", size_text(r, db_long(docs, k, 5)));
			tmpl_set(f, "UPLOADED", PQgetvalue(docs, k, 6));
			tmpl_set(f, "UPLOADER", PQgetvalue(docs, k, 7));
			if (document_viewable(PQgetvalue(docs, k, 4)))
				tmpl_show(f, "VIEWABLE");
			if (newest == NULL)
				newest = PQgetvalue(docs, k, 0);
			if (editable)
				tmpl_show(f, "DELETABLE");
			files++;
		}
		if (files == 0)
			tmpl_show(s, "NO_FILES");
		if (mr != NULL)
			flagged = material_review_fill(r, s, mr, mid, newest);
		if (editable || flagged) {
			struct tmpl_dict *u = tmpl_section(s, "UPLOAD");

			if (u != NULL) {
				tmpl_set(u, "APP_ID", arena_printf(r->arena, "%lld",
				    (long long)a->id));
				tmpl_set_int(u, "MAX_MB", upload_mb);
			}
		}
		m[*nm].required = strcmp(req, "required") == 0;
		m[*nm].files = files;
		codes[*nm] = arena_strdup(r->arena, PQgetvalue(mat, i, 1));
		titles[*nm] = arena_strdup(r->arena, PQgetvalue(mat, i, r->lang == LANG_ZH ? 3 : 4));
		(*nm)++;
	}
	PQclear(docs);
	PQclear(mat);
	return 0;
}

/* Categories as checkboxes (or a list when read-only); returns how many are chosen. */
static int
fill_categories(struct req *r, struct tmpl_dict *d, const struct application *a,
    const char **chosen, size_t nchosen, int *count)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*all, *mine = NULL;
	enum db_status	 st;

	if ((all = db_query(STMT_CATEGORIES_LIST, NULL, &st)) == NULL)
		return db_status_http(st);
	if (chosen == NULL && (mine = db_query(STMT_APPLICATION_CATEGORIES, p, &st)) == NULL) {
		PQclear(all);
		return db_status_http(st);
	}
	*count = 0;
	for (int i = 0; i < PQntuples(all); i++) {
		const char	*cid = PQgetvalue(all, i, 0);
		bool		 on = false;
		struct tmpl_dict *c = tmpl_section(d, "CATEGORIES");

		if (c == NULL)
			break;
		if (chosen != NULL) {
			for (size_t k = 0; k < nchosen; k++)
				on = on || strcmp(chosen[k], cid) == 0;
		} else
			for (int k = 0; k < PQntuples(mine); k++)
				on = on || strcmp(PQgetvalue(mine, k, 0), cid) == 0;
		tmpl_set(c, "CATEGORY_ID", cid);
		tmpl_set(c, "CATEGORY_NAME", PQgetvalue(all, i, r->lang == LANG_ZH ? 2 : 3));
		if (on) {
			tmpl_show(c, "CHECKED");
			(*count)++;
		}
	}
	PQclear(mine);
	PQclear(all);
	return 0;
}

/* Indicators with the exclusions: from the form when given, else stored. */
static int
fill_exclusions(struct req *r, struct tmpl_dict *d, const struct application *a,
    bool from_form)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*ind, *ex = NULL;
	enum db_status	 st;

	if ((ind = db_query(STMT_INDICATORS_LIST, NULL, &st)) == NULL)
		return db_status_http(st);
	if (!from_form && (ex = db_query(STMT_APPLICATION_EXCLUSIONS, p, &st)) == NULL) {
		PQclear(ind);
		return db_status_http(st);
	}
	for (int i = 0; i < PQntuples(ind); i++) {
		const char		*code = PQgetvalue(ind, i, 0);
		const char		*reason = NULL;
		struct tmpl_dict	*x = tmpl_section(d, "INDICATORS");

		if (x == NULL)
			break;
		if (from_form) {
			bool dup;
			char field[64];

			snprintf(field, sizeof(field), "exclude_%s", code);
			if (req_param(r, field, &dup) != NULL) {
				snprintf(field, sizeof(field), "reason_%s", code);
				reason = req_param(r, field, &dup);
				if (reason == NULL)
					reason = "";
			}
		} else
			for (int k = 0; k < PQntuples(ex); k++)
				if (strcmp(PQgetvalue(ex, k, 0), code) == 0)
					reason = PQgetvalue(ex, k, 1);
		tmpl_set(x, "INDICATOR", code);
		tmpl_set(x, "INDICATOR_NAME", PQgetvalue(ind, i, r->lang == LANG_ZH ? 2 : 3));
		tmpl_set(x, "GROUP_NAME", view_label(r, "indicator.group.", PQgetvalue(ind, i, 1)));
		if (reason != NULL) {
			struct tmpl_dict *e = tmpl_section(x, "EXCLUDED");

			tmpl_show(x, "CHECKED");
			tmpl_set(x, "REASON", reason);
			if (e != NULL)
				tmpl_set(e, "REASON", reason);
		}
	}
	PQclear(ex);
	PQclear(ind);
	return 0;
}

/* For staff: who holds the application, and taking or assigning it. */
static int
fill_review(struct req *r, struct tmpl_dict *d, const struct application *a)
{
	struct tmpl_dict		*rv = tmpl_section(d, "REVIEW");
	const struct app_transition	*take = app_transition(APP_TAKE, a->state);
	PGresult			*res;
	enum db_status			 st;

	if (rv == NULL)
		return 500;
	tmpl_set_int(rv, "ROUND", a->round);
	if (a->reviewer[0] != '\0') {
		struct tmpl_dict *h = tmpl_section(rv, "HELD");

		if (h != NULL)
			tmpl_set(h, "REVIEWER", a->reviewer);
	} else
		tmpl_show(rv, "UNHELD");
	if (take != NULL && (take->roles & r->user->roles))
		tmpl_show(rv, "TAKE");
	if ((r->user->roles & ROLE_SUPERVISOR) && app_in_queue(a->state)) {
		struct tmpl_dict *as = tmpl_section(rv, "ASSIGN");

		if (as == NULL || (res = db_query(STMT_REVIEWERS_LIST, NULL, &st)) == NULL)
			return as == NULL ? 500 : db_status_http(st);
		for (int i = 0; i < PQntuples(res); i++) {
			struct tmpl_dict *o = tmpl_section(as, "REVIEWERS");

			if (o == NULL)
				break;
			tmpl_set(o, "REVIEWER_ID", PQgetvalue(res, i, 0));
			tmpl_set(o, "REVIEWER_NAME", PQgetvalue(res, i, 1));
			tmpl_set(o, "REVIEWER_EMAIL", PQgetvalue(res, i, 2));
			if (db_long(res, i, 0) == a->reviewer_id)
				tmpl_show(o, "SELECTED");
		}
		PQclear(res);
	}
	return 0;
}

int
application_page(struct req *r, const struct application *a,
    struct tmpl_dict *d, bool from_form)
{
	bool			 editable = (r->user->roles & ROLE_APPLICANT) &&
				    app_applicant_may_edit(a->state);
	bool			 details_from_form = from_form && editable;
	struct material_review	 mr;
	struct intake_material	 m[MATERIALS_MAX];
	const char		*codes[MATERIALS_MAX], *titles[MATERIALS_MAX];
	const char		*chosen[CATEGORIES_MAX];
	size_t			 nm = 0, nchosen = 0;
	int			 fixed = 0, total = 0, ncat = 0, status;
	struct intake_facts	 facts;
	struct intake_problem	 problems[MATERIALS_MAX + 8];
	size_t			 np;

	r->private_page = true;
	if (d == NULL && (d = view_page(r, "application", "application.title")) == NULL)
		return 500;
	tmpl_set(d, "ID", arena_printf(r->arena, "%lld", (long long)a->id));
	tmpl_set(d, "ORGANIZATION", a->organization);
	tmpl_set(d, "CREDIT_CODE", a->credit_code);
	tmpl_set(d, "STATE", view_label(r, "application.state.", app_state_name(a->state)));
	tmpl_set(d, "STATE_CODE", app_state_name(a->state));
	tmpl_set(d, "KIND_LABEL", view_label(r, "application.kind.", a->kind));
	tmpl_set(d, "CREATED", a->created);
	tmpl_set(d, "SUBMITTED", a->submitted);
	tmpl_set_int(d, "VERSION", a->version);
	if (!details_from_form) {
		tmpl_set(d, "SCOPE", a->scope);
		tmpl_set(d, "SALES", a->sales);
		tmpl_set(d, "FUNDING", a->funding);
	}
	{
		const char	*kind = a->kind, *mode = a->delivery, *v;
		bool		 dup;

		if (details_from_form && (v = req_param(r, "kind", &dup)) != NULL)
			kind = v;
		tmpl_show(d, strcmp(kind, "recertification") == 0 ?
		    "KIND_RECERTIFICATION" : "KIND_INITIAL");
		if (details_from_form && (mode = req_param(r, "delivery_mode", &dup)) == NULL)
			mode = "";
		if (*mode != '\0') {
			char sec[48];

			snprintf(sec, sizeof(sec), "DELIVERY_%s", mode);
			for (char *c = sec; *c != '\0'; c++)
				if (*c >= 'a' && *c <= 'z')
					*c = (char)(*c - 'a' + 'A');
			tmpl_show(d, sec);
			tmpl_set(d, "DELIVERY_LABEL", view_label(r, "application.delivery.", mode));
		}
	}
	tmpl_show(d, editable ? "EDITABLE" : "READ_ONLY");

	if (details_from_form)
		nchosen = req_values(r, "category", chosen, CATEGORIES_MAX);
	if ((status = material_review_load(r, a, from_form, &mr)) != 0) {
		material_review_free(&mr);
		return status;
	}
	if ((status = fill_categories(r, d, a, details_from_form ? chosen : NULL,
	    nchosen > CATEGORIES_MAX ? CATEGORIES_MAX : nchosen, &ncat)) != 0 ||
	    (status = fill_exclusions(r, d, a, details_from_form)) != 0 ||
	    (status = fill_outlets(r, d, a, editable, &fixed, &total)) != 0 ||
	    (status = fill_materials(r, d, a, editable, &mr, m, codes, titles, &nm)) != 0) {
		material_review_free(&mr);
		return status;
	}
	material_review_free(&mr);
	if (a->state != APP_DRAFT && (status = review_history_fill(r, d, a)) != 0)
		return status;
	if ((r->user->roles & ROLE_APPLICANT) && app_applicant_may_supplement(a->state) &&
	    (status = supplement_fill(r, d, a, from_form, from_form)) != 0)
		return status;

	facts.scope = a->scope[0] != '\0';
	facts.sales = a->sales[0] != '\0';
	facts.delivery = a->delivery[0] != '\0';
	facts.funding = a->funding[0] != '\0';
	facts.categories = ncat;
	facts.outlets = total;
	facts.materials = m;
	facts.nmaterials = nm;
	np = intake_problems(&facts, problems, sizeof(problems) / sizeof(problems[0]));
	if (editable) {
		struct tmpl_dict *sub = tmpl_section(d, "SUBMIT");

		if (sub == NULL)
			return 500;
		for (size_t i = 0; i < np && i < sizeof(problems) / sizeof(problems[0]); i++) {
			static const char *const keys[GAP__MAX] = {
				[GAP_SCOPE] = "intake.gap.scope",
				[GAP_SALES] = "intake.gap.sales",
				[GAP_DELIVERY] = "intake.gap.delivery",
				[GAP_FUNDING] = "intake.gap.funding",
				[GAP_CATEGORY] = "intake.gap.category",
				[GAP_OUTLETS] = "intake.gap.outlets",
				[GAP_MATERIAL] = "intake.gap.material",
			};
			static const char *const anchors[GAP__MAX] = {
				[GAP_SCOPE] = "scope", [GAP_SALES] = "sales_channels",
				[GAP_DELIVERY] = "delivery", [GAP_FUNDING] = "funding",
				[GAP_CATEGORY] = "categories", [GAP_OUTLETS] = "outlets",
				[GAP_MATERIAL] = "materials",
			};
			struct tmpl_dict *g = tmpl_section(sub, "GAPS");

			if (g == NULL)
				break;
			tmpl_set(g, "TEXT", view_text(r, keys[problems[i].gap]));
			if (problems[i].gap == GAP_MATERIAL) {
				tmpl_set(g, "ANCHOR", arena_printf(r->arena, "material-%s",
				    codes[problems[i].material]));
				struct tmpl_dict *it = tmpl_section(g, "HAS_ITEM");

				if (it != NULL)
					tmpl_set(it, "ITEM", titles[problems[i].material]);
			} else
				tmpl_set(g, "ANCHOR", anchors[problems[i].gap]);
		}
		tmpl_show(sub, np == 0 ? "COMPLETE" : "INCOMPLETE");
		tmpl_set_int(sub, "GAP_COUNT", (long long)np);
	}
	if ((r->user->roles & ROLES_STAFF) && (status = fill_review(r, d, a)) != 0)
		return status;
	if (r->user->roles & ROLES_STAFF) {
		struct mandays_rules	 rules;
		struct mandays_estimate	 e;
		struct tmpl_dict	*s = tmpl_section(d, "ESTIMATE");

		mandays_rules_load(&rules);
		if (s != NULL && mandays_estimate(&rules, strcmp(a->kind,
		    "recertification") == 0 ? AUDIT_RECERTIFICATION : AUDIT_INITIAL,
		    fixed, ncat, &e) == 0) {
			tmpl_set_int(s, "FIXED", fixed);
			tmpl_set_int(s, "SAMPLE", e.sample_outlets);
			tmpl_set(s, "MANDAYS", mandays_text(r, e.halfdays));
			if (review_may_judge(r, a) &&
			    (status = review_decision_fill(r, d, a, from_form, e.halfdays)) != 0)
				return status;
		}
	}
	return 0;
}

int
page_application(struct req *r)
{
	struct application	 a;
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0 ||
	    (status = application_page(r, &a, NULL, false)) != 0)
		return status;
	view_done(r, "application.done");
	return view_render(r, 200);
}

int
page_application_save_post(struct req *r)
{
	struct application	 a;
	struct form		 f = { .r = r };
	const char		*kind, *scope, *sales, *mode, *funding, *p[7];
	const char		*cats[CATEGORIES_MAX];
	char			 aid[DB_INT_BUF], ver[DB_INT_BUF];
	int64_t			 version;
	size_t			 ncats;
	bool			 dup;
	PGresult		*res, *ind;
	enum db_status		 st;
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if (!app_applicant_may_edit(a.state))
		return view_error(r, 409, "application.not_editable");
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK)
		return 400;
	kind = req_param(r, "kind", &dup);
	if (kind == NULL || dup || (strcmp(kind, "initial") != 0 &&
	    strcmp(kind, "recertification") != 0))
		return 400;
	mode = req_param(r, "delivery_mode", &dup);
	if (dup || (mode != NULL && strcmp(mode, "direct") != 0 &&
	    strcmp(mode, "outsourced") != 0 && strcmp(mode, "mixed") != 0))
		return 400;
	if ((ncats = req_values(r, "category", cats, CATEGORIES_MAX)) > CATEGORIES_MAX)
		return 400;
	for (size_t i = 0; i < ncats; i++) {
		char *end;
		long v = strtol(cats[i], &end, 10);

		if (*end != '\0' || v <= 0 || v > 100000)
			return 400;
	}

	if ((f.d = view_page(r, "application", "application.title")) == NULL)
		return 500;
	scope = form_text(&f, "scope", "SCOPE", false, 2000);
	sales = form_text(&f, "sales_channels", "SALES", false, 2000);
	funding = form_text(&f, "funding_facilities", "FUNDING", false, 4000);
	/* An excluded indicator needs its reason. */
	if ((ind = db_query(STMT_INDICATORS_LIST, NULL, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(ind); i++) {
		char		 field[64];
		const char	*reason;

		snprintf(field, sizeof(field), "exclude_%s", PQgetvalue(ind, i, 0));
		if (req_param(r, field, &dup) == NULL)
			continue;
		snprintf(field, sizeof(field), "reason_%s", PQgetvalue(ind, i, 0));
		if (req_text(r, field, true, 1000, &reason) != FIELD_OK) {
			form_error(&f, "EXCLUSIONS", "application.exclusion_reason");
			break;
		}
	}
	if (f.errors > 0 || scope == NULL || sales == NULL || funding == NULL) {
		PQclear(ind);
		if ((status = application_page(r, &a, f.d, true)) != 0)
			return status;
		form_summary(&f);
		return view_render(r, 422);
	}

	if ((st = db_begin()) != DB_OK) {
		PQclear(ind);
		return db_status_http(st);
	}
	p[0] = db_int(aid, a.id);
	p[1] = db_int(ver, version);
	p[2] = kind;
	p[3] = scope;
	p[4] = sales;
	p[5] = mode != NULL ? mode : "";
	p[6] = funding;
	if ((res = db_query(STMT_APPLICATION_UPDATE, p, &st)) == NULL)
		goto db_fail;
	if (PQntuples(res) != 1) {
		/* Saved by someone else meanwhile (or submitted): show what is there now. */
		PQclear(res);
		PQclear(ind);
		db_rollback();
		if ((status = application_find(r, a.id, &a)) != 0 ||
		    (status = application_page(r, &a, NULL, false)) != 0)
			return status;
		tmpl_show(r->view_content, "CHANGED_MEANWHILE");
		return view_render(r, 409);
	}
	PQclear(res);
	PQclear(db_query(STMT_APPLICATION_CATEGORIES_CLEAR, p, &st));
	for (size_t i = 0; i < ncats && st == DB_OK; i++) {
		const char *q[2] = { p[0], cats[i] };

		PQclear(db_query(STMT_APPLICATION_CATEGORY_ADD, q, &st));
	}
	if (st == DB_OK)
		PQclear(db_query(STMT_APPLICATION_EXCLUSIONS_CLEAR, p, &st));
	for (int i = 0; i < PQntuples(ind) && st == DB_OK; i++) {
		char		 field[64];
		const char	*reason, *q[3];

		snprintf(field, sizeof(field), "exclude_%s", PQgetvalue(ind, i, 0));
		if (req_param(r, field, &dup) == NULL)
			continue;
		snprintf(field, sizeof(field), "reason_%s", PQgetvalue(ind, i, 0));
		(void)req_text(r, field, true, 1000, &reason);
		q[0] = p[0];
		q[1] = PQgetvalue(ind, i, 0);
		q[2] = reason;
		PQclear(db_query(STMT_APPLICATION_EXCLUSION_ADD, q, &st));
	}
	if (st == DB_OK)
		st = db_event(r->user->id, "application", a.id, "application.saved",
		    NULL, NULL, NULL, r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK)
		goto db_fail;
	PQclear(ind);
	view_release(r);
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld?done=saved",
	    (long long)a.id));
db_fail:
	PQclear(ind);
	db_rollback();
	return db_status_http(st);
}

/* The facts submission checks, read in one query; m holds up to max materials. */
static int
application_facts(const struct application *a, struct intake_facts *f,
    struct intake_material *m, size_t max)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*res;
	enum db_status	 st;
	size_t		 n = 0;

	if ((res = db_query_rows(STMT_APPLICATION_COMPLETENESS, p, 1, INT32_MAX, &st)) == NULL)
		return db_status_http(st);
	f->scope = a->scope[0] != '\0';
	f->sales = a->sales[0] != '\0';
	f->delivery = a->delivery[0] != '\0';
	f->funding = a->funding[0] != '\0';
	f->categories = (int)db_long(res, 0, 0);
	f->outlets = (int)db_long(res, 0, 1);
	for (int i = 0; i < PQntuples(res) && n < max; i++) {
		if (PQgetisnull(res, i, 2))
			continue;
		m[n].required = db_bool(res, i, 2);
		m[n].files = (int)db_long(res, i, 3);
		n++;
	}
	PQclear(res);
	f->materials = m;
	f->nmaterials = n;
	return 0;
}

int
page_application_submit_post(struct req *r)
{
	struct application		 a;
	const struct app_transition	*t;
	int				 status;
	char				 aid[DB_INT_BUF];
	const char			*p[1];
	PGresult			*res;
	enum db_status			 st;
	struct intake_material		 m[MATERIALS_MAX];
	struct intake_facts		 facts;
	struct intake_problem		 problem;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	/* The row is ours from here: two submits at once give one submission. */
	if ((status = application_lock_editable(r, a.id, 0)) != 0) {
		db_rollback();
		return status;
	}
	if ((t = app_transition(APP_SUBMIT, APP_DRAFT)) == NULL ||
	    (t->roles & r->user->roles) == 0) {
		db_rollback();
		return 403;
	}
	if (strcmp(a.kind, "recertification") == 0) {
		const char *why = recertification_problem(r, a.organization_id, a.id);

		if (why != NULL) {
			db_rollback();
			return view_error(r, 422, why);
		}
	}
	/* Completeness, from what the locked row's children hold now. */
	if ((status = application_find(r, a.id, &a)) != 0 ||
	    (status = application_facts(&a, &facts, m, MATERIALS_MAX)) != 0) {
		db_rollback();
		return status;
	}
	if (intake_problems(&facts, &problem, 1) > 0) {
		db_rollback();
		if ((status = application_page(r, &a, NULL, false)) != 0)
			return status;
		tmpl_show(r->view_content, "INCOMPLETE_NOTICE");
		return view_render(r, 422);
	}
	p[0] = db_int(aid, a.id);
	if ((res = db_query_rows(STMT_APPLICATION_SUBMIT, p, 1, 1, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	/* The first round of the review opens with the submission. */
	{
		char		 uid[DB_INT_BUF];
		const char	*q[3] = { p[0], arena_strdup(r->arena, PQgetvalue(res, 0, 0)),
				    db_int(uid, r->user->id) };

		PQclear(res);
		if ((res = db_query(STMT_ROUND_OPEN, q, &st)) == NULL) {
			db_rollback();
			return db_status_http(st);
		}
		PQclear(res);
	}
	if ((st = db_event(r->user->id, "application", a.id, app_action_name(t->action),
	    app_state_name(t->from), app_state_name(t->to), NULL, r->remote_addr)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld?done=submitted",
	    (long long)a.id));
}
