/* test_domain_review.c: review verdicts, criteria and accept blockers; man-days as typed; PostgreSQL array literals. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "../../cgi-bin/db/db.h"
#include "../../cgi-bin/domain/mandays.h"
#include "../../cgi-bin/domain/review.h"
#include "../../cgi-bin/http/arena.h"
#include "suites.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

/* ---- verdicts and criteria ---- */

START_TEST(test_verdict_round_trip)
{
	for (int v = 0; v < VERDICT__MAX; v++) {
		const char *name = verdict_name((enum verdict)v);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(verdict_parse(name) == v,
		    "verdict %d (\"%s\") parses to %d", v, name,
		    verdict_parse(name));
	}
	ck_assert_str_eq(verdict_name(VERDICT_NONE), "");
	ck_assert_str_eq(verdict_name(VERDICT_ACCEPTED), "accepted");
	ck_assert_str_eq(verdict_name(VERDICT_SUPPLEMENT), "supplement");
	ck_assert_str_eq(verdict_name(VERDICT_NOT_APPLICABLE), "not_applicable");
	/* Every judged verdict has a name of its own. */
	for (int v = 1; v < VERDICT__MAX; v++) {
		ck_assert_str_ne(verdict_name((enum verdict)v), "");
		for (int w = v + 1; w < VERDICT__MAX; w++)
			ck_assert_str_ne(verdict_name((enum verdict)v),
			    verdict_name((enum verdict)w));
	}
	/* Out of range: empty, not a crash. */
	ck_assert_str_eq(verdict_name(VERDICT__MAX), "");
}
END_TEST

START_TEST(test_verdict_parse_edges)
{
	ck_assert_int_eq(verdict_parse(""), VERDICT_NONE);
	ck_assert_int_eq(verdict_parse(NULL), VERDICT_NONE);
	ck_assert_int_eq(verdict_parse("ACCEPTED"), -1);
	ck_assert_int_eq(verdict_parse("x"), -1);
	ck_assert_int_eq(verdict_parse("accepted "), -1);
	ck_assert_int_eq(verdict_parse("accept"), -1);
	ck_assert_int_eq(verdict_parse("none"), -1);
}
END_TEST

START_TEST(test_verdict_needs_comment)
{
	ck_assert(!verdict_needs_comment(VERDICT_NONE));
	ck_assert(!verdict_needs_comment(VERDICT_ACCEPTED));
	ck_assert(verdict_needs_comment(VERDICT_SUPPLEMENT));
	ck_assert(verdict_needs_comment(VERDICT_NOT_APPLICABLE));
}
END_TEST

START_TEST(test_criterion_names)
{
	ck_assert_int_eq(CRITERION__MAX, 6);
	for (int c = 0; c < CRITERION__MAX; c++) {
		const char *name = criterion_name((enum criterion)c);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(name[0] != '\0', "criterion %d has no name", c);
		for (int d = c + 1; d < CRITERION__MAX; d++)
			ck_assert_msg(strcmp(name,
			    criterion_name((enum criterion)d)) != 0,
			    "criteria %d and %d share \"%s\"", c, d, name);
	}
	ck_assert_str_eq(criterion_name(CRITERION__MAX), "");
}
END_TEST

/* ---- review_accept_blockers ---- */

static const bool all_met[CRITERION__MAX] = { true, true, true, true, true, true };

/* A poisoned output array, to see what was written. */
static void
poison(struct review_blocker *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (struct review_blocker){ BLOCKER__MAX, 999 };
}

START_TEST(test_blockers_none)
{
	const struct review_item items[] = {
		{ true, VERDICT_ACCEPTED },
		{ true, VERDICT_ACCEPTED },
		{ false, VERDICT_ACCEPTED },
		{ false, VERDICT_NOT_APPLICABLE },
	};
	struct review_blocker out[8];

	poison(out, NELEM(out));
	ck_assert_uint_eq(review_accept_blockers(items, NELEM(items), all_met,
	    out, NELEM(out)), 0);
	ck_assert_int_eq(out[0].kind, BLOCKER__MAX);	/* nothing written */
	/* No items at all, every criterion met. */
	ck_assert_uint_eq(review_accept_blockers(NULL, 0, all_met, out,
	    NELEM(out)), 0);
}
END_TEST

