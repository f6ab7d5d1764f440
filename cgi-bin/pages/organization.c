/* organization.c: an applicant's organization: its data, colleagues, and invitations to join. */
#include <string.h>

#include "../auth/accounts.h"
#include "../auth/csrf.h"
#include "../auth/password.h"
#include "../auth/session.h"
#include "../db/db.h"
#include "../domain/accounts.h"
#include "../domain/roles.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

/* Fill the organization page: data, colleagues, pending invitations. */
static int
organization_fill(struct req *r, struct tmpl_dict *d)
{
	static const char *const vars[] = {
		"ORG_ID", "ORG_NAME", "CREDIT_CODE", "ADDRESS", "LEGAL_REP",
		"CONTACT_NAME", "CONTACT_PHONE", "CONTACT_EMAIL",
	};
	char		 oid[DB_INT_BUF];
	const char	*p[1] = { db_int(oid, r->user->organization_id) };
	PGresult	*res;
	enum db_status	 st;
	struct tmpl_dict *pending;

	if ((res = db_query_rows(STMT_ORGANIZATION_GET, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < 8; i++)
		tmpl_set(d, vars[i], PQgetvalue(res, 0, i));
	PQclear(res);

	if ((res = db_query(STMT_ORGANIZATION_USERS, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *u = tmpl_section(d, "USERS");

		if (u == NULL)
			break;
		tmpl_set(u, "EMAIL", PQgetvalue(res, i, 1));
		tmpl_set(u, "NAME", PQgetvalue(res, i, 2));
		tmpl_show(u, db_bool(res, i, 3) ? "DISABLED" : "ACTIVE");
	}
	PQclear(res);

	if ((res = db_query(STMT_INVITATIONS_PENDING, p, &st)) == NULL)
		return db_status_http(st);
	pending = PQntuples(res) > 0 ? tmpl_section(d, "PENDING") : NULL;
	for (int i = 0; i < PQntuples(res) && pending != NULL; i++) {
		struct tmpl_dict *u = tmpl_section(pending, "INVITATIONS");

		if (u == NULL)
			break;
		tmpl_set(u, "EMAIL", PQgetvalue(res, i, 0));
		tmpl_set(u, "EXPIRES", PQgetvalue(res, i, 1));
	}
	PQclear(res);
	return 0;
}

int
page_organization(struct req *r)
{
	struct tmpl_dict	*d;
	int			 status = 0;

	r->private_page = true;
	if ((d = view_page(r, "organization", "organization.title")) == NULL)
		return 500;
	if ((status = organization_fill(r, d)) != 0)
		return status;
	return view_render(r, 200);
}

int
page_invitation_create_post(struct req *r)
{
	struct form	 f = { .r = r };
	const char	*email, *p[4];
	char		 token[TOKEN_HEX + 1], hash[TOKEN_HEX + 1];
	char		 oid[DB_INT_BUF], uid[DB_INT_BUF];
	PGresult	*res;
	enum db_status	 st;
	int		 status = 0;

	r->private_page = true;
	if ((f.d = view_page(r, "organization", "organization.title")) == NULL)
		return 500;
	if ((status = organization_fill(r, f.d)) != 0)
		return status;
	if ((email = form_email(&f, "email", "INVITE_EMAIL")) == NULL) {
		form_summary(&f);
		return view_render(r, 422);
	}
	/* Whether the address has an account elsewhere is not told here: the
	 * invitation is created either way and acceptance refuses a taken one. */
	token_new(token);
	token_hash_hex(token, hash);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(oid, r->user->organization_id);
	p[1] = email;
	p[2] = hash;
	p[3] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_INVITATION_INSERT, p, 1, 1, &st)) == NULL ||
	    (st = db_event(r->user->id, "invitation", db_long(res, 0, 0),
	    "invitation.created", NULL, NULL, email, r->remote_addr)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		PQclear(res);
		db_rollback();
		return db_status_http(st);
	}
	PQclear(res);

	/* The link is shown once, to the colleague who invites. */
	if ((f.d = view_page(r, "invitation_created", "invitation.created_title")) == NULL)
		return 500;
	tmpl_set(f.d, "EMAIL", email);
	tmpl_set(f.d, "LINK", arena_printf(r->arena, "%s/invitations/%s",
	    req_base_url(r), token));
	return view_render(r, 201);
}

/* The pending invitation named by the path's token: 0 and its fields, or 404. */
static int
invitation_find(struct req *r, int64_t *id, int64_t *org, const char **email,
    const char **org_name)
{
	const char	*token = route_param(&r->params, "token");
	char		 hash[TOKEN_HEX + 1];
	const char	*p[1];
	PGresult	*res;
	enum db_status	 st;

	if (token == NULL || strlen(token) != TOKEN_HEX ||
	    strspn(token, "0123456789abcdef") != TOKEN_HEX)
		return 404;
	token_hash_hex(token, hash);
	p[0] = hash;
	if ((res = db_query(STMT_INVITATION_BY_TOKEN, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return view_error(r, 404, "invitation.invalid");
	}
	*id = db_long(res, 0, 0);
	*org = db_long(res, 0, 1);
	*email = arena_strdup(r->arena, PQgetvalue(res, 0, 2));
	*org_name = arena_strdup(r->arena, PQgetvalue(res, 0, 3));
	PQclear(res);
	return 0;
}

static struct tmpl_dict *
invitation_page(struct req *r, const char *email, const char *org_name)
{
	struct tmpl_dict *d;

	if ((d = view_page(r, "invitation", "invitation.title")) == NULL)
		return NULL;
	tmpl_set(d, "EMAIL", email);
	tmpl_set(d, "ORG_NAME", org_name);
	tmpl_set(d, "TOKEN", route_param(&r->params, "token"));
	return d;
}

int
page_invitation(struct req *r)
{
	int64_t		 id, org;
	const char	*email, *org_name;
	int		 status = 0;

	if (r->user != NULL)
		return resp_redirect(r, "/");
	if ((status = invitation_find(r, &id, &org, &email, &org_name)) != 0)
		return status;
	if (csrf_prepare(r) != 0 || invitation_page(r, email, org_name) == NULL)
		return 500;
	return view_render(r, 200);
}

int
page_invitation_post(struct req *r)
{
	struct form	 f = { .r = r };
	int64_t		 id, org, user_id;
	const char	*email, *org_name, *name, *pw, *p[1];
	char		 iid[DB_INT_BUF], hash[PASSWORD_HASH_MAX];
	struct new_user	 u;
	enum db_status	 st;
	int		 status = 0;

	if (r->user != NULL)
		return resp_redirect(r, "/");
	if ((status = invitation_find(r, &id, &org, &email, &org_name)) != 0)
		return status;
	if ((f.d = invitation_page(r, email, org_name)) == NULL)
		return 500;
	name = form_text(&f, "name", "NAME", true, NAME_MAX_CHARS);
	pw = form_new_password(&f);
	if (f.errors > 0 || name == NULL || pw == NULL) {
		form_summary(&f);
		return view_render(r, 422);
	}
	if ((status = password_hash_http(pw, hash)) != 0)
		return status;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(iid, id);
	PQclear(db_query_rows(STMT_INVITATION_ACCEPT, p, 1, 1, &st));
	if (st == DB_ROWS) {		/* used by someone else meanwhile */
		db_rollback();
		return view_error(r, 409, "invitation.invalid");
	}
	u.email = email;
	u.name = name;
	u.password_hash = hash;
	u.organization_id = org;
	u.roles = ROLE_APPLICANT;
	u.must_change_password = false;
	if (st == DB_OK)
		st = account_insert(&u, 0, r->remote_addr, &user_id);
	if (st == DB_UNIQUE) {
		db_rollback();
		form_error(&f, "NAME", "field.email_taken");
		form_summary(&f);
		return view_render(r, 409);
	}
	if (st == DB_OK)
		st = db_event(user_id, "invitation", id, "invitation.accepted",
		    NULL, NULL, email, r->remote_addr);
	if (st != DB_OK || (status = session_start(r, user_id)) != 0 ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		return st != DB_OK ? db_status_http(st) : status;
	}
	view_release(r);
	return resp_redirect(r, "/");
}
