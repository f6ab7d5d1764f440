/* test_i18n.c: the .po parser, language negotiation, and the real catalogs loaded and compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cgi-bin/http/buf.h"
#include "../../cgi-bin/view/i18n.h"
#include "suites.h"

/* Entries seen by po_parse, as "msgid=msgstr\n" lines. */
struct seen {
	struct buf	 text;
	int		 count;
	int		 fail_at;	/* refuse entry number fail_at; 0: never */
};

static int
collect(const char *id, const char *str, void *ctx)
{
	struct seen *s = ctx;

	s->count++;
	if (s->fail_at != 0 && s->count == s->fail_at)
		return -1;
	buf_puts(&s->text, id);
	buf_puts(&s->text, "=");
	buf_puts(&s->text, str);
	buf_puts(&s->text, "\n");
	return 0;
}

/* Parse src; expect result rc and, when want is not NULL, exactly those entries. */
static void
po_expect(const char *src, int rc, const char *want)
{
	struct seen	 s = { { 0 }, 0, 0 };
	int		 got = po_parse(src, strlen(src), collect, &s);

	buf_append(&s.text, "", 1);	/* terminate, even when empty */
	ck_assert(!s.text.failed);
	ck_assert_msg(got == rc, "po_parse returned %d, want %d, for:\n%s", got,
	    rc, src);
	if (want != NULL)
		ck_assert_msg(strcmp(s.text.data, want) == 0,
		    "entries:\n%s\nwant:\n%s", s.text.data, want);
	buf_free(&s.text);
}

START_TEST(test_po_simple)
{
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b.c\"\nmsgstr \"B C\"\n",
	    0, "a=A\nb.c=B C\n");
	/* Entries without a blank line between them. */
	po_expect("msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\nmsgstr \"B\"\n", 0,
	    "a=A\nb=B\n");
	/* Spaces around the keyword's string, UTF-8 text. */
	po_expect("msgid   \"k\"  \nmsgstr  \"中文\"\t\n", 0, "k=中文\n");
	po_expect("", 0, "");
	po_expect("\n\n\n", 0, "");
}
END_TEST

START_TEST(test_po_header_skipped)
{
	po_expect("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
	    "charset=UTF-8\\n\"\n\"Language: en\\n\"\n\nmsgid \"k\"\n"
	    "msgstr \"v\"\n", 0, "k=v\n");
}
END_TEST

START_TEST(test_po_continued)
{
	po_expect("msgid \"\"\n\"long.\"\n\"key\"\nmsgstr \"first \"\n"
	    "\"second \"\n  \"third\"\n", 0, "long.key=first second third\n");
}
END_TEST

START_TEST(test_po_escapes)
{
	po_expect("msgid \"e\"\nmsgstr \"l1\\nl2 \\\"q\\\" b\\\\s\\tt\"\n", 0,
	    "e=l1\nl2 \"q\" b\\s\tt\n");
	/* A backslash before the closing quote escapes it: still open. */
	po_expect("msgid \"e\"\nmsgstr \"x\\\"\n", 2, NULL);
}
END_TEST

START_TEST(test_po_comments_and_blanks)
{
	po_expect("# translator comment\n#. extracted\n#: src/x.c:1\n#, fuzzy\n"
	    "msgid \"a\"\nmsgstr \"A\"\n   \t \n# between\n\n  \n"
	    "msgid \"b\"\nmsgstr \"B\"\n# trailing comment", 0, "a=A\nb=B\n");
	/* White-space-only lines end an entry like blank ones. */
	po_expect("msgid \"a\"\nmsgstr \"A\"\n  \nmsgid \"b\"\nmsgstr \"B\"\n", 0,
	    "a=A\nb=B\n");
	/* CRLF line ends. */
	po_expect("msgid \"a\"\r\nmsgstr \"A\"\r\n\r\nmsgid \"b\"\r\n"
	    "msgstr \"B\"\r\n", 0, "a=A\nb=B\n");
}
END_TEST

START_TEST(test_po_no_trailing_newline)
{
	po_expect("msgid \"a\"\nmsgstr \"A\"", 0, "a=A\n");
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\nmsgstr \"B\"", 0,
	    "a=A\nb=B\n");
	po_expect("msgid \"a\"\nmsgstr \"\"\n\"A\"", 0, "a=A\n");
}
END_TEST

