/* scoresheet.c: the audit's score sheet: points, exclusions and samples per indicator, evidence files, special deductions and bonus, the running score, and the leader's report. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/audit.h"
#include "../domain/roles.h"
#include "../domain/scoring.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define INDICATORS_MAX	32
#define NOTES_MAX	4000
#define SAMPLES_MAX	100000

/* One indicator of the sheet as typed in the form. */
struct typed_score {
	const char		*code, *kind, *obtained, *checked, *nc, *notes;
	struct score_item	 item;
	const char		*problem;	/* message key, or NULL */
};

/* The score typed for indicator code (max in tenths): 0, or 400 for values no form sends. */
static int
score_from_form(const struct req *r, const char *code, int max, struct typed_score *t)
{
	char		 field[64];
	const char	*s;
	bool		 dup;

	memset(t, 0, sizeof(*t));
	t->code = code;
	t->obtained = t->checked = t->nc = "";
	snprintf(field, sizeof(field), "kind_%s", code);
	t->kind = req_param(r, field, &dup);
	if (dup)
		return 400;
	if (t->kind == NULL)
		t->kind = "";
	snprintf(field, sizeof(field), "notes_%s", code);
	if (req_text(r, field, false, NOTES_MAX, &t->notes) != FIELD_OK) {
		t->notes = "";
		t->problem = "field.too_long";
	}
	t->item.max_tenths = max;
	if (strcmp(t->kind, "points") == 0) {
		int v = 0;

		snprintf(field, sizeof(field), "points_%s", code);
		if (req_text(r, field, false, 8, &s) != FIELD_OK || (v = points_tenths_parse(s)) < 0)
			t->problem = "sheet.points_invalid";
		else if (v > max)
			t->problem = "sheet.points_above_max";
		t->item.kind = ITEM_POINTS;
		t->item.obtained_tenths = v;
		t->obtained = arena_printf(r->arena, "%d", v);
	} else if (strcmp(t->kind, "sampled") == 0) {
		int64_t checked = 0, nc = 0;

		snprintf(field, sizeof(field), "checked_%s", code);
		if (req_int(r, field, true, 1, SAMPLES_MAX, &checked) != FIELD_OK)
			t->problem = "sheet.samples_invalid";
		snprintf(field, sizeof(field), "nonconforming_%s", code);
		if (req_int(r, field, true, 0, SAMPLES_MAX, &nc) != FIELD_OK)
			t->problem = "sheet.samples_invalid";
		else if (t->problem == NULL && nc > checked)
			t->problem = "sheet.nonconforming_above_checked";
		t->item.kind = ITEM_SAMPLED;
		t->item.checked = (int)checked;
		t->item.nonconforming = (int)nc;
		t->checked = arena_printf(r->arena, "%lld", (long long)checked);
		t->nc = arena_printf(r->arena, "%lld", (long long)nc);
	} else if (strcmp(t->kind, "excluded") == 0) {
		t->item.kind = ITEM_EXCLUDED;
		if (*t->notes == '\0' && t->problem == NULL)
			t->problem = "sheet.exclusion_reason";
	} else if (*t->kind != '\0')
		return 400;
	return 0;
}

/* "86.4" for 864 tenths. */
static const char *
tenths_text(struct req *r, int tenths)
{
	return arena_printf(r->arena, "%d.%d", tenths / 10, tenths % 10);
}

static int
row_of(const PGresult *res, int col, const char *value)
{
	for (int i = 0; res != NULL && i < PQntuples(res); i++)
		if (strcmp(PQgetvalue(res, i, col), value) == 0)
			return i;
	return -1;
}

/* The policy of the settings; an initial audit's organization has held no level yet, a surveillance audit's a year at least. */
static void
policy_load(struct score_policy *p, const struct audit *au)
{
	p->stars_after_a_year = settings_long("stars_after_a_year") != 0;
	p->compliant_for_a_year = strcmp(au->kind, "initial") != 0;
	p->outstanding_tenths = (int)settings_long("outstanding_score_tenths");
}

