/* svg.c: the geometry of the dashboards' charts (bars, columns, a line) for templates/chart.tpl. */
#include <limits.h>
#include <stdio.h>

#include "../http/buf.h"
#include "svg.h"
#include "tmpl.h"

/* Bars: a row per category; labels right-aligned before LABEL_END, values after the bar. */
#define BARS_WIDTH	480
#define BARS_PAD	8
#define BARS_ROW	34
#define BARS_THICK	20
#define BARS_LABEL_END	112
#define BARS_X		120
#define BARS_VALUE_ROOM	64

/* Columns and line: the plot between LEFT and RIGHT, TOP and BOTTOM; period labels below. */
#define PLOT_WIDTH	720
#define PLOT_HEIGHT	280
#define PLOT_LEFT	76
#define PLOT_RIGHT	712
#define PLOT_TOP	26
#define PLOT_BOTTOM	234
#define PLOT_LABEL_Y	262
#define TEXT_MIDDLE	5	/* from a line's y to the baseline of text centred on it */

void
chart_axis(long long max, long long *top, long long *step)
{
	static const int	mult[] = { 1, 2, 5 };
	long long		power = 1;

	if (max < 1)
		max = 1;
	for (;;) {
		for (size_t i = 0; i < sizeof(mult) / sizeof(mult[0]); i++) {
			long long s = power * mult[i], n = max / s + (max % s != 0);

			if (n <= 5) {
				*step = s;
				*top = n * s;
				return;
			}
		}
		if (power > LLONG_MAX / 100) {
			*step = *top = max;
			return;
		}
		power *= 10;
	}
}

int
chart_scale(long long value, long long top, int full)
{
	double	 x;
	int	 n;

	if (value <= 0 || top <= 0 || full <= 0)
		return 0;
	if (value >= top)
		return full;
	x = (double)value * full / (double)top + 0.5;
	n = (int)x;
	return n < 1 ? 1 : n > full ? full : n;
}

const char *
chart_number(long long value, int decimals, char out[32])
{
	unsigned long long v = value < 0 ? 0ULL - (unsigned long long)value :
	    (unsigned long long)value;

	if (decimals <= 0)
		snprintf(out, 32, "%s%llu", value < 0 ? "-" : "", v);
	else
		snprintf(out, 32, "%s%llu.%llu", value < 0 ? "-" : "", v / 10, v % 10);
	return out;
}

/* A coordinate with one decimal ("27.5"). */
static void
set_coord(struct tmpl_dict *d, const char *name, double v)
{
	char s[32];

	snprintf(s, sizeof(s), "%.1f", v);
	tmpl_set(d, name, s);
}

static void
set_value(struct tmpl_dict *d, const char *name, const struct chart *c, size_t i)
{
	char s[32];

	tmpl_set(d, name, c->points[i].missing ? "\xe2\x80\x94" :	/* an em dash */
	    chart_number(c->points[i].value, c->decimals, s));
}

/* The largest value, 0 when none is above it or all are missing. */
static long long
chart_max(const struct chart *c)
{
	long long max = 0;

	for (size_t i = 0; i < c->npoints; i++)
		if (!c->points[i].missing && c->points[i].value > max)
			max = c->points[i].value;
	return max;
}

static void
fill_bars(struct tmpl_dict *d, const struct chart *c, long long max)
{
	const int full = BARS_WIDTH - BARS_X - BARS_VALUE_ROOM;

	tmpl_set_int(d, "WIDTH", BARS_WIDTH);
	tmpl_set_int(d, "HEIGHT", 2 * BARS_PAD + (long long)c->npoints * BARS_ROW);
	for (size_t i = 0; i < c->npoints; i++) {
		struct tmpl_dict	*b = tmpl_section(d, "BAR");
		int			 y = BARS_PAD + (int)i * BARS_ROW + (BARS_ROW - BARS_THICK) / 2;
		int			 w = c->points[i].missing ? 0 :
					     chart_scale(c->points[i].value, max, full);

		if (b == NULL)
			return;
		tmpl_set(b, "LABEL", c->points[i].label);
		set_value(b, "VALUE", c, i);
		tmpl_set(b, "CSS", c->points[i].css != NULL ? c->points[i].css : "default");
		tmpl_set_int(b, "X", BARS_X);
		tmpl_set_int(b, "Y", y);
		tmpl_set_int(b, "W", w);
		tmpl_set_int(b, "H", BARS_THICK);
		tmpl_set_int(b, "LX", BARS_LABEL_END);
		tmpl_set_int(b, "VX", BARS_X + w + 6);
		tmpl_set_int(b, "TY", y + BARS_THICK / 2 + TEXT_MIDDLE);
	}
}

/* The value axis of columns and line charts: a grid line and a figure per step. */
static void
fill_grid(struct tmpl_dict *d, const struct chart *c, long long top, long long step)
{
	const int full = PLOT_BOTTOM - PLOT_TOP;

	for (long long v = 0; v <= top; v += step) {
		struct tmpl_dict	*g = tmpl_section(d, "GRID");
		char			 s[32];
		int			 y = PLOT_BOTTOM - chart_scale(v, top, full);

		if (g == NULL)
			return;
		tmpl_set_int(g, "Y", y);
		tmpl_set_int(g, "TY", y + TEXT_MIDDLE);
		/* Steps of whole units read as whole numbers (20, not 20.0). */
		tmpl_set(g, "VALUE", c->decimals > 0 && step % 10 == 0 ?
		    chart_number(v / 10, 0, s) : chart_number(v, c->decimals, s));
		if (v > LLONG_MAX - step)
			break;
	}
}

