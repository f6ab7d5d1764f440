/* scoring.h: the GB/T 27922 score sheet turned into the final score and star level (DOMAIN.md, "Scoring"). */
#ifndef STARCERT_SCORING_H
#define STARCERT_SCORING_H

#include <stdbool.h>
#include <stddef.h>

/* Every figure is in integer tenths of a point: 86.4 is 864. */

enum score_item_kind {
	ITEM_POINTS = 0,	/* points obtained, 0 to the maximum */
	ITEM_EXCLUDED,		/* not applicable (删减): leaves the denominator */
	ITEM_SAMPLED,		/* checked on samples: proportional deduction */
};

struct score_item {
	enum score_item_kind	kind;
	int			max_tenths;	/* the indicator's points in the scheme, > 0 */
	int			obtained_tenths; /* ITEM_POINTS */
	int			checked;	/* ITEM_SAMPLED: samples checked, > 0 */
	int			nonconforming;	/* ITEM_SAMPLED: of those, 0..checked */
};

struct score_sheet {
	const struct score_item	*items;
	size_t			 n;
	int			 special_deductions;	/* each −1 point */
	bool			 special_bonus;		/* +1 point, at most one */
};

/* The body's policy: stars only after a year at the compliant level, unless outstanding. */
struct score_policy {
	bool	stars_after_a_year;	/* the setting; off by default */
	bool	compliant_for_a_year;	/* the organization has held the compliant level a year */
	int	outstanding_tenths;	/* a score at least this is outstanding (e.g. 950) */
};

enum star_level {
	LEVEL_NONE = 0,		/* not certified */
	LEVEL_COMPLIANT,	/* 达标级, ≥ 70 */
	LEVEL_THREE,		/* 三星级, ≥ 80 */
	LEVEL_FOUR,		/* 四星级, ≥ 90 */
	LEVEL_FIVE,		/* 五星级, ≥ 95 */
	LEVEL__MAX
};

/* Why the level is what it is, for the page that shows it. */
enum level_reason {
	REASON_SCORE = 0,	/* the score's band */
	REASON_LOW_SCORE,	/* below 70 */
	REASON_DEDUCTIONS,	/* 5 or more special deductions */
	REASON_FIRST_YEAR,	/* capped at compliant by the one-year policy */
};

struct score_result {
	int			obtained_tenths;	/* sum over applicable items */
	int			applicable_tenths;	/* their maximum */
	int			normalised_tenths;	/* obtained ÷ applicable × 100, half up */
	int			final_tenths;		/* − deductions + bonus, in 0..1000 */
	enum star_level		level;
	enum level_reason	reason;
};

enum score_error {
	SCORE_OK = 0,
	SCORE_NOTHING_APPLICABLE,	/* every item excluded (or none) */
	SCORE_BAD_ITEM,			/* points out of range, samples inconsistent */
	SCORE_BAD_SPECIAL,		/* negative deductions */
};

/* The special deductions at which no level is granted. */
#define SCORE_DEDUCTIONS_NO_LEVEL	5

/*
 * score_compute: the final score and level of a sheet (DOMAIN.md's
 * arithmetic: sampled items keep max × (checked − nonconforming) ÷ checked,
 * half up; normalised half up; then −10 per deduction, +10 for the bonus,
 * capped to 0..1000).  *bad_item is set to the first bad item's index on
 * SCORE_BAD_ITEM (may be NULL).  Nothing is written to *out on an error.
 */
enum score_error score_compute(const struct score_sheet *, const struct score_policy *,
	    struct score_result *out, size_t *bad_item);

/* score_item_tenths: what one applicable item obtains (-1 when it is bad). */
int		 score_item_tenths(const struct score_item *);

/* score_level: the level for a final score and the number of special deductions, before the policy. */
enum star_level	 score_level(int final_tenths, int special_deductions);

/* star_level_name: the stable names ("five_star", "compliant", "none"). */
const char	*star_level_name(enum star_level);
int		 star_level_parse(const char *);	/* -1 when unknown */

#endif
