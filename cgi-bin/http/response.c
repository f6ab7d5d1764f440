/* response.c: building the response head. */
#include <stdio.h>
#include <string.h>

#include "response.h"

const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	case 507: return "Insufficient Storage";
	default: return status < 400 ? "OK" : "Error";
	}
}

static bool
header_safe(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

int
resp_header(struct req *r, const char *name, const char *value)
{
	if (r->nheaders == RESP_HEADERS_MAX || !header_safe(name) ||
	    !header_safe(value) || strchr(name, ':') != NULL)
		return -1;
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = value;
	r->nheaders++;
	return 0;
}

int
resp_cookie(struct req *r, const char *name, const char *value, long max_age,
    bool http_only)
{
	char age[32] = "";
	const char *v;

	if (strpbrk(value, ";, \"\\") != NULL)
		return -1;
	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	v = arena_printf(r->arena, "%s=%s; Path=/; SameSite=Lax%s%s%s", name,
	    value, http_only ? "; HttpOnly" : "", r->https ? "; Secure" : "",
	    age);
	return v != NULL ? resp_header(r, "Set-Cookie", v) : -1;
}

bool
local_path_ok(const char *p)
{
	if (p == NULL || p[0] != '/' || p[1] == '/' || p[1] == '\\')
		return false;
	for (; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return false;
	return true;
}

int
resp_redirect(struct req *r, const char *path)
{
	resp_header(r, "Location", local_path_ok(path) ? path : "/");
	r->status = 303;
	return 303;
}

void
resp_head(const struct req *r, size_t body_len, struct buf *out)
{
	buf_printf(out, "Status: %d %s\r\n", r->status,
	    http_status_text(r->status));
	if (r->content_type_out != NULL)
		buf_printf(out, "Content-Type: %s\r\n", r->content_type_out);
	buf_printf(out, "Content-Length: %zu\r\n", body_len);
	if (r->private_page)
		buf_puts(out, "Cache-Control: no-store\r\n");
	for (size_t i = 0; i < r->nheaders; i++)
		buf_printf(out, "%s: %s\r\n", r->headers[i].name,
		    r->headers[i].value);
	buf_puts(out, "\r\n");
}
