/* i18n.h: languages, gettext .po catalogs, and the choice of language for a request. */
#ifndef STARCERT_I18N_H
#define STARCERT_I18N_H

#include <stdbool.h>
#include <stddef.h>

enum lang {
	LANG_ZH = 0,	/* Simplified Chinese, the default */
	LANG_EN,
	LANG__MAX
};

/* lang_code: "zh-CN" or "en" (for <html lang> and the cookie). */
const char	*lang_code(enum lang);
/* lang_parse: LANG_* for "zh", "zh-CN", "en", "en-GB"...; -1 when unsupported. */
int		 lang_parse(const char *);
/* lang_from_accept: the best supported language of an Accept-Language header, else LANG_ZH. */
enum lang	 lang_from_accept(const char *header);

/*
 * po_parse: read a gettext catalog of len bytes and call entry(msgid,
 * msgstr, ctx) for each entry with a non-empty msgid.  Supports comments,
 * msgctxt-free entries, continued strings and the escapes \n \t \" \\.
 * Returns 0, or the 1-based line number of the first syntax error.
 * Strings passed to entry are valid only during the call.
 */
typedef int (*po_entry_fn)(const char *msgid, const char *msgstr, void *ctx);
int		 po_parse(const char *buf, size_t len, po_entry_fn entry, void *ctx);

/*
 * i18n_load: read DIR/zh_CN.po and DIR/en.po.  Returns 0, or -1 with a
 * message on stderr.  Call once before forking workers.
 */
int		 i18n_load(const char *dir);
void		 i18n_free(void);

/* i18n_lookup: the translation of key, or NULL when the catalog has none. */
const char	*i18n_lookup(enum lang, const char *key);
/* i18n_text: the translation of key, or key itself (logged once) when missing. */
const char	*i18n_text(enum lang, const char *key);

/* i18n_foreach_key: call fn for each key of a language's catalog. */
void		 i18n_foreach_key(enum lang, void (*fn)(const char *key, void *ctx), void *ctx);

#endif
