/* test_templates.c: template lint, every catalog key used in templates and code, translation and auto-escaping. */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cgi-bin/http/arena.h"
#include "../../cgi-bin/http/buf.h"
#include "../../cgi-bin/http/request.h"
#include "../../cgi-bin/view/i18n.h"
#include "../../cgi-bin/view/tmpl.h"
#include "../../cgi-bin/view/view.h"
#include "suites.h"

#define PRAGMA		"{{%AUTOESCAPE context=\"HTML\"}}"
#define TEMPLATES	"templates"
#define SOURCES		"cgi-bin"
#define KEY_MAX		128

/* The whole of a file, NUL-terminated; the caller frees it. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*data;
	long	 n;

	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	ck_assert_int_eq(fseek(f, 0, SEEK_SET), 0);
	data = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	if (lenp != NULL)
		*lenp = (size_t)n;
	return data;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

/* Call fn for each .tpl file in TEMPLATES with its path and contents; how many. */
static int
each_template(void (*fn)(const char *path, const char *src, void *), void *ctx)
{
	DIR		*d = opendir(TEMPLATES);
	struct dirent	*e;
	int		 n = 0;

	ck_assert_msg(d != NULL, "cannot open %s/", TEMPLATES);
	while ((e = readdir(d)) != NULL) {
		char	 path[512];
		char	*src;

		if (!has_suffix(e->d_name, ".tpl"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", TEMPLATES, e->d_name);
		src = slurp(path, NULL);
		fn(path, src, ctx);
		free(src);
		n++;
	}
	closedir(d);
	return n;
}

/* A key must have a text in both languages. */
static int
key_known(const char *where, const char *key)
{
	int ok = 1;

	for (int l = 0; l < LANG__MAX; l++)
		if (i18n_lookup((enum lang)l, key) == NULL) {
			fprintf(stderr, "templates test: %s: \"%s\" has no %s "
			    "text\n", where, key, lang_code((enum lang)l));
			ok = 0;
		}
	return ok;
}

static void
load_catalogs(void)
{
	ck_assert_int_eq(i18n_load("po"), 0);
}

static void
free_catalogs(void)
{
	i18n_free();
}

static void
lint_one(const char *path, const char *src, void *ctx)
{
	int *bad = ctx;

	if (strncmp(src, PRAGMA "\n", strlen(PRAGMA) + 1) != 0) {
		fprintf(stderr, "templates test: %s does not start with %s on "
		    "a line of its own\n", path, PRAGMA);
		(*bad)++;
	}
	/* Only the first line may set the escaping context. */
	if (src[0] != '\0' && strstr(src + 1, "{{%") != NULL) {
		fprintf(stderr, "templates test: %s has a second pragma\n",
		    path);
		(*bad)++;
	}
	if (strstr(src, ":none") != NULL) {
		fprintf(stderr, "templates test: %s uses :none\n", path);
		(*bad)++;
	}
}

START_TEST(test_lint)
{
	int bad = 0, n;
	struct stat st;

	n = each_template(lint_one, &bad);
	ck_assert_int_gt(n, 0);
	ck_assert_msg(bad == 0, "%d template problems (see above)", bad);
	/* What the view layer needs whatever the pages. */
	ck_assert_int_eq(stat(TEMPLATES "/layout.tpl", &st), 0);
	ck_assert_int_eq(stat(TEMPLATES "/error.tpl", &st), 0);
}
END_TEST

struct marker_scan {
	int	markers;
	int	unknown;
	int	malformed;
};

static int
key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static void
markers_one(const char *path, const char *src, void *ctx)
{
	struct marker_scan	*ms = ctx;
	const char		*p = src;

	while ((p = strstr(p, "{{_ ")) != NULL) {
		char	key[KEY_MAX];
		size_t	k = 0;

		p += 4;
		while (key_char(*p) && k < sizeof(key) - 1)
			key[k++] = *p++;
		key[k] = '\0';
		if (k == 0 || strncmp(p, "}}", 2) != 0) {
			fprintf(stderr, "templates test: %s: malformed marker "
			    "near \"%.20s\"\n", path, p);
			ms->malformed++;
			continue;
		}
		ms->markers++;
		if (!key_known(path, key))
			ms->unknown++;
	}
}

START_TEST(test_template_keys)
{
	struct marker_scan ms = { 0, 0, 0 };

	ck_assert_int_gt(each_template(markers_one, &ms), 0);
	ck_assert_int_gt(ms.markers, 0);
	ck_assert_msg(ms.malformed == 0, "%d malformed markers", ms.malformed);
	ck_assert_msg(ms.unknown == 0, "%d template keys lack a translation",
	    ms.unknown);
}
END_TEST

/* Blank out C comments (keeping newlines) so that calls in them are not taken. */
static void
strip_comments(char *s)
{
	char quote = 0;

	for (; *s != '\0'; s++) {
		if (quote != 0) {
			if (*s == '\\' && s[1] != '\0')
				s++;
			else if (*s == quote)
				quote = 0;
		} else if (*s == '"' || *s == '\'')
			quote = *s;
		else if (s[0] == '/' && s[1] == '*') {
			for (; *s != '\0' && !(s[0] == '*' && s[1] == '/'); s++)
				if (*s != '\n')
					*s = ' ';
			if (*s == '\0')
				return;
			s[0] = s[1] = ' ';
			s++;
		} else if (s[0] == '/' && s[1] == '/') {
			for (; *s != '\0' && *s != '\n'; s++)
				*s = ' ';
			if (*s == '\0')
				return;
		}
	}
}

/*
 * The argument number argi (0-based) of the call whose '(' is at p: 1 and
 * its contents in out when it is a plain string literal, 0 when it is
 * something else or missing.
 */
static int
literal_arg(const char *p, int argi, char *out, size_t outsz)
{
	const char	*start = ++p, *end = NULL;
	int		 depth = 0, arg = 0;
	size_t		 n;

	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\'') {
			char q = *p++;

			while (*p != '\0' && *p != q)
				p += p[0] == '\\' && p[1] != '\0' ? 2 : 1;
			if (*p == '\0')
				return 0;
		} else if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if (depth > 0 && (*p == ')' || *p == ']' || *p == '}'))
			depth--;
		else if (depth == 0 && (*p == ',' || *p == ')')) {
			if (arg == argi) {
				end = p;
				break;
			}
			if (*p == ')')
				return 0;
			arg++;
			start = p + 1;
		}
	}
	if (end == NULL)
		return 0;
	while (start < end && strchr(" \t\r\n", *start) != NULL)
		start++;
	while (end > start && strchr(" \t\r\n", end[-1]) != NULL)
		end--;
	n = (size_t)(end - start);
	if (n < 2 || start[0] != '"' || end[-1] != '"' ||
	    memchr(start + 1, '"', n - 2) != NULL ||
	    memchr(start, '\\', n) != NULL || n - 2 >= outsz)
		return 0;
	memcpy(out, start + 1, n - 2);
	out[n - 2] = '\0';
	return 1;
}

