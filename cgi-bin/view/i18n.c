/* i18n.c: .po catalogs loaded once, looked up by binary search. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/file.h"
#include "i18n.h"

#define PO_STRING_MAX	(64 * 1024)

struct msg {
	char	*key;
	char	*text;
};

struct catalog {
	struct msg	*msgs;
	size_t		 count, cap;
};

static struct catalog catalogs[LANG__MAX];

static const char *const lang_codes[LANG__MAX] = {
	[LANG_ZH] = "zh-CN",
	[LANG_EN] = "en",
};

static const char *const lang_files[LANG__MAX] = {
	[LANG_ZH] = "zh_CN.po",
	[LANG_EN] = "en.po",
};

const char *
lang_code(enum lang l)
{
	return (unsigned)l < LANG__MAX ? lang_codes[l] : lang_codes[LANG_ZH];
}

int
lang_parse(const char *s)
{
	size_t n;

	if (s == NULL)
		return -1;
	n = strcspn(s, "-_");
	if (n == 2 && strncasecmp(s, "zh", 2) == 0)
		return LANG_ZH;
	if (n == 2 && strncasecmp(s, "en", 2) == 0)
		return LANG_EN;
	return -1;
}

enum lang
lang_from_accept(const char *h)
{
	int	best = LANG_ZH;
	double	bestq = -1;

	if (h == NULL)
		return LANG_ZH;
	while (*h != '\0') {
		char		 tag[16];
		size_t		 n = 0;
		double		 q = 1.0;
		int		 l;
		const char	*end = h + strcspn(h, ",");

		while (h < end && (*h == ' ' || *h == '\t'))
			h++;
		while (h < end && *h != ';' && *h != ' ' && n < sizeof(tag) - 1)
			tag[n++] = *h++;
		tag[n] = '\0';
		for (const char *p = h; p < end; p++)
			if (strncmp(p, "q=", 2) == 0) {
				char *e;

				q = strtod(p + 2, &e);
				if (e == p + 2 || q < 0 || q > 1)
					q = 0;
				break;
			}
		if ((l = lang_parse(tag)) >= 0 && q > bestq && q > 0) {
			best = l;
			bestq = q;
		}
		h = *end == ',' ? end + 1 : end;
	}
	return (enum lang)best;
}

/* Parse one C-style quoted string at *p, appending to out; advance *p. */
static int
po_string(const char **p, const char *end, char *out, size_t *outlen)
{
	const char *s = *p;

	if (s >= end || *s != '"')
		return -1;
	s++;
	while (s < end && *s != '"') {
		char c = *s++;

		if (c == '\n' || c == '\0')
			return -1;
		if (c == '\\') {
			if (s >= end)
				return -1;
			switch (*s++) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			default: return -1;
			}
		}
		if (*outlen >= PO_STRING_MAX)
			return -1;
		out[(*outlen)++] = c;
	}
	if (s >= end)
		return -1;
	s++;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	if (s < end && *s != '\n')
		return -1;
	*p = s;
	return 0;
}

int
po_parse(const char *buf, size_t len, po_entry_fn entry, void *ctx)
{
	const char	*p = buf, *end = buf + len;
	char		*id = NULL, *str = NULL, *cur = NULL;
	size_t		 idlen = 0, strlen_ = 0, *curlen = NULL;
	int		 line = 1, rc = 0, have_id = 0, have_str = 0;

	if ((id = malloc(PO_STRING_MAX + 1)) == NULL ||
	    (str = malloc(PO_STRING_MAX + 1)) == NULL) {
		rc = 1;
		goto out;
	}

	for (;;) {
		/* Flush a complete entry at a blank line, a new msgid or EOF. */
		if (p >= end || *p == '\n' || (end - p >= 5 &&
		    strncmp(p, "msgid", 5) == 0 && have_str)) {
			if (have_id && have_str) {
				id[idlen] = '\0';
				str[strlen_] = '\0';
				if (idlen > 0 && entry(id, str, ctx) != 0) {
					rc = line;
					goto out;
				}
				have_id = have_str = 0;
				idlen = strlen_ = 0;
				cur = NULL;
			} else if (have_id && (p >= end || *p == '\n')) {
				rc = line;	/* msgid without msgstr */
				goto out;
			}
			if (p >= end)
				break;
			if (*p == '\n') {
				p++;
				line++;
				continue;
			}
		}
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p >= end || *p == '\n')
			continue;	/* a white-space-only line is blank */
		if (p < end && *p == '#') {
			while (p < end && *p != '\n')
				p++;
			if (p < end) {
				p++;
				line++;
			}
			continue;
		}
		if (end - p >= 6 && strncmp(p, "msgid ", 6) == 0 && !have_id) {
			p += 6;
			cur = id;
			curlen = &idlen;
			have_id = 1;
		} else if (end - p >= 7 && strncmp(p, "msgstr ", 7) == 0 &&
		    have_id && !have_str) {
			p += 7;
			cur = str;
			curlen = &strlen_;
			have_str = 1;
		} else if (p < end && *p == '"' && cur != NULL) {
			/* continuation of the current string */
		} else {
			rc = line;
			goto out;
		}
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (po_string(&p, end, cur, curlen) != 0) {
			rc = line;
			goto out;
		}
		if (p < end) {		/* the string's line ends here */
			p++;
			line++;
		}
	}
