/* buf.h: a growable byte buffer, reused from request to request by a worker. */
#ifndef STARCERT_BUF_H
#define STARCERT_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	bool	 failed;	/* an append ran out of memory; data is truncated */
};

/* buf_append: add n bytes; on failure sets failed and leaves the rest unchanged. */
void	buf_append(struct buf *, const void *, size_t n);
void	buf_puts(struct buf *, const char *);
void	buf_printf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* buf_percent: append s with every byte but A-Z a-z 0-9 . - _ as %XX (a URL query value, or RFC 8187's filename*). */
void	buf_percent(struct buf *, const char *s);
/* buf_reset: empty the buffer, keeping its memory (trimmed when it grew large). */
void	buf_reset(struct buf *);
void	buf_free(struct buf *);

#endif