START_TEST(test_blockers_required_open)
{
	const struct review_item items[] = {
		{ true, VERDICT_ACCEPTED },
		{ false, VERDICT_ACCEPTED },
		{ true, VERDICT_NONE },
		{ true, VERDICT_ACCEPTED },
	};
	struct review_blocker out[8];

	poison(out, NELEM(out));
	ck_assert_uint_eq(review_accept_blockers(items, NELEM(items), all_met,
	    out, NELEM(out)), 1);
	ck_assert_int_eq(out[0].kind, BLOCKER_REQUIRED_OPEN);
	ck_assert_uint_eq(out[0].index, 2);
	ck_assert_int_eq(out[1].kind, BLOCKER__MAX);
}
END_TEST

START_TEST(test_blockers_optional_open)
{
	const struct review_item items[] = {
		{ true, VERDICT_ACCEPTED },
		{ false, VERDICT_NONE },
		{ false, VERDICT_NONE },
	};
	struct review_blocker out[4];

	poison(out, NELEM(out));
	ck_assert_uint_eq(review_accept_blockers(items, NELEM(items), all_met,
	    out, NELEM(out)), 0);
	ck_assert_int_eq(out[0].kind, BLOCKER__MAX);
}
END_TEST

START_TEST(test_blockers_supplement)
{
	/* Optional or required, a supplement flag blocks; once each. */
	for (int req = 0; req < 2; req++) {
		const struct review_item items[] = {
			{ true, VERDICT_ACCEPTED },
			{ req != 0, VERDICT_SUPPLEMENT },
		};
		struct review_blocker out[4];

		poison(out, NELEM(out));
		ck_assert_msg(review_accept_blockers(items, NELEM(items),
		    all_met, out, NELEM(out)) == 1, "required %d", req);
		ck_assert_int_eq(out[0].kind, BLOCKER_SUPPLEMENT_OPEN);
		ck_assert_uint_eq(out[0].index, 1);
		ck_assert_int_eq(out[1].kind, BLOCKER__MAX);
	}
}
END_TEST

START_TEST(test_blockers_required_not_applicable)
{
	const struct review_item items[] = {
		{ true, VERDICT_NOT_APPLICABLE },
		{ true, VERDICT_ACCEPTED },
		{ true, VERDICT_NOT_APPLICABLE },
	};
	struct review_blocker out[4];

	poison(out, NELEM(out));
	ck_assert_uint_eq(review_accept_blockers(items, NELEM(items), all_met,
	    out, NELEM(out)), 0);
	ck_assert_int_eq(out[0].kind, BLOCKER__MAX);
}
END_TEST

START_TEST(test_blockers_each_criterion)
{
	const struct review_item items[] = { { true, VERDICT_ACCEPTED } };

	for (int c = 0; c < CRITERION__MAX; c++) {
		bool			met[CRITERION__MAX];
		struct review_blocker	out[4];

		for (int d = 0; d < CRITERION__MAX; d++)
			met[d] = d != c;
		poison(out, NELEM(out));
		ck_assert_msg(review_accept_blockers(items, NELEM(items), met,
		    out, NELEM(out)) == 1, "criterion %d", c);
		ck_assert_int_eq(out[0].kind, BLOCKER_CRITERION);
		ck_assert_uint_eq(out[0].index, (size_t)c);
		ck_assert_int_eq(out[1].kind, BLOCKER__MAX);
	}
}
END_TEST

/* Items in their order, then criteria in theirs. */
static const struct review_item mixed[] = {
	{ true, VERDICT_ACCEPTED },
	{ false, VERDICT_SUPPLEMENT },		/* 1: supplement */
	{ true, VERDICT_NONE },			/* 2: required open */
	{ false, VERDICT_NONE },
	{ true, VERDICT_SUPPLEMENT },		/* 4: supplement */
	{ true, VERDICT_NOT_APPLICABLE },
	{ true, VERDICT_NONE },			/* 6: required open */
};
static const bool mixed_met[CRITERION__MAX] = {
	[CRITERION_LEGAL_ENTITY] = true,
	[CRITERION_WRITTEN_RULES] = false,
	[CRITERION_RESPONSIBLE_PEOPLE] = true,
	[CRITERION_FUNDING] = false,
	[CRITERION_NO_MAJOR_FAILURE] = true,
	[CRITERION_TRAINED_STAFF] = false,
};
static const struct review_blocker mixed_want[] = {
	{ BLOCKER_SUPPLEMENT_OPEN, 1 },
	{ BLOCKER_REQUIRED_OPEN, 2 },
	{ BLOCKER_SUPPLEMENT_OPEN, 4 },
	{ BLOCKER_REQUIRED_OPEN, 6 },
	{ BLOCKER_CRITERION, CRITERION_WRITTEN_RULES },
	{ BLOCKER_CRITERION, CRITERION_FUNDING },
	{ BLOCKER_CRITERION, CRITERION_TRAINED_STAFF },
};

