/* test_arena.c: the per-request bump allocator: alignment, blocks, limit, reset and copies. */
#include <stdint.h>
#include <string.h>

#include "../../cgi-bin/http/arena.h"
#include "suites.h"

#define ALIGN	16

static int
aligned(const void *p)
{
	return ((uintptr_t)p % ALIGN) == 0;
}

START_TEST(test_alignment)
{
	struct arena	 a;
	size_t		 sizes[] = { 1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100,
	    255 };

	arena_init(&a, 1024, 0);
	for (int round = 0; round < 50; round++)
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			void *p = arena_alloc(&a, sizes[i]);

			ck_assert_ptr_nonnull(p);
			ck_assert_msg(aligned(p), "alloc of %zu bytes at %p is not "
			    "%d-aligned", sizes[i], p, ALIGN);
			memset(p, 0xa5, sizes[i]);
		}
	/* Zero bytes still gives a distinct, aligned pointer. */
	{
		void *p = arena_alloc(&a, 0), *q = arena_alloc(&a, 0);

		ck_assert_ptr_nonnull(p);
		ck_assert_ptr_nonnull(q);
		ck_assert_ptr_ne(p, q);
		ck_assert(aligned(p) && aligned(q));
	}
	arena_free(&a);
	ck_assert_ptr_null(a.head);
	ck_assert_uint_eq(a.used_total, 0);
}
END_TEST

/* Many small allocations never overlap: each keeps the pattern written into it. */
START_TEST(test_many_small)
{
	enum { N = 5000 };
	struct arena	 a;
	static unsigned char *ptrs[N];
	size_t		 total = 0;

	arena_init(&a, 4096, 0);
	for (size_t i = 0; i < N; i++) {
		size_t n = 1 + i % 61;

		ptrs[i] = arena_alloc(&a, n);
		ck_assert_ptr_nonnull(ptrs[i]);
		ck_assert(aligned(ptrs[i]));
		memset(ptrs[i], (int)(i & 0xff), n);
		total += (n + ALIGN - 1) / ALIGN * ALIGN;
	}
	for (size_t i = 0; i < N; i++) {
		size_t n = 1 + i % 61;

		for (size_t k = 0; k < n; k++)
			ck_assert_msg(ptrs[i][k] == (unsigned char)(i & 0xff),
			    "allocation %zu was overwritten at byte %zu", i, k);
	}
	/* used_total counts the rounded-up sizes handed out. */
	ck_assert_uint_eq(a.used_total, total);
	arena_free(&a);
}
END_TEST

START_TEST(test_large)
{
	struct arena	 a;
	unsigned char	*small1, *big, *small2, *huge;
	size_t		 bign = 100000, hugen = 4 * 1024 * 1024;

	arena_init(&a, 4096, 0);
	small1 = arena_alloc(&a, 32);
	ck_assert_ptr_nonnull(small1);
	memset(small1, 1, 32);

	/* Larger than a block: gets a block of its own. */
	big = arena_alloc(&a, bign);
	ck_assert_ptr_nonnull(big);
	ck_assert(aligned(big));
	memset(big, 2, bign);

	/* The current block's free space is still used after it. */
	small2 = arena_alloc(&a, 32);
	ck_assert_ptr_nonnull(small2);
	memset(small2, 3, 32);
	ck_assert_msg(small2 == small1 + 32,
	    "a small allocation after a large one left the current block");

	huge = arena_alloc(&a, hugen);
	ck_assert_ptr_nonnull(huge);
	ck_assert(aligned(huge));
	memset(huge, 4, hugen);

	ck_assert_uint_eq(small1[31], 1);
	ck_assert_uint_eq(big[0], 2);
	ck_assert_uint_eq(big[bign - 1], 2);
	ck_assert_uint_eq(small2[0], 3);
	ck_assert_uint_eq(huge[hugen - 1], 4);
	ck_assert_uint_eq(a.used_total, 32 + 100000 + 32 + hugen);
	arena_free(&a);
}
END_TEST

/* A large first allocation, before any ordinary block exists. */
START_TEST(test_large_first)
{
	struct arena	 a;
	char		*big, *p;

	arena_init(&a, 1024, 0);
	big = arena_alloc(&a, 10000);
	ck_assert_ptr_nonnull(big);
	memset(big, 'b', 10000);
	p = arena_alloc(&a, 100);
	ck_assert_ptr_nonnull(p);
	ck_assert(aligned(p));
	memset(p, 'p', 100);
	ck_assert_int_eq(big[9999], 'b');
	arena_reset(&a);
	ck_assert_uint_eq(a.used_total, 0);
	p = arena_alloc(&a, 100);
	ck_assert_ptr_nonnull(p);
	arena_free(&a);
}
END_TEST

START_TEST(test_limit)
{
	struct arena	 a;
	void		*p;

	arena_init(&a, 1024, 4096);
	for (int i = 0; i < 4; i++) {
		p = arena_alloc(&a, 1000);	/* 1008 rounded */
		ck_assert_ptr_nonnull(p);
	}
	ck_assert_uint_eq(a.used_total, 4 * 1008);
	/* 64 bytes are left: 64 fit, one more byte does not. */
	ck_assert_ptr_null(arena_alloc(&a, 65));
	ck_assert_uint_eq(a.used_total, 4 * 1008);
	ck_assert_ptr_nonnull(arena_alloc(&a, 64));
	ck_assert_uint_eq(a.used_total, 4096);
	ck_assert_ptr_null(arena_alloc(&a, 1));
	ck_assert_ptr_null(arena_alloc(&a, 0));
	ck_assert_ptr_null(arena_strdup(&a, "x"));
	ck_assert_ptr_null(arena_printf(&a, "%d", 1));
	ck_assert_uint_eq(a.used_total, 4096);

	/* A single request above the limit fails on a fresh arena too. */
	arena_reset(&a);
	ck_assert_uint_eq(a.used_total, 0);
	ck_assert_ptr_null(arena_alloc(&a, 4097));
	ck_assert_ptr_nonnull(arena_alloc(&a, 4096));
	ck_assert_ptr_null(arena_alloc(&a, 1));
	arena_free(&a);
}
END_TEST

