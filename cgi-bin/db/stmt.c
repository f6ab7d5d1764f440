/* stmt.c: the statement table: every SQL statement the portal sends, in one place. */
#include "db.h"

const struct stmt_def stmt_defs[STMT__MAX] = {
	[STMT_HEALTH_PING] = { "db_health_ping",
	    "SELECT 1", 0, true },
	[STMT_SETTINGS_LIST] = { "db_settings_list",
	    "SELECT key, value FROM settings ORDER BY key", 0, true },
};
