/* documents.c: uploaded materials: streaming upload into the blob store, download through nginx, delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "../db/settings.h"
#include "../domain/roles.h"
#include "../http/body.h"
#include "../http/response.h"
#include "../store/blob.h"
#include "../view/view.h"
#include "pages.h"

#define FILE_NAME_MAX_CHARS	255
#define FORM_OVERHEAD		(64 * 1024)	/* multipart headers around the file */

struct upload {
	struct req		*r;
	struct blob_writer	 w;
	bool			 file_open;	/* a blob is being written */
	bool			 have_file;
	int			 problem;	/* HTTP status to answer, 0 while fine */
	const char		*file_name;
	uint64_t		 limit;
};

/*
 * The client's file name, made harmless for the database and for headers:
 * the last path component, control bytes replaced, at most 255 characters,
 * valid UTF-8 (else "file").  It is never used on disk.
 */
static const char *
file_name_clean(struct arena *a, const char *raw)
{
	const char	*base = raw;
	char		*out, *o;
	size_t		 chars = 0;

	for (const char *p = raw; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	while (*base == ' ' || *base == '.')
		base++;
	if (*base == '\0' || !utf8_valid(base, strlen(base)) ||
	    (out = arena_alloc(a, strlen(base) + 1)) == NULL)
		return "file";
	for (o = out; *base != '\0'; base++) {
		unsigned char c = (unsigned char)*base;

		if ((c & 0xc0) != 0x80 && ++chars > FILE_NAME_MAX_CHARS)
			break;
		*o++ = c < 0x20 || c == 0x7f || c == '"' ? '_' : (char)c;
	}
	*o = '\0';
	return out;
}

static int
upload_begin(void *ctx, const char *name, const char *filename, const char *type)
{
	struct upload *u = ctx;

	(void)type;			/* the browser's word counts for nothing */
	if (strcmp(name, "file") != 0 || filename == NULL)
		return 0;		/* other fields are not used; their data is dropped */
	if (u->have_file) {
		u->problem = 400;	/* one file per upload */
		return 1;
	}
	u->have_file = true;
	if (*filename == '\0') {
		u->problem = 422;	/* the form was sent without a file */
		return 1;
	}
	u->file_name = file_name_clean(u->r->arena, filename);
	if (blob_open(&u->w, u->limit) != BLOB_OK) {
		u->problem = 503;
		return 1;
	}
	u->file_open = true;
	return 0;
}

static int
upload_data(void *ctx, const char *data, size_t len)
{
	struct upload *u = ctx;

	if (!u->file_open)
		return 0;
	switch (blob_write(&u->w, data, len)) {
	case BLOB_OK:
		return 0;
	case BLOB_TOO_LARGE:
		u->problem = 413;
		break;
	default:
		u->problem = 507;	/* the disk is full or refuses */
		break;
	}
	u->file_open = false;
	return 1;
}

static int
upload_end(void *ctx)
{
	struct upload *u = ctx;

	/* Only the file part's bytes belong to the blob: later parts are not. */
	u->file_open = false;
	return 0;
}

static const struct multipart_callbacks upload_callbacks = {
	upload_begin, upload_data, upload_end,
};

/* Re-show the application page with a notice about the upload; status returned. */
static int
upload_refused(struct req *r, const struct application *a, const char *section,
    const char *type, const char *name, int status)
{
	struct tmpl_dict	*d, *n;
	int			 st;

	if ((d = view_page(r, "application", "application.title")) == NULL)
		return 500;
	if ((n = tmpl_section(d, section)) != NULL) {
		tmpl_set(n, "TYPE", type != NULL ? type : "");
		tmpl_set(n, "FILE_NAME", name != NULL ? name : "");
		tmpl_set_int(n, "MAX_MB", settings_long("upload_max_mb"));
	}
	if ((st = application_page(r, a, d, false)) != 0)
		return st;
	return view_render(r, status);
}

/* Is material_id an active item of the checklist?  Its code into *code. */
static int
material_known(struct req *r, int64_t material_id, const char **code)
{
	PGresult	*res;
	enum db_status	 st;
	char		 want[DB_INT_BUF];

	db_int(want, material_id);
	if ((res = db_query(STMT_MATERIALS_LIST, NULL, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++)
		if (strcmp(PQgetvalue(res, i, 0), want) == 0) {
			*code = arena_strdup(r->arena, PQgetvalue(res, i, 1));
			PQclear(res);
			return 0;
		}
	PQclear(res);
	return 404;
}

int
upload_receive(struct req *r, struct upload_result *out)
{
	struct upload		 u = { .r = r };
	char			 boundary[MULTIPART_BOUNDARY_MAX + 1];
	enum multipart_status	 ms;
	enum blob_status	 bs;

	memset(out, 0, sizeof(*out));
	u.w.fd = -1;
	u.limit = (uint64_t)settings_long("upload_max_mb") * 1024 * 1024;
	if (r->content_type == NULL || multipart_boundary(r->content_type, boundary) != 0)
		return 400;
	if ((uint64_t)r->content_length > u.limit + FORM_OVERHEAD)
		return 413;
	/* Stream: at most one chunk of the body is in memory at any time. */
	ms = body_multipart(r, &multipart_limits_default, &upload_callbacks, &u);
	if (ms != MP_OK || u.problem != 0 || !u.have_file) {
		blob_abort(&u.w);
		if (u.problem == 413 || u.problem == 507 || u.problem == 422 ||
		    u.problem == 503)
			return u.problem;
		if (ms == MP_OK && !u.have_file)
			return 422;
		return 400;
	}
	out->file_name = u.file_name;
	if ((bs = blob_commit(&u.w, blob_type_allowed)) != BLOB_OK) {
		out->type = arena_strdup(r->arena, u.w.type);
		return bs == BLOB_REFUSED ? 415 : 507;
	}
	memcpy(out->hash, u.w.hash, sizeof(out->hash));
	out->type = arena_strdup(r->arena, u.w.type);
	out->size = (long long)u.w.size;
	return 0;
}

int
upload_refused_page(struct req *r, int status)
{
	return view_error(r, status, status == 413 ? "document.too_large" :
	    status == 415 ? "document.type_refused" : status == 422 ? "document.no_file" :
	    status == 507 ? "document.disk" : "error.400.text");
}

int
upload_store(const struct upload_result *f)
{
	char		 size[DB_INT_BUF];
	const char	*p[3] = { f->hash, db_int(size, f->size), f->type };
	enum db_status	 st;

	PQclear(db_query(STMT_BLOB_INSERT, p, &st));
	return st;
}

int
page_document_upload_post(struct req *r)
{
	struct application	 a;
	struct upload_result	 f;
	int64_t			 material = route_param_id(&r->params, "material_id");
	const char		*code = NULL, *p[7];
	char			 aid[DB_INT_BUF], mid[DB_INT_BUF], uid[DB_INT_BUF], size[DB_INT_BUF];
	enum db_status		 st;
	PGresult		*res;
	int			 status;

	if ((status = application_find(r, route_param_id(&r->params, "id"), &a)) != 0)
		return status;
	if (!app_applicant_may_edit(a.state) && !app_applicant_may_supplement(a.state))
		return view_error(r, 409, "application.not_editable");
	if ((status = material_known(r, material, &code)) != 0)
		return status;
	switch ((status = upload_receive(r, &f))) {
	case 0:
		break;
	case 413:
		return upload_refused(r, &a, "UPLOAD_TOO_LARGE", NULL, NULL, 413);
	case 507:
		return upload_refused(r, &a, "UPLOAD_DISK", NULL, NULL, 507);
	case 422:
		return upload_refused(r, &a, "UPLOAD_NO_FILE", NULL, NULL, 422);
	case 415:
		return upload_refused(r, &a, "UPLOAD_REFUSED", f.type, f.file_name, 415);
	default:
		return status;
	}

	/* The file is safe on disk; now its row, in one transaction. */
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = application_lock_editable(r, a.id, material)) != 0) {
		db_rollback();
		return status;
	}
	if ((st = upload_store(&f)) != DB_OK)
		goto db_fail;
	p[0] = db_int(aid, a.id);
	p[1] = db_int(mid, material);
	p[2] = f.hash;
	p[3] = f.file_name;
	p[4] = f.type;
	p[5] = db_int(size, f.size);
	p[6] = db_int(uid, r->user->id);
	if ((res = db_query_rows(STMT_DOCUMENT_INSERT, p, 1, 1, &st)) == NULL)
		goto db_fail;
	st = db_event(r->user->id, "document", db_long(res, 0, 0), "document.uploaded",
	    NULL, arena_printf(r->arena, "v%s", PQgetvalue(res, 0, 1)),
	    arena_printf(r->arena, "%s: %s (%s, %s bytes)", code, f.file_name,
	    f.type, size), r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK)
		goto db_fail;
	return resp_redirect(r, arena_printf(r->arena,
	    "/applications/%lld?done=uploaded#material-%s", (long long)a.id, code));
db_fail:
	/* The blob stays on disk without a row; starcertctl gc removes it. */
	db_rollback();
	return db_status_http(st);
}

/* Load document id if r's user may see it: 0, or 404 for anyone else's. */
static int
document_find(struct req *r, int64_t id, PGresult **out)
{
	char		 did[DB_INT_BUF];
	const char	*p[1] = { db_int(did, id) };
	PGresult	*res;
	enum db_status	 st;
	bool		 visible;

	if ((res = db_query(STMT_DOCUMENT_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 404;
	}
	if (r->user->roles & ROLE_APPLICANT)
		visible = db_long(res, 0, 2) == r->user->organization_id;
	else
		visible = strcmp(PQgetvalue(res, 0, 3), "draft") != 0;
	if (!visible) {
		PQclear(res);
		return 404;
	}
	*out = res;
	return 0;
}

int
document_send(struct req *r, const char *sha256, const char *name, const char *type,
    bool inline_view)
{
	char rel[96];

	blob_relative_path(sha256, rel);
	/* Authorised here; nginx sends the file from the internal location,
	 * the inline one with a sandboxing Content-Security-Policy. */
	resp_header(r, "X-Accel-Redirect", arena_printf(r->arena, "%s%s",
	    inline_view ? "/_inline/" : "/_blobs/", rel));
	resp_disposition(r, inline_view ? "inline" : "attachment", NULL, name);
	r->content_type_out = arena_strdup(r->arena, type);
	r->private_page = true;
	r->body_ready = true;
	return 200;
}

/* document_send for row 0 of a STMT_DOCUMENT_GET result, which it clears. */
static int
document_send_row(struct req *r, PGresult *res, bool inline_view)
{
	int status = document_send(r, PQgetvalue(res, 0, 4), PQgetvalue(res, 0, 5),
	    PQgetvalue(res, 0, 6), inline_view);

	PQclear(res);
	return status;
}

int
page_document(struct req *r)
{
	PGresult	*res;
	int		 status;

	if ((status = document_find(r, route_param_id(&r->params, "id"), &res)) != 0)
		return status;
	return document_send_row(r, res, false);
}

bool
document_viewable(const char *type)
{
	return strcmp(type, "application/pdf") == 0 || strcmp(type, "image/png") == 0 ||
	    strcmp(type, "image/jpeg") == 0;
}

int
page_document_view(struct req *r)
{
	PGresult	*res;
	int64_t		 id = route_param_id(&r->params, "id");
	int		 status;

	if ((status = document_find(r, id, &res)) != 0)
		return status;
	if (!document_viewable(PQgetvalue(res, 0, 6))) {
		/* Other types are only ever downloaded. */
		PQclear(res);
		return resp_redirect(r, arena_printf(r->arena, "/documents/%lld", (long long)id));
	}
	return document_send_row(r, res, true);
}

int
page_document_delete_post(struct req *r)
{
	PGresult	*res;
	int64_t		 app_id, id = route_param_id(&r->params, "id");
	char		 did[DB_INT_BUF], aid[DB_INT_BUF];
	const char	*p[2];
	enum db_status	 st;
	int		 status;

	if ((status = document_find(r, id, &res)) != 0)
		return status;
	app_id = db_long(res, 0, 1);
	PQclear(res);
	if ((r->user->roles & ROLE_APPLICANT) == 0)
		return 403;
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	if ((status = application_lock_editable(r, app_id, 0)) != 0) {
		db_rollback();
		return status;
	}
	p[0] = db_int(did, id);
	p[1] = db_int(aid, app_id);
	if ((res = db_query_rows(STMT_DOCUMENT_DELETE, p, 1, 1, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	st = db_event(r->user->id, "document", id, "document.deleted", NULL, NULL,
	    PQgetvalue(res, 0, 0), r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, arena_printf(r->arena,
	    "/applications/%lld?done=deleted#materials", (long long)app_id));
}
