/* test_domain_audit.c: audit team eligibility, audit and nonconformity states, report blockers, points as typed. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <check.h>

#include "../../cgi-bin/domain/audit.h"
#include "suites.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

/* ---- auditor_refusal ---- */

/* A candidate that passes every rule. */
static const struct auditor_check fit = {
	.auditor = true,
	.has_profile = true,
	.valid_through_end = true,
	.covers_categories = true,
	.conflict = false,
};

START_TEST(test_refusal_all_fit)
{
	struct auditor_check c = fit;

	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_OK);
	ck_assert_int_eq(AUDITOR_OK, 0);
}
END_TEST

START_TEST(test_refusal_each_single)
{
	struct auditor_check c;

	c = fit;
	c.auditor = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NOT_AUDITOR);

	c = fit;
	c.has_profile = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NO_PROFILE);

	c = fit;
	c.valid_through_end = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_QUALIFICATION_LAPSED);

	c = fit;
	c.covers_categories = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_CATEGORIES);

	c = fit;
	c.conflict = true;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_CONFLICT);
}
END_TEST

START_TEST(test_refusal_adjacent_pairs)
{
	struct auditor_check c;

	/* not auditor before no profile */
	c = fit;
	c.auditor = false;
	c.has_profile = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NOT_AUDITOR);

	/* no profile before qualification lapsed */
	c = fit;
	c.has_profile = false;
	c.valid_through_end = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NO_PROFILE);

	/* qualification lapsed before categories */
	c = fit;
	c.valid_through_end = false;
	c.covers_categories = false;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_QUALIFICATION_LAPSED);

	/* categories before conflict */
	c = fit;
	c.covers_categories = false;
	c.conflict = true;
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_CATEGORIES);
}
END_TEST

START_TEST(test_refusal_several)
{
	struct auditor_check c;

	/* Everything wrong: the first rule. */
	c = (struct auditor_check){ false, false, false, false, true };
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NOT_AUDITOR);

	/* Everything but the role wrong. */
	c = (struct auditor_check){ true, false, false, false, true };
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NO_PROFILE);

	/* Lapsed and conflicted, categories fine. */
	c = (struct auditor_check){ true, true, false, true, true };
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_QUALIFICATION_LAPSED);

	/* Not an auditor, only a conflict besides. */
	c = (struct auditor_check){ false, true, true, true, true };
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NOT_AUDITOR);

	/* No profile and a conflict. */
	c = (struct auditor_check){ true, false, true, true, true };
	ck_assert_int_eq(auditor_refusal(&c), AUDITOR_NO_PROFILE);
}
END_TEST

START_TEST(test_refusal_names)
{
	ck_assert_int_eq(AUDITOR_REFUSAL__MAX, 6);
	for (int r = 0; r < AUDITOR_REFUSAL__MAX; r++) {
		const char *name = auditor_refusal_name((enum auditor_refusal)r);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(name[0] != '\0', "refusal %d has no name", r);
		ck_assert_msg(strcmp(name, "unknown") != 0,
		    "refusal %d is named \"unknown\"", r);
		for (int s = r + 1; s < AUDITOR_REFUSAL__MAX; s++)
			ck_assert_msg(strcmp(name,
			    auditor_refusal_name((enum auditor_refusal)s)) != 0,
			    "refusals %d and %d share \"%s\"", r, s, name);
	}
	/* The documented example. */
	ck_assert_str_eq(auditor_refusal_name(AUDITOR_CONFLICT), "conflict");
	/* Out of range, either side. */
	ck_assert_str_eq(auditor_refusal_name(AUDITOR_REFUSAL__MAX), "unknown");
	ck_assert_str_eq(auditor_refusal_name((enum auditor_refusal)99),
	    "unknown");
	ck_assert_str_eq(auditor_refusal_name((enum auditor_refusal)-1),
	    "unknown");
}
END_TEST

/* ---- audit states ---- */

START_TEST(test_audit_state_round_trip)
{
	ck_assert_int_eq(AUDIT_STATE__MAX, 5);
	for (int s = 0; s < AUDIT_STATE__MAX; s++) {
		const char *name = audit_state_name((enum audit_state)s);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(name[0] != '\0', "audit state %d has no name", s);
		ck_assert_msg(audit_state_parse(name) == s,
		    "audit state %d (\"%s\") parses to %d", s, name,
		    audit_state_parse(name));
		for (int t = s + 1; t < AUDIT_STATE__MAX; t++)
			ck_assert_str_ne(name,
			    audit_state_name((enum audit_state)t));
	}
	ck_assert_str_eq(audit_state_name(AUDIT_STATE__MAX), "unknown");
}
END_TEST

