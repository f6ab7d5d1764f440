/* home.c: the home page: what the body certifies and how a case goes; a welcome for users. */
#include <string.h>

#include "../db/db.h"
#include "../domain/roles.h"
#include "../view/view.h"
#include "pages.h"

/* An applicant's applications with their state and the next step. */
static int
applicant_applications(struct req *r, struct tmpl_dict *w)
{
	char		 oid[DB_INT_BUF];
	const char	*p[1] = { db_int(oid, r->user->organization_id) };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_APPLICATIONS_OF_ORGANIZATION, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res) && i < 10; i++) {
		struct tmpl_dict	*a = tmpl_section(w, "MY_APPLICATIONS");
		const char		*state = PQgetvalue(res, i, 2);

		if (a == NULL)
			break;
		tmpl_set(a, "ID", PQgetvalue(res, i, 0));
		tmpl_set(a, "STATE", view_label(r, "application.state.", state));
		tmpl_set(a, "STATE_CODE", state);
		tmpl_set(a, "NEXT", view_label(r, "application.next.", state));
	}
	if (PQntuples(res) == 0)
		tmpl_show(w, "NO_APPLICATIONS");
	PQclear(res);
	return 0;
}

int
page_home(struct req *r)
{
	struct tmpl_dict *d;

	if ((d = view_page(r, "home", "home.title")) == NULL)
		return 500;
	if (r->user != NULL) {
		struct tmpl_dict *w = tmpl_section(d, "WELCOME");

		r->private_page = true;
		if (w == NULL)
			return 500;
		tmpl_set(w, "NAME", r->user->name);
		if (r->user->roles & ROLE_APPLICANT) {
			int status;

			tmpl_show(w, "APPLICANT_LINKS");
			if ((status = applicant_applications(r, w)) != 0)
				return status;
		}
		if (r->user->roles & ROLES_STAFF)
			tmpl_show(w, "STAFF_LINKS");
		if (r->user->roles & ROLE_ADMIN)
			tmpl_show(w, "ADMIN_LINKS");
		{
			bool dup;
			const char *done = req_param(r, "done", &dup);

			if (done != NULL && strcmp(done, "registered") == 0)
				tmpl_show(w, "REGISTERED");
		}
	}
	return view_render(r, 200);
}
