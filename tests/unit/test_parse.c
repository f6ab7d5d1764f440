/* test_parse.c: urlencoded pairs, cookies, UTF-8 and control-byte checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/http/arena.h"
#include "../../cgi-bin/http/parse.h"
#include "suites.h"

static struct arena a;
/* Something for a list to point at before a parse must empty it. */
static struct kv stale;

static void
setup(void)
{
	arena_init(&a, 4096, 0);
}

static void
teardown(void)
{
	arena_free(&a);
}

/* Parse a NUL-terminated string with the form limits. */
static enum parse_status
form(const char *s, struct kvlist *out)
{
	return urlencoded_parse(&a, s, strlen(s), &parse_limits_form, out);
}

/* Parse s and expect status st with an empty list. */
static void
form_fails(const char *s, enum parse_status st)
{
	struct kvlist	 l = { &stale, 99 };
	enum parse_status got = form(s, &l);

	ck_assert_msg(got == st, "\"%s\": got %s, want %s", s,
	    parse_status_name(got), parse_status_name(st));
	ck_assert_msg(l.count == 0 && l.items == NULL,
	    "\"%s\": a failed parse left %zu items", s, l.count);
}

/* A string of n copies of c in the arena. */
static char *
repeat(const char *prefix, char c, size_t n, const char *suffix)
{
	size_t	 plen = strlen(prefix), slen = strlen(suffix);
	char	*s = arena_alloc(&a, plen + n + slen + 1);

	ck_assert_ptr_nonnull(s);
	memcpy(s, prefix, plen);
	memset(s + plen, c, n);
	memcpy(s + plen + n, suffix, slen + 1);
	return s;
}

