/* nonconformities.c: raised by the audit team, answered by the applicant with evidence, verified (closed or returned) by the team. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../domain/audit.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define TEXT_MAX	4000

int
nonconformities_fill(struct req *r, struct tmpl_dict *d, const struct audit *au)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, au->id) };
	PGresult	*ncs = NULL, *answers = NULL, *files = NULL, *ind = NULL;
	enum db_status	 st;
	struct tmpl_dict *s;
	bool		 applicant = (r->user->roles & ROLE_APPLICANT) != 0;
	int		 status = 0;

	if ((s = tmpl_section(d, "NONCONFORMITIES")) == NULL)
		return 500;
	if ((ncs = db_query(STMT_NCS_OF_AUDIT, p, &st)) == NULL ||
	    (answers = db_query(STMT_NC_ANSWERS_OF_AUDIT, p, &st)) == NULL ||
	    (files = db_query(STMT_NC_FILES_OF_AUDIT, p, &st)) == NULL) {
		status = db_status_http(st);
		goto out;
	}
	for (int i = 0; i < PQntuples(ncs); i++) {
		struct tmpl_dict	*x = tmpl_section(s, "NCS");
		const char		*id = PQgetvalue(ncs, i, 0);
		int			 state = nc_state_parse(PQgetvalue(ncs, i, 5));

		if (x == NULL || state < 0)
			break;
		tmpl_set(x, "NC_ID", id);
		tmpl_set(x, "INDICATOR_NAME", PQgetvalue(ncs, i, r->lang == LANG_ZH ? 1 : 2));
		tmpl_set(x, "DESCRIPTION", PQgetvalue(ncs, i, 3));
		tmpl_set(x, "SEVERITY_CODE", PQgetvalue(ncs, i, 4));
		tmpl_set(x, "SEVERITY", view_label(r, "nc.severity.", PQgetvalue(ncs, i, 4)));
		tmpl_set(x, "NC_STATE_CODE", PQgetvalue(ncs, i, 5));
		tmpl_set(x, "NC_STATE", view_label(r, "nc.state.", PQgetvalue(ncs, i, 5)));
		tmpl_set(x, "DUE_DATE", PQgetvalue(ncs, i, 6));
		tmpl_set(x, "NC_VERSION", PQgetvalue(ncs, i, 7));
		tmpl_set(x, "RAISED_BY", PQgetvalue(ncs, i, 8));
		if (db_bool(ncs, i, 9))
			tmpl_show(x, "OVERDUE");
		for (int k = 0; k < PQntuples(answers); k++) {
			struct tmpl_dict *a;

			if (strcmp(PQgetvalue(answers, k, 0), id) != 0 ||
			    (a = tmpl_section(x, "ANSWERS")) == NULL)
				continue;
			tmpl_set(a, "CAUSE", PQgetvalue(answers, k, 1));
			tmpl_set(a, "CORRECTION", PQgetvalue(answers, k, 2));
			tmpl_set(a, "CORRECTIVE_ACTION", PQgetvalue(answers, k, 3));
			tmpl_set(a, "ANSWERED_BY", PQgetvalue(answers, k, 4));
			tmpl_set(a, "ANSWERED_AT", PQgetvalue(answers, k, 5));
			if (PQgetvalue(answers, k, 6)[0] != '\0') {
				struct tmpl_dict *v = tmpl_section(a, "VERIFIED");

				if (v != NULL) {
					tmpl_set(v, "VERDICT_CODE", PQgetvalue(answers, k, 6));
					tmpl_set(v, "VERDICT", view_label(r, "nc.verdict.",
					    PQgetvalue(answers, k, 6)));
					tmpl_set(v, "VERIFY_COMMENT", PQgetvalue(answers, k, 7));
					tmpl_set(v, "VERIFIED_BY", PQgetvalue(answers, k, 8));
					tmpl_set(v, "VERIFIED_AT", PQgetvalue(answers, k, 9));
				}
			}
		}
		for (int k = 0; k < PQntuples(files); k++) {
			struct tmpl_dict *f;

			if (strcmp(PQgetvalue(files, k, 1), id) != 0 ||
			    (f = tmpl_section(x, "NC_FILES")) == NULL)
				continue;
			tmpl_set(f, "FILE_ID", PQgetvalue(files, k, 0));
			tmpl_set(f, "FILE_NAME", PQgetvalue(files, k, 2));
			tmpl_set(f, "UPLOADED", PQgetvalue(files, k, 4));
			if (document_viewable(PQgetvalue(files, k, 3)))
				tmpl_show(f, "VIEWABLE");
		}
		if (applicant && nc_applicant_may_answer((enum nc_state)state))
			tmpl_show(x, "ANSWER_FORM");
		if (au->member && nc_team_may_verify((enum nc_state)state))
			tmpl_show(x, "VERIFY_FORM");
	}
	if (PQntuples(ncs) == 0)
		tmpl_show(s, "NO_NCS");
	if (au->member && audit_sheet_editable(au->state)) {
		struct tmpl_dict *form = tmpl_section(s, "RAISE_FORM");
		char ver[DB_INT_BUF];
		const char *pv[1] = { db_int(ver, au->scheme_version) };

		if (form == NULL || (ind = db_query(STMT_SCHEME_POINTS, pv, &st)) == NULL) {
			status = form == NULL ? 500 : db_status_http(st);
			goto out;
		}
		for (int i = 0; i < PQntuples(ind); i++) {
			struct tmpl_dict *o = tmpl_section(form, "NC_INDICATORS");

			if (o == NULL)
				break;
			tmpl_set(o, "CODE", PQgetvalue(ind, i, 0));
			tmpl_set(o, "INDICATOR_NAME", PQgetvalue(ind, i, r->lang == LANG_ZH ? 2 : 3));
		}
	}
out:
	PQclear(ind);
	PQclear(files);
	PQclear(answers);
	PQclear(ncs);
	return status;
}

int
page_nc_raise_post(struct req *r)
{
	struct audit	 au;
	struct form	 f = { .r = r };
	const char	*indicator, *description, *severity, *due, *p[6];
	char		 aid[DB_INT_BUF], uid[DB_INT_BUF];
	bool		 dup;
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if (!au.member)
		return view_error(r, 403, "sheet.not_member");
	if (!audit_sheet_editable(au.state))
		return view_error(r, 409, "sheet.locked");
	if (req_text(r, "indicator", true, 32, &indicator) != FIELD_OK ||
	    (severity = req_param(r, "severity", &dup)) == NULL || dup ||
	    (strcmp(severity, "general") != 0 && strcmp(severity, "serious") != 0))
		return 400;
	if ((f.d = view_page(r, "audit", "audit.title")) == NULL)
		return 500;
	description = form_text(&f, "description", "NC_DESCRIPTION", true, TEXT_MAX);
	if ((due = form_text(&f, "due_date", "NC_DUE", true, 10)) != NULL && !date_valid(due))
		form_error(&f, "NC_DUE", "field.date");
	else if (due != NULL) {
		char today[11];

		date_today(today);
		if (strcmp(due, today) < 0)
			form_error(&f, "NC_DUE", "nc.due_past");
	}
	if (f.errors > 0)
		return audit_again(r, &f, &au, false);
	view_release(r);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = audit_lock(r, &au, 0, AUDIT_CONFIRMED, false)) != 0)
		return status;
	p[0] = db_int(aid, au.id);
	p[1] = indicator;
	p[2] = description;
	p[3] = severity;
	p[4] = due;
	p[5] = db_int(uid, r->user->id);
	/* The indicator must be one of the audit's scheme (the statement checks). */
	if ((res = db_query_rows(STMT_NC_INSERT, p, 0, 1, &st)) == NULL)
		goto fail;
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback();
		return 400;
	}
	st = db_event(r->user->id, "nonconformity", db_long(res, 0, 0), "nc.raised", NULL,
	    "open", arena_printf(r->arena, "audit %lld, %s, %s, due %s", (long long)au.id,
	    indicator, severity, due), r->remote_addr);
	if (st == DB_OK)
		st = db_notify("nonconformity", db_long(res, 0, 0), "nc.raised", "org",
		    r->user->id);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=nc_raised#ncs",
	    (long long)au.id));
