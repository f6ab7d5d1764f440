/* review.c: the document reviewers' queue, taking an application, and assigning it (supervisors). */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../domain/workflow.h"
#include "../http/response.h"
#include "../view/view.h"
#include "pages.h"

int
page_review_queue(struct req *r)
{
	struct tmpl_dict	*d;
	struct app_filter	 f;
	const char		*after, *p[APP_FILTER_PARAMS + 2];
	char			 oid[DB_INT_BUF], after_id_s[DB_INT_BUF];
	int64_t			 after_id;
	PGresult		*res;
	enum db_status		 st;
	int			 n, status;

	r->private_page = true;
	if ((status = app_filter_parse(r, APP_LIST_QUEUE, &f)) != 0)
		return status;
	if (req_text(r, "after", false, 64, &after) != FIELD_OK ||
	    req_int(r, "after_id", false, 0, INT64_MAX, &after_id) != FIELD_OK ||
	    (*after != '\0' && after_id == 0))
		return 400;
	if ((d = view_page(r, "review_queue", "review.queue.title")) == NULL)
		return 500;
	app_filter_fill(r, d, &f);
	app_filter_params(r, &f, p, oid);
	p[APP_FILTER_PARAMS] = *after != '\0' ? after : NULL;
	p[APP_FILTER_PARAMS + 1] = *after != '\0' ? db_int(after_id_s, after_id) : NULL;
	if ((res = db_query(STMT_REVIEW_QUEUE, p, &st)) == NULL)
		return db_status_http(st);
	n = PQntuples(res);
	for (int i = 0; i < n && i < DB_PAGE_ROWS; i++) {
		struct tmpl_dict *row = tmpl_section(d, "QUEUE");

		if (row == NULL)
			break;
		tmpl_set(row, "ID", PQgetvalue(res, i, 0));
		tmpl_set(row, "STATE_CODE", PQgetvalue(res, i, 1));
		tmpl_set(row, "STATE", view_label(r, "application.state.", PQgetvalue(res, i, 1)));
		tmpl_set(row, "ORGANIZATION", PQgetvalue(res, i, 2));
		tmpl_set(row, "CREDIT_CODE", PQgetvalue(res, i, 3));
		tmpl_set(row, "QUEUED", PQgetvalue(res, i, 4));
		tmpl_set(row, "REVIEWER", PQgetvalue(res, i, 5));
		tmpl_set(row, "ROUND", PQgetvalue(res, i, 6));
		tmpl_set(row, "KIND", view_label(r, "application.kind.", PQgetvalue(res, i, 8)));
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else
		tmpl_show(d, "HAS_ROWS");
	if (n > DB_PAGE_ROWS) {
		struct tmpl_dict	*next = tmpl_section(d, "NEXT_PAGE");
		const char		*q = app_filter_query(r, &f);

		if (next != NULL)
			tmpl_set(next, "NEXT_URL", arena_printf(r->arena,
			    "/review%s%safter=%s&after_id=%s", q, *q != '\0' ? "&" : "?",
			    url_encoded(r, PQgetvalue(res, DB_PAGE_ROWS - 1, 7)),
			    PQgetvalue(res, DB_PAGE_ROWS - 1, 0)));
	}
	PQclear(res);
	return view_render(r, 200);
}

/* The application page again with a notice: someone changed it meanwhile. */
static int
changed_meanwhile(struct req *r, int64_t id)
{
	struct application	a;
	int			status;

	if ((status = application_find(r, id, &a)) != 0 ||
	    (status = application_page(r, &a, NULL, false)) != 0)
		return status;
	tmpl_show(r->view_content, "CHANGED_MEANWHILE");
	return view_render(r, 409);
}

int
page_application_take_post(struct req *r)
{
	int64_t				 id = route_param_id(&r->params, "id");
	struct application		 a;
	const struct app_transition	*t;
	char				 aid[DB_INT_BUF], uid[DB_INT_BUF];
	const char			*p[2] = { db_int(aid, id), db_int(uid, r->user->id) };
	PGresult			*res;
	enum db_status			 st;
	int				 status, from;

	if ((status = application_find(r, id, &a)) != 0)
		return status;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((res = db_query(STMT_APPLICATION_TAKE, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		/* Taken by another reviewer (or moved on) since the page was shown. */
		PQclear(res);
		db_rollback();
		return changed_meanwhile(r, id);
	}
	from = app_state_parse(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (from < 0 || (t = app_transition(APP_TAKE, (enum app_state)from)) == NULL ||
	    (t->roles & r->user->roles) == 0) {
		db_rollback();
		return 409;
	}
	if ((st = db_event(r->user->id, "application", id, app_action_name(t->action),
	    app_state_name(t->from), app_state_name(t->to), NULL, r->remote_addr)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld?done=taken",
	    (long long)id));
}

int
page_application_assign_post(struct req *r)
{
	int64_t			 id = route_param_id(&r->params, "id"), reviewer;
	struct application	 a;
	char			 aid[DB_INT_BUF], rid[DB_INT_BUF];
	const char		*p[2];
	PGresult		*res;
	enum db_status		 st;
	int			 status;
	const char		*before;

	if (req_int(r, "reviewer", true, 1, INT64_MAX, &reviewer) != FIELD_OK)
		return 400;
	if ((status = application_find(r, id, &a)) != 0)
		return status;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(aid, id);
	p[1] = db_int(rid, reviewer);
	if ((res = db_query(STMT_APPLICATION_ASSIGN, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		/* Not in review any more, or not a reviewer: nothing changed. */
		PQclear(res);
		db_rollback();
		return view_error(r, 422, "review.assign_refused");
	}
	before = PQgetisnull(res, 0, 0) ? NULL :
	    arena_strdup(r->arena, PQgetvalue(res, 0, 0));
	PQclear(res);
	if ((st = db_event(r->user->id, "application", id, "application.assigned",
	    before, rid, NULL, r->remote_addr)) != DB_OK ||
	    (st = db_notify("application", id, "application.assigned", "holder",
	    r->user->id)) != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld?done=assigned",
	    (long long)id));
}
