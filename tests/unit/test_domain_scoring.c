/* test_domain_scoring.c: the GB/T 27922 score sheet (DOMAIN.md, "Scoring"): items, exclusions, samples, rounding, special deductions and bonus, levels, the one-year policy, errors. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <check.h>

#include "../../cgi-bin/domain/scoring.h"
#include "suites.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

/* A byte that no field of a fresh result would hold: a result filled with it is "untouched". */
#define MARKER		0xA5
#define BAD_MARKER	((size_t)0xDEAD)

/* ---- helpers ---- */

static struct score_item
pts(int max, int obtained)
{
	struct score_item it = { .kind = ITEM_POINTS, .max_tenths = max,
	    .obtained_tenths = obtained };

	return it;
}

static struct score_item
sampled(int max, int checked, int nonconforming)
{
	struct score_item it = { .kind = ITEM_SAMPLED, .max_tenths = max,
	    .checked = checked, .nonconforming = nonconforming };

	return it;
}

static struct score_item
excluded(int max)
{
	/* Garbage in the fields an excluded item does not use: they must not count. */
	struct score_item it = { .kind = ITEM_EXCLUDED, .max_tenths = max,
	    .obtained_tenths = 9999, .checked = 0, .nonconforming = -3 };

	return it;
}

/* The default scheme of DOMAIN.md, in tenths, in the order of its table. */
static const int default_scheme[15] = {
	50, 60, 60, 60, 60, 60, 50,	/* service system: 40 points = 400 */
	50, 60, 60, 70, 60, 50,		/* product service: 35 points = 350 */
	120, 130,			/* customer service: 25 points = 250 */
};

/* Indices in default_scheme. */
enum { IX_ORGANIZATION = 0, IX_REPAIR = 10, IX_TAKE_BACK = 12 };

/* Score one item of the given maximum and obtained points: final = obtained when max is 1000. */
static enum score_error
compute_one(int max, int obtained, int deductions, bool bonus,
    const struct score_policy *p, struct score_result *r)
{
	struct score_item	it = pts(max, obtained);
	struct score_sheet	s = { .items = &it, .n = 1,
	    .special_deductions = deductions, .special_bonus = bonus };

	return score_compute(&s, p, r, NULL);
}

/* An error, *bad_item as wanted (or untouched when want_bad is BAD_MARKER), *out untouched. */
static void
expect_error(const char *what, const struct score_sheet *s, enum score_error want,
    size_t want_bad)
{
	struct score_result	out, before;
	size_t			bad = BAD_MARKER;
	enum score_error	e;

	memset(&out, MARKER, sizeof out);
	memcpy(&before, &out, sizeof out);
	e = score_compute(s, NULL, &out, &bad);
	ck_assert_msg(e == want, "%s: error %d, want %d", what, e, want);
	ck_assert_msg(bad == want_bad, "%s: bad_item %zu, want %zu", what, bad,
	    want_bad);
	ck_assert_msg(memcmp(&out, &before, sizeof out) == 0,
	    "%s: *out was written on an error", what);
}

/* ---- the default scheme ---- */

START_TEST(test_default_scheme_full)
{
	struct score_item	items[15];
	struct score_sheet	s = { .items = items, .n = 15 };
	struct score_result	r;
	int			total = 0;

	for (size_t i = 0; i < NELEM(items); i++) {
		items[i] = pts(default_scheme[i], default_scheme[i]);
		total += default_scheme[i];
	}
	/* 400 + 350 + 250 = 1000: the scheme itself adds up to 100 points. */
	ck_assert_int_eq(total, 1000);
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 1000);
	ck_assert_int_eq(r.applicable_tenths, 1000);
	ck_assert_int_eq(r.normalised_tenths, 1000);
	ck_assert_int_eq(r.final_tenths, 1000);
	ck_assert_int_eq(r.level, LEVEL_FIVE);
	ck_assert_int_eq(r.reason, REASON_SCORE);
}
END_TEST

