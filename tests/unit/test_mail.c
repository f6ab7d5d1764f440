/* test_mail.c: notification e-mails: encoded-word subjects, base64 bodies, addresses that cannot inject. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <sodium.h>

#include "../../cgi-bin/domain/mail.h"
#include "../../cgi-bin/http/buf.h"
#include "suites.h"

static struct mail_message
message(const char *subject, const char *body)
{
	struct mail_message m = {
		.from = "portal@starcert.example", .to = "li@example.cn",
		.subject = subject, .body = body, .message_id = "outbox-7",
		.date = 1795000000,
	};
	return m;
}

/* The message as a NUL-terminated string (the caller frees). */
static char *
compose(const struct mail_message *m)
{
	struct buf	 b = { 0 };
	char		*s;

	ck_assert(mail_compose(&b, m));
	s = strndup(b.data, b.len);
	buf_free(&b);
	return s;
}

/* Decode base64 text of n characters into out; the decoded length. */
static size_t
unbase64(const char *in, size_t n, unsigned char *out, size_t cap)
{
	size_t len = 0;

	ck_assert_int_eq(sodium_base642bin(out, cap, in, n, NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL), 0);
	return len;
}

/* The subject reassembled from its encoded words; checks each word's size and boundary. */
static char *
subject_of(const char *msg, int *words)
{
	const char	*p = strstr(msg, "\r\nSubject: ") + 11, *end = strstr(p, "\r\nDate: ");
	static char	 out[4096];
	size_t		 len = 0;

	*words = 0;
	while (p < end) {
		const char *w = strstr(p, "=?UTF-8?B?"), *q;
		unsigned char piece[128];
		size_t n;

		ck_assert_ptr_nonnull(w);
		q = strstr(w + 10, "?=");
		ck_assert_int_le(q + 2 - w, 75);	/* RFC 2047: at most 75 characters */
		n = unbase64(w + 10, (size_t)(q - w - 10), piece, sizeof(piece));
		ck_assert((piece[0] & 0xc0) != 0x80);	/* never starts inside a character */
		memcpy(out + len, piece, n);
		len += n;
		(*words)++;
		p = q + 2;
		if (strncmp(p, "\r\n ", 3) == 0)
			p += 3;
	}
	out[len] = '\0';
	return out;
}

START_TEST(test_headers_and_crlf)
{
	struct mail_message	 m = message("申请已受理", "第一行\n第二行");
	char			*s = compose(&m);

	ck_assert(strncmp(s, "From: <portal@starcert.example>\r\nTo: <li@example.cn>\r\n", 53) == 0);
	ck_assert_ptr_nonnull(strstr(s, "\r\nMessage-ID: <outbox-7@starcert.example>\r\n"));
	ck_assert_ptr_nonnull(strstr(s, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
	ck_assert_ptr_nonnull(strstr(s, "\r\nDate: "));
	/* Every line ends in CRLF: no bare LF anywhere. */
	for (const char *p = s; (p = strchr(p, '\n')) != NULL; p++)
		ck_assert(p > s && p[-1] == '\r');
	free(s);
}
END_TEST

START_TEST(test_subject_short_and_long)
{
	char			 subject[1024] = "";
	struct mail_message	 m;
	char			*s;
	int			 words;

	m = message("证书即将到期", "x");
	s = compose(&m);
	ck_assert_str_eq(subject_of(s, &words), "证书即将到期");
	ck_assert_int_eq(words, 1);
	free(s);

	/* 100 three-byte characters plus ASCII: split only between characters. */
	for (int i = 0; i < 100; i++)
		strcat(subject, i % 7 == 0 ? "a星" : "星");
	m = message(subject, "x");
	s = compose(&m);
	ck_assert_str_eq(subject_of(s, &words), subject);
	ck_assert_int_gt(words, 6);
	free(s);
}
END_TEST

START_TEST(test_body_base64_lines)
{
	char			 body[2000] = "", expect[2200] = "";
	unsigned char		 decoded[4096];
	struct mail_message	 m;
	char			*s, *p, joined[4096] = "";
	size_t			 n;

	for (int i = 0; i < 40; i++) {
		strcat(body, "请补充申请材料 line\n");
		strcat(expect, "请补充申请材料 line\r\n");
	}
	m = message("t", body);
	s = compose(&m);
	p = strstr(s, "\r\n\r\n") + 4;
	for (char *line = strtok(p, "\r\n"); line != NULL; line = strtok(NULL, "\r\n")) {
		ck_assert_int_le(strlen(line), 76);
		strcat(joined, line);
	}
	n = unbase64(joined, strlen(joined), decoded, sizeof(decoded));
	ck_assert_int_eq(n, strlen(expect));
	ck_assert(memcmp(decoded, expect, n) == 0);
	free(s);
}
END_TEST

START_TEST(test_addresses_cannot_inject)
{
	static const char *const bad[] = {
		"", "no-at-sign", "@example.cn", "li@", "li@a@b", "li@example.cn\r\nBcc: x@y.cn",
		"li@example.cn\n", "<li@example.cn>", "li @example.cn", "李@example.cn",
		"li@example.cn>\r\nRCPT TO:<x@y.cn", "a\"b@example.cn",
	};
	struct mail_message	 m = message("s", "b");
	struct buf		 b = { 0 };

	ck_assert(mail_address_safe("li.si+notify@example.cn"));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(!mail_address_safe(bad[i]), "accepted %s", bad[i]);
		m.to = bad[i];
		ck_assert(!mail_compose(&b, &m));
	}
	m.to = "li@example.cn";
	m.message_id = "x\r\nBcc: y";
	ck_assert(!mail_compose(&b, &m));
	buf_free(&b);
}
END_TEST

Suite *
mail_suite(void)
{
	Suite	*s = suite_create("mail");
	TCase	*tc = tcase_create("compose");

	tcase_add_test(tc, test_headers_and_crlf);
	tcase_add_test(tc, test_subject_short_and_long);
	tcase_add_test(tc, test_body_base64_lines);
	tcase_add_test(tc, test_addresses_cannot_inject);
	suite_add_tcase(s, tc);
	return s;
}