START_TEST(test_form_plain)
{
	struct kvlist l;

	ck_assert_int_eq(form("a=1&b=two&c=", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 3);
	ck_assert_str_eq(l.items[0].key, "a");
	ck_assert_str_eq(l.items[0].value, "1");
	ck_assert_uint_eq(l.items[0].value_len, 1);
	ck_assert_str_eq(l.items[1].key, "b");
	ck_assert_str_eq(l.items[1].value, "two");
	ck_assert_str_eq(l.items[2].key, "c");
	ck_assert_str_eq(l.items[2].value, "");
	ck_assert_uint_eq(l.items[2].value_len, 0);

	/* '=' after the first belongs to the value. */
	ck_assert_int_eq(form("x=a=b==", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].value, "a=b==");

	/* Percent-encoded reserved characters in keys and values. */
	ck_assert_int_eq(form("k%3Dy=%26%3D%2B%25", &l), PARSE_OK);
	ck_assert_str_eq(l.items[0].key, "k=y");
	ck_assert_str_eq(l.items[0].value, "&=+%");
}
END_TEST

START_TEST(test_form_empty)
{
	struct kvlist l = { &stale, 7 };

	ck_assert_int_eq(form("", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 0);
	ck_assert_int_eq(form("&&&", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 0);
	ck_assert_int_eq(urlencoded_parse(&a, NULL, 0, &parse_limits_form, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 0);
	ck_assert_ptr_null(kvlist_get(&l, "a", NULL));
}
END_TEST

START_TEST(test_form_plus_and_utf8)
{
	struct kvlist l;

	ck_assert_int_eq(form("q=hello+world+%2B+1", &l), PARSE_OK);
	ck_assert_str_eq(l.items[0].value, "hello world + 1");

	ck_assert_int_eq(form("name=%E4%B8%AD%E6%96%87&e=%f0%9f%98%80", &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[0].value, "中文");
	ck_assert_uint_eq(l.items[0].value_len, 6);
	ck_assert_str_eq(l.items[1].value, "\xF0\x9F\x98\x80");

	/* Raw (unencoded) UTF-8 is accepted as it is. */
	ck_assert_int_eq(form("city=北京", &l), PARSE_OK);
	ck_assert_str_eq(l.items[0].value, "北京");
}
END_TEST

START_TEST(test_form_empty_segments)
{
	struct kvlist l;

	ck_assert_int_eq(form("&a=1&&b=2&", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[0].key, "a");
	ck_assert_str_eq(l.items[1].key, "b");
	ck_assert_str_eq(l.items[1].value, "2");
}
END_TEST

START_TEST(test_form_key_without_value)
{
	struct kvlist l;

	ck_assert_int_eq(form("flag&x=1&other", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 3);
	ck_assert_str_eq(l.items[0].key, "flag");
	ck_assert_str_eq(l.items[0].value, "");
	ck_assert_uint_eq(l.items[0].value_len, 0);
	ck_assert_str_eq(l.items[2].key, "other");
	ck_assert_str_eq(l.items[2].value, "");
}
END_TEST

START_TEST(test_form_bad_percent)
{
	form_fails("%", PARSE_BAD_ENCODING);
	form_fails("%4", PARSE_BAD_ENCODING);
	form_fails("%zz", PARSE_BAD_ENCODING);
	form_fails("a=%G1", PARSE_BAD_ENCODING);
	form_fails("a=%", PARSE_BAD_ENCODING);
	form_fails("a=%4", PARSE_BAD_ENCODING);
	form_fails("a=%1g", PARSE_BAD_ENCODING);
	/* "%4" then '&': the escape may not borrow from the next pair. */
	form_fails("a=%4&b=1", PARSE_BAD_ENCODING);
	/* A good pair before a bad one is not kept. */
	form_fails("ok=1&b=%zz", PARSE_BAD_ENCODING);
}
END_TEST

START_TEST(test_form_bad_key)
{
	form_fails("a+b=1", PARSE_BAD_ENCODING);	/* space */
	form_fails("a%20b=1", PARSE_BAD_ENCODING);
	form_fails("a%01=1", PARSE_BAD_ENCODING);	/* control */
	form_fails("a%00=1", PARSE_BAD_ENCODING);
	form_fails("a%7F=1", PARSE_BAD_ENCODING);
	/* TAB: fine in values only. */
	form_fails("a%09=1", PARSE_BAD_ENCODING);
	form_fails("%E4%B8%AD=1", PARSE_BAD_ENCODING);	/* not ASCII */
}
END_TEST

START_TEST(test_form_too_long)
{
	struct kvlist	 l;
	size_t		 maxk = parse_limits_form.max_key;
	size_t		 maxv = parse_limits_form.max_value;

	ck_assert_uint_eq(maxk, 128);
	ck_assert_uint_eq(maxv, 64 * 1024);

	ck_assert_int_eq(form(repeat("", 'k', maxk, "=v"), &l), PARSE_OK);
	ck_assert_uint_eq(strlen(l.items[0].key), maxk);
	form_fails(repeat("", 'k', maxk + 1, "=v"), PARSE_TOO_LONG);
	form_fails(repeat("", 'k', maxk + 1, ""), PARSE_TOO_LONG);

	ck_assert_int_eq(form(repeat("v=", 'x', maxv, ""), &l), PARSE_OK);
	ck_assert_uint_eq(l.items[0].value_len, maxv);
	form_fails(repeat("v=", 'x', maxv + 1, ""), PARSE_TOO_LONG);

	/* The limit is on decoded bytes: 128 "%41" escapes make a 128-byte key. */
	{
		char	*k = arena_alloc(&a, 3 * (maxk + 1) + 3);
		size_t	 i;

		for (i = 0; i < maxk; i++)
			memcpy(k + 3 * i, "%41", 3);
		memcpy(k + 3 * i, "=1", 3);
		ck_assert_int_eq(form(k, &l), PARSE_OK);
		ck_assert_uint_eq(strlen(l.items[0].key), maxk);
		memcpy(k + 3 * i, "%41=1", 6);
		form_fails(k, PARSE_TOO_LONG);
	}
}
END_TEST

START_TEST(test_form_too_many)
{
	struct kvlist	 l;
	size_t		 max = parse_limits_form.max_pairs;
	char		*s = arena_alloc(&a, 4 * (max + 1) + 64), *p;

	ck_assert_uint_eq(max, 512);
	p = s;
	for (size_t i = 0; i < max; i++) {
		memcpy(p, "a=1&", 4);
		p += 4;
	}
	*p = '\0';
	/* Exactly max pairs (and the trailing '&' making no pair) pass. */
	ck_assert_int_eq(form(s, &l), PARSE_OK);
	ck_assert_uint_eq(l.count, max);
	memcpy(p, "a=1", 4);
	form_fails(s, PARSE_TOO_MANY);
}
END_TEST

START_TEST(test_form_duplicates)
{
	struct kvlist	 l;
	size_t		 n = 99;

	ck_assert_int_eq(form("role=a&x=0&role=b", &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 3);
	ck_assert_str_eq(l.items[0].value, "a");
	ck_assert_str_eq(l.items[2].value, "b");
	ck_assert_str_eq(kvlist_get(&l, "role", &n), "a");
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(kvlist_get(&l, "x", &n), "0");
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_null(kvlist_get(&l, "missing", &n));
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(kvlist_get(&l, "Role", NULL));	/* case matters */
}
END_TEST

START_TEST(test_form_bad_utf8)
{
	form_fails("a=%C0%AF", PARSE_BAD_UTF8);		/* overlong '/' */
	form_fails("a=%E0%80%AF", PARSE_BAD_UTF8);	/* overlong, 3 bytes */
	form_fails("a=%ED%A0%80", PARSE_BAD_UTF8);	/* surrogate U+D800 */
	form_fails("a=%80", PARSE_BAD_UTF8);		/* lone continuation */
	form_fails("a=%E4%B8", PARSE_BAD_UTF8);		/* truncated */
	form_fails("a=%E4%B8&b=%AD", PARSE_BAD_UTF8);	/* split over pairs */
	form_fails("a=%F4%90%80%80", PARSE_BAD_UTF8);	/* > U+10FFFF */
	form_fails("a=%FF", PARSE_BAD_UTF8);
	form_fails("a=\xE4\xB8", PARSE_BAD_UTF8);	/* raw bytes too */
}
END_TEST

START_TEST(test_form_control)
{
	struct kvlist l;

	form_fails("a=%00", PARSE_CONTROL);
	form_fails("a=x%00y", PARSE_CONTROL);
	form_fails("a=%01", PARSE_CONTROL);
	form_fails("a=%1F", PARSE_CONTROL);
	form_fails("a=%7F", PARSE_CONTROL);
	form_fails("a=%1B[2J", PARSE_CONTROL);		/* ESC */

	ck_assert_int_eq(form("a=x%09y%0D%0Az", &l), PARSE_OK);
	ck_assert_str_eq(l.items[0].value, "x\ty\r\nz");
	ck_assert_uint_eq(l.items[0].value_len, 6);
}
END_TEST

/* len bounds the parse: bytes past it are never read nor used. */
START_TEST(test_form_not_terminated)
{
	struct kvlist	 l;
	const char	*s = "a=1&b=2&c=%zz";
	char		*exact;

	ck_assert_int_eq(urlencoded_parse(&a, s, 7, &parse_limits_form, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[1].value, "2");

	ck_assert_int_eq(urlencoded_parse(&a, s, 5, &parse_limits_form, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[1].key, "b");
	ck_assert_str_eq(l.items[1].value, "");

	/* A heap copy without terminator: ASan catches any read past it. */
	exact = malloc(9);
	ck_assert_ptr_nonnull(exact);
	memcpy(exact, "k=v&x=%41", 9);
	ck_assert_int_eq(urlencoded_parse(&a, exact, 9, &parse_limits_form, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[1].value, "A");
	/* An escape cut by len is malformed even if the bytes follow. */
	ck_assert_int_eq(urlencoded_parse(&a, exact, 8, &parse_limits_form, &l),
	    PARSE_BAD_ENCODING);
	ck_assert_uint_eq(l.count, 0);
	free(exact);
}
END_TEST

START_TEST(test_cookies_basic)
{
	struct kvlist l;

	ck_assert_int_eq(cookies_parse(&a, "a=b; c=d", &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[0].key, "a");
	ck_assert_str_eq(l.items[0].value, "b");
	ck_assert_str_eq(l.items[1].key, "c");
	ck_assert_str_eq(l.items[1].value, "d");
	ck_assert_uint_eq(l.items[1].value_len, 1);

	/* No percent-decoding; '=' in the value is kept. */
	ck_assert_int_eq(cookies_parse(&a, "s=a%20b==", &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_str_eq(kvlist_get(&l, "s", NULL), "a%20b==");

	ck_assert_int_eq(cookies_parse(&a, "e=", &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].value, "");
}
END_TEST

START_TEST(test_cookies_quoted_and_spaces)
{
	struct kvlist l;

	ck_assert_int_eq(cookies_parse(&a, "  lang=\"en\" ;\tsid=abc  ;x=\"\"",
	    &parse_limits_cookie, &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 3);
	ck_assert_str_eq(l.items[0].key, "lang");
	ck_assert_str_eq(l.items[0].value, "en");
	ck_assert_uint_eq(l.items[0].value_len, 2);
	ck_assert_str_eq(l.items[1].key, "sid");
	ck_assert_str_eq(l.items[1].value, "abc");
	ck_assert_str_eq(l.items[2].value, "");

	/* Separators without spaces, and empty segments. */
	ck_assert_int_eq(cookies_parse(&a, ";a=1;;b=2;", &parse_limits_cookie,
	    &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(kvlist_get(&l, "b", NULL), "2");
}
END_TEST

START_TEST(test_cookies_invalid_skipped)
{
	struct kvlist l;

	ck_assert_int_eq(cookies_parse(&a,
	    "bad name=1; ok=1; (x)=2; =3; novalue; q=\"open; sp=a b; "
	    "comma=a,b; utf=\xE4\xB8\xAD; ok2=2", &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[0].key, "ok");
	ck_assert_str_eq(l.items[1].key, "ok2");
	ck_assert_str_eq(l.items[1].value, "2");

	/* Over the name or value limit: skipped, the rest kept. */
	ck_assert_int_eq(cookies_parse(&a, repeat("a=1; big=", 'v',
	    parse_limits_cookie.max_value + 1, "; z=9"), &parse_limits_cookie,
	    &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[1].key, "z");
	ck_assert_int_eq(cookies_parse(&a, repeat("", 'n',
	    parse_limits_cookie.max_key + 1, "=1; z=9"), &parse_limits_cookie,
	    &l), PARSE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].key, "z");
}
END_TEST

START_TEST(test_cookies_too_many)
{
	struct kvlist	 l;
	char		*h = arena_alloc(&a, 40 * 16), *p = h;

	for (int i = 0; i < 40; i++)
		p += sprintf(p, "%sk%d=v%d", i > 0 ? "; " : "", i, i);
	ck_assert_int_eq(cookies_parse(&a, h, &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_uint_eq(parse_limits_cookie.max_pairs, 32);
	ck_assert_uint_eq(l.count, 32);
	ck_assert_str_eq(l.items[0].key, "k0");
	ck_assert_str_eq(l.items[31].key, "k31");
	ck_assert_str_eq(l.items[31].value, "v31");
	ck_assert_ptr_null(kvlist_get(&l, "k32", NULL));
}
END_TEST

START_TEST(test_cookies_empty)
{
	struct kvlist l = { &stale, 5 };

	ck_assert_int_eq(cookies_parse(&a, "", &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 0);
	ck_assert_int_eq(cookies_parse(&a, "  ;  ; ", &parse_limits_cookie, &l),
	    PARSE_OK);
	ck_assert_uint_eq(l.count, 0);
}
END_TEST

/* utf8_valid over a NUL-terminated literal. */
static int
valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

START_TEST(test_utf8_valid)
{
	ck_assert(valid(""));
	ck_assert(valid("plain ASCII ~"));
	ck_assert(valid("\xC2\x80"));			/* U+0080 */
	ck_assert(valid("\xDF\xBF"));			/* U+07FF */
	ck_assert(valid("\xE0\xA0\x80"));		/* U+0800 */
	ck_assert(valid("中文"));
	ck_assert(valid("\xED\x9F\xBF"));		/* U+D7FF */
	ck_assert(valid("\xEE\x80\x80"));		/* U+E000 */
	ck_assert(valid("\xEF\xBF\xBF"));		/* U+FFFF */
	ck_assert(valid("\xF0\x90\x80\x80"));		/* U+10000 */
	ck_assert(valid("\xF0\x9F\x98\x80"));		/* emoji U+1F600 */
	ck_assert(valid("a\xF0\x9F\x8E\x89z"));		/* among ASCII */
	ck_assert(valid("\xF4\x8F\xBF\xBF"));		/* U+10FFFF */
	ck_assert(utf8_valid("a\0b", 3));		/* NUL is ASCII */

	ck_assert(!valid("\x80"));			/* lone continuation */
	ck_assert(!valid("a\xBF"));
	ck_assert(!valid("\xC0\x80"));			/* overlong NUL */
	ck_assert(!valid("\xC1\xBF"));			/* overlong */
	ck_assert(!valid("\xE0\x9F\xBF"));		/* overlong */
	ck_assert(!valid("\xF0\x8F\xBF\xBF"));		/* overlong */
	ck_assert(!valid("\xED\xA0\x80"));		/* U+D800 */
	ck_assert(!valid("\xED\xBF\xBF"));		/* U+DFFF */
	ck_assert(!valid("\xF4\x90\x80\x80"));		/* U+110000 */
	ck_assert(!valid("\xF5\x80\x80\x80"));
	ck_assert(!valid("\xF8\x88\x80\x80\x80"));	/* 5-byte form */
	ck_assert(!valid("\xFE"));
	ck_assert(!valid("\xFF"));
	ck_assert(!valid("\xE4\xB8"));			/* truncated */
	ck_assert(!valid("\xF0\x9F\x98"));
	ck_assert(!valid("\xE4\x41\xAD"));		/* bad continuation */
	ck_assert(!valid("\xC3("));
	/* len cuts a character that the buffer completes. */
	ck_assert(!utf8_valid("\xE4\xB8\xAD", 2));
	ck_assert(utf8_valid("\xE4\xB8\xAD\xFF", 3));
	ck_assert(utf8_valid("\xFF", 0));
}
END_TEST

START_TEST(test_text_clean)
{
	ck_assert(text_clean("", 0));
	ck_assert(text_clean("tab\there\r\nnew line",
	    strlen("tab\there\r\nnew line")));
	ck_assert(text_clean("中文 ~", strlen("中文 ~")));
	ck_assert(text_clean("\x80\xff", 2));	/* not its business */
	ck_assert(!text_clean("a\0b", 3));
	ck_assert(!text_clean("\x01", 1));
	ck_assert(!text_clean("\x1b", 1));
	ck_assert(!text_clean("\x1f", 1));
	ck_assert(!text_clean("\x0b", 1));	/* vertical tab */
	ck_assert(!text_clean("\x0c", 1));	/* form feed */
	ck_assert(!text_clean("x\x7f", 2));
	ck_assert(text_clean("x\x7f", 1));	/* len is honoured */
}
END_TEST

START_TEST(test_status_names)
{
	ck_assert_str_eq(parse_status_name(PARSE_OK), "ok");
	ck_assert_str_eq(parse_status_name(PARSE_BAD_UTF8), "bad-utf8");
	ck_assert_str_eq(parse_status_name(PARSE__MAX), "unknown");
	for (int s = PARSE_OK; s < PARSE__MAX; s++)
		ck_assert_ptr_nonnull(parse_status_name((enum parse_status)s));
}
END_TEST

Suite *
parse_suite(void)
{
	Suite	*s = suite_create("parse");
	TCase	*tf = tcase_create("urlencoded");
	TCase	*tc = tcase_create("cookies");
	TCase	*tu = tcase_create("text");

	tcase_add_checked_fixture(tf, setup, teardown);
	tcase_add_test(tf, test_form_plain);
	tcase_add_test(tf, test_form_empty);
	tcase_add_test(tf, test_form_plus_and_utf8);
	tcase_add_test(tf, test_form_empty_segments);
	tcase_add_test(tf, test_form_key_without_value);
	tcase_add_test(tf, test_form_bad_percent);
	tcase_add_test(tf, test_form_bad_key);
	tcase_add_test(tf, test_form_too_long);
	tcase_add_test(tf, test_form_too_many);
	tcase_add_test(tf, test_form_duplicates);
	tcase_add_test(tf, test_form_bad_utf8);
	tcase_add_test(tf, test_form_control);
	tcase_add_test(tf, test_form_not_terminated);
	suite_add_tcase(s, tf);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cookies_basic);
	tcase_add_test(tc, test_cookies_quoted_and_spaces);
	tcase_add_test(tc, test_cookies_invalid_skipped);
	tcase_add_test(tc, test_cookies_too_many);
	tcase_add_test(tc, test_cookies_empty);
	suite_add_tcase(s, tc);

	tcase_add_test(tu, test_utf8_valid);
	tcase_add_test(tu, test_text_clean);
	tcase_add_test(tu, test_status_names);
	suite_add_tcase(s, tu);
	return s;
}