struct source_scan {
	int	files;
	int	keys;
	int	unknown;
	int	pages;
	int	missing_pages;
};

/* Functions taking a catalog key, and which argument it is. */
static const struct {
	const char	*name;
	int		 argi;
} key_calls[] = {
	{ "i18n_text", 1 },
	{ "i18n_lookup", 1 },
	{ "view_text", 1 },
	{ "view_page", 2 },
	{ "view_error", 2 },
};

static void
scan_source(const char *path, struct source_scan *ss)
{
	char	*src = slurp(path, NULL);

	strip_comments(src);
	ss->files++;
	for (size_t c = 0; c < sizeof(key_calls) / sizeof(key_calls[0]); c++) {
		const char	*name = key_calls[c].name, *p = src;
		size_t		 nlen = strlen(name);

		while ((p = strstr(p, name)) != NULL) {
			const char	*q = p + nlen;
			char		 lit[KEY_MAX], where[1100];

			if ((p > src && (key_char(p[-1]) || p[-1] == '.')) ||
			    key_char(*q)) {
				p = q;
				continue;
			}
			while (*q == ' ' || *q == '\t')
				q++;
			p += nlen;
			if (*q != '(')
				continue;
			snprintf(where, sizeof(where), "%s: %s()", path, name);
			if (literal_arg(q, key_calls[c].argi, lit, sizeof(lit))) {
				ss->keys++;
				if (!key_known(where, lit))
					ss->unknown++;
			}
			/* view_page's page names a template. */
			if (strcmp(name, "view_page") == 0 &&
			    literal_arg(q, 1, lit, sizeof(lit))) {
				char		tpl[KEY_MAX + 32];
				struct stat	st;

				snprintf(tpl, sizeof(tpl), "%s/%s.tpl",
				    TEMPLATES, lit);
				ss->pages++;
				if (stat(tpl, &st) != 0) {
					fprintf(stderr, "templates test: %s: "
					    "no %s\n", where, tpl);
					ss->missing_pages++;
				}
			}
		}
	}
	free(src);
}

