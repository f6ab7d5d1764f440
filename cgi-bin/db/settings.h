/* settings.h: the body's settings, kept in the database, cached per worker. */
#ifndef STARCERT_SETTINGS_H
#define STARCERT_SETTINGS_H

#include <stdbool.h>

/*
 * Every setting with its default and meaning.  The table in settings.c is
 * the one place a setting is declared; the settings table in the database
 * holds the body's own values.
 */
struct setting_def {
	const char	*key;
	const char	*default_value;
	long		 min, max;	/* a whole number in [min, max]; min == max: text */
	unsigned	 max_chars;	/* for text */
	const char	*doc;		/* what it means, in English, for docs */
};

extern const struct setting_def setting_defs[];
extern const unsigned setting_defs_count;

/*
 * settings_get: the value of key: the database's (refreshed at most every
 * few seconds) or else the default.  Never NULL for a declared key; NULL
 * for an unknown one.  The string stays valid until the next refresh.
 */
const char	*settings_get(const char *key);

/* settings_def: the declaration of key, or NULL. */
const struct setting_def *settings_def(const char *key);

/* settings_long: a numeric setting's value (the default if the stored one is out of range). */
long		 settings_long(const char *key);

/* settings_valid: whether value is acceptable for d. */
bool		 settings_valid(const struct setting_def *d, const char *value);

/* settings_forget: drop the cache (after a change, so this worker sees it at once). */
void		 settings_forget(void);

/* settings_refresh: reload now if the cache is older than its lifetime. */
void		 settings_refresh(void);

#endif
