/* test_multipart.c: the streaming multipart/form-data parser: parts, chunking, names, limits, errors and memory. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/http/buf.h"
#include "../../cgi-bin/http/multipart.h"
#include "suites.h"

#define B		"----StarcertFormBoundary7MA4YWxkTrZu0gW"
#define DASHB		"--" B
#define CD		"Content-Disposition: form-data; "
#define NPARTS		8	/* parts kept by a collector; more are counted */

/* What the callbacks saw of one part. */
struct part {
	char		*name;
	char		*filename;	/* NULL: an ordinary field */
	char		*ctype;
	struct buf	 data;
	bool		 ended;
};

/* The callbacks' context: the parts and every event in order. */
struct coll {
	struct part	 parts[NPARTS];
	size_t		 begins;
	size_t		 ends;
	size_t		 bytes;		/* content bytes of all parts */
	bool		 open;		/* between part_begin and part_end */
	bool		 misplaced;	/* data or end outside a part */
	struct buf	 log;		/* events, to compare runs */
	int		 calls;
	int		 abort_at;	/* refuse this call (1, 2, ...); 0: none */
	int		 after_abort;	/* calls made after the refusal */
};

/* Count a call; non-zero when it is the one to refuse. */
static int
coll_call(struct coll *c)
{
	c->calls++;
	if (c->abort_at != 0 && c->calls > c->abort_at)
		c->after_abort++;
	return c->abort_at != 0 && c->calls == c->abort_at;
}

static char *
dup_or_null(const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	d = strdup(s);
	ck_assert_ptr_nonnull(d);
	return d;
}

static int
c_begin(void *ctx, const char *name, const char *filename, const char *ctype)
{
	struct coll *c = ctx;

	ck_assert_ptr_nonnull(name);
	ck_assert_uint_gt(strlen(name), 0);
	if (c->open)
		c->misplaced = true;
	c->open = true;
	if (c->begins < NPARTS) {
		struct part *p = &c->parts[c->begins];

		p->name = dup_or_null(name);
		p->filename = dup_or_null(filename);
		p->ctype = dup_or_null(ctype);
	}
	c->begins++;
	buf_printf(&c->log, "\x01[%s|%s|%s]", name,
	    filename != NULL ? filename : "(null)",
	    ctype != NULL ? ctype : "(null)");
	return coll_call(c);
}

static int
c_data(void *ctx, const char *data, size_t len)
{
	struct coll *c = ctx;

	ck_assert_uint_gt(len, 0);
	if (!c->open)
		c->misplaced = true;
	else if (c->begins <= NPARTS)
		buf_append(&c->parts[c->begins - 1].data, data, len);
	c->bytes += len;
	buf_append(&c->log, data, len);
	return coll_call(c);
}

static int
c_end(void *ctx)
{
	struct coll *c = ctx;

	if (!c->open)
		c->misplaced = true;
	c->open = false;
	if (c->begins <= NPARTS && c->begins > 0)
		c->parts[c->begins - 1].ended = true;
	c->ends++;
	buf_puts(&c->log, "\x01(end)");
	return coll_call(c);
}

static const struct multipart_callbacks callbacks = {
	c_begin, c_data, c_end
};

static void
coll_free(struct coll *c)
{
	for (size_t i = 0; i < NPARTS; i++) {
		free(c->parts[i].name);
		free(c->parts[i].filename);
		free(c->parts[i].ctype);
		buf_free(&c->parts[i].data);
	}
	buf_free(&c->log);
	memset(c, 0, sizeof(*c));
}