fail:
	db_rollback();
	return db_status_http(st);
}

/* The nonconformity id with its audit (visible to r's user); its state into *state. */
static int
nc_find(struct req *r, int64_t id, struct audit *au, enum nc_state *state)
{
	char		 nid[DB_INT_BUF];
	const char	*p[1] = { db_int(nid, id) };
	PGresult	*res;
	enum db_status	 st;
	int		 s, status;
	int64_t		 audit_id;

	if ((res = db_query(STMT_NC_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	audit_id = db_long(res, 0, 0);
	s = nc_state_parse(PQgetvalue(res, 0, 1));
	PQclear(res);
	if ((status = audit_find(r, audit_id, au)) != 0)
		return status;
	if (s < 0)
		return 500;
	*state = (enum nc_state)s;
	return 0;
}

/* In a transaction: lock the nonconformity if it is still in state want; 0, or 409 (rolled back). */
static int
nc_lock(struct req *r, int64_t id, bool (*turn)(enum nc_state))
{
	char		 nid[DB_INT_BUF];
	const char	*p[1] = { db_int(nid, id) };
	PGresult	*res;
	enum db_status	 st;
	int		 s;

	if ((res = db_query_rows(STMT_NC_LOCK, p, 1, 1, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	s = nc_state_parse(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (s < 0 || !turn((enum nc_state)s)) {
		db_rollback();
		return view_error(r, 409, "nc.changed_meanwhile");
	}
	return 0;
}

int
page_nc_answer_post(struct req *r)
{
	int64_t		 id = route_param_id(&r->params, "id");
	struct audit	 au;
	struct form	 f = { .r = r };
	enum nc_state	 state;
	const char	*cause, *correction, *action, *p[5];
	char		 nid[DB_INT_BUF], uid[DB_INT_BUF];
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	if ((status = nc_find(r, id, &au, &state)) != 0)
		return status;
	if (!nc_applicant_may_answer(state))
		return view_error(r, 409, "nc.not_your_turn");
	if ((f.d = view_page(r, "audit", "audit.title")) == NULL)
		return 500;
	cause = form_text(&f, "cause", "NC_CAUSE", true, TEXT_MAX);
	correction = form_text(&f, "correction", "NC_CORRECTION", true, TEXT_MAX);
	action = form_text(&f, "corrective_action", "NC_ACTION", true, TEXT_MAX);
	if (f.errors > 0) {
		tmpl_set(f.d, "NC_ERROR_ID", arena_printf(r->arena, "%lld", (long long)id));
		return audit_again(r, &f, &au, false);
	}
	view_release(r);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = nc_lock(r, id, nc_applicant_may_answer)) != 0)
		return status;
	p[0] = db_int(nid, id);
	p[1] = cause;
	p[2] = correction;
	p[3] = action;
	p[4] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_NC_ANSWER, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "nonconformity", id, "nc.answered",
	    nc_state_name(state), "answered", NULL, r->remote_addr)) != DB_OK ||
	    (st = db_notify("nonconformity", id, "nc.answered", "team", r->user->id)) != DB_OK ||
	    (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=nc_answered#nc-%lld",
	    (long long)au.id, (long long)id));
fail:
	db_rollback();
	return db_status_http(st);
}

int
page_nc_file_post(struct req *r)
{
	int64_t			 id = route_param_id(&r->params, "id");
	struct audit		 au;
	enum nc_state		 state;
	struct upload_result	 f;
	char			 nid[DB_INT_BUF], uid[DB_INT_BUF], size[DB_INT_BUF];
	const char		*p[6];
	PGresult		*res;
	enum db_status		 st;
	int			 status;

	if ((status = nc_find(r, id, &au, &state)) != 0)
		return status;
	if (!nc_applicant_may_answer(state))
		return view_error(r, 409, "nc.not_your_turn");
	if ((status = upload_receive(r, &f)) != 0)
		return upload_refused_page(r, status);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = nc_lock(r, id, nc_applicant_may_answer)) != 0)
		return status;
	if ((st = upload_store(&f)) != DB_OK)
		goto fail;
	p[0] = db_int(nid, id);
	p[1] = f.hash;
	p[2] = f.file_name;
	p[3] = f.type;
	p[4] = db_int(size, f.size);
	p[5] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_NC_FILE_INSERT, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "nonconformity", id, "nc.evidence_added", NULL, NULL,
	    arena_printf(r->arena, "%s (%s, %s bytes)", f.file_name, f.type, size),
	    r->remote_addr)) != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=evidence_added#nc-%lld",
	    (long long)au.id, (long long)id));
