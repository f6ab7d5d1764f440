/* response.c: building the response head; bodies streamed as they are made. */
#include <sys/socket.h>

#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

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
	if (body_len != RESP_NO_LENGTH)
		buf_printf(out, "Content-Length: %zu\r\n", body_len);
	if (r->private_page)
		buf_puts(out, "Cache-Control: no-store\r\n");
	for (size_t i = 0; i < r->nheaders; i++)
		buf_printf(out, "%s: %s\r\n", r->headers[i].name,
		    r->headers[i].value);
	buf_puts(out, "\r\n");
}

int
resp_disposition(struct req *r, const char *kind, const char *ascii_name, const char *name)
{
	struct buf	 b = { 0 };
	const char	*out;

	buf_puts(&b, kind);
	buf_puts(&b, "; filename=\"");
	for (const char *p = ascii_name != NULL ? ascii_name : name; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		buf_append(&b, c >= 0x20 && c < 0x7f && c != '"' && c != '\\' &&
		    c != ';' ? p : "_", 1);
	}
	buf_puts(&b, "\"; filename*=UTF-8''");
	buf_percent(&b, name);
	out = b.failed ? NULL : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return out != NULL ? resp_header(r, "Content-Disposition", out) : -1;
}

int
resp_stream_begin(struct req *r)
{
	FCGX_Request	*rq = r->fcgx;
	struct buf	 head = { 0 };
	int		 rc = 0;

	r->status = 200;
	r->streamed = true;
	r->body_ready = true;
	resp_head(r, RESP_NO_LENGTH, &head);
	if (head.failed)
		rc = -1;
	else if (rq != NULL)
		rc = FCGX_PutStr(head.data, (int)head.len, rq->out) == (int)head.len ? 0 : -1;
	buf_free(&head);
	return rc;
}

int
resp_stream_write(struct req *r, const void *data, size_t n)
{
	FCGX_Request *rq = r->fcgx;

	if (r->method == METHOD_HEAD || n == 0)
		return 0;
	if (rq == NULL) {
		buf_append(r->body, data, n);
		return r->body->failed ? -1 : 0;
	}
	while (n > 0) {
		int piece = n > 65536 ? 65536 : (int)n;

		if (FCGX_PutStr(data, piece, rq->out) != piece)
			return -1;
		data = (const char *)data + piece;
		n -= (size_t)piece;
	}
	return 0;
}

void
resp_stream_abort(struct req *r)
{
	FCGX_Request *rq = r->fcgx;

	/* No FastCGI end-of-request: nginx sees the upstream close early and
	 * does not end the chunked body, so the download reads as broken. */
	if (rq != NULL && rq->ipcFd >= 0)
		(void)shutdown(rq->ipcFd, SHUT_RDWR);
}
