/* test_exports.c: the CSV writer (quoting, CRLF, BOM, formula guard, read back by the CSV reader), report months, percent-encoding, and tables as CSV and Excel. */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "../../cgi-bin/domain/csv.h"
#include "../../cgi-bin/domain/date.h"
#include "../../cgi-bin/http/arena.h"
#include "../../cgi-bin/http/buf.h"
#include "../../cgi-bin/http/request.h"
#include "../../cgi-bin/view/i18n.h"
#include "../../cgi-bin/view/table.h"
#include "suites.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

static int
to_buf(void *ctx, const char *data, size_t n)
{
	buf_append(ctx, data, n);
	return 0;
}

/* The CSV of rows of n fields each (NULL ends the list), as text. */
static char *
csv_of(const char *const *fields, size_t n, size_t rows)
{
	struct buf		 b = { 0 };
	struct csv_writer	 w;
	char			*out;

	csv_writer_init(&w, to_buf, &b);
	for (size_t r = 0; r < rows; r++) {
		for (size_t i = 0; i < n; i++)
			ck_assert_int_eq(csv_write_field(&w, fields[r * n + i]), 0);
		ck_assert_int_eq(csv_end_row(&w), 0);
	}
	buf_append(&b, "", 1);
	out = strdup(b.data);
	buf_free(&b);
	return out;
}

START_TEST(test_csv_plain_and_crlf)
{
	const char	*f[] = { "SC-2026-00001", "北京星辰家电有限公司", "", NULL };
	char		*s = csv_of(f, 4, 1);

	ck_assert_str_eq(s, "SC-2026-00001,北京星辰家电有限公司,,\r\n");
	free(s);
}
END_TEST

START_TEST(test_csv_quoting)
{
	const char	*f[] = { "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " padded ", "\"" };
	char		*s = csv_of(f, NELEM(f), 1);

	ck_assert_str_eq(s, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\","
	    "\" padded \",\"\"\"\"\r\n");
	free(s);
}
END_TEST

