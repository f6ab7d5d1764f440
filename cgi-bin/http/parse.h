/* parse.h: pure parsers for what a request carries: urlencoded pairs, cookies, UTF-8. */
#ifndef STARCERT_PARSE_H
#define STARCERT_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* One decoded pair; key and value are NUL-terminated arena copies. */
struct kv {
	const char	*key;
	const char	*value;
	size_t		 value_len;
};

struct kvlist {
	struct kv	*items;
	size_t		 count;
};

enum parse_status {
	PARSE_OK = 0,
	PARSE_BAD_ENCODING,	/* malformed %XX, or a key with bytes outside printable ASCII */
	PARSE_BAD_UTF8,		/* a value is not valid UTF-8 */
	PARSE_CONTROL,		/* NUL or another control byte other than TAB, CR, LF */
	PARSE_TOO_MANY,		/* more pairs than allowed */
	PARSE_TOO_LONG,		/* a key or value over its limit */
	PARSE_NOMEM,
	PARSE__MAX
};

struct parse_limits {
	size_t	max_pairs;
	size_t	max_key;	/* bytes, decoded */
	size_t	max_value;	/* bytes, decoded */
};

/* Limits for query strings and form bodies. */
extern const struct parse_limits parse_limits_form;
/* Limits for the Cookie header. */
extern const struct parse_limits parse_limits_cookie;

/*
 * urlencoded_parse: split "a=1&b=%E4%B8%AD" (a query string or an
 * application/x-www-form-urlencoded body of len bytes, not necessarily
 * NUL-terminated) into decoded pairs, '+' meaning space.  Empty segments
 * are skipped; a key without '=' has the empty value.  Duplicate keys are
 * all kept, in order.  Keys must be printable ASCII; values valid UTF-8
 * without control bytes but TAB, CR and LF.  On success out lists arena
 * memory; on failure out is empty and the status says why.
 */
enum parse_status urlencoded_parse(struct arena *, const char *buf, size_t len,
	    const struct parse_limits *, struct kvlist *out);

/*
 * cookies_parse: split a Cookie header ("a=b; c=d").  Values are taken as
 * they are (no percent-decoding; a quoted value loses its quotes).  Pairs
 * whose name is not a token are skipped, as browsers send what other sites
 * on the host set; bad bytes in a value we may read make the pair skipped too.
 */
enum parse_status cookies_parse(struct arena *, const char *header,
	    const struct parse_limits *, struct kvlist *out);

/* kvlist_get: the first value for key, or NULL; *count (if not NULL) gets how many there are. */
const char	*kvlist_get(const struct kvlist *, const char *key, size_t *count);

/* utf8_valid: true when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
bool		 utf8_valid(const char *s, size_t len);

/* text_clean: true when s[0..len) has no control byte but TAB, CR and LF (and no DEL). */
bool		 text_clean(const char *s, size_t len);

/* hex_digit_value: 0-15 for a hex digit (either case), else -1. */
int		 hex_digit_value(unsigned char);

/* http_token_char: an RFC 9110 tchar (header names, cookie names, parameter names). */
bool		 http_token_char(unsigned char);

/* parse_status_name: a short English name for logs. */
const char	*parse_status_name(enum parse_status);

#endif
