/* mandays.c: audit sampling and man-days in integers, so every screen agrees. */
#include <stddef.h>

#include "mandays.h"

int
mandays_sample(int permille, int n)
{
	long long	 target;
	int		 s = 0;

	if (n <= 0)
		return 0;
	/* The least s with 1000·s ≥ permille·√n, i.e. 10^6·s² ≥ permille²·n. */
	target = permille > 0 ? (long long)permille * permille * n : 0;
	while ((long long)s * s * 1000000 < target)
		s++;
	if (s < 1)
		s = 1;
	return s > n ? n : s;
}

int
mandays_estimate(const struct mandays_rules *r, enum audit_type type,
    int fixed_outlets, int categories, struct mandays_estimate *out)
{
	int sample, extra;

	if ((unsigned)type >= AUDIT_TYPE__MAX || fixed_outlets < 0 ||
	    fixed_outlets > 1000000 || categories < 0 || categories > 1000 ||
	    r->sample_permille[type] < 1 || r->sample_permille[type] > 10000 ||
	    r->base_halfdays < 0 || r->base_halfdays > 1000 ||
	    r->per_outlet_halfdays < 1 || r->per_outlet_halfdays > 100 ||
	    r->per_extra_category_halfdays < 0 || r->per_extra_category_halfdays > 100)
		return -1;
	sample = mandays_sample(r->sample_permille[type], fixed_outlets);
	extra = categories > 1 ? categories - 1 : 0;
	out->sample_outlets = sample;
	out->halfdays = r->base_halfdays + sample * r->per_outlet_halfdays +
	    extra * r->per_extra_category_halfdays;
	return 0;
}

int
mandays_parse(const char *s)
{
	long	whole = 0;
	int	digits = 0, half = 0;

	if (s == NULL)
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 4)
			return -1;
		whole = whole * 10 + (*s - '0');
	}
	if (digits == 0)
		return -1;
	if (*s == '.' || *s == ',') {
		s++;
		if (*s == '5')
			half = 1;
		else if (*s != '0')
			return -1;
		s++;
		if (*s == '0')
			s++;
	}
	if (*s != '\0' || whole > 1000 || (whole == 1000 && half) ||
	    (whole == 0 && !half))
		return -1;
	return (int)(whole * 2 + half);
}
