/* mail.c: notification e-mails as RFC 5322 messages (UTF-8, base64). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../http/buf.h"
#include "mail.h"

/* 45 bytes of UTF-8 make 60 base64 characters: an encoded word of 72, under RFC 2047's 75. */
#define WORD_BYTES	45
/* 57 bytes make one 76-character base64 line. */
#define LINE_BYTES	57

bool
mail_address_safe(const char *a)
{
	const char *at;

	if (a == NULL || *a == '\0' || strlen(a) > 254 ||
	    strpbrk(a, "\r\n<>\"(),;: \t\\") != NULL ||
	    (at = strchr(a, '@')) == NULL || at == a || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL)
		return false;
	for (const unsigned char *p = (const unsigned char *)a; *p != '\0'; p++)
		if (*p < 0x21 || *p > 0x7e)
			return false;
	return true;
}

static void
base64(struct buf *out, const unsigned char *in, size_t n)
{
	char enc[sodium_base64_ENCODED_LEN(LINE_BYTES, sodium_base64_VARIANT_ORIGINAL)];

	sodium_bin2base64(enc, sizeof(enc), in, n, sodium_base64_VARIANT_ORIGINAL);
	buf_puts(out, enc);
}

/* The length of the longest prefix of s, at most max bytes, that ends on a character boundary. */
static size_t
utf8_prefix(const char *s, size_t len, size_t max)
{
	size_t n;

	if (len <= max)
		return len;
	n = max;
	/* Back up over continuation bytes (10xxxxxx) to a lead byte. */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n > 0 ? n : max;
}

static void
encoded_words(struct buf *out, const char *s)
{
	size_t len = strlen(s), n;
	bool first = true;

	if (len == 0)
		return;
	while (len > 0) {
		n = utf8_prefix(s, len, WORD_BYTES);
		buf_puts(out, first ? "=?UTF-8?B?" : "\r\n =?UTF-8?B?");
		base64(out, (const unsigned char *)s, n);
		buf_puts(out, "?=");
		s += n;
		len -= n;
		first = false;
	}
}

bool
mail_compose(struct buf *out, const struct mail_message *m)
{
	struct buf	 body = { 0 };
	char		 date[64];
	struct tm	 tm;
	const char	*p;

	if (!mail_address_safe(m->from) || !mail_address_safe(m->to) ||
	    m->message_id == NULL || strpbrk(m->message_id, "\r\n<>@ ") != NULL)
		return false;
	gmtime_r(&m->date, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_printf(out, "From: <%s>\r\nTo: <%s>\r\nSubject: ", m->from, m->to);
	encoded_words(out, m->subject != NULL ? m->subject : "");
	buf_printf(out, "\r\nDate: %s\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n", date, m->message_id,
	    strchr(m->from, '@') + 1);
	/* The body with CRLF line ends, then base64 in 76-character lines. */
	for (p = m->body != NULL ? m->body : ""; *p != '\0'; p++) {
		if (*p == '\n')
			buf_append(&body, "\r\n", 2);
		else if (*p != '\r')
			buf_append(&body, p, 1);
	}
	for (size_t off = 0; off < body.len; off += LINE_BYTES) {
		size_t n = body.len - off < LINE_BYTES ? body.len - off : LINE_BYTES;

		base64(out, (const unsigned char *)body.data + off, n);
		buf_puts(out, "\r\n");
	}
	if (body.failed) {
		buf_free(&body);
		return false;
	}
	buf_free(&body);
	return !out->failed;
}
