/* app.c: one request: FastCGI params -> struct req -> router -> handler -> response -> log line. */
#include <sys/random.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app.h"
#include "config.h"
#include "auth/csrf.h"
#include "auth/password.h"
#include "store/blob.h"
#include "auth/session.h"
#include "db/db.h"
#include "db/settings.h"
#include "domain/roles.h"
#include "http/arena.h"
#include "http/body.h"
#include "http/buf.h"
#include "http/parse.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "pages/pages.h"
#include "view/view.h"

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_LIMIT	(64 * 1024 * 1024)
#define LOG_LINE_MAX	1024

static struct {
	struct arena	arena;
	struct buf	body;
	struct buf	head;
} w;

/* The layout's share of every page: the body's name and what the user may reach. */
static void
layout_fill(struct req *r, struct tmpl_dict *d)
{
	tmpl_set(d, "BODY_NAME", settings_get(r->lang == LANG_ZH ?
	    "body_name_zh" : "body_name_en"));
	if (r->user != NULL) {
		struct tmpl_dict *u = tmpl_section(d, "SIGNED_IN"), *n;

		if (u != NULL) {
			tmpl_set(u, "USER_NAME", r->user->name);
			tmpl_set(u, "CSRF", r->csrf_token);
			if (r->user->unread > 0 && (n = tmpl_section(u, "UNREAD")) != NULL)
				tmpl_set(n, "COUNT", r->user->unread > 99 ? "99+" :
				    arena_printf(r->arena, "%d", r->user->unread));
		}
		if (r->user->roles & ROLE_APPLICANT)
			tmpl_show(d, "NAV_APPLICANT");
		else {
			tmpl_show(d, "NAV_STAFF");
			tmpl_show(d, "STAFF_SEARCH");
		}
		if (r->user->roles & (ROLE_REVIEWER | ROLE_SUPERVISOR | ROLE_ADMIN))
			tmpl_show(d, "NAV_REVIEW");
		if (r->user->roles & ROLE_AUDITOR)
			tmpl_show(d, "NAV_AUDITOR");
		if (r->user->roles & ROLE_ADMIN)
			tmpl_show(d, "NAV_ADMIN");
	} else
		tmpl_show(d, "ANONYMOUS");
}

int
app_init(const struct config *cfg)
{
	if (routes_check() != 0 || stmt_defs_check() != 0 || blob_init(cfg->blobs_dir) != 0 ||
	    certificates_init(cfg->cert_key_file, cfg->cjk_font, cfg->public_url) != 0)
		return -1;
	/* At most as many 64 MiB password hashes at once as there are cores. */
	return password_init((unsigned)sysconf(_SC_NPROCESSORS_ONLN));
}

void
app_print_routes(void)
{
	for (size_t i = 0; i < routes_count; i++)
		for (unsigned m = METHOD_GET; m <= METHOD_POST; m <<= 1)
			if (routes[i].methods & m)
				printf("%s %s %u %s\n", http_method_name(m),
				    routes[i].pattern, routes[i].roles, routes[i].name);
}

void
app_worker_init(void)
{
	arena_init(&w.arena, ARENA_BLOCK, ARENA_LIMIT);
	view_set_layout_hook(layout_fill);
}

void
app_worker_done(void)
{
	arena_free(&w.arena);
	buf_free(&w.body);
	buf_free(&w.head);
}

/* A request id: nginx's $request_id when it is sane, else 16 random hex digits. */
static const char *
request_id(struct arena *a, const char *given)
{
	static const char	hex[] = "0123456789abcdef";
	unsigned char		rnd[8];
	char			id[17];
	size_t			n;

	if (given != NULL && (n = strlen(given)) > 0 && n < REQ_ID_MAX &&
	    strspn(given, hex) == n)
		return arena_strdup(a, given);
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		memset(rnd, 0, sizeof(rnd));
	for (size_t i = 0; i < sizeof(rnd); i++) {
		id[2 * i] = hex[rnd[i] >> 4];
		id[2 * i + 1] = hex[rnd[i] & 15];
	}
	id[16] = '\0';
	return arena_strdup(a, id);
}

