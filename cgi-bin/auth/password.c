/* password.c: argon2id through libsodium, at most N at once via a process-shared semaphore. */
#include <sys/mman.h>

#include <errno.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "password.h"

#define SLOT_WAIT_SECONDS	10

static sem_t	*slots;			/* shared with forked workers; NULL: unbounded */
static char	 decoy[PASSWORD_HASH_MAX];

int
password_init(unsigned max_concurrent)
{
	char pw[32];

	if (sodium_init() < 0)
		return -1;
	if (max_concurrent > 0 && slots == NULL) {
		void *p = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED || sem_init(p, 1, max_concurrent) != 0) {
			fprintf(stderr, "password: cannot create the semaphore: %s\n",
			    strerror(errno));
			return -1;
		}
		slots = p;
	}
	password_random(pw, 24);
	if (crypto_pwhash_str(decoy, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return -1;
	return 0;
}

static int
slot_take(void)
{
	struct timespec deadline;

	if (slots == NULL)
		return 0;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += SLOT_WAIT_SECONDS;
	while (sem_timedwait(slots, &deadline) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

static void
slot_give(void)
{
	if (slots != NULL)
		sem_post(slots);
}

enum password_result
password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	int rc;

	if (slot_take() != 0)
		return PASSWORD_BUSY;
	rc = crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
	slot_give();
	return rc == 0 ? PASSWORD_MATCH : PASSWORD_FAILURE;
}

int
password_hash_http(const char *pw, char out[PASSWORD_HASH_MAX])
{
	switch (password_hash(pw, out)) {
	case PASSWORD_MATCH:
		return 0;
	case PASSWORD_BUSY:
		return 503;
	default:
		return 500;
	}
}

enum password_result
password_verify(const char *stored, const char *pw)
{
	int rc;

	if (slot_take() != 0)
		return PASSWORD_BUSY;
	rc = crypto_pwhash_str_verify(stored != NULL ? stored : decoy, pw,
	    strlen(pw));
	slot_give();
	if (stored == NULL)
		return PASSWORD_MISMATCH;
	return rc == 0 ? PASSWORD_MATCH : PASSWORD_MISMATCH;
}

void
password_random(char *out, size_t len)
{
	/* No look-alikes (0/O, 1/l/I) so that a password read aloud works. */
	static const char alphabet[] =
	    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	for (size_t i = 0; i < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[len] = '\0';
}