START_TEST(test_blockers_order)
{
	struct review_blocker out[16];

	poison(out, NELEM(out));
	ck_assert_uint_eq(review_accept_blockers(mixed, NELEM(mixed), mixed_met,
	    out, NELEM(out)), NELEM(mixed_want));
	for (size_t i = 0; i < NELEM(mixed_want); i++) {
		ck_assert_msg(out[i].kind == mixed_want[i].kind &&
		    out[i].index == mixed_want[i].index,
		    "blocker %zu: {%d, %zu}, want {%d, %zu}", i, out[i].kind,
		    out[i].index, mixed_want[i].kind, mixed_want[i].index);
	}
	ck_assert_int_eq(out[NELEM(mixed_want)].kind, BLOCKER__MAX);
}
END_TEST

START_TEST(test_blockers_max)
{
	/* Every max from 0 to the count: the full count, only max written. */
	for (size_t max = 0; max <= NELEM(mixed_want); max++) {
		struct review_blocker out[16];

		poison(out, NELEM(out));
		ck_assert_msg(review_accept_blockers(mixed, NELEM(mixed),
		    mixed_met, out, max) == NELEM(mixed_want), "max %zu", max);
		for (size_t i = 0; i < max; i++) {
			ck_assert_int_eq(out[i].kind, mixed_want[i].kind);
			ck_assert_uint_eq(out[i].index, mixed_want[i].index);
		}
		for (size_t i = max; i < NELEM(out); i++)
			ck_assert_msg(out[i].kind == BLOCKER__MAX &&
			    out[i].index == 999, "max %zu: out[%zu] written",
			    max, i);
	}
	/* max 0 with no output array at all. */
	ck_assert_uint_eq(review_accept_blockers(mixed, NELEM(mixed), mixed_met,
	    NULL, 0), NELEM(mixed_want));
}
END_TEST

START_TEST(test_review_flagged)
{
	const struct review_item none[] = {
		{ true, VERDICT_ACCEPTED },
		{ false, VERDICT_NONE },
		{ true, VERDICT_NOT_APPLICABLE },
	};
	const struct review_item all[] = {
		{ true, VERDICT_SUPPLEMENT },
		{ false, VERDICT_SUPPLEMENT },
	};

	ck_assert_uint_eq(review_flagged(NULL, 0), 0);
	ck_assert_uint_eq(review_flagged(none, NELEM(none)), 0);
	ck_assert_uint_eq(review_flagged(all, NELEM(all)), 2);
	ck_assert_uint_eq(review_flagged(mixed, NELEM(mixed)), 2);
	/* Only the first n items count. */
	ck_assert_uint_eq(review_flagged(mixed, 2), 1);
	ck_assert_uint_eq(review_flagged(mixed, 1), 0);
}
END_TEST

/* ---- mandays_parse ---- */

START_TEST(test_mandays_parse_accepts)
{
	static const struct {
		const char	*in;
		int		 want;
	} cases[] = {
		{ "3", 6 },
		{ "2.5", 5 },
		{ "2,5", 5 },
		{ "2.0", 4 },
		{ "2.50", 5 },
		{ "0.5", 1 },
		{ "1000", 2000 },
		{ "1", 2 },
		{ "1000.0", 2000 },
		{ "0,5", 1 },
	};

	for (size_t i = 0; i < NELEM(cases); i++)
		ck_assert_msg(mandays_parse(cases[i].in) == cases[i].want,
		    "\"%s\": %d, want %d", cases[i].in,
		    mandays_parse(cases[i].in), cases[i].want);
}
END_TEST

START_TEST(test_mandays_parse_refuses)
{
	static const char *const cases[] = {
		"", "0", "0.0", "1000.5", "1001", "2.3", "2.55", " 2", "2 ",
		"-1", "abc", "12345", "2.", ".5", "2,", ",5", "+2", "2.5.",
		"2..5", "2.05", "2.500", "9999", "2x", "1e3",
	};

	ck_assert_int_eq(mandays_parse(NULL), -1);
	for (size_t i = 0; i < NELEM(cases); i++)
		ck_assert_msg(mandays_parse(cases[i]) == -1,
		    "\"%s\": %d, want -1", cases[i], mandays_parse(cases[i]));
}
END_TEST

