/* csrf.h: a token in every form, checked with the Origin on every POST. */
#ifndef STARCERT_CSRF_H
#define STARCERT_CSRF_H

#include "../http/request.h"

#define CSRF_FIELD	"csrf"
#define CSRF_COOKIE	"csrf"

/*
 * csrf_prepare: make sure r->csrf_token is set: a signed-in request has
 * its session's; an anonymous one the token of its "csrf" cookie, which is
 * created (and set) when missing.  Returns 0 or 500.
 */
int	csrf_prepare(struct req *);

/*
 * csrf_check: for a POST, the Origin (or, lacking it, the Referer) must be
 * this site, and the form's csrf field must equal the request's token.
 * Returns 0 or 403.
 */
int	csrf_check(struct req *);

#endif
