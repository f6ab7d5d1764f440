/* test_router.c: path patterns, methods, parameters and access over a local table and the real one. */
#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/domain/roles.h"
#include "../../cgi-bin/http/arena.h"
#include "../../cgi-bin/http/router.h"
#include "../../cgi-bin/pages/pages.h"
#include "suites.h"

static int
handler(struct req *r)
{
	(void)r;
	return 200;
}

static const struct route table[] = {
	{ METHOD_GET, "/", handler, 0, "root" },
	{ METHOD_GET, "/applications", handler, ROLE_APPLICANT | ROLE_REVIEWER,
	    "applications" },
	{ METHOD_POST, "/applications", handler, ROLE_APPLICANT,
	    "application-new" },
	{ METHOD_GET, "/applications/{id}", handler, ROLE_APPLICANT,
	    "application" },
	{ METHOD_POST, "/applications/{id}/submit", handler, ROLE_APPLICANT,
	    "application-submit" },
	{ METHOD_GET | METHOD_POST, "/applications/{id}/files/{id2}", handler,
	    ROLE_APPLICANT | ROLE_REVIEWER, "application-file" },
	{ METHOD_GET, "/lang/{code}", handler, 0, "lang" },
	{ METHOD_HEAD, "/probe", handler, 0, "probe" },
	{ METHOD_GET, "/a/{p1}/{p2}/{p3}/{p4}", handler, 0, "four" },
	{ METHOD_GET, "/b/{p1}/{p2}/{p3}/{p4}/{p5}", handler, 0, "five" },
};
#define NTABLE	(sizeof(table) / sizeof(table[0]))

static struct arena	a;
static const struct route *found;
static struct route_params params;
static unsigned		allowed;

static void
setup(void)
{
	arena_init(&a, 4096, 0);
	memset(&params, 0, sizeof(params));
	found = NULL;
	allowed = 0;
}

static void
teardown(void)
{
	arena_free(&a);
}

static enum route_result
match(enum http_method m, const char *path)
{
	return router_match(table, NTABLE, m, path, &a, &found, &params,
	    &allowed);
}

/* Expect path to route to the row named name. */
static void
routes_to(enum http_method m, const char *path, const char *name)
{
	enum route_result rr = match(m, path);

	ck_assert_msg(rr == ROUTE_FOUND, "%s %s: result %d, want found",
	    http_method_name(m), path, (int)rr);
	ck_assert_ptr_nonnull(found);
	ck_assert_msg(strcmp(found->name, name) == 0, "%s %s: routed to %s, "
	    "want %s", http_method_name(m), path, found->name, name);
}

static void
not_found(enum http_method m, const char *path)
{
	enum route_result rr = match(m, path);

	ck_assert_msg(rr == ROUTE_NOT_FOUND, "%s \"%s\": result %d, want not "
	    "found", http_method_name(m), path != NULL ? path : "(null)",
	    (int)rr);
	ck_assert_ptr_null(found);
}

START_TEST(test_literal)
{
	routes_to(METHOD_GET, "/", "root");
	routes_to(METHOD_GET, "/applications", "applications");
	routes_to(METHOD_POST, "/applications", "application-new");
	ck_assert_uint_eq(params.count, 0);
	not_found(METHOD_GET, "/nothing");
	not_found(METHOD_GET, "/Applications");		/* case matters */
	not_found(METHOD_GET, "/applicationsx");
	not_found(METHOD_GET, "/application");
}
END_TEST

