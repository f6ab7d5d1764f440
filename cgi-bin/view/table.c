/* table.c: tables for download as CSV (streamed) or Excel (libxlsxwriter, via a temporary file). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "../http/response.h"
#include "table.h"
#include "view.h"

#define CHUNK		(64 * 1024)	/* CSV sent in pieces of this size */
#define XLSX_TYPE	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

enum table_format
table_format_of(const struct req *r)
{
	const char *dot = strrchr(r->path, '.');

	return dot != NULL && strcmp(dot, ".xlsx") == 0 ? TABLE_XLSX : TABLE_CSV;
}

/* Send what the CSV chunk holds, starting the response the first time. */
static int
csv_flush(struct table *t)
{
	if (!t->started) {
		if (resp_stream_begin(t->r) != 0)
			return -1;
		t->started = true;
	}
	if (resp_stream_write(t->r, t->chunk.data, t->chunk.len) != 0)
		return -1;
	buf_reset(&t->chunk);
	return 0;
}

static int
csv_put(void *ctx, const char *data, size_t n)
{
	struct table *t = ctx;

	buf_append(&t->chunk, data, n);
	if (t->chunk.failed)
		return -1;
	return t->chunk.len >= CHUNK ? csv_flush(t) : 0;
}

int
table_begin(struct table *t, struct req *r, enum table_format format, const char *tmp_dir,
    const char *name, const char *ascii_name, bool constant_memory)
{
	const char *ext = format == TABLE_XLSX ? "xlsx" : "csv";

	memset(t, 0, sizeof(*t));
	t->r = r;
	t->nheaders = r->nheaders;
	t->format = format;
	t->name = arena_printf(r->arena, "%s.%s", name, ext);
	t->ascii_name = arena_printf(r->arena, "%s.%s", ascii_name, ext);
	if (t->name == NULL || t->ascii_name == NULL)
		return -1;
	r->private_page = true;
	if (format == TABLE_CSV) {
		csv_writer_init(&t->csv, csv_put, t);
		r->content_type_out = "text/csv; charset=utf-8";
		if (resp_disposition(r, "attachment", t->ascii_name, t->name) != 0)
			return -1;
		return csv_write_bom(&t->csv);
	} else {
		lxw_workbook_options	 o = { 0 };
		lxw_format		*heading, *date;
		int			 fd;

		if (snprintf(t->path, sizeof(t->path), "%s/export-XXXXXX", tmp_dir) >=
		    (int)sizeof(t->path) || (fd = mkostemp(t->path, O_CLOEXEC)) < 0) {
			fprintf(stderr, "table: temporary file in %s: %s\n", tmp_dir, strerror(errno));
			t->path[0] = '\0';
			return -1;
		}
		close(fd);
		o.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
		o.tmpdir = (char *)(uintptr_t)tmp_dir;
		if ((t->workbook = workbook_new_opt(t->path, &o)) == NULL)
			return -1;
		heading = workbook_add_format(t->workbook);
		date = workbook_add_format(t->workbook);
		if (heading == NULL || date == NULL)
			return -1;
		format_set_bold(heading);
		format_set_bg_color(heading, 0xF2F2F2);
		format_set_bottom(heading, LXW_BORDER_THIN);
		format_set_num_format(date, "yyyy-mm-dd");
		t->heading = heading;
		t->date = date;
		return 0;
	}
}

int
table_sheet(struct table *t, const char *name_key, const struct table_column *columns,
    size_t ncolumns, bool staff)
{
	const char *cells[64];

	if (t->failed || ncolumns > sizeof(cells) / sizeof(cells[0]))
		return -1;
	if (t->format == TABLE_CSV && t->columns != NULL)
		return -1;
	t->columns = columns;
	t->ncolumns = ncolumns;
	t->staff = staff;
	t->row = 0;
	for (size_t i = 0; i < ncolumns; i++)
		cells[i] = view_text(t->r, columns[i].title_key);
	if (t->format == TABLE_XLSX) {
		lxw_col_t col = 0;

		if ((t->sheet = workbook_add_worksheet(t->workbook,
		    view_text(t->r, name_key))) == NULL) {
			t->failed = true;
			return -1;
		}
		for (size_t i = 0; i < ncolumns; i++)
			if (staff || !columns[i].staff_only) {
				worksheet_set_column(t->sheet, col, col, columns[i].width, NULL);
				col++;
			}
		worksheet_freeze_panes(t->sheet, 1, 0);
	}
	return table_row(t, cells) == 0 ? 0 : -1;
}