/* A realistic sheet mixing the three kinds of item and the specials. */
START_TEST(test_default_scheme_mixed)
{
	struct score_item	items[15];
	struct score_sheet	s = { .items = items, .n = 15,
	    .special_deductions = 3, .special_bonus = true };
	struct score_result	r;

	for (size_t i = 0; i < NELEM(items); i++)
		items[i] = pts(default_scheme[i], default_scheme[i]);
	items[IX_ORGANIZATION] = pts(50, 30);		/* loses 2 points */
	items[IX_REPAIR] = sampled(70, 4, 1);		/* 70 × 3 ÷ 4 = 52.5 → 53 */
	items[IX_TAKE_BACK] = excluded(50);		/* not applicable */
	/*
	 * obtained: service system 400 − 50 + 30 = 380; product service
	 * 50 + 60 + 60 + 53 + 60 = 283; customer service 250: 913.
	 * applicable: 400 + (350 − 50) + 250 = 950.
	 * normalised: 913000 ÷ 950 = 961 r 50 (950 × 961 = 912950), .05 → 961.
	 * final: 961 − 3 × 10 + 10 = 941 → four-star.
	 */
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 913);
	ck_assert_int_eq(r.applicable_tenths, 950);
	ck_assert_int_eq(r.normalised_tenths, 961);
	ck_assert_int_eq(r.final_tenths, 941);
	ck_assert_int_eq(r.level, LEVEL_FOUR);
	ck_assert_int_eq(r.reason, REASON_SCORE);
}
END_TEST

/* ---- thresholds: one item of 1000 tenths, so final = obtained ---- */

START_TEST(test_thresholds_both_sides)
{
	static const struct {
		int			final;
		enum star_level		level;
		enum level_reason	reason;
	} cases[] = {
		{ 0, LEVEL_NONE, REASON_LOW_SCORE },
		{ 699, LEVEL_NONE, REASON_LOW_SCORE },
		{ 700, LEVEL_COMPLIANT, REASON_SCORE },
		{ 799, LEVEL_COMPLIANT, REASON_SCORE },
		{ 800, LEVEL_THREE, REASON_SCORE },
		{ 899, LEVEL_THREE, REASON_SCORE },
		{ 900, LEVEL_FOUR, REASON_SCORE },
		{ 949, LEVEL_FOUR, REASON_SCORE },
		{ 950, LEVEL_FIVE, REASON_SCORE },
		{ 1000, LEVEL_FIVE, REASON_SCORE },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct score_result r;

		/* obtained ÷ 1000 × 1000 = obtained exactly, no rounding. */
		ck_assert_int_eq(compute_one(1000, cases[i].final, 0, false, NULL,
		    &r), SCORE_OK);
		ck_assert_int_eq(r.normalised_tenths, cases[i].final);
		ck_assert_int_eq(r.final_tenths, cases[i].final);
		ck_assert_msg(r.level == cases[i].level,
		    "final %d: level %d, want %d", cases[i].final, r.level,
		    cases[i].level);
		ck_assert_msg(r.reason == cases[i].reason,
		    "final %d: reason %d, want %d", cases[i].final, r.reason,
		    cases[i].reason);
	}
}
END_TEST

/* ---- exclusions ---- */

START_TEST(test_exclusion_leaves_denominator)
{
	struct score_item	items[] = { pts(600, 500), excluded(400) };
	struct score_sheet	s = { .items = items, .n = NELEM(items) };
	struct score_result	r;

	/* 50 of 60 applicable, 40 excluded: 500000 ÷ 600 = 833.33 → 833, not 500 of 1000. */
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 500);
	ck_assert_int_eq(r.applicable_tenths, 600);
	ck_assert_int_eq(r.normalised_tenths, 833);
	ck_assert_int_eq(r.final_tenths, 833);
	ck_assert_int_eq(r.level, LEVEL_THREE);
}
END_TEST

START_TEST(test_exclusion_rounds_up)
{
	/* The excluded item comes first: its place in the sheet does not matter. */
	struct score_item	items[] = { excluded(100), pts(300, 200) };
	struct score_sheet	s = { .items = items, .n = NELEM(items) };
	struct score_result	r;

	/* 200000 ÷ 300 = 666.67 → 667. */
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 200);
	ck_assert_int_eq(r.applicable_tenths, 300);
	ck_assert_int_eq(r.normalised_tenths, 667);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_LOW_SCORE);
}
END_TEST

START_TEST(test_exclusion_all_but_one)
{
	struct score_item	items[15];
	struct score_sheet	s = { .items = items, .n = 15 };
	struct score_result	r;

	for (size_t i = 0; i < NELEM(items); i++)
		items[i] = excluded(default_scheme[i]);
	items[IX_ORGANIZATION] = pts(50, 30);
	/* 3 of 5 points: 30000 ÷ 50 = 600 → not certified. */
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 30);
	ck_assert_int_eq(r.applicable_tenths, 50);
	ck_assert_int_eq(r.normalised_tenths, 600);
	ck_assert_int_eq(r.final_tenths, 600);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_LOW_SCORE);

	/* The same one item full: 50 of 50 → 1000, five-star. */
	items[IX_ORGANIZATION] = pts(50, 50);
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.normalised_tenths, 1000);
	ck_assert_int_eq(r.level, LEVEL_FIVE);
}
END_TEST

