/* certificates.c: a certificate's page and PDF, the public register (证书查询) and the verification page behind the QR code. */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cert/pdf.h"
#include "../db/db.h"
#include "../db/settings.h"
#include "../db/tick.h"
#include "../domain/certificate.h"
#include "../domain/date.h"
#include "../domain/roles.h"
#include "../domain/scoring.h"
#include "../http/buf.h"
#include "../http/response.h"
#include "../store/blob.h"
#include "../view/view.h"
#include "pages.h"

#define QUERY_MAX	100

/* Columns of STMT_CERTIFICATE_GET and STMT_CERTIFICATE_BY_NUMBER. */
enum {
	C_ID, C_NUMBER, C_ORGANIZATION, C_STATUS, C_VERSION, C_ISSUE, C_EXPIRY, C_S1, C_S2,
	C_NAME, C_CODE, C_ADDRESS, C_SCOPE, C_STANDARD, C_LEVEL, C_PDF, C_PAST_EXPIRY,
};

static unsigned char	cert_key[CERT_KEY_BYTES];
static bool		cert_key_loaded;
static const char	*cjk_font = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
static const char	*base_url = "http://127.0.0.1:8080";

int
certificates_init(const char *key_file, const char *font, const char *public_url)
{
	int		fd;
	ssize_t		n;
	struct stat	sb;

	if (font != NULL)
		cjk_font = font;
	base_url = public_url;
	if ((fd = open(key_file, O_RDONLY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "certificates: cannot open the signing key %s\n", key_file);
		return -1;
	}
	n = fstat(fd, &sb) == 0 && sb.st_size == (off_t)sizeof(cert_key) ?
	    read(fd, cert_key, sizeof(cert_key)) : -1;
	close(fd);
	if (n != (ssize_t)sizeof(cert_key)) {
		fprintf(stderr, "certificates: %s must hold %d bytes\n", key_file, CERT_KEY_BYTES);
		return -1;
	}
	cert_key_loaded = true;
	return 0;
}

/* The status people read from row's status and past-expiry columns: a valid certificate past its expiry date is expired (before the tick records it). */
const char *
certificate_status_now(const PGresult *res, int row, int status_col, int past_col)
{
	const char *s = PQgetvalue(res, row, status_col);

	return strcmp(s, "valid") == 0 && db_bool(res, row, past_col) ? "expired" : s;
}

/* The signature of version facts (one row of STMT_CERTIFICATE_VERSION_GET, or of the certificate). */
static void
sign_row(const char *number, int version, const char *name, const char *code,
    const char *level, const char *issue, const char *expiry, char out[CERT_SIGNATURE_HEX + 1])
{
	struct cert_signed s = { number, version, name, code, level, issue, expiry };

	cert_sign(cert_key, &s, out);
}

/* The link the QR code holds. */
static const char *
verify_url(struct req *r, const PGresult *c)
{
	char		 sig[CERT_SIGNATURE_HEX + 1];
	const char	*base = settings_get("public_base_url");

	sign_row(PQgetvalue(c, 0, C_NUMBER), (int)db_long(c, 0, C_VERSION),
	    PQgetvalue(c, 0, C_NAME), PQgetvalue(c, 0, C_CODE), PQgetvalue(c, 0, C_LEVEL),
	    PQgetvalue(c, 0, C_ISSUE), PQgetvalue(c, 0, C_EXPIRY), sig);
	if (base == NULL || *base == '\0')
		base = base_url;
	return arena_printf(r->arena, "%s/verify/%s?v=%s&s=%s", base,
	    PQgetvalue(c, 0, C_NUMBER), PQgetvalue(c, 0, C_VERSION), sig);
}

/* Certificate id as r's user may see it: applicants their organization's, staff all. */
static int
certificate_find(struct req *r, int64_t id, PGresult **out)
{
	char		 cid[DB_INT_BUF];
	const char	*p[1] = { db_int(cid, id) };
	PGresult	*res;
	enum db_status	 st;

	if ((res = db_query(STMT_CERTIFICATE_GET, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(res) != 1 || ((r->user->roles & ROLE_APPLICANT) &&
	    db_long(res, 0, C_ORGANIZATION) != r->user->organization_id)) {
		PQclear(res);
		return 404;
	}
	*out = res;
	return 0;
}

static int certificate_life_fill(struct req *, struct tmpl_dict *, const PGresult *);

static void
fill_facts(struct req *r, struct tmpl_dict *d, const PGresult *c)
{
	const char *status = certificate_status_now(c, 0, C_STATUS, C_PAST_EXPIRY);

	tmpl_set(d, "CERT_ID", PQgetvalue(c, 0, C_ID));
	tmpl_set(d, "CERT_NUMBER", PQgetvalue(c, 0, C_NUMBER));
	tmpl_set(d, "CERT_VERSION", PQgetvalue(c, 0, C_VERSION));
	tmpl_set(d, "CERT_STATUS_CODE", status);
	tmpl_set(d, "CERT_STATUS", view_label(r, "certificate.status.", status));
	tmpl_set(d, "ISSUE_DATE", PQgetvalue(c, 0, C_ISSUE));
	tmpl_set(d, "EXPIRY_DATE", PQgetvalue(c, 0, C_EXPIRY));
	tmpl_set(d, "ORG_NAME", PQgetvalue(c, 0, C_NAME));
	tmpl_set(d, "CREDIT_CODE", PQgetvalue(c, 0, C_CODE));
	tmpl_set(d, "SCOPE", PQgetvalue(c, 0, C_SCOPE));
	tmpl_set(d, "STANDARD", PQgetvalue(c, 0, C_STANDARD));
	tmpl_set(d, "LEVEL_CODE", PQgetvalue(c, 0, C_LEVEL));
	tmpl_set(d, "LEVEL", view_label(r, "level.", PQgetvalue(c, 0, C_LEVEL)));
}

int
page_certificate(struct req *r)
{
	PGresult		*c;
	struct tmpl_dict	*d;
	bool			 dup;
	const char		*done = req_param(r, "done", &dup);
	int			 status;

	if ((status = certificate_find(r, route_param_id(&r->params, "id"), &c)) != 0)
		return status;
	r->private_page = true;
	if ((d = view_page(r, "certificate", "certificate.title")) == NULL) {
		PQclear(c);
		return 500;
	}
	fill_facts(r, d, c);
	tmpl_set(d, "ADDRESS", PQgetvalue(c, 0, C_ADDRESS));
	tmpl_set(d, "S1_DUE", PQgetvalue(c, 0, C_S1));
	tmpl_set(d, "S2_DUE", PQgetvalue(c, 0, C_S2));
	tmpl_set(d, "VERIFY_URL", verify_url(r, c));
	if (done != NULL && strcmp(done, "issued") == 0)
		tmpl_show(d, "ISSUED");
	if (done != NULL && strcmp(done, "status") == 0)
		tmpl_show(d, "STATUS_CHANGED");
	status = certificate_life_fill(r, d, c);
	PQclear(c);
	return status != 0 ? status : view_render(r, 200);
}

/* History, surveillance cases, and the status changes r's user may make. */
static int
certificate_life_fill(struct req *r, struct tmpl_dict *d, const PGresult *c)
{
	const char	*p[1] = { PQgetvalue(c, 0, C_ID) };
	PGresult	*res;
	enum db_status	 st;
	int		 status;

	if ((res = db_query(STMT_CERT_HISTORY, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict	*x = tmpl_section(d, "HISTORY");
		const char		*change = PQgetvalue(res, i, 1);

		if (x == NULL)
			break;
		tmpl_set(x, "ON", PQgetvalue(res, i, 0));
		tmpl_set(x, "CHANGE", view_label(r, "certificate.change.", change));
		if (strcmp(change, "status") == 0 || strcmp(change, "issued") == 0) {
			tmpl_set(x, "FROM", PQgetvalue(res, i, 2)[0] != '\0' ?
			    view_label(r, "certificate.status.", PQgetvalue(res, i, 2)) : "");
			tmpl_set(x, "TO", view_label(r, "certificate.status.", PQgetvalue(res, i, 3)));
		} else if (strcmp(change, "level") == 0) {
			tmpl_set(x, "FROM", view_label(r, "level.", PQgetvalue(res, i, 2)));
			tmpl_set(x, "TO", view_label(r, "level.", PQgetvalue(res, i, 3)));
		} else
			tmpl_set(x, "TO", view_label(r, "surveillance.kind.", PQgetvalue(res, i, 3)));
		if (PQgetvalue(res, i, 4)[0] != '\0')
			tmpl_set(x, "REASON_CODE", view_label(r, "certificate.reason.",
			    PQgetvalue(res, i, 4)));
		tmpl_set(x, "REASON", PQgetvalue(res, i, 5));
		tmpl_set(x, "ACTOR", PQgetvalue(res, i, 6)[0] != '\0' ? PQgetvalue(res, i, 6) :
		    view_text(r, "certificate.scheduler"));
	}
	PQclear(res);
	if ((res = db_query(STMT_SURVEILLANCE_OF_CERTIFICATE, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res); i++) {
		struct tmpl_dict *x = tmpl_section(d, "SURVEILLANCE");

		if (x == NULL)
			break;
		tmpl_set(x, "KIND", view_label(r, "surveillance.kind.", PQgetvalue(res, i, 0)));
		tmpl_set(x, "DUE", PQgetvalue(res, i, 1));
		tmpl_set(x, "CASE_STATE_CODE", PQgetvalue(res, i, 2));
		tmpl_set(x, "CASE_STATE", view_label(r, "surveillance.state.", PQgetvalue(res, i, 2)));
		if (db_long(res, i, 5) != 0) {
			struct tmpl_dict *l = tmpl_section(x, "CASE_AUDIT");

			if (l != NULL)
				tmpl_set(l, "AUDIT_ID", PQgetvalue(res, i, 5));
		} else if ((r->user->roles & ROLE_SUPERVISOR) &&
		    (strcmp(PQgetvalue(res, i, 2), "open") == 0 ||
		    strcmp(PQgetvalue(res, i, 2), "overdue") == 0)) {
			struct tmpl_dict *l = tmpl_section(x, "CASE_PLAN");

			if (l != NULL)
				tmpl_set(l, "CASE_ID", PQgetvalue(res, i, 4));
		}
	}
	PQclear(res);
	/* The moves r's user may make from the status as stored. */
	status = cert_status_parse(PQgetvalue(c, 0, C_STATUS));
	if ((r->user->roles & ROLE_SUPERVISOR) &&
	    (status == CERT_VALID || status == CERT_SUSPENDED))
		tmpl_show(d, "SPECIAL_FORM");
	for (int a = 0; status >= 0 && a < CERT_ACTION__MAX; a++) {
		const struct cert_transition *t = cert_transition((enum cert_action)a,
		    (enum cert_status)status);
		struct tmpl_dict *x;

		if (t == NULL || (t->roles & r->user->roles) == 0 ||
		    (x = tmpl_section(d, "ACTIONS")) == NULL)
			continue;
		tmpl_set(x, "ACTION", cert_action_name(t->action));
		tmpl_set(x, "ACTION_LABEL", view_label(r, "certificate.action.",
		    cert_action_name(t->action)));
		if (t->action == CERT_SUSPEND || t->action == CERT_WITHDRAW)
			tmpl_show(x, "NEEDS_CODE");
	}
	return 0;
}

/* The reason codes a supervisor gives for suspending or withdrawing. */
static const char *const reason_codes[] = {
	"surveillance_overdue", "serious_nonconformity", "misuse", "complaints", "other",
};

int
page_certificate_status_post(struct req *r)
{
	PGresult			*c, *res;
	const struct cert_transition	*t;
	const char			*action, *code = NULL, *reason, *kind, *p[8];
	char				 today[11], uid[DB_INT_BUF];
	bool				 dup;
	int				 a, from, status;
	enum db_status			 st;

	if ((status = certificate_find(r, route_param_id(&r->params, "id"), &c)) != 0)
		return status;
	action = req_param(r, "action", &dup);
	from = cert_status_parse(PQgetvalue(c, 0, C_STATUS));
	if (action == NULL || dup || (a = cert_action_parse(action)) < 0 || from < 0) {
		PQclear(c);
		return 400;
	}
	if ((t = cert_transition((enum cert_action)a, (enum cert_status)from)) == NULL) {
		PQclear(c);
		return view_error(r, 409, "certificate.not_allowed");
	}
	if ((t->roles & r->user->roles) == 0) {
		PQclear(c);
		return 403;
	}
	if (t->action == CERT_SUSPEND || t->action == CERT_WITHDRAW) {
		bool known = false;

		code = req_param(r, "reason_code", &dup);
		for (size_t i = 0; code != NULL && i < sizeof(reason_codes) / sizeof(reason_codes[0]); i++)
			known = known || strcmp(code, reason_codes[i]) == 0;
		if (!known || dup) {
			PQclear(c);
			return 400;
		}
	}
	if (req_text(r, "reason", true, 2000, &reason) != FIELD_OK) {
		PQclear(c);
		return view_error(r, 422, "certificate.reason_required");
	}
	date_today(today);
	if ((st = db_begin()) != DB_OK)
		goto fail;
	p[0] = PQgetvalue(c, 0, C_ID);
	p[1] = cert_status_name(t->from);
	p[2] = cert_status_name(t->to);
	p[3] = today;
	if ((res = db_query(STMT_CERT_STATUS_SET, p, &st)) == NULL)
		goto fail;
	if (PQntuples(res) != 1) {
		/* Changed meanwhile (the tick, or someone else). */
		PQclear(res);
		db_rollback();
		PQclear(c);
		return view_error(r, 409, "certificate.not_allowed");
	}
	PQclear(res);
	if (t->action == CERT_REINSTATE) {
		if ((res = db_query(STMT_SURVEILLANCE_SETTLE, p, &st)) == NULL)
			goto fail;
		PQclear(res);
	}
	p[1] = today;
	p[2] = "status";
	p[3] = cert_status_name(t->from);
	p[4] = cert_status_name(t->to);
	p[5] = code;
	p[6] = reason;
	p[7] = db_int(uid, r->user->id);
	if ((res = db_query(STMT_CERT_HISTORY_ADD, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "certificate", db_long(c, 0, C_ID),
	    arena_printf(r->arena, "certificate.%s", cert_action_name(t->action)),
	    cert_status_name(t->from), cert_status_name(t->to),
	    arena_printf(r->arena, "%s%s%s", code != NULL ? code : "", code != NULL ? ": " : "",
	    reason), r->remote_addr)) != DB_OK)
		goto fail;
	/* The holder hears of the body's step; the body of the holder's cancellation. */
	kind = arena_printf(r->arena, "certificate.%s", cert_status_name(t->to));
	if ((st = db_notify("certificate", db_long(c, 0, C_ID), kind, "org", r->user->id)) != DB_OK ||
	    (t->action == CERT_CANCEL && (st = db_notify("certificate", db_long(c, 0, C_ID),
	    kind, "supervisors", r->user->id)) != DB_OK) || (st = db_commit()) != DB_OK)
		goto fail;
	status = resp_redirect(r, arena_printf(r->arena, "/certificates/%s?done=status",
	    PQgetvalue(c, 0, C_ID)));
	PQclear(c);
	return status;
fail:
	db_rollback();
	PQclear(c);
	return db_status_http(st);
}

int
page_certificates(struct req *r)
{
	struct tmpl_dict	*d;
	struct cert_filter	 f;
	char			 oid[DB_INT_BUF];
	const char		*p[CERT_FILTER_PARAMS];
	PGresult		*res;
	enum db_status		 st;
	int			 bad;

	r->private_page = true;
	if ((bad = cert_filter_parse(r, &f)) != 0)
		return bad;
	cert_filter_params(r, &f, p, oid);
	if ((d = view_page(r, "certificates", "certificates.title")) == NULL)
		return 500;
	cert_filter_fill(r, d, &f);
	if (r->user->roles & (ROLE_SUPERVISOR | ROLE_ADMIN))
		tmpl_show(d, "REPORT_LINK");
	if ((res = db_query(STMT_CERTIFICATES_LIST, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res) && i < DB_CERTIFICATES_ROWS; i++) {
		struct tmpl_dict	*x = tmpl_section(d, "CERTS");
		const char		*status = certificate_status_now(res, i, 4, 7);
		int			 code = cert_status_parse(status);

		if (x == NULL)
			break;
		tmpl_set(x, "CERT_ID", PQgetvalue(res, i, 0));
		tmpl_set(x, "CERT_NUMBER", PQgetvalue(res, i, 1));
		tmpl_set(x, "ORG_NAME", PQgetvalue(res, i, 2));
		tmpl_set(x, "LEVEL_CODE", PQgetvalue(res, i, 3));
		tmpl_set(x, "LEVEL", view_label(r, "level.", PQgetvalue(res, i, 3)));
		tmpl_set(x, "CERT_STATUS_CODE", status);
		tmpl_set(x, "CERT_STATUS", view_label(r, "certificate.status.", status));
		tmpl_set(x, "REGISTER_CODE", code >= 0 ? cert_status_code((enum cert_status)code) : "");
		tmpl_set(x, "ISSUE_DATE", PQgetvalue(res, i, 5));
		tmpl_set(x, "EXPIRY_DATE", PQgetvalue(res, i, 6));
		tmpl_set(x, "SURVEILLANCE_DUE", PQgetvalue(res, i, 8));
	}
	if (PQntuples(res) == 0)
		tmpl_show(d, "NO_CERTS");
	else if (PQntuples(res) > DB_CERTIFICATES_ROWS)
		tmpl_show(d, "MORE_CERTS");
	PQclear(res);
	return view_render(r, 200);
}

int
page_certificate_special_post(struct req *r)
{
	PGresult	*c, *res;
	const char	*reason, *p[8];
	char		 today[11], uid[DB_INT_BUF];
	int64_t		 case_id;
	enum db_status	 st;
	int		 status;

	if ((status = certificate_find(r, route_param_id(&r->params, "id"), &c)) != 0)
		return status;
	if (req_text(r, "reason", true, 2000, &reason) != FIELD_OK) {
		PQclear(c);
		return view_error(r, 422, "certificate.reason_required");
	}
	date_today(today);
	if ((st = db_begin()) != DB_OK)
		goto fail;
	p[0] = PQgetvalue(c, 0, C_ID);
	p[1] = today;
	if ((res = db_query(STMT_SPECIAL_CASE_OPEN, p, &st)) == NULL)
		goto fail;
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback();
		PQclear(c);
		return view_error(r, 409, "certificate.not_allowed");
	}
	case_id = db_long(res, 0, 0);
	PQclear(res);
	p[2] = "surveillance_opened";
	p[3] = NULL;
	p[4] = "special";
	p[5] = "special";
	p[6] = reason;
	p[7] = db_int(uid, r->user->id);
	if ((res = db_query(STMT_CERT_HISTORY_ADD, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_event(r->user->id, "certificate", db_long(c, 0, C_ID), "surveillance.opened",
	    NULL, "special", reason, r->remote_addr)) != DB_OK ||
	    (st = db_notify("certificate", db_long(c, 0, C_ID), "surveillance.opened", "org",
	    r->user->id)) != DB_OK || (st = db_commit()) != DB_OK)
		goto fail;
	PQclear(c);
	return resp_redirect(r, arena_printf(r->arena, "/surveillance/%lld/audit", (long long)case_id));
fail:
	db_rollback();
	PQclear(c);
	return db_status_http(st);
}

int
page_admin_tick_post(struct req *r)
{
	char			today[11], summary[200];
	struct tick_counts	c;
	enum db_status		st;

	date_today(today);
	if ((st = tick_run(today, &c)) != DB_OK)
		return db_status_http(st);
	tick_summary(today, &c, summary, sizeof(summary));
	(void)db_event(r->user->id, "tick", 0, "tick.run", NULL, NULL, summary,
	    r->remote_addr);
	return resp_redirect(r, arena_printf(r->arena, "/admin/settings?done=tick&changes=%d#tick",
	    c.expired + c.opened + c.overdue + c.suspended + c.withdrawn + c.expiry_notices));
}

/* Stars for the PDF: compliant 0, then 3 to 5. */
static int
level_stars(const char *level)
{
	switch (star_level_parse(level)) {
	case LEVEL_THREE:
		return 3;
	case LEVEL_FOUR:
		return 4;
	case LEVEL_FIVE:
		return 5;
	default:
		return 0;
	}
}

int
page_certificate_pdf(struct req *r)
{
	PGresult		*c, *res;
	struct cert_facts	 f;
	struct blob_writer	 w;
	struct buf		 pdf = { 0 };
	const char		*sha, *p[3];
	char			 ver[DB_INT_BUF];
	enum db_status		 st;
	int			 status;

	if ((status = certificate_find(r, route_param_id(&r->params, "id"), &c)) != 0)
		return status;
	if (PQgetvalue(c, 0, C_PDF)[0] != '\0') {
		/* Generated once per version; sent from the blob store. */
		status = document_send(r, PQgetvalue(c, 0, C_PDF), arena_printf(r->arena,
		    "%s.pdf", PQgetvalue(c, 0, C_NUMBER)), "application/pdf", false);
		PQclear(c);
		return status;
	}
	memset(&f, 0, sizeof(f));
	f.number = PQgetvalue(c, 0, C_NUMBER);
	f.version = (int)db_long(c, 0, C_VERSION);
	f.org_name = PQgetvalue(c, 0, C_NAME);
	f.credit_code = PQgetvalue(c, 0, C_CODE);
	f.address = PQgetvalue(c, 0, C_ADDRESS);
	f.scope = PQgetvalue(c, 0, C_SCOPE);
	f.standard = PQgetvalue(c, 0, C_STANDARD);
	f.stars = level_stars(PQgetvalue(c, 0, C_LEVEL));
	f.level_zh = i18n_lookup(LANG_ZH, arena_printf(r->arena, "level.%s", PQgetvalue(c, 0, C_LEVEL)));
	f.level_en = i18n_lookup(LANG_EN, arena_printf(r->arena, "level.%s", PQgetvalue(c, 0, C_LEVEL)));
	f.issue_date = PQgetvalue(c, 0, C_ISSUE);
	f.expiry_date = PQgetvalue(c, 0, C_EXPIRY);
	f.body_zh = settings_get("body_name_zh");
	f.body_en = settings_get("body_name_en");
	f.verify_url = verify_url(r, c);
	memset(&w, 0, sizeof(w));
	w.fd = -1;
	if (f.level_zh == NULL || f.level_en == NULL || cert_pdf(&f, cjk_font, &pdf) != 0 ||
	    pdf.failed) {
		buf_free(&pdf);
		PQclear(c);
		return 500;
	}
	/* Into the blob store, then its row: the next download is a plain file. */
	if (blob_open(&w, (uint64_t)pdf.len + 1) != BLOB_OK ||
	    blob_write(&w, pdf.data, pdf.len) != BLOB_OK ||
	    blob_commit(&w, NULL) != BLOB_OK) {
		blob_abort(&w);
		buf_free(&pdf);
		PQclear(c);
		return 507;
	}
	buf_free(&pdf);
	sha = arena_strdup(r->arena, w.hash);
	if ((st = db_begin()) != DB_OK)
		goto fail;
	p[0] = sha;
	p[1] = db_int(ver, (long long)w.size);
	p[2] = "application/pdf";
	PQclear(db_query(STMT_BLOB_INSERT, p, &st));
	if (st != DB_OK)
		goto fail;
	p[0] = PQgetvalue(c, 0, C_ID);
	p[1] = PQgetvalue(c, 0, C_VERSION);
	p[2] = sha;
	if ((res = db_query(STMT_CERTIFICATE_PDF_SET, p, &st)) == NULL)
		goto fail;
	PQclear(res);
	if ((st = db_commit()) != DB_OK)
		goto fail;
	status = document_send(r, sha, arena_printf(r->arena, "%s.pdf", PQgetvalue(c, 0, C_NUMBER)),
	    "application/pdf", false);
	PQclear(c);
	return status;
fail:
	db_rollback();
	PQclear(c);
	return db_status_http(st);
}

int
page_lookup(struct req *r)
{
	struct tmpl_dict	*d;
	const char		*q, *p[2];
	PGresult		*res;
	enum db_status		 st;

	if (req_text(r, "q", false, QUERY_MAX, &q) == FIELD_TOO_LONG)
		return view_error(r, 400, "lookup.too_long");
	if (q == NULL)
		return 400;
	if ((d = view_page(r, "lookup", "lookup.title")) == NULL)
		return 500;
	tmpl_set(d, "Q", q);
	if (*q == '\0')
		return view_render(r, 200);
	p[0] = q;
	p[1] = db_like_escape(r->arena, q);
	if ((res = db_query(STMT_REGISTER_SEARCH, p, &st)) == NULL)
		return db_status_http(st);
	for (int i = 0; i < PQntuples(res) && i < DB_PAGE_ROWS; i++) {
		struct tmpl_dict	*x = tmpl_section(d, "RESULTS");
		const char		*status = certificate_status_now(res, i, 6, 7);

		if (x == NULL)
			break;
		tmpl_set(x, "CERT_NUMBER", PQgetvalue(res, i, 0));
		tmpl_set(x, "ORG_NAME", PQgetvalue(res, i, 1));
		tmpl_set(x, "LEVEL_CODE", PQgetvalue(res, i, 2));
		tmpl_set(x, "LEVEL", view_label(r, "level.", PQgetvalue(res, i, 2)));
		tmpl_set(x, "SCOPE", PQgetvalue(res, i, 3));
		tmpl_set(x, "ISSUE_DATE", PQgetvalue(res, i, 4));
		tmpl_set(x, "EXPIRY_DATE", PQgetvalue(res, i, 5));
		tmpl_set(x, "CERT_STATUS_CODE", status);
		tmpl_set(x, "CERT_STATUS", view_label(r, "certificate.status.", status));
	}
	tmpl_show(d, PQntuples(res) == 0 ? "NO_RESULTS" : "HAS_RESULTS");
	if (PQntuples(res) > DB_PAGE_ROWS) {
		struct tmpl_dict *more = tmpl_section(d, "MORE");

		if (more != NULL)
			tmpl_set_int(more, "COUNT", DB_PAGE_ROWS);
	}
	PQclear(res);
	return view_render(r, 200);
}

int
page_verify(struct req *r)
{
	const char		*number = route_param(&r->params, "number"), *given, *v;
	struct tmpl_dict	*d;
	PGresult		*c, *ver;
	enum db_status		 st;
	bool			 dup;
	const char		*p[2];

	given = req_param(r, "s", &dup);
	v = req_param(r, "v", &dup);
	if ((d = view_page(r, "verify", "verify.title")) == NULL)
		return 500;
	tmpl_set(d, "CERT_NUMBER", number != NULL ? number : "");
	p[0] = number != NULL && strlen(number) <= CERT_NUMBER_MAX ? number : "";
	if ((c = db_query(STMT_CERTIFICATE_BY_NUMBER, p, &st)) == NULL)
		return db_status_http(st);
	if (PQntuples(c) != 1) {
		PQclear(c);
		tmpl_show(d, "UNKNOWN");
		return view_render(r, 404);
	}
	fill_facts(r, d, c);
	tmpl_show(d, "KNOWN");
	if (given != NULL) {
		char		 expected[CERT_SIGNATURE_HEX + 1];
		char		*end;
		long		 version = v != NULL ? strtol(v, &end, 10) : 0;
		bool		 genuine = false, current = false;

		if (v != NULL && *v != '\0' && *end == '\0' && version >= 1 && version < 100000) {
			char vs[DB_INT_BUF];

			p[0] = PQgetvalue(c, 0, C_ID);
			p[1] = db_int(vs, version);
			if ((ver = db_query(STMT_CERTIFICATE_VERSION_GET, p, &st)) == NULL) {
				PQclear(c);
				return db_status_http(st);
			}
			if (PQntuples(ver) == 1 && cert_key_loaded) {
				sign_row(PQgetvalue(c, 0, C_NUMBER), (int)version,
				    PQgetvalue(ver, 0, 0), PQgetvalue(ver, 0, 1),
				    PQgetvalue(ver, 0, 2), PQgetvalue(ver, 0, 3),
				    PQgetvalue(ver, 0, 4), expected);
				genuine = cert_signature_equal(given, expected);
				current = genuine && version == db_long(c, 0, C_VERSION);
			}
			PQclear(ver);
		}
		tmpl_show(d, !genuine ? "NOT_GENUINE" : current ? "GENUINE_CURRENT" :
		    "GENUINE_SUPERSEDED");
	}
	PQclear(c);
	return view_render(r, 200);
}
