/* pages.h: every page handler and the route table that names who may reach it. */
#ifndef STARCERT_PAGES_H
#define STARCERT_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

#include "../db/db.h"
#include "../domain/mandays.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../domain/workflow.h"

extern const struct route	routes[];
extern const size_t		routes_count;

/* routes_check: every pattern well-formed and no two rows alike; 0 or -1 with a message. */
int	routes_check(void);

/* route_open_before_password_change: may a user who must change the password reach r? */
bool	route_open_before_password_change(const struct route *r);

/* lists.c: the filters of the lists, read in one place for a list and its export */
struct tmpl_dict;
/* url_encoded: s percent-encoded for a URL's query (arena). */
const char *url_encoded(struct req *, const char *s);
/* A certificate list's filter: "" where nothing is chosen. */
struct cert_filter {
	const char	*q, *status, *level;
};
#define CERT_FILTER_PARAMS	5
/* cert_filter_parse: q, status (as people read it), level from the query; 0 or 400. */
int	cert_filter_parse(struct req *, struct cert_filter *);
/* cert_filter_params: $1-$5 of the statements filtered by CERT_FILTER (a holder: its organization only). */
void	cert_filter_params(struct req *, const struct cert_filter *,
	    const char *p[CERT_FILTER_PARAMS], char oid[DB_INT_BUF]);
/* cert_filter_fill: the filter form's values and options, and the export links with the filter. */
void	cert_filter_fill(struct req *, struct tmpl_dict *, const struct cert_filter *);

enum app_list {
	APP_LIST_OWN,		/* an applicant's: its organization's, drafts too */
	APP_LIST_STAFF,		/* /applications for staff: past the draft */
	APP_LIST_QUEUE,		/* /review: waiting for or in review */
};
struct app_filter {
	enum app_list	 list;
	int		 state;		/* enum app_state, or -1: any the list shows */
	const char	*q, *from, *to;	/* "" where nothing is chosen */
};
#define APP_FILTER_PARAMS	5
/* app_filter_parse: state (one the list shows), q, from, to (dates) from the query; 0 or 400. */
int	app_filter_parse(struct req *, enum app_list, struct app_filter *);
/* app_filter_params: $1-$5 of the statements filtered by APP_FILTER. */
void	app_filter_params(struct req *, const struct app_filter *,
	    const char *p[APP_FILTER_PARAMS], char oid[DB_INT_BUF]);
/* app_filter_query: the filter as a query string ("?state=..."; "" when none), for links. */
const char *app_filter_query(struct req *, const struct app_filter *);
/* app_filter_fill: the filter form's values and state options, and the export links. */
void	app_filter_fill(struct req *, struct tmpl_dict *, const struct app_filter *);

/* home.c */
int	page_home(struct req *);
/* dashboard.c: each user's landing page, made for their roles */
int	page_dashboard(struct req *);
/* health.c */
int	page_healthz(struct req *);
/* lang.c */
int	page_lang_switch(struct req *);
/* auth.c: signing in and out */
int	page_login(struct req *);
int	page_login_post(struct req *);
int	page_logout_post(struct req *);
/* register.c: an enterprise and its first user */
int	page_register(struct req *);
int	page_register_post(struct req *);
struct form;
/* form_new_password: fields password and password_confirm, checked; NULL on a problem. */
const char *form_new_password(struct form *);
/* form_email: a required e-mail field, validated and lower-cased; NULL on a problem. */
const char *form_email(struct form *, const char *field, const char *var);
/* account.c: one's own account */
struct tmpl_dict;
/* view_roles: a ROLES section per role in the mask, with its translated name as ROLE. */
void	view_roles(struct req *, struct tmpl_dict *, unsigned roles);
int	page_account(struct req *);
int	page_account_settings_post(struct req *);
int	page_password(struct req *);
int	page_password_post(struct req *);

/* certificate_status_now: the status people read from a row's status and past-expiry columns. */
const char *certificate_status_now(const PGresult *, int row, int status_col, int past_col);

