/* fuzz_po.c: po_parse on raw and on generated catalogs (round trips), and lang_from_accept. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view/i18n.h"

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

#define PO_STRING_MAX	(64 * 1024)	/* as in i18n.c */

struct entries {
	char	**ids, **strs;
	size_t	  count, cap;
	size_t	  stop_at;		/* fail the call numbered stop_at; 0: never */
};

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
collect(const char *id, const char *str, void *ctx)
{
	struct entries *e = ctx;

	CHECK(id != NULL && str != NULL);
	CHECK(id[0] != '\0');
	CHECK(strlen(id) <= PO_STRING_MAX && strlen(str) <= PO_STRING_MAX);
	if (e->count == e->cap) {
		size_t cap = e->cap == 0 ? 16 : e->cap * 2;

		if ((e->ids = realloc(e->ids, cap * sizeof(char *))) == NULL ||
		    (e->strs = realloc(e->strs, cap * sizeof(char *))) == NULL)
			abort();
		e->cap = cap;
	}
	if ((e->ids[e->count] = strdup(id)) == NULL ||
	    (e->strs[e->count] = strdup(str)) == NULL)
		abort();
	e->count++;
	return e->stop_at != 0 && e->count == e->stop_at ? -1 : 0;
}

static void
entries_free(struct entries *e)
{
	for (size_t i = 0; i < e->count; i++) {
		free(e->ids[i]);
		free(e->strs[i]);
	}
	free(e->ids);
	free(e->strs);
	memset(e, 0, sizeof(*e));
}

/*
 * Whether every line of an accepted catalog is blank, a comment, or an
 * optional keyword and one complete quoted string; *msgids counts the
 * msgid lines.  This does not model which sequences of lines make entries.
 */
static bool
ref_lines_ok(const char *p, const char *end, size_t *msgids)
{
	*msgids = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (eol == NULL)
			eol = end;
		while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p < eol && *p != '#') {
			if (eol - p >= 6 && memcmp(p, "msgid ", 6) == 0) {
				p += 6;
				(*msgids)++;
			} else if (eol - p >= 7 && memcmp(p, "msgstr ", 7) == 0)
				p += 7;
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			if (p == eol || *p++ != '"')
				return false;
			for (;;) {
				if (p == eol || *p == '\0')
					return false;
				if (*p == '"')
					break;
				if (*p++ != '\\')
					continue;
				if (p == eol || *p == '\0' ||
				    strchr("ntr\"\\", *p) == NULL)
					return false;
				p++;
			}
			p++;
			while (p < eol && (*p == ' ' || *p == '\t' ||
			    *p == '\r'))
				p++;
			if (p != eol)
				return false;
		}
		p = eol + (eol < end);
	}
	return true;
}

/* Append s as a quoted .po string, escaped as po_parse reads it. */
static char *
put_string(char *p, const char *s)
{
	*p++ = '"';
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '\t': *p++ = '\\'; *p++ = 't'; break;
		case '\r': *p++ = '\\'; *p++ = 'r'; break;
		case '"': *p++ = '\\'; *p++ = '"'; break;
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		default: *p++ = *s; break;
		}
	}
	*p++ = '"';
	*p++ = '\n';
	return p;
}

static char *
serialize(const struct entries *e, size_t *len)
{
	size_t	 need = 1;
	char	*buf, *p;

	for (size_t i = 0; i < e->count; i++)
		need += 2 * strlen(e->ids[i]) + 2 * strlen(e->strs[i]) + 32;
	if ((buf = malloc(need)) == NULL)
		abort();
	p = buf;
	for (size_t i = 0; i < e->count; i++) {
		if (i % 2)
			p += sprintf(p, "# entry %zu\n", i % 10);
		memcpy(p, "msgid ", 6);
		p = put_string(p + 6, e->ids[i]);
		memcpy(p, "msgstr ", 7);
		p = put_string(p + 7, e->strs[i]);
		*p++ = '\n';
	}
	*len = (size_t)(p - buf);
	return buf;
}

