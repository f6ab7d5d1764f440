/* admin.c: the administrator's pages: users and roles, auditor profiles, settings, the event log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/accounts.h"
#include "../auth/password.h"
#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/accounts.h"
#include "../domain/certificate.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define TEMP_PASSWORD_CHARS	14
#define CATEGORIES_MAX	64

/* Staff roles an admin may give, in the order of the checkboxes. */
static const unsigned staff_roles[] = {
	ROLE_REVIEWER, ROLE_AUDITOR, ROLE_EVALUATOR, ROLE_SUPERVISOR, ROLE_ADMIN,
};

/* The checkboxes named role: a staff role mask, or 0 when one is not a staff role. */
static unsigned
roles_from_form(struct req *r, bool *bad)
{
	const char	*v[8];
	size_t		 n = req_values(r, "role", v, 8);
	unsigned	 mask = 0;

	*bad = n > 8;
	for (size_t i = 0; i < n && i < 8; i++) {
		unsigned bit = role_parse(v[i]);

		if (bit == 0 || bit == ROLE_APPLICANT)
			*bad = true;
		mask |= bit;
	}
	return mask;
}

/* One ROLE_CHOICES section per staff role, checked where mask has it. */
static void
role_choices(struct req *r, struct tmpl_dict *d, unsigned mask)
{
	for (size_t i = 0; i < sizeof(staff_roles) / sizeof(staff_roles[0]); i++) {
		struct tmpl_dict	*c = tmpl_section(d, "ROLE_CHOICES");
		char			 key[32];

		if (c == NULL)
			return;
		snprintf(key, sizeof(key), "role.%s", role_name(staff_roles[i]));
		tmpl_set(c, "VALUE", role_name(staff_roles[i]));
		tmpl_set(c, "LABEL", view_text(r, key));
		if (mask & staff_roles[i])
			tmpl_show(c, "CHECKED");
	}
}

int
page_admin_users(struct req *r)
{
	struct tmpl_dict	*d;
	const char		*q, *role, *p[3], *esc = NULL;
	char			 mask[DB_INT_BUF], after_s[DB_INT_BUF];
	int64_t			 after;
	unsigned		 bit = 0;
	PGresult		*res;
	enum db_status		 st;
	int			 n;

	r->private_page = true;
	if (req_text(r, "q", false, 100, &q) != FIELD_OK ||
	    req_text(r, "role", false, 20, &role) != FIELD_OK ||
	    req_int(r, "after", false, 0, INT64_MAX, &after) != FIELD_OK)
		return 400;
	if (*role != '\0' && (bit = role_parse(role)) == 0)
		return 400;
	if (*q != '\0' && (esc = db_like_escape(r->arena, q)) == NULL)
		return 500;
	if ((d = view_page(r, "admin_users", "admin.users.title")) == NULL)
		return 500;
	tmpl_set(d, "Q", q);
	for (unsigned b = 1; b < (1u << ROLE_COUNT); b <<= 1) {
		struct tmpl_dict	*o = tmpl_section(d, "ROLE_FILTER");
		char			 key[32];

		if (o == NULL)
			break;
		snprintf(key, sizeof(key), "role.%s", role_name(b));
		tmpl_set(o, "VALUE", role_name(b));
		tmpl_set(o, "LABEL", view_text(r, key));
		if (b == bit)
			tmpl_show(o, "SELECTED");
	}

	p[0] = esc;
	p[1] = db_int(mask, bit);
	p[2] = db_int(after_s, after);
	if ((res = db_query(STMT_USERS_SEARCH, p, &st)) == NULL)
		return db_status_http(st);
	n = PQntuples(res);
	for (int i = 0; i < n && i < DB_PAGE_ROWS; i++) {
		struct tmpl_dict *u = tmpl_section(d, "USERS");

		if (u == NULL)
			break;
		tmpl_set(u, "ID", PQgetvalue(res, i, 0));
		tmpl_set(u, "EMAIL", PQgetvalue(res, i, 1));
		tmpl_set(u, "NAME", PQgetvalue(res, i, 2));
		view_roles(r, u, (unsigned)db_long(res, i, 3));
		tmpl_show(u, db_bool(res, i, 4) ? "DISABLED" : "ACTIVE");
		tmpl_set(u, "ORGANIZATION", PQgetisnull(res, i, 7) ? "" :
		    PQgetvalue(res, i, 7));
	}
	if (n == 0)
		tmpl_show(d, "NO_USERS");
	if (n > DB_PAGE_ROWS) {
		struct tmpl_dict *next = tmpl_section(d, "NEXT_PAGE");

		if (next != NULL) {
			tmpl_set(next, "Q", q);
			tmpl_set(next, "ROLE", role);
			tmpl_set(next, "AFTER", PQgetvalue(res, DB_PAGE_ROWS - 1, 0));
		}
	}
	PQclear(res);
	return view_render(r, 200);
}

