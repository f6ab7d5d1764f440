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

/*
 * resp_disposition: the header Content-Disposition: kind ("attachment" or
 * "inline") with an ASCII fallback name (ascii_name, or name with every
 * other byte replaced) and name in UTF-8 (RFC 6266).  0 or -1.
 */
int		 resp_disposition(struct req *, const char *kind, const char *ascii_name,
		    const char *name);

/* The body length of a streamed response: no Content-Length; the body ends with the request. */
#define RESP_NO_LENGTH	((size_t)-1)

/* resp_head: the CGI response head (Status, Content-Type, headers, blank line) appended to out. */
void		 resp_head(const struct req *, size_t body_len, struct buf *out);

/*
 * A body sent as it is made (exports), so that a large one never sits in
 * memory.  resp_stream_begin sends the head now (status 200, the headers
 * set so far, no Content-Length) and the response becomes the handler's:
 * nothing is rendered after it.  resp_stream_write sends a piece (nothing
 * for HEAD; without FastCGI, in unit tests, it goes to r->body).
 * resp_stream_abort breaks the connection so that the client sees a
 * truncated download rather than a short file that looks whole.  0 or -1.
 */
int		 resp_stream_begin(struct req *);
int		 resp_stream_write(struct req *, const void *, size_t n);
void		 resp_stream_abort(struct req *);

#endif