/* search.c */
int	page_search(struct req *);

/* notifications.c */
int	page_notifications(struct req *);
int	page_notification_read_post(struct req *);
int	page_notifications_read_post(struct req *);
/* notify_title: a notification kind's title in the request's language. */
const char *notify_title(struct req *, const char *kind);
/* organization.c: an applicant's organization, colleagues and invitations */
int	page_organization(struct req *);
int	page_invitation_create_post(struct req *);
int	page_invitation(struct req *);
int	page_invitation_post(struct req *);
/* applications.c: applications for certification */
struct application {
	int64_t		 id, organization_id;
	enum app_state	 state;
	int		 version;
	const char	*kind, *scope, *sales, *delivery, *funding;
	const char	*created, *submitted, *organization, *credit_code;
	int64_t		 reviewer_id;	/* who holds it in review; 0: nobody */
	const char	*reviewer;	/* that reviewer's name, or "" */
	int		 round;		/* review round: 1, 2 after a supplement... */
};
/*
 * application_find: load application id as r's user may see it: an
 * applicant only its organization's, staff only those past the draft.
 * 0, or 404 (also for another organization's), or 5xx.
 */
int	application_find(struct req *, int64_t id, struct application *);
/*
 * application_lock_editable: in a transaction, lock the row; 0 when the
 * applicant may change it, else 404 or 409 (rendered).  With a material
 * (not 0), an application waiting for a supplement of that material
 * qualifies too: a new version of a flagged item.
 */
int	application_lock_editable(struct req *, int64_t id, int64_t material_id);
/*
 * application_page: fill the application page (into d, or a new page when
 * d is NULL); from_form shows the details as typed in the request.
 * 0 or an HTTP status.
 */
int	application_page(struct req *, const struct application *, struct tmpl_dict *d,
	    bool from_form);
/* mandays_text: half-days as man-days ("2.5"). */
const char *mandays_text(struct req *, int halfdays);
/* application_estimate: the man-day estimate in half-days from the stored outlets and categories; 0 or a status. */
int	application_estimate(struct req *, const struct application *, int *halfdays);
/* application_estimate_as: the same for an audit of another type (surveillance). */
int	application_estimate_as(struct req *, const struct application *, enum audit_type,
	    int *halfdays);
/* recertification_problem: why the organization cannot apply for recertification now (a message key), or NULL. */
const char *recertification_problem(struct req *, int64_t organization_id, int64_t application_id);
int	page_applications(struct req *);
int	page_application_create_post(struct req *);
int	page_application(struct req *);
int	page_application_save_post(struct req *);
int	page_application_submit_post(struct req *);
/* outlets.c: service outlets of an application */
int	page_outlet_add_post(struct req *);
int	page_outlets_import_post(struct req *);
int	page_outlet(struct req *);
int	page_outlet_post(struct req *);
int	page_outlet_delete_post(struct req *);
/* documents.c: uploaded materials, and receiving any one-file upload */
/* A file received into the blob store. */
struct upload_result {
	char		 hash[65];	/* SHA-256, hex */
	const char	*type;		/* sniffed by libmagic */
	const char	*file_name;	/* the client's, made harmless */
	long long	 size;
};
/*
 * upload_receive: stream the request's multipart field "file" into the
 * blob store (types on the allow-list, at most the upload_max_mb setting).
 * 0, or 413 too large, 422 no file, 415 type refused (type and file_name
 * set), 507 disk, 503, 400 malformed.
 */
int	upload_receive(struct req *, struct upload_result *);
/* upload_store: the blob's row (in the caller's transaction); enum db_status. */
int	upload_store(const struct upload_result *);
/* upload_refused_page: the error page for an upload_receive status. */
int	upload_refused_page(struct req *, int status);
/*
 * document_send: answer with a stored file through nginx's internal
 * location ("/_blobs/" to download, "/_inline/" to view) as name and type.
 */
