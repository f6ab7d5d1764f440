/* password.h: argon2id hashing with a bound on how many hashes run at once across workers. */
#ifndef STARCERT_PASSWORD_H
#define STARCERT_PASSWORD_H

#include <sodium.h>

#define PASSWORD_HASH_MAX	crypto_pwhash_STRBYTES

enum password_result {
	PASSWORD_MATCH,
	PASSWORD_MISMATCH,
	PASSWORD_BUSY,		/* no hashing slot within the wait: answer 503 */
	PASSWORD_FAILURE,	/* out of memory or a malformed stored hash */
};

/*
 * password_init: prepare hashing.  max_concurrent > 0 creates that many
 * slots shared with the processes forked afterwards (call it in the
 * master): byte-range locks on one unlinked file, given back by the kernel
 * when a holder dies.  At most that many 64 MiB argon2id computations run
 * at once; 0 means no bound (command-line tools).  Also computes the decoy hash used for
 * unknown accounts.  Returns 0 or -1.
 */
int	password_init(unsigned max_concurrent);

/* password_hash: argon2id (libsodium's interactive limits) of pw into out. */
enum password_result password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);

/* password_hash_http: as password_hash, as an HTTP status: 0, 503 (busy) or 500. */
int	password_hash_http(const char *pw, char out[PASSWORD_HASH_MAX]);

/*
 * password_verify: check pw against stored (an argon2id string).  With
 * stored NULL the decoy hash is checked instead and the answer is always
 * PASSWORD_MISMATCH, so an unknown account costs the same time as a wrong
 * password.
 */
enum password_result password_verify(const char *stored, const char *pw);

/* password_random: a random password of len characters (len < size) for resets, NUL-terminated. */
void	password_random(char *out, size_t len);

#endif