/* The running score of what is stored, into d (section SCORE); provisional while indicators are unscored. */
static void
fill_score(struct req *r, struct tmpl_dict *d, const struct audit *au,
    const struct score_item *items, size_t n, int deductions, bool bonus, size_t unscored)
{
	struct score_sheet	 sheet = { items, n, deductions, bonus };
	struct score_policy	 policy;
	struct score_result	 res;
	struct tmpl_dict	*s = tmpl_section(d, "SCORE");
	enum score_error	 e;

	if (s == NULL)
		return;
	policy_load(&policy, au);
	if ((e = score_compute(&sheet, &policy, &res, NULL)) != SCORE_OK) {
		tmpl_show(s, e == SCORE_NOTHING_APPLICABLE ? "NOTHING_APPLICABLE" : "SCORE_INVALID");
		return;
	}
	tmpl_show(s, "COMPUTED");
	if (unscored > 0)
		tmpl_set_int(tmpl_section(s, "PROVISIONAL"), "UNSCORED", (long long)unscored);
	tmpl_set(s, "FINAL", tenths_text(r, res.final_tenths));
	tmpl_set(s, "NORMALISED", tenths_text(r, res.normalised_tenths));
	tmpl_set(s, "OBTAINED", tenths_text(r, res.obtained_tenths));
	tmpl_set(s, "APPLICABLE", tenths_text(r, res.applicable_tenths));
	tmpl_set(s, "LEVEL_CODE", star_level_name(res.level));
	tmpl_set(s, "LEVEL", view_label(r, "level.", star_level_name(res.level)));
	tmpl_set_int(s, "DEDUCTIONS", deductions);
	if (bonus)
		tmpl_show(s, "HAS_BONUS");
	{
		static const char *const reasons[] = {
			[REASON_SCORE] = "score", [REASON_LOW_SCORE] = "low_score",
			[REASON_DEDUCTIONS] = "deductions", [REASON_FIRST_YEAR] = "first_year",
		};

		tmpl_set(s, "WHY", view_label(r, "score.reason.", reasons[res.reason]));
	}
}

