/* fuzz_cookies.c: cookies_parse of a NUL-terminated header against a reference splitter. */
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

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* RFC 9110 tchar. */
static bool
ref_tchar(unsigned char c)
{
	if (c >= 0x80 || c <= ' ' || c == 0x7f)
		return false;
	return strchr("\"(),/:;<=>?@[\\]{}", c) == NULL;
}

/* RFC 6265 cookie-octet: visible ASCII but DQUOTE , ; and backslash. */
static bool
ref_octet(unsigned char c)
{
	if (c <= ' ' || c >= 0x7f)
		return false;
	return c != '"' && c != ',' && c != ';' && c != '\\';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct parse_limits	*lim = &parse_limits_cookie;
	struct arena			 a;
	struct kvlist			 l;
	enum parse_status		 st;
	char				*h;
	size_t				 len, pos = 0, idx = 0;

	if ((h = malloc(size + 1)) == NULL)
		abort();
	memcpy(h, data, size);
	h[size] = '\0';
	len = strlen(h);

	arena_init(&a, 4096, 1 << 20);
	st = cookies_parse(&a, h, lim, &l);
	CHECK(st == PARSE_OK);
	CHECK(l.count <= lim->max_pairs);

	/* Split, trim, unquote and keep the well-formed pairs, in order. */
	while (pos < len && idx < lim->max_pairs) {
		const char	*seg = h + pos, *eq, *v;
		size_t		 seglen = strcspn(seg, ";"), klen, vlen;
		bool		 ok = true;

		pos += seglen + 1;
		while (seglen > 0 && (seg[0] == ' ' || seg[0] == '\t')) {
			seg++;
			seglen--;
		}
		while (seglen > 0 && (seg[seglen - 1] == ' ' ||
		    seg[seglen - 1] == '\t'))
			seglen--;
		if ((eq = memchr(seg, '=', seglen)) == NULL)
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
		for (size_t i = 0; i < klen; i++)
			ok = ok && ref_tchar((unsigned char)seg[i]);
		for (size_t i = 0; i < vlen; i++)
			ok = ok && ref_octet((unsigned char)v[i]);
		if (!ok)
			continue;

		CHECK(idx < l.count);
		CHECK(strlen(l.items[idx].key) == klen);
		CHECK(memcmp(l.items[idx].key, seg, klen) == 0);
		CHECK(l.items[idx].value_len == vlen);
		CHECK(strlen(l.items[idx].value) == vlen);
		CHECK(memcmp(l.items[idx].value, v, vlen) == 0);
		idx++;
	}
	CHECK(idx == l.count);

	for (size_t i = 0; i < l.count && i < 8; i++) {
		size_t		 n = 0, got;
		const char	*first = NULL;

		for (size_t j = 0; j < l.count; j++)
			if (strcmp(l.items[j].key, l.items[i].key) == 0 &&
			    n++ == 0)
				first = l.items[j].value;
		CHECK(kvlist_get(&l, l.items[i].key, &got) == first);
		CHECK(got == n);
	}
	CHECK(kvlist_get(&l, "", NULL) == NULL);

	free(h);
	arena_free(&a);
	return 0;
}
