/* view.h: templates per language, the page layout, and error pages. */
#ifndef STARCERT_VIEW_H
#define STARCERT_VIEW_H

#include <stddef.h>

#include "../http/request.h"
#include "i18n.h"
#include "tmpl.h"

/*
 * view_preprocess: copy template source src (len bytes) to out with every
 * "{{_ key}}" replaced by the HTML-escaped text of key in lang's catalog
 * ("{{...}}" inside a translation is kept, so translations may hold
 * template variables).  Returns 0, or -1 with missing holding the first
 * key without a translation, or "" for a malformed marker (a key of 128
 * bytes or more is malformed).
 */
int	 view_preprocess(const char *src, size_t len, enum lang, struct buf *out,
	    char missing[128]);

/*
 * view_load: read every DIR/<name>.tpl, check that it starts with the
 * AUTOESCAPE pragma and never uses :none, translate it into each language
 * and register it as "<lang>/<name>".  Call once, after i18n_load and
 * before forking.  Returns 0, or -1 with a message on stderr.
 */
int	 view_load(const char *dir);

/* A hook that fills the layout for every page (user, navigation, site name). */
typedef void (*view_layout_fn)(struct req *, struct tmpl_dict *layout);
void	 view_set_layout_hook(view_layout_fn);

/*
 * view_page: start rendering template page with the page title from
 * catalog key title_key; returns the page's dictionary (owned by the
 * request) or NULL when memory ran out.
 */
struct tmpl_dict *view_page(struct req *, const char *page, const char *title_key);

/* view_render: expand the page inside the layout into the body; returns status (500 on failure). */
int	 view_render(struct req *, int status);

/* view_error: render the error page for status; text_key may name a more precise message. */
int	 view_error(struct req *, int status, const char *text_key);

/* view_release: free what view_page allocated (done by view_render; for abandoned pages). */
void	 view_release(struct req *);

/* view_label: the translation of prefix+value ("application.state." "draft"), or value itself. */
const char *view_label(const struct req *, const char *prefix, const char *value);

/* view_text: shorthand for i18n_text(req->lang, key). */
const char *view_text(const struct req *, const char *key);

/* Fills the dictionary of a part of a page; 0 or an HTTP status. */
typedef int (*view_fill_fn)(struct req *, struct tmpl_dict *, void *arg);

/*
 * view_cached_include: include into d, as its {{>name}}, template page
 * expanded with what fill(r, dict, arg) puts in a dictionary of its own.
 * The expansion is kept per worker under key and the language, and made
 * again only when asked with another key: for parts of pages that depend
 * on nothing but key (the same for everyone who sees them).  Kept text is
 * registered as a template of its own with every "{" written as "&#123;",
 * so that nothing in it (names people typed) can act as a template marker.
 * 0, or the status fill returned, or 500.
 */
int	view_cached_include(struct req *, struct tmpl_dict *d, const char *name,
	    const char *page, const char *key, view_fill_fn fill, void *arg);

/*
 * view_done: after a redirect with ?done=WHAT, show section DONE with the
 * message prefix.WHAT when the catalog has one (anything else shows nothing).
 */
void	view_done(struct req *, const char *prefix);

#endif
