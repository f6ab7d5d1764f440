/* settings.h: the body's settings, kept in the database, cached per worker. */
#ifndef STARCERT_SETTINGS_H
#define STARCERT_SETTINGS_H

/*
 * Every setting with its default and meaning.  The table in settings.c is
 * the one place a setting is declared; the settings table in the database
 * holds the body's own values.
 */
struct setting_def {
	const char	*key;
	const char	*default_value;
	const char	*doc;		/* what it means, in English, for admins and docs */
};

extern const struct setting_def setting_defs[];
extern const unsigned setting_defs_count;

/*
 * settings_get: the value of key: the database's (refreshed at most every
 * few seconds) or else the default.  Never NULL for a declared key; NULL
 * for an unknown one.  The string stays valid until the next refresh.
 */
const char	*settings_get(const char *key);

/* settings_refresh: reload now if the cache is older than its lifetime. */
void		 settings_refresh(void);

#endif