START_TEST(test_nothing_applicable)
{
	struct score_item	items[15];
	struct score_sheet	all = { .items = items, .n = 15,
	    .special_bonus = true };
	struct score_sheet	none = { .items = NULL, .n = 0 };
	struct score_sheet	zero = { .items = items, .n = 0 };

	for (size_t i = 0; i < NELEM(items); i++)
		items[i] = excluded(default_scheme[i]);
	expect_error("all excluded", &all, SCORE_NOTHING_APPLICABLE, BAD_MARKER);
	expect_error("n = 0, no items", &none, SCORE_NOTHING_APPLICABLE,
	    BAD_MARKER);
	expect_error("n = 0", &zero, SCORE_NOTHING_APPLICABLE, BAD_MARKER);
}
END_TEST

/* ---- sampled items: points × (checked − nonconforming) ÷ checked, half up ---- */

START_TEST(test_item_sampled)
{
	static const struct {
		int	max, checked, nc, want;
	} cases[] = {
		{ 60, 10, 3, 42 },	/* 60 × 7 ÷ 10 = 42 exactly */
		{ 5, 2, 1, 3 },		/* 5 × 1 ÷ 2 = 2.5 → 3 (half up) */
		{ 70, 4, 1, 53 },	/* 70 × 3 ÷ 4 = 52.5 → 53 (half up) */
		{ 50, 3, 1, 33 },	/* 50 × 2 ÷ 3 = 33.33 → 33 (down) */
		{ 100, 9, 5, 44 },	/* 100 × 4 ÷ 9 = 44.44 → 44 (down, just under .5) */
		{ 100, 9, 4, 56 },	/* 100 × 5 ÷ 9 = 55.56 → 56 (up) */
		{ 60, 10, 0, 60 },	/* nothing nonconforming: the whole item */
		{ 60, 10, 10, 0 },	/* everything nonconforming: nothing */
		{ 60, 1, 0, 60 },	/* a single sample */
		{ 60, 1, 1, 0 },
		/* No overflow: 1000 × 5000000 = 5·10⁹ > INT_MAX; ÷ 10⁷ = 500 exactly. */
		{ 1000, 10000000, 5000000, 500 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct score_item	it = sampled(cases[i].max, cases[i].checked,
		    cases[i].nc);
		int			got = score_item_tenths(&it);

		ck_assert_msg(got == cases[i].want,
		    "%d × (%d − %d) ÷ %d: %d, want %d", cases[i].max,
		    cases[i].checked, cases[i].nc, cases[i].checked, got,
		    cases[i].want);
	}
}
END_TEST

START_TEST(test_item_points)
{
	struct score_item it;

	it = pts(60, 0);
	ck_assert_int_eq(score_item_tenths(&it), 0);
	it = pts(60, 1);
	ck_assert_int_eq(score_item_tenths(&it), 1);
	it = pts(60, 60);
	ck_assert_int_eq(score_item_tenths(&it), 60);
	it = pts(60, 61);
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = pts(60, -1);
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = pts(1, 1);
	ck_assert_int_eq(score_item_tenths(&it), 1);
	it = pts(0, 0);
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = pts(-10, -5);
	ck_assert_int_eq(score_item_tenths(&it), -1);
}
END_TEST

START_TEST(test_item_sampled_bad)
{
	struct score_item it;

	it = sampled(60, 0, 0);		/* nothing checked */
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = sampled(60, -1, 0);
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = sampled(60, 3, 4);		/* more nonconforming than checked */
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = sampled(60, 3, -1);
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = sampled(0, 3, 1);		/* no points */
	ck_assert_int_eq(score_item_tenths(&it), -1);
	it = sampled(-60, 3, 1);
	ck_assert_int_eq(score_item_tenths(&it), -1);
}
END_TEST

START_TEST(test_sampled_in_sheet)
{
	struct score_item	one = sampled(1000, 10, 3);
	struct score_sheet	s = { .items = &one, .n = 1 };
	struct score_result	r;

	/* 1000 × 7 ÷ 10 = 700 → compliant. */
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 700);
	ck_assert_int_eq(r.applicable_tenths, 1000);
	ck_assert_int_eq(r.final_tenths, 700);
	ck_assert_int_eq(r.level, LEVEL_COMPLIANT);

	/* 1000 × 7 ÷ 10 with one more sample nonconforming: 1000 × 6 ÷ 10 = 600 → none. */
	one = sampled(1000, 10, 4);
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 600);
	ck_assert_int_eq(r.level, LEVEL_NONE);
}
END_TEST