static const char *
param(FCGX_Request *rq, const char *name)
{
	return FCGX_GetParam(name, rq->envp);
}

/* The language: the "lang" cookie, else Accept-Language, else Chinese. */
static enum lang
choose_lang(const struct req *r)
{
	int l = lang_parse(kvlist_get(&r->cookies, "lang", NULL));

	return l >= 0 ? (enum lang)l : lang_from_accept(r->accept_language);
}

/* Fill r from the FastCGI params; an HTTP status when the input is bad, else 0. */
static int
req_read(struct req *r, FCGX_Request *rq)
{
	const char	*qs, *cookie, *cl, *https;
	char		*end;

	r->method = http_method_parse(param(rq, "REQUEST_METHOD"));
	r->path = param(rq, "DOCUMENT_URI");
	r->remote_addr = param(rq, "REMOTE_ADDR");
	r->origin = param(rq, "HTTP_ORIGIN");
	r->referer = param(rq, "HTTP_REFERER");
	r->host = param(rq, "HTTP_HOST");
	r->server_port = param(rq, "SERVER_PORT") != NULL ?
	    strtol(param(rq, "SERVER_PORT"), NULL, 10) : 0;
	r->content_type = param(rq, "CONTENT_TYPE");
	r->accept_language = param(rq, "HTTP_ACCEPT_LANGUAGE");
	https = param(rq, "HTTPS");
	r->https = https != NULL && strcmp(https, "on") == 0;
	if ((cookie = param(rq, "HTTP_COOKIE")) != NULL &&
	    cookies_parse(r->arena, cookie, &parse_limits_cookie, &r->cookies)
	    != PARSE_OK)
		return 400;
	r->lang = choose_lang(r);

	if (r->method == 0)
		return 405;
	if (r->path == NULL || r->path[0] != '/' ||
	    strlen(r->path) > ROUTE_PATH_MAX ||
	    !utf8_valid(r->path, strlen(r->path)) ||
	    !text_clean(r->path, strlen(r->path)) ||
	    strpbrk(r->path, "\r\n\t") != NULL)
		return 400;
	r->query_string = "";
	if ((qs = param(rq, "QUERY_STRING")) != NULL) {
		r->query_string = qs;
		if (strlen(qs) > REQ_QUERY_MAX)
			return 400;
		if (urlencoded_parse(r->arena, qs, strlen(qs), &parse_limits_form,
		    &r->query) != PARSE_OK)
			return 400;
	}

	cl = param(rq, "CONTENT_LENGTH");
	r->content_length = 0;
	if (cl != NULL && *cl != '\0') {
		long long n = strtoll(cl, &end, 10);

		if (*end != '\0' || n < 0)
			return 400;
		r->content_length = n;
	}
	if (r->method == METHOD_POST && r->content_type != NULL &&
	    strncmp(r->content_type, "application/x-www-form-urlencoded", 33) == 0) {
		char *body;

		if (r->content_length > REQ_FORM_BODY_MAX)
			return 413;
		if ((body = body_read(r, (size_t)r->content_length)) == NULL)
			return 400;
		if (urlencoded_parse(r->arena, body, (size_t)r->content_length,
		    &parse_limits_form, &r->form) != PARSE_OK)
			return 400;
	}
	return 0;
}

