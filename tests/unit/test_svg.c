/* test_svg.c: the charts (axis, scale, bars, columns, a line, through chart.tpl), kept parts of pages, the calendar's dates and the monthly report's reminder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "../../cgi-bin/domain/date.h"
#include "../../cgi-bin/http/arena.h"
#include "../../cgi-bin/http/buf.h"
#include "../../cgi-bin/http/request.h"
#include "../../cgi-bin/view/i18n.h"
#include "../../cgi-bin/view/svg.h"
#include "../../cgi-bin/view/tmpl.h"
#include "../../cgi-bin/view/view.h"
#include "suites.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

/* ---- geometry ---- */

START_TEST(test_axis)
{
	static const struct {
		long long	max, top, step;
	} cases[] = {
		{ 0, 1, 1 }, { -5, 1, 1 }, { 1, 1, 1 }, { 5, 5, 1 }, { 6, 6, 2 },
		{ 10, 10, 2 }, { 11, 15, 5 }, { 25, 25, 5 }, { 26, 30, 10 },
		{ 37, 40, 10 }, { 123, 150, 50 }, { 2840, 3000, 1000 },
		{ 96500, 100000, 20000 }, { 600, 600, 200 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		long long top, step;

		chart_axis(cases[i].max, &top, &step);
		ck_assert_msg(top == cases[i].top && step == cases[i].step,
		    "max %lld: top %lld step %lld", cases[i].max, top, step);
		/* At most five steps, the top a multiple of the step, at or above the max. */
		ck_assert(top / step <= 5 && top % step == 0 && top >= cases[i].max);
	}
	{
		long long top, step;

		chart_axis(9000000000000000000LL, &top, &step);
		ck_assert(top >= 9000000000000000000LL && step > 0);
	}
}
END_TEST

START_TEST(test_scale_is_proportional)
{
	ck_assert_int_eq(chart_scale(0, 100, 200), 0);
	ck_assert_int_eq(chart_scale(50, 100, 200), 100);
	ck_assert_int_eq(chart_scale(100, 100, 200), 200);
	ck_assert_int_eq(chart_scale(25, 100, 220), 55);
	/* Rounded half up; above the top or below zero stays in the frame. */
	ck_assert_int_eq(chart_scale(1, 8, 4), 1);
	ck_assert_int_eq(chart_scale(3, 8, 4), 2);
	ck_assert_int_eq(chart_scale(500, 100, 200), 200);
	ck_assert_int_eq(chart_scale(-3, 100, 200), 0);
	/* A value above zero always shows. */
	ck_assert_int_eq(chart_scale(1, 1000000, 200), 1);
	/* No scale at all: nothing drawn, nothing divided by zero. */
	ck_assert_int_eq(chart_scale(5, 0, 200), 0);
	ck_assert_int_eq(chart_scale(5, 10, 0), 0);
}
END_TEST

START_TEST(test_number)
{
	char s[32];

	ck_assert_str_eq(chart_number(0, 0, s), "0");
	ck_assert_str_eq(chart_number(96500, 0, s), "96500");
	ck_assert_str_eq(chart_number(125, 1, s), "12.5");
	ck_assert_str_eq(chart_number(7, 1, s), "0.7");
	ck_assert_str_eq(chart_number(-5, 1, s), "-0.5");
	ck_assert_str_eq(chart_number(-9223372036854775807LL - 1, 0, s), "-9223372036854775808");
}
END_TEST

/* ---- drawn through templates/chart.tpl ---- */

/* The catalogs and templates once per process (ctemplate keeps them). */
static void
load(void)
{
	static int loaded;

	if (!loaded) {
		ck_assert_int_eq(i18n_load("po"), 0);
		ck_assert_int_eq(view_load("templates"), 0);
		loaded = 1;
	}
}

/* Chart c drawn in lang into a NUL-terminated string (the caller frees it). */
static char *
draw(const struct chart *c, const char *lang)
{
	struct tmpl_dict	*d;
	struct buf		 out = { 0 };
	char			 key[32];

	load();
	ck_assert_ptr_nonnull(d = tmpl_dict_new());
	chart_fill(d, c);
	snprintf(key, sizeof(key), "%s/chart", lang);
	ck_assert_int_eq(tmpl_expand(key, d, &out), 0);
	buf_append(&out, "", 1);
	ck_assert(!out.failed);
	tmpl_dict_free(d);
	return out.data;
}

/* The value of attribute name in the n-th (0-based) element starting with tag. */
static long
attr(const char *svg, const char *tag, int n, const char *name)
{
	const char	*p = svg, *a;
	char		 pat[32];

	for (int i = 0; i <= n; i++) {
		ck_assert_msg((p = strstr(p, tag)) != NULL, "no %d-th %s", n, tag);
		if (i < n)
			p++;
	}
	snprintf(pat, sizeof(pat), " %s=\"", name);
	ck_assert_ptr_nonnull(a = strstr(p, pat));
	return strtol(a + strlen(pat), NULL, 10);
}

static int
count(const char *s, const char *what)
{
	int n = 0;

	for (; (s = strstr(s, what)) != NULL; s++)
		n++;
	return n;
}

START_TEST(test_bars_proportional_and_escaped)
{
	const struct chart_point points[] = {
		{ "<b>有效</b> & \"x\"", 300, false, "valid" },
		{ "暂停", 150, false, "suspended" },
		{ "撤销", 0, false, "withdrawn" },
	};
	const struct chart c = { CHART_BARS, "t1", "证书<状态>", "desc \"quoted\"",
	    "状态", "证书数", points, NELEM(points), 0, 1 };
	char	*svg = draw(&c, "zh-CN");
	long	 w0, w1, w2;

	ck_assert_int_eq(count(svg, "<g class=\"chart-bar"), 3);
	w0 = attr(svg, "<rect", 0, "width");
	w1 = attr(svg, "<rect", 1, "width");
	w2 = attr(svg, "<rect", 2, "width");
	ck_assert_int_gt(w0, 100);
	/* Half the value, half the length (to the pixel); zero, nothing. */
	ck_assert_int_le(labs(w0 - 2 * w1), 1);
	ck_assert_int_eq(w2, 0);
	ck_assert_ptr_nonnull(strstr(svg, "chart-c-suspended"));
	/* Text is escaped wherever it lands: the labels, the title, the table. */
	ck_assert_ptr_null(strstr(svg, "<b>"));
	ck_assert_ptr_nonnull(strstr(svg, "&lt;b&gt;有效&lt;/b&gt; &amp; &quot;x&quot;"));
	ck_assert_ptr_nonnull(strstr(svg, "证书&lt;状态&gt;"));
	ck_assert_ptr_null(strstr(svg, "\"quoted\""));
	/* Accessible: named by its title, described, and its figures as a table. */
	ck_assert_ptr_nonnull(strstr(svg, "role=\"img\" aria-labelledby=\"t1-title\""));
	ck_assert_ptr_nonnull(strstr(svg, "<desc id=\"t1-desc\">"));
	ck_assert_ptr_nonnull(strstr(svg, "<td class=\"num\">150</td>"));
	ck_assert_ptr_nonnull(strstr(svg, "查看数据表"));
	free(svg);
}
END_TEST

START_TEST(test_columns_heights_and_zero_data)
{
	struct chart_point	 points[4] = {
		{ "2026-01", 40, false, NULL }, { "2026-02", 10, false, NULL },
		{ "2026-03", 0, false, NULL }, { "2026-04", 20, false, NULL },
	};
	struct chart		 c = { CHART_COLUMNS, "t2", "发证数", "d", "月份", "证书数",
				     points, NELEM(points), 0, 2 };
	char			*svg = draw(&c, "en"), *d;
	int			 tops[4], n = 0, bottom = 0;

	/* One path of rectangles "M x bottom V top H x2 V bottom Z": the zero month has none. */
	ck_assert_ptr_nonnull(d = strstr(svg, "class=\"chart-shape-columns\" d=\""));
	for (const char *p = strchr(d, 'M'); p != NULL && *p == 'M' && n < 4; n++) {
		double	x, x2;
		int	b, t, b2;

		ck_assert_int_eq(sscanf(p, "M%lf %dV%dH%lfV%dZ", &x, &b, &t, &x2, &b2), 5);
		ck_assert(b == b2 && t < b && x2 > x);
		bottom = b;
		tops[n] = t;
		p = strchr(p, 'Z') + 1;
		if (*p == ' ')
			p++;
	}
	/* Axis 0..40 in steps of 10: heights 40, 10 and 20 of it. */
	ck_assert_int_eq(bottom - tops[0], 4 * (bottom - tops[1]));
	ck_assert_int_eq(bottom - tops[2], 2 * (bottom - tops[1]));
	ck_assert_int_eq(count(svg, "class=\"chart-rule\""), 5);
	/* Every other period labelled, the data table whole. */
	ck_assert_int_eq(count(svg, "class=\"chart-period"), 2);
	ck_assert_int_eq(count(svg, "<th scope=\"row\">2026-0"), 4);
	ck_assert_ptr_null(strstr(svg, "chart-empty"));
	free(svg);

	/* Nothing but zeros: no axis, no shapes, a word instead. */
	for (size_t i = 0; i < NELEM(points); i++)
		points[i].value = 0;
	svg = draw(&c, "en");
	ck_assert_ptr_nonnull(strstr(svg, "class=\"chart-empty\""));
	ck_assert_ptr_nonnull(strstr(svg, "No data yet"));
	ck_assert_ptr_null(strstr(svg, "chart-shape-columns"));
	ck_assert_ptr_null(strstr(svg, "chart-rule"));
	ck_assert_ptr_null(strstr(svg, "nan"));
	free(svg);

	/* No periods at all. */
	c.npoints = 0;
	svg = draw(&c, "zh-CN");
	ck_assert_ptr_nonnull(strstr(svg, "暂无数据"));
	free(svg);
}
END_TEST

START_TEST(test_line_breaks_where_values_miss)
{
	const struct chart_point points[] = {
		{ "1", 100, false, NULL }, { "2", 200, false, NULL }, { "3", 0, true, NULL },
		{ "4", 150, false, NULL }, { "5", 50, false, NULL },
	};
	const struct chart c = { CHART_LINE, "t3", "天数", "d", "月份", "平均天数",
	    points, NELEM(points), 1, 1 };
	char		*svg = draw(&c, "zh-CN");
	const char	*d;

	ck_assert_ptr_nonnull(d = strstr(svg, "class=\"chart-shape-line\" d=\""));
	d += strlen("class=\"chart-shape-line\" d=\"");
	/* Two runs: M L, then (after the gap) M L. */
	ck_assert_int_eq(d[0], 'M');
	{
		char	path[256];
		size_t	n = strcspn(d, "\"");

		ck_assert_uint_lt(n, sizeof(path));
		memcpy(path, d, n);
		path[n] = '\0';
		ck_assert_int_eq(count(path, "M"), 2);
		ck_assert_int_eq(count(path, "L"), 2);
	}
	/* A dot per value, none for the missing month, which reads as a dash. */
	ck_assert_int_eq(count(svg, "a4 4 0 1 0 8 0"), 4);
	ck_assert_ptr_nonnull(strstr(svg, "<td class=\"num\">\xe2\x80\x94</td>"));
	/* Tenths: 15.0 reads so in the table; whole steps on the axis. */
	ck_assert_ptr_nonnull(strstr(svg, "<td class=\"num\">15.0</td>"));
	ck_assert_ptr_nonnull(strstr(svg, ">20</text>"));
	free(svg);
}
END_TEST

/* ---- parts of pages kept per worker (view_cached_include) ---- */

static int fills;

static int
fill_chart(struct req *r, struct tmpl_dict *d, void *arg)
{
	(void)r;
	fills++;
	chart_fill(d, arg);
	return 0;
}

/* The figures panel with its chart kept under key, expanded into a string (the caller frees it). */
static char *
figures_page(struct req *r, struct chart *c, const char *key)
{
	struct tmpl_dict	*root, *sec;
	struct buf		 out = { 0 };

	ck_assert_ptr_nonnull(root = tmpl_dict_new());
	ck_assert_ptr_nonnull(sec = tmpl_section(root, "CHART"));
	ck_assert_int_eq(view_cached_include(r, sec, "CHART_SVG", "chart", key, fill_chart,
	    c), 0);
	ck_assert_int_eq(tmpl_expand("zh-CN/dashboard_figures", root, &out), 0);
	buf_append(&out, "", 1);
	tmpl_dict_free(root);
	return out.data;
}

START_TEST(test_cached_parts)
{
	const struct chart_point points[] = { { "{{TITLE}}<x>", 3, false, NULL } };
	struct chart		 c = { CHART_BARS, "t4", "图", "d", "状态", "数", points, 1, 0, 1 };
	struct arena		 a;
	struct req		 r;
	char			*first, *again, *other;

	load();
	arena_init(&a, 4096, 0);
	memset(&r, 0, sizeof(r));
	r.arena = &a;
	r.lang = LANG_ZH;
	fills = 0;
	first = figures_page(&r, &c, "k1");
	ck_assert_int_eq(fills, 1);
	/* Kept as a template of its own, a name someone typed cannot act as a marker. */
	ck_assert_ptr_nonnull(strstr(first, "&#123;&#123;TITLE}}&lt;x&gt;"));
	ck_assert_ptr_null(strstr(first, "{{"));
	ck_assert_ptr_nonnull(strstr(first, "id=\"figures\""));
	again = figures_page(&r, &c, "k1");
	ck_assert_int_eq(fills, 1);
	ck_assert_str_eq(again, first);
	other = figures_page(&r, &c, "k2");
	ck_assert_int_eq(fills, 2);
	ck_assert_str_eq(other, first);
	/* The other language is kept apart. */
	r.lang = LANG_EN;
	free(figures_page(&r, &c, "k2"));
	ck_assert_int_eq(fills, 3);
	free(first);
	free(again);
	free(other);
	arena_free(&a);
}
END_TEST

/* ---- dates of the calendar and the report ---- */

START_TEST(test_dates)
{
	char	out[11];
	int	y, w, d;

	ck_assert(date_add_days("2026-11-24", 1 - 2, out));
	ck_assert_str_eq(out, "2026-11-23");
	ck_assert(date_add_days("2026-12-28", 7, out));
	ck_assert_str_eq(out, "2027-01-04");
	ck_assert(date_add_days("2028-02-28", 1, out));
	ck_assert_str_eq(out, "2028-02-29");
	ck_assert(!date_add_days("2026-02-30", 1, out));
	ck_assert(date_iso_week("2026-11-24", &y, &w, &d));
	ck_assert(y == 2026 && w == 48 && d == 2);
	/* ISO weeks across the year's end. */
	ck_assert(date_iso_week("2026-12-31", &y, &w, &d));
	ck_assert(y == 2026 && w == 53 && d == 4);
	ck_assert(date_iso_week("2027-01-03", &y, &w, &d));
	ck_assert(y == 2026 && w == 53 && d == 7);
	ck_assert(date_iso_week("2027-01-04", &y, &w, &d));
	ck_assert(y == 2027 && w == 1 && d == 1);
	ck_assert(!date_iso_week("nonsense", &y, &w, &d));
}
END_TEST

START_TEST(test_report_due)
{
	char month[8], due[11];

	ck_assert(date_report_due("2026-11-01", month, due));
	ck_assert_str_eq(month, "2026-10");
	ck_assert_str_eq(due, "2026-11-10");
	ck_assert(date_report_due("2026-11-10", month, due));
	ck_assert(!date_report_due("2026-11-11", month, due));
	ck_assert(!date_report_due("2026-11-30", month, due));
	ck_assert(date_report_due("2027-01-05", month, due));
	ck_assert_str_eq(month, "2026-12");
	ck_assert_str_eq(due, "2027-01-10");
	ck_assert(!date_report_due("2027-13-05", month, due));
}
END_TEST

Suite *
svg_suite(void)
{
	Suite	*s = suite_create("svg");
	TCase	*g = tcase_create("geometry");
	TCase	*t = tcase_create("drawn");
	TCase	*d = tcase_create("dates");

	tcase_add_test(g, test_axis);
	tcase_add_test(g, test_scale_is_proportional);
	tcase_add_test(g, test_number);
	suite_add_tcase(s, g);
	tcase_add_test(t, test_bars_proportional_and_escaped);
	tcase_add_test(t, test_columns_heights_and_zero_data);
	tcase_add_test(t, test_line_breaks_where_values_miss);
	tcase_add_test(t, test_cached_parts);
	suite_add_tcase(s, t);
	tcase_add_test(d, test_dates);
	tcase_add_test(d, test_report_due);
	suite_add_tcase(s, d);
	return s;
}
