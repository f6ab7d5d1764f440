/* csv.h: CSV (RFC 4180): reading pasted or uploaded lists row by row, and writing exports for spreadsheets. */
#ifndef STARCERT_CSV_H
#define STARCERT_CSV_H

#include <stddef.h>

#define CSV_FIELDS_MAX	16
#define CSV_FIELD_MAX	1024	/* bytes */

/* Called for each non-empty row; fields are NUL-terminated and valid during the call. Non-zero stops. */
typedef int (*csv_row_fn)(void *ctx, size_t line, const char *const *fields, size_t nfields);

enum csv_status {
	CSV_OK = 0,
	CSV_QUOTE,		/* an unterminated or misplaced quote */
	CSV_TOO_MANY_FIELDS,
	CSV_FIELD_TOO_LONG,
	CSV_STOPPED,		/* the callback said stop */
};

/*
 * csv_parse: split text (len bytes) into rows.  The separator is a tab
 * when the first non-empty line has a tab (text pasted from a
 * spreadsheet), else a comma.  Quoted fields
 * may hold separators, line breaks and "" for a quote; unquoted fields are
 * trimmed of spaces.  Lines end in LF or CRLF; empty lines are skipped.
 * On failure *line (if not NULL) is the 1-based line of the problem.
 */
enum csv_status csv_parse(const char *text, size_t len, csv_row_fn fn, void *ctx,
	    size_t *line);

/*
 * The writing side: RFC 4180 fields separated by commas, rows ended by
 * CRLF, for spreadsheet programs.  The writer hands its output in pieces
 * to write(ctx, data, n), which returns 0, or non-zero to make every later
 * call fail; nothing is buffered here.
 */
typedef int (*csv_write_fn)(void *ctx, const char *data, size_t n);

struct csv_writer {
	csv_write_fn	 write;
	void		*ctx;
	size_t		 fields;	/* written in the row under way */
	int		 failed;	/* a write failed: everything after does too */
};

/* The UTF-8 byte order mark, so that spreadsheet programs read Chinese as UTF-8. */
#define CSV_BOM		"\xEF\xBB\xBF"

void	csv_writer_init(struct csv_writer *, csv_write_fn write, void *ctx);
/* csv_write_bom: the byte order mark; call first.  0 or -1. */
int	csv_write_bom(struct csv_writer *);
/*
 * csv_write_field: the next field of the row (NULL is written as empty).
 * It is quoted, its quotes doubled, when it holds a comma, a quote, CR or
 * LF, or starts or ends with a space.  A field starting with = + - @, a
 * tab or CR, which a spreadsheet would run as a formula, gets an
 * apostrophe in front of it (OWASP's advice on CSV injection): the
 * spreadsheet shows '=1+2 as text.  0 or -1.
 */
int	csv_write_field(struct csv_writer *, const char *);
/* csv_end_row: end the row with CRLF.  0 or -1. */
int	csv_end_row(struct csv_writer *);

#endif