/* A little reader of the fuzz input for the generated catalog. */
struct bytes {
	const uint8_t	*p;
	size_t		 left;
};

static unsigned
take(struct bytes *b)
{
	if (b->left == 0)
		return 0;
	b->left--;
	return *b->p++;
}

/*
 * Write one keyword line ("msgid" or "msgstr") with the string s of n bytes
 * (no NUL), split into continuation lines every chunk bytes, in the layout
 * flags choose; return the end of what was written.
 */
static char *
gen_string(char *p, const char *kw, const uint8_t *s, size_t n,
    unsigned flags)
{
	size_t		 chunk = (flags & 7) * 3;
	const char	*eol = flags & 8 ? "\r\n" : "\n";

	if (chunk == 0 || n > 4096)	/* one line: long ones are slow enough */
		chunk = n + 1;
	p += sprintf(p, "%s ", kw);
	if (flags & 16) {		/* an empty first line, as msgfmt writes */
		p += sprintf(p, "\"\"%s", eol);
		if (flags & 32)
			*p++ = '\t';
	}
	*p++ = '"';
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i % chunk == 0) {
			*p++ = '"';
			if (flags & 64) {
				*p++ = ' ';
				*p++ = '\t';
			}
			if (flags & 8)
				*p++ = '\r';
			*p++ = '\n';
			*p++ = '"';
		}
		switch (s[i]) {
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '"': *p++ = '\\'; *p++ = '"'; break;
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		case '\t':
		case '\r':
			if (flags & 128)
				*p++ = (char)s[i];
			else {
				*p++ = '\\';
				*p++ = s[i] == '\t' ? 't' : 'r';
			}
			break;
		default: *p++ = (char)s[i]; break;
		}
	}
	p += sprintf(p, "\"%s%s", flags & 64 ? " " : "", eol);
	return p;
}

/*
 * Build a well-formed catalog out of the input: entries of length-prefixed
 * fields in assorted layouts, some repeated out to about PO_STRING_MAX.
 * po_parse must return exactly these entries, or fail when one is too long.
 */
static void
check_generated(const uint8_t *data, size_t size)
{
	struct bytes	 b = { data, size };
	struct entries	 want = { 0 }, got = { 0 };
	char		*buf, *field[2];
	size_t		 flen[2], len = 0, cap = 0, fcap;
	bool		 too_long = false, repeated = false;
	int		 rc;

	fcap = (size > PO_STRING_MAX ? size : PO_STRING_MAX) + 8;
	if ((field[0] = malloc(fcap)) == NULL ||
	    (field[1] = malloc(fcap)) == NULL)
		abort();
	buf = NULL;
	while (b.left > 0) {
		unsigned flags = take(&b), sep = take(&b);

		for (int f = 0; f < 2; f++) {
			size_t n = take(&b);

			if (flags & 0x80)
				n = n << 4 | take(&b);
			flen[f] = 0;
			while (n-- > 0 && b.left > 0) {
				unsigned c = take(&b);

				if (c != 0)
					field[f][flen[f]++] = (char)c;
			}
			/*
			 * Once, and rarely (it is slow), repeat a text that
			 * starts with \001 to within 2 bytes of the limit.
			 */
			if ((flags & 0x40) && (sep & 0x20) && flen[f] > 0 &&
			    field[f][0] == '\001' && !repeated) {
				size_t target = PO_STRING_MAX - 2 + take(&b) % 5;

				repeated = true;

				for (size_t i = flen[f]; i < target; i++)
					field[f][i] = field[f][i - flen[f]];
				flen[f] = target;
			}
			field[f][flen[f]] = '\0';
			if (flen[f] > PO_STRING_MAX)
				too_long = true;
		}

		/* 4 bytes out per byte of text at most, and some lines. */
		if (cap - len < 4 * (flen[0] + flen[1]) + 256) {
			cap = 2 * cap + 4 * (flen[0] + flen[1]) + 256;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
		}
		if (sep & 1)
			len += (size_t)sprintf(buf + len,
			    "# translator %u\n#: file.c:%u\n", sep, flags);
		len = (size_t)(gen_string(buf + len, "msgid",
		    (const uint8_t *)field[0], flen[0], sep) - buf);
		if (sep & 2)
			len += (size_t)sprintf(buf + len, "#, fuzzy\n");
		len = (size_t)(gen_string(buf + len, "msgstr",
		    (const uint8_t *)field[1], flen[1], flags) - buf);
		/* Entries end at a blank line, or at the next msgid. */
		switch (sep >> 6) {
		case 0: break;
		case 1: len += (size_t)sprintf(buf + len, "\n"); break;
		case 2: len += (size_t)sprintf(buf + len, " \t\r\n"); break;
		case 3: len += (size_t)sprintf(buf + len, "\n\n# end\n\n"); break;
		}
		if (flen[0] > 0 && !too_long &&
		    collect(field[0], field[1], &want) != 0)
			abort();
	}
	if (size > 0 && data[0] & 1 && len > 0 && buf[len - 1] == '\n')
		len--;		/* no newline at the end of the file */
	rc = po_parse(buf == NULL ? "" : buf, len, collect, &got);
	if (too_long)
		CHECK(rc > 0);
	else {
		if (rc != 0)
			fprintf(stderr, "generated catalog:\n%.*s\n", (int)len,
			    buf);
		CHECK(rc == 0);
		CHECK(got.count == want.count);
		for (size_t i = 0; i < want.count; i++) {
			CHECK(strcmp(got.ids[i], want.ids[i]) == 0);
			CHECK(strcmp(got.strs[i], want.strs[i]) == 0);
		}
	}
	entries_free(&want);
	entries_free(&got);
	free(field[0]);
	free(field[1]);
	free(buf);
}