/* Each sampled item is rounded to a tenth before the sum, as DOMAIN.md orders it. */
START_TEST(test_sampled_rounded_per_item)
{
	struct score_item	items[] = { sampled(5, 2, 1), sampled(5, 2, 1) };
	struct score_sheet	s = { .items = items, .n = NELEM(items) };
	struct score_result	r;

	/*
	 * Each: 5 × 1 ÷ 2 = 2.5 → 3; obtained 3 + 3 = 6 (not 2.5 + 2.5 = 5);
	 * applicable 10; normalised 6000 ÷ 10 = 600.
	 */
	ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 6);
	ck_assert_int_eq(r.applicable_tenths, 10);
	ck_assert_int_eq(r.normalised_tenths, 600);
}
END_TEST

/* ---- the normalised score, half up ---- */

START_TEST(test_normalised_rounding)
{
	static const struct {
		int			max1, got1, max2, got2;
		int			norm;
		enum star_level		level;
	} cases[] = {
		/* 1899000 ÷ 2000 = 949.5 → 950: half up lifts it to five-star. */
		{ 1000, 1000, 1000, 899, 950, LEVEL_FIVE },
		/* 1399000 ÷ 2000 = 699.5 → 700: compliant. */
		{ 1000, 1000, 1000, 399, 700, LEVEL_COMPLIANT },
		/* 75000 ÷ 80 = 937.5 → 938. */
		{ 40, 40, 40, 35, 938, LEVEL_FOUR },
		/* 940000 ÷ 990: 990 × 949 = 939510, r 490, 490 ÷ 990 = .4949 → 949.49 → 949. */
		{ 900, 900, 90, 40, 949, LEVEL_FOUR },
		/* 1259000 ÷ 1800: 1800 × 699 = 1258200, r 800, .444 → 699.44 → 699. */
		{ 1000, 1000, 800, 259, 699, LEVEL_NONE },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct score_item	items[] = { pts(cases[i].max1, cases[i].got1),
		    pts(cases[i].max2, cases[i].got2) };
		struct score_sheet	s = { .items = items, .n = 2 };
		struct score_result	r;

		ck_assert_int_eq(score_compute(&s, NULL, &r, NULL), SCORE_OK);
		ck_assert_int_eq(r.obtained_tenths, cases[i].got1 + cases[i].got2);
		ck_assert_int_eq(r.applicable_tenths, cases[i].max1 + cases[i].max2);
		ck_assert_msg(r.normalised_tenths == cases[i].norm,
		    "case %zu: normalised %d, want %d", i, r.normalised_tenths,
		    cases[i].norm);
		ck_assert_int_eq(r.final_tenths, cases[i].norm);
		ck_assert_msg(r.level == cases[i].level, "case %zu: level %d, want %d",
		    i, r.level, cases[i].level);
	}
}
END_TEST

/* ---- special deductions and bonus ---- */

START_TEST(test_special_arithmetic)
{
	static const struct {
		int			obtained, deductions;
		bool			bonus;
		int			final;
		enum star_level		level;
		enum level_reason	reason;
	} cases[] = {
		{ 900, 1, false, 890, LEVEL_THREE, REASON_SCORE },	/* 900 − 10 */
		{ 900, 2, false, 880, LEVEL_THREE, REASON_SCORE },	/* 900 − 20 */
		{ 900, 0, true, 910, LEVEL_FOUR, REASON_SCORE },	/* 900 + 10 */
		{ 900, 2, true, 890, LEVEL_THREE, REASON_SCORE },	/* 900 − 20 + 10 */
		{ 940, 0, true, 950, LEVEL_FIVE, REASON_SCORE },	/* the bonus crosses 95 */
		{ 705, 1, false, 695, LEVEL_NONE, REASON_LOW_SCORE },	/* a deduction drops below 70 */
		{ 1000, 0, true, 1000, LEVEL_FIVE, REASON_SCORE },	/* 1010 capped at 1000 */
		{ 995, 0, true, 1000, LEVEL_FIVE, REASON_SCORE },	/* 1005 capped at 1000 */
		{ 1000, 1, true, 1000, LEVEL_FIVE, REASON_SCORE },	/* 1000 − 10 + 10, capped at the end */
		{ 0, 0, true, 10, LEVEL_NONE, REASON_LOW_SCORE },	/* 0 + 10 */
		{ 30, 4, false, 0, LEVEL_NONE, REASON_LOW_SCORE },	/* 30 − 40 = −10 → floor 0 */
		{ 0, 1, false, 0, LEVEL_NONE, REASON_LOW_SCORE },	/* 0 − 10 → 0 */
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct score_result r;

		ck_assert_int_eq(compute_one(1000, cases[i].obtained,
		    cases[i].deductions, cases[i].bonus, NULL, &r), SCORE_OK);
		/* The specials do not touch the normalised score. */
		ck_assert_int_eq(r.normalised_tenths, cases[i].obtained);
		ck_assert_msg(r.final_tenths == cases[i].final,
		    "case %zu: final %d, want %d", i, r.final_tenths,
		    cases[i].final);
		ck_assert_msg(r.level == cases[i].level, "case %zu: level %d, want %d",
		    i, r.level, cases[i].level);
		ck_assert_msg(r.reason == cases[i].reason,
		    "case %zu: reason %d, want %d", i, r.reason, cases[i].reason);
	}
}
END_TEST

