/* review_outcome.c: the reviewer's verdicts per material, the eligibility checklist, and the outcomes: supplement, accept, decline. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../domain/mandays.h"
#include "../domain/review.h"
#include "../domain/roles.h"
#include "../domain/workflow.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define MATERIALS_MAX	128
#define COMMENT_MAX	2000	/* a verdict's comment, a supplement answer */
#define NOTE_MAX	1000	/* an eligibility note, the man-day reason */
#define REASON_MAX	4000	/* the round's comment, the reason for declining */

/* The review form's actions, each but "save" an outcome of the workflow. */
enum review_action { RA_SAVE, RA_SUPPLEMENT, RA_ACCEPT, RA_DECLINE };

static const struct {
	const char		*name;
	enum review_action	 action;
	enum app_action		 move;		/* for the outcomes */
	const char		*outcome;	/* review_rounds.outcome */
} review_actions[] = {
	{ "save", RA_SAVE, APP_ACTION__MAX, NULL },
	{ "supplement", RA_SUPPLEMENT, APP_REQUEST_SUPPLEMENT, "supplement" },
	{ "accept", RA_ACCEPT, APP_ACCEPT, "accepted" },
	{ "decline", RA_DECLINE, APP_DECLINE, "declined" },
};

bool
review_may_judge(const struct req *r, const struct application *a)
{
	return (r->user->roles & ROLE_REVIEWER) && a->state == APP_IN_REVIEW &&
	    a->reviewer_id == r->user->id;
}

/*
 * The verdict typed for material mid: 0 with *problem a message key or
 * NULL, or 400 for a value no form offers.
 */
static int
verdict_from_form(const struct req *r, const char *mid, enum verdict *v,
    const char **comment, const char **problem)
{
	char		 field[48];
	bool		 dup;
	const char	*value;
	int		 parsed;

	*problem = NULL;
	snprintf(field, sizeof(field), "verdict_%s", mid);
	value = req_param(r, field, &dup);
	if (dup || (parsed = verdict_parse(value)) < 0)
		return 400;
	*v = (enum verdict)parsed;
	snprintf(field, sizeof(field), "comment_%s", mid);
	switch (req_text(r, field, false, COMMENT_MAX, comment)) {
	case FIELD_OK:
		break;
	case FIELD_TOO_LONG:
		*problem = "field.too_long";
		return 0;
	default:
		return 400;
	}
	if (verdict_needs_comment(*v) && **comment == '\0')
		*problem = *v == VERDICT_SUPPLEMENT ? "review.comment_required" :
		    "review.reason_required";
	return 0;
}

int
material_review_load(struct req *r, const struct application *a, bool from_form,
    struct material_review *mr)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	enum db_status	 st;

	memset(mr, 0, sizeof(*mr));
	mr->from_form = from_form;
	mr->judging = review_may_judge(r, a);
	if ((r->user->roles & ROLES_STAFF) &&
	    (mr->verdicts = db_query(STMT_VERDICTS_OF_APPLICATION, p, &st)) == NULL)
		return db_status_http(st);
	if ((r->user->roles & ROLE_APPLICANT) && app_applicant_may_supplement(a->state) &&
	    (mr->flagged = db_query(STMT_SUPPLEMENT_ITEMS_CURRENT, p, &st)) == NULL)
		return db_status_http(st);
	return 0;
}

void
material_review_free(struct material_review *mr)
{
	PQclear(mr->verdicts);
	PQclear(mr->flagged);
	mr->verdicts = mr->flagged = NULL;
}

static int
row_of(const PGresult *res, const char *mid)
{
	for (int i = 0; res != NULL && i < PQntuples(res); i++)
		if (strcmp(PQgetvalue(res, i, 0), mid) == 0)
			return i;
	return -1;
}

