/* response.h: status, headers, cookies and redirects, serialised for FastCGI. */
#ifndef STARCERT_RESPONSE_H
#define STARCERT_RESPONSE_H

#include <stdbool.h>

#include "request.h"

/* http_status_text: the reason phrase for a status code ("Not Found"). */
const char	*http_status_text(int status);

/* resp_header: add a header; refuses (-1) names or values with CR, LF or NUL, or a full table. */
int		 resp_header(struct req *, const char *name, const char *value);

/*
 * resp_cookie: Set-Cookie name=value with Path=/, SameSite=Lax, HttpOnly
 * when http_only, Secure on HTTPS, and Max-Age when max_age >= 0
 * (0 deletes the cookie; -1 makes a session cookie).
 */
int		 resp_cookie(struct req *, const char *name, const char *value,
		    long max_age, bool http_only);

/* local_path_ok: true for a same-site path ("/x?y"), false for "//host", "http:..." or control bytes. */
bool		 local_path_ok(const char *);

/* resp_redirect: 303 See Other to a local path (else to "/"); returns 303. */
int		 resp_redirect(struct req *, const char *path);

/* resp_head: the CGI response head (Status, Content-Type, headers, blank line) appended to out. */
void		 resp_head(const struct req *, size_t body_len, struct buf *out);

#endif
