/* table.h: tables for download: CSV streamed as it is made, or an Excel workbook built in a temporary file, then sent and deleted. */
#ifndef STARCERT_TABLE_H
#define STARCERT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "../domain/csv.h"
#include "../http/buf.h"
#include "../http/request.h"

enum table_format {
	TABLE_CSV,	/* UTF-8 with a BOM, RFC 4180, CRLF */
	TABLE_XLSX,	/* Office Open XML, by libxlsxwriter */
};

enum table_kind {
	TABLE_TEXT,
	TABLE_DATE,	/* YYYY-MM-DD: a real date in Excel, shown as yyyy-mm-dd */
	TABLE_NUMBER,
};

struct table_column {
	const char	*title_key;	/* catalog key of the heading */
	enum table_kind	 kind;
	double		 width;		/* in Excel, in characters */
	bool		 staff_only;	/* left out for applicants */
};

struct table {
	struct req			*r;
	enum table_format		 format;
	const struct table_column	*columns;
	size_t				 ncolumns;
	bool				 staff;
	bool				 failed;
	/* CSV: the piece not sent yet; sending starts when it is full. */
	struct csv_writer		 csv;
	struct buf			 chunk;
	bool				 started;
	/* Excel */
	void				*workbook, *sheet, *heading, *date;
	unsigned			 row;
	char				 path[512];
	struct buf			 scratch;
	const char			*name, *ascii_name;
	size_t				 nheaders;	/* the request's before the download's */
};

/* Whether a request asked for CSV or Excel: the path's last dot. */
enum table_format table_format_of(const struct req *);

/*
 * table_begin: start a download called name (UTF-8; ascii_name the
 * fallback), without the extension, which the format adds.  Excel works
 * in tmp_dir (a file that table_end sends and deletes); constant_memory
 * writes each row out as it comes (strings inline, one sheet at a time),
 * else strings are shared and sheets may be filled in any order.  0 or -1.
 */
int	table_begin(struct table *, struct req *, enum table_format, const char *tmp_dir,
	    const char *name, const char *ascii_name, bool constant_memory);

/*
 * table_sheet: a new sheet (Excel; its name from the catalog key) with a
 * heading row of columns (kept by reference); staff says whether
 * staff_only columns are shown.  CSV has one sheet only.  0 or -1.
 */
int	table_sheet(struct table *, const char *name_key, const struct table_column *,
	    size_t ncolumns, bool staff);

/* table_row: one row, a cell (text, NULL or "" for empty) per column of the sheet.  0 or -1. */
int	table_row(struct table *, const char *const *cells);

/*
 * table_end: finish and send: the HTTP status to return (200, or 500 when
 * something failed before anything was sent).  After a failure half-way
 * through a CSV, the connection is broken so that the download reads as
 * incomplete (and 500 is returned for the log).  Frees everything.
 */
int	table_end(struct table *);

/* table_fail: give up (a query failed): as table_end after a failure, with status for the log. */
int	table_fail(struct table *, int status);

#endif
