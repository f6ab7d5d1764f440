/* audits.c: planning an on-site audit (team, dates, man-days, outlets), the audit page, the applicant's confirmation, and the list of audits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/audit.h"
#include "../domain/date.h"
#include "../domain/mandays.h"
#include "../domain/roles.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define TEAM_MAX	16
#define OUTLETS_MAX	2000
#define DATE_LEN	10

/* What an audit is planned for: an accepted application, or a certificate's surveillance. */
struct plan_subject {
	struct application	 app;		/* organization, categories, outlets */
	const char		*kind;		/* audits.kind */
	int64_t			 case_id;	/* the surveillance case, or 0 */
	int			 min_halfdays;	/* fewer man-days need a reason */
	const char		*permille_setting; /* the sampling rule */
	const char		*action;	/* where the form goes */
};

int
audit_find(struct req *r, int64_t id, struct audit *au)
{
	char		 aid[DB_INT_BUF], uid[DB_INT_BUF];
	const char	*p[2] = { db_int(aid, id), db_int(uid, r->user->id) };
	PGresult	*res;
	enum db_status	 st;
	int		 state;

	if ((res = db_query(STMT_AUDIT_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	memset(au, 0, sizeof(*au));
	au->id = db_long(res, 0, 0);
	au->application_id = db_long(res, 0, 1);
	au->organization_id = db_long(res, 0, 2);
	state = audit_state_parse(PQgetvalue(res, 0, 3));
	au->start = arena_strdup(r->arena, PQgetvalue(res, 0, 4));
	au->end = arena_strdup(r->arena, PQgetvalue(res, 0, 5));
	au->mandays_halfdays = (int)db_long(res, 0, 6);
	au->mandays_reason = arena_strdup(r->arena, PQgetvalue(res, 0, 7));
	au->scheme_version = (int)db_long(res, 0, 8);
	au->version = (int)db_long(res, 0, 9);
	au->organization = arena_strdup(r->arena, PQgetvalue(res, 0, 10));
	au->credit_code = arena_strdup(r->arena, PQgetvalue(res, 0, 11));
	au->member = db_bool(res, 0, 12);
	au->leader = db_bool(res, 0, 13);
	au->bonus_indicator = arena_strdup(r->arena, PQgetvalue(res, 0, 14));
	au->bonus_justification = arena_strdup(r->arena, PQgetvalue(res, 0, 15));
	au->kind = arena_strdup(r->arena, PQgetvalue(res, 0, 16));
	PQclear(res);
	if (state < 0)
		return 500;
	au->state = (enum audit_state)state;
	/* Another organization's audit answers like a missing one. */
	if ((r->user->roles & ROLE_APPLICANT) && au->organization_id != r->user->organization_id)
		return 404;
	return 0;
}

int
audit_lock(struct req *r, const struct audit *au, int64_t version, enum audit_state want,
    bool keep_form)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, au->id) };
	PGresult	*res;
	enum db_status	 st;
	bool		 same;

	if ((res = db_query_rows(STMT_AUDIT_LOCK, p, 1, 1, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	same = strcmp(PQgetvalue(res, 0, 0), audit_state_name(want)) == 0 &&
	    (version == 0 || db_long(res, 0, 1) == version);
	PQclear(res);
	if (!same) {
		/* Someone else acted first: show the audit as it is now. */
		struct audit now;
		int status;

		db_rollback();
		if ((status = audit_find(r, au->id, &now)) != 0 ||
		    (status = audit_page(r, &now, NULL, keep_form)) != 0)
			return status;
		tmpl_show(r->view_content, "CHANGED_MEANWHILE");
		return view_render(r, 409);
	}
	return 0;
}

int
audit_bump(const struct audit *au)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, au->id) };
	enum db_status	 st;

	PQclear(db_query_rows(STMT_AUDIT_BUMP, p, 1, 1, &st));
	return st;
}

/* The date typed in field, or NULL with an error beside VAR. */
static const char *
form_date(struct form *f, const char *field, const char *var)
{
	const char *v = form_text(f, field, var, true, DATE_LEN);

	if (v != NULL && !date_valid(v)) {
		form_error(f, var, "field.date");
		return NULL;
	}
	return v;
}

