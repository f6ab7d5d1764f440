/* auth.c: signing in (with throttling and the same answer for unknown and wrong) and out. */
#include <string.h>

#include "../auth/csrf.h"
#include "../auth/password.h"
#include "../auth/session.h"
#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/accounts.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

/* The page to go to after signing in: a local path from ?next=, else the dashboard. */
static const char *
next_path(struct req *r)
{
	bool		 dup;
	const char	*next = req_param(r, "next", &dup);

	return local_path_ok(next) && strncmp(next, "/login", 6) != 0 ? next : "/dashboard";
}

static struct tmpl_dict *
login_page(struct req *r, struct form *f)
{
	if ((f->d = view_page(r, "login", "login.title")) == NULL)
		return NULL;
	tmpl_set(f->d, "NEXT", next_path(r));
	return f->d;
}

int
page_login(struct req *r)
{
	struct form f = { .r = r };

	if (r->user != NULL)
		return resp_redirect(r, next_path(r));
	if (csrf_prepare(r) != 0 || login_page(r, &f) == NULL)
		return 500;
	return view_render(r, 200);
}

/*
 * Count this attempt against the account before the password is checked,
 * atomically, so that parallel guesses cannot outrun the lock: the attempt
 * that goes past the limit is refused without a check.  0 when the attempt
 * may go on, 429 when the account is locked, or another status.
 */
static int
login_attempt(const char *email_key)
{
	char		 max_account[DB_INT_BUF], minutes[DB_INT_BUF];
	const char	*p[3] = { email_key, max_account, minutes };
	PGresult	*res;
	enum db_status	 st;
	long long	 n;

	db_int(max_account, settings_long("login_max_failures_account"));
	db_int(minutes, settings_long("login_lock_minutes"));
	if ((res = db_query_rows(STMT_THROTTLE_FAIL, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	n = db_long(res, 0, 0);
	PQclear(res);
	return n > settings_long("login_max_failures_account") ? 429 : 0;
}

/* A failed password: count it against the address too, with its event. */
static int
login_failed(struct req *r, const char *email, int64_t user_id, const char *addr_key)
{
	char		 max_addr[DB_INT_BUF], minutes[DB_INT_BUF];
	const char	*p[3] = { addr_key, max_addr, minutes };
	enum db_status	 st;

	db_int(max_addr, settings_long("login_max_failures_address"));
	db_int(minutes, settings_long("login_lock_minutes"));
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	PQclear(db_query(STMT_THROTTLE_FAIL, p, &st));
	if (st == DB_OK)
		st = db_event(0, "user", user_id, "login.failed", NULL, NULL,
		    email, r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return 0;
}

/* Locked: the form again with how long to wait. */
static int
login_locked(struct req *r, struct form *f, long wait_seconds)
{
	struct tmpl_dict *t = tmpl_section(f->d, "THROTTLED");

	if (wait_seconds < 60)
		wait_seconds = 60;
	if (t != NULL)
		tmpl_set_int(t, "MINUTES", (wait_seconds + 59) / 60);
	resp_header(r, "Retry-After", arena_printf(r->arena, "%ld", wait_seconds));
	return view_render(r, 429);
}

int
page_login_post(struct req *r)
{
	struct form		 f = { .r = r };
	const char		*email, *password, *stored = NULL, *p[2];
	const char		*user_lang = NULL;
	char			*normal;
	const char		*email_key, *addr_key;
	bool			 dup, disabled = false, must_change = false;
	int64_t			 user_id = 0;
	long			 wait_seconds;
	PGresult		*res;
	enum db_status		 st;
	enum password_result	 pr;
	int			 status = 0;

	if (login_page(r, &f) == NULL)
		return 500;
	email = form_text(&f, "email", "EMAIL", true, EMAIL_MAX);
	password = req_param(r, "password", &dup);
	if (password == NULL || *password == '\0' || dup)
		form_error(&f, "PASSWORD", "field.required");
	if (f.errors > 0) {
		form_summary(&f);
		return view_render(r, 422);
	}
	normal = arena_strdup(r->arena, email);
	email_normalise(normal);
	email_key = arena_printf(r->arena, "email:%s", normal);
	addr_key = arena_printf(r->arena, "addr:%s", r->remote_addr != NULL ?
	    r->remote_addr : "-");
	if (normal == NULL || email_key == NULL || addr_key == NULL)
		return 500;

	/* Locked: answer without checking the password at all. */
	p[0] = email_key;
	p[1] = addr_key;
	if ((res = db_query_rows(STMT_THROTTLE_LOCKED, p, 1, 1, &st)) == NULL)
		return db_status_http(st);
	wait_seconds = db_long(res, 0, 0);
	PQclear(res);
	if (wait_seconds > 0)
		return login_locked(r, &f, wait_seconds);
	if ((status = login_attempt(email_key)) != 0)
		return status == 429 ? login_locked(r, &f, settings_long("login_lock_minutes") * 60) :
		    status;

	p[0] = normal;
	if ((res = db_query(STMT_USER_BY_EMAIL, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) == 1) {
		user_id = db_long(res, 0, 0);
		stored = arena_strdup(r->arena, PQgetvalue(res, 0, 1));
		disabled = db_bool(res, 0, 2);
		must_change = db_bool(res, 0, 3);
		if (PQgetvalue(res, 0, 4)[0] != '\0')
			user_lang = arena_strdup(r->arena, PQgetvalue(res, 0, 4));
	}
	PQclear(res);

	/* An unknown address costs a decoy verification: same time, same answer. */
	pr = password_verify(user_id != 0 ? stored : NULL, password);
	if (pr == PASSWORD_BUSY)
		return 503;
	if (pr != PASSWORD_MATCH) {
		if ((status = login_failed(r, normal, user_id, addr_key)) != 0)
			return status;
		form_error(&f, "PASSWORD", "login.failed");
		return view_render(r, 401);
	}
	if (disabled) {
		if (db_event(0, "user", user_id, "login.refused_disabled", NULL,
		    NULL, normal, r->remote_addr) != DB_OK)
			return 503;
		tmpl_show(f.d, "DISABLED");
		return view_render(r, 403);
	}

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = email_key;
	PQclear(db_query(STMT_THROTTLE_CLEAR, p, &st));
	if (st != DB_OK || (status = session_start(r, user_id)) != 0 ||
	    (st = db_event(user_id, "user", user_id, "login.succeeded", NULL,
	    NULL, NULL, r->remote_addr)) != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return st != DB_OK ? db_status_http(st) : status;
	}
	view_release(r);
	/* The user's own language, unless this browser chose one. */
	if (user_lang != NULL && kvlist_get(&r->cookies, "lang", NULL) == NULL)
		resp_cookie(r, "lang", user_lang, 365L * 24 * 3600, true);
	return resp_redirect(r, must_change ? "/account/password" : next_path(r));
}

int
page_logout_post(struct req *r)
{
	enum db_status	st;
	int		status;

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((st = db_event(r->user->id, "user", r->user->id, "logout", NULL,
	    NULL, NULL, r->remote_addr)) != DB_OK ||
	    (status = session_end(r)) != 0 || (st = db_commit()) != DB_OK) {
		db_rollback();
		return 503;
	}
	return resp_redirect(r, "/");
}
