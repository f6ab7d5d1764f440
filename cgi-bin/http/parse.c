/* parse.c: urlencoded pairs, cookies and UTF-8 checks, bounded and allocation-safe. */
#include <stdint.h>
#include <string.h>

#include "parse.h"

const struct parse_limits parse_limits_form = {
	.max_pairs = 512,
	.max_key = 128,
	.max_value = 64 * 1024,
};

const struct parse_limits parse_limits_cookie = {
	.max_pairs = 32,
	.max_key = 64,
	.max_value = 1024,
};

static const char *const parse_status_names[PARSE__MAX] = {
	[PARSE_OK] = "ok",
	[PARSE_BAD_ENCODING] = "bad-encoding",
	[PARSE_BAD_UTF8] = "bad-utf8",
	[PARSE_CONTROL] = "control-byte",
	[PARSE_TOO_MANY] = "too-many-pairs",
	[PARSE_TOO_LONG] = "too-long",
	[PARSE_NOMEM] = "no-memory",
};

const char *
parse_status_name(enum parse_status s)
{
	return (unsigned)s < PARSE__MAX ? parse_status_names[s] : "unknown";
}

bool
utf8_valid(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0;

	while (i < len) {
		unsigned char	c = s[i];
		size_t		n;
		uint32_t	cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			n = 1; cp = c & 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2; cp = c & 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3; cp = c & 0x07; min = 0x10000;
		} else
			return false;
		if (len - i - 1 < n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += n + 1;
	}
	return true;
}

bool
text_clean(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < len; i++)
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n') || s[i] == 0x7f)
			return false;
	return true;
}

int
hex_digit_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode src[0..len) into a fresh arena string.  The decoded form is never
 * longer than the source, so the bound is checked on the result.
 */
static enum parse_status
percent_decode(struct arena *a, const char *src, size_t len, size_t max,
    char **out, size_t *outlen)
{
	char	*dst;
	size_t	 j = 0;

	if ((dst = arena_alloc(a, len + 1)) == NULL)
		return PARSE_NOMEM;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c == '+')
			c = ' ';
		else if (c == '%') {
			int hi, lo;

			if (len - i < 3 ||
			    (hi = hex_digit_value((unsigned char)src[i + 1])) < 0 ||
			    (lo = hex_digit_value((unsigned char)src[i + 2])) < 0)
				return PARSE_BAD_ENCODING;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		dst[j++] = (char)c;
	}
	dst[j] = '\0';
	if (j > max)
		return PARSE_TOO_LONG;
	*out = dst;
	*outlen = j;
	return PARSE_OK;
}

static bool
key_printable(const char *k, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)k[i] < 0x21 || (unsigned char)k[i] > 0x7e)
			return false;
	return len > 0;
}

/* Count the non-empty '&'-separated segments to size the array once. */
static size_t
count_segments(const char *buf, size_t len, char sep)
{
	size_t n = 0, seglen = 0;

	for (size_t i = 0; i < len; i++) {
		if (buf[i] == sep) {
			n += seglen > 0;
			seglen = 0;
		} else
			seglen++;
	}
	return n + (seglen > 0);
}

