/* test_request.c: typed parameters of a hand-built request, and the response head, headers and cookies. */
#include <stdint.h>
#include <string.h>

#include "../../cgi-bin/http/arena.h"
#include "../../cgi-bin/http/buf.h"
#include "../../cgi-bin/http/parse.h"
#include "../../cgi-bin/http/request.h"
#include "../../cgi-bin/http/response.h"
#include "suites.h"

static struct arena	a;
static struct req	r;

static void
setup(void)
{
	arena_init(&a, 4096, 0);
	memset(&r, 0, sizeof(r));
	r.arena = &a;
	r.query_string = "";
}

static void
teardown(void)
{
	arena_free(&a);
}

/* Give the request a query string and a form body. */
static void
input(const char *query, const char *body)
{
	ck_assert_int_eq(urlencoded_parse(&a, query, strlen(query),
	    &parse_limits_form, &r.query), PARSE_OK);
	ck_assert_int_eq(urlencoded_parse(&a, body, strlen(body),
	    &parse_limits_form, &r.form), PARSE_OK);
	r.query_string = query;
}

START_TEST(test_param)
{
	bool dup = true;

	input("q=1&both=query&qq=x&qq=y", "f=2&both=form&ff=a&ff=b");
	ck_assert_str_eq(req_param(&r, "q", &dup), "1");
	ck_assert(!dup);
	ck_assert_str_eq(req_param(&r, "f", &dup), "2");
	ck_assert(!dup);
	/* The form wins over the query. */
	ck_assert_str_eq(req_param(&r, "both", &dup), "form");
	ck_assert(!dup);
	ck_assert_ptr_null(req_param(&r, "absent", &dup));
	ck_assert(!dup);

	ck_assert_ptr_null(req_param(&r, "qq", &dup));
	ck_assert(dup);
	dup = false;
	ck_assert_ptr_null(req_param(&r, "ff", &dup));
	ck_assert(dup);
}
END_TEST

START_TEST(test_text)
{
	const char *out = NULL;

	input("name=++Ada+Lovelace+&blank=+%09+&empty=&inner=a++b"
	    "&nl=%0D%0Aline%0A", "");
	ck_assert_int_eq(req_text(&r, "name", true, 100, &out), FIELD_OK);
	ck_assert_str_eq(out, "Ada Lovelace");
	ck_assert_int_eq(req_text(&r, "inner", true, 100, &out), FIELD_OK);
	ck_assert_str_eq(out, "a  b");
	ck_assert_int_eq(req_text(&r, "nl", true, 100, &out), FIELD_OK);
	ck_assert_str_eq(out, "line");

	ck_assert_int_eq(req_text(&r, "blank", true, 100, &out), FIELD_MISSING);
	ck_assert_int_eq(req_text(&r, "blank", false, 100, &out), FIELD_OK);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(req_text(&r, "empty", true, 100, &out), FIELD_MISSING);
	ck_assert_int_eq(req_text(&r, "absent", true, 100, &out),
	    FIELD_MISSING);
	out = NULL;
	ck_assert_int_eq(req_text(&r, "absent", false, 100, &out), FIELD_OK);
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_text_duplicate)
{
	const char *out = NULL;

	input("x=1&x=2", "");
	ck_assert_int_eq(req_text(&r, "x", false, 100, &out), FIELD_DUPLICATE);
	ck_assert_int_eq(req_text(&r, "x", true, 100, &out), FIELD_DUPLICATE);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_text_maxchars)
{
	const char *out = NULL;

	/* Ten Chinese characters are thirty bytes but ten characters. */
	input("zh=%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1%E5%92%8C"
	    "%E5%9B%BD%E4%B8%87%E5%B2%81%E5%95%8A&en=abcdefghijk"
	    "&emoji=%F0%9F%98%80%F0%9F%98%80&pad=+%E4%B8%AD+", "");
	ck_assert_int_eq(req_text(&r, "zh", true, 10, &out), FIELD_OK);
	ck_assert_uint_eq(strlen(out), 30);
	ck_assert_uint_eq(utf8_chars(out), 10);
	out = NULL;
	ck_assert_int_eq(req_text(&r, "zh", true, 9, &out), FIELD_TOO_LONG);
	ck_assert_str_eq(out, "");

	ck_assert_int_eq(req_text(&r, "en", true, 11, &out), FIELD_OK);
	ck_assert_int_eq(req_text(&r, "en", true, 10, &out), FIELD_TOO_LONG);
	ck_assert_int_eq(req_text(&r, "emoji", true, 2, &out), FIELD_OK);
	ck_assert_int_eq(req_text(&r, "emoji", true, 1, &out), FIELD_TOO_LONG);
	/* Trimmed white space does not count. */
	ck_assert_int_eq(req_text(&r, "pad", true, 1, &out), FIELD_OK);
	ck_assert_str_eq(out, "中");
}
END_TEST