/* A number for a path with one decimal, a trailing ".0" left out. */
static void
path_number(struct buf *b, double v)
{
	long tenths = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));

	if (tenths < 0) {
		buf_puts(b, "-");
		tenths = -tenths;
	}
	if (tenths % 10 == 0)
		buf_printf(b, "%ld", tenths / 10);
	else
		buf_printf(b, "%ld.%ld", tenths / 10, tenths % 10);
}

/*
 * The periods of a columns or line chart: a label every so many periods,
 * and the shapes as paths, so that a chart of two years is a handful of
 * template values: the columns as one path of rectangles, the line as one
 * path (a gap where a value is missing) with the dots as another.
 */
static void
fill_periods(struct tmpl_dict *d, const struct chart *c, long long top)
{
	const double	 slot = (double)(PLOT_RIGHT - PLOT_LEFT) / (double)c->npoints;
	const int	 full = PLOT_BOTTOM - PLOT_TOP;
	const unsigned	 every = c->label_every > 1 ? c->label_every : 1;
	struct buf	 shape = { 0 }, dots = { 0 };
	bool		 pen_down = false;
	struct tmpl_dict *s;

	for (size_t i = 0; i < c->npoints; i++) {
		const struct chart_point	*p = &c->points[i];
		double				 mid = PLOT_LEFT + slot * ((double)i + 0.5);
		int				 h = p->missing ? 0 : chart_scale(p->value, top, full);

		if (i % every == 0 && (s = tmpl_section(d, "PERIOD")) != NULL) {
			tmpl_set(s, "LABEL", p->label);
			set_coord(s, "X", mid);
			/* Every other label stays where there is room for fewer. */
			if (i % (2 * every) == 0)
				tmpl_show(s, "MAJOR");
		}
		if (p->missing) {
			pen_down = false;
			continue;
		}
		if (c->kind == CHART_COLUMNS) {
			if (h == 0)
				continue;
			/* A rectangle from the baseline up: M x bottom V top H x+w V bottom Z. */
			buf_puts(&shape, shape.len > 0 ? " M" : "M");
			path_number(&shape, mid - slot * 0.32);
			buf_printf(&shape, " %dV%d", PLOT_BOTTOM, PLOT_BOTTOM - h);
			buf_puts(&shape, "H");
			path_number(&shape, mid + slot * 0.32);
			buf_printf(&shape, "V%dZ", PLOT_BOTTOM);
			continue;
		}
		buf_puts(&shape, shape.len > 0 ? (pen_down ? " L" : " M") : "M");
		path_number(&shape, mid);
		buf_printf(&shape, " %d", PLOT_BOTTOM - h);
		pen_down = true;
		/* A dot: two half circles of radius 4 around the point. */
		buf_puts(&dots, dots.len > 0 ? " M" : "M");
		path_number(&dots, mid - 4);
		buf_printf(&dots, " %da4 4 0 1 0 8 0a4 4 0 1 0 -8 0", PLOT_BOTTOM - h);
	}
	if (!shape.failed && !dots.failed && shape.len > 0 &&
	    (s = tmpl_section(d, c->kind == CHART_COLUMNS ? "COLUMNS" : "LINE")) != NULL) {
		buf_append(&shape, "", 1);
		buf_append(&dots, "", 1);
		tmpl_set(s, "D", shape.data);
		tmpl_set(s, "DOTS", dots.data != NULL ? dots.data : "");
	}
	buf_free(&shape);
	buf_free(&dots);
}

void
chart_fill(struct tmpl_dict *d, const struct chart *c)
{
	static const char *const kinds[] = { "bars", "columns", "line" };
	long long	 max = chart_max(c), top, step;

	tmpl_set(d, "ID", c->id);
	tmpl_set(d, "KIND", kinds[c->kind]);
	tmpl_set(d, "TITLE", c->title);
	tmpl_set(d, "DESC", c->desc);
	tmpl_set(d, "LABEL_HEADING", c->label_heading);
	tmpl_set(d, "VALUE_HEADING", c->value_heading);
	for (size_t i = 0; i < c->npoints; i++) {
		struct tmpl_dict *row = tmpl_section(d, "ROW");

		if (row == NULL)
			return;
		tmpl_set(row, "LABEL", c->points[i].label);
		set_value(row, "VALUE", c, i);
	}
	if (c->kind == CHART_BARS) {
		fill_bars(d, c, max > 0 ? max : 1);
		return;
	}
	tmpl_set_int(d, "WIDTH", PLOT_WIDTH);
	tmpl_set_int(d, "HEIGHT", PLOT_HEIGHT);
	/* Nothing to draw over time: say so where the plot would be. */
	if (c->npoints == 0 || max == 0) {
		struct tmpl_dict *e = tmpl_section(d, "EMPTY");

		if (e != NULL) {
			tmpl_set_int(e, "X", (PLOT_LEFT + PLOT_RIGHT) / 2);
			tmpl_set_int(e, "Y", (PLOT_TOP + PLOT_BOTTOM) / 2);
		}
		return;
	}
	chart_axis(max, &top, &step);
	tmpl_set_int(d, "X1", PLOT_LEFT);
	tmpl_set_int(d, "X2", PLOT_RIGHT);
	tmpl_set_int(d, "TX", PLOT_LEFT - 8);
	tmpl_set_int(d, "PERIOD_Y", PLOT_LABEL_Y);
	fill_grid(d, c, top, step);
	fill_periods(d, c, top);
}
