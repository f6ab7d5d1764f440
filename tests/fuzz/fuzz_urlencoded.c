/* fuzz_urlencoded.c: urlencoded_parse against an independent reference decoder, pair by pair. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/arena.h"
#include "http/parse.h"

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

#define REASON(s)	(1u << (s))

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Reference UTF-8 check after the Unicode standard's table 3-7. */
static bool
ref_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char	c = s[i], lo = 0x80, hi = 0xbf;
		size_t		n;

		if (c <= 0x7f) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else
			return false;
		if (len - i <= n)
			return false;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return false;
		i += n + 1;
	}
	return true;
}

static bool
ref_clean(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			continue;
		if (s[i] < 0x20 || s[i] == 0x7f)
			return false;
	}
	return true;
}

static int
ref_hex(unsigned char c)
{
	const char	*digits = "0123456789abcdef", *p;

	if (c >= 'A' && c <= 'F')
		c = (unsigned char)(c - 'A' + 'a');
	if (c == '\0' || (p = strchr(digits, c)) == NULL)
		return -1;
	return (int)(p - digits);
}

/* Decode src into dst (at least len bytes); -1 when a %XX is malformed. */
static int
ref_decode(const unsigned char *src, size_t len, unsigned char *dst,
    size_t *outlen)
{
	size_t i = 0, j = 0;

	while (i < len) {
		if (src[i] == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return -1;
			if ((hi = ref_hex(src[i + 1])) < 0 ||
			    (lo = ref_hex(src[i + 2])) < 0)
				return -1;
			dst[j++] = (unsigned char)(hi * 16 + lo);
			i += 3;
		} else {
			dst[j++] = src[i] == '+' ? ' ' : src[i];
			i++;
		}
	}
	*outlen = j;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct parse_limits	*lim = &parse_limits_form;
	struct arena			 a;
	struct kvlist			 l;
	enum parse_status		 st;
	unsigned char			*kbuf, *vbuf;
	unsigned			 reasons = 0;
	size_t				 nseg = 0, pos = 0, idx = 0;
	bool				 ok = true;

	arena_init(&a, 4096, 1 << 20);
	st = urlencoded_parse(&a, (const char *)data, size, lim, &l);
	CHECK(st >= PARSE_OK && st < PARSE__MAX);
	CHECK(st != PARSE_NOMEM);
	CHECK(strcmp(parse_status_name(st), "unknown") != 0);
	if (st != PARSE_OK)
		CHECK(l.items == NULL && l.count == 0);
	CHECK(l.count <= lim->max_pairs);

	if ((kbuf = malloc(size + 1)) == NULL ||
	    (vbuf = malloc(size + 1)) == NULL)
		abort();

	/* Walk the '&'-separated segments as the documentation describes. */
	while (pos < size) {
		const uint8_t	*seg = data + pos, *eq;
		size_t		 seglen = 0, klen, vlen, kout, vout;
		int		 kbad, vbad;

		while (pos + seglen < size && seg[seglen] != '&')
			seglen++;
		pos += seglen + 1;
		if (seglen == 0)
			continue;
		nseg++;
		eq = memchr(seg, '=', seglen);
		klen = eq != NULL ? (size_t)(eq - seg) : seglen;
		vlen = eq != NULL ? seglen - klen - 1 : 0;

		kbad = ref_decode(seg, klen, kbuf, &kout);
		vbad = ref_decode(eq != NULL ? eq + 1 : seg, vlen, vbuf, &vout);
		if (kbad != 0)
			reasons |= REASON(PARSE_BAD_ENCODING);
		else {
			bool printable = kout > 0;

			for (size_t i = 0; i < kout; i++)
				if (kbuf[i] < 0x21 || kbuf[i] > 0x7e)
					printable = false;
			if (kout > lim->max_key)
				reasons |= REASON(PARSE_TOO_LONG);
			if (!printable)
				reasons |= REASON(PARSE_BAD_ENCODING);
		}
		if (vbad != 0)
			reasons |= REASON(PARSE_BAD_ENCODING);
		else {
			if (vout > lim->max_value)
				reasons |= REASON(PARSE_TOO_LONG);
			if (!ref_clean(vbuf, vout))
				reasons |= REASON(PARSE_CONTROL);
			if (!ref_utf8(vbuf, vout))
				reasons |= REASON(PARSE_BAD_UTF8);
		}
		if (reasons != 0)
			ok = false;
		if (!ok || st != PARSE_OK)
			continue;

		/* The parser accepted: this pair must be exactly ours. */
		CHECK(idx < l.count);
		CHECK(strlen(l.items[idx].key) == kout);
		CHECK(memcmp(l.items[idx].key, kbuf, kout) == 0);
		CHECK(l.items[idx].value_len == vout);
		CHECK(strlen(l.items[idx].value) == vout);
		CHECK(memcmp(l.items[idx].value, vbuf, vout) == 0);
		idx++;
	}
	if (nseg > lim->max_pairs) {
		reasons |= REASON(PARSE_TOO_MANY);
		ok = false;
	}

	if (ok) {
		CHECK(st == PARSE_OK);
		CHECK(l.count == nseg && idx == nseg);
		/* kvlist_get: the first value of a key and how many there are. */
		for (size_t i = 0; i < l.count && i < 16; i++) {
			const char	*first = NULL;
			size_t		 n = 0, got;

			for (size_t j = 0; j < l.count; j++)
				if (strcmp(l.items[j].key, l.items[i].key) == 0 &&
				    n++ == 0)
					first = l.items[j].value;
			CHECK(kvlist_get(&l, l.items[i].key, &got) == first);
			CHECK(got == n);
		}
	} else {
		/* The reason given must be one that the input really has. */
		CHECK(st != PARSE_OK);
		CHECK((reasons & REASON(st)) != 0);
	}

	free(kbuf);
	free(vbuf);
	arena_free(&a);
	return 0;
}