START_TEST(test_deductions_level)
{
	struct score_result r;

	/* 4 deductions: 1000 − 40 = 960, still five-star. */
	ck_assert_int_eq(compute_one(1000, 1000, 4, false, NULL, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 960);
	ck_assert_int_eq(r.level, LEVEL_FIVE);
	ck_assert_int_eq(r.reason, REASON_SCORE);

	/* 4 deductions, 740 − 40 = 700: compliant, the lowest level, still granted. */
	ck_assert_int_eq(compute_one(1000, 740, 4, false, NULL, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 700);
	ck_assert_int_eq(r.level, LEVEL_COMPLIANT);
	ck_assert_int_eq(r.reason, REASON_SCORE);

	/* 5 deductions on a full score: 1000 − 50 = 950 would be five-star, but no level. */
	ck_assert_int_eq(compute_one(1000, 1000, 5, false, NULL, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 950);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_DEDUCTIONS);

	/* 5 deductions and the bonus: 1000 − 50 + 10 = 960, still no level. */
	ck_assert_int_eq(compute_one(1000, 1000, 5, true, NULL, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 960);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_DEDUCTIONS);

	/* 6: 1000 − 60 = 940, no level. */
	ck_assert_int_eq(compute_one(1000, 1000, 6, false, NULL, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 940);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_DEDUCTIONS);

	/* A huge count: the floor, no overflow (10 × INT_MAX does not fit an int). */
	ck_assert_int_eq(compute_one(1000, 1000, INT_MAX, true, NULL, &r),
	    SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 0);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_DEDUCTIONS);
}
END_TEST

/* ---- the stars-after-a-year policy ---- */

START_TEST(test_policy)
{
	const struct score_policy off = { .stars_after_a_year = false,
	    .compliant_for_a_year = false, .outstanding_tenths = 950 };
	const struct score_policy first = { .stars_after_a_year = true,
	    .compliant_for_a_year = false, .outstanding_tenths = 950 };
	const struct score_policy held = { .stars_after_a_year = true,
	    .compliant_for_a_year = true, .outstanding_tenths = 950 };
	const struct score_policy first900 = { .stars_after_a_year = true,
	    .compliant_for_a_year = false, .outstanding_tenths = 900 };
	static const struct {
		const char		*what;
		int			 obtained;
		int			 policy;	/* 0 NULL, 1 off, 2 first, 3 held, 4 first900 */
		enum star_level		 level;
		enum level_reason	 reason;
	} cases[] = {
		{ "NULL, 900", 900, 0, LEVEL_FOUR, REASON_SCORE },
		{ "off, 900", 900, 1, LEVEL_FOUR, REASON_SCORE },
		{ "off, 800", 800, 1, LEVEL_THREE, REASON_SCORE },
		{ "first year, 900", 900, 2, LEVEL_COMPLIANT, REASON_FIRST_YEAR },
		{ "first year, 800", 800, 2, LEVEL_COMPLIANT, REASON_FIRST_YEAR },
		{ "first year, 949", 949, 2, LEVEL_COMPLIANT, REASON_FIRST_YEAR },
		{ "first year, 950 outstanding", 950, 2, LEVEL_FIVE, REASON_SCORE },
		{ "first year, 1000 outstanding", 1000, 2, LEVEL_FIVE, REASON_SCORE },
		{ "first year, 700 already compliant", 700, 2, LEVEL_COMPLIANT,
		    REASON_SCORE },
		{ "first year, 699 never lifted", 699, 2, LEVEL_NONE,
		    REASON_LOW_SCORE },
		{ "first year, 0", 0, 2, LEVEL_NONE, REASON_LOW_SCORE },
		{ "held a year, 900", 900, 3, LEVEL_FOUR, REASON_SCORE },
		{ "held a year, 800", 800, 3, LEVEL_THREE, REASON_SCORE },
		{ "held a year, 699 never lifted", 699, 3, LEVEL_NONE,
		    REASON_LOW_SCORE },
		{ "outstanding 900, 900", 900, 4, LEVEL_FOUR, REASON_SCORE },
		{ "outstanding 900, 899", 899, 4, LEVEL_COMPLIANT,
		    REASON_FIRST_YEAR },
		{ "NULL, 699", 699, 0, LEVEL_NONE, REASON_LOW_SCORE },
	};
	const struct score_policy *policies[] = { NULL, &off, &first, &held,
	    &first900 };

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct score_result r;

		ck_assert_int_eq(compute_one(1000, cases[i].obtained, 0, false,
		    policies[cases[i].policy], &r), SCORE_OK);
		/* The policy caps the level, never the score. */
		ck_assert_msg(r.final_tenths == cases[i].obtained,
		    "%s: final %d", cases[i].what, r.final_tenths);
		ck_assert_msg(r.level == cases[i].level, "%s: level %d, want %d",
		    cases[i].what, r.level, cases[i].level);
		ck_assert_msg(r.reason == cases[i].reason, "%s: reason %d, want %d",
		    cases[i].what, r.reason, cases[i].reason);
	}
}
END_TEST

