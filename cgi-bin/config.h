/* config.h: where things are, from the environment the launcher sets (see scripts/stack.sh). */
#ifndef STARCERT_CONFIG_H
#define STARCERT_CONFIG_H

struct config {
	const char	*socket_path;	/* STARCERT_SOCKET: the FastCGI unix socket */
	const char	*conninfo;	/* STARCERT_DB: libpq conninfo for the app role */
	const char	*share_dir;	/* STARCERT_SHARE: holds templates/, po/, migrations/ */
	const char	*pid_file;	/* STARCERT_PIDFILE: the master's pid, or NULL */
	const char	*blobs_dir;	/* STARCERT_BLOBS: the blob store */
	const char	*cert_key_file;	/* STARCERT_CERT_KEY: 32 bytes signing certificate links */
	const char	*cjk_font;	/* STARCERT_CJK_FONT: the font certificates are printed in */
	const char	*public_url;	/* STARCERT_PUBLIC_URL: the portal's address for QR links unless the setting says */
	int		 workers;	/* STARCERT_WORKERS: default 2 x cores */
	int		 statement_timeout_ms;	/* STARCERT_STATEMENT_TIMEOUT_MS: default 5000 */
};

/* config_load: read the environment into c with defaults; -1 with a message on a bad value. */
int	config_load(struct config *c);

#endif