int
scoresheet_fill(struct req *r, struct tmpl_dict *d, const struct audit *au, bool from_form)
{
	char			 aid[DB_INT_BUF], ver[DB_INT_BUF];
	const char		*p[1] = { db_int(aid, au->id) }, *pv[1] = { db_int(ver, au->scheme_version) };
	PGresult		*ind = NULL, *scores = NULL, *files = NULL, *ded = NULL;
	enum db_status		 st;
	struct tmpl_dict	*sh;
	struct score_item	 items[INDICATORS_MAX];
	size_t			 n = 0, unscored = 0;
	bool			 editable = au->member && audit_sheet_editable(au->state);
	const char		*last_group = "";
	int			 status = 0;

	if ((sh = tmpl_section(d, "SHEET")) == NULL)
		return 500;
	if ((ind = db_query(STMT_SCHEME_POINTS, pv, &st)) == NULL ||
	    (scores = db_query(STMT_AUDIT_SCORES, p, &st)) == NULL ||
	    (files = db_query(STMT_AUDIT_ATTACHMENTS, p, &st)) == NULL ||
	    (ded = db_query(STMT_DEDUCTIONS_OF_AUDIT, p, &st)) == NULL) {
		status = db_status_http(st);
		goto out;
	}
	tmpl_show(sh, editable ? "SHEET_EDITABLE" : "SHEET_READ_ONLY");
	for (int i = 0; i < PQntuples(ind) && n < INDICATORS_MAX; i++) {
		const char		*code = PQgetvalue(ind, i, 0);
		int			 max = (int)db_long(ind, i, 4);
		int			 k = row_of(scores, 0, code);
		struct tmpl_dict	*x = tmpl_section(sh, "INDICATOR_ROWS");
		struct typed_score	 t;
		char			 sec[32];

		if (x == NULL)
			break;
		if (strcmp(last_group, PQgetvalue(ind, i, 1)) != 0) {
			struct tmpl_dict *g = tmpl_section(x, "GROUP_HEAD");

			last_group = PQgetvalue(ind, i, 1);
			if (g != NULL)
				tmpl_set(g, "GROUP_NAME", view_label(r, "indicator.group.", last_group));
		}
		tmpl_set(x, "CODE", code);
		tmpl_set(x, "POSITION", PQgetvalue(ind, i, 5));
		tmpl_set(x, "INDICATOR_NAME", PQgetvalue(ind, i, r->lang == LANG_ZH ? 2 : 3));
		tmpl_set(x, "MAX", tenths_text(r, max));
		if (from_form) {
			if (score_from_form(r, code, max, &t) != 0)
				memset(&t, 0, sizeof(t)), t.kind = "", t.notes = "";
		} else {
			memset(&t, 0, sizeof(t));
			t.kind = k >= 0 ? PQgetvalue(scores, k, 1) : "";
			t.notes = k >= 0 ? PQgetvalue(scores, k, 5) : "";
			t.item.max_tenths = max;
			if (k >= 0) {
				t.item.kind = strcmp(t.kind, "points") == 0 ? ITEM_POINTS :
				    strcmp(t.kind, "sampled") == 0 ? ITEM_SAMPLED : ITEM_EXCLUDED;
				t.item.obtained_tenths = (int)db_long(scores, k, 2);
				t.item.checked = (int)db_long(scores, k, 3);
				t.item.nonconforming = (int)db_long(scores, k, 4);
				tmpl_set(x, "UPDATED_BY", PQgetvalue(scores, k, 6));
			}
		}
		if (*t.kind != '\0') {
			snprintf(sec, sizeof(sec), "K_%s", t.kind);
			tmpl_show(x, sec);
			tmpl_set(x, "KIND_LABEL", view_label(r, "sheet.kind.", t.kind));
		} else {
			tmpl_show(x, "UNSCORED");
			unscored++;
		}
		if (t.item.kind == ITEM_POINTS && *t.kind != '\0')
			tmpl_set(x, "POINTS", tenths_text(r, t.item.obtained_tenths));
		if (t.item.kind == ITEM_SAMPLED && *t.kind != '\0') {
			int kept = score_item_tenths(&t.item);

			tmpl_set_int(x, "CHECKED", t.item.checked);
			tmpl_set_int(x, "NONCONFORMING", t.item.nonconforming);
			if (kept >= 0)
				tmpl_set(x, "KEPT", tenths_text(r, kept));
		}
		tmpl_set(x, "NOTES", t.notes);
		if (t.problem != NULL) {
			struct tmpl_dict *e = tmpl_section(x, "ROW_ERROR");

			if (e != NULL)
				tmpl_set(e, "MESSAGE", view_text(r, t.problem));
		}
		for (int f = 0; f < PQntuples(files); f++) {
			struct tmpl_dict *fx;

			if (strcmp(PQgetvalue(files, f, 1), code) != 0 ||
			    (fx = tmpl_section(x, "EVIDENCE")) == NULL)
				continue;
			tmpl_set(fx, "FILE_ID", PQgetvalue(files, f, 0));
			tmpl_set(fx, "FILE_NAME", PQgetvalue(files, f, 2));
			tmpl_set(fx, "UPLOADER", PQgetvalue(files, f, 5));
			if (document_viewable(PQgetvalue(files, f, 3)))
				tmpl_show(fx, "VIEWABLE");
		}
		/* On the row itself: inside a section shown on the sheet, the row's own
		 * values would be out of reach (a section's dictionary sees its parent's). */
		tmpl_show(x, editable ? "ROW_EDITABLE" : "SHEET_READ_ONLY");
		if (*t.kind != '\0' && t.problem == NULL)
			items[n++] = t.item;
	}
	/* Special deductions and the bonus. */
	for (int i = 0; i < PQntuples(ded); i++) {
		struct tmpl_dict *x = tmpl_section(sh, "DEDUCTIONS");

		if (x == NULL)
			break;
		tmpl_set(x, "DEDUCTION_ID", PQgetvalue(ded, i, 0));
		tmpl_set(x, "INDICATOR_NAME", PQgetvalue(ded, i, r->lang == LANG_ZH ? 2 : 3));
		tmpl_set(x, "FINDING", PQgetvalue(ded, i, 4));
		tmpl_set(x, "BREACHED", PQgetvalue(ded, i, 5));
		tmpl_set(x, "RAISED_BY", PQgetvalue(ded, i, 6));
		if (editable)
			tmpl_show(x, "DEDUCTION_EDITABLE");
	}
	if (PQntuples(ded) == 0)
		tmpl_show(sh, "NO_DEDUCTIONS");
	/* The bonus heading only over a bonus or the form to add one. */
	if (au->bonus_indicator[0] != '\0' || editable)
		tmpl_show(sh, "BONUS_HEADING");
	if (au->bonus_indicator[0] != '\0') {
		struct tmpl_dict *b = tmpl_section(sh, "BONUS");
		int k = row_of(ind, 0, au->bonus_indicator);

		if (b != NULL) {
			tmpl_set(b, "INDICATOR_NAME", k >= 0 ? PQgetvalue(ind, k,
			    r->lang == LANG_ZH ? 2 : 3) : au->bonus_indicator);
			tmpl_set(b, "JUSTIFICATION", au->bonus_justification);
			if (editable)
				tmpl_show(b, "BONUS_EDITABLE");
		}
	} else if (editable)
		tmpl_show(sh, "BONUS_FORM");
	if (editable) {
		for (int i = 0; i < PQntuples(ind); i++) {
			struct tmpl_dict *o = tmpl_section(sh, "INDICATOR_OPTIONS");

			if (o == NULL)
				break;
			tmpl_set(o, "CODE", PQgetvalue(ind, i, 0));
			tmpl_set(o, "INDICATOR_NAME", PQgetvalue(ind, i, r->lang == LANG_ZH ? 2 : 3));
		}
		tmpl_set_int(sh, "MAX_MB", settings_long("upload_max_mb"));
	}
	fill_score(r, sh, au, items, n, PQntuples(ded), au->bonus_indicator[0] != '\0',
	    unscored);
	if (au->leader && audit_sheet_editable(au->state))
		tmpl_show(sh, "REPORT_FORM");
out:
	PQclear(ded);
	PQclear(files);
	PQclear(scores);
	PQclear(ind);
	return status;
}

