/* multipart.c: multipart/form-data (RFC 7578, RFC 2046) parsed as it streams, in one fixed allocation. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "multipart.h"
#include "parse.h"

const struct multipart_limits multipart_limits_default = {
	.max_parts = 64,
	.max_header_bytes = 8192,
	.max_field_bytes = 64 * 1024,
};

static const char *const multipart_status_names[MP__MAX] = {
	[MP_OK] = "ok",
	[MP_BAD_CONTENT_TYPE] = "bad-content-type",
	[MP_MALFORMED] = "malformed",
	[MP_TOO_MANY_PARTS] = "too-many-parts",
	[MP_HEADER_TOO_LONG] = "header-too-long",
	[MP_FIELD_TOO_LONG] = "field-too-long",
	[MP_TRUNCATED] = "truncated",
	[MP_ABORTED] = "aborted",
	[MP_NOMEM] = "no-memory",
};

/* "\r\n--" before the boundary. */
#define DELIM_PREFIX	4

enum mp_state {
	ST_PREAMBLE,	/* before the first delimiter: skipped */
	ST_DELIM_END,	/* right after a delimiter: "--", padding or CRLF */
	ST_CLOSE,	/* after delimiter "-": the second '-' */
	ST_PADDING,	/* transport padding (SP, HT) before the CRLF */
	ST_DELIM_LF,	/* the LF ending a delimiter line */
	ST_HEADERS,	/* a part's header lines, up to the blank line */
	ST_DATA,	/* a part's content, up to the next delimiter */
	ST_EPILOGUE	/* after the close delimiter: skipped */
};

struct multipart {
	struct multipart_callbacks	 cb;
	void				*ctx;
	struct multipart_limits		 lim;
	enum multipart_status		 status;
	enum mp_state			 state;

	/* CRLF "--" boundary; CR is at [0] only, as bchars hold no CR. */
	char				 delim[DELIM_PREFIX + MULTIPART_BOUNDARY_MAX];
	size_t				 dlen;
	size_t				 match;	/* bytes of delim seen, held back */

	size_t				 nparts;
	bool				 in_part;	/* part_begin made, part_end due */
	bool				 is_file;
	size_t				 field_len;	/* data bytes of a field so far */

	/* Header lines of the current part, each NUL-terminated. */
	bool				 hdr_cr;	/* the line's CR was seen */
	size_t				 hdr_raw;	/* bytes received, line ends too */
	size_t				 hdr_len;
	size_t				 hdr_line;	/* where the current line starts */
	size_t				 hdr_cap;
	char				 hdr[];
};

const char *
multipart_status_name(enum multipart_status s)
{
	return (unsigned)s < MP__MAX ? multipart_status_names[s] : "unknown";
}

static bool
is_bchar(unsigned char c)
{
	/* RFC 2046 bchars */
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("'()+_,-./:=? ", c) != NULL);
}

/* A byte of an unquoted parameter value: lenient, as clients send UTF-8 and paths bare. */
static bool
is_bare(unsigned char c)
{
	return c > 0x20 && c != 0x7f && c != '"' && c != ';';
}

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Bytes of tchar at s. */
static size_t
token_len(const char *s)
{
	size_t n = 0;

	while (http_token_char((unsigned char)s[n]))
		n++;
	return n;
}

static const char *
skip_ows(const char *s)
{
	while (is_ows(*s))
		s++;
	return s;
}

/* True when s[0..len) is word, ignoring case. */
static bool
word_eq(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && strncasecmp(s, word, len) == 0;
}