/* ---- db_array ---- */

static struct arena arena;

static void
arena_setup(void)
{
	arena_init(&arena, 4096, 0);
}

static void
arena_teardown(void)
{
	arena_free(&arena);
}

START_TEST(test_db_array_empty)
{
	const char *r = db_array(&arena, NULL, 0);

	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r, "{}");
}
END_TEST

START_TEST(test_db_array_plain)
{
	static const char *const one[] = { "a" };
	static const char *const three[] = { "a", "", "42" };

	ck_assert_str_eq(db_array(&arena, one, 1), "{\"a\"}");
	/* An empty string is an element, quoted; numbers are quoted too. */
	ck_assert_str_eq(db_array(&arena, three, 3), "{\"a\",\"\",\"42\"}");
	/* Only the first n values. */
	ck_assert_str_eq(db_array(&arena, three, 2), "{\"a\",\"\"}");
}
END_TEST

START_TEST(test_db_array_escapes)
{
	static const char *const v[] = { "a\"b", "c\\d" };
	static const char *const worst[] = { "\"\\\"", "\\" };

	/* {"a\"b","c\\d"} */
	ck_assert_str_eq(db_array(&arena, v, 2),
	    "{\"a\\\"b\",\"c\\\\d\"}");
	/* Every byte escaped: the most the function must make room for. */
	ck_assert_str_eq(db_array(&arena, worst, 2),
	    "{\"\\\"\\\\\\\"\",\"\\\\\"}");
}
END_TEST

START_TEST(test_db_array_utf8)
{
	static const char *const v[] = { "营业执照", "售后服务" };

	ck_assert_str_eq(db_array(&arena, v, 2), "{\"营业执照\",\"售后服务\"}");
}
END_TEST

START_TEST(test_db_array_structure_inside)
{
	static const char *const v[] = { "a,b", "{c}", "NULL", "x y" };

	/* Commas, braces, the word NULL and spaces are plain text once quoted. */
	ck_assert_str_eq(db_array(&arena, v, 4),
	    "{\"a,b\",\"{c}\",\"NULL\",\"x y\"}");
}
END_TEST

START_TEST(test_db_array_out_of_memory)
{
	struct arena	 small;
	char		 big[200];
	const char	*v[] = { big };

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	arena_init(&small, 256, 64);
	ck_assert_ptr_null(db_array(&small, v, 1));
	arena_free(&small);
}
END_TEST

Suite *
domain_review_suite(void)
{
	Suite	*s = suite_create("domain_review");
	TCase	*rv = tcase_create("review");
	TCase	*md = tcase_create("mandays_parse");
	TCase	*da = tcase_create("db_array");

	tcase_add_test(rv, test_verdict_round_trip);
	tcase_add_test(rv, test_verdict_parse_edges);
	tcase_add_test(rv, test_verdict_needs_comment);
	tcase_add_test(rv, test_criterion_names);
	tcase_add_test(rv, test_blockers_none);
	tcase_add_test(rv, test_blockers_required_open);
	tcase_add_test(rv, test_blockers_optional_open);
	tcase_add_test(rv, test_blockers_supplement);
	tcase_add_test(rv, test_blockers_required_not_applicable);
	tcase_add_test(rv, test_blockers_each_criterion);
	tcase_add_test(rv, test_blockers_order);
	tcase_add_test(rv, test_blockers_max);
	tcase_add_test(rv, test_review_flagged);
	suite_add_tcase(s, rv);

	tcase_add_test(md, test_mandays_parse_accepts);
	tcase_add_test(md, test_mandays_parse_refuses);
	suite_add_tcase(s, md);

	tcase_add_checked_fixture(da, arena_setup, arena_teardown);
	tcase_add_test(da, test_db_array_empty);
	tcase_add_test(da, test_db_array_plain);
	tcase_add_test(da, test_db_array_escapes);
	tcase_add_test(da, test_db_array_utf8);
	tcase_add_test(da, test_db_array_structure_inside);
	tcase_add_test(da, test_db_array_out_of_memory);
	suite_add_tcase(s, da);
	return s;
}
