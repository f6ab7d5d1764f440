/* fuzz_multipart.c: the multipart parser fed whole and in chunks must agree and keep its invariants. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* Short, so that the fuzzer finds it; the seeds use it. */
#define BOUNDARY	"xYz"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Small limits, so that every limit is reached. */
static const struct multipart_limits limits = {
	.max_parts = 4,
	.max_header_bytes = 128,
	.max_field_bytes = 64,
};

/* What one run saw. */
struct run {
	uint64_t	 hash;		/* every event and content byte, in order */
	size_t		 begins;
	size_t		 ends;
	size_t		 bytes;		/* content bytes in all */
	size_t		 part_bytes;	/* of the current part */
	bool		 open;		/* between part_begin and part_end */
	bool		 is_file;
	size_t		 abort_at;	/* refuse this part_begin (1, 2...); 0: none */
	bool		 refused;	/* a callback returned non-zero */
};

static uint64_t
fnv(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < len; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h;
}

static uint64_t
fnv_str(uint64_t h, const char *s)
{
	if (s == NULL)
		return fnv(h, "\xff", 1);
	return fnv(h, s, strlen(s) + 1);
}

static int
f_begin(void *ctx, const char *name, const char *filename, const char *ctype)
{
	struct run	*r = ctx;
	size_t		 n;

	CHECK(!r->refused);
	CHECK(!r->open);
	CHECK(name != NULL);
	n = strlen(name);
	CHECK(n > 0 && n <= MULTIPART_NAME_MAX);
	if (filename != NULL)
		(void)strlen(filename);
	if (ctype != NULL)
		CHECK(strlen(ctype) > 0);
	r->open = true;
	r->is_file = filename != NULL;
	r->part_bytes = 0;
	r->begins++;
	CHECK(r->begins <= limits.max_parts);
	r->hash = fnv(r->hash, "B", 1);
	r->hash = fnv_str(r->hash, name);
	r->hash = fnv_str(r->hash, filename);
	r->hash = fnv_str(r->hash, ctype);
	if (r->abort_at != 0 && r->begins == r->abort_at) {
		r->refused = true;
		return 1;
	}
	return 0;
}

static int
f_data(void *ctx, const char *data, size_t len)
{
	struct run *r = ctx;

	CHECK(!r->refused);
	CHECK(r->open);
	CHECK(len > 0);
	r->bytes += len;
	r->part_bytes += len;
	if (!r->is_file)
		CHECK(r->part_bytes <= limits.max_field_bytes);
	r->hash = fnv(r->hash, data, len);
	return 0;
}

static int
f_end(void *ctx)
{
	struct run *r = ctx;

	CHECK(!r->refused);
	CHECK(r->open);
	r->open = false;
	r->ends++;
	r->hash = fnv(r->hash, "E", 1);
	return 0;
}

static const struct multipart_callbacks callbacks = { f_begin, f_data, f_end };

static uint32_t
xorshift(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/*
 * Parse body in chunks of 1 to maxchunk bytes (whole when 0), checking
 * that an error sticks; the status of multipart_finish.
 */
static enum multipart_status
parse(const char *body, size_t len, size_t maxchunk, uint32_t seed,
    struct run *r)
{
	struct multipart	*mp;
	enum multipart_status	 st = MP_OK, got;
	size_t			 pos = 0;

	r->hash = 14695981039346656037u;
	if ((mp = multipart_new(BOUNDARY, &limits, &callbacks, r)) == NULL)
		abort();
	CHECK(multipart_memory(mp) <= 1024 + limits.max_header_bytes);
	do {
		size_t n = len - pos;

		if (maxchunk != 0 && n > 0) {
			n = 1 + xorshift(&seed) % maxchunk;
			if (n > len - pos)
				n = len - pos;
		}
		got = multipart_feed(mp, body + pos, n);
		CHECK(got >= MP_OK && got < MP__MAX);
		if (st != MP_OK)
			CHECK(got == st);
		st = got;
		pos += n;
	} while (pos < len);
	got = multipart_finish(mp);
	if (st != MP_OK)
		CHECK(got == st);
	CHECK(multipart_finish(mp) == got);
	CHECK(got != MP_NOMEM && got != MP_BAD_CONTENT_TYPE);
	CHECK(strcmp(multipart_status_name(got), "unknown") != 0);
	CHECK(r->bytes <= len);
	CHECK(r->ends <= r->begins && r->begins <= r->ends + 1);
	if (got == MP_OK)
		CHECK(r->begins == r->ends && !r->open);
	CHECK((got == MP_ABORTED) == r->refused);
	multipart_free(mp);
	return got;
}

/*
 * The input's first line (up to CR, LF or NUL) as a Content-Type: a
 * boundary taken must be one multipart_new takes, and parse the same.
 */
static void
content_type(const char *s, size_t len)
{
	char			 ct[256], out[MULTIPART_BOUNDARY_MAX + 1];
	struct multipart	*mp;
	size_t			 n = 0, blen;

	while (n < len && n < sizeof(ct) - 1 && s[n] != '\r' && s[n] != '\n' &&
	    s[n] != '\0') {
		ct[n] = s[n];
		n++;
	}
	ct[n] = '\0';
	memset(out, 'z', sizeof(out));
	if (multipart_boundary(ct, out) != 0) {
		CHECK(out[0] == '\0');
		return;
	}
	blen = strlen(out);
	CHECK(blen >= 1 && blen <= MULTIPART_BOUNDARY_MAX);
	CHECK(out[blen - 1] != ' ');
	CHECK(strspn(out, "0123456789abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ") == blen);
	CHECK(strcasestr(ct, "multipart/form-data") != NULL);
	if ((mp = multipart_new(out, NULL, NULL, NULL)) == NULL)
		abort();
	CHECK(multipart_feed(mp, "--", 2) == MP_OK);
	CHECK(multipart_feed(mp, out, blen) == MP_OK);
	CHECK(multipart_feed(mp, "--", 2) == MP_OK);
	CHECK(multipart_finish(mp) == MP_OK);
	multipart_free(mp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t	 maxchunks[4] = { 1, 3, 17, 300 };
	struct run		 whole = { 0 }, chunked = { 0 }, refused = { 0 };
	enum multipart_status	 sw, sc, sr;
	const char		*body;
	size_t			 len;
	uint32_t		 seed;

	if (size < 1)
		return 0;
	seed = data[0] * 2654435761u + 1;
	body = (const char *)data + 1;
	len = size - 1;

	content_type(body, len);
	sw = parse(body, len, 0, 0, &whole);
	sc = parse(body, len, maxchunks[data[0] & 3], seed, &chunked);

	/* Chunk boundaries change nothing but how content is cut. */
	CHECK(sw == sc);
	CHECK(whole.begins == chunked.begins);
	if (sw == MP_OK) {
		CHECK(whole.hash == chunked.hash);
		CHECK(whole.bytes == chunked.bytes);
		CHECK(whole.ends == chunked.ends);
	}

	/* Refusing a part_begin stops the parse right there. */
	refused.abort_at = 1 + (data[0] >> 2 & 3);
	sr = parse(body, len, maxchunks[data[0] >> 4 & 3], seed ^ 0x5bd1e995u,
	    &refused);
	if (whole.begins >= refused.abort_at) {
		CHECK(sr == MP_ABORTED);
		CHECK(refused.begins == refused.abort_at);
	} else {
		CHECK(sr == sw);
		CHECK(refused.begins == whole.begins);
	}
	return 0;
}
