/* view.c: templates translated once per language at start-up, rendered inside the layout. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../http/buf.h"
#include "../util/file.h"
#include "../http/response.h"
#include "view.h"

#define AUTOESCAPE_PRAGMA	"{{%AUTOESCAPE context=\"HTML\"}}"
#define TEMPLATE_NAME_MAX	64
#define CACHED_SLOTS		16	/* parts of pages kept by view_cached_include */

static view_layout_fn layout_hook;

void
view_set_layout_hook(view_layout_fn fn)
{
	layout_hook = fn;
}

const char *
view_label(const struct req *r, const char *prefix, const char *value)
{
	char		 key[128];
	const char	*t;
	size_t		 np = strlen(prefix), nv = strlen(value);

	/* Called for every cell of a list: no printf. */
	if (np + nv >= sizeof(key))
		return value;
	memcpy(key, prefix, np);
	memcpy(key + np, value, nv + 1);
	return (t = i18n_lookup(r->lang, key)) != NULL ? t : value;
}

const char *
view_text(const struct req *r, const char *key)
{
	return i18n_text(r->lang, key);
}

/* Append text HTML-escaped, but keep "{{...}}" markers as they are. */
static void
append_translation(struct buf *out, const char *t)
{
	while (*t != '\0') {
		if (t[0] == '{' && t[1] == '{') {
			const char *end = strstr(t, "}}");

			if (end != NULL) {
				buf_append(out, t, (size_t)(end + 2 - t));
				t = end + 2;
				continue;
			}
		}
		switch (*t) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_append(out, t, 1); break;
		}
		t++;
	}
}

static int
key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

int
view_preprocess(const char *src, size_t len, enum lang lang, struct buf *out,
    char missing[128])
{
	size_t i = 0;

	missing[0] = '\0';
	while (i < len) {
		const char	*m;
		char		 key[128];
		size_t		 k = 0, j;
		const char	*t;

		m = memmem(src + i, len - i, "{{_ ", 4);
		if (m == NULL) {
			buf_append(out, src + i, len - i);
			break;
		}
		buf_append(out, src + i, (size_t)(m - (src + i)));
		j = (size_t)(m - src) + 4;
		while (j < len && key_char(src[j]) && k < sizeof(key) - 1)
			key[k++] = src[j++];
		key[k] = '\0';
		if (k == 0 || len - j < 2 || src[j] != '}' || src[j + 1] != '}')
			return -1;	/* malformed marker */
		if ((t = i18n_lookup(lang, key)) == NULL) {
			snprintf(missing, 128, "%s", key);
			return -1;
		}
		append_translation(out, t);
		i = j + 2;
	}
	return out->failed ? -1 : 0;
}

/* Lint one template's source: the pragma first, and no :none anywhere. */
static int
template_lint(const char *name, const char *src)
{
	if (strncmp(src, AUTOESCAPE_PRAGMA, strlen(AUTOESCAPE_PRAGMA)) != 0) {
		fprintf(stderr, "view: %s does not start with %s\n", name,
		    AUTOESCAPE_PRAGMA);
		return -1;
	}
	if (strstr(src, ":none") != NULL) {
		fprintf(stderr, "view: %s uses the :none modifier\n", name);
		return -1;
	}
	return 0;
}

