/* buf.c: growable byte buffer. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* A buffer that grew past this is given back after the request. */
#define BUF_KEEP_MAX	(256 * 1024)

static bool
buf_reserve(struct buf *b, size_t extra)
{
	size_t	 cap;
	char	*p;

	if (b->failed)
		return false;
	if (extra <= b->cap - b->len)
		return true;
	if (extra > SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return false;
	}
	cap = b->cap == 0 ? 4096 : b->cap;
	while (cap - b->len < extra)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
	if (n == 0 || !buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !buf_reserve(b, (size_t)n + 1))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_percent(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')
			buf_append(b, s, 1);
		else {
			char esc[3] = { '%', hex[c >> 4], hex[c & 15] };

			buf_append(b, esc, 3);
		}
	}
}

void
buf_reset(struct buf *b)
{
	if (b->cap > BUF_KEEP_MAX) {
		free(b->data);
		b->data = NULL;
		b->cap = 0;
	}
	b->len = 0;
	b->failed = false;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}
