/* lists.c: the filters of the certificate and application lists, read in one place for a list and for its export. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../domain/certificate.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../domain/scoring.h"
#include "../http/buf.h"
#include "../view/view.h"
#include "pages.h"

#define SEARCH_MAX	100
#define DATE_LEN	10	/* YYYY-MM-DD */

const char *
url_encoded(struct req *r, const char *s)
{
	struct buf	 b = { 0 };
	const char	*out;

	buf_percent(&b, s);
	out = b.failed ? NULL : arena_strndup(r->arena, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return out != NULL ? out : "";
}

/* The query string of the non-empty pairs, with its "?" ("" when none), arena. */
static const char *
query_of(struct req *r, const char *const *names, const char *const *values, size_t n)
{
	struct buf	 b = { 0 };
	const char	*out;

	for (size_t i = 0; i < n; i++) {
		if (values[i] == NULL || *values[i] == '\0')
			continue;
		buf_puts(&b, b.len == 0 ? "?" : "&");
		buf_puts(&b, names[i]);
		buf_puts(&b, "=");
		buf_percent(&b, values[i]);
	}
	out = b.failed || b.len == 0 ? "" : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return out != NULL ? out : "";
}

/* The links to a list's export (EXPORT_CSV, EXPORT_XLSX) with the list's filter. */
static void
export_links(struct req *r, struct tmpl_dict *d, const char *base, const char *query)
{
	tmpl_set(d, "EXPORT_CSV", arena_printf(r->arena, "%s/export.csv%s", base, query));
	tmpl_set(d, "EXPORT_XLSX", arena_printf(r->arena, "%s/export.xlsx%s", base, query));
}

/* ---- certificates ---- */

int
cert_filter_parse(struct req *r, struct cert_filter *f)
{
	memset(f, 0, sizeof(*f));
	if (req_text(r, "q", false, SEARCH_MAX, &f->q) != FIELD_OK ||
	    req_text(r, "status", false, 32, &f->status) != FIELD_OK ||
	    req_text(r, "level", false, 32, &f->level) != FIELD_OK)
		return 400;
	if ((*f->status != '\0' && cert_status_parse(f->status) < 0) ||
	    (*f->level != '\0' && star_level_parse(f->level) <= LEVEL_NONE))
		return 400;
	return 0;
}

void
cert_filter_params(struct req *r, const struct cert_filter *f, const char *p[CERT_FILTER_PARAMS],
    char oid[DB_INT_BUF])
{
	/* Holders see their own organization's certificates only. */
	p[0] = (r->user->roles & ROLE_APPLICANT) ? db_int(oid, r->user->organization_id) : NULL;
	p[1] = *f->q != '\0' ? f->q : NULL;
	p[2] = *f->q != '\0' ? db_like_escape(r->arena, f->q) : NULL;
	p[3] = *f->status != '\0' ? f->status : NULL;
	p[4] = *f->level != '\0' ? f->level : NULL;
}

void
cert_filter_fill(struct req *r, struct tmpl_dict *d, const struct cert_filter *f)
{
	static const char *const names[] = { "q", "status", "level" };
	const char *values[] = { f->q, f->status, f->level };

	tmpl_set(d, "Q", f->q);
	for (int s = 0; s < CERT_STATUS__MAX; s++) {
		struct tmpl_dict	*o = tmpl_section(d, "STATUS_FILTER");
		const char		*name = cert_status_name((enum cert_status)s);

		if (o == NULL)
			return;
		tmpl_set(o, "VALUE", name);
		tmpl_set(o, "LABEL", view_label(r, "certificate.status.", name));
		if (strcmp(name, f->status) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (int l = LEVEL_COMPLIANT; l <= LEVEL_FIVE; l++) {
		struct tmpl_dict	*o = tmpl_section(d, "LEVEL_FILTER");
		const char		*name = star_level_name((enum star_level)l);

		if (o == NULL)
			return;
		tmpl_set(o, "VALUE", name);
		tmpl_set(o, "LABEL", view_label(r, "level.", name));
		if (strcmp(name, f->level) == 0)
			tmpl_show(o, "SELECTED");
	}
	export_links(r, d, "/certificates", query_of(r, names, values, 3));
}

/* ---- applications ---- */

/* The states each list may show and filter by. */
static const enum app_state own_states[] = {
	APP_DRAFT, APP_SUBMITTED, APP_IN_REVIEW, APP_SUPPLEMENT_NEEDED, APP_RESUBMITTED,
	APP_ACCEPTED, APP_DECLINED,
};
static const enum app_state staff_states[] = {
	APP_SUBMITTED, APP_IN_REVIEW, APP_SUPPLEMENT_NEEDED, APP_RESUBMITTED, APP_ACCEPTED,
	APP_DECLINED,
};
static const enum app_state queue_states[] = {
	APP_SUBMITTED, APP_RESUBMITTED, APP_IN_REVIEW,
};

static const struct {
	const enum app_state	*states;
	size_t			 n;
	const char		*path;
} lists[] = {
	[APP_LIST_OWN] = { own_states, sizeof(own_states) / sizeof(own_states[0]), "/applications" },
	[APP_LIST_STAFF] = { staff_states, sizeof(staff_states) / sizeof(staff_states[0]), "/applications" },
	[APP_LIST_QUEUE] = { queue_states, sizeof(queue_states) / sizeof(queue_states[0]), "/review" },
};

int
app_filter_parse(struct req *r, enum app_list list, struct app_filter *f)
{
	const char *state;

	memset(f, 0, sizeof(*f));
	f->list = list;
	f->state = -1;
	if (req_text(r, "state", false, 32, &state) != FIELD_OK ||
	    req_text(r, "q", false, SEARCH_MAX, &f->q) != FIELD_OK ||
	    req_text(r, "from", false, DATE_LEN, &f->from) != FIELD_OK ||
	    req_text(r, "to", false, DATE_LEN, &f->to) != FIELD_OK)
		return 400;
	if (*state != '\0') {
		int s = app_state_parse(state);

		for (size_t i = 0; s >= 0 && i < lists[list].n; i++)
			if ((int)lists[list].states[i] == s)
				f->state = s;
		if (f->state < 0)
			return 400;
	}
	if ((*f->from != '\0' && !date_valid(f->from)) || (*f->to != '\0' && !date_valid(f->to)))
		return 400;
	return 0;
}

void
app_filter_params(struct req *r, const struct app_filter *f, const char *p[APP_FILTER_PARAMS],
    char oid[DB_INT_BUF])
{
	const char	*states[APP_STATE__MAX];
	size_t		 n = 0;

	if (f->state >= 0)
		states[n++] = app_state_name((enum app_state)f->state);
	else
		for (size_t i = 0; i < lists[f->list].n; i++)
			states[n++] = app_state_name(lists[f->list].states[i]);
	/* An applicant's list is its organization's, whatever was asked. */
	p[0] = f->list == APP_LIST_OWN ? db_int(oid, r->user->organization_id) : NULL;
	p[1] = db_array(r->arena, states, n);
	p[2] = *f->q != '\0' ? db_like_escape(r->arena, f->q) : NULL;
	p[3] = *f->from != '\0' ? f->from : NULL;
	p[4] = *f->to != '\0' ? f->to : NULL;
}

const char *
app_filter_query(struct req *r, const struct app_filter *f)
{
	static const char *const names[] = { "state", "q", "from", "to" };
	const char *values[] = {
		f->state >= 0 ? app_state_name((enum app_state)f->state) : "", f->q, f->from, f->to,
	};

	return query_of(r, names, values, 4);
}

void
app_filter_fill(struct req *r, struct tmpl_dict *d, const struct app_filter *f)
{
	tmpl_set(d, "Q", f->q);
	tmpl_set(d, "FROM", f->from);
	tmpl_set(d, "TO", f->to);
	for (size_t i = 0; i < lists[f->list].n; i++) {
		struct tmpl_dict	*o = tmpl_section(d, "STATE_FILTER");
		enum app_state		 s = lists[f->list].states[i];

		if (o == NULL)
			return;
		tmpl_set(o, "VALUE", app_state_name(s));
		tmpl_set(o, "LABEL", view_label(r, "application.state.", app_state_name(s)));
		if ((int)s == f->state)
			tmpl_show(o, "SELECTED");
	}
	export_links(r, d, lists[f->list].path, app_filter_query(r, f));
}
