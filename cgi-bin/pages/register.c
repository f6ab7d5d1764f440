/* register.c: an enterprise registers itself and its first user, in one transaction. */
#include <string.h>

#include "../auth/accounts.h"
#include "../auth/csrf.h"
#include "../auth/password.h"
#include "../auth/session.h"
#include "../db/db.h"
#include "../domain/accounts.h"
#include "../domain/credit_code.h"
#include "../domain/roles.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

int
page_register(struct req *r)
{
	if (r->user != NULL)
		return resp_redirect(r, "/");
	if (csrf_prepare(r) != 0 || view_page(r, "register", "register.title") == NULL)
		return 500;
	return view_render(r, 200);
}

/*
 * form_password: the new password typed twice (fields password and
 * password_confirm), checked against the policy.  NULL on a problem, which
 * is shown beside PASSWORD or PASSWORD_CONFIRM.  Shared with the account
 * and invitation pages.
 */
const char *
form_new_password(struct form *f)
{
	const char	*pw, *again;
	bool		 dup1, dup2;

	pw = req_param(f->r, "password", &dup1);
	again = req_param(f->r, "password_confirm", &dup2);
	if (pw == NULL || *pw == '\0' || dup1) {
		form_error(f, "PASSWORD", "field.required");
		return NULL;
	}
	switch (password_check(pw)) {
	case PASSWORD_TOO_SHORT:
		form_error(f, "PASSWORD", "field.password_short");
		return NULL;
	case PASSWORD_TOO_LONG:
		form_error(f, "PASSWORD", "field.password_long");
		return NULL;
	case PASSWORD_OK:
		break;
	}
	if (again == NULL || dup2 || strcmp(pw, again) != 0) {
		form_error(f, "PASSWORD_CONFIRM", "field.password_mismatch");
		return NULL;
	}
	return pw;
}

/* form_email: a required e-mail field, normalised to lower case. */
const char *
form_email(struct form *f, const char *field, const char *var)
{
	const char	*v = form_text(f, field, var, true, EMAIL_MAX);
	char		*copy;

	if (v == NULL)
		return NULL;
	if (!email_valid(v)) {
		form_error(f, var, "field.email");
		return NULL;
	}
	if ((copy = arena_strdup(f->r->arena, v)) == NULL)
		return NULL;
	email_normalise(copy);
	return copy;
}

/* At least min characters (the maximum is form_text's). */
static const char *
at_least(struct form *f, const char *v, const char *var, size_t min)
{
	if (v != NULL && utf8_chars(v) < min) {
		form_error(f, var, "field.too_short");
		return NULL;
	}
	return v;
}

/* 0 when neither the credit code nor the e-mail address is taken, else the page with the messages (409). */
static int
register_taken(struct req *r, struct form *f, const char *code, const char *email)
{
	const char	*p[1];
	PGresult	*res;
	enum db_status	 st;
	bool		 code_taken, email_taken;

	p[0] = code;
	if ((res = db_query_rows(STMT_ORGANIZATION_CODE_TAKEN, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	code_taken = db_bool(res, 0, 0);
	PQclear(res);
	p[0] = email;
	if ((res = db_query(STMT_USER_BY_EMAIL, p, &st)) == NULL)
		return db_status_http(st);
	email_taken = PQntuples(res) > 0;
	PQclear(res);
	if (code_taken)
		form_error(f, "CREDIT_CODE", "register.credit_code_taken");
	if (email_taken)
		form_error(f, "EMAIL", "field.email_taken");
	if (!code_taken && !email_taken)
		return 0;
	form_summary(f);
	return view_render(r, 409);
}

int
page_register_post(struct req *r)
{
	struct form		 f = { .r = r };
	const char		*org_name, *code_in, *address, *legal, *contact;
	const char		*phone, *contact_email, *user_name, *email, *pw;
	char			 code[CREDIT_CODE_LEN + 1] = "";
	char			 hash[PASSWORD_HASH_MAX];
	const char		*p[7];
	struct new_user		 u;
	PGresult		*res;
	enum db_status		 st;
	int64_t			 org_id, user_id;
	int			 status = 0;

	if (r->user != NULL)
		return resp_redirect(r, "/");
	if ((f.d = view_page(r, "register", "register.title")) == NULL)
		return 500;
	org_name = at_least(&f, form_text(&f, "org_name", "ORG_NAME", true, 200),
	    "ORG_NAME", 2);
	code_in = form_text(&f, "credit_code", "CREDIT_CODE", true, 40);
	if (code_in != NULL && (!credit_code_normalise(code_in, code) ||
	    !credit_code_valid(code))) {
		form_error(&f, "CREDIT_CODE", "field.credit_code");
		code_in = NULL;
	}
	address = at_least(&f, form_text(&f, "address", "ADDRESS", true, 300),
	    "ADDRESS", 2);
	legal = form_text(&f, "legal_representative", "LEGAL_REP", true,
	    NAME_MAX_CHARS);
	contact = form_text(&f, "contact_name", "CONTACT_NAME", true,
	    NAME_MAX_CHARS);
	phone = form_text(&f, "contact_phone", "CONTACT_PHONE", true, 40);
	if (phone != NULL && !phone_valid(phone)) {
		form_error(&f, "CONTACT_PHONE", "field.phone");
		phone = NULL;
	}
	contact_email = form_email(&f, "contact_email", "CONTACT_EMAIL");
	user_name = form_text(&f, "user_name", "USER_NAME", true, NAME_MAX_CHARS);
	email = form_email(&f, "email", "EMAIL");
	pw = form_new_password(&f);
	if (f.errors > 0 || org_name == NULL || code_in == NULL ||
	    address == NULL || legal == NULL || contact == NULL ||
	    phone == NULL || contact_email == NULL || user_name == NULL ||
	    email == NULL || pw == NULL) {
		form_summary(&f);
		return view_render(r, 422);
	}
	/* Taken already?  Say so before paying for a password hash (the
	 * unique constraints below still decide a race). */
	if ((status = register_taken(r, &f, code, email)) != 0)
		return status;

	if ((status = password_hash_http(pw, hash)) != 0)
		return status;

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = org_name;
	p[1] = code;
	p[2] = address;
	p[3] = legal;
	p[4] = contact;
	p[5] = phone;
	p[6] = contact_email;
	if ((res = db_query_rows(STMT_ORGANIZATION_INSERT, p, 1, 1, &st)) == NULL) {
		db_rollback();
		if (st != DB_UNIQUE)
			return db_status_http(st);
		form_error(&f, "CREDIT_CODE", "register.credit_code_taken");
		form_summary(&f);
		return view_render(r, 409);
	}
	org_id = db_long(res, 0, 0);
	PQclear(res);

	u.email = email;
	u.name = user_name;
	u.password_hash = hash;
	u.organization_id = org_id;
	u.roles = ROLE_APPLICANT;
	u.must_change_password = false;
	if ((st = account_insert(&u, 0, r->remote_addr, &user_id)) != DB_OK) {
		db_rollback();
		if (st != DB_UNIQUE)
			return db_status_http(st);
		form_error(&f, "EMAIL", "field.email_taken");
		form_summary(&f);
		return view_render(r, 409);
	}
	if ((st = db_event(user_id, "organization", org_id,
	    "organization.registered", NULL, NULL, code, r->remote_addr)) != DB_OK ||
	    (status = session_start(r, user_id)) != 0 ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		return st != DB_OK ? db_status_http(st) : status;
	}
	view_release(r);
	return resp_redirect(r, "/?done=registered");
}
