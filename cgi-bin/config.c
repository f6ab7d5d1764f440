/* config.c: the environment, read once at start-up. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"

static int
env_int(const char *name, int def, int min, int max, int *out)
{
	const char	*v = getenv(name);
	char		*end;
	long		 n;

	if (v == NULL || *v == '\0') {
		*out = def;
		return 0;
	}
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < min || n > max) {
		fprintf(stderr, "config: %s=%s: want a number from %d to %d\n",
		    name, v, min, max);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static const char *
env_str(const char *name, const char *def)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : def;
}

int
config_load(struct config *c)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (cores < 1)
		cores = 1;
	c->socket_path = env_str("STARCERT_SOCKET", "var/dev/app/starcert.sock");
	c->conninfo = env_str("STARCERT_DB", "dbname=starcert");
	c->share_dir = env_str("STARCERT_SHARE", ".");
	c->pid_file = env_str("STARCERT_PIDFILE", NULL);
	c->blobs_dir = env_str("STARCERT_BLOBS", "var/dev/blobs");
	c->cert_key_file = env_str("STARCERT_CERT_KEY", "var/dev/secret/cert.key");
	c->public_url = env_str("STARCERT_PUBLIC_URL", "http://127.0.0.1:8080");
	c->cjk_font = env_str("STARCERT_CJK_FONT", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
	if (env_int("STARCERT_WORKERS", (int)(2 * cores), 1, 256, &c->workers) != 0 ||
	    env_int("STARCERT_STATEMENT_TIMEOUT_MS", 5000, 100, 600000,
	    &c->statement_timeout_ms) != 0)
		return -1;
	return 0;
}
