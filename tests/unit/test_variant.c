/* test_variant.c: a statement's optional conditions written out or left out per set of given parameters. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/db/db.h"
#include "../../cgi-bin/http/buf.h"
#include "suites.h"

/* The text of d's variant for given, NUL-terminated (caller frees); NULL when refused. */
static char *
variant_text(const struct stmt_def *d, unsigned given)
{
	struct buf	 b = { 0 };
	char		*s;

	if (stmt_variant_sql(d, given, &b) != 0) {
		buf_free(&b);
		return NULL;
	}
	buf_append(&b, "", 1);
	s = strdup(b.data);
	buf_free(&b);
	return s;
}

static const struct stmt_def filtered = { .name = "db_test_filtered", .sql =
    "SELECT a.id FROM a WHERE ($1::bigint IS NULL OR a.org = $1) "
    "AND a.state = ANY ($2::text[]) "
    "AND ($3::text IS NULL OR a.name LIKE '%' || $3 || '%' OR a.code = upper($3)) "
    "AND ($4::timestamptz IS NULL OR (a.at, a.id) > ($4::timestamptz, $5::bigint)) "
    "ORDER BY a.at, a.id LIMIT 51", .nparams = 5, .read_only = true,
    .optional = OPTIONAL(1) | OPTIONAL(3) | OPTIONAL(4) };

START_TEST(test_all_left_out)
{
	char *s = variant_text(&filtered, 0);

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s,
	    "SELECT a.id FROM a WHERE ($1::bigint IS NULL OR false AND (a.org = $1)) "
	    "AND a.state = ANY ($2::text[]) "
	    "AND ($3::text IS NULL OR false AND (a.name LIKE '%' || $3 || '%' OR a.code = upper($3))) "
	    "AND ($4::timestamptz IS NULL OR false AND ((a.at, a.id) > ($4::timestamptz, $5::bigint))) "
	    "ORDER BY a.at, a.id LIMIT 51");
	free(s);
}
END_TEST

START_TEST(test_given_written_out)
{
	char *s = variant_text(&filtered, OPTIONAL(3) | OPTIONAL(4));

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s,
	    "SELECT a.id FROM a WHERE ($1::bigint IS NULL OR false AND (a.org = $1)) "
	    "AND a.state = ANY ($2::text[]) "
	    "AND ($3::text IS NOT NULL AND (a.name LIKE '%' || $3 || '%' OR a.code = upper($3))) "
	    "AND ($4::timestamptz IS NOT NULL AND ((a.at, a.id) > ($4::timestamptz, $5::bigint))) "
	    "ORDER BY a.at, a.id LIMIT 51");
	free(s);
	/* A parameter that is not optional changes nothing. */
	s = variant_text(&filtered, OPTIONAL(2) | OPTIONAL(5));
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(strstr(s, "($1::bigint IS NULL OR false AND"));
	ck_assert_ptr_null(strstr(s, "IS NOT NULL"));
	free(s);
}
END_TEST

/* Parentheses inside literals do not end a condition; $1 is not $10. */
START_TEST(test_literals_and_numbers)
{
	static const struct stmt_def d = { .name = "db_test_literal", .sql =
	    "SELECT 1 WHERE ($10::text IS NULL OR x = ')(' || $10) "
	    "AND ($1::text IS NULL OR y = 'it''s (' || $1) AND z = $2", .nparams = 10,
	    .optional = OPTIONAL(1) | OPTIONAL(10) };
	char *s = variant_text(&d, OPTIONAL(10));

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "SELECT 1 WHERE ($10::text IS NOT NULL AND (x = ')(' || $10)) "
	    "AND ($1::text IS NULL OR false AND (y = 'it''s (' || $1)) AND z = $2");
	free(s);
}
END_TEST

