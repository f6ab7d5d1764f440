/* router.h: match a method and path against a route table; 404/405/401/403 before any handler. */
#ifndef STARCERT_ROUTER_H
#define STARCERT_ROUTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum http_method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
};

#define ROUTE_MAX_PARAMS	4
#define ROUTE_PATH_MAX		2048

struct req;
typedef int (*route_handler)(struct req *);

/*
 * One row of the route table.  pattern segments are literal, "{id}" or
 * "{name_id}" (a positive decimal integer below 10^15) or "{key}" (any
 * other name: one segment of letters, digits, '.', '_' and '-').  roles is a bit mask of
 * roles allowed; 0 means public (no sign-in needed).
 */
struct route {
	unsigned	 methods;
	const char	*pattern;
	route_handler	 handler;
	unsigned	 roles;
	const char	*name;		/* for logs and the role-matrix test */
};

struct route_params {
	size_t		 count;
	const char	*names[ROUTE_MAX_PARAMS];	/* without braces */
	const char	*values[ROUTE_MAX_PARAMS];	/* arena copies */
	int64_t		 ids[ROUTE_MAX_PARAMS];		/* parsed {id}, else 0 */
};

enum route_result {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,
	ROUTE_METHOD_NOT_ALLOWED,	/* path known; *allowed says which methods */
};

struct arena;

/*
 * router_match: find the first route whose pattern matches path and whose
 * methods include method (HEAD is served wherever GET is).  On ROUTE_FOUND
 * *found and params are set; on ROUTE_METHOD_NOT_ALLOWED *allowed is the
 * union of the methods of the routes whose pattern matched.
 */
enum route_result router_match(const struct route *table, size_t n,
	    enum http_method method, const char *path, struct arena *,
	    const struct route **found, struct route_params *params,
	    unsigned *allowed);

enum route_access {
	ACCESS_OK,
	ACCESS_SIGN_IN,		/* 401: not signed in */
	ACCESS_FORBIDDEN,	/* 403: signed in, no role for this */
};

/* router_access: what a user with role bits user_roles (signed_in or not) may do with r. */
enum route_access router_access(const struct route *r, bool signed_in,
	    unsigned user_roles);

/* route_param_id: the {id} parameter called name, or 0. */
int64_t		 route_param_id(const struct route_params *, const char *name);
/* route_param: the parameter called name, or NULL. */
const char	*route_param(const struct route_params *, const char *name);

/* http_method_parse: METHOD_* for a REQUEST_METHOD string, or 0. */
enum http_method http_method_parse(const char *);
const char	*http_method_name(enum http_method);

#endif