START_TEST(test_policy_specials)
{
	const struct score_policy first = { .stars_after_a_year = true,
	    .compliant_for_a_year = false, .outstanding_tenths = 950 };
	struct score_result r;

	/* The outstanding test reads the final figure: 940 + 10 = 950 → stars. */
	ck_assert_int_eq(compute_one(1000, 940, 0, true, &first, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 950);
	ck_assert_int_eq(r.level, LEVEL_FIVE);
	ck_assert_int_eq(r.reason, REASON_SCORE);

	/* 960 − 20 = 940 < 950 → capped at compliant. */
	ck_assert_int_eq(compute_one(1000, 960, 2, false, &first, &r), SCORE_OK);
	ck_assert_int_eq(r.final_tenths, 940);
	ck_assert_int_eq(r.level, LEVEL_COMPLIANT);
	ck_assert_int_eq(r.reason, REASON_FIRST_YEAR);

	/* The policy does not save a sheet with 5 deductions: 1000 − 50 = 950, no level. */
	ck_assert_int_eq(compute_one(1000, 1000, 5, false, &first, &r), SCORE_OK);
	ck_assert_int_eq(r.level, LEVEL_NONE);
	ck_assert_int_eq(r.reason, REASON_DEDUCTIONS);
}
END_TEST

/* ---- bad input ---- */

START_TEST(test_bad_items)
{
	static const struct {
		const char		*what;
		struct score_item	 bad;
	} cases[] = {
		{ "obtained > max", { .kind = ITEM_POINTS, .max_tenths = 50,
		    .obtained_tenths = 51 } },
		{ "obtained < 0", { .kind = ITEM_POINTS, .max_tenths = 50,
		    .obtained_tenths = -1 } },
		{ "max 0", { .kind = ITEM_POINTS, .max_tenths = 0,
		    .obtained_tenths = 0 } },
		{ "max < 0", { .kind = ITEM_POINTS, .max_tenths = -50,
		    .obtained_tenths = -60 } },
		{ "sampled max 0", { .kind = ITEM_SAMPLED, .max_tenths = 0,
		    .checked = 3, .nonconforming = 1 } },
		{ "sampled max < 0", { .kind = ITEM_SAMPLED, .max_tenths = -60,
		    .checked = 3, .nonconforming = 1 } },
		{ "checked 0", { .kind = ITEM_SAMPLED, .max_tenths = 60,
		    .checked = 0, .nonconforming = 0 } },
		{ "checked < 0", { .kind = ITEM_SAMPLED, .max_tenths = 60,
		    .checked = -2, .nonconforming = -3 } },
		{ "nonconforming > checked", { .kind = ITEM_SAMPLED,
		    .max_tenths = 60, .checked = 3, .nonconforming = 4 } },
		{ "nonconforming < 0", { .kind = ITEM_SAMPLED, .max_tenths = 60,
		    .checked = 3, .nonconforming = -1 } },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		char			what[96];
		/* Good, excluded, the bad one at index 2, then a second bad one. */
		struct score_item	items[] = { pts(60, 60), excluded(50),
		    cases[i].bad, pts(50, 51) };
		struct score_sheet	s = { .items = items, .n = NELEM(items) };
		struct score_sheet	first = { .items = &items[2], .n = 1 };

		snprintf(what, sizeof what, "%s at 2", cases[i].what);
		expect_error(what, &s, SCORE_BAD_ITEM, 2);
		snprintf(what, sizeof what, "%s alone", cases[i].what);
		expect_error(what, &first, SCORE_BAD_ITEM, 0);
		/* score_item_tenths agrees. */
		ck_assert_msg(score_item_tenths(&cases[i].bad) == -1,
		    "%s: score_item_tenths %d", cases[i].what,
		    score_item_tenths(&cases[i].bad));
	}
}
END_TEST

START_TEST(test_bad_item_first_of_several)
{
	struct score_item	items[] = { pts(60, 60), sampled(60, 3, 4),
	    pts(50, -1), sampled(60, 0, 0) };
	struct score_sheet	s = { .items = items, .n = NELEM(items) };
	struct score_item	last[] = { pts(60, 60), pts(50, 50), pts(50, 50),
	    sampled(60, 10, 11) };
	struct score_sheet	sl = { .items = last, .n = NELEM(last) };
	struct score_result	out, before;

	expect_error("first of three bad", &s, SCORE_BAD_ITEM, 1);
	expect_error("last item bad", &sl, SCORE_BAD_ITEM, 3);

	/* A bad item among excluded ones is still bad, not "nothing applicable". */
	{
		struct score_item	ex[] = { excluded(50), pts(50, 51) };
		struct score_sheet	se = { .items = ex, .n = NELEM(ex) };

		expect_error("bad after excluded", &se, SCORE_BAD_ITEM, 1);
	}

	/* bad_item may be NULL. */
	memset(&out, MARKER, sizeof out);
	memcpy(&before, &out, sizeof out);
	ck_assert_int_eq(score_compute(&s, NULL, &out, NULL), SCORE_BAD_ITEM);
	ck_assert_mem_eq(&out, &before, sizeof out);
}
END_TEST

START_TEST(test_bad_special)
{
	struct score_item	items[] = { pts(1000, 900) };
	struct score_sheet	s = { .items = items, .n = 1,
	    .special_deductions = -1 };
	struct score_sheet	sb = { .items = items, .n = 1,
	    .special_deductions = INT_MIN, .special_bonus = true };
	struct score_result	out, before;

	expect_error("deductions −1", &s, SCORE_BAD_SPECIAL, BAD_MARKER);
	expect_error("deductions INT_MIN", &sb, SCORE_BAD_SPECIAL, BAD_MARKER);
	memset(&out, MARKER, sizeof out);
	memcpy(&before, &out, sizeof out);
	ck_assert_int_eq(score_compute(&s, NULL, &out, NULL), SCORE_BAD_SPECIAL);
	ck_assert_mem_eq(&out, &before, sizeof out);

	/* 0 is fine: 900. */
	s.special_deductions = 0;
	ck_assert_int_eq(score_compute(&s, NULL, &out, NULL), SCORE_OK);
	ck_assert_int_eq(out.final_tenths, 900);
}
END_TEST

/* The edges that are not errors: obtained 0 and = max, nonconforming = checked. */
START_TEST(test_good_edges_are_not_errors)
{
	struct score_item	items[] = { pts(60, 0), pts(60, 60),
	    sampled(60, 3, 3), sampled(60, 3, 0), pts(1, 1) };
	struct score_sheet	s = { .items = items, .n = NELEM(items) };
	struct score_result	r;
	size_t			bad = BAD_MARKER;

	/* obtained 0 + 60 + 0 + 60 + 1 = 121 of 241: 121000 ÷ 241 = 502.07 → 502. */
	ck_assert_int_eq(score_compute(&s, NULL, &r, &bad), SCORE_OK);
	ck_assert_int_eq(r.obtained_tenths, 121);
	ck_assert_int_eq(r.applicable_tenths, 241);
	ck_assert_int_eq(r.normalised_tenths, 502);
}
END_TEST

/* ---- score_level ---- */

START_TEST(test_score_level_edges)
{
	static const struct {
		int			final, deductions;
		enum star_level		level;
	} cases[] = {
		{ 0, 0, LEVEL_NONE },
		{ 699, 0, LEVEL_NONE },
		{ 700, 0, LEVEL_COMPLIANT },
		{ 799, 0, LEVEL_COMPLIANT },
		{ 800, 0, LEVEL_THREE },
		{ 899, 0, LEVEL_THREE },
		{ 900, 0, LEVEL_FOUR },
		{ 949, 0, LEVEL_FOUR },
		{ 950, 0, LEVEL_FIVE },
		{ 1000, 0, LEVEL_FIVE },
		{ 1000, 4, LEVEL_FIVE },
		{ 700, 4, LEVEL_COMPLIANT },
		{ 699, 4, LEVEL_NONE },
		{ 1000, 5, LEVEL_NONE },
		{ 700, 5, LEVEL_NONE },
		{ 1000, 6, LEVEL_NONE },
		{ 1000, 100, LEVEL_NONE },
	};

	ck_assert_int_eq(SCORE_DEDUCTIONS_NO_LEVEL, 5);
	for (size_t i = 0; i < NELEM(cases); i++) {
		enum star_level l = score_level(cases[i].final,
		    cases[i].deductions);

		ck_assert_msg(l == cases[i].level,
		    "score_level(%d, %d) = %d, want %d", cases[i].final,
		    cases[i].deductions, l, cases[i].level);
	}
}
END_TEST

/* ---- names ---- */

START_TEST(test_level_names)
{
	ck_assert_str_eq(star_level_name(LEVEL_NONE), "none");
	ck_assert_str_eq(star_level_name(LEVEL_COMPLIANT), "compliant");
	ck_assert_str_eq(star_level_name(LEVEL_FIVE), "five_star");
	for (int l = 0; l < LEVEL__MAX; l++) {
		const char *name = star_level_name((enum star_level)l);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(name[0] != '\0', "level %d has no name", l);
		ck_assert_msg(star_level_parse(name) == l,
		    "level %d (\"%s\") parses to %d", l, name,
		    star_level_parse(name));
		for (int m = l + 1; m < LEVEL__MAX; m++)
			ck_assert_str_ne(name, star_level_name((enum star_level)m));
	}
	ck_assert_int_eq(star_level_parse("five_star"), LEVEL_FIVE);
	ck_assert_int_eq(star_level_parse("compliant"), LEVEL_COMPLIANT);
	ck_assert_int_eq(star_level_parse("none"), LEVEL_NONE);
}
END_TEST

START_TEST(test_level_parse_unknown)
{
	static const char *const unknown[] = {
		"", "FIVE_STAR", "Five_star", "five star", "five_star ",
		" none", "six_star", "five", "compliant\n", "达标级",
	};

	for (size_t i = 0; i < NELEM(unknown); i++)
		ck_assert_msg(star_level_parse(unknown[i]) == -1,
		    "\"%s\" parses to %d", unknown[i],
		    star_level_parse(unknown[i]));
}
END_TEST

Suite *
domain_scoring_suite(void)
{
	Suite	*s = suite_create("domain_scoring");
	TCase	*sh = tcase_create("sheet");
	TCase	*it = tcase_create("items");
	TCase	*sp = tcase_create("specials");
	TCase	*po = tcase_create("policy");
	TCase	*er = tcase_create("errors");
	TCase	*lv = tcase_create("levels");

	tcase_add_test(sh, test_default_scheme_full);
	tcase_add_test(sh, test_default_scheme_mixed);
	tcase_add_test(sh, test_thresholds_both_sides);
	tcase_add_test(sh, test_exclusion_leaves_denominator);
	tcase_add_test(sh, test_exclusion_rounds_up);
	tcase_add_test(sh, test_exclusion_all_but_one);
	tcase_add_test(sh, test_normalised_rounding);
	suite_add_tcase(s, sh);

	tcase_add_test(it, test_item_sampled);
	tcase_add_test(it, test_item_points);
	tcase_add_test(it, test_item_sampled_bad);
	tcase_add_test(it, test_sampled_in_sheet);
	tcase_add_test(it, test_sampled_rounded_per_item);
	suite_add_tcase(s, it);

	tcase_add_test(sp, test_special_arithmetic);
	tcase_add_test(sp, test_deductions_level);
	suite_add_tcase(s, sp);

	tcase_add_test(po, test_policy);
	tcase_add_test(po, test_policy_specials);
	suite_add_tcase(s, po);

	tcase_add_test(er, test_nothing_applicable);
	tcase_add_test(er, test_bad_items);
	tcase_add_test(er, test_bad_item_first_of_several);
	tcase_add_test(er, test_bad_special);
	tcase_add_test(er, test_good_edges_are_not_errors);
	suite_add_tcase(s, er);

	tcase_add_test(lv, test_score_level_edges);
	tcase_add_test(lv, test_level_names);
	tcase_add_test(lv, test_level_parse_unknown);
	suite_add_tcase(s, lv);
	return s;
}