/* A small deterministic generator for chunk sizes. */
static uint32_t
lcg(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/*
 * Parse body into c: whole when chunk is 0, else in chunks of chunk bytes,
 * or of 1 to chunk bytes at random when seed is not 0.  Checks that a
 * status other than MP_OK sticks; returns what multipart_finish says.
 */
static enum multipart_status
parse_with(const char *boundary, const struct multipart_limits *lim,
    const char *body, size_t len, size_t chunk, uint32_t seed, struct coll *c)
{
	struct multipart	*mp;
	enum multipart_status	 st = MP_OK, got;
	size_t			 pos = 0, n;

	ck_assert_ptr_nonnull(mp = multipart_new(boundary, lim, &callbacks, c));
	ck_assert_uint_lt(multipart_memory(mp), 32 * 1024);
	while (pos < len) {
		n = len - pos;
		if (chunk != 0 && seed != 0)
			n = 1 + lcg(&seed) % chunk;
		else if (chunk != 0)
			n = chunk;
		if (n > len - pos)
			n = len - pos;
		got = multipart_feed(mp, body + pos, n);
		if (st != MP_OK)
			ck_assert_msg(got == st, "status %s became %s",
			    multipart_status_name(st), multipart_status_name(got));
		st = got;
		pos += n;
	}
	got = multipart_finish(mp);
	if (st != MP_OK)
		ck_assert_int_eq(got, st);
	ck_assert_int_eq(multipart_finish(mp), got);
	ck_assert_int_eq(multipart_feed(mp, "x", 1), got);
	multipart_free(mp);
	ck_assert(!c->misplaced);
	if (got == MP_OK)
		ck_assert_uint_eq(c->begins, c->ends);
	return got;
}

static enum multipart_status
parse(const char *body, size_t len, struct coll *c)
{
	return parse_with(B, NULL, body, len, 0, 0, c);
}

static enum multipart_status
parse_str(const char *body, struct coll *c)
{
	return parse(body, strlen(body), c);
}

/* body must end with status st, whole and one byte at a time. */
static void
expect(const char *body, const struct multipart_limits *lim,
    enum multipart_status st)
{
	struct coll		c = { 0 };
	enum multipart_status	got;

	for (size_t chunk = 0; chunk <= 1; chunk++) {
		got = parse_with(B, lim, body, strlen(body), chunk, 0, &c);
		ck_assert_msg(got == st, "chunk %zu: got %s, want %s: %s",
		    chunk, multipart_status_name(got),
		    multipart_status_name(st), body);
		coll_free(&c);
	}
}

/* Two fields and a file whose content has CR, LF, NUL and high bytes. */
static const char	file_bytes[] = "%PDF-1.4\n\x00\x01\xff\xfe\r\r\n-\r\n--"
			    "\r\nend";
#define FILE_LEN	(sizeof(file_bytes) - 1)

static void
form_body(struct buf *b)
{
	buf_puts(b, DASHB "\r\n" CD "name=\"title\"\r\n\r\nHello, world\r\n");
	buf_puts(b, DASHB "\r\n" CD "name=\"note\"\r\n\r\n"
	    "\xE4\xBA\x8C\xE8\xA1\x8C\r\nline two\r\n");
	buf_puts(b, DASHB "\r\ncontent-disposition: form-data; name=\"doc\"; "
	    "filename=\"report.pdf\"\r\nContent-Type: application/pdf\r\n"
	    "X-Other: ignored\r\n\r\n");
	buf_append(b, file_bytes, FILE_LEN);
	buf_puts(b, "\r\n" DASHB "--\r\n");
}

START_TEST(test_form)
{
	struct buf	 b = { 0 };
	struct coll	 c = { 0 };

	form_body(&b);
	ck_assert_int_eq(parse(b.data, b.len, &c), MP_OK);
	ck_assert_uint_eq(c.begins, 3);
	ck_assert_uint_eq(c.ends, 3);

	ck_assert_str_eq(c.parts[0].name, "title");
	ck_assert_ptr_null(c.parts[0].filename);
	ck_assert_ptr_null(c.parts[0].ctype);
	ck_assert_uint_eq(c.parts[0].data.len, 12);
	ck_assert_mem_eq(c.parts[0].data.data, "Hello, world", 12);

	ck_assert_str_eq(c.parts[1].name, "note");
	ck_assert_ptr_null(c.parts[1].filename);
	ck_assert_uint_eq(c.parts[1].data.len, 16);
	ck_assert_mem_eq(c.parts[1].data.data,
	    "\xE4\xBA\x8C\xE8\xA1\x8C\r\nline two", 16);

	ck_assert_str_eq(c.parts[2].name, "doc");
	ck_assert_str_eq(c.parts[2].filename, "report.pdf");
	ck_assert_str_eq(c.parts[2].ctype, "application/pdf");
	ck_assert_uint_eq(c.parts[2].data.len, FILE_LEN);
	ck_assert_mem_eq(c.parts[2].data.data, file_bytes, FILE_LEN);
	ck_assert(c.parts[2].ended);
	ck_assert_uint_eq(c.bytes, 12 + 16 + FILE_LEN);
	coll_free(&c);
	buf_free(&b);
}
END_TEST

START_TEST(test_chunking)
{
	struct buf	 b = { 0 };
	struct coll	 whole = { 0 }, c = { 0 };

	form_body(&b);
	ck_assert_int_eq(parse(b.data, b.len, &whole), MP_OK);
	ck_assert_uint_gt(whole.log.len, FILE_LEN);

	/* One byte at a time, then every fixed size up to the whole body. */
	for (size_t chunk = 1; chunk <= b.len; chunk++) {
		ck_assert_int_eq(parse_with(B, NULL, b.data, b.len, chunk, 0,
		    &c), MP_OK);
		ck_assert_uint_eq(c.log.len, whole.log.len);
		ck_assert_mem_eq(c.log.data, whole.log.data, whole.log.len);
		coll_free(&c);
	}
	/* Random sizes, small and large. */
	for (uint32_t seed = 1; seed <= 200; seed++) {
		size_t max = seed % 2 == 0 ? 7 : 300;

		ck_assert_int_eq(parse_with(B, NULL, b.data, b.len, max, seed,
		    &c), MP_OK);
		ck_assert_uint_eq(c.log.len, whole.log.len);
		ck_assert_mem_eq(c.log.data, whole.log.data, whole.log.len);
		coll_free(&c);
	}
	coll_free(&whole);
	buf_free(&b);
}
END_TEST

/* File content that looks like a delimiter but is not one. */
START_TEST(test_near_boundary)
{
	static const char content[] =
	    "\r\n--" "----StarcertFormBoundary7MA4YWxkTrZu0gX"	/* last differs */
	    "\r\n-" B						/* a dash short */
	    "\r\r\n--" "----StarcertFormBoundary7MA4YWxkTrZu0g"	/* cut by CR */
	    "\r\n--" "\n--" B "\r" B "\n\r--" B
	    "\r\n--" "----Starcert"
	    "\r\n\r\n--\r\n";
	struct buf	 b = { 0 };
	struct coll	 c = { 0 };
	size_t		 len = sizeof(content) - 1;

	buf_puts(&b, DASHB "\r\n" CD "name=\"f\"; filename=\"x.bin\"\r\n\r\n");
	buf_append(&b, content, len);
	buf_puts(&b, "\r\n" DASHB "--");
	for (size_t chunk = 0; chunk <= 3; chunk++) {
		ck_assert_int_eq(parse_with(B, NULL, b.data, b.len, chunk, 0,
		    &c), MP_OK);
		ck_assert_uint_eq(c.begins, 1);
		ck_assert_uint_eq(c.parts[0].data.len, len);
		ck_assert_mem_eq(c.parts[0].data.data, content, len);
		coll_free(&c);
	}
	buf_free(&b);

	/* The delimiter followed by more boundary characters is refused. */
	expect(DASHB "\r\n" CD "name=\"f\"\r\n\r\nx\r\n" DASHB "X\r\n" CD
	    "name=\"g\"\r\n\r\ny\r\n" DASHB "--", NULL, MP_MALFORMED);
	/* So is "-" then anything but a second "-". */
	expect(DASHB "\r\n" CD "name=\"f\"\r\n\r\nx\r\n" DASHB "-x", NULL,
	    MP_MALFORMED);
}
END_TEST

START_TEST(test_crlf_kept)
{
	struct coll c = { 0 };

	ck_assert_int_eq(parse_str(DASHB "\r\n" CD "name=\"a\"; filename=\"t.txt\""
	    "\r\n\r\nline\r\n\r\n" DASHB "\r\n" CD "name=\"b\"\r\n\r\n\r\n\r\n"
	    DASHB "\r\n" CD "name=\"c\"\r\n\r\n\r\r\n" DASHB "--\r\n", &c), MP_OK);
	ck_assert_uint_eq(c.begins, 3);
	ck_assert_uint_eq(c.parts[0].data.len, 6);
	ck_assert_mem_eq(c.parts[0].data.data, "line\r\n", 6);
	ck_assert_uint_eq(c.parts[1].data.len, 2);
	ck_assert_mem_eq(c.parts[1].data.data, "\r\n", 2);
	ck_assert_uint_eq(c.parts[2].data.len, 1);
	ck_assert_mem_eq(c.parts[2].data.data, "\r", 1);
	coll_free(&c);
}
END_TEST

START_TEST(test_empty_file)
{
	struct coll c = { 0 };

	/* What a browser sends for a file input left empty, and an empty field. */
	ck_assert_int_eq(parse_str(DASHB "\r\n" CD "name=\"upload\"; filename=\"\""
	    "\r\nContent-Type: application/octet-stream\r\n\r\n\r\n"
	    DASHB "\r\n" CD "name=\"empty\"\r\n\r\n\r\n" DASHB "--\r\n", &c),
	    MP_OK);
	ck_assert_uint_eq(c.begins, 2);
	ck_assert_uint_eq(c.ends, 2);
	ck_assert_str_eq(c.parts[0].filename, "");
	ck_assert_str_eq(c.parts[0].ctype, "application/octet-stream");
	ck_assert_uint_eq(c.parts[0].data.len, 0);
	ck_assert_ptr_null(c.parts[1].filename);
	ck_assert_uint_eq(c.parts[1].data.len, 0);
	ck_assert_uint_eq(c.bytes, 0);
	coll_free(&c);

	/* A form with no parts at all. */
	ck_assert_int_eq(parse_str(DASHB "--\r\n", &c), MP_OK);
	ck_assert_uint_eq(c.begins, 0);
	coll_free(&c);
}
END_TEST

#define ZH_NAME		"\xE4\xB8\xAD\xE6\x96\x87\xE8\xAF\x81\xE4\xB9\xA6.pdf"
#define ZH_PCT		"%E4%B8%AD%E6%96%87%E8%AF%81%E4%B9%A6.pdf"

/* The filename one part with this Content-Disposition tail gets, or NULL. */
static char *
filename_of(const char *params, enum multipart_status want)
{
	struct buf		 b = { 0 };
	struct coll		 c = { 0 };
	char			*f = NULL;
	enum multipart_status	 st;

	buf_printf(&b, "%s\r\n" CD "name=\"f\"%s\r\n\r\nx\r\n%s--", DASHB,
	    params, DASHB);
	st = parse(b.data, b.len, &c);
	ck_assert_msg(st == want, "%s: got %s", params,
	    multipart_status_name(st));
	if (st == MP_OK) {
		ck_assert_uint_eq(c.begins, 1);
		f = c.parts[0].filename;
		c.parts[0].filename = NULL;
	}
	coll_free(&c);
	buf_free(&b);
	return f;
}

static void
filename_is(const char *params, const char *want)
{
	char *f = filename_of(params, MP_OK);

	ck_assert_pstr_eq(f, want);
	free(f);
}

START_TEST(test_chinese_filename)
{
	filename_is("; filename=\"" ZH_NAME "\"", ZH_NAME);
	filename_is("; filename*=UTF-8''" ZH_PCT, ZH_NAME);
	/* filename* wins over filename, whichever comes first. */
	filename_is("; filename=\"cert.pdf\"; filename*=utf-8''" ZH_PCT,
	    ZH_NAME);
	filename_is("; filename*=UTF-8'zh-CN'" ZH_PCT "; filename=\"cert.pdf\"",
	    ZH_NAME);
	filename_is("; filename*=\"UTF-8''a%20b.txt\"", "a b.txt");
	/* Raw UTF-8 unquoted, as some clients send it. */
	filename_is("; filename=" ZH_NAME, ZH_NAME);

	/* Bad ext-values are refused rather than guessed at. */
	free(filename_of("; filename*=UTF-8''%E4%B", MP_MALFORMED));
	free(filename_of("; filename*=UTF-8''%zz", MP_MALFORMED));
	free(filename_of("; filename*=UTF-8''a%00b", MP_MALFORMED));
	free(filename_of("; filename*=ISO-8859-1''%E9t%E9.txt", MP_MALFORMED));
	free(filename_of("; filename*=" ZH_PCT, MP_MALFORMED));
}
END_TEST

START_TEST(test_tricky_filename)
{
	filename_is("; filename=\"../../etc/passwd\"", "../../etc/passwd");
	filename_is("; filename=\"a\\\"b\\\\c.txt\"", "a\"b\\c.txt");
	/* A Windows path keeps its backslashes. */
	filename_is("; filename=\"C:\\Users\\li\\cert.pdf\"",
	    "C:\\Users\\li\\cert.pdf");
	filename_is("; filename=\"semi;colon.txt\"", "semi;colon.txt");
	filename_is("; filename=\"sp ace'.txt\"", "sp ace'.txt");
	filename_is("; filename=plain.txt", "plain.txt");
	filename_is("; FileName=\"case.txt\"", "case.txt");
	filename_is(" ; filename = \"spaced.txt\" ;", "spaced.txt");
	filename_is("; size=123; filename=\"x\"; other=\"y\"", "x");
	filename_is("", NULL);

	free(filename_of("; filename=\"open", MP_MALFORMED));
	free(filename_of("; filename=\"a\" junk", MP_MALFORMED));
	free(filename_of("; filename=\"a\"; filename=\"b\"", MP_MALFORMED));
	free(filename_of("; filename=", MP_MALFORMED));
	free(filename_of("; filename", MP_MALFORMED));
}
END_TEST

/* multipart_boundary on ct: want is the boundary or NULL for -1. */
static void
boundary_is(const char *ct, const char *want)
{
	char	 out[MULTIPART_BOUNDARY_MAX + 1];
	int	 r;

	memset(out, 'z', sizeof(out));
	r = multipart_boundary(ct, out);
	if (want == NULL) {
		ck_assert_msg(r == -1, "\"%s\" accepted", ct);
		ck_assert_str_eq(out, "");
	} else {
		ck_assert_msg(r == 0, "\"%s\" refused", ct);
		ck_assert_str_eq(out, want);
	}
}

START_TEST(test_boundary)
{
	char	 b70[71], ct[128], out[MULTIPART_BOUNDARY_MAX + 1];

	boundary_is("multipart/form-data; boundary=" B, B);
	boundary_is("multipart/form-data; boundary=\"" B "\"", B);
	boundary_is("Multipart/Form-Data; BOUNDARY=abc", "abc");
	boundary_is("multipart/form-data;boundary=abc", "abc");
	boundary_is("multipart/form-data; charset=utf-8; boundary=x; a=\"b;c\"",
	    "x");
	boundary_is("  multipart/form-data ; boundary = \"a b'()+_,-./:=?\"  ",
	    "a b'()+_,-./:=?");
	boundary_is("multipart/form-data; boundary=a=b?c", "a=b?c");

	memset(b70, 'k', 70);
	b70[70] = '\0';
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s", b70);
	boundary_is(ct, b70);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=\"%sk\"", b70);
	boundary_is(ct, NULL);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%sk", b70);
	boundary_is(ct, NULL);

	boundary_is("multipart/form-data", NULL);
	boundary_is("multipart/form-data;", NULL);
	boundary_is("multipart/form-data; boundary=", NULL);
	boundary_is("multipart/form-data; boundary=\"\"", NULL);
	boundary_is("multipart/form-data; boundary=\"ends in space \"", NULL);
	boundary_is("multipart/form-data; boundary=a*b", NULL);
	boundary_is("multipart/form-data; boundary=\"a\\\"b\"", NULL);
	boundary_is("multipart/form-data; boundary=\"open", NULL);
	boundary_is("multipart/form-data; boundary=a; boundary=b", NULL);
	boundary_is("multipart/form-data; boundary=\xE4\xB8\xAD", NULL);
	boundary_is("multipart/form-data x; boundary=abc", NULL);
	boundary_is("multipart/mixed; boundary=abc", NULL);
	boundary_is("multipart/form-datax; boundary=abc", NULL);
	boundary_is("application/x-www-form-urlencoded", NULL);
	boundary_is("text/plain; boundary=abc", NULL);
	boundary_is("", NULL);
	ck_assert_int_eq(multipart_boundary(NULL, out), -1);

	/* multipart_new takes only a valid boundary. */
	ck_assert_ptr_null(multipart_new("", NULL, &callbacks, NULL));
	ck_assert_ptr_null(multipart_new("a\r\nb", NULL, &callbacks, NULL));
	ck_assert_ptr_null(multipart_new("trailing ", NULL, &callbacks, NULL));
	snprintf(ct, sizeof(ct), "%sk", b70);
	ck_assert_ptr_null(multipart_new(ct, NULL, &callbacks, NULL));
}
END_TEST

