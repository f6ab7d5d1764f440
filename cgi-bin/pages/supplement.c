/* supplement.c: the applicant's side of a supplement request (answers, resubmission) and the history of review rounds both sides see. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../domain/roles.h"
#include "../domain/workflow.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define ITEMS_MAX	128
#define ANSWER_MAX	2000

/* The answer typed for material mid: FIELD_OK or why not. */
static enum field_error
answer_from_form(const struct req *r, const char *mid, const char **answer)
{
	char field[48];

	snprintf(field, sizeof(field), "answer_%s", mid);
	return req_text(r, field, false, ANSWER_MAX, answer);
}

int
supplement_fill(struct req *r, struct tmpl_dict *d, const struct application *a,
    bool from_form, bool check)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	struct tmpl_dict *s;
	PGresult	*res;
	enum db_status	 st;
	int		 open = 0;

	if ((s = tmpl_section(d, "SUPPLEMENT")) == NULL)
		return 500;
	if ((res = db_query(STMT_SUPPLEMENT_ITEMS_CURRENT, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict	*it = tmpl_section(s, "ITEMS");
		const char		*answer = PQgetvalue(res, i, 2);
		long long		 added = db_long(res, i, 6);

		if (it == NULL)
			break;
		if (from_form && answer_from_form(r, PQgetvalue(res, i, 0), &answer) != FIELD_OK)
			answer = "";
		tmpl_set(it, "MATERIAL_ID", PQgetvalue(res, i, 0));
		tmpl_set(it, "CODE", PQgetvalue(res, i, 3));
		tmpl_set(it, "ITEM_TITLE", PQgetvalue(res, i, r->lang == LANG_ZH ? 4 : 5));
		tmpl_set(it, "REVIEW_COMMENT", PQgetvalue(res, i, 1));
		tmpl_set(it, "ANSWER", answer);
		if (added > 0) {
			tmpl_set_int(it, "NEW_VERSIONS", added);
			tmpl_show(it, "NEW_VERSIONS");
		}
		else
			tmpl_show(it, "NO_NEW_VERSION");
		/* Each item needs a new version or an answer before resubmitting. */
		if (added == 0 && *answer == '\0') {
			open++;
			if (check)
				tmpl_show(it, "UNANSWERED");
		}
	}
	PQclear(res);
	tmpl_set_int(s, "OPEN_COUNT", open);
	tmpl_show(s, open == 0 ? "READY" : "NOT_READY");
	return 0;
}

int
page_application_supplement_post(struct req *r)
{
	struct application		 a;
	struct form			 f = { .r = r };
	const struct app_transition	*t;
	const char			*action, *mids[ITEMS_MAX], *answers[ITEMS_MAX], *p[5];
	char				 aid[DB_INT_BUF], uid[DB_INT_BUF], rnd[DB_INT_BUF];
	bool				 resubmit, dup;
	int64_t				 version;
	size_t				 n = 0, open = 0;
	PGresult			*res;
	enum db_status			 st;
	int				 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK ||
	    (action = req_param(r, "action", &dup)) == NULL || dup ||
	    (strcmp(action, "save") != 0 && strcmp(action, "resubmit") != 0))
		return 400;
	resubmit = strcmp(action, "resubmit") == 0;
	if (!app_applicant_may_supplement(a.state))
		return view_error(r, 409, "application.not_editable");
	if ((t = app_transition(APP_RESUBMIT, a.state)) == NULL ||
	    (t->roles & r->user->roles) == 0)
		return 403;

	if ((f.d = view_page(r, "application", "application.title")) == NULL)
		return 500;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	/* The row is ours: a reviewer cannot act on it meanwhile, nor another tab. */
	p[0] = db_int(aid, a.id);
	p[1] = db_int(uid, r->user->organization_id);
	if ((res = db_query_rows(STMT_APPLICATION_LOCK, p, 1, 1, &st)) == NULL)
		goto fail;
	if (strcmp(PQgetvalue(res, 0, 0), "supplement_needed") != 0 ||
	    db_long(res, 0, 1) != version) {
		PQclear(res);
		db_rollback();
		if ((status = application_find(r, a.id, &a)) != 0 ||
		    (status = application_page(r, &a, f.d, true)) != 0)
			return status;
		tmpl_show(r->view_content, "CHANGED_MEANWHILE");
		return view_render(r, 409);
	}
	db_int(rnd, db_long(res, 0, 2));
	PQclear(res);
	if ((res = db_query(STMT_SUPPLEMENT_ITEMS_CURRENT, p, &st)) == NULL)
		goto fail;
	for (int i = 0; i < PQntuples(res) && n < ITEMS_MAX; i++) {
		const char *mid = PQgetvalue(res, i, 0);

		switch (answer_from_form(r, mid, &answers[n])) {
		case FIELD_OK:
			break;
		case FIELD_TOO_LONG:
			form_error(&f, "ANSWERS", "supplement.answer_too_long");
			answers[n] = "";
			break;
		default:
			PQclear(res);
			db_rollback();
			return 400;
		}
		if (db_long(res, i, 6) == 0 && *answers[n] == '\0')
			open++;
		mids[n++] = arena_strdup(r->arena, mid);
	}
	PQclear(res);
	if (resubmit && open > 0)
		form_error(&f, "ANSWERS", "supplement.items_open");
	if (f.errors > 0) {
		db_rollback();
		if ((status = application_page(r, &a, f.d, true)) != 0)
			return status;
		form_summary(&f);
		return view_render(r, 422);
	}
	p[0] = aid;
	p[1] = rnd;
	p[2] = db_int(uid, r->user->id);
	p[3] = db_array(r->arena, mids, n);
	p[4] = db_array(r->arena, answers, n);
	if (p[3] == NULL || p[4] == NULL ||
	    (res = db_query(STMT_SUPPLEMENT_ANSWERS_SAVE, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	if (resubmit) {
		if ((res = db_query_rows(STMT_APPLICATION_RESUBMIT, p, 1, 1, &st)) == NULL)
			goto fail;
		p[1] = arena_strdup(r->arena, PQgetvalue(res, 0, 0));
		PQclear(res);
		if ((res = db_query(STMT_ROUND_OPEN, p, &st)) == NULL)
			goto fail;
		PQclear(res);
		st = db_event(r->user->id, "application", a.id, app_action_name(t->action),
		    app_state_name(t->from), app_state_name(t->to),
		    arena_printf(r->arena, "round %s", p[1]), r->remote_addr);
		if (st == DB_OK)
			st = db_notify("application", a.id, app_action_name(t->action),
			    "holder", r->user->id);
	} else {
		const char *q[5] = { aid, "supplement_needed", "supplement_needed", NULL, NULL };

		if ((res = db_query_rows(STMT_APPLICATION_MOVE, q, 1, 1, &st)) == NULL)
			goto fail;
		PQclear(res);
		st = db_event(r->user->id, "application", a.id, "application.answers_saved",
		    NULL, NULL, arena_printf(r->arena, "round %s", rnd), r->remote_addr);
	}
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	view_release(r);
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld?done=%s",
	    (long long)a.id, resubmit ? "resubmitted" : "answers_saved"));
fail:
	db_rollback();
	view_release(r);
	return db_status_http(st);
}

int
review_history_fill(struct req *r, struct tmpl_dict *d, const struct application *a)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	PGresult	*rounds, *items;
	enum db_status	 st;
	struct tmpl_dict *h;

	if ((rounds = db_query(STMT_ROUNDS_OF_APPLICATION, p, &st)) == NULL)
		return db_status_http(st);
	if ((items = db_query(STMT_SUPPLEMENT_ITEMS_ALL, p, &st)) == NULL) {
		PQclear(rounds);
		return db_status_http(st);
	}
	if (PQntuples(rounds) > 0 && (h = tmpl_section(d, "HISTORY")) != NULL)
		for (int i = 0; i < PQntuples(rounds); i++) {
			struct tmpl_dict	*x = tmpl_section(h, "ROUNDS");
			const char		*round = PQgetvalue(rounds, i, 0);
			const char		*outcome = PQgetvalue(rounds, i, 3);

			if (x == NULL)
				break;
			tmpl_set(x, "ROUND", round);
			tmpl_set(x, "OPENED_AT", PQgetvalue(rounds, i, 1));
			tmpl_set(x, "OPENED_BY", PQgetvalue(rounds, i, 2));
			tmpl_set(x, "OUTCOME_CODE", *outcome != '\0' ? outcome : "open");
			tmpl_set(x, "OUTCOME", view_label(r, "review.outcome.",
			    *outcome != '\0' ? outcome : "open"));
			if (*outcome != '\0') {
				struct tmpl_dict *c = tmpl_section(x, "CLOSED");

				if (c != NULL) {
					tmpl_set(c, "CLOSED_AT", PQgetvalue(rounds, i, 5));
					tmpl_set(c, "CLOSED_BY", PQgetvalue(rounds, i, 6));
				}
			}
			if (PQgetvalue(rounds, i, 4)[0] != '\0') {
				struct tmpl_dict *c = tmpl_section(x, "ROUND_COMMENT");

				if (c != NULL)
					tmpl_set(c, "TEXT", PQgetvalue(rounds, i, 4));
			}
			for (int k = 0; k < PQntuples(items); k++) {
				struct tmpl_dict *it;

				if (strcmp(PQgetvalue(items, k, 0), round) != 0 ||
				    (it = tmpl_section(x, "ASKED")) == NULL)
					continue;
				tmpl_set(it, "ITEM_TITLE", PQgetvalue(items, k,
				    r->lang == LANG_ZH ? 1 : 2));
				tmpl_set(it, "CODE", PQgetvalue(items, k, 7));
				tmpl_set(it, "REVIEW_COMMENT", PQgetvalue(items, k, 3));
				if (PQgetvalue(items, k, 4)[0] != '\0') {
					struct tmpl_dict *ans = tmpl_section(it, "ANSWERED");

					if (ans != NULL) {
						tmpl_set(ans, "ANSWER", PQgetvalue(items, k, 4));
						tmpl_set(ans, "ANSWERED_AT", PQgetvalue(items, k, 5));
						tmpl_set(ans, "ANSWERED_BY", PQgetvalue(items, k, 6));
					}
				}
			}
			/* The outcome the applicant has to read first, at the top. */
			if (i == 0 && strcmp(outcome, "declined") == 0) {
				struct tmpl_dict *n = tmpl_section(d, "DECLINED");

				if (n != NULL)
					tmpl_set(n, "REASON", PQgetvalue(rounds, i, 4));
			}
			if (i == 0 && strcmp(outcome, "supplement") == 0 &&
			    PQgetvalue(rounds, i, 4)[0] != '\0') {
				struct tmpl_dict *n = tmpl_section(d, "SUPPLEMENT_NOTE");

				if (n != NULL)
					tmpl_set(n, "TEXT", PQgetvalue(rounds, i, 4));
			}
		}
	PQclear(items);
	PQclear(rounds);
	if (a->state == APP_ACCEPTED) {
		struct tmpl_dict *x;

		if ((rounds = db_query_rows(STMT_APPLICATION_DECISION, p, 1, 1, &st)) == NULL)
			return db_status_http(st);
		if ((x = tmpl_section(d, "ACCEPTED")) != NULL) {
			tmpl_set(x, "MANDAYS", mandays_text(r, (int)db_long(rounds, 0, 0)));
			tmpl_set(x, "DECIDED_AT", PQgetvalue(rounds, 0, 2));
			if (PQgetvalue(rounds, 0, 1)[0] != '\0') {
				struct tmpl_dict *m = tmpl_section(x, "MANDAYS_NOTE");

				if (m != NULL)
					tmpl_set(m, "TEXT", PQgetvalue(rounds, 0, 1));
			}
		}
		PQclear(rounds);
		/* On to the audit: its page, or planning it. */
		if ((rounds = db_query(STMT_AUDIT_OF_APPLICATION, p, &st)) == NULL)
			return db_status_http(st);
		if (PQntuples(rounds) > 0) {
			struct tmpl_dict *l = tmpl_section(d, "AUDIT_LINK");

			if (l != NULL)
				tmpl_set(l, "AUDIT_ID", PQgetvalue(rounds, 0, 0));
		} else if (r->user->roles & ROLE_SUPERVISOR)
			tmpl_show(d, "PLAN_LINK");
		PQclear(rounds);
	}
	return 0;
}
