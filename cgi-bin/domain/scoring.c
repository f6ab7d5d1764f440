/* scoring.c: the score sheet's arithmetic in integer tenths, as DOMAIN.md states it. */
#include <string.h>

#include "scoring.h"

static const char *const level_names[LEVEL__MAX] = {
	[LEVEL_NONE] = "none",
	[LEVEL_COMPLIANT] = "compliant",
	[LEVEL_THREE] = "three_star",
	[LEVEL_FOUR] = "four_star",
	[LEVEL_FIVE] = "five_star",
};

/* The lowest final score of each level, in tenths. */
static const int level_floor[LEVEL__MAX] = {
	[LEVEL_NONE] = 0,
	[LEVEL_COMPLIANT] = 700,
	[LEVEL_THREE] = 800,
	[LEVEL_FOUR] = 900,
	[LEVEL_FIVE] = 950,
};

/* a ÷ b rounded half up, for a ≥ 0 and b > 0. */
static long long
div_half_up(long long a, long long b)
{
	return (2 * a + b) / (2 * b);
}

int
score_item_tenths(const struct score_item *it)
{
	if (it->max_tenths <= 0 || it->max_tenths > 1000)
		return -1;
	switch (it->kind) {
	case ITEM_POINTS:
		if (it->obtained_tenths < 0 || it->obtained_tenths > it->max_tenths)
			return -1;
		return it->obtained_tenths;
	case ITEM_SAMPLED:
		if (it->checked <= 0 || it->nonconforming < 0 ||
		    it->nonconforming > it->checked)
			return -1;
		return (int)div_half_up((long long)it->max_tenths *
		    (it->checked - it->nonconforming), it->checked);
	default:
		return -1;
	}
}

enum star_level
score_level(int final_tenths, int special_deductions)
{
	if (special_deductions >= SCORE_DEDUCTIONS_NO_LEVEL)
		return LEVEL_NONE;
	for (int l = LEVEL__MAX - 1; l > LEVEL_NONE; l--)
		if (final_tenths >= level_floor[l])
			return (enum star_level)l;
	return LEVEL_NONE;
}

enum score_error
score_compute(const struct score_sheet *s, const struct score_policy *p,
    struct score_result *out, size_t *bad_item)
{
	struct score_result	r = { 0 };
	long long		obtained = 0, applicable = 0, final;

	if (s->special_deductions < 0)
		return SCORE_BAD_SPECIAL;
	for (size_t i = 0; i < s->n; i++) {
		const struct score_item	*it = &s->items[i];
		bool			 excluded = it->kind == ITEM_EXCLUDED;
		int			 got = excluded ? 0 : score_item_tenths(it);

		if (got < 0 || it->max_tenths <= 0 || it->max_tenths > 1000) {
			if (bad_item != NULL)
				*bad_item = i;
			return SCORE_BAD_ITEM;
		}
		if (!excluded) {
			obtained += got;
			applicable += it->max_tenths;
		}
	}
	if (applicable == 0)
		return SCORE_NOTHING_APPLICABLE;
	r.obtained_tenths = (int)obtained;
	r.applicable_tenths = (int)applicable;
	r.normalised_tenths = (int)div_half_up(obtained * 1000, applicable);
	final = r.normalised_tenths - 10LL * s->special_deductions +
	    (s->special_bonus ? 10 : 0);
	r.final_tenths = (int)(final > 1000 ? 1000 : final < 0 ? 0 : final);
	r.level = score_level(r.final_tenths, s->special_deductions);
	if (s->special_deductions >= SCORE_DEDUCTIONS_NO_LEVEL)
		r.reason = REASON_DEDUCTIONS;
	else if (r.level == LEVEL_NONE)
		r.reason = REASON_LOW_SCORE;
	else if (r.level > LEVEL_COMPLIANT && p != NULL && p->stars_after_a_year &&
	    !p->compliant_for_a_year && r.final_tenths < p->outstanding_tenths) {
		r.level = LEVEL_COMPLIANT;
		r.reason = REASON_FIRST_YEAR;
	} else
		r.reason = REASON_SCORE;
	*out = r;
	return SCORE_OK;
}

const char *
star_level_name(enum star_level l)
{
	return (unsigned)l < LEVEL__MAX ? level_names[l] : "none";
}

int
star_level_parse(const char *s)
{
	for (int i = 0; s != NULL && i < LEVEL__MAX; i++)
		if (strcmp(s, level_names[i]) == 0)
			return i;
	return -1;
}