static int
dispatch(struct req *r)
{
	enum route_result	 rr;
	unsigned		 allowed = 0;
	int			 status;

	if ((status = session_load(r)) != 0)
		return status;
	if (r->user != NULL && r->user->lang != NULL &&
	    kvlist_get(&r->cookies, "lang", NULL) == NULL)
		r->lang = (enum lang)lang_parse(r->user->lang);

	rr = router_match(routes, routes_count, r->method, r->path, r->arena,
	    &r->route, &r->params, &allowed);
	if (rr == ROUTE_NOT_FOUND)
		return 404;
	if (rr == ROUTE_METHOD_NOT_ALLOWED) {
		char allow[32] = "";

		for (unsigned m = METHOD_GET; m <= METHOD_POST; m <<= 1)
			if (allowed & m)
				snprintf(allow + strlen(allow), sizeof(allow) -
				    strlen(allow), "%s%s", allow[0] ? ", " : "",
				    http_method_name((enum http_method)m));
		resp_header(r, "Allow", arena_strdup(r->arena, allow));
		return 405;
	}
	switch (router_access(r->route, r->user != NULL,
	    r->user != NULL ? r->user->roles : 0)) {
	case ACCESS_SIGN_IN:
		return 401;
	case ACCESS_FORBIDDEN:
		return 403;
	case ACCESS_OK:
		break;
	}
	if (r->method == METHOD_POST) {
		if ((status = csrf_prepare(r)) != 0)
			return status;
		if (csrf_check(r) != 0)
			return view_error(r, 403, "error.csrf");
	}
	if (r->user != NULL && r->user->must_change_password &&
	    !route_open_before_password_change(r->route))
		return resp_redirect(r, "/account/password");
	return r->route->handler(r);
}

/* Write head and body; HEAD gets the head only. */
static void
send_response(struct req *r, FCGX_Request *rq)
{
	buf_reset(&w.head);
	resp_head(r, r->body->len, &w.head);
	FCGX_PutStr(w.head.data, (int)w.head.len, rq->out);
	if (r->method != METHOD_HEAD && r->body->len > 0)
		FCGX_PutStr(r->body->data, (int)r->body->len, rq->out);
}

/* Append s to line with quotes, backslashes and control bytes escaped. */
static void
log_quoted(struct buf *line, const char *s)
{
	buf_puts(line, "\"");
	for (; s != NULL && *s != '\0' && line->len < LOG_LINE_MAX - 8; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			buf_printf(line, "\\x%02x", c);
		else if (c == '"' || c == '\\')
			buf_printf(line, "\\%c", c);
		else
			buf_append(line, s, 1);
	}
	buf_puts(line, "\"");
}

/* One line per request, written with one write(2) so workers never interleave. */
static void
log_request(const struct req *r, double ms)
{
	struct buf	line = { 0 };
	char		ts[32];
	time_t		now = time(NULL);
	struct tm	tm;

	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_printf(&line, "time=%s rid=%s pid=%d method=%s path=", ts,
	    r->request_id, (int)getpid(),
	    r->method != 0 ? http_method_name(r->method) : "-");
	log_quoted(&line, r->path);
	buf_printf(&line, " status=%d ms=%.2f user=", r->status, ms);
	if (r->user != NULL)
		buf_printf(&line, "%lld", (long long)r->user->id);
	else
		buf_puts(&line, "-");
	buf_puts(&line, "\n");
	if (!line.failed)
		(void)!write(STDERR_FILENO, line.data, line.len);
	buf_free(&line);
}

void
app_handle(void *fcgx_request)
{
	FCGX_Request	*rq = fcgx_request;
	struct req	 r;
	struct timespec	 t0, t1;
	int		 status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	r.arena = &w.arena;
	r.fcgx = rq;
	r.body = &w.body;
	buf_reset(&w.body);
	r.request_id = request_id(r.arena, param(rq, "REQUEST_ID"));
	if (r.request_id == NULL)
		r.request_id = "-";

	settings_refresh();
	if ((status = req_read(&r, rq)) == 0)
		status = dispatch(&r);
	if (status == 503 || status == 500)
		db_rollback();	/* whatever a failed handler left open */
	view_release(&r);
	r.status = status;
	if (!r.streamed) {
		/* A streamed response was sent by its handler; the status it
		 * returns is only logged (a failure half-way is a 500 there). */
		if (!r.body_ready && status >= 400)
			view_error(&r, status, NULL);
		r.status = status;
		send_response(&r, rq);
	}

	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_request(&r, (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	arena_reset(&w.arena);
}
