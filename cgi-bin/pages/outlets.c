/* outlets.c: an application's service outlets: add, edit, remove, and import pasted CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../db/db.h"
#include "../domain/csv.h"
#include "../http/body.h"
#include "../http/response.h"
#include "../view/form.h"
#include "../view/view.h"
#include "pages.h"

#define IMPORT_ROWS_MAX		2000
#define IMPORT_BYTES_MAX	(2 * 1024 * 1024)
#define IMPORT_ERRORS_SHOWN	20

struct outlet {
	const char	*name, *address, *city, *kind, *operator;
	long		 staff;
};

/* The stored word for what people type: "固定" or "fixed" -> "fixed". */
static const char *
outlet_kind(const char *s)
{
	if (strcasecmp(s, "fixed") == 0 || strcmp(s, "固定") == 0 ||
	    strcmp(s, "固定网点") == 0)
		return "fixed";
	if (strcasecmp(s, "mobile") == 0 || strcmp(s, "流动") == 0 ||
	    strcmp(s, "流动网点") == 0)
		return "mobile";
	return NULL;
}

static const char *
outlet_operator(const char *s)
{
	if (strcasecmp(s, "direct") == 0 || strcmp(s, "自营") == 0 ||
	    strcmp(s, "直营") == 0)
		return "direct";
	if (strcasecmp(s, "partner") == 0 || strcmp(s, "合作") == 0 ||
	    strcmp(s, "外包") == 0 || strcmp(s, "合作方") == 0)
		return "partner";
	return NULL;
}

/* Check one outlet; the catalog key of the first problem, or NULL. */
static const char *
outlet_problem(const struct outlet *o)
{
	if (o->name == NULL || *o->name == '\0' || utf8_chars(o->name) > 200)
		return "outlet.bad_name";
	if (o->address == NULL || *o->address == '\0' || utf8_chars(o->address) > 300)
		return "outlet.bad_address";
	if (o->city == NULL || *o->city == '\0' || utf8_chars(o->city) > 100)
		return "outlet.bad_city";
	if (o->kind == NULL)
		return "outlet.bad_kind";
	if (o->staff < 0 || o->staff > 100000)
		return "outlet.bad_staff";
	if (o->operator == NULL)
		return "outlet.bad_operator";
	return NULL;
}

/* Read the outlet form into o and show it in d; the number of problems. */
static int
outlet_from_form(struct req *r, struct form *f, struct outlet *o)
{
	bool		 dup;
	const char	*kind, *op;
	int64_t		 staff;
	enum field_error e;

	o->name = form_text(f, "name", "OUTLET_NAME", true, 200);
	o->address = form_text(f, "address", "OUTLET_ADDRESS", true, 300);
	o->city = form_text(f, "city", "OUTLET_CITY", true, 100);
	kind = req_param(r, "kind", &dup);
	op = req_param(r, "operator", &dup);
	o->kind = kind != NULL ? outlet_kind(kind) : NULL;
	o->operator = op != NULL ? outlet_operator(op) : NULL;
	if (o->kind == NULL)
		form_error(f, "OUTLET_KIND", "outlet.bad_kind");
	else
		tmpl_show(f->d, strcmp(o->kind, "fixed") == 0 ? "KIND_FIXED" : "KIND_MOBILE");
	if (o->operator == NULL)
		form_error(f, "OUTLET_OPERATOR", "outlet.bad_operator");
	else
		tmpl_show(f->d, strcmp(o->operator, "direct") == 0 ?
		    "OPERATOR_DIRECT" : "OPERATOR_PARTNER");
	if ((e = req_int(r, "staff_count", true, 0, 100000, &staff)) != FIELD_OK) {
		const char *raw = req_param(r, "staff_count", &dup);

		form_value(f, "OUTLET_STAFF", raw != NULL ? raw : "");
		form_error(f, "OUTLET_STAFF", "outlet.bad_staff");
	} else
		tmpl_set_int(f->d, "OUTLET_STAFF", staff);
	o->staff = (long)staff;
	return f->errors;
}

static const char *const *
outlet_params(const struct outlet *o, const char *first, const char *second,
    char *staff, const char **p)
{
	size_t n = 0;

	p[n++] = first;
	if (second != NULL)
		p[n++] = second;
	p[n++] = o->name;
	p[n++] = o->address;
	p[n++] = o->city;
	p[n++] = o->kind;
	p[n++] = db_int(staff, o->staff);
	p[n++] = o->operator;
	return p;
}