/* The auditors a planner may choose from, with what the page tells about each. */
static int
fill_auditors(struct req *r, struct tmpl_dict *d, int64_t app_id, const char *start,
    const char *end, int64_t leader, const char **members, size_t nmembers)
{
	char		 aid[DB_INT_BUF];
	const char	*p[4] = { db_int(aid, app_id), start, end, NULL };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_AUDITOR_FACTS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict	*x = tmpl_section(d, "AUDITORS");
		struct auditor_check	 c = {
			.auditor = true, .has_profile = db_bool(res, i, 3),
			.valid_through_end = db_bool(res, i, 4),
			.covers_categories = db_bool(res, i, 5),
			.conflict = db_bool(res, i, 6),
		};
		enum auditor_refusal	 why = auditor_refusal(&c);

		if (x == NULL)
			break;
		tmpl_set(x, "AUDITOR_ID", PQgetvalue(res, i, 0));
		tmpl_set(x, "AUDITOR_NAME", PQgetvalue(res, i, 1));
		tmpl_set(x, "VALID_UNTIL", PQgetvalue(res, i, 2));
		if (db_long(res, i, 0) == leader)
			tmpl_show(x, "LEADER");
		for (size_t k = 0; k < nmembers; k++)
			if (strcmp(members[k], PQgetvalue(res, i, 0)) == 0)
				tmpl_show(x, "MEMBER");
		if (why != AUDITOR_OK) {
			struct tmpl_dict *w = tmpl_section(x, "UNFIT");

			if (w != NULL)
				tmpl_set(w, "WHY", view_label(r, "audit.refusal.",
				    auditor_refusal_name(why)));
		} else
			tmpl_show(x, "FIT");
	}
	if (PQntuples(res) == 0)
		tmpl_show(d, "NO_AUDITORS");
	PQclear(res);
	return 0;
}

