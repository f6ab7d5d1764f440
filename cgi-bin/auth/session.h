/* session.h: sign-in sessions: a random token in a cookie, only its hash in the database. */
#ifndef STARCERT_SESSION_H
#define STARCERT_SESSION_H

#include <stdint.h>

#include "../http/request.h"

#define SESSION_COOKIE	"sid"
#define TOKEN_BYTES	32
#define TOKEN_HEX	(2 * TOKEN_BYTES)

/* token_new: TOKEN_BYTES random bytes as hex into hex[TOKEN_HEX + 1]. */
void	token_new(char hex[TOKEN_HEX + 1]);
/* token_hash_hex: hex of SHA-256 of the token's text (what the database keeps). */
void	token_hash_hex(const char *token, char out[TOKEN_HEX + 1]);

/*
 * session_load: find the session named by the request's cookie; when it is
 * alive (idle and absolute limits from the settings) and its user enabled,
 * fill r->user, r->session_id and r->csrf_token.  A dead or unknown cookie
 * is cleared.  Returns 0, or 503 when the database cannot be asked.
 */
int	session_load(struct req *);

/*
 * session_start: a new session for user_id (a new token; the request's old
 * session, if any, is ended), with the cookie set.  Call inside the
 * sign-in transaction.  Returns 0 or an HTTP status.
 */
int	session_start(struct req *, int64_t user_id);

/* session_end: end the request's session and clear the cookie. */
int	session_end(struct req *);

#endif