static void
check_accept(const uint8_t *data, size_t size)
{
	char		*h;
	enum lang	 l;
	int		 lp;
	bool		 has_en = false;

	if ((h = malloc(size + 1)) == NULL)
		abort();
	memcpy(h, data, size);
	h[size] = '\0';
	l = lang_from_accept(h);
	CHECK(l == LANG_ZH || l == LANG_EN);
	CHECK(lang_code(l) != NULL);
	lp = lang_parse(h);
	CHECK(lp == -1 || lp == LANG_ZH || lp == LANG_EN);
	/* English needs an "en" tag somewhere. */
	for (const char *p = h; p[0] != '\0' && p[1] != '\0'; p++)
		if (strncasecmp(p, "en", 2) == 0)
			has_en = true;
	if (!has_en)
		CHECK(l == LANG_ZH);
	CHECK(lang_from_accept(NULL) == LANG_ZH);
	free(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct entries	 e = { 0 }, again = { 0 };
	size_t		 lines = 1, len;
	char		*buf;
	int		 rc;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';

	rc = po_parse((const char *)data, size, collect, &e);
	CHECK(rc >= 0 && (size_t)rc <= lines);
	if (rc == 0) {
		size_t msgids;

		CHECK(ref_lines_ok((const char *)data, (const char *)data + size,
		    &msgids));
		CHECK(e.count <= msgids);

		/* What was read, written back out, reads back the same. */
		buf = serialize(&e, &len);
		CHECK(po_parse(buf, len, collect, &again) == 0);
		CHECK(again.count == e.count);
		for (size_t i = 0; i < e.count; i++) {
			CHECK(strcmp(again.ids[i], e.ids[i]) == 0);
			CHECK(strcmp(again.strs[i], e.strs[i]) == 0);
		}
		free(buf);
		entries_free(&again);

		/* A callback's refusal stops the parse with a line number. */
		if (e.count > 0) {
			again.stop_at = 1 + (size % e.count);
			rc = po_parse((const char *)data, size, collect, &again);
			CHECK(rc > 0 && (size_t)rc <= lines);
			CHECK(again.count == again.stop_at);
			entries_free(&again);
		}
	}
	entries_free(&e);

	check_generated(data, size);
	check_accept(data, size);
	return 0;
}
