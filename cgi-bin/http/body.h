/* body.h: reading a request's body from the FastCGI stream: whole (forms) or streamed (multipart). */
#ifndef STARCERT_BODY_H
#define STARCERT_BODY_H

#include <stddef.h>

#include "multipart.h"
#include "request.h"

/* body_read: exactly len bytes of the body into the arena (NUL-terminated); NULL on a short read. */
char	*body_read(struct req *, size_t len);

/*
 * body_multipart: stream a multipart/form-data body through a parser with
 * the given limits and callbacks, 64 KiB at a time: memory stays bounded
 * whatever the body's size.  MP_BAD_CONTENT_TYPE when the request is not
 * multipart; MP_TRUNCATED when the body ends early; else the parser's word.
 */
enum multipart_status body_multipart(struct req *, const struct multipart_limits *,
	    const struct multipart_callbacks *, void *ctx);

#endif
