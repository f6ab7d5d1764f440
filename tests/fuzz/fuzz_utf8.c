/* fuzz_utf8.c: utf8_valid/text_clean against references; percent-encoded values round-trip. */
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

/*
 * Reference check by decoding to code points: a lead byte announces the
 * length, and the code point must need exactly that length, be at most
 * U+10FFFF and not be a surrogate.
 */
static bool
ref_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t	cp;
		size_t		n;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc0 && s[i] < 0xe0)
			n = 2;
		else if (s[i] >= 0xe0 && s[i] < 0xf0)
			n = 3;
		else if (s[i] >= 0xf0 && s[i] < 0xf8)
			n = 4;
		else
			return false;
		if (i + n > len)
			return false;
		cp = s[i] & (0xff >> (n + 1));
		for (size_t k = 1; k < n; k++) {
			if (s[i + k] >> 6 != 2)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
		    (n == 4 && cp < 0x10000))
			return false;		/* overlong */
		if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
			return false;
		i += n;
	}
	return true;
}

static bool
ref_clean(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (memchr("\t\r\n", s[i], 3) == NULL &&
		    (s[i] < ' ' || s[i] == 0x7f))
			return false;
	return true;
}

/* "v=" and s percent-encoded, varying the forms the decoder must accept. */
static char *
encode(const unsigned char *s, size_t len, size_t *outlen)
{
	static const char	 upper[] = "0123456789ABCDEF";
	static const char	 lower[] = "0123456789abcdef";
	char			*out, *p;

	if ((out = malloc(3 * len + 3)) == NULL)
		abort();
	p = out;
	*p++ = 'v';
	*p++ = '=';
	for (size_t i = 0; i < len; i++) {
		const char *hex = i % 2 ? lower : upper;

		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '.' || s[i] == '_' || s[i] == '~')
			*p++ = (char)s[i];
		else if (s[i] == ' ' && i % 3 != 0)
			*p++ = '+';
		else {
			*p++ = '%';
			*p++ = hex[s[i] >> 4];
			*p++ = hex[s[i] & 0xf];
		}
	}
	*outlen = (size_t)(p - out);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		 a;
	struct kvlist		 l;
	enum parse_status	 st;
	const char		*s = (const char *)data;
	char			*enc;
	size_t			 enclen;
	bool			 valid, clean;

	valid = ref_utf8(data, size);
	clean = ref_clean(data, size);
	CHECK(utf8_valid(s, size) == valid);
	CHECK(text_clean(s, size) == clean);

	/* Well-formedness splits at any code point boundary. */
	if (valid && size > 0) {
		size_t cut = data[0] % size;

		while (cut > 0 && (data[cut] & 0xc0) == 0x80)
			cut--;
		CHECK(utf8_valid(s, cut));
		CHECK(utf8_valid(s + cut, size - cut));
	}

	/* The value comes back byte for byte iff it is clean UTF-8. */
	arena_init(&a, 4096, 1 << 20);
	enc = encode(data, size, &enclen);
	st = urlencoded_parse(&a, enc, enclen, &parse_limits_form, &l);
	if (size > parse_limits_form.max_value)
		CHECK(st != PARSE_OK);
	else if (valid && clean) {
		CHECK(st == PARSE_OK);
		CHECK(l.count == 1);
		CHECK(strcmp(l.items[0].key, "v") == 0);
		CHECK(l.items[0].value_len == size);
		CHECK(memcmp(l.items[0].value, data, size) == 0);
		CHECK(l.items[0].value[size] == '\0');
		CHECK(kvlist_get(&l, "v", NULL) == l.items[0].value);
	} else {
		CHECK(l.count == 0 && l.items == NULL);
		CHECK((st == PARSE_CONTROL && !clean) ||
		    (st == PARSE_BAD_UTF8 && !valid));
	}
	free(enc);
	arena_free(&a);
	return 0;
}
