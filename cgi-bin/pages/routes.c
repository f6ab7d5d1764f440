/* routes.c: the route table: method, path pattern, handler and the roles allowed. */
#include <stdio.h>
#include <string.h>

#include "../domain/roles.h"
#include "pages.h"

#define PUBLIC		0
#define SIGNED_IN	ROLES_ANY_USER
#define GET		METHOD_GET
#define POST		METHOD_POST

const struct route routes[] = {
	{ GET, "/", page_home, PUBLIC, "home" },
	{ GET, "/dashboard", page_dashboard, SIGNED_IN, "dashboard" },
	{ GET, "/healthz", page_healthz, PUBLIC, "healthz" },
	{ GET, "/lang/{code}", page_lang_switch, PUBLIC, "lang" },

	{ GET, "/login", page_login, PUBLIC, "login" },
	{ POST, "/login", page_login_post, PUBLIC, "login_post" },
	{ POST, "/logout", page_logout_post, SIGNED_IN, "logout" },
	{ GET, "/register", page_register, PUBLIC, "register" },
	{ POST, "/register", page_register_post, PUBLIC, "register_post" },
	{ GET, "/invitations/{token}", page_invitation, PUBLIC, "invitation" },
	{ POST, "/invitations/{token}", page_invitation_post, PUBLIC, "invitation_post" },

	{ GET, "/account", page_account, SIGNED_IN, "account" },
	{ POST, "/account/settings", page_account_settings_post, SIGNED_IN, "account_settings_post" },
	{ GET, "/account/password", page_password, SIGNED_IN, "password" },
	{ GET, "/notifications", page_notifications, SIGNED_IN, "notifications" },
	{ POST, "/notifications/read", page_notifications_read_post, SIGNED_IN, "notifications_read_post" },
	{ POST, "/notifications/{id}/read", page_notification_read_post, SIGNED_IN, "notification_read_post" },
	{ POST, "/account/password", page_password_post, SIGNED_IN, "password_post" },

	{ GET, "/organization", page_organization, ROLE_APPLICANT, "organization" },
	{ POST, "/organization/invitations", page_invitation_create_post, ROLE_APPLICANT, "invitation_create_post" },

	{ GET, "/applications", page_applications, SIGNED_IN, "applications" },
	{ POST, "/applications", page_application_create_post, ROLE_APPLICANT, "application_create_post" },
	{ GET, "/applications/export.csv", page_applications_export, SIGNED_IN, "applications_csv" },
	{ GET, "/applications/export.xlsx", page_applications_export, SIGNED_IN, "applications_xlsx" },
	{ GET, "/applications/{id}", page_application, SIGNED_IN, "application" },
	{ POST, "/applications/{id}", page_application_save_post, ROLE_APPLICANT, "application_save_post" },
	{ POST, "/applications/{id}/submit", page_application_submit_post, ROLE_APPLICANT, "application_submit_post" },
	{ POST, "/applications/{id}/outlets", page_outlet_add_post, ROLE_APPLICANT, "outlet_add_post" },
	{ POST, "/applications/{id}/outlets/import", page_outlets_import_post, ROLE_APPLICANT, "outlets_import_post" },
	{ GET, "/applications/{id}/outlets/{outlet_id}", page_outlet, ROLE_APPLICANT, "outlet" },
	{ POST, "/applications/{id}/outlets/{outlet_id}", page_outlet_post, ROLE_APPLICANT, "outlet_post" },
	{ POST, "/applications/{id}/outlets/{outlet_id}/delete", page_outlet_delete_post, ROLE_APPLICANT, "outlet_delete_post" },
	{ POST, "/applications/{id}/materials/{material_id}", page_document_upload_post, ROLE_APPLICANT, "document_upload_post" },
	{ GET, "/documents/{id}", page_document, SIGNED_IN, "document" },

	{ GET, "/review", page_review_queue, ROLE_REVIEWER | ROLE_SUPERVISOR | ROLE_ADMIN, "review_queue" },
	{ GET, "/review/export.csv", page_review_queue_export, ROLE_REVIEWER | ROLE_SUPERVISOR | ROLE_ADMIN, "review_queue_csv" },
	{ GET, "/review/export.xlsx", page_review_queue_export, ROLE_REVIEWER | ROLE_SUPERVISOR | ROLE_ADMIN, "review_queue_xlsx" },
	{ POST, "/applications/{id}/take", page_application_take_post, ROLE_REVIEWER, "application_take_post" },
	{ POST, "/applications/{id}/assign", page_application_assign_post, ROLE_SUPERVISOR, "application_assign_post" },
	{ POST, "/applications/{id}/review", page_application_review_post, ROLE_REVIEWER, "application_review_post" },
	{ POST, "/applications/{id}/supplement", page_application_supplement_post, ROLE_APPLICANT, "application_supplement_post" },
	{ GET, "/documents/{id}/view", page_document_view, SIGNED_IN, "document_view" },
	{ POST, "/documents/{id}/delete", page_document_delete_post, ROLE_APPLICANT, "document_delete_post" },

	{ GET, "/search", page_search, ROLES_STAFF, "search" },
	{ GET, "/audits", page_audits, ROLES_STAFF, "audits" },
	{ GET, "/applications/{id}/audit", page_audit_plan, ROLE_SUPERVISOR, "audit_plan" },
	{ POST, "/applications/{id}/audit", page_audit_plan_post, ROLE_SUPERVISOR, "audit_plan_post" },
	{ GET, "/surveillance/{id}/audit", page_surveillance_plan, ROLE_SUPERVISOR, "surveillance_plan" },
	{ POST, "/surveillance/{id}/audit", page_surveillance_plan_post, ROLE_SUPERVISOR, "surveillance_plan_post" },
	{ GET, "/audits/{id}", page_audit, SIGNED_IN, "audit" },
	{ POST, "/audits/{id}/confirm", page_audit_confirm_post, ROLE_APPLICANT, "audit_confirm_post" },
	{ POST, "/audits/{id}/sheet", page_audit_sheet_post, ROLE_AUDITOR, "audit_sheet_post" },
	{ POST, "/audits/{id}/deductions", page_audit_deduction_post, ROLE_AUDITOR, "audit_deduction_post" },
	{ POST, "/audits/{id}/deductions/{deduction_id}/delete", page_audit_deduction_delete_post, ROLE_AUDITOR, "audit_deduction_delete_post" },
	{ POST, "/audits/{id}/bonus", page_audit_bonus_post, ROLE_AUDITOR, "audit_bonus_post" },
	{ POST, "/audits/{id}/evidence/{indicator_id}", page_audit_evidence_post, ROLE_AUDITOR, "audit_evidence_post" },
	{ GET, "/audit-files/{id}", page_audit_file, ROLES_STAFF, "audit_file" },
	{ POST, "/audits/{id}/report", page_audit_report_post, ROLE_AUDITOR, "audit_report_post" },
	{ POST, "/audits/{id}/nonconformities", page_nc_raise_post, ROLE_AUDITOR, "nc_raise_post" },
	{ POST, "/nonconformities/{id}/answer", page_nc_answer_post, ROLE_APPLICANT, "nc_answer_post" },
	{ POST, "/nonconformities/{id}/files", page_nc_file_post, ROLE_APPLICANT, "nc_file_post" },
	{ POST, "/nonconformities/{id}/verify", page_nc_verify_post, ROLE_AUDITOR, "nc_verify_post" },
	{ GET, "/nc-files/{id}", page_nc_file, SIGNED_IN, "nc_file" },
	{ POST, "/audits/{id}/evaluate", page_audit_evaluate_post, ROLE_EVALUATOR, "audit_evaluate_post" },
	{ POST, "/audits/{id}/decide", page_audit_decide_post, ROLE_SUPERVISOR, "audit_decide_post" },
	{ GET, "/certificates", page_certificates, SIGNED_IN, "certificates" },
	{ GET, "/certificates/export.csv", page_certificates_export, SIGNED_IN, "certificates_csv" },
	{ GET, "/certificates/export.xlsx", page_certificates_export, SIGNED_IN, "certificates_xlsx" },
	{ GET, "/reports/monthly", page_report_monthly, ROLE_SUPERVISOR | ROLE_ADMIN, "report_monthly" },
	{ GET, "/reports/monthly.xlsx", page_report_monthly_xlsx, ROLE_SUPERVISOR | ROLE_ADMIN, "report_monthly_xlsx" },
	{ GET, "/certificates/{id}", page_certificate, SIGNED_IN, "certificate" },
	{ GET, "/certificates/{id}/pdf", page_certificate_pdf, SIGNED_IN, "certificate_pdf" },
	{ POST, "/certificates/{id}/status", page_certificate_status_post, ROLE_SUPERVISOR | ROLE_APPLICANT, "certificate_status_post" },
	{ POST, "/admin/tick", page_admin_tick_post, ROLE_ADMIN, "admin_tick_post" },
	{ POST, "/certificates/{id}/special", page_certificate_special_post, ROLE_SUPERVISOR, "certificate_special_post" },
	{ GET, "/lookup", page_lookup, PUBLIC, "lookup" },
	{ GET, "/verify/{number}", page_verify, PUBLIC, "verify" },
	{ GET, "/account/conflicts", page_conflicts, ROLE_AUDITOR, "conflicts" },
	{ POST, "/account/conflicts", page_conflict_add_post, ROLE_AUDITOR, "conflict_add_post" },
	{ POST, "/account/conflicts/{id}/delete", page_conflict_delete_post, ROLE_AUDITOR, "conflict_delete_post" },
	{ GET, "/admin/scheme", page_admin_scheme, ROLE_ADMIN, "admin_scheme" },
	{ POST, "/admin/scheme", page_admin_scheme_post, ROLE_ADMIN, "admin_scheme_post" },

	{ GET, "/admin/materials", page_admin_materials, ROLE_ADMIN, "admin_materials" },
	{ POST, "/admin/materials/{id}", page_admin_material_post, ROLE_ADMIN, "admin_material_post" },
	{ GET, "/admin/categories", page_admin_categories, ROLE_ADMIN, "admin_categories" },
	{ POST, "/admin/categories", page_admin_categories_post, ROLE_ADMIN, "admin_categories_post" },
	{ POST, "/admin/categories/{id}", page_admin_category_post, ROLE_ADMIN, "admin_category_post" },

	{ GET, "/admin/users", page_admin_users, ROLE_ADMIN, "admin_users" },
	{ GET, "/admin/users/new", page_admin_user_new, ROLE_ADMIN, "admin_user_new" },
	{ POST, "/admin/users/new", page_admin_user_new_post, ROLE_ADMIN, "admin_user_new_post" },
	{ GET, "/admin/users/{id}", page_admin_user, ROLE_ADMIN, "admin_user" },
	{ POST, "/admin/users/{id}/roles", page_admin_user_roles_post, ROLE_ADMIN, "admin_user_roles_post" },
	{ POST, "/admin/users/{id}/disable", page_admin_user_disable_post, ROLE_ADMIN, "admin_user_disable_post" },
	{ POST, "/admin/users/{id}/enable", page_admin_user_enable_post, ROLE_ADMIN, "admin_user_enable_post" },
	{ POST, "/admin/users/{id}/password", page_admin_user_password_post, ROLE_ADMIN, "admin_user_password_post" },
	{ POST, "/admin/users/{id}/auditor", page_admin_user_auditor_post, ROLE_ADMIN, "admin_user_auditor_post" },
	{ GET, "/admin/settings", page_admin_settings, ROLE_ADMIN, "admin_settings" },
	{ POST, "/admin/settings", page_admin_settings_post, ROLE_ADMIN, "admin_settings_post" },
	{ GET, "/admin/events", page_admin_events, ROLE_ADMIN, "admin_events" },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);

int
routes_check(void)
{
	int rc = 0;

	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];

		if (r->pattern[0] != '/' || r->handler == NULL ||
		    r->methods == 0 || r->name == NULL ||
		    (r->roles & ~(unsigned)ROLES_ANY_USER) != 0) {
			fprintf(stderr, "routes: row %zu (%s) is malformed\n", i,
			    r->pattern);
			rc = -1;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(routes[j].pattern, r->pattern) == 0 &&
			    (routes[j].methods & r->methods) != 0) {
				fprintf(stderr, "routes: %s is routed twice\n",
				    r->pattern);
				rc = -1;
			}
	}
	return rc;
}

bool
route_open_before_password_change(const struct route *r)
{
	static const char *const open[] = {
		"healthz", "lang", "logout", "password", "password_post",
	};

	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++)
		if (strcmp(r->name, open[i]) == 0)
			return true;
	return false;
}