bool
material_review_fill(struct req *r, struct tmpl_dict *s, const struct material_review *mr,
    const char *mid, const char *newest_document)
{
	int		 v = row_of(mr->verdicts, mid), f = row_of(mr->flagged, mid);
	struct tmpl_dict *x;

	if (f >= 0 && (x = tmpl_section(s, "FLAGGED")) != NULL) {
		tmpl_set(x, "REVIEW_COMMENT", PQgetvalue(mr->flagged, f, 1));
		if (db_long(mr->flagged, f, 6) > 0)
			tmpl_set_int(x, "NEW_VERSIONS", db_long(mr->flagged, f, 6));
		else
			tmpl_show(x, "NO_NEW_VERSION");
	}
	if (mr->judging && (x = tmpl_section(s, "VERDICT_FORM")) != NULL) {
		enum verdict	 verdict = VERDICT_NONE;
		const char	*comment = "", *problem = NULL;
		char		 sec[32];

		if (mr->from_form) {
			if (verdict_from_form(r, mid, &verdict, &comment, &problem) != 0)
				verdict = VERDICT_NONE;
		} else if (v >= 0) {
			verdict = (enum verdict)verdict_parse(PQgetvalue(mr->verdicts, v, 1));
			comment = PQgetvalue(mr->verdicts, v, 2);
		}
		if (verdict != VERDICT_NONE) {
			snprintf(sec, sizeof(sec), "V_%s", verdict_name(verdict));
			tmpl_show(x, sec);
		}
		tmpl_set(x, "REVIEW_COMMENT", comment);
		if (problem != NULL) {
			struct tmpl_dict *e = tmpl_section(x, "VERDICT_COMMENT_ERROR");

			if (e != NULL)
				tmpl_set(e, "MESSAGE", view_text(r, problem));
		}
	} else if (v >= 0 && (x = tmpl_section(s, "VERDICT_SHOWN")) != NULL) {
		tmpl_set(x, "VERDICT_CODE", PQgetvalue(mr->verdicts, v, 1));
		tmpl_set(x, "VERDICT", view_label(r, "verdict.", PQgetvalue(mr->verdicts, v, 1)));
		tmpl_set(x, "REVIEW_COMMENT", PQgetvalue(mr->verdicts, v, 2));
		tmpl_set(x, "DECIDED_BY", PQgetvalue(mr->verdicts, v, 5));
		tmpl_set(x, "DECIDED_AT", PQgetvalue(mr->verdicts, v, 6));
	}
	/* The reviewer judged an older version than the newest one. */
	if (v >= 0 && (r->user->roles & ROLES_STAFF) && newest_document != NULL &&
	    strcmp(PQgetvalue(mr->verdicts, v, 3), newest_document) != 0)
		tmpl_show(s, "NEWER_THAN_VERDICT");
	return f >= 0;
}

/* The eligibility checklist and the outcome form, for the reviewer holding the application. */
int
review_decision_fill(struct req *r, struct tmpl_dict *d, const struct application *a,
    bool from_form, int estimate_halfdays)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, a->id) };
	struct tmpl_dict *x = tmpl_section(d, "DECISION");
	PGresult	*res = NULL;
	enum db_status	 st;

	if (x == NULL)
		return 500;
	if (!from_form && (res = db_query(STMT_ELIGIBILITY_OF_APPLICATION, p, &st)) == NULL)
		return db_status_http(st);
	for (int c = 0; c < CRITERION__MAX; c++) {
		struct tmpl_dict	*row = tmpl_section(x, "CRITERIA");
		const char		*name = criterion_name((enum criterion)c);
		const char		*note = "";
		bool			 met = false, dup;
		char			 field[48];

		if (row == NULL)
			break;
		if (from_form) {
			snprintf(field, sizeof(field), "met_%s", name);
			met = req_param(r, field, &dup) != NULL;
			snprintf(field, sizeof(field), "note_%s", name);
			if (req_text(r, field, false, NOTE_MAX, &note) != FIELD_OK)
				note = "";
		} else {
			int k = row_of(res, name);

			if (k >= 0) {
				met = db_bool(res, k, 1);
				note = PQgetvalue(res, k, 2);
			}
		}
		tmpl_set(row, "CRITERION", name);
		tmpl_set(row, "CRITERION_LABEL", view_label(r, "eligibility.", name));
		tmpl_set(row, "NOTE", note);
		if (met)
			tmpl_show(row, "MET");
	}
	PQclear(res);
	if (!from_form) {
		tmpl_set(x, "MANDAYS", mandays_text(r, estimate_halfdays));
		tmpl_set(x, "MANDAYS_REASON", "");
	}
	tmpl_set(x, "ESTIMATE_MANDAYS", mandays_text(r, estimate_halfdays));
	return 0;
}

