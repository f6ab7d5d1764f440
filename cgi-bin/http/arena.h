/* arena.h: per-request bump allocator; everything a request allocates is freed at once. */
#ifndef STARCERT_ARENA_H
#define STARCERT_ARENA_H

#include <stddef.h>
#include <stdarg.h>

struct arena_block;

struct arena {
	struct arena_block	*head;		/* newest block first */
	size_t			 block_size;	/* size of ordinary blocks */
	size_t			 used_total;	/* bytes handed out, for the limit */
	size_t			 limit;		/* 0: unlimited */
};

/*
 * arena_init: prepare an empty arena whose ordinary blocks are block_size
 * bytes and which refuses to hand out more than limit bytes in all
 * (0 = no limit).  Nothing is allocated until the first arena_alloc.
 */
void	 arena_init(struct arena *, size_t block_size, size_t limit);

/*
 * arena_alloc: n bytes aligned for any type, or NULL when the limit would be
 * passed or memory is short.  Freed only by arena_reset/arena_free.
 */
void	*arena_alloc(struct arena *, size_t n);
void	*arena_calloc(struct arena *, size_t count, size_t size);

/* Copies; the result is NUL-terminated and lives as long as the arena. */
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *fmt, va_list);

/* arena_reset: free every block but the first, which is kept for reuse. */
void	 arena_reset(struct arena *);
/* arena_free: free every block. */
void	 arena_free(struct arena *);

#endif