START_TEST(test_truncated)
{
	/* No delimiter at all. */
	expect("", NULL, MP_TRUNCATED);
	expect("just some text\r\nand more", NULL, MP_TRUNCATED);
	expect("--" "----StarcertFormBoundary7MA4YWxkTrZu0gX\r\n", NULL,
	    MP_TRUNCATED);
	/* Cut in the middle of a part, of headers, of a delimiter line. */
	expect(DASHB "\r\n" CD "name=\"a\"\r\n\r\nvalue", NULL, MP_TRUNCATED);
	expect(DASHB "\r\n" CD "name=\"a\"\r\n\r\nvalue\r\n" DASHB "\r\n",
	    NULL, MP_TRUNCATED);
	expect(DASHB "\r\n" CD "name=\"a\"\r\n\r\nvalue\r\n" DASHB, NULL,
	    MP_TRUNCATED);
	expect(DASHB "\r\n" CD "name=\"a\"\r\n\r\nvalue\r\n" DASHB "-", NULL,
	    MP_TRUNCATED);
	expect(DASHB "\r\n" CD "name=\"a\"", NULL, MP_TRUNCATED);
	expect(DASHB, NULL, MP_TRUNCATED);
}
END_TEST

START_TEST(test_truncated_parts)
{
	struct coll	 c = { 0 };
	const char	*body = DASHB "\r\n" CD "name=\"a\"\r\n\r\n1\r\n" DASHB
			    "\r\n" CD "name=\"b\"\r\n\r\n2";

	/* What came is still reported; the last part never ends. */
	ck_assert_int_eq(parse_str(body, &c), MP_TRUNCATED);
	ck_assert_uint_eq(c.begins, 2);
	ck_assert_uint_eq(c.ends, 1);
	ck_assert_mem_eq(c.parts[1].data.data, "2", 1);
	coll_free(&c);
}
END_TEST