/* Fixed outlets of the application, chosen ones ticked; the suggested sample size. */
static int
fill_plan_outlets(struct tmpl_dict *d, int64_t app_id, const char *permille_setting,
    const char **chosen, size_t nchosen, int *sample)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, app_id) };
	PGresult	*res;
	enum db_status	 st;
	int		 fixed = 0;

	if ((res = db_query(STMT_OUTLETS_LIST, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *o;

		if (strcmp(PQgetvalue(res, i, 4), "fixed") != 0 ||
		    (o = tmpl_section(d, "PLAN_OUTLETS")) == NULL)
			continue;
		fixed++;
		tmpl_set(o, "OUTLET_ID", PQgetvalue(res, i, 0));
		tmpl_set(o, "NAME", PQgetvalue(res, i, 1));
		tmpl_set(o, "CITY", PQgetvalue(res, i, 3));
		tmpl_set(o, "ADDRESS", PQgetvalue(res, i, 2));
		for (size_t k = 0; k < nchosen; k++)
			if (strcmp(chosen[k], PQgetvalue(res, i, 0)) == 0)
				tmpl_show(o, "CHECKED");
	}
	PQclear(res);
	*sample = mandays_sample((int)settings_long(permille_setting), fixed);
	tmpl_set_int(d, "FIXED_COUNT", fixed);
	tmpl_set_int(d, "SAMPLE", *sample);
	return 0;
}

/* The plan form (new, or again with what was typed). */
static int
plan_page(struct req *r, struct form *f, const struct plan_subject *subj, bool from_form,
    int *sample)
{
	const struct application *a = &subj->app;
	const char	*members[TEAM_MAX], *outlets[OUTLETS_MAX];
	size_t		 nmembers = 0, noutlets = 0;
	int64_t		 leader = 0;
	const char	*start = "", *end = "";
	bool		 dup;
	int		 status;

	if (f->d == NULL && (f->d = view_page(r, "audit_plan", "audit.plan.title")) == NULL)
		return 500;
	tmpl_set(f->d, "APP_ID", arena_printf(r->arena, "%lld", (long long)a->id));
	tmpl_set(f->d, "ORGANIZATION", a->organization);
	tmpl_set(f->d, "CREDIT_CODE", a->credit_code);
	tmpl_set(f->d, "FORM_ACTION", subj->action);
	tmpl_set(f->d, "AUDIT_KIND", view_label(r, "audit.kind.", subj->kind));
	if (from_form) {
		const char *v;

		nmembers = req_values(r, "member", members, TEAM_MAX);
		noutlets = req_values(r, "outlet", outlets, OUTLETS_MAX);
		if ((v = req_param(r, "leader", &dup)) != NULL)
			leader = strtoll(v, NULL, 10);
		if ((v = req_param(r, "start_date", &dup)) != NULL && date_valid(v))
			start = v;
		if ((v = req_param(r, "end_date", &dup)) != NULL && date_valid(v))
			end = v;
	} else
		form_value(f, "MANDAYS", mandays_text(r, subj->min_halfdays));
	if ((status = fill_auditors(r, f->d, a->id, *start ? start : NULL,
	    *end ? end : NULL, leader, members, nmembers > TEAM_MAX ? TEAM_MAX : nmembers)) != 0)
		return status;
	return fill_plan_outlets(f->d, a->id, subj->permille_setting, outlets,
	    noutlets > OUTLETS_MAX ? OUTLETS_MAX : noutlets, sample);
}

/* The initial audit of an accepted application; *existing: its audit if planned. 0 or a status. */
static int
plannable(struct req *r, struct plan_subject *subj, int64_t *existing)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1];
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	memset(subj, 0, sizeof(*subj));
	if ((status = application_find(r, route_param_id(&r->params, "id"), &subj->app)) != 0)
		return status;
	if (subj->app.state != APP_ACCEPTED)
		return view_error(r, 409, "audit.not_accepted");
	p[0] = db_int(aid, subj->app.id);
	if ((res = db_query(STMT_AUDIT_OF_APPLICATION, p, &st)) == NULL)
		return db_status_http(st);
	*existing = PQntuples(res) > 0 ? db_long(res, 0, 0) : 0;
	PQclear(res);
	if ((res = db_query_rows(STMT_APPLICATION_DECISION, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	subj->min_halfdays = (int)db_long(res, 0, 0);
	PQclear(res);
	subj->kind = "initial";
	subj->permille_setting = strcmp(subj->app.kind, "recertification") == 0 ?
	    "mandays_sample_recertification_permille" : "mandays_sample_initial_permille";
	subj->action = arena_printf(r->arena, "/applications/%lld/audit", (long long)subj->app.id);
	return 0;
}

/* The audit of surveillance case {id}: its certificate's application, surveillance sampling. */
static int
surveillance_plannable(struct req *r, struct plan_subject *subj, int64_t *existing)
{
	char		 cid[DB_INT_BUF];
	const char	*p[1] = { db_int(cid, route_param_id(&r->params, "id")) };
	PGresult	*res;
	enum db_status	 st;
	int		 status;
	int64_t		 app_id;
	bool		 live;

	memset(subj, 0, sizeof(*subj));
	if ((res = db_query(STMT_SURVEILLANCE_CASE_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	subj->case_id = db_long(res, 0, 0);
	subj->kind = arena_strdup(r->arena, PQgetvalue(res, 0, 2));
	app_id = db_long(res, 0, 4);
	live = (strcmp(PQgetvalue(res, 0, 3), "open") == 0 ||
	    strcmp(PQgetvalue(res, 0, 3), "overdue") == 0) &&
	    (strcmp(PQgetvalue(res, 0, 5), "valid") == 0 ||
	    strcmp(PQgetvalue(res, 0, 5), "suspended") == 0);
	*existing = db_long(res, 0, 6);
	PQclear(res);
	if ((status = application_find(r, app_id, &subj->app)) != 0)
		return status;
	if (!live && *existing == 0)
		return view_error(r, 409, "audit.case_closed");
	if ((status = application_estimate_as(r, &subj->app, AUDIT_SURVEILLANCE,
	    &subj->min_halfdays)) != 0)
		return status;
	subj->permille_setting = "mandays_sample_surveillance_permille";
	subj->action = arena_printf(r->arena, "/surveillance/%lld/audit", (long long)subj->case_id);
	return 0;
}

/* The plan form for a subject, or its audit when one is planned already. */
static int
plan_form(struct req *r, int (*find)(struct req *, struct plan_subject *, int64_t *))
{
	struct plan_subject	 subj;
	struct form		 f = { .r = r };
	int64_t			 existing;
	int			 status, sample;

	r->private_page = true;
	if ((status = find(r, &subj, &existing)) != 0)
		return status;
	if (existing != 0)
		return resp_redirect(r, arena_printf(r->arena, "/audits/%lld", (long long)existing));
	if ((status = plan_page(r, &f, &subj, false, &sample)) != 0)
		return status;
	return view_render(r, 200);
}

int
page_audit_plan(struct req *r)
{
	return plan_form(r, plannable);
}

int
page_surveillance_plan(struct req *r)
{
	return plan_form(r, surveillance_plannable);
}

/* Why auditor uid may not join the audit, as a message naming the rule; NULL when fit. */
static const char *
auditor_problem(struct req *r, int64_t app_id, const char *uid, const char *start,
    const char *end, int *status)
{
	char		 aid[DB_INT_BUF];
	const char	*p[4] = { db_int(aid, app_id), start, end, uid };
	PGresult	*res;
	enum db_status	 st;
	const char	*msg = NULL;

	*status = 0;
	if ((res = db_query(STMT_AUDITOR_FACTS, p, &st)) == NULL) {
		*status = db_status_http(st);
		return NULL;
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		return view_text(r, "audit.refusal.not_auditor");
	} else {
		struct auditor_check c = {
			.auditor = db_bool(res, 0, 7), .has_profile = db_bool(res, 0, 3),
			.valid_through_end = db_bool(res, 0, 4),
			.covers_categories = db_bool(res, 0, 5), .conflict = db_bool(res, 0, 6),
		};
		enum auditor_refusal why = auditor_refusal(&c);

		if (why != AUDITOR_OK)
			msg = arena_printf(r->arena, "%s%s%s", PQgetvalue(res, 0, 1),
			    view_text(r, "punct.colon"), view_label(r, "audit.refusal.",
			    auditor_refusal_name(why)));
	}
	PQclear(res);
	return msg;
}

static int
plan_submit(struct req *r, int (*find)(struct req *, struct plan_subject *, int64_t *))
{
	struct plan_subject	 subj;
	struct application	 a;
	struct form		 f = { .r = r };
	const char		*start, *end, *typed, *reason, *members[TEAM_MAX + 1];
	const char		*outlets[OUTLETS_MAX + 1], *p[8];
	size_t			 nmembers, noutlets;
	int64_t			 existing, leader, audit_id;
	int			 status, sample, halfdays = -1, accepted_halfdays;
	char			 aid[DB_INT_BUF], uid[DB_INT_BUF], hd[DB_INT_BUF], lid[DB_INT_BUF];
	char			 au_s[DB_INT_BUF], cs[DB_INT_BUF];
	PGresult		*res;
	enum db_status		 st;

	if ((status = find(r, &subj, &existing)) != 0)
		return status;
	a = subj.app;
	if (existing != 0)
		return view_error(r, 409, "audit.already_planned");
	if (req_int(r, "leader", false, 0, INT64_MAX, &leader) != FIELD_OK ||
	    (nmembers = req_values(r, "member", members, TEAM_MAX + 1)) > TEAM_MAX ||
	    (noutlets = req_values(r, "outlet", outlets, OUTLETS_MAX + 1)) > OUTLETS_MAX)
		return 400;
	/* Members as canonical integers, each once. */
	{
		size_t kept = 0;

		for (size_t i = 0; i < nmembers; i++) {
			long long	 v = strtoll(members[i], NULL, 10);
			const char	*canon;
			bool		 seen = false;

			if (v <= 0 || strspn(members[i], "0123456789") != strlen(members[i]))
				return 400;
			canon = arena_printf(r->arena, "%lld", v);
			for (size_t k = 0; k < kept; k++)
				seen = seen || strcmp(members[k], canon) == 0;
			if (!seen)
				members[kept++] = canon;
		}
		nmembers = kept;
	}
	for (size_t i = 0; i < noutlets; i++)
		if (strtoll(outlets[i], NULL, 10) <= 0 || strspn(outlets[i], "0123456789") !=
		    strlen(outlets[i]))
			return 400;
	if ((f.d = view_page(r, "audit_plan", "audit.plan.title")) == NULL)
		return 500;
	start = form_date(&f, "start_date", "START_DATE");
	end = form_date(&f, "end_date", "END_DATE");
	if (start != NULL && end != NULL && strcmp(end, start) < 0)
		form_error(&f, "END_DATE", "audit.end_before_start");
	typed = form_text(&f, "mandays", "MANDAYS", true, 16);
	reason = form_text(&f, "mandays_reason", "MANDAYS_REASON", false, 1000);
	accepted_halfdays = subj.min_halfdays;
	if (typed != NULL && (halfdays = mandays_parse(typed)) < 0)
		form_error(&f, "MANDAYS", "review.mandays_invalid");
	else if (typed != NULL && halfdays < accepted_halfdays && reason != NULL &&
	    *reason == '\0')
		form_error(&f, "MANDAYS_REASON", "audit.mandays_below_estimate");
	if (leader == 0)
		form_error(&f, "TEAM", "audit.leader_required");
	/* The leader is a member too. */
	{
		bool in = false;

		db_int(lid, leader);
		for (size_t i = 0; i < nmembers; i++)
			in = in || strcmp(members[i], lid) == 0;
		if (!in && leader != 0)
			members[nmembers++] = lid;
	}
	/* Every member: an auditor, qualified on every date, for every category, without conflict. */
	if (start != NULL && end != NULL && strcmp(end, start) >= 0)
		for (size_t i = 0; i < nmembers; i++) {
			const char *why = auditor_problem(r, a.id, members[i], start, end, &status);
			struct tmpl_dict *e;

			if (status != 0)
				return status;
			if (why == NULL)
				continue;
			f.errors++;
			if ((e = tmpl_section(f.d, "TEAM_PROBLEMS")) != NULL)
				tmpl_set(e, "MESSAGE", why);
		}
	if ((status = plan_page(r, &f, &subj, true, &sample)) != 0)
		return status;
	if (noutlets < (size_t)sample) {
		form_error(&f, "OUTLETS", "audit.sample_too_small");
	}
	if (f.errors > 0 || reason == NULL) {
		form_summary(&f);
		return view_render(r, 422);
	}

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(aid, a.id);
	p[1] = start;
	p[2] = end;
	p[3] = db_int(hd, halfdays);
	p[4] = reason;
	p[5] = db_int(uid, r->user->id);
	p[6] = subj.kind;
	p[7] = subj.case_id != 0 ? db_int(cs, subj.case_id) : NULL;
	if ((res = db_query_rows(STMT_AUDIT_INSERT, p, 1, 1, &st)) == NULL)
		goto fail;
	audit_id = db_long(res, 0, 0);
	PQclear(res);
	p[0] = db_int(au_s, audit_id);
	p[1] = db_array(r->arena, members, nmembers);
	p[2] = lid;
	if (p[1] == NULL || (res = db_query_rows(STMT_AUDIT_MEMBERS_ADD, p, (int)nmembers,
	    (int)nmembers, &st)) == NULL)
		goto fail;
	PQclear(res);
	p[1] = db_array(r->arena, outlets, noutlets);
	p[2] = aid;
	/* Only the application's own fixed outlets are inserted; anything else is refused. */
	if (p[1] == NULL || (res = db_query_rows(STMT_AUDIT_OUTLETS_ADD, p, (int)noutlets,
	    (int)noutlets, &st)) == NULL) {
		if (st == DB_ROWS) {
			db_rollback();
			view_release(r);
			return view_error(r, 422, "audit.outlet_unknown");
		}
		goto fail;
	}
	PQclear(res);
	p[1] = uid;
	if ((res = db_query(STMT_AUDIT_EXCLUSIONS_PREFILL, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	st = db_event(r->user->id, "audit", audit_id, "audit.planned", NULL, "planned",
	    arena_printf(r->arena, "%s; application %lld; %s to %s; %zu auditors; %zu outlets",
	    subj.kind, (long long)a.id, start, end, nmembers, noutlets), r->remote_addr);
	/* The applicant has a plan to confirm; the team an audit to do. */
	if (st == DB_OK)
		st = db_notify("audit", audit_id, "audit.planned", "org", r->user->id);
	if (st == DB_OK)
		st = db_notify("audit", audit_id, "audit.assigned", "team", r->user->id);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	view_release(r);
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=planned",
	    (long long)audit_id));
fail:
	db_rollback();
	view_release(r);
	if (st == DB_UNIQUE)		/* planned by someone else meanwhile */
		return view_error(r, 409, "audit.already_planned");
	return db_status_http(st);
}

int
page_audit_plan_post(struct req *r)
{
	return plan_submit(r, plannable);
}

int
page_surveillance_plan_post(struct req *r)
{
	return plan_submit(r, surveillance_plannable);
}

/* Team and outlets of the plan. */
static int
fill_plan(struct tmpl_dict *d, const struct audit *au)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, au->id) };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_AUDIT_MEMBERS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *x = tmpl_section(d, "TEAM");

		if (x == NULL)
			break;
		tmpl_set(x, "MEMBER_NAME", PQgetvalue(res, i, 1));
		if (db_bool(res, i, 2))
			tmpl_show(x, "IS_LEADER");
	}
	PQclear(res);
	if ((res = db_query(STMT_AUDIT_OUTLETS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *x = tmpl_section(d, "VISITS");

		if (x == NULL)
			break;
		tmpl_set(x, "NAME", PQgetvalue(res, i, 0));
		tmpl_set(x, "CITY", PQgetvalue(res, i, 1));
		tmpl_set(x, "ADDRESS", PQgetvalue(res, i, 2));
	}
	tmpl_set_int(d, "VISIT_COUNT", PQntuples(res));
	PQclear(res);
	return 0;
}

int
audit_page(struct req *r, const struct audit *au, struct tmpl_dict *d, bool from_form)
{
	int status;

	r->private_page = true;
	if (d == NULL && (d = view_page(r, "audit", "audit.title")) == NULL)
		return 500;
	tmpl_set(d, "AUDIT_ID", arena_printf(r->arena, "%lld", (long long)au->id));
	tmpl_set(d, "APP_ID", arena_printf(r->arena, "%lld", (long long)au->application_id));
	tmpl_set(d, "ORGANIZATION", au->organization);
	tmpl_set(d, "CREDIT_CODE", au->credit_code);
	tmpl_set(d, "AUDIT_STATE", view_label(r, "audit.state.", audit_state_name(au->state)));
	tmpl_set(d, "AUDIT_STATE_CODE", audit_state_name(au->state));
	tmpl_set(d, "START_DATE", au->start);
	tmpl_set(d, "END_DATE", au->end);
	tmpl_set(d, "MANDAYS", mandays_text(r, au->mandays_halfdays));
	tmpl_set_int(d, "AUDIT_VERSION", au->version);
	tmpl_set_int(d, "SCHEME_VERSION", au->scheme_version);
	if (au->mandays_reason[0] != '\0') {
		struct tmpl_dict *x = tmpl_section(d, "MANDAYS_NOTE");

		if (x != NULL)
			tmpl_set(x, "TEXT", au->mandays_reason);
	}
	if ((status = fill_plan(d, au)) != 0)
		return status;
	if ((r->user->roles & ROLE_APPLICANT) && au->state == AUDIT_PLANNED)
		tmpl_show(d, "CONFIRM");
	/* The sheet: the team and the body's staff; the applicant sees the nonconformities. */
	if ((r->user->roles & ROLES_STAFF) && au->state != AUDIT_PLANNED &&
	    (status = scoresheet_fill(r, d, au, from_form)) != 0)
		return status;
	if (au->state != AUDIT_PLANNED &&
	    (status = nonconformities_fill(r, d, au)) != 0)
		return status;
	if (au->state != AUDIT_PLANNED && au->state != AUDIT_CONFIRMED &&
	    (status = decision_fill(r, d, au, from_form)) != 0)
		return status;
	return 0;
}

int
audit_again(struct req *r, struct form *f, const struct audit *au, bool from_form)
{
	int status;

	if ((status = audit_page(r, au, f->d, from_form)) != 0)
		return status;
	form_summary(f);
	return view_render(r, 422);
}

int
page_audit(struct req *r)
{
	struct audit	 au;
	int		 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0 ||
	    (status = audit_page(r, &au, NULL, false)) != 0)
		return status;
	view_done(r, "audit.done");
	return view_render(r, 200);
}

int
page_audit_confirm_post(struct req *r)
{
	struct audit	 au;
	int64_t		 version;
	char		 aid[DB_INT_BUF], uid[DB_INT_BUF];
	const char	*p[2];
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK)
		return 400;
	if (au.state != AUDIT_PLANNED)
		return view_error(r, 409, "audit.not_planned");
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = audit_lock(r, &au, version, AUDIT_PLANNED, false)) != 0)
		return status;
	p[0] = db_int(aid, au.id);
	p[1] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_AUDIT_CONFIRM, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "audit", au.id, "audit.confirmed", "planned",
	    "confirmed", NULL, r->remote_addr)) != DB_OK ||
	    (st = db_notify("audit", au.id, "audit.confirmed", "team", r->user->id)) != DB_OK ||
	    (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=confirmed",
	    (long long)au.id));
