/* conflicts.c: an auditor's conflict-of-interest declarations, and the admin's scoring scheme versions. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../domain/credit_code.h"
#include "../domain/date.h"
#include "../domain/audit.h"
#include "../domain/roles.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

static const char *const relations[] = {
	"consulting", "employment", "shareholding", "family", "other",
};

static int
conflicts_page(struct req *r, struct form *f)
{
	char		 uid[DB_INT_BUF];
	const char	*p[1] = { db_int(uid, r->user->id) };
	PGresult	*res;
	enum db_status	 st;
	bool		 dup;
	const char	*chosen = req_param(r, "relation", &dup);

	r->private_page = true;
	if (f->d == NULL && (f->d = view_page(r, "conflicts", "conflicts.title")) == NULL)
		return 500;
	if ((res = db_query(STMT_CONFLICTS_OF_USER, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *x = tmpl_section(f->d, "CONFLICTS");

		if (x == NULL)
			break;
		tmpl_set(x, "CONFLICT_ID", PQgetvalue(res, i, 0));
		tmpl_set(x, "CONFLICT_CODE", PQgetvalue(res, i, 1));
		tmpl_set(x, "CONFLICT_ORG", PQgetvalue(res, i, 2));
		tmpl_set(x, "RELATION", view_label(r, "conflict.relation.", PQgetvalue(res, i, 3)));
		tmpl_set(x, "FROM", PQgetvalue(res, i, 4));
		tmpl_set(x, "TO", PQgetvalue(res, i, 5));
		tmpl_set(x, "NOTE", PQgetvalue(res, i, 6));
	}
	if (PQntuples(res) == 0)
		tmpl_show(f->d, "NO_CONFLICTS");
	PQclear(res);
	for (size_t i = 0; i < sizeof(relations) / sizeof(relations[0]); i++) {
		struct tmpl_dict *o = tmpl_section(f->d, "RELATIONS");

		if (o == NULL)
			break;
		tmpl_set(o, "VALUE", relations[i]);
		tmpl_set(o, "LABEL", view_label(r, "conflict.relation.", relations[i]));
		if (chosen != NULL && strcmp(chosen, relations[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	return 0;
}

int
page_conflicts(struct req *r)
{
	struct form	f = { .r = r };
	int		status;

	if ((status = conflicts_page(r, &f)) != 0)
		return status;
	view_done(r, "conflicts.done");
	return view_render(r, 200);
}

int
page_conflict_add_post(struct req *r)
{
	struct form	 f = { .r = r };
	const char	*code, *org, *relation, *from, *to, *note, *p[7];
	char		 norm[CREDIT_CODE_LEN + 1], uid[DB_INT_BUF];
	bool		 dup, known = false;
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	relation = req_param(r, "relation", &dup);
	for (size_t i = 0; relation != NULL && i < sizeof(relations) / sizeof(relations[0]); i++)
		known = known || strcmp(relation, relations[i]) == 0;
	if (!known || dup)
		return 400;
	if ((f.d = view_page(r, "conflicts", "conflicts.title")) == NULL)
		return 500;
	if ((code = form_text(&f, "credit_code", "CREDIT_CODE", true, 32)) != NULL &&
	    !credit_code_normalise(code, norm))
		form_error(&f, "CREDIT_CODE", "field.credit_code");
	org = form_text(&f, "organization", "CONFLICT_ORGANIZATION", true, 200);
	if ((from = form_text(&f, "from_date", "FROM_DATE", true, 10)) != NULL && !date_valid(from))
		form_error(&f, "FROM_DATE", "field.date");
	if ((to = form_text(&f, "to_date", "TO_DATE", false, 10)) != NULL && *to != '\0' &&
	    !date_valid(to))
		form_error(&f, "TO_DATE", "field.date");
	else if (to != NULL && *to != '\0' && from != NULL && strcmp(to, from) < 0)
		form_error(&f, "TO_DATE", "conflicts.to_before_from");
	note = form_text(&f, "note", "NOTE", false, 1000);
	if (f.errors > 0) {
		if ((status = conflicts_page(r, &f)) != 0)
			return status;
		form_summary(&f);
		return view_render(r, 422);
	}
	view_release(r);
	p[0] = db_int(uid, r->user->id);
	p[1] = norm;
	p[2] = org;
	p[3] = relation;
	p[4] = from;
	p[5] = *to != '\0' ? to : NULL;
	p[6] = note;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((res = db_query_rows(STMT_CONFLICT_INSERT, p, 1, 1, &st)) == NULL)
		goto fail;
	st = db_event(r->user->id, "conflict", db_long(res, 0, 0), "conflict.declared", NULL,
	    NULL, arena_printf(r->arena, "%s %s (%s) from %s to %s", norm, org, relation,
	    from, *to != '\0' ? to : "-"), r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, "/account/conflicts?done=declared");
fail:
	db_rollback();
	return db_status_http(st);
}

int
page_conflict_delete_post(struct req *r)
{
	char		 cid[DB_INT_BUF], uid[DB_INT_BUF];
	const char	*p[2] = { db_int(cid, route_param_id(&r->params, "id")),
			    db_int(uid, r->user->id) };
	PGresult	*res;
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((res = db_query(STMT_CONFLICT_DELETE, p, &st)) == NULL)
		goto fail;
	if (PQntuples(res) != 1) {
		/* Not this auditor's declaration. */
		PQclear(res);
		db_rollback();
		return 404;
	}
	st = db_event(r->user->id, "conflict", route_param_id(&r->params, "id"),
	    "conflict.withdrawn", NULL, NULL, PQgetvalue(res, 0, 0), r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, "/account/conflicts?done=withdrawn");