static struct tmpl_dict *
user_new_page(struct req *r, unsigned mask)
{
	struct tmpl_dict *d;

	r->private_page = true;
	if ((d = view_page(r, "admin_user_new", "admin.user_new.title")) == NULL)
		return NULL;
	role_choices(r, d, mask);
	return d;
}

int
page_admin_user_new(struct req *r)
{
	if (user_new_page(r, 0) == NULL)
		return 500;
	return view_render(r, 200);
}

/* Show a temporary password once, for the admin to hand over. */
static int
show_temporary_password(struct req *r, int64_t id, const char *email,
    const char *password, bool created)
{
	struct tmpl_dict *d;

	r->private_page = true;
	if ((d = view_page(r, "admin_password", created ?
	    "admin.user_created.title" : "admin.password_reset.title")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "EMAIL", email);
	tmpl_set(d, "PASSWORD", password);
	tmpl_show(d, created ? "CREATED" : "RESET");
	return view_render(r, created ? 201 : 200);
}

int
page_admin_user_new_post(struct req *r)
{
	struct form	 f = { .r = r };
	const char	*email, *name;
	char		 pw[TEMP_PASSWORD_CHARS + 1], hash[PASSWORD_HASH_MAX];
	bool		 bad;
	unsigned	 mask = roles_from_form(r, &bad);
	struct new_user	 u;
	int64_t		 id;
	enum db_status	 st;
	int		 status;

	if (bad)
		return 400;
	if ((f.d = user_new_page(r, mask)) == NULL)
		return 500;
	email = form_email(&f, "email", "EMAIL");
	name = form_text(&f, "name", "NAME", true, NAME_MAX_CHARS);
	if (mask == 0)
		form_error(&f, "ROLES", "admin.roles_required");
	if (f.errors > 0 || email == NULL || name == NULL) {
		form_summary(&f);
		return view_render(r, 422);
	}
	password_random(pw, TEMP_PASSWORD_CHARS);
	if ((status = password_hash_http(pw, hash)) != 0)
		return status;
	u.email = email;
	u.name = name;
	u.password_hash = hash;
	u.organization_id = 0;
	u.roles = mask;
	u.must_change_password = true;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((st = account_insert(&u, r->user->id, r->remote_addr, &id)) != DB_OK ||
	    (st = db_commit()) != DB_OK) {
		db_rollback();
		if (st != DB_UNIQUE)
			return db_status_http(st);
		form_error(&f, "EMAIL", "field.email_taken");
		form_summary(&f);
		return view_render(r, 409);
	}
	return show_temporary_password(r, id, email, pw, true);
}

/*
 * The user page: account, roles, status, and for auditors the profile.
 * *roles and *is_staff describe the user.  404 for an unknown id.
 */
static int
user_page(struct req *r, int64_t id, struct tmpl_dict **out, unsigned *roles,
    bool *is_staff)
{
	struct tmpl_dict	*d;
	char			 uid[DB_INT_BUF];
	const char		*p[1] = { db_int(uid, id) };
	PGresult		*res, *cats;
	enum db_status		 st;
	int			 ncats;

	r->private_page = true;
	if ((res = db_query(STMT_USER_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	if ((d = view_page(r, "admin_user", "admin.user.title")) == NULL) {
		PQclear(res);
		return 500;
	}
	*roles = (unsigned)db_long(res, 0, 3);
	*is_staff = PQgetisnull(res, 0, 6);
	tmpl_set(d, "ID", PQgetvalue(res, 0, 0));
	tmpl_set(d, "EMAIL", PQgetvalue(res, 0, 1));
	tmpl_set(d, "NAME", PQgetvalue(res, 0, 2));
	view_roles(r, d, *roles);
	tmpl_show(d, db_bool(res, 0, 4) ? "DISABLED" : "ENABLED");
	if (id != r->user->id)
		tmpl_show(d, "NOT_SELF");
	if (db_bool(res, 0, 5))
		tmpl_show(d, "MUST_CHANGE");
	tmpl_set(d, "CREATED", PQgetvalue(res, 0, 9));
	if (*is_staff) {
		struct tmpl_dict *s = tmpl_section(d, "STAFF");

		if (s != NULL) {
			tmpl_set(s, "ID", PQgetvalue(res, 0, 0));
			role_choices(r, s, *roles);
		}
	} else {
		struct tmpl_dict *s = tmpl_section(d, "APPLICANT");

		if (s != NULL)
			tmpl_set(s, "ORGANIZATION", PQgetvalue(res, 0, 7));
	}
	if (*roles & ROLE_AUDITOR) {
		struct tmpl_dict *a = tmpl_section(d, "AUDITOR");

		if (a == NULL) {
			PQclear(res);
			return 500;
		}
		tmpl_set(a, "ID", PQgetvalue(res, 0, 0));
		tmpl_set(a, "REGISTRATION_NO", PQgetvalue(res, 0, 10));
		tmpl_set(a, "VALID_UNTIL", PQgetvalue(res, 0, 11));
		if ((cats = db_query(STMT_AUDITOR_CATEGORIES, p, &st)) == NULL) {
			PQclear(res);
			return db_status_http(st);
		}
		ncats = PQntuples(cats);
		PQclear(res);
		if ((res = db_query(STMT_CATEGORIES_LIST, NULL, &st)) == NULL) {
			PQclear(cats);
			return db_status_http(st);
		}
		for (int i = 0; i < PQntuples(res); i++) {
			struct tmpl_dict *c = tmpl_section(a, "CATEGORIES");

			if (c == NULL)
				break;
			tmpl_set(c, "CATEGORY_ID", PQgetvalue(res, i, 0));
			tmpl_set(c, "CATEGORY_NAME", PQgetvalue(res, i,
			    r->lang == LANG_ZH ? 2 : 3));
			for (int k = 0; k < ncats; k++)
				if (strcmp(PQgetvalue(cats, k, 0),
				    PQgetvalue(res, i, 0)) == 0)
					tmpl_show(c, "CHECKED");
		}
		PQclear(cats);
	}
	PQclear(res);
	*out = d;
	return 0;
}

int
page_admin_user(struct req *r)
{
	struct tmpl_dict	*d;
	unsigned		 roles;
	bool			 staff, dup;
	const char		*done = req_param(r, "done", &dup);
	int			 status = 0;

	if ((status = user_page(r, route_param_id(&r->params, "id"), &d, &roles,
	    &staff)) != 0)
		return status;
	if (done != NULL && strlen(done) < 32 && strspn(done, "abcdefghijklmnopqrstuvwxyz_") ==
	    strlen(done)) {
		struct tmpl_dict	*n = tmpl_section(d, "DONE");
		char			 key[64];

		snprintf(key, sizeof(key), "admin.done.%s", done);
		if (n != NULL && i18n_lookup(r->lang, key) != NULL)
			tmpl_set(n, "MESSAGE", view_text(r, key));
	}
	return view_render(r, 200);
}

/* In a transaction after a change: is there still an enabled administrator? */
static int
admins_remain(void)
{
	PGresult	*res;
	enum db_status	 st;
	long long	 n;

	if ((res = db_query_rows(STMT_ADMINS_COUNT, NULL, 1, 1, &st)) == NULL)
		return -1;
	n = db_long(res, 0, 0);
	PQclear(res);
	return n > 0 ? 1 : 0;
}

/* Re-show the user page with message key as an error; status is returned. */
static int
user_page_error(struct req *r, int64_t id, const char *key, int status)
{
	struct tmpl_dict	*d, *e;
	unsigned		 roles;
	bool			 staff;
	int			 st;

	if ((st = user_page(r, id, &d, &roles, &staff)) != 0)
		return st;
	if ((e = tmpl_section(d, "ERROR")) != NULL)
		tmpl_set(e, "MESSAGE", view_text(r, key));
	return view_render(r, status);
}

static int
done(struct req *r, int64_t id, const char *what)
{
	return resp_redirect(r, arena_printf(r->arena, "/admin/users/%lld?done=%s",
	    (long long)id, what));
}

int
page_admin_user_roles_post(struct req *r)
{
	int64_t		 id = route_param_id(&r->params, "id");
	bool		 bad;
	unsigned	 mask = roles_from_form(r, &bad), old;
	char		 uid[DB_INT_BUF], m[DB_INT_BUF], from[128], to[128];
	const char	*p[2];
	PGresult	*res;
	enum db_status	 st;

	if (bad)
		return 400;
	if (mask == 0)
		return user_page_error(r, id, "admin.roles_required", 422);
	if (id == r->user->id && (mask & ROLE_ADMIN) == 0)
		return user_page_error(r, id, "admin.keep_own_admin", 422);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(uid, id);
	p[1] = db_int(m, mask);
	if ((res = db_query(STMT_USER_ROLES_SET, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {	/* unknown, or an applicant */
		PQclear(res);
		db_rollback();
		return 404;
	}
	old = (unsigned)db_long(res, 0, 0);
	PQclear(res);
	if (admins_remain() != 1) {
		db_rollback();
		return user_page_error(r, id, "admin.last_admin", 422);
	}
	if (old != mask)
		st = db_event(r->user->id, "user", id, "user.roles_changed",
		    account_roles_text(old, from, sizeof(from)),
		    account_roles_text(mask, to, sizeof(to)), NULL, r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return done(r, id, "roles");
}

/* Disable or enable; disabling ends every session of the user at once. */
static int
set_disabled(struct req *r, bool disable)
{
	int64_t		 id = route_param_id(&r->params, "id");
	char		 uid[DB_INT_BUF];
	const char	*p[2];
	PGresult	*res;
	enum db_status	 st;
	bool		 changed;

	if (disable && id == r->user->id)
		return user_page_error(r, id, "admin.not_yourself", 422);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(uid, id);
	p[1] = disable ? "true" : "false";
	if ((res = db_query(STMT_USER_DISABLED_SET, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	changed = PQntuples(res) == 1;
	PQclear(res);
	if (changed && disable && admins_remain() != 1) {
		db_rollback();
		return user_page_error(r, id, "admin.last_admin", 422);
	}
	if (changed && disable)
		PQclear(db_query(STMT_SESSIONS_DELETE_USER, p, &st));
	if (changed && st == DB_OK)
		st = db_event(r->user->id, "user", id, disable ?
		    "user.disabled" : "user.enabled", disable ? "enabled" :
		    "disabled", disable ? "disabled" : "enabled", NULL,
		    r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return done(r, id, disable ? "disabled" : "enabled");
}

int
page_admin_user_disable_post(struct req *r)
{
	return set_disabled(r, true);
}

int
page_admin_user_enable_post(struct req *r)
{
	return set_disabled(r, false);
}

int
page_admin_user_password_post(struct req *r)
{
	int64_t		 id = route_param_id(&r->params, "id");
	char		 uid[DB_INT_BUF], pw[TEMP_PASSWORD_CHARS + 1];
	char		 hash[PASSWORD_HASH_MAX];
	const char	*p[3], *email;
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	p[0] = db_int(uid, id);
	if ((res = db_query(STMT_USER_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	email = arena_strdup(r->arena, PQgetvalue(res, 0, 1));
	PQclear(res);
	password_random(pw, TEMP_PASSWORD_CHARS);
	if ((status = password_hash_http(pw, hash)) != 0)
		return status;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[1] = hash;
	p[2] = "true";
	PQclear(db_query_rows(STMT_USER_PASSWORD_SET, p, 1, 1, &st));
	if (st == DB_OK)
		PQclear(db_query(STMT_SESSIONS_DELETE_USER, p, &st));
	if (st == DB_OK)
		st = db_event(r->user->id, "user", id, "password.reset", NULL,
		    NULL, NULL, r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return show_temporary_password(r, id, email, pw, false);
}

int
page_admin_user_auditor_post(struct req *r)
{
	int64_t		 id = route_param_id(&r->params, "id");
	const char	*reg, *until, *cats[CATEGORIES_MAX], *p[3];
	char		 uid[DB_INT_BUF];
	size_t		 ncats = req_values(r, "category", cats, CATEGORIES_MAX);
	struct tmpl_dict *d;
	unsigned	 roles;
	bool		 staff;
	int		 status, errors = 0;
	enum db_status	 st;

	if (ncats > CATEGORIES_MAX)
		return 400;
	for (size_t i = 0; i < ncats; i++) {
		char *end;
		long v = strtol(cats[i], &end, 10);

		if (*end != '\0' || v <= 0 || v > 100000)
			return 400;
	}
	if ((status = user_page(r, id, &d, &roles, &staff)) != 0)
		return status;
	if ((roles & ROLE_AUDITOR) == 0)
		return user_page_error(r, id, "admin.not_auditor", 422);
	if (req_text(r, "registration_no", true, 64, &reg) != FIELD_OK) {
		struct tmpl_dict *e = tmpl_section(d, "ERROR");

		if (e != NULL)
			tmpl_set(e, "MESSAGE", view_text(r, "admin.auditor.registration_required"));
		errors++;
	}
	if (req_text(r, "valid_until", true, 10, &until) != FIELD_OK ||
	    !date_valid(until)) {
		struct tmpl_dict *e = tmpl_section(d, "ERROR");

		if (e != NULL)
			tmpl_set(e, "MESSAGE", view_text(r, "field.date"));
		errors++;
	}
	if (errors > 0)
		return view_render(r, 422);
	view_release(r);

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(uid, id);
	p[1] = reg;
	p[2] = until;
	PQclear(db_query(STMT_AUDITOR_PROFILE_UPSERT, p, &st));
	if (st == DB_OK)
		PQclear(db_query(STMT_AUDITOR_CATEGORIES_CLEAR, p, &st));
	for (size_t i = 0; i < ncats && st == DB_OK; i++) {
		p[1] = cats[i];
		PQclear(db_query(STMT_AUDITOR_CATEGORY_ADD, p, &st));
	}
	if (st == DB_OK)
		st = db_event(r->user->id, "user", id, "auditor.profile_updated",
		    NULL, NULL, arena_printf(r->arena, "%s, %s", reg, until),
		    r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return done(r, id, "auditor");
}

/* The settings form: one SETTINGS section per declared setting. */
static struct tmpl_dict *
settings_page(struct req *r, const char **values, const char **errors)
{
	struct tmpl_dict *d;

	r->private_page = true;
	if ((d = view_page(r, "admin_settings", "admin.settings.title")) == NULL)
		return NULL;
	for (unsigned i = 0; i < setting_defs_count; i++) {
		const struct setting_def	*def = &setting_defs[i];
		struct tmpl_dict		*s = tmpl_section(d, "SETTINGS");
		char				 key[96];

		if (s == NULL)
			return NULL;
		tmpl_set(s, "KEY", def->key);
		tmpl_set(s, "VALUE", values != NULL ? values[i] :
		    settings_get(def->key));
		snprintf(key, sizeof(key), "setting.%s", def->key);
		tmpl_set(s, "LABEL", view_text(r, key));
		snprintf(key, sizeof(key), "setting.%s.help", def->key);
		tmpl_set(s, "HELP", view_text(r, key));
		tmpl_set(s, "DEFAULT", def->default_value);
		if (def->min != def->max) {
			struct tmpl_dict *n = tmpl_section(s, "NUMBER");

			if (n != NULL) {
				tmpl_set_int(n, "MIN", def->min);
				tmpl_set_int(n, "MAX", def->max);
			}
		} else {
			struct tmpl_dict *t = tmpl_section(s, "TEXT");

			if (t != NULL) {
				tmpl_set_int(t, "MAXLEN", def->max_chars);
				if (*def->default_value != '\0')
					tmpl_show(t, "REQUIRED");
			}
		}
		if (errors != NULL && errors[i] != NULL) {
			struct tmpl_dict *e = tmpl_section(s, "SETTING_ERROR");

			if (e != NULL)
				tmpl_set(e, "MESSAGE", view_text(r, errors[i]));
		}
	}
	return d;
}

int
page_admin_settings(struct req *r)
{
	struct tmpl_dict	*d;
	bool			 dup;
	const char		*saved = req_param(r, "done", &dup);
	int64_t			 changes;

	settings_forget();
	settings_refresh();
	if ((d = settings_page(r, NULL, NULL)) == NULL)
		return 500;
	/* After the daily run: how many changes it made (the event log has them). */
	if (saved != NULL && strcmp(saved, "tick") == 0 &&
	    req_int(r, "changes", true, 0, INT32_MAX, &changes) == FIELD_OK) {
		struct tmpl_dict *n = tmpl_section(d, "TICK_DONE");

		if (n != NULL)
			tmpl_set_int(n, "CHANGES", changes);
	} else if (saved != NULL)
		tmpl_show(d, "SAVED");
	return view_render(r, 200);
}

int
page_admin_settings_post(struct req *r)
{
	const char	*values[64], *errors[64], *p[2];
	int		 nerrors = 0;
	enum db_status	 st;
	struct tmpl_dict *d;

	if (setting_defs_count > 64)
		return 500;
	settings_forget();
	settings_refresh();
	for (unsigned i = 0; i < setting_defs_count; i++) {
		const struct setting_def *def = &setting_defs[i];
		enum field_error e = req_text(r, def->key, *def->default_value != '\0',
		    def->min != def->max ? 12 : def->max_chars, &values[i]);

		errors[i] = NULL;
		if (e != FIELD_OK) {
			bool dup;
			const char *raw = req_param(r, def->key, &dup);

			values[i] = raw != NULL ? raw : "";
			errors[i] = e == FIELD_TOO_LONG ? "field.too_long" :
			    "field.required";
		} else if (!settings_valid(def, values[i]))
			errors[i] = def->min != def->max ? "setting.out_of_range" :
			    "field.too_long";
		else if (strcmp(def->key, "certificate_number_pattern") == 0 &&
		    !cert_number_pattern_valid(values[i]))
			errors[i] = "setting.pattern_invalid";
		else if (strcmp(def->key, "public_base_url") == 0 && *values[i] != '\0' &&
		    ((strncmp(values[i], "https://", 8) != 0 && strncmp(values[i], "http://", 7) != 0) ||
		    strpbrk(values[i], " \"<>?#") != NULL || values[i][strlen(values[i]) - 1] == '/'))
			errors[i] = "setting.url_invalid";
		else if (strcmp(def->key, "smtp_url") == 0 && *values[i] != '\0' &&
		    ((strncmp(values[i], "smtp://", 7) != 0 && strncmp(values[i], "smtps://", 8) != 0) ||
		    strpbrk(values[i], " \"<>@") != NULL))
			errors[i] = "setting.smtp_url_invalid";
		else if (strcmp(def->key, "smtp_from") == 0 && !email_valid(values[i]))
			errors[i] = "setting.email_invalid";
		nerrors += errors[i] != NULL;
	}
	if (nerrors > 0) {
		if ((d = settings_page(r, values, errors)) == NULL)
			return 500;
		return view_render(r, 422);
	}
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	for (unsigned i = 0; i < setting_defs_count && st == DB_OK; i++) {
		const char *old = settings_get(setting_defs[i].key);

		if (strcmp(old, values[i]) == 0)
			continue;
		p[0] = setting_defs[i].key;
		p[1] = values[i];
		PQclear(db_query(STMT_SETTING_UPSERT, p, &st));
		if (st == DB_OK)
			st = db_event(r->user->id, "setting", 0, "setting.changed",
			    old, values[i], setting_defs[i].key, r->remote_addr);
	}
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	settings_forget();
	return resp_redirect(r, "/admin/settings?done=1");
}

int
page_admin_events(struct req *r)
{
	struct tmpl_dict	*d;
	const char		*action, *type, *actor, *from, *to, *p[6];
	char			 before_s[DB_INT_BUF];
	int64_t			 before;
	PGresult		*res;
	enum db_status		 st;
	int			 n;

	r->private_page = true;
	if (req_text(r, "action", false, 64, &action) != FIELD_OK ||
	    req_text(r, "type", false, 32, &type) != FIELD_OK ||
	    req_text(r, "actor", false, EMAIL_MAX, &actor) != FIELD_OK ||
	    req_text(r, "from", false, 10, &from) != FIELD_OK ||
	    req_text(r, "to", false, 10, &to) != FIELD_OK ||
	    req_int(r, "before", false, 0, INT64_MAX, &before) != FIELD_OK)
		return 400;
	if ((d = view_page(r, "admin_events", "admin.events.title")) == NULL)
		return 500;
	tmpl_set(d, "ACTION", action);
	tmpl_set(d, "TYPE", type);
	tmpl_set(d, "ACTOR", actor);
	tmpl_set(d, "FROM", from);
	tmpl_set(d, "TO", to);
	if ((*from != '\0' && !date_valid(from)) || (*to != '\0' && !date_valid(to))) {
		struct tmpl_dict *e = tmpl_section(d, "FILTER_ERROR");

		if (e != NULL)
			tmpl_set(e, "MESSAGE", view_text(r, "field.date"));
		return view_render(r, 422);
	}
	p[0] = *action != '\0' ? db_like_escape(r->arena, action) : NULL;
	p[1] = *type != '\0' ? type : NULL;
	p[2] = *actor != '\0' ? actor : NULL;
	p[3] = *from != '\0' ? from : NULL;
	p[4] = *to != '\0' ? to : NULL;
	p[5] = before > 0 ? db_int(before_s, before) : NULL;
	if ((res = db_query(STMT_EVENTS_LIST, p, &st)) == NULL)
		return db_status_http(st);
	n = PQntuples(res);
	for (int i = 0; i < n && i < DB_PAGE_ROWS; i++) {
		static const char *const cols[] = { "ID", "AT", "ACTOR",
		    "OBJECT_TYPE", "OBJECT_ID", "EVENT_ACTION", "FROM_STATE",
		    "TO_STATE", "DETAIL", "ADDRESS" };
		struct tmpl_dict *e = tmpl_section(d, "EVENTS");

		if (e == NULL)
			break;
		for (int c = 0; c < 10; c++)
			tmpl_set(e, cols[c], PQgetvalue(res, i, c));
		if (PQgetvalue(res, i, 6)[0] != '\0' || PQgetvalue(res, i, 7)[0] != '\0')
			tmpl_show(e, "CHANGE");
		tmpl_set(e, "ACTION_LABEL", view_label(r, "event.", PQgetvalue(res, i, 5)));
		tmpl_set(e, "TYPE_LABEL", view_label(r, "object.", PQgetvalue(res, i, 3)));
	}
	if (n == 0)
		tmpl_show(d, "NO_EVENTS");
	if (n > DB_PAGE_ROWS) {
		struct tmpl_dict *next = tmpl_section(d, "NEXT_PAGE");

		if (next != NULL) {
			tmpl_set(next, "ACTION", action);
			tmpl_set(next, "TYPE", type);
			tmpl_set(next, "ACTOR", actor);
			tmpl_set(next, "FROM", from);
			tmpl_set(next, "TO", to);
			tmpl_set(next, "BEFORE", PQgetvalue(res, DB_PAGE_ROWS - 1, 0));
		}
	}
	PQclear(res);
	return view_render(r, 200);
}