START_TEST(test_audit_state_parse_unknown)
{
	ck_assert_int_eq(audit_state_parse(NULL), -1);
	ck_assert_int_eq(audit_state_parse(""), -1);
	ck_assert_int_eq(audit_state_parse("unknown"), -1);
	ck_assert_int_eq(audit_state_parse("x"), -1);
	ck_assert_int_eq(audit_state_parse("PLANNED"), -1);
	ck_assert_int_eq(audit_state_parse("planned "), -1);
	ck_assert_int_eq(audit_state_parse("plan"), -1);
	ck_assert_int_eq(audit_state_parse("open"), -1);	/* an nc state */
}
END_TEST

START_TEST(test_audit_sheet_editable)
{
	ck_assert(!audit_sheet_editable(AUDIT_PLANNED));
	ck_assert(audit_sheet_editable(AUDIT_CONFIRMED));
	ck_assert(!audit_sheet_editable(AUDIT_REPORTED));
	ck_assert(!audit_sheet_editable(AUDIT_EVALUATED));
	ck_assert(!audit_sheet_editable(AUDIT_DECIDED));
	ck_assert(!audit_sheet_editable(AUDIT_STATE__MAX));
}
END_TEST

/* ---- nonconformity states ---- */

START_TEST(test_nc_state_round_trip)
{
	ck_assert_int_eq(NC_STATE__MAX, 4);
	for (int s = 0; s < NC_STATE__MAX; s++) {
		const char *name = nc_state_name((enum nc_state)s);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(name[0] != '\0', "nc state %d has no name", s);
		ck_assert_msg(nc_state_parse(name) == s,
		    "nc state %d (\"%s\") parses to %d", s, name,
		    nc_state_parse(name));
		for (int t = s + 1; t < NC_STATE__MAX; t++)
			ck_assert_str_ne(name, nc_state_name((enum nc_state)t));
	}
	ck_assert_str_eq(nc_state_name(NC_STATE__MAX), "unknown");
}
END_TEST

START_TEST(test_nc_state_parse_unknown)
{
	ck_assert_int_eq(nc_state_parse(NULL), -1);
	ck_assert_int_eq(nc_state_parse(""), -1);
	ck_assert_int_eq(nc_state_parse("unknown"), -1);
	ck_assert_int_eq(nc_state_parse("OPEN"), -1);
	ck_assert_int_eq(nc_state_parse(" open"), -1);
	ck_assert_int_eq(nc_state_parse("planned"), -1);	/* an audit state */
}
END_TEST

START_TEST(test_nc_turns)
{
	ck_assert(nc_applicant_may_answer(NC_OPEN));
	ck_assert(!nc_applicant_may_answer(NC_ANSWERED));
	ck_assert(nc_applicant_may_answer(NC_RETURNED));
	ck_assert(!nc_applicant_may_answer(NC_CLOSED));

	ck_assert(!nc_team_may_verify(NC_OPEN));
	ck_assert(nc_team_may_verify(NC_ANSWERED));
	ck_assert(!nc_team_may_verify(NC_RETURNED));
	ck_assert(!nc_team_may_verify(NC_CLOSED));
}
END_TEST

/* ---- report_blockers ---- */

START_TEST(test_report_none)
{
	struct report_facts f = { 0 };

	ck_assert_uint_eq(report_blockers(&f), 0);
	f.serious_blocks = true;
	ck_assert_uint_eq(report_blockers(&f), 0);
}
END_TEST

START_TEST(test_report_each_alone)
{
	struct report_facts f;

	f = (struct report_facts){ .unscored = 1 };
	ck_assert_uint_eq(report_blockers(&f), REPORT_UNSCORED);
	f = (struct report_facts){ .unscored = 17 };
	ck_assert_uint_eq(report_blockers(&f), REPORT_UNSCORED);

	f = (struct report_facts){ .serious_open = 1, .serious_blocks = true };
	ck_assert_uint_eq(report_blockers(&f), REPORT_SERIOUS_OPEN);
	f = (struct report_facts){ .serious_open = 3, .serious_blocks = true };
	ck_assert_uint_eq(report_blockers(&f), REPORT_SERIOUS_OPEN);

	f = (struct report_facts){ .nothing_applicable = true };
	ck_assert_uint_eq(report_blockers(&f), REPORT_NOTHING_APPLICABLE);
}
END_TEST

