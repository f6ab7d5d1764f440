/* request.c: typed access to a request's parameters. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

const char *
req_param(const struct req *r, const char *name, bool *dup)
{
	const char	*v;
	size_t		 nform = 0, nquery = 0;

	*dup = false;
	v = kvlist_get(&r->form, name, &nform);
	if (nform == 0)
		v = kvlist_get(&r->query, name, &nquery);
	if (nform > 1 || nquery > 1) {
		*dup = true;
		return NULL;
	}
	return v;
}

size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum field_error
req_text(const struct req *r, const char *name, bool required,
    size_t maxchars, const char **out)
{
	const char	*v, *end;
	bool		 dup;
	char		*copy;

	*out = "";
	if ((v = req_param(r, name, &dup)) == NULL)
		return dup ? FIELD_DUPLICATE : required ? FIELD_MISSING : FIELD_OK;
	while (is_space(*v))
		v++;
	end = v + strlen(v);
	while (end > v && is_space(end[-1]))
		end--;
	if (end == v)
		return required ? FIELD_MISSING : FIELD_OK;
	if ((copy = arena_strndup(r->arena, v, (size_t)(end - v))) == NULL)
		return FIELD_TOO_LONG;
	if (utf8_chars(copy) > maxchars)
		return FIELD_TOO_LONG;
	*out = copy;
	return FIELD_OK;
}

enum field_error
req_int(const struct req *r, const char *name, bool required, int64_t min,
    int64_t max, int64_t *out)
{
	const char	*v;
	char		*end;
	long long	 n;
	enum field_error e;

	*out = 0;
	if ((e = req_text(r, name, required, 32, &v)) != FIELD_OK)
		return e == FIELD_TOO_LONG ? FIELD_NOT_NUMBER : e;
	if (*v == '\0')
		return FIELD_OK;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (*end != '\0' || end == v)
		return FIELD_NOT_NUMBER;
	if (errno == ERANGE || n < min || n > max)
		return FIELD_OUT_OF_RANGE;
	*out = n;
	return FIELD_OK;
}

size_t
req_values(const struct req *r, const char *name, const char **out, size_t max)
{
	const struct kvlist	*l = r->form.count > 0 ? &r->form : &r->query;
	size_t			 n = 0;

	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i].key, name) == 0) {
			if (n < max)
				out[n] = l->items[i].value;
			n++;
		}
	return n;
}

const char *
req_base_url(const struct req *r)
{
	const char	*scheme = r->https ? "https" : "http";
	long		 default_port = r->https ? 443 : 80;

	if (r->server_port == 0 || r->server_port == default_port)
		return arena_printf(r->arena, "%s://%s", scheme,
		    r->host != NULL ? r->host : "localhost");
	return arena_printf(r->arena, "%s://%s:%ld", scheme,
	    r->host != NULL ? r->host : "localhost", r->server_port);
}