out:
	free(id);
	free(str);
	return rc;
}

static int
msg_cmp(const void *a, const void *b)
{
	return strcmp(((const struct msg *)a)->key, ((const struct msg *)b)->key);
}

/* bsearch comparator: a key string against a catalog entry. */
static int
key_cmp(const void *key, const void *m)
{
	return strcmp(key, ((const struct msg *)m)->key);
}

static int
catalog_add(const char *key, const char *text, void *ctx)
{
	struct catalog	*c = ctx;
	struct msg	*m;

	if (text[0] == '\0') {
		fprintf(stderr, "i18n: empty translation for \"%s\"\n", key);
		return -1;
	}
	if (c->count == c->cap) {
		size_t cap = c->cap == 0 ? 256 : c->cap * 2;

		if ((m = realloc(c->msgs, cap * sizeof(*m))) == NULL)
			return -1;
		c->msgs = m;
		c->cap = cap;
	}
	m = &c->msgs[c->count];
	if ((m->key = strdup(key)) == NULL)
		return -1;
	if ((m->text = strdup(text)) == NULL) {
		free(m->key);
		return -1;
	}
	c->count++;
	return 0;
}

int
i18n_load(const char *dir)
{
	for (int l = 0; l < LANG__MAX; l++) {
		char	 path[4096];
		char	*data;
		size_t	 len = 0;
		int	 line;

		snprintf(path, sizeof(path), "%s/%s", dir, lang_files[l]);
		if ((data = file_read(path, &len)) == NULL) {
			fprintf(stderr, "i18n: %s: %s\n", path, strerror(errno));
			return -1;
		}
		line = po_parse(data, len, catalog_add, &catalogs[l]);
		free(data);
		if (line != 0) {
			fprintf(stderr, "i18n: %s:%d: syntax error\n", path, line);
			return -1;
		}
		if (catalogs[l].count > 1)
			qsort(catalogs[l].msgs, catalogs[l].count,
			    sizeof(struct msg), msg_cmp);
		for (size_t i = 1; i < catalogs[l].count; i++)
			if (strcmp(catalogs[l].msgs[i - 1].key,
			    catalogs[l].msgs[i].key) == 0) {
				fprintf(stderr, "i18n: %s: duplicate \"%s\"\n",
				    path, catalogs[l].msgs[i].key);
				return -1;
			}
	}
	return 0;
}

void
i18n_free(void)
{
	for (int l = 0; l < LANG__MAX; l++) {
		for (size_t i = 0; i < catalogs[l].count; i++) {
			free(catalogs[l].msgs[i].key);
			free(catalogs[l].msgs[i].text);
		}
		free(catalogs[l].msgs);
		catalogs[l].msgs = NULL;
		catalogs[l].count = catalogs[l].cap = 0;
	}
}

const char *
i18n_lookup(enum lang l, const char *key)
{
	const struct msg *m;

	if ((unsigned)l >= LANG__MAX)
		l = LANG_ZH;
	if (catalogs[l].count == 0)
		return NULL;
	m = bsearch(key, catalogs[l].msgs, catalogs[l].count,
	    sizeof(struct msg), key_cmp);
	return m != NULL ? m->text : NULL;
}

const char *
i18n_text(enum lang l, const char *key)
{
	const char *t = i18n_lookup(l, key);

	if (t == NULL) {
		fprintf(stderr, "i18n: no %s text for \"%s\"\n", lang_code(l), key);
		return key;
	}
	return t;
}

void
i18n_foreach_key(enum lang l, void (*fn)(const char *, void *), void *ctx)
{
	for (size_t i = 0; i < catalogs[l].count; i++)
		fn(catalogs[l].msgs[i].key, ctx);
}
