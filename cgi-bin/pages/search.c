/* search.c: one box for staff: organizations, applications and certificates. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define SEARCH_MAX_CHARS	100

/* Search result columns (STMT_SEARCH). */
enum { S_KIND, S_ID, S_TITLE, S_DETAIL, S_STATE, S_PAST, S_EXTRA };

/* An application number as people write it (123 or #123); NULL when q is not one. */
static const char *
application_number(const char *q)
{
	if (*q == '#')
		q++;
	if (*q == '\0' || strlen(q) > 18)
		return NULL;
	for (const char *p = q; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return NULL;
	return q;
}

static void
fill_hit(struct req *r, struct tmpl_dict *d, const PGresult *res, int i)
{
	const char		*kind = PQgetvalue(res, i, S_KIND);
	struct tmpl_dict	*x;

	if (strcmp(kind, "organization") == 0) {
		if ((x = tmpl_section(d, "ORGANIZATIONS")) == NULL)
			return;
		tmpl_set(x, "ORG_NAME", PQgetvalue(res, i, S_TITLE));
		tmpl_set(x, "CREDIT_CODE", PQgetvalue(res, i, S_DETAIL));
	} else if (strcmp(kind, "application") == 0) {
		if ((x = tmpl_section(d, "APPLICATIONS")) == NULL)
			return;
		tmpl_set(x, "APP_ID", PQgetvalue(res, i, S_ID));
		tmpl_set(x, "ORG_NAME", PQgetvalue(res, i, S_TITLE));
		tmpl_set(x, "SUBMITTED", PQgetvalue(res, i, S_DETAIL));
		tmpl_set(x, "STATE_CODE", PQgetvalue(res, i, S_STATE));
		tmpl_set(x, "STATE", view_label(r, "application.state.", PQgetvalue(res, i, S_STATE)));
		tmpl_set(x, "KIND", view_label(r, "application.kind.", PQgetvalue(res, i, S_EXTRA)));
	} else {
		const char *status = certificate_status_now(res, i, S_STATE, S_PAST);

		if ((x = tmpl_section(d, "CERTIFICATES")) == NULL)
			return;
		tmpl_set(x, "CERT_ID", PQgetvalue(res, i, S_ID));
		tmpl_set(x, "CERT_NUMBER", PQgetvalue(res, i, S_TITLE));
		tmpl_set(x, "ORG_NAME", PQgetvalue(res, i, S_DETAIL));
		tmpl_set(x, "CERT_STATUS_CODE", status);
		tmpl_set(x, "CERT_STATUS", view_label(r, "certificate.status.", status));
		tmpl_set(x, "LEVEL_CODE", PQgetvalue(res, i, S_EXTRA));
		tmpl_set(x, "LEVEL", view_label(r, "level.", PQgetvalue(res, i, S_EXTRA)));
	}
}

int
page_search(struct req *r)
{
	struct tmpl_dict	*d;
	const char		*q, *p[3];
	PGresult		*res;
	enum db_status		 st;
	int			 n[3] = { 0 };

	r->private_page = true;
	if (req_text(r, "q", false, SEARCH_MAX_CHARS, &q) != FIELD_OK)
		return view_error(r, 400, "search.invalid");
	if ((d = view_page(r, "search", "search.title")) == NULL)
		return 500;
	tmpl_set(d, "Q", q);
	if (*q == '\0') {
		tmpl_show(d, "HINT");
		return view_render(r, 200);
	}
	p[0] = q;
	p[1] = db_like_escape(r->arena, q);
	p[2] = application_number(q);
	if (p[1] == NULL) {
		view_release(r);
		return 500;
	}
	if ((res = db_query(STMT_SEARCH, p, &st)) == NULL) {
		view_release(r);
		return db_status_http(st);
	}
	for (int i = 0; i < PQntuples(res); i++) {
		const char *k = PQgetvalue(res, i, S_KIND);

		n[*k == 'o' ? 0 : *k == 'a' ? 1 : 2]++;
		fill_hit(r, d, res, i);
	}
	PQclear(res);
	tmpl_show(d, n[0] > 0 ? "HAS_ORGANIZATIONS" : "NO_ORGANIZATIONS");
	tmpl_show(d, n[1] > 0 ? "HAS_APPLICATIONS" : "NO_APPLICATIONS");
	tmpl_show(d, n[2] > 0 ? "HAS_CERTIFICATES" : "NO_CERTIFICATES");
	tmpl_show(d, "SEARCHED");
	return view_render(r, 200);
}