START_TEST(test_preamble_epilogue)
{
	struct coll c = { 0 };

	ck_assert_int_eq(parse_str("This is a preamble.\r\n-- not it\r\n"
	    "--" "----StarcertFormBoundary\r\n\r\n" DASHB "\r\n" CD
	    "name=\"a\"\r\n\r\n1\r\n" DASHB "--\r\nThis is the epilogue.\r\n"
	    DASHB "\r\n" CD "name=\"b\"\r\n\r\n2\r\n" DASHB "--\r\n\x01\x00",
	    &c), MP_OK);
	ck_assert_uint_eq(c.begins, 1);
	ck_assert_str_eq(c.parts[0].name, "a");
	ck_assert_mem_eq(c.parts[0].data.data, "1", 1);
	coll_free(&c);

	/* A body opening with CRLF, and transport padding after delimiters. */
	ck_assert_int_eq(parse_str("\r\n" DASHB " \t \r\n" CD "name=\"a\"\r\n\r\n1"
	    "\r\n" DASHB "\t\r\n" CD "name=\"b\"\r\n\r\n2\r\n" DASHB "--", &c),
	    MP_OK);
	ck_assert_uint_eq(c.begins, 2);
	ck_assert_mem_eq(c.parts[1].data.data, "2", 1);
	coll_free(&c);

	/* Padding must end in CRLF. */
	expect(DASHB " x\r\n" CD "name=\"a\"\r\n\r\n1\r\n" DASHB "--", NULL,
	    MP_MALFORMED);
	expect(DASHB "\r" CD "name=\"a\"\r\n\r\n1\r\n" DASHB "--", NULL,
	    MP_MALFORMED);
	expect(DASHB "\n" CD "name=\"a\"\r\n\r\n1\r\n" DASHB "--", NULL,
	    MP_MALFORMED);
}
END_TEST

