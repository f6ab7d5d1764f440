/* notifications.c: one's inbox: what the workflow asked of one, newest first. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"


/* notify_title: the notification's title in lang (its kind's catalog entry). */
const char *
notify_title(struct req *r, const char *kind)
{
	return view_text(r, arena_printf(r->arena, "notify.%s", kind));
}

int
page_notifications(struct req *r)
{
	struct tmpl_dict	*d, *row;
	PGresult		*res;
	enum db_status		 st;
	char			 uid[DB_INT_BUF], before_s[DB_INT_BUF];
	const char		*p[2];
	int64_t			 before;
	int			 n;

	r->private_page = true;
	if (req_int(r, "before", false, 0, INT64_MAX, &before) != FIELD_OK)
		return 400;
	p[0] = db_int(uid, r->user->id);
	p[1] = before > 0 ? db_int(before_s, before) : NULL;
	if ((res = db_query(STMT_NOTIFICATIONS_LIST, p, &st)) == NULL)
		return db_status_http(st);
	if ((d = view_page(r, "notifications", "notifications.title")) == NULL) {
		PQclear(res);
		return 500;
	}
	n = PQntuples(res);
	for (int i = 0; i < n && i < DB_PAGE_ROWS; i++) {
		if ((row = tmpl_section(d, "ITEMS")) == NULL)
			continue;
		tmpl_set(row, "ID", PQgetvalue(res, i, 0));
		tmpl_set(row, "TITLE", notify_title(r, PQgetvalue(res, i, 1)));
		tmpl_set(row, "SUBJECT", PQgetvalue(res, i, 2));
		tmpl_set(row, "AT", PQgetvalue(res, i, 4));
		tmpl_set(row, "CSRF", r->csrf_token);
		if (db_bool(res, i, 5))
			tmpl_show(row, "UNREAD");
	}
	if (n == 0 && before == 0)
		tmpl_show(d, "EMPTY");
	if (r->user->unread > 0 && n > 0 && before == 0) {
		struct tmpl_dict *all = tmpl_section(d, "READ_ALL");

		if (all != NULL) {
			tmpl_set(all, "UPTO", PQgetvalue(res, 0, 0));
			tmpl_set(all, "CSRF", r->csrf_token);
		}
	}
	if (n > DB_PAGE_ROWS) {
		struct tmpl_dict *next = tmpl_section(d, "NEXT_PAGE");

		if (next != NULL)
			tmpl_set(next, "BEFORE", PQgetvalue(res, DB_PAGE_ROWS - 1, 0));
	}
	view_done(r, "notifications.done");
	PQclear(res);
	return view_render(r, 200);
}

/* Open one: mark it read, then go where it leads (only one's own). */
int
page_notification_read_post(struct req *r)
{
	char		 id[DB_INT_BUF], uid[DB_INT_BUF];
	const char	*p[2];
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	p[0] = db_int(id, route_param_id(&r->params, "id"));
	p[1] = db_int(uid, r->user->id);
	if ((res = db_query(STMT_NOTIFICATION_READ, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return view_error(r, 404, NULL);
	}
	status = resp_redirect(r, arena_strdup(r->arena, PQgetvalue(res, 0, 0)));
	PQclear(res);
	return status;
}

/* Mark everything read up to the newest one the page showed. */
int
page_notifications_read_post(struct req *r)
{
	char		 uid[DB_INT_BUF], upto_s[DB_INT_BUF];
	const char	*p[2];
	int64_t		 upto;
	enum db_status	 st;

	if (req_int(r, "upto", true, 1, INT64_MAX, &upto) != FIELD_OK)
		return 400;
	p[0] = db_int(uid, r->user->id);
	p[1] = db_int(upto_s, upto);
	PQclear(db_query(STMT_NOTIFICATIONS_READ_ALL, p, &st));
	if (st != DB_OK)
		return db_status_http(st);
	return resp_redirect(r, "/notifications?done=read_all");
}