/* An empty msgstr is passed on: the loader is the one to refuse it. */
START_TEST(test_po_empty_translation)
{
	po_expect("msgid \"a\"\nmsgstr \"\"\n", 0, "a=\n");
}
END_TEST

START_TEST(test_po_errors)
{
	/* Unterminated string, on line 4 or at EOF on line 1. */
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\nmsgstr \"B\"\n", 4,
	    NULL);
	po_expect("msgid \"a", 1, NULL);
	po_expect("msgid \"a\"\nmsgstr \"A\n", 2, NULL);
	/* Unknown escape. */
	po_expect("msgid \"a\"\nmsgstr \"A\\q\"\n", 2, NULL);
	po_expect("# c\n\nmsgid \"\\x41\"\nmsgstr \"A\"\n", 3, NULL);
	/* msgstr without msgid. */
	po_expect("# c\nmsgstr \"A\"\n", 2, NULL);
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgstr \"B\"\n", 4, NULL);
	/* A continuation with nothing to continue. */
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\n\"more\"\n", 4, NULL);
	/* Two msgids, two msgstrs. */
	po_expect("msgid \"a\"\nmsgid \"b\"\nmsgstr \"B\"\n", 2, NULL);
	po_expect("msgid \"a\"\nmsgstr \"A\"\nmsgstr \"B\"\n", 3, NULL);
	/* Junk. */
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nhello\n", 4, NULL);
	po_expect("msgid \"a\"\nmsgstr \"A\" junk\n", 2, NULL);
	po_expect("msgctxt \"c\"\nmsgid \"a\"\nmsgstr \"A\"\n", 1, NULL);
	po_expect("msgid\"a\"\nmsgstr \"A\"\n", 1, NULL);
	po_expect("msgid a\nmsgstr \"A\"\n", 1, NULL);
}
END_TEST

/*
 * msgid without msgstr: reported where the msgstr was due, the line after
 * the msgid (blank or past the end), or the msgid's own line when the
 * file ends on it without a newline.
 */
START_TEST(test_po_missing_msgstr)
{
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\n\nmsgid \"c\"\n"
	    "msgstr \"C\"\n", 5, NULL);
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"", 4, NULL);
	po_expect("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\n", 5, NULL);
	po_expect("msgid \"b\"\n\"more\"\n", 3, NULL);
}
END_TEST

/* A refusing callback stops the parse with a non-zero line. */
START_TEST(test_po_callback_fails)
{
	const char	*src = "msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\n"
	    "msgstr \"B\"\n\nmsgid \"c\"\nmsgstr \"C\"\n";
	struct seen	 s = { { 0 }, 0, 2 };

	ck_assert_int_ne(po_parse(src, strlen(src), collect, &s), 0);
	ck_assert_int_eq(s.count, 2);		/* c was never offered */
	buf_free(&s.text);
}
END_TEST

/* A string of up to 64 KiB, continuations included, fits; one byte more does not. */
START_TEST(test_po_long_string)
{
	const size_t	 max = 64 * 1024, half = max / 2;
	char		*src = malloc(max + 64);
	struct seen	 s = { { 0 }, 0, 0 };
	size_t		 n;

	ck_assert_ptr_nonnull(src);
	/* msgid "k" / msgstr "<half x>" / "<half y>" */
	n = (size_t)sprintf(src, "msgid \"k\"\nmsgstr \"");
	memset(src + n, 'x', half);
	n += half;
	memcpy(src + n, "\"\n\"", 3);
	n += 3;
	memset(src + n, 'y', half);
	n += half;
	memcpy(src + n, "\"\n", 3);
	n += 2;
	ck_assert_int_eq(po_parse(src, n, collect, &s), 0);
	ck_assert_int_eq(s.count, 1);
	ck_assert_uint_eq(s.text.len, strlen("k=") + max + 1);
	ck_assert_int_eq(s.text.data[2 + half - 1], 'x');
	ck_assert_int_eq(s.text.data[2 + half], 'y');

	/* One more byte on the continuation line: refused on that line. */
	memcpy(src + n - 2, "y\"\n", 4);
	ck_assert_int_eq(po_parse(src, n + 1, collect, &s), 3);
	ck_assert_int_eq(s.count, 1);
	free(src);
	buf_free(&s.text);
}
END_TEST