START_TEST(test_reset_reuse)
{
	struct arena	 a;
	char		*p;

	arena_init(&a, 1024, 8192);
	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < 7; i++) {
			p = arena_alloc(&a, 1000);
			ck_assert_msg(p != NULL, "round %d alloc %d failed after "
			    "reset", round, i);
			memset(p, 'x', 1000);
		}
		p = arena_alloc(&a, 3000);	/* 7056 + 3008 > 8192 */
		ck_assert_ptr_null(p);
		arena_reset(&a);
		ck_assert_uint_eq(a.used_total, 0);
		/* One ordinary block is kept, empty, for the next request. */
		ck_assert_ptr_nonnull(a.head);
	}
	p = arena_strdup(&a, "after reset");
	ck_assert_str_eq(p, "after reset");
	arena_free(&a);
	ck_assert_ptr_null(a.head);
}
END_TEST

START_TEST(test_reset_empty)
{
	struct arena a;

	arena_init(&a, 0, 0);
	arena_reset(&a);
	ck_assert_ptr_null(a.head);
	ck_assert_ptr_nonnull(arena_alloc(&a, 10));
	arena_free(&a);
	arena_free(&a);		/* twice is harmless */
	ck_assert_ptr_null(a.head);
}
END_TEST

START_TEST(test_strings)
{
	struct arena	 a;
	const char	*src = "hello, world";
	char		*s, *long_s, big[3000];

	arena_init(&a, 256, 0);
	s = arena_strdup(&a, src);
	ck_assert_str_eq(s, src);
	ck_assert_ptr_ne(s, src);

	s = arena_strdup(&a, "");
	ck_assert_str_eq(s, "");

	s = arena_strndup(&a, src, 5);
	ck_assert_str_eq(s, "hello");

	/* strndup copies n bytes even past a NUL; no terminator needed in src. */
	s = arena_strndup(&a, "ab\0cd", 5);
	ck_assert_mem_eq(s, "ab\0cd", 5);
	ck_assert_int_eq(s[5], '\0');
	{
		char unterminated[3] = { 'x', 'y', 'z' };

		s = arena_strndup(&a, unterminated, 3);
		ck_assert_str_eq(s, "xyz");
	}

	s = arena_printf(&a, "%s-%d-%05.1f-%c", "id", 42, 3.14159, 'z');
	ck_assert_str_eq(s, "id-42-003.1-z");
	s = arena_printf(&a, "%s", "");
	ck_assert_str_eq(s, "");

	/* Longer than a block. */
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	long_s = arena_printf(&a, "<%s>", big);
	ck_assert_ptr_nonnull(long_s);
	ck_assert_uint_eq(strlen(long_s), sizeof(big) + 1);
	ck_assert_int_eq(long_s[0], '<');
	ck_assert_int_eq(long_s[sizeof(big)], '>');

	ck_assert_ptr_null(arena_strndup(&a, "x", SIZE_MAX));
	arena_free(&a);
}
END_TEST

START_TEST(test_calloc)
{
	struct arena	 a;
	unsigned char	*p;
	int		*v;

	arena_init(&a, 1024, 0);
	/* Dirty the block, reset, and check calloc hands back zeroes. */
	p = arena_alloc(&a, 512);
	memset(p, 0xff, 512);
	arena_reset(&a);
	v = arena_calloc(&a, 100, sizeof(int));
	ck_assert_ptr_nonnull(v);
	ck_assert(aligned(v));
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(v[i], 0);

	ck_assert_ptr_nonnull(arena_calloc(&a, 0, 8));
	ck_assert_ptr_nonnull(arena_calloc(&a, 8, 0));

	/* count * size overflows size_t: refused, not wrapped around. */
	ck_assert_ptr_null(arena_calloc(&a, SIZE_MAX / 2 + 1, 2));
	ck_assert_ptr_null(arena_calloc(&a, 2, SIZE_MAX / 2 + 1));
	ck_assert_ptr_null(arena_calloc(&a, SIZE_MAX, SIZE_MAX));
	ck_assert_ptr_null(arena_calloc(&a, (SIZE_MAX >> 4) + 2, 16));
	/* So is a size no block can hold. */
	ck_assert_ptr_null(arena_alloc(&a, SIZE_MAX));
	ck_assert_ptr_null(arena_alloc(&a, SIZE_MAX - 15));
	ck_assert_ptr_null(arena_alloc(&a, SIZE_MAX - 16));
	arena_free(&a);
}
END_TEST

Suite *
arena_suite(void)
{
	Suite	*s = suite_create("arena");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_alignment);
	tcase_add_test(tc, test_many_small);
	tcase_add_test(tc, test_large);
	tcase_add_test(tc, test_large_first);
	tcase_add_test(tc, test_limit);
	tcase_add_test(tc, test_reset_reuse);
	tcase_add_test(tc, test_reset_empty);
	tcase_add_test(tc, test_strings);
	tcase_add_test(tc, test_calloc);
	suite_add_tcase(s, tc);
	return s;
}
