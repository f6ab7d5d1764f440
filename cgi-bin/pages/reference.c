/* reference.c: reference data the administrator maintains: the materials checklist and product categories. */
#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../http/response.h"
#include "../view/view.h"
#include "pages.h"

/* A reference page with an optional error notice. */
static struct tmpl_dict *
reference_page(struct req *r, const char *page, const char *title, const char *error_key)
{
	struct tmpl_dict *d;

	r->private_page = true;
	if ((d = view_page(r, page, title)) == NULL)
		return NULL;
	if (error_key != NULL) {
		struct tmpl_dict *e = tmpl_section(d, "ERROR");

		if (e != NULL)
			tmpl_set(e, "MESSAGE", view_text(r, error_key));
	}
	return d;
}

static int
materials_page(struct req *r, const char *error_key, int status)
{
	struct tmpl_dict	*d;
	PGresult		*res;
	enum db_status		 st;
	bool			 dup;

	if ((d = reference_page(r, "admin_materials", "admin.materials.title", error_key)) == NULL)
		return 500;
	if (req_param(r, "done", &dup) != NULL && error_key == NULL)
		tmpl_show(d, "SAVED");
	if ((res = db_query(STMT_MATERIALS_ALL, NULL, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict	*m = tmpl_section(d, "MATERIALS");
		const char		*req = PQgetvalue(res, i, 5);

		if (m == NULL)
			break;
		tmpl_set(m, "MATERIAL_ID", PQgetvalue(res, i, 0));
		tmpl_set(m, "CODE", PQgetvalue(res, i, 1));
		tmpl_set(m, "GROUP", PQgetvalue(res, i, 2));
		tmpl_set(m, "TITLE_ZH", PQgetvalue(res, i, 3));
		tmpl_set(m, "TITLE_EN", PQgetvalue(res, i, 4));
		tmpl_set(m, "HELP_ZH", PQgetvalue(res, i, 6));
		tmpl_set(m, "HELP_EN", PQgetvalue(res, i, 7));
		tmpl_show(m, strcmp(req, "required") == 0 ? "REQUIRED" :
		    strcmp(req, "optional") == 0 ? "OPTIONAL" : "CONDITIONAL");
		if (db_bool(res, i, 8))
			tmpl_show(m, "ACTIVE");
	}
	PQclear(res);
	return view_render(r, status);
}

int
page_admin_materials(struct req *r)
{
	return materials_page(r, NULL, 200);
}

int
page_admin_material_post(struct req *r)
{
	const char	*tzh, *ten, *req, *hzh, *hen, *p[7];
	char		 id[DB_INT_BUF];
	bool		 dup;
	PGresult	*res;
	enum db_status	 st;

	req = req_param(r, "requirement", &dup);
	if (req == NULL || dup || (strcmp(req, "required") != 0 &&
	    strcmp(req, "optional") != 0 && strcmp(req, "conditional") != 0))
		return 400;
	if (req_text(r, "title_zh", true, 200, &tzh) != FIELD_OK ||
	    req_text(r, "title_en", true, 200, &ten) != FIELD_OK)
		return materials_page(r, "admin.materials.title_required", 422);
	if (req_text(r, "help_zh", false, 1000, &hzh) != FIELD_OK ||
	    req_text(r, "help_en", false, 1000, &hen) != FIELD_OK)
		return materials_page(r, "field.too_long", 422);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(id, route_param_id(&r->params, "id"));
	p[1] = tzh;
	p[2] = ten;
	p[3] = req;
	p[4] = hzh;
	p[5] = hen;
	p[6] = req_param(r, "active", &dup) != NULL ? "true" : "false";
	if ((res = db_query(STMT_MATERIAL_UPDATE, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback();
		return 404;
	}
	st = db_event(r->user->id, "material", route_param_id(&r->params, "id"),
	    "material.changed", NULL, req, PQgetvalue(res, 0, 0), r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, "/admin/materials?done=1");
}

static int
categories_page(struct req *r, const char *error_key, int status)
{
	struct tmpl_dict	*d;
	PGresult		*res;
	enum db_status		 st;
	bool			 dup;

	if ((d = reference_page(r, "admin_categories", "admin.categories.title", error_key)) == NULL)
		return 500;
	if (req_param(r, "done", &dup) != NULL && error_key == NULL)
		tmpl_show(d, "SAVED");
	if ((res = db_query(STMT_CATEGORIES_ALL, NULL, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *c = tmpl_section(d, "CATEGORIES");

		if (c == NULL)
			break;
		tmpl_set(c, "CATEGORY_ID", PQgetvalue(res, i, 0));
		tmpl_set(c, "CODE", PQgetvalue(res, i, 1));
		tmpl_set(c, "NAME_ZH", PQgetvalue(res, i, 2));
		tmpl_set(c, "NAME_EN", PQgetvalue(res, i, 3));
		if (db_bool(res, i, 4))
			tmpl_show(c, "ACTIVE");
	}
	PQclear(res);
	return view_render(r, status);
}

int
page_admin_categories(struct req *r)
{
	return categories_page(r, NULL, 200);
}

static bool
code_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 32 || s[0] < 'a' || s[0] > 'z')
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

int
page_admin_categories_post(struct req *r)
{
	const char	*code, *zh, *en, *p[3];
	PGresult	*res;
	enum db_status	 st;

	if (req_text(r, "code", true, 32, &code) != FIELD_OK || !code_ok(code))
		return categories_page(r, "admin.categories.bad_code", 422);
	if (req_text(r, "name_zh", true, 100, &zh) != FIELD_OK ||
	    req_text(r, "name_en", true, 100, &en) != FIELD_OK)
		return categories_page(r, "admin.categories.names_required", 422);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = code;
	p[1] = zh;
	p[2] = en;
	if ((res = db_query_rows(STMT_CATEGORY_INSERT, p, 1, 1, &st)) == NULL) {
		db_rollback();
		if (st == DB_UNIQUE)
			return categories_page(r, "admin.categories.code_taken", 409);
		return db_status_http(st);
	}
	st = db_event(r->user->id, "category", db_long(res, 0, 0), "category.added",
	    NULL, NULL, code, r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, "/admin/categories?done=1");
}

int
page_admin_category_post(struct req *r)
{
	const char	*zh, *en, *p[4];
	char		 id[DB_INT_BUF];
	bool		 dup;
	PGresult	*res;
	enum db_status	 st;

	if (req_text(r, "name_zh", true, 100, &zh) != FIELD_OK ||
	    req_text(r, "name_en", true, 100, &en) != FIELD_OK)
		return categories_page(r, "admin.categories.names_required", 422);
	if ((st = db_begin()) != DB_OK)
		return db_status_http(st);
	p[0] = db_int(id, route_param_id(&r->params, "id"));
	p[1] = zh;
	p[2] = en;
	p[3] = req_param(r, "active", &dup) != NULL ? "true" : "false";
	if ((res = db_query(STMT_CATEGORY_UPDATE, p, &st)) == NULL) {
		db_rollback();
		return db_status_http(st);
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback();
		return 404;
	}
	st = db_event(r->user->id, "category", route_param_id(&r->params, "id"),
	    "category.changed", NULL, p[3], PQgetvalue(res, 0, 0), r->remote_addr);
	PQclear(res);
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return db_status_http(st);
	}
	return resp_redirect(r, "/admin/categories?done=1");
}