/* The page again, as the reviewer filled it in, with status (422 or 409). */
static int
review_again(struct req *r, struct form *f, const struct application *a, int status)
{
	int st;

	if ((st = application_page(r, a, f->d, true)) != 0)
		return st;
	form_summary(f);
	return view_render(r, status);
}

/* Is every verdict_N field about an active material of the checklist? */
static bool
verdict_fields_known(const struct req *r, const PGresult *materials)
{
	for (size_t i = 0; i < r->form.count; i++) {
		const char *k = r->form.items[i].key;

		if (strncmp(k, "verdict_", 8) != 0 && strncmp(k, "comment_", 8) != 0)
			continue;
		if (row_of(materials, k + 8) < 0)
			return false;
	}
	return true;
}

int
page_application_review_post(struct req *r)
{
	struct application	 a;
	struct form		 f = { .r = r };
	const char		*action, *comment, *mids[MATERIALS_MAX];
	const char		*verdicts[MATERIALS_MAX], *comments[MATERIALS_MAX];
	const char		*titles[MATERIALS_MAX];
	const char		*crit[CRITERION__MAX], *met_s[CRITERION__MAX], *notes[CRITERION__MAX];
	const char		*mandays_reason = NULL, *p[6];
	struct review_item	 items[MATERIALS_MAX];
	bool			 met[CRITERION__MAX], dup;
	size_t			 n = 0, nkept = 0, ra;
	int64_t			 version;
	int			 status, halfdays = 0, estimate = 0;
	char			 aid[DB_INT_BUF], uid[DB_INT_BUF], rnd[DB_INT_BUF], hd[DB_INT_BUF];
	const char		*kept[MATERIALS_MAX];
	const struct app_transition *t = NULL;
	PGresult		*mat, *res;
	enum db_status		 st;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK ||
	    (action = req_param(r, "action", &dup)) == NULL || dup)
		return 400;
	for (ra = 0; ra < sizeof(review_actions) / sizeof(review_actions[0]); ra++)
		if (strcmp(action, review_actions[ra].name) == 0)
			break;
	if (ra == sizeof(review_actions) / sizeof(review_actions[0]))
		return 400;
	if (review_actions[ra].action != RA_SAVE) {
		t = app_transition(review_actions[ra].move, a.state);
		if (t == NULL)
			return view_error(r, 409, "review.not_allowed");
		if ((t->roles & r->user->roles) == 0)
			return 403;
	}
	if (!review_may_judge(r, &a))
		return a.state == APP_IN_REVIEW && (r->user->roles & ROLE_REVIEWER) ?
		    view_error(r, 409, "review.not_holder") :
		    view_error(r, 409, "review.not_allowed");

	if ((f.d = view_page(r, "application", "application.title")) == NULL)
		return 500;
	/* The verdicts, one per active material of the checklist. */
	if ((mat = db_query(STMT_MATERIALS_LIST, NULL, &st)) == NULL)
		return db_status_http(st);
	if (!verdict_fields_known(r, mat)) {
		PQclear(mat);
		view_release(r);
		return view_error(r, 422, "review.unknown_material");
	}
	for (int i = 0; i < PQntuples(mat) && n < MATERIALS_MAX; i++) {
		const char	*mid = PQgetvalue(mat, i, 0), *problem;
		enum verdict	 v;

		if (verdict_from_form(r, mid, &v, &comments[n], &problem) != 0) {
			PQclear(mat);
			view_release(r);
			return 400;
		}
		if (problem != NULL)
			f.errors++;
		items[n].required = strcmp(PQgetvalue(mat, i, 5), "required") == 0;
		items[n].verdict = v;
		mids[n] = arena_strdup(r->arena, mid);
		titles[n] = arena_strdup(r->arena, PQgetvalue(mat, i, r->lang == LANG_ZH ? 3 : 4));
		verdicts[n] = verdict_name(v);
		if (v != VERDICT_NONE)
			kept[nkept++] = mids[n];
		n++;
	}
	PQclear(mat);
	/* The eligibility checklist. */
	for (int c = 0; c < CRITERION__MAX; c++) {
		char field[48];

		crit[c] = criterion_name((enum criterion)c);
		snprintf(field, sizeof(field), "met_%s", crit[c]);
		met[c] = req_param(r, field, &dup) != NULL;
		met_s[c] = met[c] ? "t" : "f";
		snprintf(field, sizeof(field), "note_%s", crit[c]);
		if (req_text(r, field, false, NOTE_MAX, &notes[c]) != FIELD_OK) {
			notes[c] = "";
			form_error(&f, "ELIGIBILITY", "review.note_too_long");
		}
	}
	comment = form_text(&f, review_actions[ra].action == RA_DECLINE ?
	    "decline_reason" : "comment", review_actions[ra].action == RA_DECLINE ?
	    "DECLINE_REASON" : "COMMENT", review_actions[ra].action == RA_DECLINE, REASON_MAX);
	if (review_actions[ra].action == RA_DECLINE)
		form_text(&f, "comment", "COMMENT", false, REASON_MAX);
	else
		form_text(&f, "decline_reason", "DECLINE_REASON", false, REASON_MAX);
	{
		const char *typed = form_text(&f, "mandays", "MANDAYS", false, 16);

		mandays_reason = form_text(&f, "mandays_reason", "MANDAYS_REASON", false, NOTE_MAX);
		if ((status = application_estimate(r, &a, &estimate)) != 0) {
			view_release(r);
			return status;
		}
		if (review_actions[ra].action == RA_ACCEPT && typed != NULL) {
			if ((halfdays = mandays_parse(typed)) < 0)
				form_error(&f, "MANDAYS", "review.mandays_invalid");
			else if (halfdays != estimate && mandays_reason != NULL &&
			    *mandays_reason == '\0')
				form_error(&f, "MANDAYS_REASON", "review.mandays_reason_required");
		}
	}
	if (review_actions[ra].action == RA_SUPPLEMENT && review_flagged(items, n) == 0)
		form_error(&f, "OUTCOME", "review.nothing_flagged");
	if (review_actions[ra].action == RA_ACCEPT) {
		struct review_blocker	 b[MATERIALS_MAX + CRITERION__MAX];
		size_t			 nb = review_accept_blockers(items, n, met, b,
					    sizeof(b) / sizeof(b[0]));

		if (nb > 0) {
			static const char *const keys[BLOCKER__MAX] = {
				[BLOCKER_REQUIRED_OPEN] = "review.blocker.required_open",
				[BLOCKER_SUPPLEMENT_OPEN] = "review.blocker.supplement_open",
				[BLOCKER_CRITERION] = "review.blocker.criterion",
			};
			struct tmpl_dict *list = tmpl_section(f.d, "HAS_BLOCKERS");

			form_error(&f, "OUTCOME", "review.not_ready");
			for (size_t i = 0; list != NULL && i < nb && i < sizeof(b) / sizeof(b[0]); i++) {
				struct tmpl_dict *x = tmpl_section(list, "BLOCKERS");

				if (x == NULL)
					break;
				tmpl_set(x, "TEXT", view_text(r, keys[b[i].kind]));
				tmpl_set(x, "ITEM", b[i].kind == BLOCKER_CRITERION ?
				    view_label(r, "eligibility.", criterion_name((enum criterion)b[i].index)) :
				    titles[b[i].index]);
			}
		}
	}
	if (f.errors > 0 || comment == NULL || mandays_reason == NULL)
		return review_again(r, &f, &a, 422);

	/* All checked: write it in one transaction, on the row as it is now. */
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(aid, a.id);
	if ((res = db_query_rows(STMT_APPLICATION_LOCK_REVIEW, p, 1, 1, &st)) == NULL)
		goto fail;
	if (strcmp(PQgetvalue(res, 0, 0), "in_review") != 0 ||
	    db_long(res, 0, 1) != version || db_long(res, 0, 2) != r->user->id) {
		/* Another reviewer, a supervisor or another tab got there first. */
		PQclear(res);
		db_rollback();
		view_release(r);
		if ((status = application_find(r, a.id, &a)) != 0 ||
		    (status = application_page(r, &a, NULL, false)) != 0)
			return status;
		tmpl_show(r->view_content, "CHANGED_MEANWHILE");
		return view_render(r, 409);
	}
	db_int(rnd, db_long(res, 0, 3));
	PQclear(res);
	db_int(uid, r->user->id);
	p[1] = db_array(r->arena, kept, nkept);
	if (p[1] == NULL || (res = db_query(STMT_VERDICTS_CLEAR_OTHERS, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	{
		const char *vm[MATERIALS_MAX], *vv[MATERIALS_MAX], *vc[MATERIALS_MAX];
		size_t k = 0;

		for (size_t i = 0; i < n; i++)
			if (items[i].verdict != VERDICT_NONE) {
				vm[k] = mids[i];
				vv[k] = verdicts[i];
				vc[k++] = comments[i];
			}
		p[1] = db_array(r->arena, vm, k);
		p[2] = db_array(r->arena, vv, k);
		p[3] = db_array(r->arena, vc, k);
		p[4] = rnd;
		p[5] = uid;
		if (p[1] == NULL || p[2] == NULL || p[3] == NULL ||
		    (res = db_query(STMT_VERDICTS_SAVE, p, &st)) == NULL)
			goto fail;
		PQclear(res);
	}
	p[1] = db_array(r->arena, crit, CRITERION__MAX);
	p[2] = db_array(r->arena, met_s, CRITERION__MAX);
	p[3] = db_array(r->arena, notes, CRITERION__MAX);
	p[4] = uid;
	if (p[1] == NULL || p[2] == NULL || p[3] == NULL ||
	    (res = db_query(STMT_ELIGIBILITY_SAVE, p, &st)) == NULL)
		goto fail;
	PQclear(res);

	if (review_actions[ra].action == RA_SUPPLEMENT) {
		p[1] = rnd;
		if ((res = db_query(STMT_SUPPLEMENT_ITEMS_OPEN, p, &st)) == NULL)
			goto fail;
		PQclear(res);
	}
	if (t != NULL) {
		p[1] = rnd;
		p[2] = review_actions[ra].outcome;
		p[3] = comment;
		p[4] = uid;
		if ((res = db_query_rows(STMT_ROUND_CLOSE, p, 1, 1, &st)) == NULL)
			goto fail;
		PQclear(res);
	}
	p[1] = app_state_name(a.state);
	p[2] = app_state_name(t != NULL ? t->to : a.state);
	p[3] = review_actions[ra].action == RA_ACCEPT ? db_int(hd, halfdays) : NULL;
	p[4] = review_actions[ra].action == RA_ACCEPT ? mandays_reason : NULL;
	if ((res = db_query_rows(STMT_APPLICATION_MOVE, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	st = db_event(r->user->id, "application", a.id, t != NULL ?
	    app_action_name(t->action) : "application.review_saved",
	    t != NULL ? app_state_name(t->from) : NULL, t != NULL ? app_state_name(t->to) : NULL,
	    review_actions[ra].action == RA_ACCEPT ? arena_printf(r->arena,
	    "round %s; man-days %s (estimate %s)%s%s", rnd, mandays_text(r, halfdays),
	    mandays_text(r, estimate), *mandays_reason != '\0' ? ": " : "", mandays_reason) :
	    arena_printf(r->arena, "round %s%s%s", rnd, *comment != '\0' ? ": " : "", comment),
	    r->remote_addr);
	/* Supplement requested, accepted or declined: the applicant hears of it. */
	if (st == DB_OK && t != NULL)
		st = db_notify("application", a.id, app_action_name(t->action), "org",
		    r->user->id);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	view_release(r);
	return resp_redirect(r, arena_printf(r->arena, "/applications/%lld?done=%s",
	    (long long)a.id, review_actions[ra].action == RA_SAVE ? "review_saved" :
	    review_actions[ra].outcome));
fail:
	db_rollback();
	view_release(r);
	return db_status_http(st);
}
