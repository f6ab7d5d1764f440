/* tmpl.h: the C face of ctemplate; the only C++ in the tree stands behind it (tmpl.cc). */
#ifndef STARCERT_TMPL_H
#define STARCERT_TMPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct buf;
struct tmpl_dict;	/* a ctemplate::TemplateDictionary */

/*
 * tmpl_register: parse content (len bytes) and keep it in the template
 * cache under key.  Returns 0, or -1 when ctemplate refuses it (syntax).
 */
int		  tmpl_register(const char *key, const char *content, size_t len);

/* tmpl_unregister: forget the template registered as key (nothing if there is none). */
void		  tmpl_unregister(const char *key);

/* tmpl_dict_new: an empty top-level dictionary; free with tmpl_dict_free. */
struct tmpl_dict *tmpl_dict_new(void);
void		  tmpl_dict_free(struct tmpl_dict *);

/* Values are copied; the dictionary owns them. */
void		  tmpl_set(struct tmpl_dict *, const char *name, const char *value);
void		  tmpl_set_int(struct tmpl_dict *, const char *name, long long value);
/* tmpl_section: one more repetition of {{#name}}; owned by the parent. */
struct tmpl_dict *tmpl_section(struct tmpl_dict *, const char *name);
/* tmpl_show: show {{#name}} once with the parent's values. */
void		  tmpl_show(struct tmpl_dict *, const char *name);
/* tmpl_include: fill {{>name}} with the template registered as key. */
struct tmpl_dict *tmpl_include(struct tmpl_dict *, const char *name, const char *key);

/*
 * tmpl_expand: expand the template registered as key with dict, appending
 * to out.  Returns 0, or -1 when the key is unknown or memory ran out.
 */
int		  tmpl_expand(const char *key, const struct tmpl_dict *, struct buf *out);

#ifdef __cplusplus
}
#endif

#endif