/* The team member's checks before changing the sheet: 0, or a status (rendered where useful). */
static int
sheet_writable(struct req *r, const struct audit *au)
{
	if (!au->member)
		return view_error(r, 403, "sheet.not_member");
	if (!audit_sheet_editable(au->state))
		return view_error(r, 409, "sheet.locked");
	return 0;
}

/* Begin a transaction on the audit as the form saw it (version 0: any). */
static int
sheet_begin(struct req *r, const struct audit *au, int64_t version, bool keep_form)
{
	enum db_status	st;
	int		status;

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = audit_lock(r, au, version, AUDIT_CONFIRMED, keep_form)) != 0)
		return status;		/* rolled back and rendered */
	return 0;
}

/* Commit with an event, then back to the audit page at anchor. */
static int
sheet_commit(struct req *r, const struct audit *au, const char *action, const char *detail,
    const char *done)
{
	enum db_status st;

	if ((st = audit_bump(au)) != DB_OK ||
	    (st = db_event(r->user->id, "audit", au->id, action, NULL, NULL, detail,
	    r->remote_addr)) != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=%s#sheet",
	    (long long)au->id, done));
}

int
page_audit_sheet_post(struct req *r)
{
	struct audit		 au;
	struct typed_score	 t[INDICATORS_MAX];
	const char		*codes[INDICATORS_MAX], *kinds[INDICATORS_MAX], *obt[INDICATORS_MAX];
	const char		*chk[INDICATORS_MAX], *ncs[INDICATORS_MAX], *notes[INDICATORS_MAX];
	const char		*p[8];
	char			 ver[DB_INT_BUF], aid[DB_INT_BUF], uid[DB_INT_BUF];
	size_t			 n = 0, k = 0, problems = 0;
	int64_t			 version;
	PGresult		*ind, *res;
	enum db_status		 st;
	int			 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK)
		return 400;
	if ((status = sheet_writable(r, &au)) != 0)
		return status;
	p[0] = db_int(ver, au.scheme_version);
	if ((ind = db_query(STMT_SCHEME_POINTS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(ind) && n < INDICATORS_MAX; i++, n++) {
		if (score_from_form(r, PQgetvalue(ind, i, 0), (int)db_long(ind, i, 4), &t[n]) != 0) {
			PQclear(ind);
			return 400;
		}
		t[n].code = arena_strdup(r->arena, t[n].code);
		if (t[n].problem != NULL)
			problems++;
	}
	PQclear(ind);
	if (problems > 0) {
		struct form f = { .r = r, .d = view_page(r, "audit", "audit.title"),
		    .errors = (int)problems };

		return f.d == NULL ? 500 : audit_again(r, &f, &au, true);
	}
	for (size_t i = 0; i < n; i++) {
		if (*t[i].kind == '\0')
			continue;
		codes[k] = t[i].code;
		kinds[k] = t[i].kind;
		obt[k] = t[i].obtained;
		chk[k] = t[i].checked;
		ncs[k] = t[i].nc;
		notes[k++] = t[i].notes;
	}
	if ((status = sheet_begin(r, &au, version, true)) != 0)
		return status;
	p[0] = db_int(aid, au.id);
	p[1] = db_array(r->arena, codes, k);
	if (p[1] == NULL || (res = db_query(STMT_AUDIT_SCORES_CLEAR_OTHERS, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	p[2] = db_array(r->arena, kinds, k);
	p[3] = db_array(r->arena, obt, k);
	p[4] = db_array(r->arena, chk, k);
	p[5] = db_array(r->arena, ncs, k);
	p[6] = db_array(r->arena, notes, k);
	p[7] = db_int(uid, r->user->id);
	for (int i = 2; i < 7; i++)
		if (p[i] == NULL) {
			st = DB_ERROR;
			goto fail;
		}
	if ((res = db_query(STMT_AUDIT_SCORES_SAVE, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	return sheet_commit(r, &au, "audit.sheet_saved",
	    arena_printf(r->arena, "%zu of %zu indicators recorded", k, n), "sheet_saved");
fail:
	db_rollback();
	return db_status_http(st);
}

/* Is code an indicator of the audit's scheme? */
static int
indicator_known(const struct audit *au, const char *code)
{
	char		 ver[DB_INT_BUF];
	const char	*p[1] = { db_int(ver, au->scheme_version) };
	PGresult	*res;
	enum db_status	 st;
	int		 known;

	if ((res = db_query(STMT_SCHEME_POINTS, p, &st)) == NULL)
		return -db_status_http(st);
	known = row_of(res, 0, code) >= 0;
	PQclear(res);
	return known;
}

int
page_audit_deduction_post(struct req *r)
{
	struct audit	 au;
	struct form	 f = { .r = r };
	const char	*indicator, *finding, *breached, *p[5];
	char		 aid[DB_INT_BUF], uid[DB_INT_BUF];
	PGresult	*res;
	enum db_status	 st;
	int		 status, known;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if ((status = sheet_writable(r, &au)) != 0)
		return status;
	if (req_text(r, "indicator", true, 32, &indicator) != FIELD_OK)
		return 400;
	if ((known = indicator_known(&au, indicator)) < 0)
		return -known;
	if (!known)
		return 400;
	if ((f.d = view_page(r, "audit", "audit.title")) == NULL)
		return 500;
	finding = form_text(&f, "finding", "FINDING", true, 2000);
	breached = form_text(&f, "breached", "BREACHED", true, 1000);
	if (f.errors > 0)
		return audit_again(r, &f, &au, false);
	view_release(r);
	if ((status = sheet_begin(r, &au, 0, false)) != 0)
		return status;
	p[0] = db_int(aid, au.id);
	p[1] = indicator;
	p[2] = finding;
	p[3] = breached;
	p[4] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_DEDUCTION_INSERT, p, 1, 1, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	PQclear(res);
	return sheet_commit(r, &au, "audit.deduction_added",
	    arena_printf(r->arena, "%s: %s (%s)", indicator, finding, breached), "deduction_added");
}

int
page_audit_deduction_delete_post(struct req *r)
{
	struct audit	 au;
	char		 aid[DB_INT_BUF], did[DB_INT_BUF];
	const char	*p[2];
	PGresult	*res;
	enum db_status	 st;
	int		 status;
	const char	*finding;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if ((status = sheet_writable(r, &au)) != 0)
		return status;
	if ((status = sheet_begin(r, &au, 0, false)) != 0)
		return status;
	p[0] = db_int(did, route_param_id(&r->params, "deduction_id"));
	p[1] = db_int(aid, au.id);
	if ((res = db_query(STMT_DEDUCTION_DELETE, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback();
		return 404;
	}
	finding = arena_strdup(r->arena, PQgetvalue(res, 0, 0));
	PQclear(res);
	return sheet_commit(r, &au, "audit.deduction_removed", finding, "deduction_removed");
}

int
page_audit_bonus_post(struct req *r)
{
	struct audit	 au;
	struct form	 f = { .r = r };
	const char	*action, *indicator = NULL, *justification = NULL, *p[3];
	char		 aid[DB_INT_BUF];
	bool		 dup, clear;
	PGresult	*res;
	enum db_status	 st;
	int		 status, known;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if ((status = sheet_writable(r, &au)) != 0)
		return status;
	if ((action = req_param(r, "action", &dup)) == NULL || dup ||
	    (strcmp(action, "set") != 0 && strcmp(action, "clear") != 0))
		return 400;
	clear = strcmp(action, "clear") == 0;
	if (!clear) {
		if (au.bonus_indicator[0] != '\0')
			return view_error(r, 409, "sheet.bonus_exists");
		if (req_text(r, "indicator", true, 32, &indicator) != FIELD_OK)
			return 400;
		if ((known = indicator_known(&au, indicator)) < 0)
			return -known;
		if (!known)
			return 400;
		if ((f.d = view_page(r, "audit", "audit.title")) == NULL)
			return 500;
		if ((justification = form_text(&f, "justification", "JUSTIFICATION", true,
		    2000)) == NULL)
			return audit_again(r, &f, &au, false);
		view_release(r);
	}
	if ((status = sheet_begin(r, &au, 0, false)) != 0)
		return status;
	p[0] = db_int(aid, au.id);
	p[1] = indicator;
	p[2] = justification;
	if ((res = db_query(STMT_AUDIT_BONUS_SET, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		/* A bonus was given meanwhile: at most one. */
		PQclear(res);
		db_rollback();
		return view_error(r, 409, "sheet.bonus_exists");
	}
	PQclear(res);
	return sheet_commit(r, &au, clear ? "audit.bonus_removed" : "audit.bonus_given",
	    clear ? NULL : arena_printf(r->arena, "%s: %s", indicator, justification),
	    clear ? "bonus_removed" : "bonus_given");
}

int
page_audit_evidence_post(struct req *r)
{
	struct audit		 au;
	struct upload_result	 f;
	char			 pos[DB_INT_BUF], aid[DB_INT_BUF], uid[DB_INT_BUF], size[DB_INT_BUF];
	const char		*p[7], *code;
	PGresult		*res;
	enum db_status		 st;
	int			 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if ((status = sheet_writable(r, &au)) != 0)
		return status;
	p[0] = db_int(pos, route_param_id(&r->params, "indicator_id"));
	if ((res = db_query(STMT_INDICATOR_BY_POSITION, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	code = arena_strdup(r->arena, PQgetvalue(res, 0, 0));
	PQclear(res);
	if ((status = upload_receive(r, &f)) != 0)
		return upload_refused_page(r, status);
	if ((status = sheet_begin(r, &au, 0, false)) != 0)
		return status;
	if ((st = upload_store(&f)) != DB_OK)
		goto fail;
	p[0] = db_int(aid, au.id);
	p[1] = code;
	p[2] = f.hash;
	p[3] = f.file_name;
	p[4] = f.type;
	p[5] = db_int(size, f.size);
	p[6] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_AUDIT_ATTACHMENT_INSERT, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	return sheet_commit(r, &au, "audit.evidence_added",
	    arena_printf(r->arena, "%s: %s (%s, %s bytes)", code, f.file_name, f.type, size),
	    "evidence_added");
fail:
	/* The blob stays without a row; starcertctl gc removes it. */
	db_rollback();
	return db_status_http(st);
}

int
page_audit_file(struct req *r)
{
	char		 fid[DB_INT_BUF];
	const char	*p[1] = { db_int(fid, route_param_id(&r->params, "id")) };
	struct audit	 au;
	PGresult	*res;
	enum db_status	 st;
	int		 status;
	bool		 view, dup;

	if ((res = db_query(STMT_AUDIT_ATTACHMENT_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	/* Evidence is the body's: staff only (the route says so), of a visible audit. */
	if ((status = audit_find(r, db_long(res, 0, 0), &au)) != 0) {
		PQclear(res);
		return status;
	}
	view = req_param(r, "view", &dup) != NULL && document_viewable(PQgetvalue(res, 0, 3));
	status = document_send(r, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
	    PQgetvalue(res, 0, 3), view);
	PQclear(res);
	return status;
}

int
page_audit_report_post(struct req *r)
{
	struct audit		 au;
	struct report_facts	 facts = { 0 };
	int64_t			 version;
	char			 aid[DB_INT_BUF], ver[DB_INT_BUF], uid[DB_INT_BUF];
	const char		*p[2];
	PGresult		*res;
	enum db_status		 st;
	unsigned		 blockers;
	int			 status;

	if ((status = audit_find(r, route_param_id(&r->params, "id"), &au)) != 0)
		return status;
	if (req_int(r, "version", true, 1, INT32_MAX, &version) != FIELD_OK)
		return 400;
	if (!au.leader)
		return view_error(r, 403, "sheet.not_leader");
	if (!audit_sheet_editable(au.state))
		return view_error(r, 409, "sheet.locked");
	if ((status = sheet_begin(r, &au, version, false)) != 0)
		return status;
	/* What blocks the report, counted on the locked audit. */
	p[0] = db_int(aid, au.id);
	p[1] = db_int(ver, au.scheme_version);
	if ((res = db_query_rows(STMT_AUDIT_REPORT_FACTS, p, 1, 1, &st)) == NULL)
		goto fail;
	facts.unscored = (size_t)db_long(res, 0, 0);
	facts.nothing_applicable = db_long(res, 0, 1) == 0;
	facts.serious_open = (size_t)db_long(res, 0, 2);
	facts.serious_blocks = settings_long("serious_nc_blocks_report") != 0;
	PQclear(res);
	if ((blockers = report_blockers(&facts)) != 0) {
		struct tmpl_dict *d;

		db_rollback();
		if ((d = view_page(r, "audit", "audit.title")) == NULL ||
		    (status = audit_page(r, &au, d, false)) != 0)
			return d == NULL ? 500 : status;
		if (blockers & REPORT_UNSCORED)
			tmpl_set_int(tmpl_section(d, "BLOCK_UNSCORED"), "COUNT", (long long)facts.unscored);
		if (blockers & REPORT_SERIOUS_OPEN)
			tmpl_set_int(tmpl_section(d, "BLOCK_SERIOUS"), "COUNT", (long long)facts.serious_open);
		if (blockers & REPORT_NOTHING_APPLICABLE)
			tmpl_show(d, "BLOCK_NOTHING_APPLICABLE");
		tmpl_show(d, "REPORT_BLOCKED");
		return view_render(r, 422);
	}
	p[1] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_AUDIT_REPORT, p, 1, 1, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "audit", au.id, "audit.reported", "confirmed",
	    "reported", NULL, r->remote_addr)) != DB_OK ||
	    (st = db_notify("audit", au.id, "audit.reported", "evaluators", r->user->id)) != DB_OK ||
	    (st = db_commit()) != DB_OK)
		goto fail;
	return resp_redirect(r, arena_printf(r->arena, "/audits/%lld?done=reported",
	    (long long)au.id));
fail:
	db_rollback();
	return db_status_http(st);
}

int
audit_compute(struct req *r, const struct audit *au, const struct score_adjustment *adj,
    size_t nadj, struct score_result *out)
{
	char			 aid[DB_INT_BUF], ver[DB_INT_BUF];
	const char		*p[1] = { db_int(aid, au->id) }, *pv[1] = { db_int(ver, au->scheme_version) };
	PGresult		*ind = NULL, *scores = NULL, *ded = NULL;
	struct score_item	 items[INDICATORS_MAX];
	struct score_sheet	 sheet = { items, 0, 0, au->bonus_indicator[0] != '\0' };
	struct score_policy	 policy;
	enum db_status		 st;
	int			 status = 0;

	(void)r;
	if ((ind = db_query(STMT_SCHEME_POINTS, pv, &st)) == NULL ||
	    (scores = db_query(STMT_AUDIT_SCORES, p, &st)) == NULL ||
	    (ded = db_query(STMT_DEDUCTIONS_OF_AUDIT, p, &st)) == NULL) {
		status = db_status_http(st);
		goto out;
	}
	for (int i = 0; i < PQntuples(ind) && sheet.n < INDICATORS_MAX; i++) {
		const char		*code = PQgetvalue(ind, i, 0);
		int			 k = row_of(scores, 0, code);
		struct score_item	*it = &items[sheet.n];

		if (k < 0)
			continue;
		memset(it, 0, sizeof(*it));
		it->max_tenths = (int)db_long(ind, i, 4);
		it->kind = strcmp(PQgetvalue(scores, k, 1), "points") == 0 ? ITEM_POINTS :
		    strcmp(PQgetvalue(scores, k, 1), "sampled") == 0 ? ITEM_SAMPLED : ITEM_EXCLUDED;
		it->obtained_tenths = (int)db_long(scores, k, 2);
		it->checked = (int)db_long(scores, k, 3);
		it->nonconforming = (int)db_long(scores, k, 4);
		for (size_t a = 0; a < nadj; a++)
			if (strcmp(adj[a].code, code) == 0) {
				it->kind = ITEM_POINTS;
				it->obtained_tenths = adj[a].tenths;
			}
		sheet.n++;
	}
	sheet.special_deductions = PQntuples(ded);
	policy_load(&policy, au);
	if (score_compute(&sheet, &policy, out, NULL) != SCORE_OK)
		status = 422;
out:
	PQclear(ded);
	PQclear(scores);
	PQclear(ind);
	return status;
}