static int
load_one(const char *dir, const char *file)
{
	char		 path[4096], name[TEMPLATE_NAME_MAX], key[TEMPLATE_NAME_MAX + 8];
	char		 missing[128];
	char		*src;
	size_t		 len = 0, nlen = strlen(file) - 4;
	struct buf	 out = { 0 };
	int		 rc = -1;

	if (nlen == 0 || nlen >= sizeof(name)) {
		fprintf(stderr, "view: %s: bad template name\n", file);
		return -1;
	}
	memcpy(name, file, nlen);
	name[nlen] = '\0';
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((src = file_read(path, &len)) == NULL) {
		fprintf(stderr, "view: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (template_lint(file, src) != 0)
		goto out;
	for (int l = 0; l < LANG__MAX; l++) {
		buf_reset(&out);
		if (view_preprocess(src, len, (enum lang)l, &out, missing) != 0) {
			fprintf(stderr, "view: %s: %s\n", file, missing[0] != '\0' ?
			    "no translation for a key:" : "malformed {{_ key}}");
			if (missing[0] != '\0')
				fprintf(stderr, "view: %s: key \"%s\" (%s)\n",
				    file, missing, lang_code((enum lang)l));
			goto out;
		}
		snprintf(key, sizeof(key), "%s/%s", lang_code((enum lang)l), name);
		if (tmpl_register(key, out.data, out.len) != 0) {
			fprintf(stderr, "view: %s: ctemplate refused it (%s)\n",
			    file, lang_code((enum lang)l));
			goto out;
		}
	}
	rc = 0;
out:
	buf_free(&out);
	free(src);
	return rc;
}

int
view_load(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	int		 rc = 0, n = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "view: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 4 || strcmp(e->d_name + len - 4, ".tpl") != 0)
			continue;
		if (load_one(dir, e->d_name) != 0)
			rc = -1;
		n++;
	}
	closedir(d);
	if (n == 0) {
		fprintf(stderr, "view: no templates in %s\n", dir);
		rc = -1;
	}
	return rc;
}

static const char *
template_key(struct req *r, const char *name)
{
	return arena_printf(r->arena, "%s/%s", lang_code(r->lang), name);
}

void
view_release(struct req *r)
{
	if (r->view_root != NULL)
		tmpl_dict_free(r->view_root);
	r->view_root = NULL;
	r->view_content = NULL;
	r->view_page = NULL;
}

struct tmpl_dict *
view_page(struct req *r, const char *page, const char *title_key)
{
	const char *key;

	view_release(r);
	if ((key = template_key(r, page)) == NULL ||
	    (r->view_root = tmpl_dict_new()) == NULL)
		return NULL;
	if ((r->view_content = tmpl_include(r->view_root, "CONTENT", key)) == NULL) {
		view_release(r);
		return NULL;
	}
	r->view_page = page;
	tmpl_set(r->view_root, "TITLE", view_text(r, title_key));
	tmpl_set(r->view_content, "TITLE", view_text(r, title_key));
	if (r->csrf_token != NULL)
		tmpl_set(r->view_content, "CSRF", r->csrf_token);
	return r->view_content;
}

/* Append s percent-encoded, all but unreserved characters and '/'. */
static void
url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '/' || c == '-' ||
		    c == '_' || c == '.' || c == '~')
			buf_append(b, s, 1);
		else {
			char esc[3] = { '%', hex[c >> 4], hex[c & 15] };

			buf_append(b, esc, 3);
		}
	}
}

/* "/lang/en?next=<this page and its query>" for the language switch. */
static const char *
lang_switch_url(struct req *r, enum lang to)
{
	struct buf	 b = { 0 };
	const char	*url;

	buf_printf(&b, "/lang/%s?next=", to == LANG_EN ? "en" : "zh");
	if (r->method != METHOD_POST) {
		url_encode(&b, r->path != NULL ? r->path : "/");
		if (r->query_string != NULL && r->query_string[0] != '\0') {
			url_encode(&b, "?");
			url_encode(&b, r->query_string);
		}
	} else {
		/* A page answering a POST: switch back to the page the form was
		 * on, never to the POST's own address (it may carry a token). */
		const char	*base = req_base_url(r);
		size_t		 n = base != NULL ? strlen(base) : 0;

		if (r->referer != NULL && n > 0 && strncmp(r->referer, base, n) == 0 &&
		    r->referer[n] == '/' && strstr(r->referer, "csrf=") == NULL)
			url_encode(&b, r->referer + n);
		else
			url_encode(&b, "/");
	}
	url = b.failed ? "/" : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return url;
}

int
view_render(struct req *r, int status)
{
	const char *key;
	enum lang other = r->lang == LANG_ZH ? LANG_EN : LANG_ZH;

	if (r->view_root == NULL) {
		r->status = 500;
		return 500;
	}
	tmpl_set(r->view_root, "HTML_LANG", lang_code(r->lang));
	tmpl_set(r->view_root, "REQUEST_ID", r->request_id);
	tmpl_set(r->view_root, "PAGE", r->view_page);
	tmpl_set(r->view_root, "LANG_SWITCH_URL", lang_switch_url(r, other));
	if (layout_hook != NULL)
		layout_hook(r, r->view_root);

	buf_reset(r->body);
	if ((key = template_key(r, "layout")) == NULL ||
	    tmpl_expand(key, r->view_root, r->body) != 0) {
		fprintf(stderr, "view: expanding %s failed\n", r->view_page);
		view_release(r);
		buf_reset(r->body);
		r->status = 500;
		return 500;
	}
	view_release(r);
	r->status = status;
	r->content_type_out = "text/html; charset=utf-8";
	r->body_ready = true;
	return status;
}

