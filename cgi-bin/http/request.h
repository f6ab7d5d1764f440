/* request.h: one request as the handlers see it: typed, validated input and the response under way. */
#ifndef STARCERT_REQUEST_H
#define STARCERT_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "parse.h"
#include "router.h"
#include "../view/i18n.h"

struct tmpl_dict;

/* The signed-in user, when there is one (filled by the session layer). */
struct user {
	int64_t		 id;
	int64_t		 organization_id;	/* 0 for staff */
	unsigned	 roles;			/* ROLE_* bits */
	const char	*name;
	const char	*email;
	const char	*lang;		/* "zh", "en" or NULL: the user's setting */
	bool		 must_change_password;
	bool		 email_notify;	/* notifications by e-mail too */
	int		 unread;	/* unread notifications, at most 100 */
};

struct header {
	const char	*name;
	const char	*value;
};

#define RESP_HEADERS_MAX	16
#define REQ_ID_MAX		64

struct req {
	struct arena		*arena;
	void			*fcgx;		/* FCGX_Request *, NULL in tests */

	/* Input, validated at the boundary. */
	enum http_method	 method;
	const char		*path;		/* decoded, normalised by nginx */
	const char		*query_string;	/* raw, as sent; "" when none */
	struct kvlist		 query;
	struct kvlist		 form;		/* urlencoded POST body */
	struct kvlist		 cookies;
	const char		*request_id;
	const char		*remote_addr;
	const char		*origin;	/* Origin header or NULL */
	const char		*referer;	/* Referer header or NULL */
	const char		*host;		/* nginx's $host: no port */
	long			 server_port;	/* the port nginx listens on */
	const char		*content_type;
	const char		*accept_language;
	int64_t			 content_length;
	bool			 https;

	/* Routing and identity. */
	const struct route	*route;
	struct route_params	 params;
	struct user		*user;		/* NULL: anonymous */
	int64_t			 session_id;	/* 0: no session */
	const char		*csrf_token;	/* what this request's forms carry */
	enum lang		 lang;

	/* Response. */
	int			 status;
	const char		*content_type_out;
	struct header		 headers[RESP_HEADERS_MAX];
	size_t			 nheaders;
	struct buf		*body;
	bool			 body_ready;	/* a handler rendered the body */
	bool			 streamed;	/* head and body already sent (resp_stream_begin) */
	bool			 private_page;	/* Cache-Control: no-store */
	struct tmpl_dict	*view_root;	/* the layout's dictionary */
	struct tmpl_dict	*view_content;	/* the page's, included by the layout */
	const char		*view_page;	/* template name, e.g. "home" */
};

/* Limits on what a request may carry (nginx enforces the outer ones). */
#define REQ_FORM_BODY_MAX	(1024 * 1024)
#define REQ_QUERY_MAX		(8 * 1024)

/*
 * req_param: the single value of a query or form parameter (form first for
 * POST), or NULL when absent.  A parameter given twice is ambiguous input:
 * *dup is set and NULL returned, and the caller answers 400.
 */
const char	*req_param(const struct req *, const char *name, bool *dup);

/*
 * req_values: every value of a repeated parameter (checkboxes), form first
 * for POST; at most max are stored in out.  Returns how many there are.
 */
size_t		 req_values(const struct req *, const char *name, const char **out,
		    size_t max);

enum field_error {
	FIELD_OK = 0,
	FIELD_MISSING,
	FIELD_TOO_LONG,
	FIELD_TOO_SHORT,
	FIELD_NOT_NUMBER,
	FIELD_OUT_OF_RANGE,
	FIELD_DUPLICATE,
	FIELD__MAX
};

/*
 * req_text: the parameter name as text of at most maxchars characters
 * (UTF-8 code points) after trimming surrounding white space.  required
 * says whether an empty value is FIELD_MISSING.  *out gets an arena copy
 * (or "" when absent and not required).
 */
enum field_error req_text(const struct req *, const char *name, bool required,
	    size_t maxchars, const char **out);

/* req_int: the parameter as a base-10 integer in [min, max]. */
enum field_error req_int(const struct req *, const char *name, bool required,
	    int64_t min, int64_t max, int64_t *out);

/* req_base_url: "http://host[:port]" of this server, for links given out of the site (arena). */
const char	*req_base_url(const struct req *);

/* utf8_chars: the number of code points in valid UTF-8 s. */
size_t		 utf8_chars(const char *s);

#endif
