/* mail.h: notification e-mails as RFC 5322 messages (UTF-8, base64). */
#ifndef STARCERT_MAIL_H
#define STARCERT_MAIL_H

#include <stdbool.h>
#include <time.h>

struct buf;

struct mail_message {
	const char	*from;		/* bare addresses, already validated */
	const char	*to;
	const char	*subject;	/* UTF-8, any length */
	const char	*body;		/* UTF-8 text, lines separated by \n */
	const char	*message_id;	/* the part before the @, e.g. outbox-42 */
	time_t		 date;
};

/*
 * mail_compose: append m as a complete message to out: headers with the
 * subject as RFC 2047 encoded words (split at character boundaries), a
 * text/plain UTF-8 body in base64 lines, CRLF line ends.  False when an
 * address could inject a header (CR, LF, <, > or no @) or out of memory.
 */
bool	mail_compose(struct buf *out, const struct mail_message *m);

/* mail_address_safe: one bare address that cannot break a header or an SMTP command. */
bool	mail_address_safe(const char *addr);

#endif
