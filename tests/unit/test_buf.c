/* test_buf.c: the growable byte buffer: appends, growth, reset, failure and free. */
#include <stdint.h>
#include <string.h>

#include "../../cgi-bin/http/buf.h"
#include "suites.h"

START_TEST(test_append)
{
	struct buf b = { 0 };

	buf_append(&b, "", 0);
	ck_assert_ptr_null(b.data);		/* nothing allocated */
	buf_puts(&b, "abc");
	buf_append(&b, "d\0e", 3);
	buf_printf(&b, "-%d-%s", 42, "x");
	ck_assert(!b.failed);
	ck_assert_uint_eq(b.len, 3 + 3 + 5);
	ck_assert_mem_eq(b.data, "abcd\0e-42-x", 11);
	ck_assert_uint_ge(b.cap, b.len);
	buf_printf(&b, "%s", "");
	ck_assert_uint_eq(b.len, 11);
	buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(test_growth)
{
	struct buf	 b = { 0 };
	char		 chunk[1000];

	for (size_t i = 0; i < 100; i++) {
		memset(chunk, 'a' + (int)(i % 26), sizeof(chunk));
		buf_append(&b, chunk, sizeof(chunk));
	}
	ck_assert(!b.failed);
	ck_assert_uint_eq(b.len, 100000);
	for (size_t i = 0; i < 100; i++)
		ck_assert_int_eq(b.data[i * 1000 + 999], 'a' + (int)(i % 26));
	/* A long printf. */
	buf_printf(&b, "%05000d|", 7);
	ck_assert_uint_eq(b.len, 105001);
	ck_assert_int_eq(b.data[105000], '|');
	ck_assert_int_eq(b.data[104999], '7');
	buf_free(&b);
}
END_TEST

START_TEST(test_reset)
{
	struct buf	 b = { 0 };
	char		*kept, big[4096];

	buf_puts(&b, "hello");
	kept = b.data;
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_ptr_eq(b.data, kept);		/* small: memory kept */
	buf_puts(&b, "again");
	ck_assert_mem_eq(b.data, "again", 5);

	/* Past 256 KiB the memory is given back. */
	memset(big, 'z', sizeof(big));
	for (int i = 0; i < 80; i++)
		buf_append(&b, big, sizeof(big));
	ck_assert_uint_gt(b.cap, 256 * 1024);
	buf_reset(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.cap, 0);
	ck_assert_uint_eq(b.len, 0);
	buf_puts(&b, "x");
	ck_assert_uint_eq(b.len, 1);
	buf_free(&b);
}
END_TEST

START_TEST(test_failed)
{
	struct buf b = { 0 };

	buf_puts(&b, "0123456789");
	/* Too large to ever fit: refused, flagged, contents unchanged. */
	buf_append(&b, "", SIZE_MAX / 2);
	ck_assert(b.failed);
	ck_assert_uint_eq(b.len, 10);
	/* Once failed, later appends are dropped too... */
	buf_puts(&b, "more");
	buf_printf(&b, "%d", 1);
	ck_assert_uint_eq(b.len, 10);
	ck_assert_mem_eq(b.data, "0123456789", 10);
	/* ...until a reset. */
	buf_reset(&b);
	ck_assert(!b.failed);
	buf_puts(&b, "ok");
	ck_assert_uint_eq(b.len, 2);
	buf_free(&b);
	ck_assert(!b.failed);
}
END_TEST

Suite *
buf_suite(void)
{
	Suite	*s = suite_create("buf");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_append);
	tcase_add_test(tc, test_growth);
	tcase_add_test(tc, test_reset);
	tcase_add_test(tc, test_failed);
	suite_add_tcase(s, tc);
	return s;
}