START_TEST(test_bad_names)
{
	char	 big[MULTIPART_NAME_MAX + 2];
	char	*body;

	expect(DASHB "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" DASHB
	    "--", NULL, MP_MALFORMED);
	expect(DASHB "\r\n" CD "filename=\"a.txt\"\r\n\r\nx\r\n" DASHB "--",
	    NULL, MP_MALFORMED);
	expect(DASHB "\r\n" CD "name=\"\"\r\n\r\nx\r\n" DASHB "--", NULL,
	    MP_MALFORMED);
	expect(DASHB "\r\n" CD "name=\"a\"; name=\"b\"\r\n\r\nx\r\n" DASHB
	    "--", NULL, MP_MALFORMED);
	expect(DASHB "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
	    "x\r\n" DASHB "--", NULL, MP_MALFORMED);
	expect(DASHB "\r\nContent-Disposition: form-data-x; name=\"a\"\r\n"
	    "\r\nx\r\n" DASHB "--", NULL, MP_MALFORMED);
	/* No Content-Disposition, or two. */
	expect(DASHB "\r\nContent-Type: text/plain\r\n\r\nx\r\n" DASHB "--",
	    NULL, MP_MALFORMED);
	expect(DASHB "\r\n\r\nx\r\n" DASHB "--", NULL, MP_MALFORMED);
	expect(DASHB "\r\n" CD "name=\"a\"\r\n" CD "name=\"b\"\r\n\r\nx\r\n"
	    DASHB "--", NULL, MP_MALFORMED);
	/* Header lines that are not "name: value". */
	expect(DASHB "\r\n" CD "name=\"a\"\r\nno colon\r\n\r\nx\r\n" DASHB
	    "--", NULL, MP_MALFORMED);
	expect(DASHB "\r\n" CD "name=\"a\"\r\n folded\r\n\r\nx\r\n" DASHB
	    "--", NULL, MP_MALFORMED);
	expect(DASHB "\r\nContent-Disposition : form-data; name=\"a\"\r\n\r\n"
	    "x\r\n" DASHB "--", NULL, MP_MALFORMED);

	/* A name of MULTIPART_NAME_MAX bytes is taken, one more is not. */
	memset(big, 'n', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ck_assert_int_ge(asprintf(&body, "%s\r\n" CD "name=\"%s\"\r\n\r\nx\r\n"
	    "%s--", DASHB, big, DASHB), 0);
	expect(body, NULL, MP_MALFORMED);
	free(body);
	big[MULTIPART_NAME_MAX] = '\0';
	ck_assert_int_ge(asprintf(&body, "%s\r\n" CD "name=\"%s\"\r\n\r\nx\r\n"
	    "%s--", DASHB, big, DASHB), 0);
	expect(body, NULL, MP_OK);
	free(body);
}
END_TEST

START_TEST(test_header_bytes)
{
	struct multipart_limits	 lim = multipart_limits_default;
	const char		*line = CD "name=\"a\"\r\nX-Pad: ";
	char			*pad, *body;
	size_t			 fixed = strlen(line) + 2;	/* its CRLF */

	lim.max_header_bytes = 200;
	ck_assert_ptr_nonnull(pad = calloc(1, 200));
	/* Header lines of exactly 200 bytes with their CRLFs, then 201. */
	memset(pad, 'p', 200 - fixed);
	ck_assert_int_ge(asprintf(&body, "%s\r\n%s%s\r\n\r\nx\r\n%s--", DASHB,
	    line, pad, DASHB), 0);
	expect(body, &lim, MP_OK);
	free(body);
	pad[200 - fixed] = 'p';
	ck_assert_int_ge(asprintf(&body, "%s\r\n%s%s\r\n\r\nx\r\n%s--", DASHB,
	    line, pad, DASHB), 0);
	expect(body, &lim, MP_HEADER_TOO_LONG);
	free(body);
	free(pad);

	/* One endless header line, with the default limit. */
	ck_assert_ptr_nonnull(pad = malloc(20000));
	memset(pad, 'h', 19999);
	pad[19999] = '\0';
	ck_assert_int_ge(asprintf(&body, "%s\r\nX-Long: %s\r\n", DASHB, pad),
	    0);
	expect(body, NULL, MP_HEADER_TOO_LONG);
	free(body);
	free(pad);
}
END_TEST

START_TEST(test_header_bytes_bad)
{
	static const char	 nul[] = DASHB "\r\n" CD "name=\"a\0b\"\r\n\r\nx\r\n"
				    DASHB "--";
	struct coll		 c = { 0 };

	ck_assert_int_eq(parse(nul, sizeof(nul) - 1, &c), MP_MALFORMED);
	ck_assert_uint_eq(c.begins, 0);
	coll_free(&c);
	/* Bare LF and bare CR in headers. */
	expect(DASHB "\r\n" CD "name=\"a\"\n\r\nx\r\n" DASHB "--", NULL,
	    MP_MALFORMED);
	expect(DASHB "\r\n" CD "name=\"a\"\r\n\nx\r\n" DASHB "--", NULL,
	    MP_MALFORMED);
	expect(DASHB "\r\n" CD "name=\"a\"\rX: y\r\n\r\nx\r\n" DASHB "--",
	    NULL, MP_MALFORMED);
}
END_TEST

START_TEST(test_too_many_parts)
{
	struct multipart_limits	 lim = multipart_limits_default;
	struct buf		 b = { 0 };
	struct coll		 c = { 0 };

	for (int i = 0; i < 10000; i++)
		buf_printf(&b, "%s\r\n" CD "name=\"f%d\"\r\n\r\n%d\r\n", DASHB, i,
		    i);
	buf_puts(&b, DASHB "--\r\n");
	ck_assert(!b.failed);
	ck_assert_int_eq(parse(b.data, b.len, &c), MP_TOO_MANY_PARTS);
	ck_assert_uint_eq(c.begins, multipart_limits_default.max_parts);
	ck_assert_uint_eq(c.ends, multipart_limits_default.max_parts);
	coll_free(&c);

	/* Exactly the limit is fine. */
	lim.max_parts = 10000;
	ck_assert_int_eq(parse_with(B, &lim, b.data, b.len, 0, 0, &c), MP_OK);
	ck_assert_uint_eq(c.begins, 10000);
	coll_free(&c);
	lim.max_parts = 9999;
	ck_assert_int_eq(parse_with(B, &lim, b.data, b.len, 0, 0, &c),
	    MP_TOO_MANY_PARTS);
	coll_free(&c);
	buf_free(&b);
}
END_TEST

START_TEST(test_field_too_long)
{
	struct multipart_limits	 lim = multipart_limits_default;
	char			*v, *body;
	struct coll		 c = { 0 };

	lim.max_field_bytes = 100;
	ck_assert_ptr_nonnull(v = calloc(1, 102));
	memset(v, 'v', 100);
	ck_assert_int_ge(asprintf(&body, "%s\r\n" CD "name=\"a\"\r\n\r\n%s\r\n"
	    "%s--", DASHB, v, DASHB), 0);
	expect(body, &lim, MP_OK);
	free(body);
	v[100] = 'v';
	ck_assert_int_ge(asprintf(&body, "%s\r\n" CD "name=\"a\"\r\n\r\n%s\r\n"
	    "%s--", DASHB, v, DASHB), 0);
	expect(body, &lim, MP_FIELD_TOO_LONG);
	ck_assert_int_eq(parse_with(B, &lim, body, strlen(body), 1, 0, &c),
	    MP_FIELD_TOO_LONG);
	ck_assert_uint_eq(c.bytes, 100);	/* no more was passed on */
	coll_free(&c);
	free(body);
	/* A file part is not a field. */
	ck_assert_int_ge(asprintf(&body, "%s\r\n" CD "name=\"a\"; filename=\"\""
	    "\r\n\r\n%s\r\n%s--", DASHB, v, DASHB), 0);
	expect(body, &lim, MP_OK);
	free(body);
	free(v);
}
END_TEST

START_TEST(test_abort)
{
	struct buf		 b = { 0 };
	struct coll		 c = { 0 }, all = { 0 };
	enum multipart_status	 st;

	form_body(&b);
	ck_assert_int_eq(parse(b.data, b.len, &all), MP_OK);
	ck_assert_int_gt(all.calls, 6);
	/* Refuse each call in turn: the parse stops there and then. */
	for (int n = 1; n <= all.calls; n++) {
		for (size_t chunk = 0; chunk <= 1; chunk++) {
			c.abort_at = n;
			st = parse_with(B, NULL, b.data, b.len, chunk, 0, &c);
			ck_assert_int_eq(st, MP_ABORTED);
			ck_assert_int_eq(c.calls, n);
			ck_assert_int_eq(c.after_abort, 0);
			coll_free(&c);
		}
	}
	coll_free(&all);
	buf_free(&b);
}
END_TEST

START_TEST(test_sticky)
{
	struct multipart	*mp;
	struct coll		 c = { 0 };
	struct buf		 b = { 0 };
	int			 calls;

	form_body(&b);
	ck_assert_ptr_nonnull(mp = multipart_new(B, NULL, &callbacks, &c));
	ck_assert_int_eq(multipart_feed(mp, DASHB "\r\n\n",
	    strlen(DASHB "\r\n\n")), MP_MALFORMED);
	calls = c.calls;
	/* A good body after the error changes nothing. */
	ck_assert_int_eq(multipart_feed(mp, b.data, b.len), MP_MALFORMED);
	ck_assert_int_eq(multipart_feed(mp, "", 0), MP_MALFORMED);
	ck_assert_int_eq(multipart_finish(mp), MP_MALFORMED);
	ck_assert_int_eq(multipart_feed(mp, b.data, b.len), MP_MALFORMED);
	ck_assert_int_eq(c.calls, calls);
	multipart_free(mp);
	coll_free(&c);

	/* Truncation sticks too, and a finished parse ignores what follows. */
	ck_assert_ptr_nonnull(mp = multipart_new(B, NULL, &callbacks, &c));
	ck_assert_int_eq(multipart_feed(mp, b.data, 10), MP_OK);
	ck_assert_int_eq(multipart_finish(mp), MP_TRUNCATED);
	ck_assert_int_eq(multipart_feed(mp, b.data, b.len), MP_TRUNCATED);
	ck_assert_int_eq(c.calls, 0);
	multipart_free(mp);
	ck_assert_ptr_nonnull(mp = multipart_new(B, NULL, &callbacks, &c));
	ck_assert_int_eq(multipart_feed(mp, b.data, b.len), MP_OK);
	ck_assert_int_eq(multipart_finish(mp), MP_OK);
	calls = c.calls;
	ck_assert_int_eq(multipart_feed(mp, b.data, b.len), MP_OK);
	ck_assert_int_eq(multipart_finish(mp), MP_OK);
	ck_assert_int_eq(c.calls, calls);
	multipart_free(mp);
	coll_free(&c);
	buf_free(&b);
}
END_TEST

/* Counts and checksums the content without keeping it. */
struct sink {
	size_t		 parts;
	size_t		 bytes;
	uint64_t	 sum;
};

static int
s_begin(void *ctx, const char *name, const char *filename, const char *ctype)
{
	struct sink *s = ctx;

	(void)name;
	(void)filename;
	(void)ctype;
	s->parts++;
	return 0;
}

static uint64_t
fnv(uint64_t h, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211u;
	return h;
}

static int
s_data(void *ctx, const char *data, size_t len)
{
	struct sink *s = ctx;

	s->bytes += len;
	s->sum = fnv(s->sum, data, len);
	return 0;
}

START_TEST(test_memory_bound)
{
	static const struct multipart_callbacks cb = { s_begin, s_data, NULL };
	static const char	 head[] = DASHB "\r\n" CD "name=\"big\"; "
				    "filename=\"big.bin\"\r\n\r\n";
	static const char	 tail[] = "\r\n" DASHB "--\r\n";
	const size_t		 total = 50u * 1024 * 1024, chunk = 64 * 1024;
	struct multipart	*mp;
	struct sink		 s = { 0, 0, 14695981039346656037u };
	uint64_t		 want = 14695981039346656037u;
	char			*buf;
	size_t			 sent = 0;

	ck_assert_ptr_nonnull(buf = malloc(chunk));
	ck_assert_ptr_nonnull(mp = multipart_new(B, NULL, &cb, &s));
	ck_assert_uint_lt(multipart_memory(mp), 32 * 1024);
	ck_assert_int_eq(multipart_feed(mp, head, sizeof(head) - 1), MP_OK);
	while (sent < total) {
		size_t n = total - sent < chunk ? total - sent : chunk;

		/* Varying bytes, with near-delimiters across chunk ends. */
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)((sent + i) * 2654435761u >> 13);
		memcpy(buf + n - 20, "\r\n--" B, 20);
		memcpy(buf, &B[16], 9);
		want = fnv(want, buf, n);
		ck_assert_int_eq(multipart_feed(mp, buf, n), MP_OK);
		sent += n;
	}
	ck_assert_int_eq(multipart_feed(mp, tail, sizeof(tail) - 1), MP_OK);
	ck_assert_int_eq(multipart_finish(mp), MP_OK);
	ck_assert_uint_lt(multipart_memory(mp), 32 * 1024);
	ck_assert_uint_eq(s.parts, 1);
	ck_assert_uint_eq(s.bytes, total);
	ck_assert(s.sum == want);
	multipart_free(mp);
	free(buf);
}
END_TEST