fail:
	db_rollback();
	return db_status_http(st);
}

int
page_nc_verify_post(struct req *r)
{
	int64_t		 id = route_param_id(&r->params, "id");
	struct audit	 au;
	struct form	 f = { .r = r };
	enum nc_state	 state;
	const char	*verdict, *comment, *p[4];
	char		 nid[DB_INT_BUF], uid[DB_INT_BUF];
	bool		 dup, closed;
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	if ((status = nc_find(r, id, &au, &state)) != 0)
		return status;
	if (!au.member)
		return view_error(r, 403, "sheet.not_member");
	if ((verdict = req_param(r, "verdict", &dup)) == NULL || dup ||
	    (strcmp(verdict, "closed") != 0 && strcmp(verdict, "returned") != 0))
		return 400;
	if (!nc_team_may_verify(state))
		return view_error(r, 409, "nc.not_your_turn");
	closed = strcmp(verdict, "closed") == 0;
	if ((f.d = view_page(r, "audit", "audit.title")) == NULL)
		return 500;
	if ((comment = form_text(&f, "comment", "NC_VERIFY", !closed, TEXT_MAX)) == NULL) {
		tmpl_set(f.d, "NC_ERROR_ID", arena_printf(r->arena, "%lld", (long long)id));
		return audit_again(r, &f, &au, false);
	}
	view_release(r);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = nc_lock(r, id, nc_team_may_verify)) != 0)
		return status;
	p[0] = db_int(nid, id);
	p[1] = verdict;
	p[2] = comment;
	p[3] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_NC_VERIFY, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "nonconformity", id, closed ? "nc.closed" : "nc.returned",
	    "answered", verdict, *comment != '\0' ? comment : NULL, r->remote_addr)) != DB_OK ||
	    (st = db_notify("nonconformity", id, closed ? "nc.closed" : "nc.returned", "org",
	    r->user->id)) != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=nc_%s#nc-%lld",
	    (long long)au.id, verdict, (long long)id));
fail:
	db_rollback();
	return db_status_http(st);
}

int
page_nc_file(struct req *r)
{
	char		 fid[DB_INT_BUF];
	const char	*p[1] = { db_int(fid, route_param_id(&r->params, "id")) };
	struct audit	 au;
	enum nc_state	 state;
	PGresult	*res;
	enum db_status	 st;
	int		 status;
	bool		 view, dup;

	if ((res = db_query(STMT_NC_FILE_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	if ((status = nc_find(r, db_long(res, 0, 0), &au, &state)) != 0) {
		PQclear(res);
		return status;
	}
	view = req_param(r, "view", &dup) != NULL && document_viewable(PQgetvalue(res, 0, 3));
	status = document_send(r, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
	    PQgetvalue(res, 0, 3), view);
	PQclear(res);
	return status;
}