START_TEST(test_malformed_refused)
{
	static const struct stmt_def unguarded = { .name = "db_test_unguarded",
	    .sql = "SELECT 1 WHERE x = $1", .nparams = 1, .optional = OPTIONAL(1) };
	static const struct stmt_def unclosed = { .name = "db_test_unclosed",
	    .sql = "SELECT 1 WHERE ($1::text IS NULL OR x = $1", .nparams = 1,
	    .optional = OPTIONAL(1) };
	static const struct stmt_def quote = { .name = "db_test_quote",
	    .sql = "SELECT 1 WHERE ($1::text IS NULL OR x = 'a)", .nparams = 1,
	    .optional = OPTIONAL(1) };

	ck_assert_ptr_null(variant_text(&unguarded, 0));
	ck_assert_ptr_null(variant_text(&unclosed, OPTIONAL(1)));
	ck_assert_ptr_null(variant_text(&quote, 0));
}
END_TEST

START_TEST(test_variant_numbers)
{
	const char *none[5] = { NULL, "{a}", NULL, NULL, NULL };
	const char *some[5] = { "7", "{a}", NULL, "2026-01-01", "3" };
	const char *all[5] = { "7", "{a}", "x", "2026-01-01", "3" };

	/* A bit per optional parameter, in order: $1, $3, $4. */
	ck_assert_uint_eq(stmt_variant(&filtered, none), 0);
	ck_assert_uint_eq(stmt_variant(&filtered, some), 1 | 4);
	ck_assert_uint_eq(stmt_variant(&filtered, all), 7);
	for (unsigned v = 0; v < 8; v++) {
		unsigned given = stmt_variant_given(&filtered, v);
		const char *p[5] = { (given & OPTIONAL(1)) ? "1" : NULL, "{a}",
		    (given & OPTIONAL(3)) ? "q" : NULL, (given & OPTIONAL(4)) ? "t" : NULL, NULL };

		ck_assert_uint_eq(given & ~filtered.optional, 0);
		ck_assert_uint_eq(stmt_variant(&filtered, p), v);
	}
}
END_TEST

/* Whether t still holds "($n::type IS NULL OR " not followed by "false AND (". */
static bool
catch_all_left(const char *t, int n)
{
	char guard[32];

	snprintf(guard, sizeof(guard), "($%d::", n);
	for (const char *g = strstr(t, guard); g != NULL; g = strstr(g + 1, guard)) {
		const char *p = g + strlen(guard);

		p += strspn(p, "abcdefghijklmnopqrstuvwxyz_[]0123456789");
		if (strncmp(p, " IS NULL OR ", 12) == 0 &&
		    strncmp(p + 12, "false AND (", 11) != 0)
			return true;
	}
	return false;
}

/* Every statement of the application: each variant is made, and none keeps a catch-all. */
START_TEST(test_statement_table)
{
	ck_assert_int_eq(stmt_defs_check(), 0);
	ck_assert(catch_all_left("x AND ($3::text IS NULL OR y = $3)", 3));
	ck_assert(!catch_all_left("x AND ($3::text IS NULL OR false AND (y = $3))", 3));
	for (int s = 0; s < STMT__MAX; s++) {
		const struct stmt_def *d = &stmt_defs[s];

		if (d->optional == 0 || d->plan_always)
			continue;
		for (unsigned v = 0; v < (1u << __builtin_popcount(d->optional)); v++) {
			char *t = variant_text(d, stmt_variant_given(d, v));

			ck_assert_msg(t != NULL, "%s variant %u", d->name, v);
			for (int n = 1; n <= d->nparams; n++)
				if (d->optional & OPTIONAL(n))
					ck_assert_msg(!catch_all_left(t, n), "%s: $%d", d->name, n);
			free(t);
		}
	}
}
END_TEST

Suite *
variant_suite(void)
{
	Suite	*s = suite_create("variant");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_all_left_out);
	tcase_add_test(tc, test_given_written_out);
	tcase_add_test(tc, test_literals_and_numbers);
	tcase_add_test(tc, test_malformed_refused);
	tcase_add_test(tc, test_variant_numbers);
	tcase_add_test(tc, test_statement_table);
	suite_add_tcase(s, tc);
	return s;
}