fail:
	db_rollback();
	return db_status_http(st);
}

int
page_audits(struct req *r)
{
	struct tmpl_dict	*d;
	char			 uid[DB_INT_BUF];
	const char		*p[1] = { db_int(uid, r->user->id) };
	PGresult		*res;
	enum db_status		 st;

	r->private_page = true;
	if ((d = view_page(r, "audits", "audits.title")) == NULL)
		return 500;
	if (r->user->roles & ROLE_SUPERVISOR) {
		struct tmpl_dict *s = tmpl_section(d, "TO_PLAN_PANEL");

		if ((res = db_query(STMT_APPLICATIONS_TO_PLAN, NULL, &st)) == NULL)
			return db_status_http(st);
		for (int i = 0; s != NULL && i < PQntuples(res); i++) {
			struct tmpl_dict *x = tmpl_section(s, "TO_PLAN");

			if (x == NULL)
				break;
			tmpl_set(x, "APP_ID", PQgetvalue(res, i, 0));
			tmpl_set(x, "ORGANIZATION", PQgetvalue(res, i, 1));
			tmpl_set(x, "DECIDED_AT", PQgetvalue(res, i, 2));
			tmpl_set(x, "MANDAYS", mandays_text(r, (int)db_long(res, i, 3)));
		}
		if (s != NULL && PQntuples(res) == 0)
			tmpl_show(s, "NONE_TO_PLAN");
		PQclear(res);
	}
	if ((res = db_query(STMT_AUDITS_LIST, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *x = tmpl_section(d, "AUDIT_ROWS");

		if (x == NULL)
			break;
		tmpl_set(x, "AUDIT_ID", PQgetvalue(res, i, 0));
		tmpl_set(x, "ORGANIZATION", PQgetvalue(res, i, 1));
		tmpl_set(x, "AUDIT_STATE_CODE", PQgetvalue(res, i, 2));
		tmpl_set(x, "AUDIT_STATE", view_label(r, "audit.state.", PQgetvalue(res, i, 2)));
		tmpl_set(x, "START_DATE", PQgetvalue(res, i, 3));
		tmpl_set(x, "END_DATE", PQgetvalue(res, i, 4));
		tmpl_set(x, "LEADER", PQgetvalue(res, i, 5));
		if (db_bool(res, i, 6))
			tmpl_show(x, "MINE");
	}
	if (PQntuples(res) == 0)
		tmpl_show(d, "NO_AUDITS");
	PQclear(res);
	return view_render(r, 200);
}