static void
scan_dir(const char *dir, struct source_scan *ss)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;

	ck_assert_msg(d != NULL, "cannot open %s/", dir);
	while ((e = readdir(d)) != NULL) {
		char		path[1024];
		struct stat	st;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		ck_assert_int_eq(stat(path, &st), 0);
		if (S_ISDIR(st.st_mode))
			scan_dir(path, ss);
		else if (S_ISREG(st.st_mode) && has_suffix(e->d_name, ".c"))
			scan_source(path, ss);
	}
	closedir(d);
}

START_TEST(test_source_keys)
{
	struct source_scan ss = { 0, 0, 0, 0, 0 };

	scan_dir(SOURCES, &ss);
	ck_assert_int_gt(ss.files, 0);
	/* The scanner finds something (home.title at least). */
	ck_assert_int_gt(ss.keys, 0);
	ck_assert_int_gt(ss.pages, 0);
	ck_assert_msg(ss.unknown == 0, "%d keys in the code lack a translation",
	    ss.unknown);
	ck_assert_msg(ss.missing_pages == 0, "%d pages without a template",
	    ss.missing_pages);
}
END_TEST

/* The scanner itself, on made-up code. */
START_TEST(test_source_scanner)
{
	char lit[KEY_MAX];
	char code[] = "a(); /* view_text(r, \"in.comment\") */ x = 1; "
	    "// i18n_text(l, \"line.comment\")\ns = \"/* not a comment */\";";

	ck_assert_int_eq(literal_arg("(r, \"k.one\")", 1, lit, sizeof(lit)), 1);
	ck_assert_str_eq(lit, "k.one");
	ck_assert_int_eq(literal_arg("(r, f(a, b), \"k.two\" )", 2, lit,
	    sizeof(lit)), 1);
	ck_assert_str_eq(lit, "k.two");
	ck_assert_int_eq(literal_arg("(r, \"a,b\", \"k\")", 2, lit,
	    sizeof(lit)), 1);
	ck_assert_str_eq(lit, "k");
	ck_assert_int_eq(literal_arg("(r, key)", 1, lit, sizeof(lit)), 0);
	ck_assert_int_eq(literal_arg("(r)", 1, lit, sizeof(lit)), 0);
	ck_assert_int_eq(literal_arg("(r, \"a\" \"b\")", 1, lit, sizeof(lit)),
	    0);

	strip_comments(code);
	ck_assert_ptr_null(strstr(code, "in.comment"));
	ck_assert_ptr_null(strstr(code, "line.comment"));
	ck_assert_ptr_nonnull(strstr(code, "\"/* not a comment */\""));
	ck_assert_ptr_nonnull(strstr(code, "x = 1;"));
}
END_TEST

/* Preprocess src (NUL-terminated) in lang; the output, NUL-terminated, in out. */
static int
preprocess(const char *src, enum lang l, struct buf *out, char missing[128])
{
	int rc;

	out->len = 0;
	rc = view_preprocess(src, strlen(src), l, out, missing);
	buf_append(out, "", 1);
	ck_assert(!out->failed);
	return rc;
}