int	document_send(struct req *, const char *sha256, const char *name,
	    const char *type, bool inline_view);
int	page_document_upload_post(struct req *);
int	page_document(struct req *);
int	page_document_delete_post(struct req *);
/* review.c: the reviewers' queue, taking and assigning applications */
int	page_review_queue(struct req *);
int	page_application_take_post(struct req *);
int	page_application_assign_post(struct req *);
/* review_outcome.c: verdicts, eligibility and outcomes of a document review */
/* What the materials list shows of the review, per material. */
struct material_review {
	PGresult	*verdicts;	/* staff: the current verdicts */
	PGresult	*flagged;	/* applicant, supplement needed: the open request */
	bool		 judging;	/* the reviewer holding it: verdict controls */
	bool		 from_form;	/* show the verdicts as typed */
};
/* review_may_judge: does r's user hold a for review, so that verdicts and outcomes are theirs? */
bool	review_may_judge(const struct req *, const struct application *);
int	material_review_load(struct req *, const struct application *, bool from_form,
	    struct material_review *);
void	material_review_free(struct material_review *);
/*
 * material_review_fill: the review's part of material mid's section s:
 * the verdict (or its controls), the supplement flag.  newest_document:
 * the id of its newest version (NULL: none).  True when the applicant may
 * add a version of it now (flagged in the open supplement request).
 */
bool	material_review_fill(struct req *, struct tmpl_dict *s,
	    const struct material_review *, const char *mid, const char *newest_document);
/* review_decision_fill: the eligibility checklist and the outcome form (section DECISION). */
int	review_decision_fill(struct req *, struct tmpl_dict *, const struct application *,
	    bool from_form, int estimate_halfdays);
int	page_application_review_post(struct req *);
/* supplement.c: the applicant's answers to a supplement request; the rounds' history */
/* supplement_fill: the open request (section SUPPLEMENT); check marks the items still unanswered. */
int	supplement_fill(struct req *, struct tmpl_dict *, const struct application *,
	    bool from_form, bool check);
/* review_history_fill: every round, what was asked and answered; the outcome notices. */
int	review_history_fill(struct req *, struct tmpl_dict *, const struct application *);
int	page_application_supplement_post(struct req *);
int	page_document_view(struct req *);
/* document_viewable: may a file of this (sniffed) type open in the browser rather than download? */
bool	document_viewable(const char *content_type);
/* audits.c: planning the on-site audit, the audit page, confirmation */
#include "../domain/audit.h"
struct audit {
	int64_t		 id, application_id, organization_id;
	enum audit_state state;
	const char	*kind, *start, *end, *mandays_reason, *organization, *credit_code;
	const char	*bonus_indicator, *bonus_justification;	/* "" when none */
	int		 mandays_halfdays, scheme_version, version;
	bool		 member, leader;	/* r's user on the team, leading it */
};
/* audit_find: audit id as r's user may see it (an applicant only its organization's); 0, 404 or 5xx. */
int	audit_find(struct req *, int64_t id, struct audit *);
/*
 * audit_lock: in a transaction, lock the audit; 0 when it is still in
 * state want (and at version, unless 0), else the transaction is rolled
 * back and the current page is rendered with 409 (keep_form: with the
 * sheet as the request typed it, so that nothing typed is lost).
 */
int	audit_lock(struct req *, const struct audit *, int64_t version, enum audit_state want,
	    bool keep_form);
