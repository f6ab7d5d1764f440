/* test_cert_pdf.c: the certificate PDF: a real document, its text and QR code, and refusals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "../../cgi-bin/cert/pdf.h"
#include "suites.h"

static const struct cert_facts facts = {
	.number = "SC-2026-00001",
	.version = 2,
	.org_name = "杭州星辰家电售后服务有限公司",
	.credit_code = "91330106MA2H3X4Y5Z",
	.address = "浙江省杭州市西湖区文三路 478 号华星时代广场 A 座 12 层",
	.scope = "家用电器（空调、冰箱、洗衣机、热水器、厨房电器）的销售、配送、安装、维修、"
	    "保养及配件供应服务；家电以旧换新、回收服务；客户服务热线与线上服务平台的运营；"
	    "家用电器（空调、冰箱、洗衣机、热水器、厨房电器）的销售、配送、安装、维修、"
	    "保养及配件供应服务；家电以旧换新、回收服务；客户服务热线与线上服务平台的运营。",
	.standard = "GB/T 27922-2011《商品售后服务评价体系》",
	.stars = 5,
	.level_zh = "五星级",
	.level_en = "Five-star",
	.issue_date = "2026-03-15",
	.expiry_date = "2029-03-14",
	.body_zh = "星级认证服务中心有限公司",
	.body_en = "Starcert Certification Centre Co., Ltd.",
	.verify_url = "https://starcert.example.cn/verify/SC-2026-00001?v=2",
};

static bool
have_tools(void)
{
	return access("/usr/bin/pdftotext", X_OK) == 0 && access("/usr/bin/pdftoppm", X_OK) == 0 &&
	    access("/usr/bin/zbarimg", X_OK) == 0;
}

/* The standard output of cmd (at most cap - 1 bytes), NUL-terminated; its exit status must be 0. */
static void
run(const char *cmd, char *out, size_t cap)
{
	FILE	*f;
	size_t	 n;

	ck_assert_ptr_nonnull(f = popen(cmd, "r"));
	n = fread(out, 1, cap - 1, f);
	out[n] = '\0';
	ck_assert_msg(pclose(f) == 0, "%s failed", cmd);
}

START_TEST(test_render)
{
	struct buf	 b = { 0 };
	char		 pdf[] = "/tmp/starcert-cert-XXXXXX.pdf", png[64], cmd[256];
	char		*out;
	size_t		 cap = 1 << 16;
	int		 fd;

	buf_puts(&b, "prefix");
	ck_assert_int_eq(cert_pdf(&facts, CERT_PDF_FONT, &b), 0);
	ck_assert(!b.failed);
	ck_assert_uint_gt(b.len, 6 + 20000);
	ck_assert_uint_lt(b.len, 6 + 4 * 1024 * 1024);
	ck_assert_mem_eq(b.data, "prefix%PDF-", 11);
	ck_assert_ptr_nonnull(memmem(b.data + b.len - 16, 16, "%%EOF", 5));

	if (!have_tools()) {
		fprintf(stderr, "test_cert_pdf: pdftotext, pdftoppm or zbarimg missing: "
		    "text and QR code not checked\n");
		buf_free(&b);
		return;
	}
	ck_assert_int_ge(fd = mkstemps(pdf, 4), 0);
	ck_assert_int_eq(write(fd, b.data + 6, b.len - 6), (ssize_t)(b.len - 6));
	ck_assert_int_eq(close(fd), 0);
	buf_free(&b);
	ck_assert_ptr_nonnull(out = malloc(cap));

	/* The text layer carries the Chinese name and the number. */
	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - 2>/dev/null", pdf);
	run(cmd, out, cap);
	ck_assert_msg(strstr(out, facts.org_name) != NULL, "no organization name in: %s", out);
	ck_assert_msg(strstr(out, facts.number) != NULL, "no number in: %s", out);
	ck_assert_ptr_nonnull(strstr(out, "售后服务认证证书"));

	/* The QR code, rendered at 150 dpi, reads back as the URL and nothing else. */
	snprintf(png, sizeof(png), "%.*s", (int)(strlen(pdf) - 4), pdf);
	snprintf(cmd, sizeof(cmd), "pdftoppm -png -r 150 -singlefile '%s' '%s' 2>/dev/null", pdf,
	    png);
	run(cmd, out, cap);
	strcat(png, ".png");
	snprintf(cmd, sizeof(cmd), "zbarimg -q --raw '%s' 2>/dev/null", png);
	run(cmd, out, cap);
	out[strcspn(out, "\n")] = '\0';
	ck_assert_str_eq(out, facts.verify_url);

	free(out);
	unlink(png);
	unlink(pdf);
}
END_TEST

START_TEST(test_missing_font)
{
	struct buf b = { 0 };

	buf_puts(&b, "kept");
	ck_assert_int_eq(cert_pdf(&facts, "/nonexistent/wqy-zenhei.ttc", &b), -1);
	ck_assert_uint_eq(b.len, 4);
	ck_assert_mem_eq(b.data, "kept", 4);
	/* Not a font: libharu's error comes back as -1, not an abort. */
	ck_assert_int_eq(cert_pdf(&facts, "/etc/hostname", &b), -1);
	ck_assert_uint_eq(b.len, 4);
	buf_free(&b);
}
END_TEST

START_TEST(test_odd_input)
{
	struct buf		b = { 0 };
	struct cert_facts	f = {
		.org_name = "bad \xff\xfe utf8 \xe4\xb8 tail\n\t\x7f end",
		.stars = 9,
		.verify_url = "x",
	};

	/* NULLs, invalid UTF-8, control characters and an impossible star count still render. */
	ck_assert_int_eq(cert_pdf(&f, CERT_PDF_FONT, &b), 0);
	ck_assert_mem_eq(b.data, "%PDF-", 5);
	/* No URL, no certificate: the QR code is what makes it checkable. */
	buf_reset(&b);
	f.verify_url = "";
	ck_assert_int_eq(cert_pdf(&f, CERT_PDF_FONT, &b), -1);
	ck_assert_uint_eq(b.len, 0);
	buf_free(&b);
}
END_TEST

START_TEST(test_levels)
{
	struct buf		b = { 0 };
	struct cert_facts	f = facts;
	static const int	stars[] = { 0, 3, 4 };

	/* Each level, one after another in the same buffer, as a worker would. */
	for (size_t i = 0; i < sizeof(stars) / sizeof(stars[0]); i++) {
		f.stars = stars[i];
		f.level_zh = stars[i] == 0 ? "达标级" : "星级";
		f.level_en = stars[i] == 0 ? "Compliant" : "Star";
		buf_reset(&b);
		ck_assert_int_eq(cert_pdf(&f, CERT_PDF_FONT, &b), 0);
		ck_assert_mem_eq(b.data, "%PDF-", 5);
	}
	buf_free(&b);
}
END_TEST

Suite *
cert_pdf_suite(void)
{
	Suite	*s = suite_create("cert_pdf");
	TCase	*tc = tcase_create("core");

	/* Each render loads and embeds a 17 MB font: about a second under ASan. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_render);
	tcase_add_test(tc, test_missing_font);
	tcase_add_test(tc, test_odd_input);
	tcase_add_test(tc, test_levels);
	suite_add_tcase(s, tc);
	return s;
}