/* len bounds the parse: a heap copy without terminator. */
START_TEST(test_po_not_terminated)
{
	const char	*src = "msgid \"a\"\nmsgstr \"A\"";
	size_t		 len = strlen(src);
	char		*copy = malloc(len);
	struct seen	 s = { { 0 }, 0, 0 };

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, src, len);
	ck_assert_int_eq(po_parse(copy, len, collect, &s), 0);
	ck_assert_int_eq(s.count, 1);
	/* Cut inside the string: unterminated. */
	ck_assert_int_eq(po_parse(copy, len - 1, collect, &s), 2);
	free(copy);
	buf_free(&s.text);
}
END_TEST

START_TEST(test_lang_parse)
{
	ck_assert_int_eq(lang_parse("zh"), LANG_ZH);
	ck_assert_int_eq(lang_parse("zh-CN"), LANG_ZH);
	ck_assert_int_eq(lang_parse("zh_TW"), LANG_ZH);
	ck_assert_int_eq(lang_parse("ZH-cn"), LANG_ZH);
	ck_assert_int_eq(lang_parse("zh-Hans-CN"), LANG_ZH);
	ck_assert_int_eq(lang_parse("en"), LANG_EN);
	ck_assert_int_eq(lang_parse("en-GB"), LANG_EN);
	ck_assert_int_eq(lang_parse("EN"), LANG_EN);
	ck_assert_int_eq(lang_parse("fr"), -1);
	ck_assert_int_eq(lang_parse("zhx"), -1);
	ck_assert_int_eq(lang_parse("eng"), -1);
	ck_assert_int_eq(lang_parse("z"), -1);
	ck_assert_int_eq(lang_parse(""), -1);
	ck_assert_int_eq(lang_parse("-en"), -1);
	ck_assert_int_eq(lang_parse(NULL), -1);

	ck_assert_str_eq(lang_code(LANG_ZH), "zh-CN");
	ck_assert_str_eq(lang_code(LANG_EN), "en");
	ck_assert_str_eq(lang_code(LANG__MAX), "zh-CN");
	ck_assert_int_eq(lang_parse(lang_code(LANG_ZH)), LANG_ZH);
	ck_assert_int_eq(lang_parse(lang_code(LANG_EN)), LANG_EN);
}
END_TEST

