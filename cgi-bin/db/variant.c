/* variant.c: a statement's optional conditions written out or left out, one prepared text per set of given parameters. */
#include <stdio.h>
#include <string.h>

#include "../http/buf.h"
#include "db.h"

/*
 * An optional condition is written "($n::type IS NULL OR condition)".  A
 * plan made once for every value of $n cannot use an index for such a
 * condition, nor guess how many rows it leaves, so each set of given
 * optional parameters gets a text of its own:
 *
 *	$n given:	($n::type IS NOT NULL AND (condition))
 *	$n NULL:	($n::type IS NULL OR false AND (condition))
 *
 * The planner folds "false AND (...)" away before it looks for indexes;
 * the condition stays in the text, so that every parameter it mentions
 * keeps the type the statement gives it.
 */

#define GUARD_NULL	" IS NULL OR "

/*
 * The length of the guard "($n::type IS NULL OR " at s when $n is an
 * optional parameter of d (n into *n), else 0.
 */
static size_t
guard_at(const struct stmt_def *d, const char *s, const char *end, int *n)
{
	const char	*p = s + 2;
	int		 v = 0;

	if (end - s < 3 || s[0] != '(' || s[1] != '$')
		return 0;
	while (p < end && *p >= '0' && *p <= '9' && v <= 32)
		v = v * 10 + (*p++ - '0');
	if (v < 1 || v > d->nparams || v > 32 || (d->optional & OPTIONAL(v)) == 0 ||
	    end - p < 3 || p[0] != ':' || p[1] != ':')
		return 0;
	for (p += 2; p < end && (*p == '_' || *p == '[' || *p == ']' ||
	    (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')); p++)
		;
	if ((size_t)(end - p) < strlen(GUARD_NULL) ||
	    memcmp(p, GUARD_NULL, strlen(GUARD_NULL)) != 0)
		return 0;
	*n = v;
	return (size_t)(p - s) + strlen(GUARD_NULL);
}

/* The closing parenthesis of the one opened just before s, or NULL. */
static const char *
closing(const char *s, const char *end)
{
	int depth = 1;

	for (; s < end; s++) {
		if (*s == '\'') {	/* a literal: '' inside it is a quote */
			while (++s < end && *s != '\'')
				;
			if (s == end)
				return NULL;
		} else if (*s == '(')
			depth++;
		else if (*s == ')' && --depth == 0)
			return s;
	}
	return NULL;
}

/*
 * Append [s, end) to out with every guard of an optional parameter
 * rewritten for given; count the guards of each parameter in guards[].
 * -1 when a guard has no end.
 */
static int
rewrite(const struct stmt_def *d, unsigned given, const char *s, const char *end,
    struct buf *out, int guards[32])
{
	while (s < end) {
		const char	*cond, *close;
		size_t		 g;
		int		 n;

		if ((g = guard_at(d, s, end, &n)) == 0) {
			buf_append(out, s++, 1);
			continue;
		}
		guards[n - 1]++;
		cond = s + g;
		if ((close = closing(cond, end)) == NULL)
			return -1;
		buf_append(out, s, g - strlen(GUARD_NULL));
		buf_puts(out, (given & OPTIONAL(n)) ? " IS NOT NULL AND (" :
		    " IS NULL OR false AND (");
		if (rewrite(d, given, cond, close, out, guards) != 0)
			return -1;
		buf_puts(out, "))");
		s = close + 1;
	}
	return 0;
}

int
stmt_variant_sql(const struct stmt_def *d, unsigned given, struct buf *out)
{
	int guards[32] = { 0 };

	if (rewrite(d, given & d->optional, d->sql, d->sql + strlen(d->sql), out,
	    guards) != 0 || out->failed)
		return -1;
	for (int n = 1; n <= d->nparams && n <= 32; n++)
		if ((d->optional & OPTIONAL(n)) != 0 && guards[n - 1] == 0)
			return -1;
	return 0;
}

unsigned
stmt_variant(const struct stmt_def *d, const char *const *params)
{
	unsigned variant = 0, bit = 1;

	for (int i = 0; i < d->nparams && i < 32; i++)
		if ((d->optional & (1u << i)) != 0) {
			if (params[i] != NULL)
				variant |= bit;
			bit <<= 1;
		}
	return variant;
}

unsigned
stmt_variant_given(const struct stmt_def *d, unsigned variant)
{
	unsigned given = 0, bit = 1;

	for (int i = 0; i < d->nparams && i < 32; i++)
		if ((d->optional & (1u << i)) != 0) {
			if (variant & bit)
				given |= 1u << i;
			bit <<= 1;
		}
	return given;
}

int
stmt_defs_check(void)
{
	int rc = 0;

	for (int s = 0; s < STMT__MAX; s++) {
		const struct stmt_def	*d = &stmt_defs[s];
		struct buf		 out = { 0 };

		if (d->plan_always || d->optional == 0)
			continue;
		if (__builtin_popcount(d->optional) > STMT_OPTIONAL_MAX ||
		    (d->plan_with & ~d->optional) != 0 ||
		    d->nparams >= 32 || (d->optional >> d->nparams) != 0 ||
		    strlen(d->name) + 4 > STMT_NAME_MAX) {
			fprintf(stderr, "db: %s: optional parameters or name out of range\n", d->name);
			rc = -1;
		} else if (stmt_variant_sql(d, d->optional, &out) != 0) {
			fprintf(stderr, "db: %s: an optional parameter without its "
			    "\"($n::type IS NULL OR ...)\" condition\n", d->name);
			rc = -1;
		}
		buf_free(&out);
	}
	return rc;
}
