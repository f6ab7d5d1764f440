/* svg.h: charts drawn on the server as inline SVG: the geometry here, the markup in chart.tpl. */
#ifndef STARCERT_SVG_H
#define STARCERT_SVG_H

#include <stdbool.h>
#include <stddef.h>

struct tmpl_dict;

enum chart_kind {
	CHART_BARS,	/* a horizontal bar per category, its label at the left, its value at its end */
	CHART_COLUMNS,	/* a column per period over a value axis */
	CHART_LINE,	/* a line over periods with a dot per value, broken where one is missing */
};

struct chart_point {
	const char	*label;		/* the category or period */
	long long	 value;		/* in units of 10^-decimals of the chart */
	bool		 missing;	/* no value at all (a month without decisions), not zero */
	const char	*css;		/* suffix of its class (chart-bar-valid), or NULL */
};

struct chart {
	enum chart_kind		  kind;
	const char		 *id;		/* unique in the page: names the title and description */
	const char		 *title, *desc;
	const char		 *label_heading, *value_heading;	/* the data table's columns */
	const struct chart_point *points;
	size_t			  npoints;
	int			  decimals;	/* 0: whole numbers; 1: tenths */
	unsigned		  label_every;	/* columns and line: label every nth period (0 as 1) */
};

/*
 * chart_axis: the value axis for values up to max: a step of 1, 2 or 5
 * times a power of ten, the smallest giving at most five steps, and the
 * top, the first multiple of the step at or above max (max below 1 as 1).
 */
void		 chart_axis(long long max, long long *top, long long *step);

/*
 * chart_scale: value out of top as a length out of full, rounded half up,
 * within 0 and full; a value above 0 is at least 1 long, so that it shows.
 */
int		 chart_scale(long long value, long long top, int full);

/* chart_number: value in units of 10^-decimals as text ("12", "-0.5") in out. */
const char	*chart_number(long long value, int decimals, char out[32]);

/*
 * chart_fill: chart c's shapes, value axis, period labels and data table
 * into d, the dictionary of an include of templates/chart.tpl.  Text goes
 * into the template as variables, so that ctemplate escapes it.
 */
void		 chart_fill(struct tmpl_dict *d, const struct chart *c);

#endif
