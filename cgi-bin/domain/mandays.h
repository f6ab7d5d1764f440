/* mandays.h: how many outlets an audit visits and how many man-days it needs (IAF MD1's rule of thumb). */
#ifndef STARCERT_MANDAYS_H
#define STARCERT_MANDAYS_H

enum audit_type {
	AUDIT_INITIAL = 0,	/* 初审 */
	AUDIT_SURVEILLANCE,	/* 监督 1 and 2, and special surveillance */
	AUDIT_RECERTIFICATION,	/* 再认证 */
	AUDIT_TYPE__MAX
};

/* The body's rules; the defaults are settings (mandays_* in db/settings.c). */
struct mandays_rules {
	int	sample_permille[AUDIT_TYPE__MAX];	/* k in k·√n, in thousandths: 1000, 600, 800 */
	int	base_halfdays;			/* the head office, in half man-days */
	int	per_outlet_halfdays;		/* each fixed outlet visited: at least 1 (0.5 man-day) */
	int	per_extra_category_halfdays;	/* each product category beyond the first */
};

struct mandays_estimate {
	int	sample_outlets;		/* fixed outlets to visit */
	int	halfdays;		/* man-days × 2 */
};

/*
 * mandays_estimate: for fixed_outlets fixed outlets (mobile ones are not
 * visited) and categories product categories: visit ceil(k·√n) of the fixed
 * outlets, at least one when there is any and never more than there are;
 * man-days = base + per outlet visited + per extra category.  Returns 0, or
 * -1 for negative counts or rules out of range (k from 1 to 10000
 * thousandths, at most 1000 half-days base and 100 per outlet or category;
 * nothing is written).
 */
int	mandays_estimate(const struct mandays_rules *, enum audit_type,
	    int fixed_outlets, int categories, struct mandays_estimate *);

/* mandays_sample: ceil(permille/1000 · √n) bounded to [1, n] (0 for n = 0). */
int	mandays_sample(int permille, int n);

/*
 * mandays_parse: man-days as a person types them ("3", "2.5", "2.0", "2,5")
 * into half-days; -1 for anything else, or outside 0.5 to 1000 man-days.
 */
int	mandays_parse(const char *);

#endif
