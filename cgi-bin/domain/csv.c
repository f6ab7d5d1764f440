/* csv.c: a small, bounded CSV reader for pasted outlet lists, and the writer of exports. */
#include <stdbool.h>
#include <string.h>

#include "csv.h"

struct row {
	char	 buf[CSV_FIELDS_MAX][CSV_FIELD_MAX + 1];
	size_t	 len[CSV_FIELDS_MAX];
	size_t	 n;
	bool	 quoted[CSV_FIELDS_MAX];
};

/* A tab in the first non-empty line means text pasted from a spreadsheet. */
static char
detect_separator(const char *t, size_t len)
{
	const char	*nl;
	size_t		 first;

	while (len > 0 && (*t == '\n' || *t == '\r')) {
		t++;
		len--;
	}
	nl = memchr(t, '\n', len);
	first = nl != NULL ? (size_t)(nl - t) : len;
	return memchr(t, '\t', first) != NULL ? '\t' : ',';
}

/* Trim spaces around an unquoted field. */
static void
field_finish(struct row *r)
{
	char	*f = r->buf[r->n];
	size_t	 s = 0, e = r->len[r->n];

	if (!r->quoted[r->n]) {
		while (s < e && (f[s] == ' ' || f[s] == '\r'))
			s++;
		while (e > s && (f[e - 1] == ' ' || f[e - 1] == '\r'))
			e--;
		memmove(f, f + s, e - s);
		e -= s;
	}
	f[e] = '\0';
	r->len[r->n] = e;
}

static bool
row_empty(const struct row *r)
{
	return r->n == 1 && r->len[0] == 0 && !r->quoted[0];
}

enum csv_status
csv_parse(const char *t, size_t len, csv_row_fn fn, void *ctx, size_t *line_out)
{
	struct row		 r;
	char			 sep = detect_separator(t, len);
	size_t			 i = 0, line = 1, row_line = 1;
	bool			 in_quotes = false, after_quote = false;
	const char		*fields[CSV_FIELDS_MAX];
	enum csv_status		 st = CSV_OK;

	memset(&r, 0, sizeof(r));
	for (;;) {
		char c = i < len ? t[i] : '\n';
		bool end = i >= len;

		if (in_quotes && !end) {
			if (c == '"') {
				if (i + 1 < len && t[i + 1] == '"') {
					i++;
					goto append;
				}
				in_quotes = false;
				after_quote = true;
				i++;
				continue;
			}
			if (c == '\n')
				line++;
			goto append;
		}
		if (in_quotes && end) {
			st = CSV_QUOTE;
			goto out;
		}
		if (c == sep || c == '\n') {
			field_finish(&r);
			r.n++;
			after_quote = false;
			if (c == '\n') {
				if (!row_empty(&r)) {
					for (size_t k = 0; k < r.n; k++)
						fields[k] = r.buf[k];
					if (fn(ctx, row_line, fields, r.n) != 0) {
						st = CSV_STOPPED;
						line = row_line;
						goto out;
					}
				}
				memset(r.len, 0, sizeof(r.len));
				memset(r.quoted, 0, sizeof(r.quoted));
				r.n = 0;
				if (end)
					break;
				line++;
				row_line = line;
			} else if (r.n == CSV_FIELDS_MAX) {
				st = CSV_TOO_MANY_FIELDS;
				goto out;
			}
			i++;
			continue;
		}
		if (after_quote) {
			if (c == ' ' || c == '\r') {
				i++;
				continue;
			}
			st = CSV_QUOTE;
			goto out;
		}
		if (c == '"') {
			size_t k;

			/* A quote opens a field only at its start (after spaces). */
			for (k = 0; k < r.len[r.n] && r.buf[r.n][k] == ' '; k++)
				;
			if (k != r.len[r.n]) {
				st = CSV_QUOTE;
				goto out;
			}
			r.len[r.n] = 0;
			r.quoted[r.n] = true;
			in_quotes = true;
			i++;
			continue;
		}
append:
		if (r.len[r.n] == CSV_FIELD_MAX) {
			st = CSV_FIELD_TOO_LONG;
			goto out;
		}
		r.buf[r.n][r.len[r.n]++] = c;
		i++;
	}
out:
	if (line_out != NULL)
		*line_out = line;
	return st;
}

void
csv_writer_init(struct csv_writer *w, csv_write_fn write, void *ctx)
{
	memset(w, 0, sizeof(*w));
	w->write = write;
	w->ctx = ctx;
}

static int
put(struct csv_writer *w, const char *s, size_t n)
{
	if (w->failed || (n > 0 && w->write(w->ctx, s, n) != 0))
		w->failed = 1;
	return w->failed ? -1 : 0;
}

int
csv_write_bom(struct csv_writer *w)
{
	return put(w, CSV_BOM, sizeof(CSV_BOM) - 1);
}

/* Would a spreadsheet take a field starting with c for a formula? */
static bool
formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

int
csv_write_field(struct csv_writer *w, const char *s)
{
	size_t		 len;
	bool		 quote;
	const char	*q;

	if (s == NULL)
		s = "";
	len = strlen(s);
	quote = strpbrk(s, ",\"\r\n") != NULL ||
	    (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));
	if (w->fields++ > 0)
		put(w, ",", 1);
	if (quote)
		put(w, "\"", 1);
	if (len > 0 && formula_start(s[0]))
		put(w, "'", 1);
	/* Inside quotes a quote is written twice. */
	while (quote && (q = strchr(s, '"')) != NULL) {
		put(w, s, (size_t)(q - s) + 1);
		put(w, "\"", 1);
		len -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	put(w, s, len);
	if (quote)
		put(w, "\"", 1);
	return w->failed ? -1 : 0;
}

int
csv_end_row(struct csv_writer *w)
{
	w->fields = 0;
	return put(w, "\r\n", 2);
}
