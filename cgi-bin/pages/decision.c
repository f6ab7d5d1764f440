/* decision.c: evaluation of the audit report (评定) and the certification decision (认证决定), which issues the certificate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/certificate.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../domain/scoring.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define INDICATORS_MAX	32
#define COMMENT_MAX	4000
#define STANDARD	"GB/T 27922-2011《商品售后服务评价体系》"

static const char *
tenths_text(struct req *r, int tenths)
{
	return arena_printf(r->arena, "%d.%d", tenths / 10, tenths % 10);
}

/* Who evaluated the audit (0: nobody yet). */
static int
evaluation_load(const struct audit *au, PGresult **out)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, au->id) };
	enum db_status	 st;

	if ((*out = db_query(STMT_EVALUATION_GET, p, &st)) == NULL)
		return db_status_http(st);
	return 0;
}

/* May r's user evaluate au: an evaluator, not on the team, the report in. */
static bool
may_evaluate(const struct req *r, const struct audit *au)
{
	return (r->user->roles & ROLE_EVALUATOR) && !au->member && au->state == AUDIT_REPORTED;
}

int
decision_fill(struct req *r, struct tmpl_dict *d, const struct audit *au, bool from_form)
{
	char		 aid[DB_INT_BUF];
	const char	*p[1] = { db_int(aid, au->id) };
	PGresult	*ev = NULL, *adj = NULL, *dec = NULL, *ind = NULL, *cert = NULL;
	enum db_status	 st;
	int		 status = 0;

	if ((status = evaluation_load(au, &ev)) != 0)
		return status;
	if ((adj = db_query(STMT_ADJUSTMENTS_OF_AUDIT, p, &st)) == NULL ||
	    (dec = db_query(STMT_DECISION_GET, p, &st)) == NULL ||
	    (cert = db_query(STMT_CERTIFICATE_OF_AUDIT, p, &st)) == NULL) {
		status = db_status_http(st);
		goto out;
	}
	for (int i = 0; (r->user->roles & ROLES_STAFF) && i < PQntuples(adj); i++) {
		struct tmpl_dict *x = tmpl_section(d, "ADJUSTMENTS");

		if (x == NULL)
			break;
		tmpl_set(x, "INDICATOR_NAME", PQgetvalue(adj, i, r->lang == LANG_ZH ? 5 : 6));
		tmpl_set(x, "ORIGINAL", PQgetvalue(adj, i, 7));
		tmpl_set(x, "ADJUSTED", tenths_text(r, (int)db_long(adj, i, 1)));
		tmpl_set(x, "REASON", PQgetvalue(adj, i, 2));
		tmpl_set(x, "ADJUSTED_BY", PQgetvalue(adj, i, 3));
	}
	if (PQntuples(ev) == 1 && (r->user->roles & ROLES_STAFF)) {
		struct tmpl_dict *x = tmpl_section(d, "EVALUATION");

		if (x != NULL) {
			tmpl_set(x, "EVALUATOR", PQgetvalue(ev, 0, 1));
			tmpl_set(x, "RECOMMENDATION_CODE", PQgetvalue(ev, 0, 2));
			tmpl_set(x, "RECOMMENDATION", view_label(r, "evaluation.recommendation.",
			    PQgetvalue(ev, 0, 2)));
			tmpl_set(x, "EVAL_LEVEL", PQgetvalue(ev, 0, 3)[0] != '\0' ?
			    view_label(r, "level.", PQgetvalue(ev, 0, 3)) : "");
			tmpl_set(x, "EVAL_FINAL", tenths_text(r, (int)db_long(ev, 0, 4)));
			if (PQgetvalue(ev, 0, 5)[0] != '\0') {
				struct tmpl_dict *c = tmpl_section(x, "EVAL_COMMENT");

				if (c != NULL)
					tmpl_set(c, "EVAL_COMMENT", PQgetvalue(ev, 0, 5));
			}
			tmpl_set(x, "EVALUATED_AT", PQgetvalue(ev, 0, 6));
		}
	}
	if (PQntuples(dec) == 1) {
		struct tmpl_dict *x = tmpl_section(d, "DECIDED");

		if (x != NULL) {
			tmpl_set(x, "SUPERVISOR", PQgetvalue(dec, 0, 0));
			tmpl_set(x, "OUTCOME_CODE", PQgetvalue(dec, 0, 1));
			tmpl_set(x, "OUTCOME", view_label(r, "decision.outcome.", PQgetvalue(dec, 0, 1)));
			if (PQgetvalue(dec, 0, 2)[0] != '\0') {
				struct tmpl_dict *c = tmpl_section(x, "DECISION_COMMENT");

				if (c != NULL)
					tmpl_set(c, "DECISION_COMMENT", PQgetvalue(dec, 0, 2));
			}
			tmpl_set(x, "DECIDED_AT", PQgetvalue(dec, 0, 3));
		}
	}
	if (PQntuples(cert) == 1) {
		struct tmpl_dict *x = tmpl_section(d, "CERTIFICATE");

		if (x != NULL) {
			tmpl_set(x, "CERT_ID", PQgetvalue(cert, 0, 0));
			tmpl_set(x, "CERT_NUMBER", PQgetvalue(cert, 0, 1));
		}
	}
	/* The evaluator's form: adjust indicators, recommend. */
	if (may_evaluate(r, au)) {
		struct tmpl_dict	*x = tmpl_section(d, "EVALUATE_FORM");
		struct score_result	 res;
		char			 ver[DB_INT_BUF];
		const char		*pv[1] = { db_int(ver, au->scheme_version) };

		if (x == NULL || (ind = db_query(STMT_SCHEME_POINTS, pv, &st)) == NULL) {
			status = x == NULL ? 500 : db_status_http(st);
			goto out;
		}
		for (int i = 0; i < PQntuples(ind); i++) {
			struct tmpl_dict *o = tmpl_section(x, "ADJUST_ROWS");
			char field[64];
			const char *v = "", *why = "";
			bool dup;

			if (o == NULL)
				break;
			if (from_form) {
				snprintf(field, sizeof(field), "adjust_%s", PQgetvalue(ind, i, 0));
				if ((v = req_param(r, field, &dup)) == NULL)
					v = "";
				snprintf(field, sizeof(field), "adjust_reason_%s", PQgetvalue(ind, i, 0));
				if ((why = req_param(r, field, &dup)) == NULL)
					why = "";
			}
			tmpl_set(o, "CODE", PQgetvalue(ind, i, 0));
			tmpl_set(o, "INDICATOR_NAME", PQgetvalue(ind, i, r->lang == LANG_ZH ? 2 : 3));
			tmpl_set(o, "MAX", tenths_text(r, (int)db_long(ind, i, 4)));
			tmpl_set(o, "ADJUST", v);
			tmpl_set(o, "ADJUST_REASON", why);
		}
		if ((status = audit_compute(r, au, NULL, 0, &res)) == 0) {
			tmpl_set(x, "COMPUTED_FINAL", tenths_text(r, res.final_tenths));
			tmpl_set(x, "COMPUTED_LEVEL", view_label(r, "level.", star_level_name(res.level)));
			for (int l = LEVEL_COMPLIANT; l < LEVEL__MAX; l++) {
				struct tmpl_dict *o = tmpl_section(x, "LEVEL_OPTIONS");

				if (o == NULL)
					break;
				tmpl_set(o, "VALUE", star_level_name((enum star_level)l));
				tmpl_set(o, "LABEL", view_label(r, "level.", star_level_name((enum star_level)l)));
				if (l == (int)res.level)
					tmpl_show(o, "SELECTED");
			}
		}
		status = status == 422 ? 0 : status;
	}
	/* The supervisor's form: neither on the team nor the evaluator. */
	if ((r->user->roles & ROLE_SUPERVISOR) && !au->member && au->state == AUDIT_EVALUATED &&
	    PQntuples(ev) == 1 && db_long(ev, 0, 0) != r->user->id)
		tmpl_show(d, "DECIDE_FORM");
out:
	PQclear(cert);
	PQclear(ind);
	PQclear(dec);
	PQclear(adj);
	PQclear(ev);
	return status;
}