START_TEST(test_preprocess)
{
	struct buf	 out = { 0 };
	char		 missing[128];

	ck_assert_int_eq(preprocess("<a>{{_ nav.home}}</a>", LANG_EN, &out,
	    missing), 0);
	ck_assert_str_eq(out.data, "<a>Home</a>");
	ck_assert_str_eq(missing, "");
	ck_assert_int_eq(preprocess("<a>{{_ nav.home}}</a>", LANG_ZH, &out,
	    missing), 0);
	ck_assert_str_eq(out.data, "<a>首页</a>");
	ck_assert_int_eq(preprocess("{{_ nav.home}}{{_ nav.home}}|"
	    "{{_ layout.other_language_code}}", LANG_EN, &out, missing), 0);
	ck_assert_str_eq(out.data, "HomeHome|zh-CN");

	/* Everything but markers is copied as it is, other tags included. */
	ck_assert_int_eq(preprocess("{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p class=\"x\">{{NAME}} {{#S}}&amp;{{/S}} {{>INC}} {{_nav.home}} "
	    "{ {_ x}} 中文</p>\n", LANG_EN, &out, missing), 0);
	ck_assert_str_eq(out.data, "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p class=\"x\">{{NAME}} {{#S}}&amp;{{/S}} {{>INC}} {{_nav.home}} "
	    "{ {_ x}} 中文</p>\n");
	ck_assert_int_eq(preprocess("", LANG_EN, &out, missing), 0);
	ck_assert_str_eq(out.data, "");
	buf_free(&out);
}
END_TEST

START_TEST(test_preprocess_errors)
{
	struct buf	 out = { 0 };
	char		 missing[128], longkey[KEY_MAX + 16];

	ck_assert_int_eq(preprocess("x {{_ no.such.key}} y", LANG_EN, &out,
	    missing), -1);
	ck_assert_str_eq(missing, "no.such.key");
	/* The first missing key is named. */
	ck_assert_int_eq(preprocess("{{_ nav.home}}{{_ nope.one}}{{_ nope.two}}",
	    LANG_ZH, &out, missing), -1);
	ck_assert_str_eq(missing, "nope.one");

	strcpy(missing, "stale");
	ck_assert_int_eq(preprocess("x {{_ }} y", LANG_EN, &out, missing), -1);
	ck_assert_str_eq(missing, "");
	ck_assert_int_eq(preprocess("{{_ nav.home", LANG_EN, &out, missing),
	    -1);
	ck_assert_str_eq(missing, "");
	ck_assert_int_eq(preprocess("{{_ nav.home}", LANG_EN, &out, missing),
	    -1);
	ck_assert_int_eq(preprocess("{{_ nav.home }}", LANG_EN, &out, missing),
	    -1);
	ck_assert_str_eq(missing, "");
	ck_assert_int_eq(preprocess("{{_ nav home}}", LANG_EN, &out, missing),
	    -1);
	ck_assert_int_eq(preprocess("{{_ nav<home}}", LANG_EN, &out, missing),
	    -1);
	ck_assert_str_eq(missing, "");
	ck_assert_int_eq(preprocess("{{_ ", LANG_EN, &out, missing), -1);

	/* A 127-byte unknown key is named in full. */
	memset(longkey, 'k', 127);
	longkey[127] = '\0';
	{
		char src[KEY_MAX + 32];

		snprintf(src, sizeof(src), "{{_ %s}}", longkey);
		ck_assert_int_eq(preprocess(src, LANG_EN, &out, missing), -1);
		ck_assert_str_eq(missing, longkey);
	}

	/* len bounds the source: a marker cut by it is malformed. */
	out.len = 0;
	ck_assert_int_eq(view_preprocess("ab{{_ nav.home}}", 14, LANG_EN, &out,
	    missing), -1);
	out.len = 0;
	ck_assert_int_eq(view_preprocess("ab{{_ nav.home}}", 16, LANG_EN, &out,
	    missing), 0);
	ck_assert_mem_eq(out.data, "abHome", 6);
	ck_assert_uint_eq(out.len, 6);
	buf_free(&out);
}
END_TEST

/*
 * A scratch directory for catalogs and templates written by the tests,
 * made and removed by the parent process so that a crashing test leaves
 * nothing behind.
 */
static char scratch[64];

static void
scratch_file(const char *name, const char *content)
{
	char	 path[128];
	FILE	*f;

	ck_assert(scratch[0] != '\0');
	snprintf(path, sizeof(path), "%s/%s", scratch, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_int_ge(fputs(content, f), 0);
	ck_assert_int_eq(fclose(f), 0);
}

/* Remove every file in the scratch directory. */
static void
scratch_clear(void)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[512];

	if (scratch[0] == '\0' || (d = opendir(scratch)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", scratch,
			    e->d_name);
			unlink(path);
		}
	closedir(d);
}