START_TEST(test_null_callbacks)
{
	struct multipart	*mp;
	struct buf		 b = { 0 };

	form_body(&b);
	ck_assert_ptr_nonnull(mp = multipart_new(B, NULL, NULL, NULL));
	ck_assert_int_eq(multipart_feed(mp, b.data, b.len), MP_OK);
	ck_assert_int_eq(multipart_finish(mp), MP_OK);
	multipart_free(mp);
	buf_free(&b);
}
END_TEST

START_TEST(test_status_names)
{
	for (int s = 0; s < MP__MAX; s++) {
		const char *n = multipart_status_name((enum multipart_status)s);

		ck_assert_ptr_nonnull(n);
		ck_assert_str_ne(n, "unknown");
		for (int t = 0; t < s; t++)
			ck_assert_str_ne(n,
			    multipart_status_name((enum multipart_status)t));
	}
	ck_assert_str_eq(multipart_status_name(MP_TOO_MANY_PARTS),
	    "too-many-parts");
	ck_assert_str_eq(multipart_status_name(MP__MAX), "unknown");
}
END_TEST

Suite *
multipart_suite(void)
{
	Suite	*s = suite_create("multipart");
	TCase	*tp = tcase_create("parts");
	TCase	*tb = tcase_create("boundary");
	TCase	*te = tcase_create("errors");
	TCase	*tm = tcase_create("memory");

	tcase_add_test(tp, test_form);
	tcase_add_test(tp, test_chunking);
	tcase_add_test(tp, test_near_boundary);
	tcase_add_test(tp, test_crlf_kept);
	tcase_add_test(tp, test_empty_file);
	tcase_add_test(tp, test_chinese_filename);
	tcase_add_test(tp, test_tricky_filename);
	tcase_add_test(tp, test_preamble_epilogue);
	tcase_add_test(tp, test_null_callbacks);
	suite_add_tcase(s, tp);

	tcase_add_test(tb, test_boundary);
	suite_add_tcase(s, tb);

	tcase_add_test(te, test_truncated);
	tcase_add_test(te, test_truncated_parts);
	tcase_add_test(te, test_bad_names);
	tcase_add_test(te, test_header_bytes);
	tcase_add_test(te, test_header_bytes_bad);
	tcase_add_test(te, test_too_many_parts);
	tcase_add_test(te, test_field_too_long);
	tcase_add_test(te, test_abort);
	tcase_add_test(te, test_sticky);
	tcase_add_test(te, test_status_names);
	suite_add_tcase(s, te);

	tcase_add_test(tm, test_memory_bound);
	tcase_set_timeout(tm, 60);
	suite_add_tcase(s, tm);
	return s;
}
