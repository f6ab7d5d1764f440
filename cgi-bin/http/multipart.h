/* multipart.h: a streaming multipart/form-data parser whose memory does not grow with the body. */
#ifndef STARCERT_MULTIPART_H
#define STARCERT_MULTIPART_H

#include <stddef.h>

/* RFC 2046: a boundary is 1 to 70 characters. */
#define MULTIPART_BOUNDARY_MAX	70
/* Longest form field name taken, in bytes. */
#define MULTIPART_NAME_MAX	128

struct multipart_limits {
	size_t	max_parts;		/* more parts: MP_TOO_MANY_PARTS */
	size_t	max_header_bytes;	/* one part's header lines with their CRLFs, not the blank line */
	size_t	max_field_bytes;	/* value of a part without filename; counted, not kept */
};

/* 64 parts, 8 KiB of headers a part, 64 KiB a field value. */
extern const struct multipart_limits multipart_limits_default;

/*
 * What the parser reports, in body order: part_begin, any number of
 * part_data (chunks of any size, maybe none), part_end; then the next part.
 * Strings are NUL-terminated and valid during the call only.  name is
 * never NULL or empty and at most MULTIPART_NAME_MAX bytes.  filename is
 * NULL for an ordinary field, else the file name as the client sent it:
 * maybe "" (no file chosen), maybe a path or any bytes but NUL, so the
 * caller sanitises it; filename* (RFC 8187, UTF-8 only) wins over
 * filename.  content_type is the part's Content-Type value or NULL.
 * A callback returns 0 to go on, anything else to stop with MP_ABORTED;
 * no callback is made after that.  A NULL callback is skipped.
 */
struct multipart_callbacks {
	int	(*part_begin)(void *ctx, const char *name, const char *filename,
		    const char *content_type);
	int	(*part_data)(void *ctx, const char *data, size_t len);
	int	(*part_end)(void *ctx);
};

enum multipart_status {
	MP_OK = 0,
	MP_BAD_CONTENT_TYPE,	/* for callers: multipart_boundary refused the header */
	MP_MALFORMED,		/* bad delimiter line, bad or missing part headers */
	MP_TOO_MANY_PARTS,
	MP_HEADER_TOO_LONG,
	MP_FIELD_TOO_LONG,
	MP_TRUNCATED,		/* the body ended before the close delimiter */
	MP_ABORTED,		/* a callback asked to stop */
	MP_NOMEM,		/* for callers: multipart_new returned NULL */
	MP__MAX
};

struct multipart;

/*
 * multipart_boundary: from a Content-Type header value such as
 * "multipart/form-data; boundary=----x" (or boundary="quoted"), copy the
 * boundary, NUL-terminated, into out.  The media type and parameter names
 * are case-insensitive.  Returns 0, or -1 when the type is not
 * multipart/form-data, the header is not well-formed, or the boundary is
 * missing, repeated, or not 1 to 70 of RFC 2046's bchars ending in a
 * non-space; out is then the empty string.  content_type may be NULL.
 */
int	multipart_boundary(const char *content_type,
	    char out[MULTIPART_BOUNDARY_MAX + 1]);

/*
 * multipart_new: a parser for a body delimited by boundary (as
 * multipart_boundary gives it; copied), with limits (NULL for
 * multipart_limits_default; copied) and callbacks (copied; NULL for none)
 * called with ctx.  All its memory is allocated here: max_header_bytes
 * plus a few hundred bytes.  NULL when memory is short or the boundary is
 * not valid.  The caller frees it with multipart_free.
 */
struct multipart	*multipart_new(const char *boundary,
			    const struct multipart_limits *,
			    const struct multipart_callbacks *, void *ctx);

/*
 * multipart_feed: parse the next len bytes of the body, making the
 * callbacks.  Chunks may be of any size; file data is passed on as soon as
 * it cannot be part of a delimiter.  A preamble before the first delimiter
 * and anything after the close delimiter are skipped.  Returns MP_OK to be
 * fed on; once another status is returned, every later feed and finish
 * returns it too and makes no callback.
 */
enum multipart_status	 multipart_feed(struct multipart *, const char *data,
			    size_t len);

/*
 * multipart_finish: the body has ended.  MP_OK when the close delimiter
 * was seen (every part_begin then had its part_end), else MP_TRUNCATED or
 * the error already returned.
 */
enum multipart_status	 multipart_finish(struct multipart *);

/* multipart_memory: bytes the parser holds, fixed at multipart_new. */
size_t			 multipart_memory(const struct multipart *);

void			 multipart_free(struct multipart *);

/* multipart_status_name: a short English name for logs. */
const char		*multipart_status_name(enum multipart_status);

#endif
