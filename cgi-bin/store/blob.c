/* blob.c: temp file + SHA-256 while writing, fsync, rename, fsync the directory; libmagic for the type. */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <magic.h>

#include "blob.h"

static char	 root[256];
static magic_t	 cookie;

/* What materials may be: PDF, images, Office documents, and ZIP archives of them. */
static const char *const allowed_types[] = {
	"application/pdf",
	"image/jpeg",
	"image/png",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/msword",
	"application/vnd.ms-excel",
	"application/CDFV2",	/* how libmagic names older .doc/.xls it cannot tell apart */
	"application/zip",
};

bool
blob_type_allowed(const char *mime)
{
	for (size_t i = 0; i < sizeof(allowed_types) / sizeof(allowed_types[0]); i++)
		if (strcmp(mime, allowed_types[i]) == 0)
			return true;
	return false;
}

static int
mkdir_p(const char *path, mode_t mode)
{
	char	buf[1024];
	size_t	len = strlen(path);

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, mode) == -1 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(buf, mode) == -1 && errno != EEXIST ? -1 : 0;
}

int
blob_init(const char *dir)
{
	char path[512];

	if (strlen(dir) >= sizeof(root) - 100) {
		fprintf(stderr, "blob: root path too long\n");
		return -1;
	}
	snprintf(root, sizeof(root), "%s", dir);
	snprintf(path, sizeof(path), "%s/tmp", root);
	if (mkdir_p(path, 0750) != 0) {
		fprintf(stderr, "blob: %s: %s\n", path, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/sha256", root);
	if (mkdir_p(path, 0750) != 0) {
		fprintf(stderr, "blob: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (cookie == NULL) {
		if ((cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) == NULL ||
		    magic_load(cookie, NULL) != 0) {
			fprintf(stderr, "blob: libmagic: %s\n", cookie != NULL ?
			    magic_error(cookie) : "no memory");
			return -1;
		}
	}
	return 0;
}

const char *
blob_root(void)
{
	return root;
}

void
blob_relative_path(const char *hash, char out[96])
{
	snprintf(out, 96, "sha256/%.2s/%.2s/%s", hash, hash + 2, hash);
}

enum blob_status
blob_open(struct blob_writer *w, uint64_t limit)
{
	w->fd = -1;
	w->size = 0;
	w->buffered = 0;
	w->hash[0] = w->type[0] = '\0';
	w->limit = limit;
	snprintf(w->tmp_path, sizeof(w->tmp_path), "%s/tmp/upload-XXXXXX", root);
	if ((w->fd = mkostemp(w->tmp_path, O_CLOEXEC)) == -1) {
		fprintf(stderr, "blob: %s: %s\n", w->tmp_path, strerror(errno));
		return BLOB_IO;
	}
	fchmod(w->fd, 0640);
	crypto_hash_sha256_init(&w->sha);
	return BLOB_OK;
}

/* Write out what is buffered, hashing it on the way. */
static enum blob_status
blob_flush(struct blob_writer *w)
{
	const unsigned char	*p = w->buf;
	size_t			 n = w->buffered;

	crypto_hash_sha256_update(&w->sha, w->buf, w->buffered);
	while (n > 0) {
		ssize_t k = write(w->fd, p, n);

		if (k == -1) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "blob: write: %s\n", strerror(errno));
			blob_abort(w);
			return BLOB_IO;
		}
		p += k;
		n -= (size_t)k;
	}
	w->buffered = 0;
	return BLOB_OK;
}

enum blob_status
blob_write(struct blob_writer *w, const void *data, size_t n)
{
	const unsigned char *p = data;

	if (w->fd == -1)
		return BLOB_IO;
	if (n > w->limit - w->size) {
		blob_abort(w);
		return BLOB_TOO_LARGE;
	}
	w->size += n;
	while (n > 0) {
		size_t take = sizeof(w->buf) - w->buffered;

		if (take > n)
			take = n;
		memcpy(w->buf + w->buffered, p, take);
		w->buffered += take;
		p += take;
		n -= take;
		if (w->buffered == sizeof(w->buf) && blob_flush(w) != BLOB_OK)
			return BLOB_IO;
	}
	return BLOB_OK;
}

static int
fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

enum blob_status
blob_commit(struct blob_writer *w, bool (*allowed)(const char *))
{
	unsigned char	 digest[crypto_hash_sha256_BYTES];
	char		 rel[96], final[512], dir[512];
	const char	*mime;
	struct stat	 st;

	if (w->fd == -1 || blob_flush(w) != BLOB_OK)
		return BLOB_IO;
	crypto_hash_sha256_final(&w->sha, digest);
	sodium_bin2hex(w->hash, sizeof(w->hash), digest, sizeof(digest));
	if (fsync(w->fd) == -1) {
		fprintf(stderr, "blob: fsync: %s\n", strerror(errno));
		goto fail;
	}
	/* The type from the bytes, never from the name. */
	if (lseek(w->fd, 0, SEEK_SET) == -1 ||
	    (mime = magic_descriptor(cookie, w->fd)) == NULL)
		mime = "application/octet-stream";
	snprintf(w->type, sizeof(w->type), "%s", mime);
	close(w->fd);
	w->fd = -1;
	if (allowed != NULL && !allowed(w->type)) {
		blob_abort(w);
		return BLOB_REFUSED;
	}

	blob_relative_path(w->hash, rel);
	snprintf(final, sizeof(final), "%s/%s", root, rel);
	snprintf(dir, sizeof(dir), "%s/sha256/%.2s/%.2s", root, w->hash, w->hash + 2);
	if (mkdir_p(dir, 0750) != 0) {
		fprintf(stderr, "blob: %s: %s\n", dir, strerror(errno));
		goto fail;
	}
	if (stat(final, &st) == 0 && (uint64_t)st.st_size == w->size) {
		/* The same content is stored already: keep it, and make it
		 * young again so that gc leaves it alone until our row lands. */
		utimensat(AT_FDCWD, final, NULL, 0);
		unlink(w->tmp_path);
		w->tmp_path[0] = '\0';
		return BLOB_OK;
	}
	if (rename(w->tmp_path, final) == -1 || fsync_dir(dir) == -1) {
		fprintf(stderr, "blob: %s: %s\n", final, strerror(errno));
		goto fail;
	}
	w->tmp_path[0] = '\0';
	return BLOB_OK;
fail:
	blob_abort(w);
	return BLOB_IO;
}

void
blob_abort(struct blob_writer *w)
{
	if (w->fd != -1) {
		close(w->fd);
		w->fd = -1;
	}
	if (w->tmp_path[0] != '\0') {
		unlink(w->tmp_path);
		w->tmp_path[0] = '\0';
	}
}

/*
 * Remove path if older than cutoff; 1 when removed.  For a blob, ask
 * again whether a row refers to it right before the unlink: an upload of
 * the same content touches the file before its row lands.
 */
static int
remove_old(const char *path, time_t cutoff, FILE *out, const char *what,
    bool (*referenced)(const char *, void *), const char *hash, void *ctx)
{
	struct stat st;

	if (stat(path, &st) != 0 || st.st_mtime > cutoff)
		return 0;
	if (referenced != NULL && (referenced(hash, ctx) ||
	    stat(path, &st) != 0 || st.st_mtime > cutoff))
		return 0;
	if (unlink(path) != 0) {
		fprintf(out, "gc: %s: %s\n", path, strerror(errno));
		return 0;
	}
	fprintf(out, "gc: removed %s %s (%lld bytes)\n", what, path,
	    (long long)st.st_size);
	return 1;
}

int
blob_gc(long min_age, bool (*referenced)(const char *, void *), void *ctx, FILE *out)
{
	char		 path[1024];
	time_t		 cutoff = time(NULL) - min_age;
	DIR		*d1 = NULL, *d2 = NULL, *d3 = NULL;
	struct dirent	*e1, *e2, *e3;
	int		 removed = 0;

	snprintf(path, sizeof(path), "%s/tmp", root);
	if ((d1 = opendir(path)) == NULL)
		return -1;
	while ((e1 = readdir(d1)) != NULL) {
		if (e1->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/tmp/%.255s", root, e1->d_name);
		removed += remove_old(path, cutoff, out, "unfinished upload",
		    NULL, NULL, NULL);
	}
	closedir(d1);

	snprintf(path, sizeof(path), "%s/sha256", root);
	if ((d1 = opendir(path)) == NULL)
		return -1;
	while ((e1 = readdir(d1)) != NULL) {
		if (e1->d_name[0] == '.' || strlen(e1->d_name) != 2)
			continue;
		snprintf(path, sizeof(path), "%s/sha256/%.2s", root, e1->d_name);
		if ((d2 = opendir(path)) == NULL)
			continue;
		while ((e2 = readdir(d2)) != NULL) {
			if (e2->d_name[0] == '.' || strlen(e2->d_name) != 2)
				continue;
			snprintf(path, sizeof(path), "%s/sha256/%.2s/%.2s", root,
			    e1->d_name, e2->d_name);
			if ((d3 = opendir(path)) == NULL)
				continue;
			while ((e3 = readdir(d3)) != NULL) {
				if (strlen(e3->d_name) != BLOB_HASH_HEX ||
				    referenced(e3->d_name, ctx))
					continue;
				snprintf(path, sizeof(path), "%s/sha256/%.2s/%.2s/%.64s",
				    root, e1->d_name, e2->d_name, e3->d_name);
				removed += remove_old(path, cutoff, out,
				    "unreferenced blob", referenced, e3->d_name, ctx);
			}
			closedir(d3);
		}
		closedir(d2);
	}
	closedir(d1);
	return removed;
}