START_TEST(test_report_serious_not_blocking)
{
	struct report_facts f;

	f = (struct report_facts){ .serious_open = 2, .serious_blocks = false };
	ck_assert_uint_eq(report_blockers(&f), 0);

	/* The others still count. */
	f = (struct report_facts){ .unscored = 1, .serious_open = 2,
	    .serious_blocks = false, .nothing_applicable = true };
	ck_assert_uint_eq(report_blockers(&f), 1u | 4u);
}
END_TEST

START_TEST(test_report_combinations)
{
	struct report_facts f;

	ck_assert_uint_eq(REPORT_UNSCORED, 1);
	ck_assert_uint_eq(REPORT_SERIOUS_OPEN, 2);
	ck_assert_uint_eq(REPORT_NOTHING_APPLICABLE, 4);

	f = (struct report_facts){ .unscored = 2, .serious_open = 1,
	    .serious_blocks = true };
	ck_assert_uint_eq(report_blockers(&f), 3);

	f = (struct report_facts){ .unscored = 5, .nothing_applicable = true };
	ck_assert_uint_eq(report_blockers(&f), 5);

	f = (struct report_facts){ .serious_open = 1, .serious_blocks = true,
	    .nothing_applicable = true };
	ck_assert_uint_eq(report_blockers(&f), 6);

	f = (struct report_facts){ .unscored = 1, .serious_open = 1,
	    .serious_blocks = true, .nothing_applicable = true };
	ck_assert_uint_eq(report_blockers(&f), 7);
}
END_TEST

/* ---- points_tenths_parse ---- */

START_TEST(test_points_accepts)
{
	static const struct {
		const char	*in;
		int		 want;
	} cases[] = {
		{ "4", 40 },
		{ "4.5", 45 },
		{ "4,5", 45 },
		{ "0", 0 },
		{ "0.0", 0 },
		{ "100", 1000 },
		{ "100.0", 1000 },
		{ "12.3", 123 },
	};

	for (size_t i = 0; i < NELEM(cases); i++)
		ck_assert_msg(points_tenths_parse(cases[i].in) == cases[i].want,
		    "\"%s\": %d, want %d", cases[i].in,
		    points_tenths_parse(cases[i].in), cases[i].want);
}
END_TEST

START_TEST(test_points_refuses)
{
	static const char *const cases[] = {
		"", "100.1", "101", "-1", "4.", ".5", "4.55", "1000", "abc",
		" 4", "4 ", "4.5.0", "+4",
	};

	ck_assert_int_eq(points_tenths_parse(NULL), -1);
	for (size_t i = 0; i < NELEM(cases); i++)
		ck_assert_msg(points_tenths_parse(cases[i]) == -1,
		    "\"%s\": %d, want -1", cases[i],
		    points_tenths_parse(cases[i]));
}
END_TEST

Suite *
domain_audit_suite(void)
{
	Suite	*s = suite_create("domain_audit");
	TCase	*ar = tcase_create("auditor_refusal");
	TCase	*st = tcase_create("states");
	TCase	*rb = tcase_create("report_blockers");
	TCase	*pt = tcase_create("points_tenths_parse");

	tcase_add_test(ar, test_refusal_all_fit);
	tcase_add_test(ar, test_refusal_each_single);
	tcase_add_test(ar, test_refusal_adjacent_pairs);
	tcase_add_test(ar, test_refusal_several);
	tcase_add_test(ar, test_refusal_names);
	suite_add_tcase(s, ar);

	tcase_add_test(st, test_audit_state_round_trip);
	tcase_add_test(st, test_audit_state_parse_unknown);
	tcase_add_test(st, test_audit_sheet_editable);
	tcase_add_test(st, test_nc_state_round_trip);
	tcase_add_test(st, test_nc_state_parse_unknown);
	tcase_add_test(st, test_nc_turns);
	suite_add_tcase(s, st);

	tcase_add_test(rb, test_report_none);
	tcase_add_test(rb, test_report_each_alone);
	tcase_add_test(rb, test_report_serious_not_blocking);
	tcase_add_test(rb, test_report_combinations);
	suite_add_tcase(s, rb);

	tcase_add_test(pt, test_points_accepts);
	tcase_add_test(pt, test_points_refuses);
	suite_add_tcase(s, pt);
	return s;
}