enum parse_status
urlencoded_parse(struct arena *a, const char *buf, size_t len,
    const struct parse_limits *lim, struct kvlist *out)
{
	size_t			 nseg, pos = 0;
	enum parse_status	 st;

	out->items = NULL;
	out->count = 0;
	if ((nseg = count_segments(buf, len, '&')) == 0)
		return PARSE_OK;
	if (nseg > lim->max_pairs)
		return PARSE_TOO_MANY;
	if ((out->items = arena_calloc(a, nseg, sizeof(struct kv))) == NULL)
		return PARSE_NOMEM;

	while (pos < len) {
		const char	*seg = buf + pos, *amp, *eq;
		size_t		 seglen, klen;
		char		*key, *val;
		size_t		 keylen, vallen;

		amp = memchr(seg, '&', len - pos);
		seglen = amp != NULL ? (size_t)(amp - seg) : len - pos;
		pos += seglen + 1;
		if (seglen == 0)
			continue;
		eq = memchr(seg, '=', seglen);
		klen = eq != NULL ? (size_t)(eq - seg) : seglen;

		if ((st = percent_decode(a, seg, klen, lim->max_key,
		    &key, &keylen)) != PARSE_OK)
			goto fail;
		if (!key_printable(key, keylen)) {
			st = PARSE_BAD_ENCODING;
			goto fail;
		}
		if (eq != NULL)
			st = percent_decode(a, eq + 1, seglen - klen - 1,
			    lim->max_value, &val, &vallen);
		else
			st = percent_decode(a, "", 0, lim->max_value,
			    &val, &vallen);
		if (st != PARSE_OK)
			goto fail;
		if (!text_clean(val, vallen)) {
			st = PARSE_CONTROL;
			goto fail;
		}
		if (!utf8_valid(val, vallen)) {
			st = PARSE_BAD_UTF8;
			goto fail;
		}
		out->items[out->count].key = key;
		out->items[out->count].value = val;
		out->items[out->count].value_len = vallen;
		out->count++;
	}
	return PARSE_OK;
fail:
	out->items = NULL;
	out->count = 0;
	return st;
}

bool
http_token_char(unsigned char c)
{
	/* RFC 9110 tchar */
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static bool
is_cookie_octet(unsigned char c)
{
	/* RFC 6265 cookie-octet */
	return c == 0x21 || (c >= 0x23 && c <= 0x2b) ||
	    (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) ||
	    (c >= 0x5d && c <= 0x7e);
}

enum parse_status
cookies_parse(struct arena *a, const char *header,
    const struct parse_limits *lim, struct kvlist *out)
{
	size_t		 len = strlen(header), nseg, pos = 0;

	out->items = NULL;
	out->count = 0;
	if ((nseg = count_segments(header, len, ';')) == 0)
		return PARSE_OK;
	if (nseg > lim->max_pairs)
		nseg = lim->max_pairs;	/* later ones are ignored */
	if ((out->items = arena_calloc(a, nseg, sizeof(struct kv))) == NULL)
		return PARSE_NOMEM;

	while (pos < len && out->count < nseg) {
		const char	*seg = header + pos, *semi, *eq;
		size_t		 seglen, klen, vlen, i;
		const char	*v;
		bool		 ok = true;

		semi = memchr(seg, ';', len - pos);
		seglen = semi != NULL ? (size_t)(semi - seg) : len - pos;
		pos += seglen + 1;
		while (seglen > 0 && (*seg == ' ' || *seg == '\t')) {
			seg++;
			seglen--;
		}
		while (seglen > 0 && (seg[seglen - 1] == ' ' ||
		    seg[seglen - 1] == '\t'))
			seglen--;
		if (seglen == 0 || (eq = memchr(seg, '=', seglen)) == NULL)
			continue;
		klen = (size_t)(eq - seg);
		v = eq + 1;
		vlen = seglen - klen - 1;
		if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
			v++;
			vlen -= 2;
		}
		if (klen == 0 || klen > lim->max_key || vlen > lim->max_value)
			continue;
		for (i = 0; i < klen && ok; i++)
			ok = http_token_char((unsigned char)seg[i]);
		for (i = 0; i < vlen && ok; i++)
			ok = is_cookie_octet((unsigned char)v[i]);
		if (!ok)
			continue;
		if ((out->items[out->count].key = arena_strndup(a, seg, klen))
		    == NULL ||
		    (out->items[out->count].value = arena_strndup(a, v, vlen))
		    == NULL) {
			out->items = NULL;
			out->count = 0;
			return PARSE_NOMEM;
		}
		out->items[out->count].value_len = vlen;
		out->count++;
	}
	return PARSE_OK;
}

const char *
kvlist_get(const struct kvlist *l, const char *key, size_t *count)
{
	const char	*first = NULL;
	size_t		 n = 0;

	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i].key, key) == 0) {
			if (n++ == 0)
				first = l->items[i].value;
		}
	if (count != NULL)
		*count = n;
	return first;
}