START_TEST(test_utf8_chars)
{
	ck_assert_uint_eq(utf8_chars(""), 0);
	ck_assert_uint_eq(utf8_chars("abc"), 3);
	ck_assert_uint_eq(utf8_chars("中文"), 2);
	ck_assert_uint_eq(utf8_chars("a\xF0\x9F\x98\x80z"), 3);
	ck_assert_uint_eq(utf8_chars("\xC3\xA9t\xC3\xA9"), 3);
}
END_TEST

START_TEST(test_int)
{
	int64_t v = -1;

	input("n=42&sp=+7+&neg=-5&big=11&small=-11&word=abc&mixed=12abc"
	    "&frac=1.5&hex=0x10&empty=&two=1+2&huge=99999999999999999999"
	    "&max=9223372036854775807&min=-9223372036854775808&d=1&d=2", "");
	ck_assert_int_eq(req_int(&r, "n", true, 0, 100, &v), FIELD_OK);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(req_int(&r, "sp", true, 0, 100, &v), FIELD_OK);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(req_int(&r, "neg", true, -10, 10, &v), FIELD_OK);
	ck_assert_int_eq(v, -5);

	/* Bounds are inclusive. */
	ck_assert_int_eq(req_int(&r, "n", true, 42, 42, &v), FIELD_OK);
	ck_assert_int_eq(req_int(&r, "big", true, -10, 10, &v),
	    FIELD_OUT_OF_RANGE);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(req_int(&r, "small", true, -10, 10, &v),
	    FIELD_OUT_OF_RANGE);
	ck_assert_int_eq(req_int(&r, "huge", true, INT64_MIN, INT64_MAX, &v),
	    FIELD_OUT_OF_RANGE);
	ck_assert_int_eq(req_int(&r, "max", true, INT64_MIN, INT64_MAX, &v),
	    FIELD_OK);
	ck_assert_int_eq(v, INT64_MAX);
	ck_assert_int_eq(req_int(&r, "min", true, INT64_MIN, INT64_MAX, &v),
	    FIELD_OK);
	ck_assert_int_eq(v, INT64_MIN);

	ck_assert_int_eq(req_int(&r, "word", true, 0, 100, &v),
	    FIELD_NOT_NUMBER);
	ck_assert_int_eq(req_int(&r, "mixed", true, 0, 100, &v),
	    FIELD_NOT_NUMBER);
	ck_assert_int_eq(req_int(&r, "frac", true, 0, 100, &v),
	    FIELD_NOT_NUMBER);
	ck_assert_int_eq(req_int(&r, "hex", true, 0, 100, &v),
	    FIELD_NOT_NUMBER);
	ck_assert_int_eq(req_int(&r, "two", true, 0, 100, &v),
	    FIELD_NOT_NUMBER);

	ck_assert_int_eq(req_int(&r, "empty", true, 0, 100, &v), FIELD_MISSING);
	ck_assert_int_eq(req_int(&r, "absent", true, 0, 100, &v),
	    FIELD_MISSING);
	v = 5;
	ck_assert_int_eq(req_int(&r, "absent", false, 0, 100, &v), FIELD_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(req_int(&r, "d", true, 0, 100, &v), FIELD_DUPLICATE);
}
END_TEST

START_TEST(test_local_path)
{
	ck_assert(local_path_ok("/"));
	ck_assert(local_path_ok("/x"));
	ck_assert(local_path_ok("/applications/5?tab=files&x=%2F%2F"));
	ck_assert(local_path_ok("/a//b"));

	ck_assert(!local_path_ok(NULL));
	ck_assert(!local_path_ok(""));
	ck_assert(!local_path_ok("x"));
	ck_assert(!local_path_ok("//evil"));
	ck_assert(!local_path_ok("//evil.example/x"));
	ck_assert(!local_path_ok("http://x"));
	ck_assert(!local_path_ok("https://evil.example/"));
	ck_assert(!local_path_ok("javascript:alert(1)"));
	ck_assert(!local_path_ok("/\\evil"));
	ck_assert(!local_path_ok("/a\\b"));
	ck_assert(!local_path_ok("/a\r\nb"));
	ck_assert(!local_path_ok("/a\nSet-Cookie: x=1"));
	ck_assert(!local_path_ok("/\t/evil"));
	ck_assert(!local_path_ok("/a\x7f"));
}
END_TEST

START_TEST(test_header)
{
	ck_assert_int_eq(resp_header(&r, "X-Test", "ok"), 0);
	ck_assert_uint_eq(r.nheaders, 1);
	ck_assert_str_eq(r.headers[0].name, "X-Test");
	ck_assert_str_eq(r.headers[0].value, "ok");

	ck_assert_int_eq(resp_header(&r, "X-Bad", "a\r\nSet-Cookie: x=1"), -1);
	ck_assert_int_eq(resp_header(&r, "X-Bad", "a\nb"), -1);
	ck_assert_int_eq(resp_header(&r, "X-Bad", "a\rb"), -1);
	ck_assert_int_eq(resp_header(&r, "X-Bad\r\nX-Evil", "v"), -1);
	ck_assert_int_eq(resp_header(&r, "X-Bad: v\nX", "v"), -1);
	ck_assert_int_eq(resp_header(&r, "X:Bad", "v"), -1);
	ck_assert_uint_eq(r.nheaders, 1);

	/* The table holds RESP_HEADERS_MAX, then refuses. */
	for (size_t i = 1; i < RESP_HEADERS_MAX; i++)
		ck_assert_int_eq(resp_header(&r, "X-N", "v"), 0);
	ck_assert_uint_eq(r.nheaders, RESP_HEADERS_MAX);
	ck_assert_int_eq(resp_header(&r, "X-Over", "v"), -1);
	ck_assert_uint_eq(r.nheaders, RESP_HEADERS_MAX);
}
END_TEST

/* The value of the last Set-Cookie header added. */
static const char *
last_cookie(void)
{
	ck_assert_uint_gt(r.nheaders, 0);
	ck_assert_str_eq(r.headers[r.nheaders - 1].name, "Set-Cookie");
	return r.headers[r.nheaders - 1].value;
}

START_TEST(test_cookie)
{
	const char *c;

	ck_assert_int_eq(resp_cookie(&r, "lang", "en", 10, true), 0);
	c = last_cookie();
	ck_assert_msg(strncmp(c, "lang=en; ", 9) == 0, "cookie: %s", c);
	ck_assert_ptr_nonnull(strstr(c, "; Path=/"));
	ck_assert_ptr_nonnull(strstr(c, "; SameSite=Lax"));
	ck_assert_ptr_nonnull(strstr(c, "; HttpOnly"));
	ck_assert_ptr_nonnull(strstr(c, "; Max-Age=10"));
	ck_assert_ptr_null(strstr(c, "Secure"));
	ck_assert_str_eq(c,
	    "lang=en; Path=/; SameSite=Lax; HttpOnly; Max-Age=10");

	r.https = true;
	ck_assert_int_eq(resp_cookie(&r, "sid", "abc", -1, false), 0);
	c = last_cookie();
	ck_assert(strncmp(c, "sid=abc; ", 9) == 0);
	ck_assert_ptr_nonnull(strstr(c, "; Secure"));
	ck_assert_ptr_nonnull(strstr(c, "; SameSite=Lax"));
	ck_assert_ptr_null(strstr(c, "HttpOnly"));
	ck_assert_ptr_null(strstr(c, "Max-Age"));

	/* Max-Age=0 deletes. */
	ck_assert_int_eq(resp_cookie(&r, "sid", "", 0, true), 0);
	ck_assert_ptr_nonnull(strstr(last_cookie(), "; Max-Age=0"));
	ck_assert_uint_eq(r.nheaders, 3);
}
END_TEST

START_TEST(test_cookie_refused)
{
	ck_assert_int_eq(resp_cookie(&r, "a", "x;Domain=evil", 10, true), -1);
	ck_assert_int_eq(resp_cookie(&r, "a", "x y", 10, true), -1);
	ck_assert_int_eq(resp_cookie(&r, "a", "x,y", 10, true), -1);
	ck_assert_int_eq(resp_cookie(&r, "a", "\"q\"", 10, true), -1);
	ck_assert_int_eq(resp_cookie(&r, "a", "back\\slash", 10, true), -1);
	ck_assert_int_eq(resp_cookie(&r, "a", "x\r\nSet-Cookie: y=1", 10, true),
	    -1);
	ck_assert_uint_eq(r.nheaders, 0);
}
END_TEST

START_TEST(test_redirect)
{
	ck_assert_int_eq(resp_redirect(&r, "/applications?x=1"), 303);
	ck_assert_int_eq(r.status, 303);
	ck_assert_str_eq(r.headers[0].name, "Location");
	ck_assert_str_eq(r.headers[0].value, "/applications?x=1");
	ck_assert_int_eq(resp_redirect(&r, "//evil.example"), 303);
	ck_assert_str_eq(r.headers[1].value, "/");
	ck_assert_int_eq(resp_redirect(&r, NULL), 303);
	ck_assert_str_eq(r.headers[2].value, "/");
}
END_TEST

/* Does s end with suffix? */
static int
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

START_TEST(test_head)
{
	struct buf	 out = { 0 };
	char		*s;

	r.status = 404;
	r.content_type_out = "text/html; charset=utf-8";
	r.private_page = true;
	ck_assert_int_eq(resp_header(&r, "X-Request-Id", "abc"), 0);
	resp_head(&r, 1234, &out);
	ck_assert(!out.failed);
	s = arena_strndup(&a, out.data, out.len);
	ck_assert_msg(strncmp(s, "Status: 404 Not Found\r\n", 23) == 0,
	    "head: %s", s);
	ck_assert_ptr_nonnull(strstr(s,
	    "\r\nContent-Type: text/html; charset=utf-8\r\n"));
	ck_assert_ptr_nonnull(strstr(s, "\r\nContent-Length: 1234\r\n"));
	ck_assert_ptr_nonnull(strstr(s, "\r\nCache-Control: no-store\r\n"));
	ck_assert_ptr_nonnull(strstr(s, "\r\nX-Request-Id: abc\r\n"));
	ck_assert(ends_with(out.data, out.len, "\r\n\r\n"));
	/* Exactly one blank line: the end of the head. */
	ck_assert_ptr_eq(strstr(s, "\r\n\r\n"), s + out.len - 4);
	buf_free(&out);

	/* No content type, public page: neither line is there. */
	r.content_type_out = NULL;
	r.private_page = false;
	r.nheaders = 0;
	r.status = 303;
	resp_head(&r, 0, &out);
	s = arena_strndup(&a, out.data, out.len);
	ck_assert_str_eq(s, "Status: 303 See Other\r\nContent-Length: 0\r\n\r\n");
	buf_free(&out);
}
END_TEST

START_TEST(test_status_text)
{
	ck_assert_str_eq(http_status_text(200), "OK");
	ck_assert_str_eq(http_status_text(404), "Not Found");
	ck_assert_str_eq(http_status_text(405), "Method Not Allowed");
	ck_assert_str_eq(http_status_text(500), "Internal Server Error");
	ck_assert_str_eq(http_status_text(299), "OK");
	ck_assert_str_eq(http_status_text(499), "Error");
}
END_TEST

Suite *
request_suite(void)
{
	Suite	*s = suite_create("request");
	TCase	*tq = tcase_create("params");
	TCase	*tr = tcase_create("response");

	tcase_add_checked_fixture(tq, setup, teardown);
	tcase_add_test(tq, test_param);
	tcase_add_test(tq, test_text);
	tcase_add_test(tq, test_text_duplicate);
	tcase_add_test(tq, test_text_maxchars);
	tcase_add_test(tq, test_utf8_chars);
	tcase_add_test(tq, test_int);
	suite_add_tcase(s, tq);

	tcase_add_checked_fixture(tr, setup, teardown);
	tcase_add_test(tr, test_local_path);
	tcase_add_test(tr, test_header);
	tcase_add_test(tr, test_cookie);
	tcase_add_test(tr, test_cookie_refused);
	tcase_add_test(tr, test_redirect);
	tcase_add_test(tr, test_head);
	tcase_add_test(tr, test_status_text);
	suite_add_tcase(s, tr);
	return s;
}