/* Run statement s for one change of outlets in a transaction with its event. */
static int
outlet_change(struct req *r, int64_t app_id, enum stmt s, const char *const *p,
    const char *action, const char *detail)
{
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = application_lock_editable(r, app_id, 0)) != 0) {
		db_rollback();
		return status;
	}
	if ((res = db_query(s, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback();
		return 404;
	}
	PQclear(res);
	if ((st = db_event(r->user->id, "application", app_id, action, NULL, NULL,
	    detail, r->remote_addr)) != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return 0;
}

static int
back_to_outlets(struct req *r, int64_t app_id, const char *done)
{
	return resp_redirect(r, arena_printf(r->arena,
	    "/applications/%lld?done=%s#outlets", (long long)app_id, done));
}

int
page_outlet_add_post(struct req *r)
{
	struct application	 a;
	struct form		 f = { .r = r };
	struct outlet		 o;
	char			 aid[DB_INT_BUF], staff[DB_INT_BUF];
	const char		*p[7];
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if ((f.d = view_page(r, "application", "application.title")) == NULL)
		return 500;
	if (outlet_from_form(r, &f, &o) > 0) {
		if ((status = application_page(r, &a, f.d, false)) != 0)
			return status;
		form_summary(&f);
		return view_render(r, 422);
	}
	outlet_params(&o, db_int(aid, a.id), NULL, staff, p);
	if ((status = outlet_change(r, a.id, STMT_OUTLET_INSERT, p,
	    "outlet.added", o.name)) != 0)
		return status;
	view_release(r);
	return back_to_outlets(r, a.id, "outlet_added");
}

static struct tmpl_dict *
outlet_page(struct req *r, const struct application *a, int64_t outlet_id)
{
	struct tmpl_dict *d;

	r->private_page = true;
	if ((d = view_page(r, "outlet", "outlet.title")) == NULL)
		return NULL;
	tmpl_set(d, "APP_ID", arena_printf(r->arena, "%lld", (long long)a->id));
	tmpl_set(d, "OUTLET_ID", arena_printf(r->arena, "%lld", (long long)outlet_id));
	tmpl_set(d, "ORGANIZATION", a->organization);
	return d;
}

int
page_outlet(struct req *r)
{
	struct application	 a;
	struct tmpl_dict	*d;
	int64_t			 oid = route_param_id(&r->params, "outlet_id");
	char			 o[DB_INT_BUF], aid[DB_INT_BUF];
	const char		*p[2];
	PGresult		*res;
	enum db_status		 st;
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if (!app_applicant_may_edit(a.state))
		return view_error(r, 409, "application.not_editable");
	p[0] = db_int(o, oid);
	p[1] = db_int(aid, a.id);
	if ((res = db_query(STMT_OUTLET_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	if ((d = outlet_page(r, &a, oid)) == NULL) {
		PQclear(res);
		return 500;
	}
	tmpl_set(d, "OUTLET_NAME", PQgetvalue(res, 0, 1));
	tmpl_set(d, "OUTLET_ADDRESS", PQgetvalue(res, 0, 2));
	tmpl_set(d, "OUTLET_CITY", PQgetvalue(res, 0, 3));
	tmpl_show(d, strcmp(PQgetvalue(res, 0, 4), "fixed") == 0 ? "KIND_FIXED" : "KIND_MOBILE");
	tmpl_set(d, "OUTLET_STAFF", PQgetvalue(res, 0, 5));
	tmpl_show(d, strcmp(PQgetvalue(res, 0, 6), "direct") == 0 ?
	    "OPERATOR_DIRECT" : "OPERATOR_PARTNER");
	PQclear(res);
	return view_render(r, 200);
}

int
page_outlet_post(struct req *r)
{
	struct application	 a;
	struct form		 f = { .r = r };
	struct outlet		 o;
	int64_t			 oid = route_param_id(&r->params, "outlet_id");
	char			 id[DB_INT_BUF], aid[DB_INT_BUF], staff[DB_INT_BUF];
	const char		*p[8];
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if ((f.d = outlet_page(r, &a, oid)) == NULL)
		return 500;
	if (outlet_from_form(r, &f, &o) > 0) {
		form_summary(&f);
		return view_render(r, 422);
	}
	outlet_params(&o, db_int(id, oid), db_int(aid, a.id), staff, p);
	if ((status = outlet_change(r, a.id, STMT_OUTLET_UPDATE, p,
	    "outlet.changed", o.name)) != 0)
		return status;
	view_release(r);
	return back_to_outlets(r, a.id, "outlet_changed");
}

int
page_outlet_delete_post(struct req *r)
{
	struct application	 a;
	char			 id[DB_INT_BUF], aid[DB_INT_BUF];
	const char		*p[2];
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	p[0] = db_int(id, route_param_id(&r->params, "outlet_id"));
	p[1] = db_int(aid, a.id);
	if ((status = outlet_change(r, a.id, STMT_OUTLET_DELETE, p,
	    "outlet.removed", p[0])) != 0)
		return status;
	return back_to_outlets(r, a.id, "outlet_removed");
}

/* The rows of a pasted table, checked; what the import stores. */
struct import {
	struct req	*r;
	struct outlet	*rows;
	size_t		 n;
	size_t		 errors;
	struct tmpl_dict *d;
};

static int
import_row(void *ctx, size_t line, const char *const *f, size_t nf)
{
	struct import	*im = ctx;
	struct outlet	 o;
	const char	*problem = NULL;
	char		*end;

	/* A header row ("名称, 地址..." or "name, address...") is skipped. */
	if (im->n == 0 && im->errors == 0 && nf > 0 &&
	    (strcmp(f[0], "名称") == 0 || strcmp(f[0], "网点名称") == 0 ||
	    strcasecmp(f[0], "name") == 0))
		return 0;
	if (im->n == IMPORT_ROWS_MAX) {
		problem = "outlet.import_too_many";
		goto bad;
	}
	if (nf != 6) {
		problem = "outlet.import_columns";
		goto bad;
	}
	for (size_t i = 0; i < nf; i++)
		if (!utf8_valid(f[i], strlen(f[i])) || !text_clean(f[i], strlen(f[i]))) {
			problem = "outlet.import_text";
			goto bad;
		}
	o.name = f[0];
	o.address = f[1];
	o.city = f[2];
	o.kind = outlet_kind(f[3]);
	o.staff = strtol(f[4], &end, 10);
	if (*f[4] == '\0' || *end != '\0')
		o.staff = -1;
	o.operator = outlet_operator(f[5]);
	if ((problem = outlet_problem(&o)) != NULL)
		goto bad;
	if ((o.name = arena_strdup(im->r->arena, f[0])) == NULL ||
	    (o.address = arena_strdup(im->r->arena, f[1])) == NULL ||
	    (o.city = arena_strdup(im->r->arena, f[2])) == NULL)
		return 1;
	im->rows[im->n++] = o;
	return 0;
bad:
	if (im->errors++ < IMPORT_ERRORS_SHOWN) {
		struct tmpl_dict *e = tmpl_section(im->d, "IMPORT_ERRORS");

		if (e != NULL) {
			tmpl_set_int(e, "LINE", (long long)line);
			tmpl_set(e, "MESSAGE", view_text(im->r, problem));
		}
	}
	return im->n == IMPORT_ROWS_MAX ? 1 : 0;
}

/* A multipart import: the pasted text ("csv") and/or a file ("csv_file"), collected. */
struct import_body {
	struct buf	 text;
	bool		 collecting;
	bool		 too_large;
};

static int
import_begin(void *ctx, const char *name, const char *filename, const char *type)
{
	struct import_body *b = ctx;

	(void)type;
	b->collecting = strcmp(name, "csv") == 0 ||
	    (strcmp(name, "csv_file") == 0 && filename != NULL && *filename != '\0');
	if (b->collecting && b->text.len > 0) {
		if (b->text.len >= IMPORT_BYTES_MAX) {
			b->too_large = true;
			return 1;
		}
		buf_append(&b->text, "\n", 1);
	}
	return 0;
}

static int
import_data(void *ctx, const char *data, size_t len)
{
	struct import_body *b = ctx;

	if (!b->collecting)
		return 0;
	if (b->text.len > IMPORT_BYTES_MAX || len > IMPORT_BYTES_MAX - b->text.len) {
		b->too_large = true;
		return 1;
	}
	buf_append(&b->text, data, len);
	return b->text.failed ? 1 : 0;
}

static int
import_end(void *ctx)
{
	((struct import_body *)ctx)->collecting = false;
	return 0;
}

/* The text to import, from a pasted field or an uploaded file; an HTTP status on failure. */
static int
import_text(struct req *r, const char **text, size_t *len)
{
	static const struct multipart_callbacks cb = { import_begin, import_data, import_end };
	static const struct multipart_limits lim = {
		.max_parts = 8, .max_header_bytes = 8192, .max_field_bytes = IMPORT_BYTES_MAX,
	};
	struct import_body	 b = { 0 };
	enum multipart_status	 ms;
	bool			 dup;

	if (r->content_type == NULL || strncmp(r->content_type, "multipart/", 10) != 0) {
		if ((*text = req_param(r, "csv", &dup)) == NULL || dup)
			return 400;
		*len = strlen(*text);
		return 0;
	}
	if ((int64_t)IMPORT_BYTES_MAX + 64 * 1024 < r->content_length)
		return 413;
	ms = body_multipart(r, &lim, &cb, &b);
	if (b.too_large) {
		buf_free(&b.text);
		return 413;
	}
	if (ms != MP_OK || b.text.failed) {
		buf_free(&b.text);
		return ms == MP_NOMEM ? 500 : 400;
	}
	*text = b.text.len > 0 ? arena_strndup(r->arena, b.text.data, b.text.len) : "";
	*len = b.text.len;
	buf_free(&b.text);
	return *text != NULL ? 0 : 500;
}

int
page_outlets_import_post(struct req *r)
{
	struct application	 a;
	struct import		 im = { .r = r };
	const char		*text, *p[7];
	char			 aid[DB_INT_BUF], staff[DB_INT_BUF];
	size_t			 line = 0, len = 0;
	enum csv_status		 cs;
	enum db_status		 st;
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if (!app_applicant_may_edit(a.state))
		return view_error(r, 409, "application.not_editable");
	if ((status = import_text(r, &text, &len)) != 0)
		return status;
	if (!utf8_valid(text, len) || memchr(text, '\0', len) != NULL)
		return 400;
	if ((im.d = view_page(r, "application", "application.title")) == NULL ||
	    (im.rows = arena_calloc(r->arena, IMPORT_ROWS_MAX, sizeof(*im.rows))) == NULL)
		return 500;
	tmpl_set(im.d, "CSV", text);
	cs = csv_parse(text, len, import_row, &im, &line);
	if (cs != CSV_OK && cs != CSV_STOPPED) {
		struct tmpl_dict *e = tmpl_section(im.d, "IMPORT_ERRORS");

		if (e != NULL) {
			tmpl_set_int(e, "LINE", (long long)line);
			tmpl_set(e, "MESSAGE", view_text(r, "outlet.import_syntax"));
		}
		im.errors++;
	}
	if (im.errors == 0 && im.n == 0) {
		tmpl_show(im.d, "IMPORT_EMPTY");
		im.errors++;
	}
	if (im.errors > 0) {
		/* All or nothing: a list with a bad line imports no line. */
		if ((status = application_page(r, &a, im.d, false)) != 0)
			return status;
		tmpl_set_int(im.d, "IMPORT_ERROR_COUNT", (long long)im.errors);
		tmpl_show(im.d, "IMPORT_FAILED");
		return view_render(r, 422);
	}
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = application_lock_editable(r, a.id, 0)) != 0) {
		db_rollback();
		return status;
	}
	for (size_t i = 0; i < im.n && st == DB_OK; i++) {
		outlet_params(&im.rows[i], db_int(aid, a.id), NULL, staff, p);
		PQclear(db_query(STMT_OUTLET_INSERT, p, &st));
	}
	if (st == DB_OK)
		st = db_event(r->user->id, "application", a.id, "outlets.imported",
		    NULL, NULL, arena_printf(r->arena, "%zu", im.n), r->remote_addr);
	if (st == DB_OK)
		st = db_commit();
	if (st != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	view_release(r);
	return back_to_outlets(r, a.id, "outlets_imported");
}