fail:
	db_rollback();
	return db_status_http(st);
}

/* The scheme page: the newest version's points as the form to publish the next. */
static int
scheme_page(struct req *r, struct form *f, bool from_form)
{
	PGresult	*res;
	enum db_status	 st;
	int		 total = 0;

	r->private_page = true;
	if (f->d == NULL && (f->d = view_page(r, "admin_scheme", "scheme.title")) == NULL)
		return 500;
	if ((res = db_query(STMT_SCHEME_CURRENT, NULL, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict	*x = tmpl_section(f->d, "POINTS");
		const char		*code = PQgetvalue(res, i, 1), *v = NULL;
		int			 pts = (int)db_long(res, i, 5);

		if (x == NULL)
			break;
		if (from_form) {
			char field[48];
			bool dup;

			snprintf(field, sizeof(field), "points_%s", code);
			v = req_param(r, field, &dup);
		}
		tmpl_set(x, "CODE", code);
		tmpl_set(x, "GROUP_NAME", view_label(r, "indicator.group.", PQgetvalue(res, i, 2)));
		tmpl_set(x, "INDICATOR_NAME", PQgetvalue(res, i, r->lang == LANG_ZH ? 3 : 4));
		tmpl_set(x, "POINTS", v != NULL ? v : arena_printf(r->arena, "%d.%d",
		    pts / 10, pts % 10));
		total += pts;
	}
	if (PQntuples(res) > 0) {
		tmpl_set(f->d, "SCHEME_VERSION", PQgetvalue(res, 0, 0));
		tmpl_set(f->d, "PUBLISHED_AT", PQgetvalue(res, 0, 6));
		tmpl_set(f->d, "PUBLISHED_NOTE", PQgetvalue(res, 0, 7));
	}
	tmpl_set(f->d, "TOTAL", arena_printf(r->arena, "%d.%d", total / 10, total % 10));
	PQclear(res);
	return 0;
}

int
page_admin_scheme(struct req *r)
{
	struct form	f = { .r = r };
	bool		dup;
	const char	*done = req_param(r, "done", &dup);
	int		status;

	if ((status = scheme_page(r, &f, false)) != 0)
		return status;
	if (done != NULL && strcmp(done, "published") == 0)
		tmpl_show(f.d, "PUBLISHED");
	return view_render(r, 200);
}

int
page_admin_scheme_post(struct req *r)
{
	struct form	 f = { .r = r };
	const char	*note, *codes[32], *points[32], *p[5];
	char		 uid[DB_INT_BUF];
	size_t		 n = 0;
	int		 total = 0, status;
	PGresult	*res;
	enum db_status	 st;

	if ((f.d = view_page(r, "admin_scheme", "scheme.title")) == NULL)
		return 500;
	note = form_text(&f, "note", "NOTE", true, 1000);
	if ((res = db_query(STMT_SCHEME_CURRENT, NULL, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res) && n < 32; i++) {
		char		 field[48];
		const char	*v;
		int		 t;

		snprintf(field, sizeof(field), "points_%s", PQgetvalue(res, i, 1));
		if (req_text(r, field, true, 8, &v) != FIELD_OK ||
		    (t = points_tenths_parse(v)) <= 0) {
			form_error(&f, "SCHEME", "scheme.points_invalid");
			t = 0;
		}
		total += t;
		codes[n] = arena_strdup(r->arena, PQgetvalue(res, i, 1));
		points[n++] = arena_printf(r->arena, "%d", t);
	}
	PQclear(res);
	if (f.errors == 0 && total != 1000)
		form_error(&f, "SCHEME", "scheme.total_not_100");
	if (f.errors > 0 || note == NULL) {
		if ((status = scheme_page(r, &f, true)) != 0)
			return status;
		form_summary(&f);
		return view_render(r, 422);
	}
	view_release(r);
	p[0] = db_array(r->arena, codes, n);
	p[1] = db_array(r->arena, points, n);
	p[2] = note;
	p[3] = db_int(uid, r->user->id);
	if (p[0] == NULL || p[1] == NULL)
		return 500;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((res = db_query_rows(STMT_SCHEME_PUBLISH, p, 1, 1, &st)) == NULL)
		goto fail;
	st = db_event(r->user->id, "scheme", db_long(res, 0, 0), "scheme.published", NULL,
	    PQgetvalue(res, 0, 0), note, r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, "/admin/scheme?done=published");
fail:
	db_rollback();
	return db_status_http(st);
}
