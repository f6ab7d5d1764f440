/* router.c: pattern matching over the route table. */
#include <string.h>

#include "arena.h"
#include "router.h"

#define ID_MAX_DIGITS	15

enum http_method
http_method_parse(const char *s)
{
	if (s == NULL)
		return 0;
	if (strcmp(s, "GET") == 0)
		return METHOD_GET;
	if (strcmp(s, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(s, "POST") == 0)
		return METHOD_POST;
	return 0;
}

const char *
http_method_name(enum http_method m)
{
	switch (m) {
	case METHOD_GET:
		return "GET";
	case METHOD_HEAD:
		return "HEAD";
	case METHOD_POST:
		return "POST";
	}
	return "?";
}

static bool
segment_ok(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

static bool
segment_id(const char *s, size_t len, int64_t *id)
{
	int64_t v = 0;

	if (len == 0 || len > ID_MAX_DIGITS || s[0] == '0')
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*id = v;
	return true;
}

/* Match path against pattern; fill params (arena copies) on success. */
static bool
pattern_match(const char *pattern, const char *path, struct arena *a,
    struct route_params *p)
{
	const char *pp = pattern, *sp = path;

	p->count = 0;
	while (*pp != '\0' && *sp != '\0') {
		const char	*pend, *send;
		size_t		 plen, slen;

		if (*pp != '/' || *sp != '/')
			return false;
		pp++;
		sp++;
		pend = strchr(pp, '/');
		send = strchr(sp, '/');
		plen = pend != NULL ? (size_t)(pend - pp) : strlen(pp);
		slen = send != NULL ? (size_t)(send - sp) : strlen(sp);

		if (plen >= 2 && pp[0] == '{' && pp[plen - 1] == '}') {
			int64_t	id = 0;
			/* "{id}" and "{..._id}" are positive integers. */
			bool	is_id = (plen == 4 && memcmp(pp, "{id}", 4) == 0) ||
			    (plen > 5 && memcmp(pp + plen - 4, "_id}", 4) == 0);

			if (p->count == ROUTE_MAX_PARAMS)
				return false;
			if (is_id ? !segment_id(sp, slen, &id) :
			    !segment_ok(sp, slen))
				return false;
			if ((p->names[p->count] = arena_strndup(a, pp + 1,
			    plen - 2)) == NULL ||
			    (p->values[p->count] = arena_strndup(a, sp, slen))
			    == NULL)
				return false;
			p->ids[p->count] = id;
			p->count++;
		} else if (plen != slen || memcmp(pp, sp, plen) != 0)
			return false;
		pp += plen;
		sp += slen;
	}
	return *pp == '\0' && *sp == '\0';
}

enum route_result
router_match(const struct route *table, size_t n, enum http_method method,
    const char *path, struct arena *a, const struct route **found,
    struct route_params *params, unsigned *allowed)
{
	unsigned want = method == METHOD_HEAD ? METHOD_GET | METHOD_HEAD : method;

	*found = NULL;
	*allowed = 0;
	if (path == NULL || path[0] != '/' || strlen(path) > ROUTE_PATH_MAX)
		return ROUTE_NOT_FOUND;
	for (size_t i = 0; i < n; i++) {
		struct route_params p;

		if (!pattern_match(table[i].pattern, path, a, &p))
			continue;
		if ((table[i].methods & want) != 0) {
			*found = &table[i];
			*params = p;
			return ROUTE_FOUND;
		}
		*allowed |= table[i].methods;
	}
	if (*allowed & METHOD_GET)
		*allowed |= METHOD_HEAD;
	return *allowed != 0 ? ROUTE_METHOD_NOT_ALLOWED : ROUTE_NOT_FOUND;
}

enum route_access
router_access(const struct route *r, bool signed_in, unsigned user_roles)
{
	if (r->roles == 0)
		return ACCESS_OK;
	if (!signed_in)
		return ACCESS_SIGN_IN;
	return (r->roles & user_roles) != 0 ? ACCESS_OK : ACCESS_FORBIDDEN;
}

int64_t
route_param_id(const struct route_params *p, const char *name)
{
	for (size_t i = 0; i < p->count; i++)
		if (strcmp(p->names[i], name) == 0)
			return p->ids[i];
	return 0;
}

const char *
route_param(const struct route_params *p, const char *name)
{
	for (size_t i = 0; i < p->count; i++)
		if (strcmp(p->names[i], name) == 0)
			return p->values[i];
	return NULL;
}
