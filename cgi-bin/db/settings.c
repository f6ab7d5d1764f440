/* settings.c: declared settings and a small per-worker cache of the database's values. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "settings.h"

#define SETTINGS_TTL_SECONDS	5

const struct setting_def setting_defs[] = {
	{ "body_name_zh", "星级服务认证中心",
	    "The certification body's name in Chinese, shown on every page "
	    "and printed on certificates." },
	{ "body_name_en", "Star Service Certification Centre",
	    "The certification body's name in English." },
};
const unsigned setting_defs_count = sizeof(setting_defs) / sizeof(setting_defs[0]);

static struct {
	char	*values[sizeof(setting_defs) / sizeof(setting_defs[0])];
	time_t	 loaded;
} cache;

void
settings_refresh(void)
{
	PGresult	*res;
	enum db_status	 st;
	time_t		 now = time(NULL);

	if (cache.loaded != 0 && now - cache.loaded < SETTINGS_TTL_SECONDS)
		return;
	cache.loaded = now;	/* also after a failure: no retry storm */
	if ((res = db_query(STMT_SETTINGS_LIST, NULL, &st)) == NULL)
		return;
	for (unsigned i = 0; i < setting_defs_count; i++) {
		free(cache.values[i]);
		cache.values[i] = NULL;
	}
	for (int row = 0; row < PQntuples(res); row++)
		for (unsigned i = 0; i < setting_defs_count; i++)
			if (strcmp(PQgetvalue(res, row, 0), setting_defs[i].key) == 0)
				cache.values[i] = strdup(PQgetvalue(res, row, 1));
	PQclear(res);
}

const char *
settings_get(const char *key)
{
	for (unsigned i = 0; i < setting_defs_count; i++)
		if (strcmp(setting_defs[i].key, key) == 0)
			return cache.values[i] != NULL ? cache.values[i] :
			    setting_defs[i].default_value;
	return NULL;
}