/* audit_bump: a new version of the audit (in the caller's transaction); enum db_status. */
int	audit_bump(const struct audit *);
/* audit_page: fill the audit page (into d, or a new page); from_form shows the sheet as typed. */
int	audit_page(struct req *, const struct audit *, struct tmpl_dict *d, bool from_form);
/* audit_again: the audit page once more with form f's errors (422). */
int	audit_again(struct req *, struct form *, const struct audit *, bool from_form);
int	page_audits(struct req *);
int	page_audit_plan(struct req *);
int	page_audit_plan_post(struct req *);
int	page_surveillance_plan(struct req *);
int	page_surveillance_plan_post(struct req *);
int	page_audit(struct req *);
int	page_audit_confirm_post(struct req *);
/* scoresheet.c: the score sheet, special items, evidence, the report */
int	scoresheet_fill(struct req *, struct tmpl_dict *, const struct audit *, bool from_form);
/* An evaluator's adjustment of one indicator. */
struct score_adjustment {
	const char	*code;
	int		 tenths;
};
struct score_result;
/* audit_compute: the score of the stored sheet with the adjustments applied; 0, 422 (no score), 5xx. */
int	audit_compute(struct req *, const struct audit *, const struct score_adjustment *,
	    size_t nadj, struct score_result *);
int	page_audit_sheet_post(struct req *);
int	page_audit_deduction_post(struct req *);
int	page_audit_deduction_delete_post(struct req *);
int	page_audit_bonus_post(struct req *);
int	page_audit_evidence_post(struct req *);
int	page_audit_file(struct req *);
int	page_audit_report_post(struct req *);
/* nonconformities.c */
int	nonconformities_fill(struct req *, struct tmpl_dict *, const struct audit *);
int	page_nc_raise_post(struct req *);
int	page_nc_answer_post(struct req *);
int	page_nc_file_post(struct req *);
int	page_nc_verify_post(struct req *);
int	page_nc_file(struct req *);
/* decision.c: evaluation and the certification decision */
/* decision_fill: evaluation, decision and certificate of the audit, and the forms r's user may use. */
int	decision_fill(struct req *, struct tmpl_dict *, const struct audit *, bool from_form);
int	page_audit_evaluate_post(struct req *);
int	page_audit_decide_post(struct req *);
/* certificates.c: certificates, the public register, verification */
/*
 * certificates_init: read the signing key (exactly 32 bytes), remember the
 * CJK font and the portal's address for QR links (used unless the
 * public_base_url setting says otherwise; never a request's Host); 0 or -1.
 */
int	certificates_init(const char *key_file, const char *font, const char *public_url);
int	page_certificate(struct req *);
int	page_certificate_pdf(struct req *);
int	page_certificate_status_post(struct req *);
int	page_admin_tick_post(struct req *);
int	page_certificate_special_post(struct req *);
int	page_certificates(struct req *);
int	page_lookup(struct req *);
int	page_verify(struct req *);
/* exports.c: the lists as CSV and Excel (filtered as on screen), the regulator's monthly report */
int	page_certificates_export(struct req *);
int	page_applications_export(struct req *);
int	page_review_queue_export(struct req *);
int	page_report_monthly(struct req *);
int	page_report_monthly_xlsx(struct req *);
/* conflicts.c: auditors' conflict-of-interest declarations; the scoring scheme (admin) */
int	page_conflicts(struct req *);
int	page_conflict_add_post(struct req *);
int	page_conflict_delete_post(struct req *);
int	page_admin_scheme(struct req *);
int	page_admin_scheme_post(struct req *);
/* reference.c: the materials checklist and product categories (admin) */
int	page_admin_materials(struct req *);
int	page_admin_material_post(struct req *);
int	page_admin_categories(struct req *);
int	page_admin_categories_post(struct req *);
int	page_admin_category_post(struct req *);

/* admin.c: users, settings and the event log */
int	page_admin_users(struct req *);
int	page_admin_user_new(struct req *);
int	page_admin_user_new_post(struct req *);
int	page_admin_user(struct req *);
int	page_admin_user_roles_post(struct req *);
int	page_admin_user_disable_post(struct req *);
int	page_admin_user_enable_post(struct req *);
int	page_admin_user_password_post(struct req *);
int	page_admin_user_auditor_post(struct req *);
int	page_admin_settings(struct req *);
int	page_admin_settings_post(struct req *);
int	page_admin_events(struct req *);

#endif
