/* password.c: argon2id through libsodium, at most N at once via a process-shared semaphore. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "password.h"

#define SLOT_WAIT_SECONDS	10

/*
 * The hashing slots are byte-range locks on one unlinked file the master
 * opens before forking: byte i is slot i.  POSIX record locks belong to
 * the process, so a worker that dies while hashing gives its slot back.
 */
static int	 slots_fd = -1;		/* -1: unbounded */
static unsigned	 slots_count;
static off_t	 slot_held = -1;
static char	 decoy[PASSWORD_HASH_MAX];

int
password_init(unsigned max_concurrent)
{
	char pw[32];

	if (sodium_init() < 0)
		return -1;
	if (max_concurrent > 0 && slots_fd == -1) {
		FILE *f = tmpfile();

		if (f == NULL || (slots_fd = dup(fileno(f))) == -1) {
			fprintf(stderr, "password: cannot create the slot file: %s\n",
			    strerror(errno));
			if (f != NULL)
				fclose(f);
			return -1;
		}
		fclose(f);
		slots_count = max_concurrent;
	}
	password_random(pw, 24);
	if (crypto_pwhash_str(decoy, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return -1;
	return 0;
}

/* Try each slot without waiting; poll every 10 ms up to the deadline. */
static int
slot_take(void)
{
	struct flock	 fl;
	long long	 waited_ms = 0;

	if (slots_fd == -1)
		return 0;
	for (;;) {
		for (unsigned i = 0; i < slots_count; i++) {
			memset(&fl, 0, sizeof(fl));
			fl.l_type = F_WRLCK;
			fl.l_whence = SEEK_SET;
			fl.l_start = (off_t)i;
			fl.l_len = 1;
			if (fcntl(slots_fd, F_SETLK, &fl) == 0) {
				slot_held = (off_t)i;
				return 0;
			}
		}
		if (waited_ms >= SLOT_WAIT_SECONDS * 1000LL)
			return -1;
		usleep(10 * 1000);
		waited_ms += 10;
	}
}

static void
slot_give(void)
{
	struct flock fl;

	if (slots_fd == -1 || slot_held < 0)
		return;
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_UNLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = slot_held;
	fl.l_len = 1;
	fcntl(slots_fd, F_SETLK, &fl);
	slot_held = -1;
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
