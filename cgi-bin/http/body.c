/* body.c: the request body from libfcgi's input stream. */
#include <fcgiapp.h>

#include "body.h"

#define READ_CHUNK	(64 * 1024)

char *
body_read(struct req *r, size_t len)
{
	FCGX_Request	*rq = r->fcgx;
	char		*data;
	size_t		 got = 0;

	if (rq == NULL || (data = arena_alloc(r->arena, len + 1)) == NULL)
		return NULL;
	while (got < len) {
		int n = FCGX_GetStr(data + got, (int)(len - got), rq->in);

		if (n <= 0)
			return NULL;
		got += (size_t)n;
	}
	data[len] = '\0';
	return data;
}

enum multipart_status
body_multipart(struct req *r, const struct multipart_limits *lim,
    const struct multipart_callbacks *cb, void *ctx)
{
	FCGX_Request		*rq = r->fcgx;
	char			 boundary[MULTIPART_BOUNDARY_MAX + 1];
	struct multipart	*mp;
	char			*chunk;
	enum multipart_status	 ms = MP_OK;

	if (rq == NULL || r->content_type == NULL ||
	    multipart_boundary(r->content_type, boundary) != 0)
		return MP_BAD_CONTENT_TYPE;
	if ((chunk = arena_alloc(r->arena, READ_CHUNK)) == NULL ||
	    (mp = multipart_new(boundary, lim, cb, ctx)) == NULL)
		return MP_NOMEM;
	for (int64_t left = r->content_length; left > 0 && ms == MP_OK;) {
		int want = left > READ_CHUNK ? READ_CHUNK : (int)left;
		int n = FCGX_GetStr(chunk, want, rq->in);

		if (n <= 0)
			break;
		left -= n;
		ms = multipart_feed(mp, chunk, (size_t)n);
	}
	if (ms == MP_OK)
		ms = multipart_finish(mp);
	multipart_free(mp);
	return ms;
}
