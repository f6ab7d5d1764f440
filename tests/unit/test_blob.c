/* test_blob.c: the blob store: hashing, the rename into place, refusals, limits and gc. */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <check.h>

#include "../../cgi-bin/store/blob.h"
#include "suites.h"

static char root[64];

static void
setup(void)
{
	snprintf(root, sizeof(root), "/tmp/starcert-blob-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	ck_assert_int_eq(blob_init(root), 0);
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

static int
count_files(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static bool
allow_all(const char *mime)
{
	(void)mime;
	return true;
}

static bool
referenced_none(const char *hash, void *ctx)
{
	(void)hash;
	(void)ctx;
	return false;
}

static const char pdf[] = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";

/* Write data in pieces of step bytes and commit. */
static enum blob_status
store(struct blob_writer *w, const char *data, size_t len, size_t step, uint64_t limit,
    bool (*allowed)(const char *))
{
	enum blob_status st;

	ck_assert_int_eq(blob_open(w, limit), BLOB_OK);
	for (size_t i = 0; i < len; i += step)
		if ((st = blob_write(w, data + i, len - i < step ? len - i : step)) != BLOB_OK)
			return st;
	return blob_commit(w, allowed);
}

START_TEST(test_hash_path_and_type)
{
	static struct blob_writer	 w;
	char				 rel[96], path[256], tmp[160];
	struct stat			 st;

	ck_assert_int_eq(store(&w, pdf, strlen(pdf), 7, 1 << 20, blob_type_allowed), BLOB_OK);
	/* sha256 of the bytes, checked against coreutils. */
	{
		char cmd[512], out[80] = "";
		FILE *f;

		snprintf(path, sizeof(path), "%s/probe", root);
		f = fopen(path, "w");
		fwrite(pdf, 1, strlen(pdf), f);
		fclose(f);
		snprintf(cmd, sizeof(cmd), "sha256sum '%s' | cut -c1-64", path);
		f = popen(cmd, "r");
		ck_assert_ptr_nonnull(fgets(out, sizeof(out), f));
		pclose(f);
		out[64] = '\0';
		ck_assert_str_eq(w.hash, out);
		unlink(path);
	}
	ck_assert_str_eq(w.type, "application/pdf");
	ck_assert_uint_eq(w.size, strlen(pdf));
	blob_relative_path(w.hash, rel);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, (off_t)strlen(pdf));
	ck_assert_int_eq(strncmp(rel, "sha256/", 7), 0);
	ck_assert_int_eq(memcmp(rel + 7, w.hash, 2), 0);
	ck_assert_int_eq(memcmp(rel + 10, w.hash + 2, 2), 0);
	snprintf(tmp, sizeof(tmp), "%s/tmp", root);
	ck_assert_int_eq(count_files(tmp), 0);
}
END_TEST

START_TEST(test_same_content_stored_once)
{
	static struct blob_writer	 a, b;
	char				 rel[96], dir[256];

	ck_assert_int_eq(store(&a, pdf, strlen(pdf), 1000, 1 << 20, allow_all), BLOB_OK);
	ck_assert_int_eq(store(&b, pdf, strlen(pdf), 3, 1 << 20, allow_all), BLOB_OK);
	ck_assert_str_eq(a.hash, b.hash);
	blob_relative_path(a.hash, rel);
	snprintf(dir, sizeof(dir), "%s/%.*s", root, 13, rel);
	ck_assert_int_eq(count_files(dir), 1);
}
END_TEST

START_TEST(test_refused_type_leaves_nothing)
{
	static struct blob_writer	 w;
	const char			*html = "<!doctype html><html><script>alert(1)</script></html>\n";
	char				 tmp[160], sha[160];

	ck_assert_int_eq(store(&w, html, strlen(html), 5, 1 << 20, blob_type_allowed),
	    BLOB_REFUSED);
	ck_assert_str_eq(w.type, "text/html");
	snprintf(tmp, sizeof(tmp), "%s/tmp", root);
	snprintf(sha, sizeof(sha), "%s/sha256", root);
	ck_assert_int_eq(count_files(tmp), 0);
	ck_assert_int_eq(count_files(sha), 0);
}
END_TEST

START_TEST(test_limit)
{
	static struct blob_writer	 w;
	static char			 data[100000];
	char				 tmp[160];

	memset(data, 'x', sizeof(data));
	ck_assert_int_eq(store(&w, data, sizeof(data), 4096, 99999, allow_all), BLOB_TOO_LARGE);
	snprintf(tmp, sizeof(tmp), "%s/tmp", root);
	ck_assert_int_eq(count_files(tmp), 0);
	/* Exactly at the limit is fine. */
	ck_assert_int_eq(store(&w, data, sizeof(data), 65536, sizeof(data), allow_all), BLOB_OK);
}
END_TEST

START_TEST(test_allow_list)
{
	ck_assert(blob_type_allowed("application/pdf"));
	ck_assert(blob_type_allowed("image/png"));
	ck_assert(blob_type_allowed("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	ck_assert(!blob_type_allowed("text/html"));
	ck_assert(!blob_type_allowed("application/x-executable"));
	ck_assert(!blob_type_allowed("image/svg+xml"));
}
END_TEST

START_TEST(test_gc_removes_only_old_orphans)
{
	static struct blob_writer	 w, abandoned;
	char				 rel[96], path[256], tmp[160];
	struct timespec			 old[2] = { { time(NULL) - 7200, 0 }, { time(NULL) - 7200, 0 } };
	FILE				*out = fopen("/dev/null", "w");

	ck_assert_int_eq(store(&w, pdf, strlen(pdf), 64, 1 << 20, allow_all), BLOB_OK);
	ck_assert_int_eq(blob_open(&abandoned, 1 << 20), BLOB_OK);
	ck_assert_int_eq(blob_write(&abandoned, "partial", 7), BLOB_OK);
	/* Young files stay, whatever refers to them. */
	ck_assert_int_eq(blob_gc(3600, referenced_none, NULL, out), 0);
	blob_relative_path(w.hash, rel);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	ck_assert_int_eq(utimensat(AT_FDCWD, path, old, 0), 0);
	ck_assert_int_eq(utimensat(AT_FDCWD, abandoned.tmp_path, old, 0), 0);
	ck_assert_int_eq(blob_gc(3600, referenced_none, NULL, out), 2);
	ck_assert_int_ne(access(path, F_OK), 0);
	snprintf(tmp, sizeof(tmp), "%s/tmp", root);
	ck_assert_int_eq(count_files(tmp), 0);
	fclose(out);
	abandoned.tmp_path[0] = '\0';
	blob_abort(&abandoned);
}
END_TEST

Suite *
blob_suite(void)
{
	Suite	*s = suite_create("blob");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_hash_path_and_type);
	tcase_add_test(tc, test_same_content_stored_once);
	tcase_add_test(tc, test_refused_type_leaves_nothing);
	tcase_add_test(tc, test_limit);
	tcase_add_test(tc, test_allow_list);
	tcase_add_test(tc, test_gc_removes_only_old_orphans);
	suite_add_tcase(s, tc);
	return s;
}
