/* arena.c: per-request bump allocator. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_ALIGN	16

struct arena_block {
	struct arena_block	*next;
	size_t			 size;	/* usable bytes in data */
	size_t			 used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void
arena_init(struct arena *a, size_t block_size, size_t limit)
{
	a->head = NULL;
	a->block_size = block_size < 256 ? 256 : block_size;
	a->used_total = 0;
	a->limit = limit;
}

static struct arena_block *
arena_block_new(size_t size)
{
	struct arena_block *b;

	if (size > SIZE_MAX - sizeof(*b))
		return NULL;
	if ((b = malloc(sizeof(*b) + size)) == NULL)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block	*b;
	size_t			 start, need;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (a->limit != 0 &&
	    (need > a->limit || a->used_total > a->limit - need))
		return NULL;

	b = a->head;
	if (b != NULL) {
		start = b->used;
		if (start <= b->size && need <= b->size - start) {
			b->used = start + need;
			a->used_total += need;
			return b->data + start;
		}
	}

	/* A large request gets a block of its own behind the current one,
	 * so the current block's free space stays usable. */
	if (need > a->block_size / 4 && b != NULL) {
		struct arena_block *big;

		if ((big = arena_block_new(need)) == NULL)
			return NULL;
		big->used = need;
		big->next = b->next;
		b->next = big;
		a->used_total += need;
		return big->data;
	}

	if ((b = arena_block_new(need > a->block_size ? need : a->block_size))
	    == NULL)
		return NULL;
	b->used = need;
	b->next = a->head;
	a->head = b;
	a->used_total += need;
	return b->data;
}

void *
arena_calloc(struct arena *a, size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / size)
		return NULL;
	if ((p = arena_alloc(a, count * size)) != NULL)
		memset(p, 0, count * size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX || (p = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 copy;
	int	 n;
	char	*p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || (p = arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_reset(struct arena *a)
{
	struct arena_block *b, *next, *keep = NULL;

	/* Keep one ordinary-size block so that the next request does not
	 * start with a malloc. */
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (keep == NULL && b->size == a->block_size)
			keep = b;
		else
			free(b);
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->used_total = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->used_total = 0;
}