START_TEST(test_csv_formula_guard)
{
	const char	*f[] = { "=1+2", "+86 10 8888", "-5", "@SUM(A1)", "\tx", "a=b",
			    "=HYPERLINK(\"http://x\",\"y\")" };
	char		*s = csv_of(f, NELEM(f), 1);

	/* A leading apostrophe: shown as text, never run. */
	ck_assert_str_eq(s, "'=1+2,'+86 10 8888,'-5,'@SUM(A1),'\tx,a=b,"
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
	free(s);
}
END_TEST

START_TEST(test_csv_bom_and_rows)
{
	struct buf		 b = { 0 };
	struct csv_writer	 w;

	csv_writer_init(&w, to_buf, &b);
	ck_assert_int_eq(csv_write_bom(&w), 0);
	csv_write_field(&w, "编号");
	csv_write_field(&w, "名称");
	csv_end_row(&w);
	csv_write_field(&w, "1");
	csv_write_field(&w, NULL);
	csv_end_row(&w);
	ck_assert_uint_eq(b.len, 3 + strlen("编号,名称\r\n1,\r\n"));
	ck_assert_mem_eq(b.data, "\xEF\xBB\xBF", 3);
	ck_assert_mem_eq(b.data + 3, "编号,名称\r\n1,\r\n", b.len - 3);
	buf_free(&b);
}
END_TEST

static int
refuse(void *ctx, const char *data, size_t n)
{
	(void)data;
	(void)n;
	return ++*(int *)ctx > 1;	/* the second write fails */
}

START_TEST(test_csv_write_failure_sticks)
{
	struct csv_writer	w;
	int			calls = 0;

	csv_writer_init(&w, refuse, &calls);
	ck_assert_int_eq(csv_write_field(&w, "a"), 0);
	ck_assert_int_eq(csv_write_field(&w, "b"), -1);
	ck_assert_int_eq(csv_end_row(&w), -1);
	ck_assert_int_eq(csv_write_field(&w, "c"), -1);
	ck_assert_int_eq(calls, 2);	/* nothing tried after the failure */
}
END_TEST

/* What the reader gives back for rows the writer wrote. */
struct readback {
	char	fields[4][4][256];
	size_t	n[4], rows;
};

static int
collect(void *ctx, size_t line, const char *const *fields, size_t n)
{
	struct readback *r = ctx;

	(void)line;
	ck_assert_uint_lt(r->rows, 4);
	for (size_t i = 0; i < n && i < 4; i++)
		snprintf(r->fields[r->rows][i], sizeof(r->fields[0][0]), "%s", fields[i]);
	r->n[r->rows++] = n;
	return 0;
}

START_TEST(test_csv_round_trip_with_the_reader)
{
	const char		*f[] = {
		"广州, 天河网点", "他说\"好\"", "第一行\r\n第二行", "plain",
		"  spaced  ", "", "x", "中文",
	};
	char			*s = csv_of(f, 4, 2);
	struct readback		 r;

	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(csv_parse(s, strlen(s), collect, &r, NULL), CSV_OK);
	ck_assert_uint_eq(r.rows, 2);
	for (size_t row = 0; row < 2; row++) {
		ck_assert_uint_eq(r.n[row], 4);
		for (size_t i = 0; i < 4; i++)
			ck_assert_str_eq(r.fields[row][i], f[row * 4 + i]);
	}
	free(s);
}
END_TEST

START_TEST(test_month_range)
{
	char first[11], next[11], prev[8];

	ck_assert_int_eq(date_month_range("2022-02", first, next), 0);
	ck_assert_str_eq(first, "2022-02-01");
	ck_assert_str_eq(next, "2022-03-01");
	ck_assert_int_eq(date_month_range("2023-12", first, next), 0);
	ck_assert_str_eq(next, "2024-01-01");
	ck_assert_int_eq(date_month_range("2022-13", first, next), -1);
	ck_assert_int_eq(date_month_range("2022-00", first, next), -1);
	ck_assert_int_eq(date_month_range("2022-2", first, next), -1);
	ck_assert_int_eq(date_month_range("2022-02-01", first, next), -1);
	ck_assert_int_eq(date_month_range("1999-12", first, next), -1);
	ck_assert_int_eq(date_month_range("２０２２-02", first, next), -1);
	ck_assert_int_eq(date_month_range("", first, next), -1);
	ck_assert_int_eq(date_month_range(NULL, first, next), -1);
	date_previous_month("2026-01-05", prev);
	ck_assert_str_eq(prev, "2025-12");
	date_previous_month("2026-03-31", prev);
	ck_assert_str_eq(prev, "2026-02");
}
END_TEST

START_TEST(test_percent)
{
	struct buf b = { 0 };

	buf_percent(&b, "a b&c=d/证书.csv-_");
	buf_append(&b, "", 1);
	ck_assert_str_eq(b.data, "a%20b%26c%3Dd%2F%E8%AF%81%E4%B9%A6.csv-_");
	buf_free(&b);
}
END_TEST

/* ---- tables ---- */

static struct arena	arena;
static struct buf	body;

static void
table_setup(struct req *r)
{
	ck_assert_int_eq(i18n_load("po"), 0);
	memset(r, 0, sizeof(*r));
	arena_init(&arena, 4096, 0);
	r->arena = &arena;
	r->body = &body;
	r->method = METHOD_GET;
	r->lang = LANG_ZH;
	buf_reset(&body);
}

static const struct table_column columns[] = {
	{ "certificate.number", TABLE_TEXT, 18, false },
	{ "export.evaluated", TABLE_DATE, 12, true },
	{ "certificate.issue_date", TABLE_DATE, 12, false },
	{ "application.number", TABLE_NUMBER, 8, false },
};

static const char *
header_value(const struct req *r, const char *name)
{
	for (size_t i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

START_TEST(test_table_csv_for_an_applicant)
{
	struct req	 r;
	struct table	 t;
	const char	*row[] = { "=cmd", "2026-05-01", "2026-05-02", "7" };
	const char	*want = "\xEF\xBB\xBF证书编号,发证日期,编号\r\n'=cmd,2026-05-02,7\r\n";

	table_setup(&r);
	r.path = "/certificates/export.csv";
	ck_assert_int_eq(table_format_of(&r), TABLE_CSV);
	ck_assert_int_eq(table_begin(&t, &r, TABLE_CSV, "/nonexistent", "证书-2026", "certificates-2026",
	    true), 0);
	/* Applicants do not see the staff-only column. */
	ck_assert_int_eq(table_sheet(&t, "export.sheet.certificates", columns, NELEM(columns), false), 0);
	ck_assert_int_eq(table_row(&t, row), 0);
	ck_assert_int_eq(table_end(&t), 200);
	ck_assert(r.body_ready);
	ck_assert(!r.streamed);	/* small: an ordinary response with its length */
	ck_assert_uint_eq(body.len, strlen(want));
	ck_assert_mem_eq(body.data, want, body.len);
	ck_assert_str_eq(r.content_type_out, "text/csv; charset=utf-8");
	ck_assert_str_eq(header_value(&r, "Content-Disposition"),
	    "attachment; filename=\"certificates-2026.csv\"; "
	    "filename*=UTF-8''%E8%AF%81%E4%B9%A6-2026.csv");
	ck_assert(r.private_page);
	arena_free(&arena);
}
END_TEST

START_TEST(test_table_csv_streams_when_large)
{
	struct req	 r;
	struct table	 t;
	const char	*row[] = { "北京星辰家电有限公司, 售后服务中心", "", "2026-05-02", "123456" };
	size_t		 rows = 5000;
	size_t		 line = strlen("\"北京星辰家电有限公司, 售后服务中心\",,2026-05-02,123456\r\n");

	table_setup(&r);
	ck_assert_int_eq(table_begin(&t, &r, TABLE_CSV, "/nonexistent", "a", "a", true), 0);
	ck_assert_int_eq(table_sheet(&t, "export.sheet.certificates", columns, NELEM(columns), true), 0);
	for (size_t i = 0; i < rows; i++)
		ck_assert_int_eq(table_row(&t, row), 0);
	ck_assert_int_eq(table_end(&t), 200);
	/* Sent in pieces as it was made: the head first, then the body. */
	ck_assert(r.streamed);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_eq(body.len, strlen("\xEF\xBB\xBF证书编号,评定日期,发证日期,编号\r\n") +
	    rows * line);
	arena_free(&arena);
}
END_TEST

START_TEST(test_table_xlsx_is_a_zip_and_its_file_is_gone)
{
	struct req	 r;
	struct table	 t;
	const char	*row[] = { "SC-2026-00001", "2026-05-01", "2026-05-02", "7" };
	char		 dir[] = "/tmp/starcert-table-XXXXXX";
	DIR		*d;
	struct dirent	*e;
	int		 left = 0;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	table_setup(&r);
	ck_assert_int_eq(table_begin(&t, &r, TABLE_XLSX, dir, "证书", "certificates", true), 0);
	ck_assert_int_eq(table_sheet(&t, "export.sheet.certificates", columns, NELEM(columns), true), 0);
	ck_assert_int_eq(table_row(&t, row), 0);
	ck_assert_int_eq(table_end(&t), 200);
	ck_assert(r.streamed);
	ck_assert_uint_gt(body.len, 1000);
	ck_assert_mem_eq(body.data, "PK\x03\x04", 4);
	ck_assert_str_eq(r.content_type_out,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	ck_assert_str_eq(header_value(&r, "Content-Length"),
	    arena_printf(&arena, "%zu", body.len));
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((e = readdir(d)) != NULL)
		left += e->d_name[0] != '.';
	closedir(d);
	ck_assert_int_eq(left, 0);	/* the workbook's file was deleted */
	rmdir(dir);
	arena_free(&arena);
}
END_TEST

START_TEST(test_table_failure_before_sending_leaves_an_error_page)
{
	struct req	 r;
	struct table	 t;

	table_setup(&r);
	ck_assert_int_eq(table_begin(&t, &r, TABLE_CSV, "/nonexistent", "a", "a", true), 0);
	ck_assert_uint_eq(r.nheaders, 1);
	ck_assert_int_eq(table_fail(&t, 503), 503);
	ck_assert_uint_eq(r.nheaders, 0);	/* no Content-Disposition on the error page */
	ck_assert_ptr_null(r.content_type_out);
	ck_assert(!r.streamed);
	/* Excel in a directory that does not exist: refused at once. */
	ck_assert_int_eq(table_begin(&t, &r, TABLE_XLSX, "/nonexistent", "a", "a", true), -1);
	table_fail(&t, 500);
	arena_free(&arena);
}
END_TEST

Suite *
exports_suite(void)
{
	Suite	*s = suite_create("exports");
	TCase	*tc = tcase_create("csv");

	tcase_add_test(tc, test_csv_plain_and_crlf);
	tcase_add_test(tc, test_csv_quoting);
	tcase_add_test(tc, test_csv_formula_guard);
	tcase_add_test(tc, test_csv_bom_and_rows);
	tcase_add_test(tc, test_csv_write_failure_sticks);
	tcase_add_test(tc, test_csv_round_trip_with_the_reader);
	tcase_add_test(tc, test_month_range);
	tcase_add_test(tc, test_percent);
	suite_add_tcase(s, tc);
	tc = tcase_create("tables");
	tcase_add_test(tc, test_table_csv_for_an_applicant);
	tcase_add_test(tc, test_table_csv_streams_when_large);
	tcase_add_test(tc, test_table_xlsx_is_a_zip_and_its_file_is_gone);
	tcase_add_test(tc, test_table_failure_before_sending_leaves_an_error_page);
	suite_add_tcase(s, tc);
	return s;
}