/* Text for an Excel cell: XML 1.0 has no place for other control characters than tab and line breaks. */
static const char *
xml_text(struct table *t, const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			break;
	if (*p == '\0')
		return s;
	buf_reset(&t->scratch);
	for (p = s; *p != '\0'; p++)
		buf_append(&t->scratch, (unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' &&
		    *p != '\r' ? " " : p, 1);
	buf_append(&t->scratch, "", 1);
	return t->scratch.failed ? "" : t->scratch.data;
}

/* One Excel cell; the heading row (0) is text whatever the column. */
static lxw_error
xlsx_cell(struct table *t, lxw_col_t col, const struct table_column *c, const char *s)
{
	lxw_row_t row = t->row;

	if (row == 0)
		return worksheet_write_string(t->sheet, row, col, xml_text(t, s), t->heading);
	if (*s == '\0')
		return LXW_NO_ERROR;
	switch (c->kind) {
	case TABLE_DATE: {
		lxw_datetime d = { 0 };

		if (sscanf(s, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
			return worksheet_write_datetime(t->sheet, row, col, &d, t->date);
		break;
	}
	case TABLE_NUMBER: {
		char	*end;
		double	 v = strtod(s, &end);

		if (*end == '\0')
			return worksheet_write_number(t->sheet, row, col, v, NULL);
		break;
	}
	case TABLE_TEXT:
		break;
	}
	return worksheet_write_string(t->sheet, row, col, xml_text(t, s), NULL);
}

int
table_row(struct table *t, const char *const *cells)
{
	lxw_col_t col = 0;

	if (t->failed)
		return -1;
	for (size_t i = 0; i < t->ncolumns; i++) {
		const char *s = cells[i] != NULL ? cells[i] : "";

		if (!t->staff && t->columns[i].staff_only)
			continue;
		if (t->format == TABLE_CSV) {
			if (csv_write_field(&t->csv, s) != 0)
				t->failed = true;
		} else if (xlsx_cell(t, col++, &t->columns[i], s) != LXW_NO_ERROR)
			t->failed = true;
	}
	if (t->format == TABLE_CSV && csv_end_row(&t->csv) != 0)
		t->failed = true;
	t->row++;
	return t->failed ? -1 : 0;
}

/* Close the workbook and send its file, which is deleted at once (the open descriptor keeps it until sent). */
static int
xlsx_send(struct table *t)
{
	struct stat	 sb;
	char		 piece[CHUNK];
	ssize_t		 n;
	int		 fd, rc = 0;
	lxw_error	 e = workbook_close(t->workbook);

	t->workbook = NULL;
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "table: workbook: %s\n", lxw_strerror(e));
		return 500;
	}
	fd = open(t->path, O_RDONLY | O_CLOEXEC);
	unlink(t->path);
	t->path[0] = '\0';
	if (fd < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		return 500;
	}
	t->r->content_type_out = XLSX_TYPE;
	if (resp_disposition(t->r, "attachment", t->ascii_name, t->name) != 0 ||
	    resp_header(t->r, "Content-Length", arena_printf(t->r->arena, "%lld",
	    (long long)sb.st_size)) != 0 || resp_stream_begin(t->r) != 0) {
		close(fd);
		return 500;
	}
	while ((n = read(fd, piece, sizeof(piece))) > 0)
		if (resp_stream_write(t->r, piece, (size_t)n) != 0) {
			rc = -1;
			break;
		}
	close(fd);
	if (n < 0 || rc != 0) {
		resp_stream_abort(t->r);
		return 500;
	}
	return 200;
}

/* Free what is left: the workbook unwritten, the temporary file, the buffers. */
static void
table_free(struct table *t)
{
	if (t->workbook != NULL) {
		/* libxlsxwriter frees a workbook only by writing it out. */
		(void)workbook_close(t->workbook);
		t->workbook = NULL;
	}
	if (t->path[0] != '\0') {
		unlink(t->path);
		t->path[0] = '\0';
	}
	buf_free(&t->chunk);
	buf_free(&t->scratch);
}

int
table_end(struct table *t)
{
	int status;

	if (t->failed)
		return table_fail(t, 500);
	if (t->format == TABLE_XLSX)
		status = xlsx_send(t);
	else if (t->started) {
		if (csv_flush(t) != 0)
			return table_fail(t, 500);
		status = 200;
	} else {
		/* Small enough to have stayed in memory: an ordinary response. */
		buf_append(t->r->body, t->chunk.data, t->chunk.len);
		t->r->body_ready = true;
		status = t->r->body->failed ? 500 : 200;
	}
	table_free(t);
	return status;
}

int
table_fail(struct table *t, int status)
{
	if (t->started || t->r->streamed)
		resp_stream_abort(t->r);
	else {
		/* Nothing sent: the error page instead, without the download's headers. */
		t->r->nheaders = t->nheaders;
		t->r->content_type_out = NULL;
	}
	table_free(t);
	return status;
}