START_TEST(test_bad_paths)
{
	char long_path[ROUTE_PATH_MAX + 16];

	not_found(METHOD_GET, "/applications/");	/* trailing slash */
	not_found(METHOD_GET, "/applications/5/");
	not_found(METHOD_GET, "//");
	not_found(METHOD_GET, "//applications");
	not_found(METHOD_GET, "/applications//5");
	not_found(METHOD_GET, "applications");		/* no leading '/' */
	not_found(METHOD_GET, "");
	not_found(METHOD_GET, NULL);
	not_found(METHOD_GET, "/applications/5/files");

	/* Over ROUTE_PATH_MAX: refused without looking further. */
	memset(long_path, 'x', sizeof(long_path) - 1);
	long_path[0] = '/';
	long_path[sizeof(long_path) - 1] = '\0';
	not_found(METHOD_GET, long_path);
	memcpy(long_path, "/lang/", 6);
	not_found(METHOD_GET, long_path);
}
END_TEST

START_TEST(test_method_not_allowed)
{
	ck_assert_int_eq(match(METHOD_POST, "/"), ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_uint_eq(allowed, METHOD_GET | METHOD_HEAD);
	ck_assert_ptr_null(found);

	ck_assert_int_eq(match(METHOD_GET, "/applications/5/submit"),
	    ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_uint_eq(allowed, METHOD_POST);

	/* HEAD where only POST is served: GET is not implied, nor HEAD. */
	ck_assert_int_eq(match(METHOD_HEAD, "/applications/5/submit"),
	    ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_uint_eq(allowed, METHOD_POST);

	/* A HEAD-only row does not serve GET, and does not imply it. */
	ck_assert_int_eq(match(METHOD_GET, "/probe"), ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_uint_eq(allowed, METHOD_HEAD);
	routes_to(METHOD_HEAD, "/probe", "probe");

	/* An unknown method (0) matches nothing; the allowed set is the union. */
	ck_assert_int_eq(match(0, "/applications"), ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_uint_eq(allowed, METHOD_GET | METHOD_HEAD | METHOD_POST);

	/* A path no pattern matches is 404 whatever the method. */
	not_found(METHOD_POST, "/nothing");
}
END_TEST

START_TEST(test_head_matches_get)
{
	routes_to(METHOD_HEAD, "/", "root");
	routes_to(METHOD_HEAD, "/applications", "applications");
	routes_to(METHOD_HEAD, "/applications/12", "application");
	ck_assert_int_eq(route_param_id(&params, "id"), 12);
}
END_TEST

START_TEST(test_ids)
{
	routes_to(METHOD_GET, "/applications/1", "application");
	ck_assert_uint_eq(params.count, 1);
	ck_assert_str_eq(params.names[0], "id");
	ck_assert_str_eq(params.values[0], "1");
	ck_assert_int_eq(params.ids[0], 1);
	ck_assert_int_eq(route_param_id(&params, "id"), 1);
	ck_assert_str_eq(route_param(&params, "id"), "1");

	routes_to(METHOD_GET, "/applications/999999999999999", "application");
	ck_assert_int_eq(route_param_id(&params, "id"), 999999999999999LL);

	not_found(METHOD_GET, "/applications/0");
	not_found(METHOD_GET, "/applications/007");
	not_found(METHOD_GET, "/applications/-1");
	not_found(METHOD_GET, "/applications/+1");
	/* 16 digits. */
	not_found(METHOD_GET, "/applications/1000000000000000");
	not_found(METHOD_GET, "/applications/9223372036854775808");
	not_found(METHOD_GET, "/applications/12a");
	not_found(METHOD_GET, "/applications/abc");
	not_found(METHOD_GET, "/applications/1.5");
	not_found(METHOD_GET, "/applications/%31");
	not_found(METHOD_POST, "/applications/0/submit");
}
END_TEST

START_TEST(test_named_params)
{
	routes_to(METHOD_POST, "/applications/42/files/report_v2.pdf",
	    "application-file");
	ck_assert_uint_eq(params.count, 2);
	ck_assert_int_eq(route_param_id(&params, "id"), 42);
	ck_assert_str_eq(route_param(&params, "id2"), "report_v2.pdf");
	/* Only the literal "{id}" is parsed as a number; "{id2}" is text. */
	ck_assert_int_eq(route_param_id(&params, "id2"), 0);
	ck_assert_ptr_null(route_param(&params, "nope"));
	ck_assert_int_eq(route_param_id(&params, "nope"), 0);

	routes_to(METHOD_GET, "/applications/42/files/007", "application-file");
	ck_assert_str_eq(route_param(&params, "id2"), "007");

	routes_to(METHOD_GET, "/lang/zh-CN", "lang");
	ck_assert_str_eq(route_param(&params, "code"), "zh-CN");
	routes_to(METHOD_GET, "/lang/en", "lang");
	ck_assert_str_eq(route_param(&params, "code"), "en");
	not_found(METHOD_GET, "/lang/");
	not_found(METHOD_GET, "/lang/en%20");
	not_found(METHOD_GET, "/lang/a b");
	not_found(METHOD_GET, "/lang/a:b");
	not_found(METHOD_GET, "/lang/\xE4\xB8\xAD");
	not_found(METHOD_GET, "/lang/en/more");
}
END_TEST

START_TEST(test_param_limit)
{
	routes_to(METHOD_GET, "/a/w/x/y/z", "four");
	ck_assert_uint_eq(params.count, ROUTE_MAX_PARAMS);
	ck_assert_str_eq(route_param(&params, "p1"), "w");
	ck_assert_str_eq(route_param(&params, "p4"), "z");
	/* More parameters than ROUTE_MAX_PARAMS never match. */
	not_found(METHOD_GET, "/b/1/2/3/4/5");
}
END_TEST

START_TEST(test_access)
{
	const struct route *pub = &table[0], *apps = &table[1];

	ck_assert_int_eq(router_access(pub, false, 0), ACCESS_OK);
	ck_assert_int_eq(router_access(pub, true, ROLE_ADMIN), ACCESS_OK);

	ck_assert_int_eq(router_access(apps, false, 0), ACCESS_SIGN_IN);
	/* Roles claimed without a session do not count. */
	ck_assert_int_eq(router_access(apps, false, ROLE_APPLICANT),
	    ACCESS_SIGN_IN);
	ck_assert_int_eq(router_access(apps, true, 0), ACCESS_FORBIDDEN);
	ck_assert_int_eq(router_access(apps, true, ROLE_AUDITOR | ROLE_ADMIN),
	    ACCESS_FORBIDDEN);
	ck_assert_int_eq(router_access(apps, true, ROLE_APPLICANT), ACCESS_OK);
	ck_assert_int_eq(router_access(apps, true, ROLE_REVIEWER), ACCESS_OK);
	ck_assert_int_eq(router_access(apps, true, ROLE_AUDITOR |
	    ROLE_REVIEWER), ACCESS_OK);
}
END_TEST

START_TEST(test_methods)
{
	ck_assert_int_eq(http_method_parse("GET"), METHOD_GET);
	ck_assert_int_eq(http_method_parse("HEAD"), METHOD_HEAD);
	ck_assert_int_eq(http_method_parse("POST"), METHOD_POST);
	ck_assert_int_eq(http_method_parse("get"), 0);
	ck_assert_int_eq(http_method_parse("PUT"), 0);
	ck_assert_int_eq(http_method_parse(""), 0);
	ck_assert_int_eq(http_method_parse(NULL), 0);
	ck_assert_str_eq(http_method_name(METHOD_GET), "GET");
	ck_assert_str_eq(http_method_name(METHOD_HEAD), "HEAD");
	ck_assert_str_eq(http_method_name(METHOD_POST), "POST");
	ck_assert_str_eq(http_method_name((enum http_method)0), "?");
}
END_TEST

/*
 * A path that pattern should match: "{id}" and "{..._id}" become "1",
 * "{code}" a real language code, any other "{name}" the letter x.
 */
static void
sample_path(const char *pattern, char *out, size_t outsz)
{
	size_t n = 0;

	while (*pattern != '\0') {
		const char *sub = NULL;
		size_t skip = 1;

		if (*pattern == '{') {
			const char *close = strchr(pattern, '}');

			ck_assert_msg(close != NULL, "unclosed { in a pattern");
			skip = (size_t)(close - pattern) + 1;
			if ((skip == 4 && strncmp(pattern, "{id}", 4) == 0) ||
			    (skip > 5 && strncmp(close - 3, "_id}", 4) == 0))
				sub = "1";
			else if (skip == 6 && strncmp(pattern, "{code}", 6) == 0)
				sub = "en";
			else
				sub = "x";
		}
		if (sub != NULL) {
			ck_assert(n + strlen(sub) < outsz);
			memcpy(out + n, sub, strlen(sub));
			n += strlen(sub);
		} else {
			ck_assert(n + 1 < outsz);
			out[n++] = *pattern;
		}
		pattern += skip;
	}
	out[n] = '\0';
}

START_TEST(test_real_table)
{
	ck_assert_uint_gt(routes_count, 0);
	ck_assert_int_eq(routes_check(), 0);

	for (size_t i = 0; i < routes_count; i++) {
		const struct route	*r = &routes[i];
		char			 path[ROUTE_PATH_MAX];

		sample_path(r->pattern, path, sizeof(path));
		for (unsigned m = METHOD_GET; m <= METHOD_POST; m <<= 1) {
			enum route_result rr;

			if ((r->methods & m) == 0)
				continue;
			rr = router_match(routes, routes_count,
			    (enum http_method)m, path, &a, &found, &params,
			    &allowed);
			ck_assert_msg(rr == ROUTE_FOUND && found == r,
			    "%s %s (sample of %s) does not reach row %zu (%s)",
			    http_method_name((enum http_method)m), path,
			    r->pattern, i, r->name);
			if (m == METHOD_GET) {
				rr = router_match(routes, routes_count,
				    METHOD_HEAD, path, &a, &found, &params,
				    &allowed);
				ck_assert_msg(rr == ROUTE_FOUND && found == r,
				    "HEAD %s does not reach %s", path, r->name);
			}
		}
		/* Names identify rows in logs: no two alike. */
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(strcmp(routes[j].name, r->name) != 0,
			    "route name %s used twice", r->name);
	}
}
END_TEST

/* The real table's public pages and the language switch's parameter. */
START_TEST(test_real_table_lang)
{
	const struct route *r;

	ck_assert_int_eq(router_match(routes, routes_count, METHOD_GET,
	    "/lang/zh", &a, &r, &params, &allowed), ROUTE_FOUND);
	ck_assert_str_eq(route_param(&params, "code"), "zh");
	ck_assert_int_eq(router_access(r, false, 0), ACCESS_OK);
	ck_assert_int_eq(router_match(routes, routes_count, METHOD_GET,
	    "/", &a, &r, &params, &allowed), ROUTE_FOUND);
	ck_assert_int_eq(router_access(r, false, 0), ACCESS_OK);
	ck_assert_int_eq(router_match(routes, routes_count, METHOD_POST,
	    "/", &a, &r, &params, &allowed), ROUTE_METHOD_NOT_ALLOWED);
}
END_TEST

Suite *
router_suite(void)
{
	Suite	*s = suite_create("router");
	TCase	*tc = tcase_create("match");
	TCase	*tr = tcase_create("real-table");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_literal);
	tcase_add_test(tc, test_bad_paths);
	tcase_add_test(tc, test_method_not_allowed);
	tcase_add_test(tc, test_head_matches_get);
	tcase_add_test(tc, test_ids);
	tcase_add_test(tc, test_named_params);
	tcase_add_test(tc, test_param_limit);
	tcase_add_test(tc, test_access);
	tcase_add_test(tc, test_methods);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(tr, setup, teardown);
	tcase_add_test(tr, test_real_table);
	tcase_add_test(tr, test_real_table_lang);
	suite_add_tcase(s, tr);
	return s;
}