int
view_error(struct req *r, int status, const char *text_key)
{
	struct tmpl_dict	*d;
	char			 title_key[32], default_text[32];

	snprintf(title_key, sizeof(title_key), "error.%d.title", status);
	snprintf(default_text, sizeof(default_text), "error.%d.text", status);
	if (i18n_lookup(r->lang, title_key) == NULL) {
		snprintf(title_key, sizeof(title_key), "error.500.title");
		snprintf(default_text, sizeof(default_text), "error.500.text");
	}
	if ((d = view_page(r, "error", title_key)) == NULL)
		goto bare;
	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "ERROR_TITLE", view_text(r, title_key));
	tmpl_set(d, "ERROR_TEXT", view_text(r, text_key != NULL ? text_key :
	    default_text));
	tmpl_set(d, "REQUEST_ID", r->request_id);
	if (status == 401) {
		struct tmpl_dict *in = tmpl_section(d, "SIGN_IN");

		if (in != NULL)
			tmpl_set(in, "NEXT", r->method == METHOD_GET && r->path != NULL ?
			    r->path : "/");
	}
	if (status == 404 && r->path != NULL) {
		struct tmpl_dict *nf = tmpl_section(d, "NOT_FOUND");

		if (nf != NULL)
			tmpl_set(nf, "PATH", r->path);
	}
	if (view_render(r, status) == status)
		return status;
bare:
	/* Even the error page failed: a minimal page that cannot fail. */
	buf_reset(r->body);
	buf_printf(r->body, "<!doctype html><title>%d</title><p>%d %s</p>"
	    "<p>request id: %s</p>\n", status, status, http_status_text(status),
	    r->request_id);
	r->status = status;
	r->content_type_out = "text/html; charset=utf-8";
	r->body_ready = true;
	return status;
}

void
view_done(struct req *r, const char *prefix)
{
	bool		 dup;
	const char	*done = req_param(r, "done", &dup);
	char		 key[96];
	struct tmpl_dict *n;

	if (done == NULL || dup || r->view_content == NULL || strlen(done) >= 32)
		return;
	snprintf(key, sizeof(key), "%s.%s", prefix, done);
	if (i18n_lookup(r->lang, key) != NULL &&
	    (n = tmpl_section(r->view_content, "DONE")) != NULL)
		tmpl_set(n, "MESSAGE", view_text(r, key));
}

/* The parts of pages this worker keeps: the key asked for, the template that holds it. */
static struct {
	char		*key;		/* language, page and the caller's key; NULL: free */
	char		 registered[48];
	unsigned long	 used;		/* when last used: the least recent one goes */
} cached[CACHED_SLOTS];
static unsigned long cached_clock, cached_generation;

/* Expand page with fill's dictionary into out, every "{" as a character reference. */
static int
cached_expand(struct req *r, const char *page, view_fill_fn fill, void *arg, struct buf *out)
{
	struct tmpl_dict	*d;
	struct buf		 text = { 0 };
	const char		*key = template_key(r, page);
	int			 status;

	if (key == NULL || (d = tmpl_dict_new()) == NULL)
		return 500;
	if ((status = fill(r, d, arg)) == 0 && tmpl_expand(key, d, &text) != 0)
		status = 500;
	tmpl_dict_free(d);
	for (size_t i = 0; status == 0 && i < text.len; i++)
		if (text.data[i] == '{')
			buf_puts(out, "&#123;");
		else
			buf_append(out, text.data + i, 1);
	buf_free(&text);
	return status != 0 ? status : out->failed ? 500 : 0;
}

int
view_cached_include(struct req *r, struct tmpl_dict *d, const char *name,
    const char *page, const char *key, view_fill_fn fill, void *arg)
{
	const char	*full = arena_printf(r->arena, "%s|%s|%s", lang_code(r->lang), page, key);
	struct buf	 out = { 0 };
	size_t		 slot = 0;
	int		 status;

	if (full == NULL)
		return 500;
	for (size_t i = 0; i < CACHED_SLOTS; i++) {
		if (cached[i].key != NULL && strcmp(cached[i].key, full) == 0) {
			cached[i].used = ++cached_clock;
			return tmpl_include(d, name, cached[i].registered) != NULL ? 0 : 500;
		}
		if (cached[i].used < cached[slot].used)
			slot = i;
	}
	if ((status = cached_expand(r, page, fill, arg, &out)) != 0) {
		buf_free(&out);
		return status;
	}
	if (cached[slot].key != NULL)
		tmpl_unregister(cached[slot].registered);
	free(cached[slot].key);
	cached[slot].key = NULL;
	snprintf(cached[slot].registered, sizeof(cached[slot].registered), "cached/%zu/%lu",
	    slot, ++cached_generation);
	if (tmpl_register(cached[slot].registered, out.data != NULL ? out.data : "",
	    out.len) != 0 || (cached[slot].key = strdup(full)) == NULL) {
		tmpl_unregister(cached[slot].registered);
		buf_free(&out);
		return 500;
	}
	buf_free(&out);
	cached[slot].used = ++cached_clock;
	return tmpl_include(d, name, cached[slot].registered) != NULL ? 0 : 500;
}
