/* fuzz_csv.c: csv_parse's bounds and line numbers on raw input; rows written back out, all quoted, read back the same; a callback's stop. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/csv.h"

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

struct rows {
	size_t	  max_line;	/* 1 + the newlines in the input */
	size_t	  last_line;	/* of the previous row, 0 before the first */
	size_t	  bytes;	/* of all fields */
	size_t	  count;	/* rows delivered */
	size_t	  stop_at;	/* return non-zero on this row (1-based); 0: never */
	bool	  keep;		/* copy the rows into the arrays below */
	char	**fields;	/* every row's fields, one after another */
	size_t	 *nfields, *lines;
	size_t	  nall, capall, cap;
};

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
collect(void *ctx, size_t line, const char *const *fields, size_t nfields)
{
	struct rows *r = ctx;

	CHECK(nfields >= 1 && nfields <= CSV_FIELDS_MAX);
	CHECK(line >= 1 && line <= r->max_line);
	CHECK(line >= r->last_line);
	/* Two rows on one line would need a line break outside quotes. */
	CHECK(line > r->last_line || r->count == 0);
	r->last_line = line;
	for (size_t i = 0; i < nfields; i++) {
		size_t len = strlen(fields[i]);

		CHECK(len <= CSV_FIELD_MAX);
		r->bytes += len;
	}
	if (r->keep) {
		if (r->count == r->cap) {
			r->cap = r->cap == 0 ? 16 : 2 * r->cap;
			if ((r->nfields = realloc(r->nfields,
			    r->cap * sizeof(size_t))) == NULL ||
			    (r->lines = realloc(r->lines,
			    r->cap * sizeof(size_t))) == NULL)
				abort();
		}
		if (r->nall + nfields > r->capall) {
			r->capall = 2 * r->capall + nfields;
			if ((r->fields = realloc(r->fields,
			    r->capall * sizeof(char *))) == NULL)
				abort();
		}
		for (size_t i = 0; i < nfields; i++)
			if ((r->fields[r->nall++] = strdup(fields[i])) == NULL)
				abort();
		r->nfields[r->count] = nfields;
		r->lines[r->count] = line;
	}
	r->count++;
	return r->stop_at != 0 && r->count == r->stop_at;
}

static void
rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->nall; i++)
		free(r->fields[i]);
	free(r->fields);
	free(r->nfields);
	free(r->lines);
}

/*
 * The rows as CSV with every field quoted, after a first line "h,h" so
 * that the separator is a comma whatever the fields hold.
 */
static char *
serialize(const struct rows *r, size_t *len)
{
	size_t	 need = 8, f = 0;
	char	*buf, *p;

	for (size_t i = 0; i < r->nall; i++)
		need += 2 * strlen(r->fields[i]) + 3;
	need += r->count;
	if ((buf = malloc(need)) == NULL)
		abort();
	p = buf;
	memcpy(p, "h,h\n", 4);
	p += 4;
	for (size_t row = 0; row < r->count; row++) {
		for (size_t i = 0; i < r->nfields[row]; i++, f++) {
			if (i > 0)
				*p++ = ',';
			*p++ = '"';
			for (const char *s = r->fields[f]; *s != '\0'; s++) {
				if (*s == '"')
					*p++ = '"';
				*p++ = *s;
			}
			*p++ = '"';
		}
		*p++ = '\n';
	}
	*len = (size_t)(p - buf);
	CHECK(*len <= need);
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rows	 r = { 0 }, again = { 0 }, stop = { 0 };
	enum csv_status	 st, st2;
	size_t		 newlines = 0, line = 0, line2 = 0, len;
	char		*text, *out;

	/* An exact-size copy: a read past the end is ASan's. */
	if ((text = malloc(size > 0 ? size : 1)) == NULL)
		abort();
	memcpy(text, data, size);
	for (size_t i = 0; i < size; i++)
		newlines += data[i] == '\n';

	r.max_line = newlines + 1;
	r.keep = true;
	st = csv_parse(text, size, collect, &r, &line);
	CHECK(st == CSV_OK || st == CSV_QUOTE || st == CSV_TOO_MANY_FIELDS ||
	    st == CSV_FIELD_TOO_LONG);
	CHECK(line >= 1 && line <= newlines + 1);
	CHECK(line >= r.last_line);
	/* Rows hold input bytes, fewer when "" became ". */
	CHECK(r.bytes <= size);
	CHECK(r.count <= newlines + 1);

	/* The same again: a parse has no state. */
	again.max_line = newlines + 1;
	st2 = csv_parse(text, size, collect, &again, &line2);
	CHECK(st2 == st && line2 == line);
	CHECK(again.count == r.count && again.bytes == r.bytes);
	rows_free(&again);

	/* A callback's stop: at that row, on that row's first line. */
	if (r.count > 0) {
		stop.max_line = newlines + 1;
		stop.stop_at = 1 + size % r.count;
		st2 = csv_parse(text, size, collect, &stop, &line2);
		CHECK(st2 == CSV_STOPPED);
		CHECK(stop.count == stop.stop_at);
		CHECK(line2 == r.lines[stop.stop_at - 1]);
		rows_free(&stop);
	}

	/* Read rows written back out, all fields quoted, give the same rows. */
	if (st == CSV_OK) {
		out = serialize(&r, &len);
		memset(&again, 0, sizeof(again));
		again.max_line = (size_t)-1;
		again.keep = true;
		st2 = csv_parse(out, len, collect, &again, &line2);
		if (st2 != CSV_OK)
			fprintf(stderr, "status %d at line %zu of:\n%.*s\n",
			    st2, line2, (int)len, out);
		CHECK(st2 == CSV_OK);
		CHECK(again.count == r.count + 1);
		CHECK(again.nfields[0] == 2);
		CHECK(strcmp(again.fields[0], "h") == 0 &&
		    strcmp(again.fields[1], "h") == 0);
		CHECK(again.nall == r.nall + 2);
		for (size_t row = 0; row < r.count; row++)
			CHECK(again.nfields[row + 1] == r.nfields[row]);
		for (size_t i = 0; i < r.nall; i++)
			CHECK(strcmp(again.fields[i + 2], r.fields[i]) == 0);
		rows_free(&again);
		free(out);
	}

	rows_free(&r);
	free(text);
	return 0;
}