static void
scratch_setup(void)
{
	snprintf(scratch, sizeof(scratch), "/tmp/starcert-view-XXXXXX");
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

START_TEST(test_preprocess_escapes)
{
	struct buf	 out = { 0 };
	char		 missing[128];

	scratch_clear();
	scratch_file("en.po", "msgid \"t\"\n"
	    "msgstr \"<b>Tom & \\\"Jerry's\\\"</b> {{NAME}} {{unclosed\"\n");
	scratch_file("zh_CN.po", "msgid \"t\"\nmsgstr \"<i>中</i>\"\n");
	ck_assert_int_eq(i18n_load(scratch), 0);

	ck_assert_int_eq(preprocess("[{{_ t}}]", LANG_EN, &out, missing), 0);
	ck_assert_str_eq(out.data, "[&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;"
	    "&lt;/b&gt; {{NAME}} {{unclosed]");
	ck_assert_int_eq(preprocess("{{_ t}}", LANG_ZH, &out, missing), 0);
	ck_assert_str_eq(out.data, "&lt;i&gt;中&lt;/i&gt;");
	buf_free(&out);
}
END_TEST

/* view_load refuses templates that break the rules. */
START_TEST(test_view_load_refuses)
{
	scratch_clear();
	scratch_file("en.po", "msgid \"k\"\nmsgstr \"K\"\n");
	scratch_file("zh_CN.po", "msgid \"k\"\nmsgstr \"钥\"\n");
	ck_assert_int_eq(i18n_load(scratch), 0);

	ck_assert_int_eq(view_load("/nonexistent/starcert/templates"), -1);
	ck_assert_int_eq(view_load(scratch), -1);	/* no templates */

	scratch_file("t1nopragma.tpl", "<p>{{_ k}}</p>\n");
	ck_assert_int_eq(view_load(scratch), -1);
	scratch_clear();
	scratch_file("t2late.tpl", "\n" PRAGMA "\n<p>x</p>\n");
	ck_assert_int_eq(view_load(scratch), -1);
	scratch_clear();
	scratch_file("t3none.tpl", PRAGMA "\n<p>{{X:none}}</p>\n");
	ck_assert_int_eq(view_load(scratch), -1);
	scratch_clear();
	scratch_file("t4missing.tpl", PRAGMA "\n<p>{{_ k}} {{_ not.there}}"
	    "</p>\n");
	ck_assert_int_eq(view_load(scratch), -1);
	scratch_clear();
	scratch_file("t5malformed.tpl", PRAGMA "\n<p>{{_ }}</p>\n");
	ck_assert_int_eq(view_load(scratch), -1);
}
END_TEST

/* view_load("templates") at most once per process (ctemplate keeps them). */
static void
load_views(void)
{
	static int loaded;

	if (!loaded) {
		ck_assert_int_eq(view_load(TEMPLATES), 0);
		loaded = 1;
	}
}

START_TEST(test_expand_escapes)
{
	struct tmpl_dict	*d;
	struct buf		 out = { 0 };

	load_views();
	ck_assert_ptr_nonnull(d = tmpl_dict_new());
	tmpl_set(d, "ERROR_TITLE", "<script>x</script>");
	tmpl_set(d, "ERROR_TEXT", "a \"quoted\" & 'single' text");
	tmpl_set_int(d, "STATUS", 418);
	ck_assert_int_eq(tmpl_expand("en/error", d, &out), 0);
	buf_append(&out, "", 1);
	ck_assert(!out.failed);
	ck_assert_ptr_nonnull(strstr(out.data, "&lt;script&gt;"));
	ck_assert_ptr_null(strstr(out.data, "<script>x"));
	ck_assert_ptr_null(strstr(out.data, "\"quoted\""));
	ck_assert_ptr_nonnull(strstr(out.data, "&amp;"));
	ck_assert_ptr_nonnull(strstr(out.data, "418"));
	/* Translated at load time. */
	ck_assert_ptr_nonnull(strstr(out.data, "Back to the home page"));
	ck_assert_ptr_null(strstr(out.data, "{{_"));
	/* The pragma itself is not output. */
	ck_assert_ptr_null(strstr(out.data, "AUTOESCAPE"));

	out.len = 0;
	ck_assert_int_eq(tmpl_expand("zh-CN/error", d, &out), 0);
	buf_append(&out, "", 1);
	ck_assert_ptr_nonnull(strstr(out.data, "返回首页"));
	ck_assert_ptr_nonnull(strstr(out.data, "&lt;script&gt;"));

	out.len = 0;
	ck_assert_int_eq(tmpl_expand("en/no-such-template", d, &out), -1);
	tmpl_dict_free(d);
	buf_free(&out);
}
END_TEST

/* A page through view_page and view_render, and error pages. */
START_TEST(test_render_pages)
{
	struct arena	 a;
	struct buf	 body = { 0 };
	struct req	 r;
	const char	*s;

	load_views();
	arena_init(&a, 4096, 0);
	memset(&r, 0, sizeof(r));
	r.arena = &a;
	r.body = &body;
	r.lang = LANG_EN;
	r.path = "/";
	r.query_string = "";
	r.request_id = "abc123";

	ck_assert_ptr_nonnull(view_page(&r, "home", "home.title"));
	ck_assert_int_eq(view_render(&r, 200), 200);
	ck_assert(r.body_ready);
	ck_assert_ptr_null(r.view_root);
	buf_append(&body, "", 1);
	s = body.data;
	ck_assert_ptr_nonnull(strstr(s, "<html lang=\"en\">"));
	ck_assert_ptr_nonnull(strstr(s, "<title>Home · Star Service "
	    "Certification Portal</title>"));
	ck_assert_ptr_nonnull(strstr(s, "Good after-sales service, made "
	    "visible"));
	ck_assert_ptr_nonnull(strstr(s, "class=\"page-home\""));
	ck_assert_ptr_nonnull(strstr(s, "/lang/zh?next="));
	ck_assert_ptr_null(strstr(s, "{{"));

	/* An error page whose path is hostile. */
	r.lang = LANG_ZH;
	r.path = "/<script>alert(1)</script>";
	r.body_ready = false;
	ck_assert_int_eq(view_error(&r, 404, NULL), 404);
	ck_assert_int_eq(r.status, 404);
	buf_append(&body, "", 1);
	s = body.data;
	ck_assert_ptr_nonnull(strstr(s, "<html lang=\"zh-CN\">"));
	ck_assert_ptr_nonnull(strstr(s, "页面不存在"));
	ck_assert_ptr_nonnull(strstr(s, "&lt;script&gt;alert(1)"));
	ck_assert_ptr_null(strstr(s, "<script>"));
	ck_assert_ptr_nonnull(strstr(s, "abc123"));

	/* A status without its own texts falls back to error.500's. */
	r.path = "/";
	ck_assert_int_eq(view_error(&r, 429, NULL), 429);
	buf_append(&body, "", 1);
	ck_assert_ptr_nonnull(strstr(body.data, "服务器出错"));

	view_release(&r);
	buf_free(&body);
	arena_free(&a);
}
END_TEST

Suite *
templates_suite(void)
{
	Suite	*s = suite_create("templates");
	TCase	*tl = tcase_create("lint");
	TCase	*tp = tcase_create("preprocess");
	TCase	*tv = tcase_create("view");

	tcase_add_checked_fixture(tl, load_catalogs, free_catalogs);
	tcase_add_test(tl, test_lint);
	tcase_add_test(tl, test_template_keys);
	tcase_add_test(tl, test_source_keys);
	tcase_add_test(tl, test_source_scanner);
	suite_add_tcase(s, tl);

	tcase_add_checked_fixture(tp, load_catalogs, free_catalogs);
	tcase_add_test(tp, test_preprocess);
	tcase_add_test(tp, test_preprocess_errors);
	suite_add_tcase(s, tp);

	tcase_add_unchecked_fixture(tv, scratch_setup, scratch_teardown);
	tcase_add_checked_fixture(tv, NULL, free_catalogs);
	tcase_add_test(tv, test_preprocess_escapes);
	tcase_add_test(tv, test_view_load_refuses);
	suite_add_tcase(s, tv);

	/* Real templates with the real catalogs. */
	{
		TCase *tr = tcase_create("render");

		tcase_add_checked_fixture(tr, load_catalogs, free_catalogs);
		tcase_add_test(tr, test_expand_escapes);
		tcase_add_test(tr, test_render_pages);
		suite_add_tcase(s, tr);
	}
	return s;
}