int
page_audit_evaluate_post(struct req *r)
{
	struct audit		 au;
	struct form		 f = { .r = r };
	struct score_adjustment	 adj[INDICATORS_MAX];
	const char		*reasons[INDICATORS_MAX], *codes[INDICATORS_MAX], *tenths[INDICATORS_MAX];
	const char		*rec, *level = NULL, *comment, *p[6];
	char			 aid[DB_INT_BUF], uid[DB_INT_BUF], fin[DB_INT_BUF], ver[DB_INT_BUF];
	size_t			 nadj = 0;
	struct score_result	 res;
	int64_t			 version;
	bool			 dup;
	PGresult		*ind, *q;
	enum db_status		 st;
	int			 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK ||
	    (rec = req_param(r, "recommendation", &dup)) == NULL || dup ||
	    (strcmp(rec, "certify") != 0 && strcmp(rec, "refuse") != 0))
		return 400;
	if (au.member)
		return view_error(r, 403, "evaluation.was_on_team");
	if (au.state != AUDIT_REPORTED)
		return view_error(r, 409, "evaluation.not_reported");
	if ((f.d = view_page(r, "audit", "audit.title")) == NULL)
		return 500;
	p[0] = db_int(ver, au.scheme_version);
	if ((ind = db_query(STMT_SCHEME_POINTS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(ind) && nadj < INDICATORS_MAX; i++) {
		char		 field[64];
		const char	*v, *why;
		int		 t;

		snprintf(field, sizeof(field), "adjust_%s", PQgetvalue(ind, i, 0));
		if (req_text(r, field, false, 8, &v) != FIELD_OK || *v == '\0')
			continue;
		snprintf(field, sizeof(field), "adjust_reason_%s", PQgetvalue(ind, i, 0));
		if ((t = points_tenths_parse(v)) < 0 || t > db_long(ind, i, 4))
			form_error(&f, "ADJUST", "evaluation.adjust_invalid");
		else if (req_text(r, field, true, 2000, &why) != FIELD_OK)
			form_error(&f, "ADJUST", "evaluation.adjust_reason");
		else {
			adj[nadj].code = codes[nadj] = arena_strdup(r->arena, PQgetvalue(ind, i, 0));
			adj[nadj].tenths = t;
			tenths[nadj] = arena_printf(r->arena, "%d", t);
			reasons[nadj++] = why;
		}
	}
	PQclear(ind);
	comment = form_text(&f, "comment", "EVAL_COMMENT_TYPED", false, COMMENT_MAX);
	if (f.errors > 0 || comment == NULL)
		return audit_again(r, &f, &au, true);
	if ((status = audit_compute(r, &au, adj, nadj, &res)) != 0) {
		if (status != 422)
			return status;
		form_error(&f, "ADJUST", "audit.block.nothing_applicable");
		return audit_again(r, &f, &au, true);
	}
	if (strcmp(rec, "certify") == 0) {
		int l;

		if ((level = req_param(r, "level", &dup)) == NULL || dup ||
		    (l = star_level_parse(level)) <= LEVEL_NONE)
			return 400;
		/* A level the score does not give needs the evaluator's reason. */
		if (res.level == LEVEL_NONE)
			form_error(&f, "RECOMMENDATION", "evaluation.score_gives_no_level");
		else if (l > (int)res.level)
			form_error(&f, "RECOMMENDATION", "evaluation.level_above_score");
		else if (l != (int)res.level && *comment == '\0')
			form_error(&f, "RECOMMENDATION", "evaluation.level_reason");
	} else if (res.level != LEVEL_NONE && *comment == '\0')
		form_error(&f, "RECOMMENDATION", "evaluation.refusal_reason");
	if (f.errors > 0)
		return audit_again(r, &f, &au, true);
	view_release(r);

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = audit_lock(r, &au, version, AUDIT_REPORTED, false)) != 0)
		return status;
	p[0] = db_int(aid, au.id);
	p[1] = db_array(r->arena, codes, nadj);
	p[2] = db_array(r->arena, tenths, nadj);
	p[3] = db_array(r->arena, reasons, nadj);
	p[4] = db_int(uid, r->user->id);
	if (p[1] == NULL || p[2] == NULL || p[3] == NULL ||
	    (q = db_query(STMT_ADJUSTMENTS_SAVE, p, &st)) == NULL)
		goto fail;
	PQclear(q);
	p[1] = uid;
	p[2] = rec;
	p[3] = level;
	p[4] = db_int(fin, res.final_tenths);
	p[5] = comment;
	if ((q = db_query_rows(STMT_EVALUATION_INSERT, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(q);
	p[1] = "reported";
	p[2] = "evaluated";
	if ((q = db_query_rows(STMT_AUDIT_MOVE, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(q);
	if ((st = db_event(r->user->id, "audit", au.id, "audit.evaluated", "reported", "evaluated",
	    arena_printf(r->arena, "%s %s; %s; %zu adjustments", rec, level != NULL ? level : "",
	    tenths_text(r, res.final_tenths), nadj), r->remote_addr)) != DB_OK ||
	    (st = db_notify("audit", au.id, "audit.evaluated", "supervisors", r->user->id)) != DB_OK ||
	    (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=evaluated",
	    (long long)au.id));
fail:
	db_rollback();
	return db_status_http(st);
}

static enum db_status certificate_change(struct req *, const char *cert, const char *change,
    const char *from, const char *to, const char *code, const char *reason);

/* Issue the certificate of an approved audit (in the caller's transaction); its number into number. */
static enum db_status
certificate_issue(struct req *r, const struct audit *au, const char *level,
    char number[CERT_NUMBER_MAX + 1], int64_t *cert_id)
{
	char		 issue[11], expiry[11], s1[11], s2[11], year[8], aid[DB_INT_BUF];
	const char	*p[6];
	PGresult	*res;
	enum db_status	 st;

	date_today(issue);
	if (cert_add_months(issue, 36, expiry) != 0 || cert_add_months(issue, 12, s1) != 0 ||
	    cert_add_months(issue, 24, s2) != 0)
		return DB_ERROR;
	memcpy(year, issue, 4);
	year[4] = '\0';
	p[0] = year;
	if ((res = db_query_rows(STMT_CERT_SERIAL_NEXT, p, 1, 1, &st)) == NULL)
		return st;
	if (cert_number(settings_get("certificate_number_pattern"), (int)strtol(year, NULL, 10),
	    (long)db_long(res, 0, 0), number) != 0) {
		PQclear(res);
		fprintf(stderr, "certificate_number_pattern makes no valid number\n");
		return DB_CHECK;
	}
	PQclear(res);
	p[0] = number;
	p[1] = db_int(aid, au->id);
	p[2] = issue;
	p[3] = expiry;
	p[4] = s1;
	p[5] = s2;
	if ((res = db_query_rows(STMT_CERTIFICATE_INSERT, p, 1, 1, &st)) == NULL)
		return st;
	*cert_id = db_long(res, 0, 0);
	PQclear(res);
	p[0] = arena_printf(r->arena, "%lld", (long long)*cert_id);
	p[1] = level;
	p[2] = STANDARD;
	PQclear(db_query_rows(STMT_CERTIFICATE_VERSION_INSERT, p, 1, 1, &st));
	if (st == DB_OK) {
		char		 uid[DB_INT_BUF];
		const char	*h[8] = { p[0], issue, "issued", NULL, "valid", NULL, "",
				    db_int(uid, r->user->id) };

		PQclear(db_query(STMT_CERT_HISTORY_ADD, h, &st));
	}
	/* A recertification's certificate continues the old one, which ends as replaced. */
	if (st == DB_OK && (res = db_query(STMT_CERTIFICATES_REPLACE, p, &st)) != NULL) {
		for (int i = 0; i < PQntuples(res) && st == DB_OK; i++)
			st = certificate_change(r, PQgetvalue(res, i, 0), "status",
			    PQgetvalue(res, i, 1), "replaced", "recertified",
			    arena_printf(r->arena, "%s", number));
		PQclear(res);
	}
	return st;
}

/* History row and event of a change to certificate cert (in the caller's transaction). */
static enum db_status
certificate_change(struct req *r, const char *cert, const char *change, const char *from,
    const char *to, const char *code, const char *reason)
{
	char		 today[11], uid[DB_INT_BUF];
	const char	*p[8];
	enum db_status	 st;

	date_today(today);
	p[0] = cert;
	p[1] = today;
	p[2] = change;
	p[3] = from;
	p[4] = to;
	p[5] = code;
	p[6] = reason;
	p[7] = db_int(uid, r->user->id);
	PQclear(db_query(STMT_CERT_HISTORY_ADD, p, &st));
	if (st != DB_OK)
		return st;
	return db_event(r->user->id, "certificate", strtoll(cert, NULL, 10),
	    arena_printf(r->arena, "certificate.%s_changed", change), from, to,
	    arena_printf(r->arena, "%s%s%s", code, *reason != '\0' ? ": " : "", reason),
	    r->remote_addr);
}

/*
 * The decision on a surveillance audit: approved keeps the certificate at
 * the recommended level (a new version when it changes; a suspended one is
 * valid again), refused suspends it; the case is done either way.
 */
static enum db_status
surveillance_outcome(struct req *r, const struct audit *au, bool approve, const char *level,
    const char *comment, int64_t *cert_id)
{
	char		 aid[DB_INT_BUF], today[11];
	const char	*p[4], *cert, *status, *old_level, *case_id;
	PGresult	*res, *q;
	enum db_status	 st;

	p[0] = db_int(aid, au->id);
	if ((res = db_query_rows(STMT_AUDIT_CASE, p, 1, 1, &st)) == NULL)
		return st;
	case_id = arena_strdup(r->arena, PQgetvalue(res, 0, 0));
	cert = arena_strdup(r->arena, PQgetvalue(res, 0, 1));
	status = arena_strdup(r->arena, PQgetvalue(res, 0, 2));
	old_level = arena_strdup(r->arena, PQgetvalue(res, 0, 3));
	*cert_id = db_long(res, 0, 1);
	PQclear(res);
	date_today(today);
	p[0] = case_id;
	if ((q = db_query(STMT_CASE_DONE, p, &st)) == NULL)
		return st;
	PQclear(q);
	p[0] = cert;
	if (approve && strcmp(level, old_level) != 0) {
		p[1] = level;
		if ((q = db_query_rows(STMT_CERTIFICATE_LEVEL_VERSION, p, 1, 1, &st)) == NULL)
			return st;
		PQclear(q);
		if ((st = certificate_change(r, cert, "level", old_level, level,
		    "surveillance", comment)) != DB_OK)
			return st;
	}
	if ((approve && strcmp(status, "suspended") == 0) ||
	    (!approve && strcmp(status, "valid") == 0)) {
		p[1] = status;
		p[2] = approve ? "valid" : "suspended";
		p[3] = today;
		if ((q = db_query_rows(STMT_CERT_STATUS_SET, p, 1, 1, &st)) == NULL)
			return st;
		PQclear(q);
		return certificate_change(r, cert, "status", status, p[2],
		    approve ? "surveillance_passed" : "surveillance_failed", comment);
	}
	return DB_OK;
}

int
page_audit_decide_post(struct req *r)
{
	struct audit	 au;
	struct form	 f = { .r = r };
	const char	*outcome, *comment, *p[4];
	char		 aid[DB_INT_BUF], uid[DB_INT_BUF], number[CERT_NUMBER_MAX + 1] = "";
	int64_t		 version, cert_id = 0;
	bool		 dup, approve;
	PGresult	*ev, *q;
	enum db_status	 st;
	int		 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK ||
	    (outcome = req_param(r, "outcome", &dup)) == NULL || dup ||
	    (strcmp(outcome, "approved") != 0 && strcmp(outcome, "refused") != 0))
		return 400;
	approve = strcmp(outcome, "approved") == 0;
	if (au.member)
		return view_error(r, 403, "decision.was_on_team");
	if (au.state == AUDIT_DECIDED)
		return view_error(r, 409, "decision.already");
	if (au.state != AUDIT_EVALUATED)
		return view_error(r, 409, "decision.not_evaluated");
	if ((status = evaluation_load(&au, &ev)) != 0)
		return status;
	if (PQntuples(ev) != 1 || db_long(ev, 0, 0) == r->user->id) {
		PQclear(ev);
		return view_error(r, 403, "decision.was_evaluator");
	}
	if (approve && strcmp(PQgetvalue(ev, 0, 2), "certify") != 0) {
		PQclear(ev);
		return view_error(r, 409, "decision.recommended_refusal");
	}
	if ((f.d = view_page(r, "audit", "audit.title")) == NULL) {
		PQclear(ev);
		return 500;
	}
	if ((comment = form_text(&f, "comment", "DECISION_COMMENT_TYPED", !approve, COMMENT_MAX)) == NULL) {
		PQclear(ev);
		return audit_again(r, &f, &au, true);
	}
	view_release(r);
	if ((st = db_begin()) != DB_OK) {
		PQclear(ev);
		return db_status_http(st);
	}
	if ((status = audit_lock(r, &au, version, AUDIT_EVALUATED, false)) != 0) {
		PQclear(ev);
		return status;
	}
	p[0] = db_int(aid, au.id);
	p[1] = db_int(uid, r->user->id);
	p[2] = outcome;
	p[3] = comment;
	if ((q = db_query_rows(STMT_DECISION_INSERT, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(q);
	p[1] = "evaluated";
	p[2] = "decided";
	if ((q = db_query_rows(STMT_AUDIT_MOVE, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(q);
	if (strcmp(au.kind, "initial") != 0) {
		if ((st = surveillance_outcome(r, &au, approve, PQgetvalue(ev, 0, 3), comment,
		    &cert_id)) != DB_OK)
			goto fail;
	} else if (approve && (st = certificate_issue(r, &au, PQgetvalue(ev, 0, 3), number,
	    &cert_id)) != DB_OK)
		goto fail;
	if ((st = db_event(r->user->id, "audit", au.id, "audit.decided", "evaluated", outcome,
	    *comment != '\0' ? comment : NULL, r->remote_addr)) != DB_OK ||
	    (st = db_notify("audit", au.id, "audit.decided", "org", r->user->id)) != DB_OK)
		goto fail;
	if (approve && *number != '\0' && (st = db_event(r->user->id, "certificate", cert_id, "certificate.issued",
	    NULL, "valid", arena_printf(r->arena, "%s, %s", number, PQgetvalue(ev, 0, 3)),
	    r->remote_addr)) != DB_OK)
		goto fail;
	if ((st = db_commit()) != DB_OK)
		goto fail;
	PQclear(ev);
	if (strcmp(au.kind, "initial") != 0)
		return resp_redirect(r, arena_printf(r->arena, "/certificates/%lld?done=status",
		    (long long)cert_id));
	return resp_redirect(r, approve ? arena_printf(r->arena, "/certificates/%lld?done=issued",
	    (long long)cert_id) : arena_printf(r->arena, "/audits/%lld?done=refused",
	    (long long)au.id));
fail:
	PQclear(ev);
	db_rollback();
	return db_status_http(st);
}
