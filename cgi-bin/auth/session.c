/* session.c: session cookies and their rows. */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../http/response.h"
#include "session.h"

void
token_new(char hex[TOKEN_HEX + 1])
{
	unsigned char raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, TOKEN_HEX + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

void
token_hash_hex(const char *token, char out[TOKEN_HEX + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, TOKEN_HEX + 1, digest, sizeof(digest));
}

static bool
token_shape_ok(const char *t)
{
	return t != NULL && strlen(t) == TOKEN_HEX &&
	    strspn(t, "0123456789abcdef") == TOKEN_HEX;
}

int
session_load(struct req *r)
{
	const char	*token = kvlist_get(&r->cookies, SESSION_COOKIE, NULL);
	char		 hash[TOKEN_HEX + 1];
	const char	*params[3];
	char		 idle[DB_INT_BUF], absolute[DB_INT_BUF];
	PGresult	*res;
	enum db_status	 st;
	struct user	*u;

	if (token == NULL)
		return 0;
	if (!token_shape_ok(token)) {
		resp_cookie(r, SESSION_COOKIE, "", 0, true);
		return 0;
	}
	token_hash_hex(token, hash);
	params[0] = hash;
	params[1] = db_int(idle, settings_long("session_idle_minutes"));
	params[2] = db_int(absolute, settings_long("session_absolute_hours"));
	if ((res = db_query(STMT_SESSION_LOOKUP, params, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		resp_cookie(r, SESSION_COOKIE, "", 0, true);
		return 0;
	}
	if ((u = arena_calloc(r->arena, 1, sizeof(*u))) == NULL) {
		PQclear(res);
		return 500;
	}
	r->session_id = db_long(res, 0, 0);
	u->id = db_long(res, 0, 1);
	u->organization_id = db_long(res, 0, 2);
	u->roles = (unsigned)db_long(res, 0, 3);
	u->name = arena_strdup(r->arena, PQgetvalue(res, 0, 4));
	u->email = arena_strdup(r->arena, PQgetvalue(res, 0, 5));
	r->csrf_token = arena_strdup(r->arena, PQgetvalue(res, 0, 6));
	u->must_change_password = db_bool(res, 0, 7);
	u->lang = PQgetvalue(res, 0, 8)[0] != '\0' ?
	    arena_strdup(r->arena, PQgetvalue(res, 0, 8)) : NULL;
	u->email_notify = db_bool(res, 0, 10);
	u->unread = (int)db_long(res, 0, 11);
	/* last_seen is written at most once a minute: idle expiry needs no
	 * finer grain, and most requests then stay read-only. */
	if (db_bool(res, 0, 9)) {
		char id[DB_INT_BUF];
		const char *p[1] = { db_int(id, r->session_id) };

		PQclear(db_query(STMT_SESSION_TOUCH, p, &st));
	}
	PQclear(res);
	r->user = u;
	return 0;
}

int
session_start(struct req *r, int64_t user_id)
{
	char		 token[TOKEN_HEX + 1], hash[TOKEN_HEX + 1], csrf[TOKEN_HEX + 1];
	char		 uid[DB_INT_BUF], sid[DB_INT_BUF];
	const char	*params[4];
	PGresult	*res;
	enum db_status	 st;

	if (r->session_id != 0) {
		const char *p[1] = { db_int(sid, r->session_id) };

		PQclear(db_query(STMT_SESSION_DELETE, p, &st));
		if (st != DB_OK)
			return db_status_http(st);
	}
	token_new(token);
	token_new(csrf);
	token_hash_hex(token, hash);
	params[0] = hash;
	params[1] = db_int(uid, user_id);
	params[2] = csrf;
	params[3] = r->remote_addr;
	if ((res = db_query_rows(STMT_SESSION_INSERT, params, 1, 1, &st)) == NULL)
		return db_status_http(st);
	r->session_id = db_long(res, 0, 0);
	PQclear(res);
	r->csrf_token = arena_strdup(r->arena, csrf);
	if (resp_cookie(r, SESSION_COOKIE, token, -1, true) != 0)
		return 500;
	return 0;
}

int
session_end(struct req *r)
{
	char		 sid[DB_INT_BUF];
	const char	*p[1];
	enum db_status	 st;

	resp_cookie(r, SESSION_COOKIE, "", 0, true);
	if (r->session_id == 0)
		return 0;
	p[0] = db_int(sid, r->session_id);
	PQclear(db_query(STMT_SESSION_DELETE, p, &st));
	r->session_id = 0;
	return st == DB_OK ? 0 : db_status_http(st);
}