START_TEST(test_lang_from_accept)
{
	ck_assert_int_eq(lang_from_accept("en-US,en;q=0.9"), LANG_EN);
	ck_assert_int_eq(lang_from_accept("fr, en;q=0.1"), LANG_EN);
	ck_assert_int_eq(lang_from_accept("zh-CN,en;q=0.8"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("en;q=0"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("en;q=0.000"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept(NULL), LANG_ZH);
	ck_assert_int_eq(lang_from_accept(""), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("fr-FR,de;q=0.5"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("*"), LANG_ZH);

	/* The highest q wins, wherever it stands; ties go to the first. */
	ck_assert_int_eq(lang_from_accept("zh;q=0.5, en;q=0.6"), LANG_EN);
	ck_assert_int_eq(lang_from_accept("en;q=0.6,zh;q=0.7"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("en;q=0.5, zh;q=0.5"), LANG_EN);
	ck_assert_int_eq(lang_from_accept("en , zh"), LANG_EN);
	ck_assert_int_eq(lang_from_accept("fr;q=1, en-GB ; q=0.3"), LANG_EN);
	ck_assert_int_eq(lang_from_accept("  EN-gb  "), LANG_EN);

	/* A q out of [0, 1] or unreadable counts as 0. */
	ck_assert_int_eq(lang_from_accept("en;q=2"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("en;q=-1"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("en;q=abc"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("zh;q=2, en;q=0.1"), LANG_EN);

	/* Garbage never crashes and falls back to Chinese. */
	ck_assert_int_eq(lang_from_accept(",,,;;;"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept(";q=1"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("q=0.5"), LANG_ZH);
	ck_assert_int_eq(lang_from_accept("\x01\x02\xff,;="), LANG_ZH);
	ck_assert_int_eq(lang_from_accept(
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
	    LANG_ZH);
	/* A tag longer than the parser's buffer is still read by its start. */
	ck_assert_int_eq(lang_from_accept(
	    "fr,en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd;q=0.4"), LANG_EN);
}
END_TEST


/* Every key of one catalog has a non-empty text in the other. */
struct cross {
	enum lang	 other;
	int		 keys;
	int		 missing;
};

static void
check_key(const char *key, void *ctx)
{
	struct cross	*c = ctx;
	const char	*t = i18n_lookup(c->other, key);

	c->keys++;
	if (t == NULL) {
		fprintf(stderr, "i18n test: \"%s\" has no %s text\n", key,
		    lang_code(c->other));
		c->missing++;
	} else if (t[0] == '\0') {
		fprintf(stderr, "i18n test: \"%s\" is empty in %s\n", key,
		    lang_code(c->other));
		c->missing++;
	}
}

START_TEST(test_real_catalogs)
{
	struct cross zh_in_en = { LANG_EN, 0, 0 }, en_in_zh = { LANG_ZH, 0, 0 };
	struct cross zh_in_zh = { LANG_ZH, 0, 0 };

	ck_assert_int_eq(i18n_load("po"), 0);
	i18n_foreach_key(LANG_ZH, check_key, &zh_in_en);
	i18n_foreach_key(LANG_EN, check_key, &en_in_zh);
	i18n_foreach_key(LANG_ZH, check_key, &zh_in_zh);
	ck_assert_int_gt(zh_in_en.keys, 0);
	ck_assert_msg(zh_in_en.missing == 0, "%d zh_CN.po keys lack English",
	    zh_in_en.missing);
	ck_assert_msg(en_in_zh.missing == 0, "%d en.po keys lack Chinese",
	    en_in_zh.missing);
	ck_assert_int_eq(zh_in_zh.missing, 0);	/* no empty Chinese text */
	ck_assert_int_eq(zh_in_en.keys, en_in_zh.keys);

	/* A few known texts, to tell the catalogs apart. */
	ck_assert_str_eq(i18n_lookup(LANG_EN, "nav.home"), "Home");
	ck_assert_str_eq(i18n_lookup(LANG_ZH, "nav.home"), "首页");
	ck_assert_str_eq(i18n_lookup(LANG_EN, "layout.other_language_code"),
	    lang_code(LANG_ZH));
	ck_assert_str_eq(i18n_lookup(LANG_ZH, "layout.other_language_code"),
	    lang_code(LANG_EN));
	/* The header entry is not a key. */
	ck_assert_ptr_null(i18n_lookup(LANG_EN, ""));
	ck_assert_ptr_null(i18n_lookup(LANG_EN, "no.such.key"));
	/* i18n_text falls back to the key itself. */
	ck_assert_str_eq(i18n_text(LANG_EN, "no.such.key"), "no.such.key");
	ck_assert_str_eq(i18n_text(LANG_ZH, "nav.home"), "首页");
	/* view_error falls back to error.500 for a status without texts. */
	for (int l = 0; l < LANG__MAX; l++) {
		ck_assert_ptr_nonnull(i18n_lookup((enum lang)l,
		    "error.500.title"));
		ck_assert_ptr_nonnull(i18n_lookup((enum lang)l,
		    "error.500.text"));
	}
}
END_TEST

/*
 * A scratch directory for catalogs written by the tests, made and removed
 * by the parent process so that a crashing test leaves nothing behind.
 */
static char scratch[64];

static void
write_file(const char *name, const char *content)
{
	char	 path[128];
	FILE	*f;

	ck_assert(scratch[0] != '\0');
	snprintf(path, sizeof(path), "%s/%s", scratch, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs(content, f), 0);
	ck_assert_int_eq(fclose(f), 0);
}

static void
scratch_clear(void)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/zh_CN.po", scratch);
	unlink(path);
	snprintf(path, sizeof(path), "%s/en.po", scratch);
	unlink(path);
}

static void
scratch_setup(void)
{
	snprintf(scratch, sizeof(scratch), "/tmp/starcert-i18n-XXXXXX");
	if (mkdtemp(scratch) == NULL)
		scratch[0] = '\0';
}

static void
scratch_teardown(void)
{
	if (scratch[0] == '\0')
		return;
	scratch_clear();
	rmdir(scratch);
	scratch[0] = '\0';
}

static void
teardown_catalogs(void)
{
	i18n_free();
}

START_TEST(test_load_errors)
{
	scratch_clear();

	/* A missing catalog. */
	ck_assert_int_eq(i18n_load(scratch), -1);
	i18n_free();

	/* A good pair loads and is looked up by binary search. */
	write_file("zh_CN.po", "msgid \"b\"\nmsgstr \"乙\"\n\nmsgid \"a\"\n"
	    "msgstr \"甲\"\n\nmsgid \"c\"\nmsgstr \"丙\"\n");
	write_file("en.po", "msgid \"c\"\nmsgstr \"C\"\n\nmsgid \"a\"\n"
	    "msgstr \"A\"\n\nmsgid \"b\"\nmsgstr \"B\"\n");
	ck_assert_int_eq(i18n_load(scratch), 0);
	ck_assert_str_eq(i18n_lookup(LANG_ZH, "a"), "甲");
	ck_assert_str_eq(i18n_lookup(LANG_ZH, "c"), "丙");
	ck_assert_str_eq(i18n_lookup(LANG_EN, "b"), "B");
	ck_assert_ptr_null(i18n_lookup(LANG_EN, "d"));
	i18n_free();

	/* A duplicate key. */
	write_file("en.po", "msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\n"
	    "msgstr \"A2\"\n");
	ck_assert_int_eq(i18n_load(scratch), -1);
	i18n_free();

	/* An empty translation. */
	write_file("en.po", "msgid \"a\"\nmsgstr \"\"\n");
	ck_assert_int_eq(i18n_load(scratch), -1);
	i18n_free();

	/* A syntax error. */
	write_file("en.po", "msgid \"a\"\nmsgstr \"A\\q\"\n");
	ck_assert_int_eq(i18n_load(scratch), -1);
}
END_TEST

/*
 * Looking up in an empty catalog (before i18n_load, after i18n_free) is
 * "no text", not undefined behaviour: bsearch must not get a NULL base.
 */
START_TEST(test_lookup_empty)
{
	ck_assert_ptr_null(i18n_lookup(LANG_EN, "nav.home"));
	ck_assert_str_eq(i18n_text(LANG_ZH, "nav.home"), "nav.home");
	ck_assert_int_eq(i18n_load("po"), 0);
	ck_assert_ptr_nonnull(i18n_lookup(LANG_EN, "nav.home"));
	i18n_free();
	ck_assert_ptr_null(i18n_lookup(LANG_EN, "nav.home"));
}
END_TEST

/*
 * A catalog with only its header is well-formed: it loads, with no texts
 * (and qsort, like bsearch, must not be given its NULL array).
 */
START_TEST(test_load_empty_catalog)
{
	scratch_clear();
	write_file("zh_CN.po", "msgid \"a\"\nmsgstr \"甲\"\n");
	write_file("en.po", "# nothing translated yet\nmsgid \"\"\n"
	    "msgstr \"Language: en\\n\"\n");
	ck_assert_int_eq(i18n_load(scratch), 0);
	ck_assert_str_eq(i18n_lookup(LANG_ZH, "a"), "甲");
	ck_assert_ptr_null(i18n_lookup(LANG_EN, "a"));
}
END_TEST

Suite *
i18n_suite(void)
{
	Suite	*s = suite_create("i18n");
	TCase	*tp = tcase_create("po");
	TCase	*tl = tcase_create("lang");
	TCase	*tc = tcase_create("catalogs");

	tcase_add_test(tp, test_po_simple);
	tcase_add_test(tp, test_po_header_skipped);
	tcase_add_test(tp, test_po_continued);
	tcase_add_test(tp, test_po_escapes);
	tcase_add_test(tp, test_po_comments_and_blanks);
	tcase_add_test(tp, test_po_no_trailing_newline);
	tcase_add_test(tp, test_po_empty_translation);
	tcase_add_test(tp, test_po_errors);
	tcase_add_test(tp, test_po_missing_msgstr);
	tcase_add_test(tp, test_po_callback_fails);
	tcase_add_test(tp, test_po_long_string);
	tcase_add_test(tp, test_po_not_terminated);
	suite_add_tcase(s, tp);

	tcase_add_test(tl, test_lang_parse);
	tcase_add_test(tl, test_lang_from_accept);
	suite_add_tcase(s, tl);

	tcase_add_unchecked_fixture(tc, scratch_setup, scratch_teardown);
	tcase_add_checked_fixture(tc, NULL, teardown_catalogs);
	tcase_add_test(tc, test_real_catalogs);
	tcase_add_test(tc, test_load_errors);
	tcase_add_test(tc, test_lookup_empty);
	tcase_add_test(tc, test_load_empty_catalog);
	suite_add_tcase(s, tc);
	return s;
}
