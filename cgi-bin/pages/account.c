/* account.c: one's own account: profile, language, and changing the password. */
#include <stdio.h>
#include <string.h>

#include "../auth/accounts.h"
#include "../auth/password.h"
#include "../db/db.h"
#include "../db/settings.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

/* Show one role per section ROLES (translated names). */
void
view_roles(struct req *r, struct tmpl_dict *d, unsigned roles)
{
	static const char *const keys[] = {
		"role.applicant", "role.reviewer", "role.auditor",
		"role.evaluator", "role.supervisor", "role.admin",
	};

	for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (roles & (1u << i)) {
			struct tmpl_dict *s = tmpl_section(d, "ROLES");

			if (s != NULL)
				tmpl_set(s, "ROLE", view_text(r, keys[i]));
		}
}

int
page_account(struct req *r)
{
	struct tmpl_dict	*d;
	bool			 dup;
	const char		*done = req_param(r, "done", &dup);

	r->private_page = true;
	if ((d = view_page(r, "account", "account.title")) == NULL)
		return 500;
	tmpl_set(d, "NAME", r->user->name);
	tmpl_set(d, "EMAIL", r->user->email);
	view_roles(r, d, r->user->roles);
	if (r->user->organization_id != 0) {
		char		 oid[DB_INT_BUF];
		const char	*p[1] = { db_int(oid, r->user->organization_id) };
		enum db_status	 st;
		PGresult	*res = db_query_rows(STMT_ORGANIZATION_GET, p, 1, 1, &st);
		struct tmpl_dict *o;

		if (res == NULL)
			return db_status_http(st);
		if ((o = tmpl_section(d, "ORGANIZATION")) != NULL)
			tmpl_set(o, "ORGANIZATION_NAME", PQgetvalue(res, 0, 1));
		PQclear(res);
	}
	tmpl_show(d, r->lang == LANG_EN ? "LANG_EN" : "LANG_ZH");
	if (r->user->email_notify)
		tmpl_show(d, "EMAIL_NOTIFY");
	if (done != NULL && strcmp(done, "password") == 0)
		tmpl_show(d, "PASSWORD_CHANGED");
	if (done != NULL && strcmp(done, "settings") == 0)
		tmpl_show(d, "SETTINGS_SAVED");
	return view_render(r, 200);
}

int
page_account_settings_post(struct req *r)
{
	bool		 dup, dup_email;
	const char	*lang = req_param(r, "lang", &dup);
	const char	*email = req_param(r, "email_notify", &dup_email);
	char		 uid[DB_INT_BUF];
	const char	*p[3];
	enum db_status	 st;

	/* An unticked box sends nothing: e-mail off. */
	if (lang == NULL || dup || (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0) ||
	    dup_email || (email != NULL && strcmp(email, "1") != 0))
		return 400;
	p[0] = db_int(uid, r->user->id);
	p[1] = lang;
	p[2] = email != NULL ? "true" : "false";
	PQclear(db_query(STMT_USER_PREFERENCES_SET, p, &st));
	if (st != DB_OK)
		return db_status_http(st);
	resp_cookie(r, "lang", lang, 365L * 24 * 3600, true);
	return resp_redirect(r, "/account?done=settings");
}

static struct tmpl_dict *
password_page(struct req *r)
{
	struct tmpl_dict *d;

	r->private_page = true;
	if ((d = view_page(r, "password", "password.title")) == NULL)
		return NULL;
	if (r->user->must_change_password)
		tmpl_show(d, "MUST_CHANGE");
	return d;
}

int
page_password(struct req *r)
{
	if (password_page(r) == NULL)
		return 500;
	return view_render(r, 200);
}

int
page_password_post(struct req *r)
{
	struct form		 f = { .r = r };
	const char		*current, *pw, *p[3];
	char			 uid[DB_INT_BUF], sid[DB_INT_BUF], hash[PASSWORD_HASH_MAX];
	char			*stored;
	bool			 dup;
	PGresult		*res;
	enum db_status		 st;
	enum password_result	 pr;

	if ((f.d = password_page(r)) == NULL)
		return 500;
	current = req_param(r, "current_password", &dup);
	if (current == NULL || *current == '\0' || dup)
		form_error(&f, "CURRENT", "field.required");
	pw = form_new_password(&f);
	if (f.errors > 0 || pw == NULL) {
		form_summary(&f);
		return view_render(r, 422);
	}

	p[0] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_USER_PASSWORD_GET, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	stored = arena_strdup(r->arena, PQgetvalue(res, 0, 0));
	PQclear(res);
	/* Wrong current passwords count like failed sign-ins, per user. */
	{
		char		 key[40], max[DB_INT_BUF], minutes[DB_INT_BUF];
		const char	*q[3] = { key, max, minutes };
		PGresult	*t;
		long long	 n;

		snprintf(key, sizeof(key), "user:%lld", (long long)r->user->id);
		db_int(max, settings_long("login_max_failures_account"));
		db_int(minutes, settings_long("login_lock_minutes"));
		if ((t = db_query_rows(STMT_THROTTLE_FAIL, q, 1, 1, &st)) == NULL)
			return db_status_http(st);
		n = db_long(t, 0, 0);
		PQclear(t);
		if (n > settings_long("login_max_failures_account")) {
			form_error(&f, "CURRENT", "password.too_many");
			form_summary(&f);
			return view_render(r, 429);
		}
		if ((pr = password_verify(stored, current)) == PASSWORD_BUSY)
			return 503;
		if (pr != PASSWORD_MATCH) {
			if (db_event(r->user->id, "user", r->user->id,
			    "password.change_failed", NULL, NULL, NULL,
			    r->remote_addr) != DB_OK)
				return 503;
			form_error(&f, "CURRENT", "password.current_wrong");
			form_summary(&f);
			return view_render(r, 422);
		}
		q[0] = key;
		PQclear(db_query(STMT_THROTTLE_CLEAR, q, &st));
	}
	if (strcmp(current, pw) == 0) {
		form_error(&f, "PASSWORD", "password.same");
		form_summary(&f);
		return view_render(r, 422);
	}
	if ((pr = password_hash(pw, hash)) != PASSWORD_MATCH)
		return pr == PASSWORD_BUSY ? 503 : 500;

	/* The new password, and every other session of this user ends. */
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[1] = hash;
	p[2] = "false";
	PQclear(db_query_rows(STMT_USER_PASSWORD_SET, p, 1, 1, &st));
	if (st == DB_OK) {
		p[1] = db_int(sid, r->session_id);
		PQclear(db_query(STMT_SESSIONS_DELETE_OTHERS, p, &st));
	}
	if (st == DB_OK)
		st = db_event(r->user->id, "user", r->user->id, "password.changed",
		    NULL, NULL, NULL, r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	view_release(r);
	return resp_redirect(r, "/account?done=password");
}
