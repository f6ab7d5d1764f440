/* send.h: starcertctl mail: send the outbox's due e-mails through SMTP (libcurl). */
#ifndef STARCERT_MAIL_SEND_H
#define STARCERT_MAIL_SEND_H

#include "../db/db.h"

struct mail_counts {
	int	sent;		/* accepted by the server */
	int	retry;		/* failed; will be tried again later */
	int	failed;		/* failed for the last time; kept, marked failed */
};

/*
 * mail_send_due: send every e-mail that is due, one transaction each: the
 * row stays locked (other senders skip it) while it is sent, and is then
 * marked sent or scheduled for a retry (1, 2, 4... minutes, at most 6 hours,
 * mail_max_attempts in all).  A crash half-way leaves the row as it was, to
 * be sent again.  Titles come from the catalogs (i18n_load first); links
 * start with public_url.  user and password (may be NULL) log in to the
 * server.  DB_OK unless the database failed.
 */
enum db_status	mail_send_due(const char *public_url, const char *user,
		    const char *password, struct mail_counts *);

#endif
