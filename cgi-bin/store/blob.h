/* blob.h: the content-addressed blob store: ROOT/sha256/ab/cd/<hash>, written crash-safely. */
#ifndef STARCERT_BLOB_H
#define STARCERT_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <sodium.h>

#define BLOB_HASH_HEX	64
#define BLOB_BUFFER	(64 * 1024)	/* parsers hand data over in small pieces */

struct blob_writer {
	int				 fd;		/* the temporary file, -1 when closed */
	char				 tmp_path[512];
	crypto_hash_sha256_state	 sha;
	uint64_t			 size;
	uint64_t			 limit;		/* more bytes than this: BLOB_TOO_LARGE */
	char				 hash[BLOB_HASH_HEX + 1];	/* after blob_commit */
	char				 type[128];	/* MIME type after blob_commit */
	size_t				 buffered;	/* bytes in buf not yet written */
	unsigned char			 buf[BLOB_BUFFER];
};

enum blob_status {
	BLOB_OK = 0,
	BLOB_TOO_LARGE,		/* the limit was passed; nothing kept */
	BLOB_IO,		/* the disk refused (full, permissions...); nothing kept */
	BLOB_REFUSED,		/* the content's type is not allowed; nothing kept */
};

/* blob_init: use ROOT (created with tmp/ and sha256/ if missing); 0 or -1 with a message. */
int		 blob_init(const char *root);
const char	*blob_root(void);

/* blob_open: start a new blob in ROOT/tmp; limit bounds its size. */
enum blob_status blob_open(struct blob_writer *, uint64_t limit);
/* blob_write: append n bytes (hashing them as they pass). */
enum blob_status blob_write(struct blob_writer *, const void *, size_t n);
/*
 * blob_commit: fsync the file, detect its MIME type with libmagic from its
 * content (BLOB_REFUSED, with w->type set, when allowed says no), rename it
 * to ROOT/sha256/ab/cd/<hash> (an existing blob with the same hash is kept
 * and the copy dropped) and fsync the directory.  On success w->hash,
 * w->type and w->size describe the blob.
 */
enum blob_status blob_commit(struct blob_writer *, bool (*allowed)(const char *mime));
/* blob_abort: drop an unfinished blob (safe to call twice, or after commit). */
void		 blob_abort(struct blob_writer *);

/* blob_relative_path: "sha256/ab/cd/<hash>" for hash into out. */
void		 blob_relative_path(const char *hash, char out[96]);

/* blob_type_allowed: whether a MIME type is one the portal accepts for materials. */
bool		 blob_type_allowed(const char *mime);

/*
 * blob_gc: remove temporary files and blobs older than min_age_seconds for
 * which referenced(hash, ctx) says false; report each removal on out.
 * Returns the number removed, or -1.
 */
int		 blob_gc(long min_age_seconds, bool (*referenced)(const char *hash, void *ctx),
		    void *ctx, FILE *out);

#endif
