/* csrf.c: synchroniser tokens (the session's, or a pre-session cookie's) and an Origin check. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "../http/response.h"
#include "csrf.h"
#include "session.h"

int
csrf_prepare(struct req *r)
{
	const char	*c;
	char		 token[TOKEN_HEX + 1];

	if (r->csrf_token != NULL)
		return 0;
	c = kvlist_get(&r->cookies, CSRF_COOKIE, NULL);
	if (c != NULL && strlen(c) == TOKEN_HEX &&
	    strspn(c, "0123456789abcdef") == TOKEN_HEX) {
		r->csrf_token = c;
		return 0;
	}
	token_new(token);
	if ((r->csrf_token = arena_strdup(r->arena, token)) == NULL ||
	    resp_cookie(r, CSRF_COOKIE, token, -1, true) != 0)
		return 500;
	return 0;
}

/*
 * True when url is "scheme://host[:port]" (optionally followed by a path)
 * naming this server: host as nginx saw it ($host) and the port nginx
 * listens on (SERVER_PORT), the scheme's default port when none is written.
 */
static bool
same_origin(const char *url, const struct req *r)
{
	size_t		 hl;
	long		 port;
	char		*end;

	if (url == NULL || r->host == NULL)
		return false;
	if (strncmp(url, "https://", 8) == 0) {
		url += 8;
		port = 443;
	} else if (strncmp(url, "http://", 7) == 0) {
		url += 7;
		port = 80;
	} else
		return false;
	hl = strlen(r->host);
	if (hl == 0 || strncasecmp(url, r->host, hl) != 0)
		return false;
	url += hl;
	if (*url == ':') {
		port = strtol(url + 1, &end, 10);
		if (end == url + 1)
			return false;
		url = end;
	}
	return (*url == '\0' || *url == '/') && port == r->server_port;
}

int
csrf_check(struct req *r)
{
	const char	*given;
	bool		 dup;

	if (r->origin != NULL) {
		if (!same_origin(r->origin, r))
			return 403;
	} else if (!same_origin(r->referer, r))
		return 403;
	given = req_param(r, CSRF_FIELD, &dup);
	if (given == NULL || dup || r->csrf_token == NULL ||
	    strlen(given) != strlen(r->csrf_token) ||
	    sodium_memcmp(given, r->csrf_token, strlen(given)) != 0)
		return 403;
	return 0;
}
