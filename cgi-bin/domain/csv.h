/* csv.h: CSV (RFC 4180) or tab-separated text, as pasted from a spreadsheet, row by row. */
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

#endif