static bool
boundary_valid(const char *b, size_t len)
{
	if (len < 1 || len > MULTIPART_BOUNDARY_MAX || b[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!is_bchar((unsigned char)b[i]))
			return false;
	return true;
}

/*
 * Read the parameter value at src, a quoted-string or a run of bare bytes,
 * into dst (NULL: only read it) without its quotes.  In a quoted-string
 * only \" and \\ are escapes, so a Windows path keeps its backslashes.
 * dst may be src, as the value never grows.  Returns the value's length
 * and sets *used to the bytes of src read; -1 when malformed or when the
 * value is longer than max.
 */
static long
param_value(const char *src, size_t *used, char *dst, size_t max)
{
	size_t	 i = 0, j = 0;

	if (src[0] == '"') {
		for (i = 1;; i++) {
			char c = src[i];

			if (c == '\0')
				return -1;		/* unterminated */
			if (c == '"')
				break;
			if (c == '\\' && (src[i + 1] == '"' ||
			    src[i + 1] == '\\'))
				c = src[++i];
			if (j >= max)
				return -1;
			if (dst != NULL)
				dst[j] = c;
			j++;
		}
		i++;
	} else {
		while (is_bare((unsigned char)src[i])) {
			if (j >= max)
				return -1;
			if (dst != NULL)
				dst[j] = src[i];
			i++;
			j++;
		}
		if (i == 0)
			return -1;
	}
	*used = i;
	return (long)j;
}

/*
 * Step over "; name=" at *sp (spaces allowed around both): the parameter
 * name's start and length, *sp left at its value.  0 at the end of the
 * string, 1 with a parameter, -1 when malformed.  A trailing ';' is allowed.
 */
static int
param_next(const char **sp, const char **name, size_t *namelen)
{
	const char *s = skip_ows(*sp);

	if (*s == '\0')
		return 0;
	if (*s != ';')
		return -1;
	s = skip_ows(s + 1);
	if (*s == '\0')
		return 0;
	if ((*namelen = token_len(s)) == 0)
		return -1;
	*name = s;
	s = skip_ows(s + *namelen);
	if (*s != '=')
		return -1;
	*sp = skip_ows(s + 1);
	return 1;
}

int
multipart_boundary(const char *ct, char out[MULTIPART_BOUNDARY_MAX + 1])
{
	const char	*s, *pname;
	size_t		 n, used, pnamelen;
	long		 blen = -1;
	int		 r;

	out[0] = '\0';
	if (ct == NULL)
		return -1;
	s = skip_ows(ct);
	n = token_len(s);
	if (s[n] != '/')
		goto fail;
	n += 1 + token_len(s + n + 1);
	if (!word_eq(s, n, "multipart/form-data"))
		goto fail;
	s += n;
	while ((r = param_next(&s, &pname, &pnamelen)) == 1) {
		if (word_eq(pname, pnamelen, "boundary")) {
			if (blen >= 0)
				goto fail;		/* two of them */
			if ((blen = param_value(s, &used, out,
			    MULTIPART_BOUNDARY_MAX)) < 0)
				goto fail;
			out[blen] = '\0';
		} else if (param_value(s, &used, NULL, SIZE_MAX) < 0)
			goto fail;
		s += used;
	}
	if (r < 0 || blen < 0 || !boundary_valid(out, (size_t)blen))
		goto fail;
	return 0;
fail:
	out[0] = '\0';
	return -1;
}

struct multipart *
multipart_new(const char *boundary, const struct multipart_limits *lim,
    const struct multipart_callbacks *cb, void *ctx)
{
	struct multipart	*mp = NULL;
	size_t			 blen, cap;

	if (lim == NULL)
		lim = &multipart_limits_default;
	blen = strnlen(boundary, MULTIPART_BOUNDARY_MAX + 1);
	if (!boundary_valid(boundary, blen))
		return NULL;
	/* The header lines, their CRLFs stored as NULs, and the blank line. */
	if (lim->max_header_bytes > SIZE_MAX - sizeof(*mp) - 2)
		return NULL;
	cap = lim->max_header_bytes + 2;
	if ((mp = calloc(1, sizeof(*mp) + cap)) == NULL)
		return NULL;
	if (cb != NULL)
		mp->cb = *cb;
	mp->ctx = ctx;
	mp->lim = *lim;
	mp->status = MP_OK;
	mp->state = ST_PREAMBLE;
	memcpy(mp->delim, "\r\n--", DELIM_PREFIX);
	memcpy(mp->delim + DELIM_PREFIX, boundary, blen);
	mp->dlen = DELIM_PREFIX + blen;
	/* The first delimiter may open the body: take its CRLF as seen. */
	mp->match = 2;
	mp->hdr_cap = cap;
	return mp;
}

void
multipart_free(struct multipart *mp)
{
	free(mp);
}

size_t
multipart_memory(const struct multipart *mp)
{
	return sizeof(*mp) + mp->hdr_cap;
}

static void
fail(struct multipart *mp, enum multipart_status st)
{
	if (mp->status == MP_OK)
		mp->status = st;
}

/* Pass n bytes of content on; a preamble's are dropped.  -1 on error. */
static int
emit(struct multipart *mp, const char *p, size_t n)
{
	if (n == 0 || !mp->in_part)
		return 0;
	if (!mp->is_file) {
		if (n > mp->lim.max_field_bytes - mp->field_len) {
			fail(mp, MP_FIELD_TOO_LONG);
			return -1;
		}
		mp->field_len += n;
	}
	if (mp->cb.part_data != NULL &&
	    mp->cb.part_data(mp->ctx, p, n) != 0) {
		fail(mp, MP_ABORTED);
		return -1;
	}
	return 0;
}

/*
 * Scan preamble or content for the delimiter, passing on what cannot
 * begin one.  Returns the bytes used: all of them, or up to the end of a
 * delimiter, after which the state is ST_DELIM_END.
 */
static size_t
scan(struct multipart *mp, const char *data, size_t len)
{
	size_t i = 0, held;

	while (i < len) {
		if (mp->match == 0) {
			const char	*cr = memchr(data + i, '\r', len - i);
			size_t		 run;

			run = cr != NULL ? (size_t)(cr - (data + i)) : len - i;
			if (emit(mp, data + i, run) != 0)
				return len;
			i += run;
			if (cr == NULL)
				break;
			mp->match = 1;
			i++;
			continue;
		}
		if (data[i] == mp->delim[mp->match]) {
			i++;
			if (++mp->match < mp->dlen)
				continue;
			mp->match = 0;
			mp->state = ST_DELIM_END;
			if (mp->in_part) {
				mp->in_part = false;
				if (mp->cb.part_end != NULL &&
				    mp->cb.part_end(mp->ctx) != 0)
					fail(mp, MP_ABORTED);
			}
			return i;
		}
		/*
		 * What was held back is content after all.  As CR is only at
		 * delim[0], no later part of it can start a delimiter; this
		 * byte is looked at again from the start.
		 */
		held = mp->match;
		mp->match = 0;
		if (emit(mp, mp->delim, held) != 0)
			return len;
	}
	return i;
}

/* Headers of a new part follow. */
static void
part_start(struct multipart *mp)
{
	if (mp->nparts >= mp->lim.max_parts) {
		fail(mp, MP_TOO_MANY_PARTS);
		return;
	}
	mp->nparts++;
	mp->state = ST_HEADERS;
	mp->hdr_cr = false;
	mp->hdr_raw = mp->hdr_len = mp->hdr_line = 0;
}

/* One byte of the rest of a delimiter line. */
static void
delim_byte(struct multipart *mp, char c)
{
	switch (mp->state) {
	case ST_DELIM_END:
		if (c == '-')
			mp->state = ST_CLOSE;
		else if (c == '\r')
			mp->state = ST_DELIM_LF;
		else if (is_ows(c))
			mp->state = ST_PADDING;
		else
			fail(mp, MP_MALFORMED);
		break;
	case ST_CLOSE:
		if (c == '-')
			mp->state = ST_EPILOGUE;
		else
			fail(mp, MP_MALFORMED);
		break;
	case ST_PADDING:
		if (c == '\r')
			mp->state = ST_DELIM_LF;
		else if (!is_ows(c))
			fail(mp, MP_MALFORMED);
		break;
	case ST_DELIM_LF:
		if (c == '\n')
			part_start(mp);
		else
			fail(mp, MP_MALFORMED);
		break;
	default:
		abort();
	}
}

/*
 * Decode an RFC 8187 ext-value (UTF-8'lang'%E4%B8%AD) in place, to a
 * NUL-terminated string.  -1 when malformed, of another charset, or
 * holding a NUL.
 */
static int
ext_value(char *s)
{
	char	*q1, *q2;
	size_t	 j = 0;

	if ((q1 = strchr(s, '\'')) == NULL ||
	    (q2 = strchr(q1 + 1, '\'')) == NULL ||
	    !word_eq(s, (size_t)(q1 - s), "utf-8"))
		return -1;
	for (const char *p = q2 + 1; *p != '\0'; p++) {
		if (*p == '%') {
			int hi, lo;

			if ((hi = hex_digit_value((unsigned char)p[1])) < 0 ||
			    (lo = hex_digit_value((unsigned char)p[2])) < 0 ||
			    (hi | lo) == 0)
				return -1;
			s[j++] = (char)(hi << 4 | lo);
			p += 2;
		} else
			s[j++] = *p;
	}
	s[j] = '\0';
	return 0;
}

/* A parameter value found in place: v[0..len) once unquoted. */
struct pval {
	char	*v;
	size_t	 len;
};

/*
 * Parse a Content-Disposition value in place: it must be form-data with a
 * name of 1 to MULTIPART_NAME_MAX bytes.  Other parameters are skipped;
 * one given twice is refused.  Sets *name and *filename (NULL when there
 * is none) to strings inside v.
 */
static enum multipart_status
disposition(char *v, char **name, char **filename)
{
	struct pval	 pn = { NULL, 0 }, pf = { NULL, 0 }, px = { NULL, 0 };
	struct pval	*pv;
	const char	*s = v, *pname;
	size_t		 n, used, pnamelen;
	long		 vlen;
	int		 r;

	*name = *filename = NULL;
	n = token_len(s);
	if (!word_eq(s, n, "form-data"))
		return MP_MALFORMED;
	s += n;
	while ((r = param_next(&s, &pname, &pnamelen)) == 1) {
		char *at = v + (s - v);		/* s points into v */

		if (word_eq(pname, pnamelen, "name"))
			pv = &pn;
		else if (word_eq(pname, pnamelen, "filename"))
			pv = &pf;
		else if (word_eq(pname, pnamelen, "filename*"))
			pv = &px;
		else
			pv = NULL;
		if (pv != NULL && pv->v != NULL)
			return MP_MALFORMED;		/* given twice */
		if ((vlen = param_value(s, &used, pv != NULL ? at : NULL,
		    SIZE_MAX)) < 0)
			return MP_MALFORMED;
		if (pv != NULL) {
			pv->v = at;
			pv->len = (size_t)vlen;
		}
		s += used;
	}
	if (r < 0 || pn.v == NULL || pn.len == 0 || pn.len > MULTIPART_NAME_MAX)
		return MP_MALFORMED;
	/* Each value ends at or before the byte after it: terminate now. */
	pn.v[pn.len] = '\0';
	*name = pn.v;
	if (pf.v != NULL) {
		pf.v[pf.len] = '\0';
		*filename = pf.v;
	}
	if (px.v != NULL) {
		px.v[px.len] = '\0';
		if (ext_value(px.v) != 0)
			return MP_MALFORMED;
		*filename = px.v;
	}
	return MP_OK;
}

/* The blank line ended the headers: parse them and begin the part. */
static void
headers_done(struct multipart *mp)
{
	char		*line, *next, *end = mp->hdr + mp->hdr_len;
	char		*name = NULL, *filename = NULL, *ctype = NULL;
	bool		 have_cd = false;

	/* Values are cut short in place: find the next line first. */
	for (line = mp->hdr; line < end; line = next) {
		size_t	 n = token_len(line), vlen;
		char	*v;

		next = line + strlen(line) + 1;

		if (n == 0 || line[n] != ':')
			goto malformed;
		v = line + n + 1;
		v += skip_ows(v) - v;
		vlen = strlen(v);
		while (vlen > 0 && is_ows(v[vlen - 1]))
			vlen--;
		v[vlen] = '\0';
		if (word_eq(line, n, "content-disposition")) {
			enum multipart_status st;

			if (have_cd)
				goto malformed;
			have_cd = true;
			if ((st = disposition(v, &name, &filename)) != MP_OK) {
				fail(mp, st);
				return;
			}
		} else if (word_eq(line, n, "content-type")) {
			if (ctype != NULL)
				goto malformed;
			ctype = v;
		}
	}
	if (!have_cd)
		goto malformed;
	if (ctype != NULL && *ctype == '\0')
		ctype = NULL;
	mp->in_part = true;
	mp->is_file = filename != NULL;
	mp->field_len = 0;
	mp->match = 0;
	mp->state = ST_DATA;
	if (mp->cb.part_begin != NULL &&
	    mp->cb.part_begin(mp->ctx, name, filename, ctype) != 0)
		fail(mp, MP_ABORTED);
	return;
malformed:
	fail(mp, MP_MALFORMED);
}

/* Take header bytes up to the blank line.  Returns the bytes used. */
static size_t
headers(struct multipart *mp, const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len && mp->state == ST_HEADERS; i++) {
		char c = data[i];

		/* The lines with their CRLFs, then the blank line's. */
		if (++mp->hdr_raw > mp->lim.max_header_bytes + 2) {
			fail(mp, MP_HEADER_TOO_LONG);
			break;
		}
		if (mp->hdr_cr) {
			mp->hdr_cr = false;
			if (c != '\n')
				goto malformed;		/* bare CR */
			if (mp->hdr_len == mp->hdr_line) {
				headers_done(mp);
				return i + 1;
			}
			c = '\0';
		} else if (c == '\r') {
			mp->hdr_cr = true;
			continue;
		} else if (c == '\n' || c == '\0')
			goto malformed;
		/* Each CRLF is stored as one NUL: never more than received. */
		if (mp->hdr_len >= mp->hdr_cap) {
			fail(mp, MP_HEADER_TOO_LONG);
			break;
		}
		mp->hdr[mp->hdr_len++] = c;
		if (c == '\0')
			mp->hdr_line = mp->hdr_len;
	}
	return i;
malformed:
	fail(mp, MP_MALFORMED);
	return i;
}

enum multipart_status
multipart_feed(struct multipart *mp, const char *data, size_t len)
{
	size_t i = 0;

	while (mp->status == MP_OK && i < len) {
		switch (mp->state) {
		case ST_PREAMBLE:
		case ST_DATA:
			i += scan(mp, data + i, len - i);
			break;
		case ST_HEADERS:
			i += headers(mp, data + i, len - i);
			break;
		case ST_EPILOGUE:
			i = len;
			break;
		default:
			delim_byte(mp, data[i++]);
			break;
		}
	}
	return mp->status;
}

enum multipart_status
multipart_finish(struct multipart *mp)
{
	if (mp->state != ST_EPILOGUE)
		fail(mp, MP_TRUNCATED);
	return mp->status;
}
