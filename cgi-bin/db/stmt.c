/* stmt.c: the statement table: every SQL statement the portal sends, in one place. */
#include "db.h"

/* Today and this week's Monday in the body's time zone, for the dashboards. */
#define TODAY	"(now() AT TIME ZONE 'Asia/Shanghai')::date"
#define MONDAY	"date_trunc('week', now() AT TIME ZONE 'Asia/Shanghai')::date"
#define DAY(d)	"to_char(" d ", 'YYYY-MM-DD')"
#define LOCAL_DAY(ts) "to_char(" ts " AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
#define DAYS_SINCE(ts) TODAY " - (" ts " AT TIME ZONE 'Asia/Shanghai')::date"

/*
 * The dashboards' rows, one shape for every part (pages/dashboard.c reads
 * them by part and kind): part, kind, ord (the order within the kind), id,
 * link (a second id: the audit of a nonconformity, the certificate of a
 * case), org (an organization's name), state, day (YYYY-MM-DD), n, total,
 * flag, extra, ordered by part, kind, ord and id (the page finds a kind's
 * rows by halving).  What waits for a user is read live, a statement per role;
 * the rest comes from the snapshot (0013_dashboard.sql, db/figures.c).
 * Every list walks an index in its own order, stops at its limit, and only
 * then looks up names.  The limits are constants, not parameters, so that
 * the plan PostgreSQL keeps for a statement serves every user.
 */
/* Around a statement of the dashboards' rows: their order, bytewise whatever the collation. */
#define DASH_ROWS(sql) "SELECT * FROM (" sql ") d (part, kind, ord, id, link, org, " \
	"state, day, n, total, flag, extra) ORDER BY part COLLATE \"C\", " \
	"kind COLLATE \"C\", ord, id, org COLLATE \"C\""
#define STRING_OF(x)	#x
#define NUMBER(x)	STRING_OF(x)
#define DASH_WAIT_ROWS	NUMBER(DASHBOARD_WAIT_ROWS)
#define DASH_LATE_ROWS	NUMBER(DASHBOARD_LATE_ROWS)
#define DASH_CALENDAR_DAYS NUMBER(DASHBOARD_CALENDAR_DAYS)
/* The organization of a dashboard row x (its organization_id, or its application_id). */
#define DASH_ORGANIZATION(x) " JOIN organizations o ON o.id = " x ".organization_id"
#define DASH_APPLICATION(x) " JOIN applications a ON a.id = " x ".application_id" \
	" JOIN organizations o ON o.id = a.organization_id"
/* The columns of a row x of applications: ord, id, (link) 0, org, state, day, n, 0, flag, extra. */
#define DASH_OF_APPLICATION(x) ", " x ".ord, " x ".id, 0::bigint, o.name, " x ".state, " \
	x ".day, " x ".n, 0::bigint, " x ".flag, " x ".extra"

#define USER_COLUMNS \
	"u.id, u.email, u.name, u.roles, u.disabled, u.must_change_password, " \
	"u.organization_id, o.name, u.lang, " \
	"to_char(u.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"


/*
 * The filters of the lists and of their exports, one text each, so that an
 * export holds exactly the rows its list shows (pages/lists.c fills them).
 * Applications: $1 organization (NULL: every one), $2 states (text[]),
 * $3 a name part or credit code (LIKE-escaped; NULL: any), $4 and $5 the
 * first and last day (NULL: open) of the date column given.
 */
#define APP_FILTER(date_column) \
	"($1::bigint IS NULL OR a.organization_id = $1) AND a.state = ANY ($2::text[]) " \
	"AND ($3::text IS NULL OR o.name LIKE '%' || $3 || '%' OR o.credit_code = upper($3)) " \
	"AND ($4::date IS NULL OR " date_column " >= ($4::date::timestamp AT TIME ZONE 'Asia/Shanghai')) " \
	"AND ($5::date IS NULL OR " date_column " < (($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')) "

/* An application with its stages and dates (exports): the review, the initial audit, evaluation, decision, certificate. */
#define APP_EXPORT_SELECT \
	"SELECT a.id, a.kind, a.state, o.name, o.credit_code, " \
	"to_char(a.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), " \
	"to_char(a.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), " \
	"to_char(a.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), " \
	"au.start_date::text, au.end_date::text, au.state, " \
	"to_char(au.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), " \
	"to_char(ev.evaluated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), ev.level, " \
	"de.outcome, to_char(de.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), " \
	"c.number, c.issue_date::text " \
	"FROM applications a JOIN organizations o ON o.id = a.organization_id " \
	"LEFT JOIN audits au ON au.application_id = a.id AND au.kind = 'initial' " \
	"LEFT JOIN evaluations ev ON ev.audit_id = au.id " \
	"LEFT JOIN decisions de ON de.audit_id = au.id " \
	"LEFT JOIN certificates c ON c.audit_id = au.id "

/* The status people read: a valid certificate past its expiry date is expired. */
#define CERT_STATUS_NOW \
	"CASE WHEN c.status = 'valid' AND c.expiry_date < (now() AT TIME ZONE 'Asia/Shanghai')::date " \
	"THEN 'expired' ELSE c.status END"

/* A history row as an event of the monthly report: issued, level_changed, reinstated, or the status it went to. */
#define REPORT_EVENT \
	"CASE WHEN h.change = 'issued' THEN 'issued' WHEN h.change = 'level' THEN 'level_changed' " \
	"WHEN h.to_value = 'valid' THEN 'reinstated' ELSE h.to_value END"

/*
 * Certificates: $1 organization (NULL: every one), $2 a number or credit
 * code (exact, any case) or $3 a name part (LIKE-escaped), NULL: any; $4
 * status as people read it, $5 level (NULL: any).
 */
#define CERT_FILTER \
	"($1::bigint IS NULL OR c.organization_id = $1) " \
	"AND ($2::text IS NULL OR c.number = upper($2) OR v.credit_code = upper($2) " \
	"OR v.org_name LIKE '%' || $3 || '%') " \
	"AND ($4::text IS NULL OR " CERT_STATUS_NOW " = $4) " \
	"AND ($5::text IS NULL OR v.level = $5) "

const struct stmt_def stmt_defs[STMT__MAX] = {
	[STMT_HEALTH_PING] = { "db_health_ping",
	    "SELECT 1", 0, true },
	[STMT_SETTINGS_LIST] = { "db_settings_list",
	    "SELECT key, value FROM settings ORDER BY key", 0, true },
	[STMT_SETTING_UPSERT] = { "db_setting_upsert",
	    "INSERT INTO settings (key, value) VALUES ($1, $2) "
	    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "
	    "updated_at = now()", 2, false },

	[STMT_EVENT_INSERT] = { "db_event_insert",
	    "INSERT INTO events (actor_id, object_type, object_id, action, "
	    "from_state, to_state, detail, client_addr) "
	    /* A long comment is kept whole where it belongs; the log keeps 2000 characters. */
	    "VALUES ($1, $2, $3, $4, $5, $6, left($7, 2000), $8)", 8, false },
	/* $1 action prefix, $2 object type, $3 actor e-mail, $4 from date,
	 * $5 to date (all NULL when not filtered), $6 before id (keyset); a page of rows */
	[STMT_EVENTS_LIST] = { "db_events_list",
	    "SELECT e.id, to_char(e.at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI:SS'), coalesce(u.email, ''), e.object_type, "
	    "coalesce(e.object_id::text, ''), e.action, coalesce(e.from_state, ''), "
	    "coalesce(e.to_state, ''), coalesce(e.detail, ''), "
	    "coalesce(e.client_addr, '') "
	    "FROM events e LEFT JOIN users u ON u.id = e.actor_id "
	    "WHERE ($1::text IS NULL OR e.action LIKE $1 || '%') "
	    "AND ($2::text IS NULL OR e.object_type = $2) "
	    "AND ($3::text IS NULL OR u.email = $3) "
	    "AND ($4::date IS NULL OR e.at >= ($4::date::timestamp AT TIME ZONE 'Asia/Shanghai')) "
	    "AND ($5::date IS NULL OR e.at < (($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')) "
	    "AND ($6::bigint IS NULL OR e.id < $6) "
	    "ORDER BY e.id DESC" DB_PAGE_LIMIT, 6, true,
	    OPTIONAL(1) | OPTIONAL(2) | OPTIONAL(3) | OPTIONAL(4) | OPTIONAL(5) |
	    OPTIONAL(6), .plan_with = OPTIONAL(1) },

	[STMT_ORGANIZATION_INSERT] = { "db_organization_insert",
	    "INSERT INTO organizations (name, credit_code, address, "
	    "legal_representative, contact_name, contact_phone, contact_email) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", 7, false },
	[STMT_ORGANIZATION_GET] = { "db_organization_get",
	    "SELECT id, name, credit_code, address, legal_representative, "
	    "contact_name, contact_phone, contact_email FROM organizations "
	    "WHERE id = $1", 1, true },
	[STMT_ORGANIZATION_USERS] = { "db_organization_users",
	    "SELECT id, email, name, disabled FROM users "
	    "WHERE organization_id = $1 ORDER BY id", 1, true },

	[STMT_USER_INSERT] = { "db_user_insert",
	    "INSERT INTO users (email, name, password_hash, organization_id, "
	    "roles, must_change_password) VALUES ($1, $2, $3, $4, $5, $6) "
	    "RETURNING id", 6, false },
	[STMT_USER_BY_EMAIL] = { "db_user_by_email",
	    "SELECT id, password_hash, disabled, must_change_password, lang "
	    "FROM users WHERE email = $1", 1, true },
	[STMT_USER_GET] = { "db_user_get",
	    "SELECT " USER_COLUMNS ", coalesce(p.registration_no, ''), "
	    "coalesce(p.qualification_valid_until::text, '') "
	    "FROM users u LEFT JOIN organizations o ON o.id = u.organization_id "
	    "LEFT JOIN auditor_profiles p ON p.user_id = u.id WHERE u.id = $1", 1, true },
	[STMT_USER_PASSWORD_GET] = { "db_user_password_get",
	    "SELECT password_hash FROM users WHERE id = $1", 1, true },
	[STMT_USER_PASSWORD_SET] = { "db_user_password_set",
	    "UPDATE users SET password_hash = $2, must_change_password = $3, "
	    "updated_at = now() WHERE id = $1", 3, false },
	/* $2 language, $3 notifications by e-mail */
	[STMT_USER_PREFERENCES_SET] = { "db_user_preferences_set",
	    "UPDATE users SET lang = $2, email_notify = $3, updated_at = now() "
	    "WHERE id = $1", 3, false },
	/* Staff only; returns the roles before the change. */
	[STMT_USER_ROLES_SET] = { "db_user_roles_set",
	    "UPDATE users u SET roles = $2, updated_at = now() "
	    "FROM (SELECT id, roles FROM users WHERE id = $1 "
	    "AND organization_id IS NULL FOR UPDATE) old "
	    "WHERE u.id = old.id RETURNING old.roles", 2, false },
	[STMT_USER_DISABLED_SET] = { "db_user_disabled_set",
	    "UPDATE users SET disabled = $2, updated_at = now() "
	    "WHERE id = $1 AND disabled <> $2 RETURNING id", 2, false },
	/* $1 search text (LIKE-escaped, lower case) or NULL, $2 role mask
	 * (0: any), $3 after id (keyset); a page of rows */
	[STMT_USERS_SEARCH] = { "db_users_search",
	    "SELECT " USER_COLUMNS " FROM users u "
	    "LEFT JOIN organizations o ON o.id = u.organization_id "
	    "WHERE ($1::text IS NULL OR (u.email || ' ' || lower(u.name)) "
	    "LIKE '%' || lower($1) || '%') AND ($2::int = 0 OR u.roles & $2 <> 0) "
	    "AND u.id > $3 ORDER BY u.id" DB_PAGE_LIMIT, 3, true, OPTIONAL(1),
	    .plan_with = OPTIONAL(1) },
	[STMT_ADMINS_COUNT] = { "db_admins_count",
	    "SELECT count(*) FROM users WHERE roles & 32 <> 0 AND NOT disabled",
	    0, true },

	[STMT_AUDITOR_PROFILE_UPSERT] = { "db_auditor_profile_upsert",
	    "INSERT INTO auditor_profiles (user_id, registration_no, "
	    "qualification_valid_until) VALUES ($1, $2, $3) "
	    "ON CONFLICT (user_id) DO UPDATE SET registration_no = $2, "
	    "qualification_valid_until = $3, updated_at = now()", 3, false },
	[STMT_AUDITOR_CATEGORIES_CLEAR] = { "db_auditor_categories_clear",
	    "DELETE FROM auditor_categories WHERE user_id = $1", 1, false },
	[STMT_AUDITOR_CATEGORY_ADD] = { "db_auditor_category_add",
	    "INSERT INTO auditor_categories (user_id, category_id) "
	    "SELECT $1, id FROM product_categories WHERE id = $2 AND active",
	    2, false },
	[STMT_AUDITOR_CATEGORIES] = { "db_auditor_categories",
	    "SELECT category_id FROM auditor_categories WHERE user_id = $1",
	    1, true },
	[STMT_CATEGORIES_LIST] = { "db_categories_list",
	    "SELECT id, code, name_zh, name_en FROM product_categories "
	    "WHERE active ORDER BY id", 0, true },

	[STMT_SESSION_INSERT] = { "db_session_insert",
	    "INSERT INTO sessions (token_hash, user_id, csrf_token, client_addr) "
	    "VALUES (decode($1, 'hex'), $2, $3, $4) RETURNING id", 4, false },
	/* $1 token hash (hex), $2 idle minutes, $3 absolute hours */
	[STMT_SESSION_LOOKUP] = { "db_session_lookup",
	    "SELECT s.id, u.id, coalesce(u.organization_id, 0), u.roles, u.name, "
	    "u.email, s.csrf_token, u.must_change_password, coalesce(u.lang, ''), "
	    "s.last_seen < now() - interval '1 minute', u.email_notify, "
	    /* The header's unread count, through the partial index; "99+" beyond. */
	    "(SELECT count(*) FROM (SELECT 1 FROM notifications n WHERE n.user_id = "
	    "u.id AND n.read_at IS NULL LIMIT 100) x) "
	    "FROM sessions s JOIN users u ON u.id = s.user_id "
	    "WHERE s.token_hash = decode($1, 'hex') AND NOT u.disabled "
	    "AND s.last_seen > now() - make_interval(mins => $2::int) "
	    "AND s.created_at > now() - make_interval(hours => $3::int)", 3, true },
	[STMT_SESSION_TOUCH] = { "db_session_touch",
	    "UPDATE sessions SET last_seen = now() WHERE id = $1", 1, false },
	[STMT_SESSION_DELETE] = { "db_session_delete",
	    "DELETE FROM sessions WHERE id = $1", 1, false },
	[STMT_SESSIONS_DELETE_USER] = { "db_sessions_delete_user",
	    "DELETE FROM sessions WHERE user_id = $1", 1, false },
	[STMT_SESSIONS_DELETE_OTHERS] = { "db_sessions_delete_others",
	    "DELETE FROM sessions WHERE user_id = $1 AND id <> $2", 2, false },

	/* Seconds until the longest lock among the keys $1, $2 ends (0: none). */
	[STMT_THROTTLE_LOCKED] = { "db_throttle_locked",
	    "SELECT coalesce(max(ceil(extract(epoch FROM locked_until - now()))), 0)::int "
	    "FROM login_throttle WHERE key IN ($1, $2) AND locked_until > now()",
	    2, true },
	/* $1 key, $2 failures allowed in the window, $3 window and lock minutes */
	[STMT_THROTTLE_FAIL] = { "db_throttle_fail",
	    "SELECT login_throttle_fail($1, $2, $3)", 3, false },
	[STMT_THROTTLE_CLEAR] = { "db_throttle_clear",
	    "DELETE FROM login_throttle WHERE key = $1", 1, false },

	[STMT_INVITATION_INSERT] = { "db_invitation_insert",
	    "INSERT INTO invitations (organization_id, email, token_hash, invited_by) "
	    "VALUES ($1, $2, decode($3, 'hex'), $4) RETURNING id", 4, false },
	[STMT_INVITATION_BY_TOKEN] = { "db_invitation_by_token",
	    "SELECT i.id, i.organization_id, i.email, o.name FROM invitations i "
	    "JOIN organizations o ON o.id = i.organization_id "
	    "WHERE i.token_hash = decode($1, 'hex') AND i.accepted_at IS NULL "
	    "AND i.expires_at > now()", 1, true },
	[STMT_INVITATION_ACCEPT] = { "db_invitation_accept",
	    "UPDATE invitations SET accepted_at = now() WHERE id = $1 "
	    "AND accepted_at IS NULL AND expires_at > now() RETURNING id", 1, false },
	[STMT_INVITATIONS_PENDING] = { "db_invitations_pending",
	    "SELECT email, to_char(expires_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI') FROM invitations WHERE organization_id = $1 "
	    "AND accepted_at IS NULL AND expires_at > now() ORDER BY id", 1, true },

	[STMT_INDICATORS_LIST] = { "db_indicators_list",
	    "SELECT code, group_code, name_zh, name_en FROM indicators "
	    "ORDER BY position", 0, true },
	[STMT_MATERIALS_LIST] = { "db_materials_list",
	    "SELECT id, code, group_no, title_zh, title_en, requirement, help_zh, "
	    "help_en FROM material_items WHERE active ORDER BY position, id", 0, true },
	[STMT_MATERIALS_ALL] = { "db_materials_all",
	    "SELECT id, code, group_no, title_zh, title_en, requirement, help_zh, "
	    "help_en, active FROM material_items ORDER BY position, id", 0, true },
	[STMT_MATERIAL_UPDATE] = { "db_material_update",
	    "UPDATE material_items SET title_zh = $2, title_en = $3, "
	    "requirement = $4, help_zh = $5, help_en = $6, active = $7 "
	    "WHERE id = $1 RETURNING code", 7, false },
	[STMT_CATEGORIES_ALL] = { "db_categories_all",
	    "SELECT id, code, name_zh, name_en, active FROM product_categories "
	    "ORDER BY id", 0, true },
	[STMT_CATEGORY_INSERT] = { "db_category_insert",
	    "INSERT INTO product_categories (code, name_zh, name_en) "
	    "VALUES ($1, $2, $3) RETURNING id", 3, false },
	[STMT_CATEGORY_UPDATE] = { "db_category_update",
	    "UPDATE product_categories SET name_zh = $2, name_en = $3, active = $4 "
	    "WHERE id = $1 RETURNING code", 4, false },

	[STMT_APPLICATIONS_OF_ORGANIZATION] = { "db_applications_of_organization",
	    "SELECT id, kind, state, to_char(created_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD'), coalesce(to_char(submitted_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '') FROM applications "
	    "WHERE organization_id = $1 ORDER BY id DESC LIMIT 200", 1, true },
	/* Staff: applications past their draft, filtered ($1-$5, dates of submission); $6 before id (keyset); a page of rows */
	[STMT_APPLICATIONS_SUBMITTED] = { "db_applications_submitted",
	    "SELECT a.id, a.kind, a.state, o.name, o.credit_code, "
	    "to_char(a.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') "
	    "FROM applications a JOIN organizations o ON o.id = a.organization_id "
	    "WHERE " APP_FILTER("a.submitted_at") "AND a.state <> 'draft' "
	    "AND ($6::bigint IS NULL OR a.id < $6) "
	    "ORDER BY a.id DESC" DB_PAGE_LIMIT, 6, true,
	    OPTIONAL(1) | OPTIONAL(3) | OPTIONAL(4) | OPTIONAL(5) | OPTIONAL(6),
	    .plan_with = OPTIONAL(3) },
	/* The same list (or an applicant's own, drafts too) with stages and dates, every row. */
	[STMT_APPLICATIONS_EXPORT] = { "db_applications_export",
	    APP_EXPORT_SELECT "WHERE " APP_FILTER("a.submitted_at")
	    "AND ($1::bigint IS NOT NULL OR a.state <> 'draft') "
	    "ORDER BY a.id DESC", 5, true, .plan_always = true },
	[STMT_APPLICATION_INSERT] = { "db_application_insert",
	    "INSERT INTO applications (organization_id, kind, created_by) "
	    "VALUES ($1, $2, $3) RETURNING id", 3, false },
	[STMT_APPLICATION_GET] = { "db_application_get",
	    "SELECT a.id, a.organization_id, a.kind, a.state, a.scope, "
	    "a.sales_channels, coalesce(a.delivery_mode, ''), a.funding_facilities, "
	    "a.version, to_char(a.created_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI'), coalesce(to_char(a.submitted_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), ''), o.name, o.credit_code, "
	    "coalesce(a.reviewer_id, 0), coalesce(r.name, ''), a.review_round "
	    "FROM applications a JOIN organizations o ON o.id = a.organization_id "
	    "LEFT JOIN users r ON r.id = a.reviewer_id WHERE a.id = $1", 1, true },
	/* In a transaction: the row stays ours until commit. */
	[STMT_APPLICATION_LOCK] = { "db_application_lock",
	    "SELECT state, version, review_round FROM applications WHERE id = $1 "
	    "AND organization_id = $2 FOR UPDATE", 2, false },
	[STMT_APPLICATION_UPDATE] = { "db_application_update",
	    "UPDATE applications SET kind = $3, scope = $4, sales_channels = $5, "
	    "delivery_mode = nullif($6, ''), funding_facilities = $7, "
	    "version = version + 1, updated_at = now() "
	    "WHERE id = $1 AND version = $2 AND state = 'draft' RETURNING version",
	    7, false },
	[STMT_APPLICATION_SUBMIT] = { "db_application_submit",
	    "UPDATE applications SET state = 'submitted', submitted_at = now(), "
	    "queued_at = now(), version = version + 1, updated_at = now() "
	    "WHERE id = $1 AND state = 'draft' RETURNING review_round", 1, false },
	[STMT_APPLICATION_CATEGORIES] = { "db_application_categories",
	    "SELECT category_id FROM application_categories "
	    "WHERE application_id = $1 ORDER BY category_id", 1, true },
	[STMT_APPLICATION_CATEGORIES_CLEAR] = { "db_application_categories_clear",
	    "DELETE FROM application_categories WHERE application_id = $1", 1, false },
	[STMT_APPLICATION_CATEGORY_ADD] = { "db_application_category_add",
	    "INSERT INTO application_categories (application_id, category_id) "
	    "SELECT $1, id FROM product_categories WHERE id = $2 AND active",
	    2, false },
	[STMT_APPLICATION_EXCLUSIONS] = { "db_application_exclusions",
	    "SELECT indicator_code, reason FROM application_exclusions "
	    "WHERE application_id = $1", 1, true },
	[STMT_APPLICATION_EXCLUSIONS_CLEAR] = { "db_application_exclusions_clear",
	    "DELETE FROM application_exclusions WHERE application_id = $1", 1, false },
	[STMT_APPLICATION_EXCLUSION_ADD] = { "db_application_exclusion_add",
	    "INSERT INTO application_exclusions (application_id, indicator_code, "
	    "reason) VALUES ($1, $2, $3)", 3, false },

	[STMT_OUTLETS_LIST] = { "db_outlets_list",
	    "SELECT id, name, address, city, kind, staff_count, operator "
	    "FROM outlets WHERE application_id = $1 ORDER BY id", 1, true },
	[STMT_OUTLETS_COUNT] = { "db_outlets_count",
	    "SELECT count(*) FILTER (WHERE kind = 'fixed'), count(*) FROM outlets "
	    "WHERE application_id = $1", 1, true },
	[STMT_OUTLET_GET] = { "db_outlet_get",
	    "SELECT id, name, address, city, kind, staff_count, operator "
	    "FROM outlets WHERE id = $1 AND application_id = $2", 2, true },
	[STMT_OUTLET_INSERT] = { "db_outlet_insert",
	    "INSERT INTO outlets (application_id, name, address, city, kind, "
	    "staff_count, operator) VALUES ($1, $2, $3, $4, $5, $6, $7) "
	    "RETURNING id", 7, false },
	[STMT_OUTLET_UPDATE] = { "db_outlet_update",
	    "UPDATE outlets SET name = $3, address = $4, city = $5, kind = $6, "
	    "staff_count = $7, operator = $8 WHERE id = $1 AND application_id = $2 "
	    "RETURNING id", 8, false },
	[STMT_OUTLET_DELETE] = { "db_outlet_delete",
	    "DELETE FROM outlets WHERE id = $1 AND application_id = $2 "
	    "RETURNING name", 2, false },

	[STMT_DOCUMENTS_OF_APPLICATION] = { "db_documents_of_application",
	    "SELECT d.id, d.material_id, d.version, d.file_name, d.content_type, "
	    "d.size, to_char(d.uploaded_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI'), u.name FROM documents d "
	    "JOIN users u ON u.id = d.uploaded_by WHERE d.application_id = $1 "
	    "ORDER BY d.material_id, d.version DESC", 1, true },
	[STMT_DOCUMENT_GET] = { "db_document_get",
	    "SELECT d.id, d.application_id, a.organization_id, a.state, "
	    "d.blob_sha256, d.file_name, d.content_type, d.size "
	    "FROM documents d JOIN applications a ON a.id = d.application_id "
	    "WHERE d.id = $1", 1, true },
	/* $1 application, $2 material, $3 hash, $4 name, $5 type, $6 size, $7 user */
	[STMT_DOCUMENT_INSERT] = { "db_document_insert",
	    "INSERT INTO documents (application_id, material_id, version, "
	    "blob_sha256, file_name, content_type, size, uploaded_by) "
	    "SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7 "
	    "FROM documents WHERE application_id = $1 AND material_id = $2 "
	    "RETURNING id, version", 7, false },
	[STMT_DOCUMENT_DELETE] = { "db_document_delete",
	    "DELETE FROM documents WHERE id = $1 AND application_id = $2 "
	    "RETURNING file_name", 2, false },
	[STMT_BLOB_INSERT] = { "db_blob_insert",
	    "INSERT INTO blobs (sha256, size, content_type) VALUES ($1, $2, $3) "
	    "ON CONFLICT (sha256) DO NOTHING", 3, false },
	[STMT_BLOB_REFERENCED] = { "db_blob_referenced",
	    "SELECT EXISTS (SELECT 1 FROM documents WHERE blob_sha256 = $1) "
	    "OR EXISTS (SELECT 1 FROM audit_attachments WHERE blob_sha256 = $1) "
	    "OR EXISTS (SELECT 1 FROM nonconformity_files WHERE blob_sha256 = $1) "
	    "OR EXISTS (SELECT 1 FROM certificate_versions WHERE pdf_sha256 = $1)",
	    1, true },

	/* Filtered ($1-$5, dates of queueing); $6, $7 after (queued_at, id) (keyset); a page of rows */
	[STMT_REVIEW_QUEUE] = { "db_review_queue",
	    "SELECT a.id, a.state, o.name, o.credit_code, "
	    "to_char(a.queued_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), "
	    "coalesce(u.name, ''), a.review_round, a.queued_at::text, a.kind "
	    "FROM applications a JOIN organizations o ON o.id = a.organization_id "
	    "LEFT JOIN users u ON u.id = a.reviewer_id "
	    "WHERE " APP_FILTER("a.queued_at")
	    "AND a.state IN ('submitted', 'resubmitted', 'in_review') "
	    "AND ($6::timestamptz IS NULL OR (a.queued_at, a.id) > ($6::timestamptz, $7::bigint)) "
	    "ORDER BY a.queued_at, a.id" DB_PAGE_LIMIT, 7, true,
	    OPTIONAL(1) | OPTIONAL(3) | OPTIONAL(4) | OPTIONAL(5) | OPTIONAL(6),
	    .plan_with = OPTIONAL(3) },
	/* The queue as filtered, with stages and dates, every row. */
	[STMT_REVIEW_QUEUE_EXPORT] = { "db_review_queue_export",
	    APP_EXPORT_SELECT "WHERE " APP_FILTER("a.queued_at")
	    "AND a.state IN ('submitted', 'resubmitted', 'in_review') "
	    "ORDER BY a.queued_at, a.id", 5, true, .plan_always = true },
	/* Returns the state it was taken from. */
	[STMT_APPLICATION_TAKE] = { "db_application_take",
	    "UPDATE applications a SET state = 'in_review', reviewer_id = $2, "
	    "version = a.version + 1, updated_at = now() "
	    "FROM (SELECT id, state FROM applications WHERE id = $1 FOR UPDATE) old "
	    "WHERE a.id = old.id AND old.state IN ('submitted', 'resubmitted') "
	    "RETURNING old.state", 2, false },
	/* Returns the reviewer it had (may be NULL). */
	[STMT_APPLICATION_ASSIGN] = { "db_application_assign",
	    "UPDATE applications a SET reviewer_id = $2, version = a.version + 1, "
	    "updated_at = now() "
	    "FROM (SELECT id, reviewer_id FROM applications WHERE id = $1 FOR UPDATE) old "
	    "WHERE a.id = old.id AND a.state IN ('submitted', 'resubmitted', 'in_review') "
	    "AND EXISTS (SELECT 1 FROM users WHERE id = $2 AND roles & 2 <> 0 "
	    "AND NOT disabled) RETURNING old.reviewer_id", 2, false },
	[STMT_REVIEWERS_LIST] = { "db_reviewers_list",
	    "SELECT id, name, email FROM users WHERE roles & 2 <> 0 AND NOT disabled "
	    "ORDER BY name, id", 0, true },
	/* Staff, in a transaction: the row stays ours until commit. */
	[STMT_APPLICATION_LOCK_REVIEW] = { "db_application_lock_review",
	    "SELECT state, version, coalesce(reviewer_id, 0), review_round "
	    "FROM applications WHERE id = $1 FOR UPDATE", 1, false },
	/* $1 id, $2 state it must be in, $3 new state, $4 man-days (half days)
	 * and $5 their reason when accepting (NULL otherwise). */
	[STMT_APPLICATION_MOVE] = { "db_application_move",
	    "UPDATE applications SET state = $3, "
	    "mandays_halfdays = coalesce($4::integer, mandays_halfdays), "
	    "mandays_reason = coalesce($5, mandays_reason), "
	    "decided_at = CASE WHEN $3 IN ('accepted', 'declined') THEN now() "
	    "ELSE decided_at END, version = version + 1, updated_at = now() "
	    "WHERE id = $1 AND state = $2 RETURNING version", 5, false },
	[STMT_APPLICATION_RESUBMIT] = { "db_application_resubmit",
	    "UPDATE applications SET state = 'resubmitted', "
	    "review_round = review_round + 1, queued_at = now(), "
	    "version = version + 1, updated_at = now() "
	    "WHERE id = $1 AND state = 'supplement_needed' RETURNING review_round",
	    1, false },
	[STMT_APPLICATION_DECISION] = { "db_application_decision",
	    "SELECT coalesce(mandays_halfdays, 0), mandays_reason, "
	    "coalesce(to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '') FROM applications WHERE id = $1", 1, true },
	/* $1 application, $2 round, $3 who (submitted or resubmitted it) */
	/* What the man-day estimate depends on: fixed outlets, categories. */
	[STMT_APPLICATION_SIZE] = { "db_application_size",
	    "SELECT (SELECT count(*) FROM outlets WHERE application_id = $1 "
	    "AND kind = 'fixed'), (SELECT count(*) FROM application_categories "
	    "WHERE application_id = $1)", 1, true },
	/* What submission needs, in one round trip: categories, outlets, and
	 * per active material whether it is required and how many files it has
	 * (one row with NULLs when the checklist is empty). */
	[STMT_APPLICATION_COMPLETENESS] = { "db_application_completeness",
	    "SELECT c.n, o.n, m.requirement = 'required', (SELECT count(*) "
	    "FROM documents d WHERE d.application_id = $1 AND d.material_id = m.id) "
	    "FROM (SELECT count(*) AS n FROM application_categories "
	    "WHERE application_id = $1) c CROSS JOIN (SELECT count(*) AS n "
	    "FROM outlets WHERE application_id = $1) o "
	    "LEFT JOIN material_items m ON m.active ORDER BY m.position, m.id", 1, true },
	[STMT_ROUND_OPEN] = { "db_round_open",
	    "INSERT INTO review_rounds (application_id, round, opened_by) "
	    "VALUES ($1, $2, $3)", 3, false },
	/* $1 application, $2 round, $3 outcome, $4 comment, $5 reviewer */
	[STMT_ROUND_CLOSE] = { "db_round_close",
	    "UPDATE review_rounds SET outcome = $3, comment = $4, closed_at = now(), "
	    "closed_by = $5 WHERE application_id = $1 AND round = $2 "
	    "AND outcome IS NULL", 5, false },
	[STMT_ROUNDS_OF_APPLICATION] = { "db_rounds_of_application",
	    "SELECT r.round, to_char(r.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), o.name, coalesce(r.outcome, ''), r.comment, "
	    "coalesce(to_char(r.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), ''), coalesce(c.name, '') "
	    "FROM review_rounds r JOIN users o ON o.id = r.opened_by "
	    "LEFT JOIN users c ON c.id = r.closed_by "
	    "WHERE r.application_id = $1 ORDER BY r.round DESC", 1, true },
	[STMT_VERDICTS_OF_APPLICATION] = { "db_verdicts_of_application",
	    "SELECT v.material_id, v.verdict, v.comment, coalesce(v.document_id, 0), "
	    "v.round, u.name, to_char(v.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM material_verdicts v "
	    "JOIN users u ON u.id = v.decided_by WHERE v.application_id = $1", 1, true },
	/* $1 application, $2 the materials that keep a verdict (integer[]) */
	[STMT_VERDICTS_CLEAR_OTHERS] = { "db_verdicts_clear_others",
	    "DELETE FROM material_verdicts WHERE application_id = $1 "
	    "AND NOT (material_id = ANY ($2::integer[]))", 2, false },
	/* $1 application, $2 materials (integer[]), $3 verdicts (text[]),
	 * $4 comments (text[]), $5 round, $6 reviewer.  A verdict that did not
	 * change keeps who gave it and when. */
	[STMT_VERDICTS_SAVE] = { "db_verdicts_save",
	    "INSERT INTO material_verdicts (application_id, material_id, verdict, "
	    "comment, document_id, round, decided_by) "
	    "SELECT $1, v.m, v.verdict, v.comment, (SELECT d.id FROM documents d "
	    "WHERE d.application_id = $1 AND d.material_id = v.m "
	    "ORDER BY d.version DESC LIMIT 1), $5, $6 "
	    "FROM unnest($2::integer[], $3::text[], $4::text[]) AS v (m, verdict, comment) "
	    "ON CONFLICT (application_id, material_id) DO UPDATE SET "
	    "verdict = EXCLUDED.verdict, comment = EXCLUDED.comment, "
	    "document_id = EXCLUDED.document_id, round = EXCLUDED.round, "
	    "decided_by = EXCLUDED.decided_by, decided_at = now() "
	    "WHERE (material_verdicts.verdict, material_verdicts.comment, "
	    "material_verdicts.document_id) IS DISTINCT FROM "
	    "(EXCLUDED.verdict, EXCLUDED.comment, EXCLUDED.document_id)", 6, false },
	[STMT_ELIGIBILITY_OF_APPLICATION] = { "db_eligibility_of_application",
	    "SELECT criterion, met, note FROM eligibility_checks "
	    "WHERE application_id = $1", 1, true },
	/* $1 application, $2 criteria (text[]), $3 met (boolean[]), $4 notes (text[]), $5 reviewer */
	[STMT_ELIGIBILITY_SAVE] = { "db_eligibility_save",
	    "INSERT INTO eligibility_checks (application_id, criterion, met, note, checked_by) "
	    "SELECT $1, v.c, v.met, v.note, $5 "
	    "FROM unnest($2::text[], $3::boolean[], $4::text[]) AS v (c, met, note) "
	    "ON CONFLICT (application_id, criterion) DO UPDATE SET met = EXCLUDED.met, "
	    "note = EXCLUDED.note, checked_by = EXCLUDED.checked_by, checked_at = now() "
	    "WHERE (eligibility_checks.met, eligibility_checks.note) IS DISTINCT FROM "
	    "(EXCLUDED.met, EXCLUDED.note)", 5, false },
	/* The flagged items become the round's supplement request. */
	[STMT_SUPPLEMENT_ITEMS_OPEN] = { "db_supplement_items_open",
	    "INSERT INTO supplement_items (application_id, round, material_id, comment) "
	    "SELECT application_id, $2, material_id, comment FROM material_verdicts "
	    "WHERE application_id = $1 AND verdict = 'supplement'", 2, false },
	/* The open request (the application's current round): each item with
	 * its comment, the answer so far and how many versions came since. */
	[STMT_SUPPLEMENT_ITEMS_CURRENT] = { "db_supplement_items_current",
	    "SELECT s.material_id, s.comment, s.answer, m.code, m.title_zh, m.title_en, "
	    "(SELECT count(*) FROM documents d WHERE d.application_id = s.application_id "
	    "AND d.material_id = s.material_id AND d.uploaded_at > r.closed_at) "
	    "FROM applications a JOIN supplement_items s ON s.application_id = a.id "
	    "AND s.round = a.review_round JOIN review_rounds r ON r.application_id = a.id "
	    "AND r.round = a.review_round JOIN material_items m ON m.id = s.material_id "
	    "WHERE a.id = $1 AND a.state = 'supplement_needed' ORDER BY m.position, m.id",
	    1, true },
	/* $1 application, $2 round, $3 who, $4 materials (integer[]), $5 answers (text[]) */
	[STMT_SUPPLEMENT_ANSWERS_SAVE] = { "db_supplement_answers_save",
	    "UPDATE supplement_items s SET answer = v.answer, answered_by = $3, "
	    "answered_at = now() FROM unnest($4::integer[], $5::text[]) AS v (m, answer) "
	    "WHERE s.application_id = $1 AND s.round = $2 AND s.material_id = v.m "
	    "AND s.answer <> v.answer", 5, false },
	[STMT_SUPPLEMENT_ITEMS_ALL] = { "db_supplement_items_all",
	    "SELECT s.round, m.title_zh, m.title_en, s.comment, s.answer, "
	    "coalesce(to_char(s.answered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), ''), coalesce(u.name, ''), m.code "
	    "FROM supplement_items s JOIN material_items m ON m.id = s.material_id "
	    "LEFT JOIN users u ON u.id = s.answered_by WHERE s.application_id = $1 "
	    "ORDER BY s.round DESC, m.position, m.id", 1, true },
	/* $1 audit, $2 the user (member? leader?) */
	[STMT_AUDIT_GET] = { "db_audit_get",
	    "SELECT au.id, au.application_id, a.organization_id, au.state, "
	    "au.start_date::text, au.end_date::text, au.mandays_halfdays, "
	    "au.mandays_reason, au.scheme_version, au.version, o.name, "
	    "o.credit_code, EXISTS (SELECT 1 FROM audit_members m WHERE "
	    "m.audit_id = au.id AND m.user_id = $2), EXISTS (SELECT 1 FROM "
	    "audit_members m WHERE m.audit_id = au.id AND m.user_id = $2 AND "
	    "m.leader), coalesce(au.bonus_indicator, ''), "
	    "coalesce(au.bonus_justification, ''), au.kind FROM audits au JOIN "
	    "applications a ON a.id = au.application_id JOIN organizations o ON "
	    "o.id = a.organization_id WHERE au.id = $1", 2, true },
	[STMT_AUDIT_LOCK] = { "db_audit_lock",
	    "SELECT state, version FROM audits WHERE id = $1 FOR UPDATE", 1, false },
	[STMT_AUDIT_BUMP] = { "db_audit_bump",
	    "UPDATE audits SET version = version + 1 WHERE id = $1 RETURNING "
	    "version", 1, false },
	[STMT_AUDIT_OF_APPLICATION] = { "db_audit_of_application",
	    "SELECT id FROM audits WHERE application_id = $1 AND kind = 'initial'", 1, true },
	/* The candidates for application $1's audit from $2 to $3 (NULL: today),
	 * or only user $4: id, name, valid until, has a profile, valid through the
	 * end, covers every category, a conflict in the last two years, is an
	 * enabled auditor. */
	[STMT_AUDITOR_FACTS] = { "db_auditor_facts",
	    "SELECT u.id, u.name, coalesce(p.qualification_valid_until::text, "
	    "''), p.user_id IS NOT NULL, coalesce(p.qualification_valid_until >= "
	    "coalesce($3::date, current_date), false), NOT EXISTS (SELECT 1 FROM "
	    "application_categories ac WHERE ac.application_id = $1 AND NOT "
	    "EXISTS (SELECT 1 FROM auditor_categories x WHERE x.user_id = u.id "
	    "AND x.category_id = ac.category_id)), EXISTS (SELECT 1 FROM "
	    "auditor_conflicts c JOIN applications a ON a.id = $1 JOIN "
	    "organizations o ON o.id = a.organization_id WHERE c.user_id = u.id "
	    "AND c.credit_code = o.credit_code AND c.from_date <= "
	    "coalesce($3::date, current_date) AND (c.to_date IS NULL OR c.to_date "
	    ">= coalesce($2::date, current_date) - interval '2 years')), u.roles "
	    "& 4 <> 0 AND NOT u.disabled FROM users u LEFT JOIN auditor_profiles "
	    "p ON p.user_id = u.id WHERE ($4::bigint IS NULL AND u.roles & 4 <> 0 "
	    "AND NOT u.disabled) OR u.id = $4 ORDER BY u.name, u.id", 4, true },
	/* $1 application, $2 start, $3 end, $4 man-days (half days), $5 reason, $6 planner,
	 * $7 kind, $8 the surveillance case (NULL for an initial audit) */
	[STMT_AUDIT_INSERT] = { "db_audit_insert",
	    "INSERT INTO audits (application_id, start_date, end_date, mandays_halfdays, "
	    "mandays_reason, scheme_version, planned_by, kind, case_id) VALUES ($1, $2, $3, "
	    "$4, $5, (SELECT max(version) FROM scoring_schemes), $6, $7, $8) RETURNING id",
	    8, false },
	/* $1 audit, $2 users (bigint[]), $3 the leader */
	[STMT_AUDIT_MEMBERS_ADD] = { "db_audit_members_add",
	    "INSERT INTO audit_members (audit_id, user_id, leader) SELECT "
	    "DISTINCT $1::bigint, u, u = $3::bigint FROM unnest($2::bigint[]) AS "
	    "u", 3, false },
	/* $1 audit, $2 outlets (bigint[]), $3 application: only its fixed outlets */
	[STMT_AUDIT_OUTLETS_ADD] = { "db_audit_outlets_add",
	    "INSERT INTO audit_outlets (audit_id, outlet_id) SELECT $1, o.id FROM "
	    "outlets o WHERE o.id = ANY ($2::bigint[]) AND o.application_id = $3 "
	    "AND o.kind = 'fixed'", 3, false },
	/* The applicant's declared exclusions start the sheet: $1 audit, $2 planner. */
	[STMT_AUDIT_EXCLUSIONS_PREFILL] = { "db_audit_exclusions_prefill",
	    "INSERT INTO audit_scores (audit_id, indicator_code, kind, notes, updated_by) "
	    "SELECT au.id, e.indicator_code, 'excluded', e.reason, $2 FROM audits au "
	    "JOIN application_exclusions e ON e.application_id = au.application_id "
	    "JOIN scheme_points p ON p.version = au.scheme_version "
	    "AND p.indicator_code = e.indicator_code WHERE au.id = $1", 2, false },
	[STMT_AUDIT_MEMBERS] = { "db_audit_members",
	    "SELECT u.id, u.name, m.leader FROM audit_members m JOIN users u ON "
	    "u.id = m.user_id WHERE m.audit_id = $1 ORDER BY m.leader DESC, "
	    "u.name, u.id", 1, true },
	[STMT_AUDIT_OUTLETS] = { "db_audit_outlets",
	    "SELECT o.name, o.city, o.address FROM audit_outlets x JOIN outlets o "
	    "ON o.id = x.outlet_id WHERE x.audit_id = $1 ORDER BY o.city, o.name, "
	    "o.id", 1, true },
	[STMT_AUDIT_CONFIRM] = { "db_audit_confirm",
	    "UPDATE audits SET state = 'confirmed', confirmed_by = $2, "
	    "confirmed_at = now(), version = version + 1 WHERE id = $1 AND state "
	    "= 'planned' RETURNING version", 2, false },
	[STMT_APPLICATIONS_TO_PLAN] = { "db_applications_to_plan",
	    "SELECT a.id, o.name, coalesce(to_char(a.decided_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), ''), "
	    "coalesce(a.mandays_halfdays, 0) FROM applications a JOIN "
	    "organizations o ON o.id = a.organization_id WHERE a.state = "
	    "'accepted' AND NOT EXISTS (SELECT 1 FROM audits au WHERE "
	    "au.application_id = a.id) ORDER BY a.decided_at, a.id LIMIT 200", 0, true },
	/* The audits, the user's own first ($1). */
	[STMT_AUDITS_LIST] = { "db_audits_list",
	    "SELECT au.id, o.name, au.state, au.start_date::text, "
	    "au.end_date::text, coalesce(l.name, ''), EXISTS (SELECT 1 FROM "
	    "audit_members m WHERE m.audit_id = au.id AND m.user_id = $1) AS mine "
	    "FROM audits au JOIN applications a ON a.id = au.application_id JOIN "
	    "organizations o ON o.id = a.organization_id LEFT JOIN audit_members "
	    "lm ON lm.audit_id = au.id AND lm.leader LEFT JOIN users l ON l.id = "
	    "lm.user_id ORDER BY mine DESC, au.start_date DESC, au.id DESC LIMIT "
	    "200", 1, true },
	[STMT_SCHEME_POINTS] = { "db_scheme_points",
	    "SELECT i.code, i.group_code, i.name_zh, i.name_en, s.points_tenths, "
	    "i.position FROM scheme_points s JOIN indicators i ON i.code = "
	    "s.indicator_code WHERE s.version = $1 ORDER BY i.position", 1, true },
	[STMT_SCHEME_CURRENT] = { "db_scheme_current",
	    "SELECT s.version, i.code, i.group_code, i.name_zh, i.name_en, "
	    "p.points_tenths, to_char(s.published_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), s.note FROM scoring_schemes "
	    "s JOIN scheme_points p ON p.version = s.version JOIN indicators i ON "
	    "i.code = p.indicator_code WHERE s.version = (SELECT max(version) "
	    "FROM scoring_schemes) ORDER BY i.position", 0, true },
	/* $1 indicators (text[]), $2 points (integer[]), $3 note, $4 admin */
	[STMT_SCHEME_PUBLISH] = { "db_scheme_publish",
	    "WITH v AS (INSERT INTO scoring_schemes (version, published_by, note) "
	    "SELECT coalesce(max(version), 0) + 1, $4, $3 FROM scoring_schemes "
	    "RETURNING version), p AS (INSERT INTO scheme_points (version, "
	    "indicator_code, points_tenths) SELECT v.version, x.c, x.p FROM v, "
	    "unnest($1::text[], $2::integer[]) AS x (c, p)) SELECT version FROM v", 4, false },
	[STMT_AUDIT_SCORES] = { "db_audit_scores",
	    "SELECT s.indicator_code, s.kind, coalesce(s.obtained_tenths, 0), "
	    "coalesce(s.checked, 0), coalesce(s.nonconforming, 0), s.notes, "
	    "u.name, to_char(s.updated_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI') FROM audit_scores s JOIN users u ON u.id = "
	    "s.updated_by WHERE s.audit_id = $1", 1, true },
	[STMT_AUDIT_SCORES_CLEAR_OTHERS] = { "db_audit_scores_clear_others",
	    "DELETE FROM audit_scores WHERE audit_id = $1 AND NOT (indicator_code "
	    "= ANY ($2::text[]))", 2, false },
	/* $1 audit, $2 indicators, $3 kinds, $4 points, $5 checked, $6 nonconforming,
	 * $7 notes (text[] each, '' for none), $8 the team member */
	[STMT_AUDIT_SCORES_SAVE] = { "db_audit_scores_save",
	    "INSERT INTO audit_scores (audit_id, indicator_code, kind, "
	    "obtained_tenths, checked, nonconforming, notes, updated_by) SELECT "
	    "$1, v.c, v.k, nullif(v.o, '')::integer, nullif(v.ch, '')::integer, "
	    "nullif(v.n, '')::integer, v.notes, $8 FROM unnest($2::text[], "
	    "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS v (c, "
	    "k, o, ch, n, notes) ON CONFLICT (audit_id, indicator_code) DO UPDATE "
	    "SET kind = EXCLUDED.kind, obtained_tenths = "
	    "EXCLUDED.obtained_tenths, checked = EXCLUDED.checked, nonconforming "
	    "= EXCLUDED.nonconforming, notes = EXCLUDED.notes, updated_by = "
	    "EXCLUDED.updated_by, updated_at = now() WHERE (audit_scores.kind, "
	    "audit_scores.obtained_tenths, audit_scores.checked, "
	    "audit_scores.nonconforming, audit_scores.notes) IS DISTINCT FROM "
	    "(EXCLUDED.kind, EXCLUDED.obtained_tenths, EXCLUDED.checked, "
	    "EXCLUDED.nonconforming, EXCLUDED.notes)", 8, false },
	[STMT_DEDUCTIONS_OF_AUDIT] = { "db_deductions_of_audit",
	    "SELECT d.id, d.indicator_code, i.name_zh, i.name_en, d.finding, "
	    "d.breached, u.name, to_char(d.created_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM special_deductions d "
	    "JOIN indicators i ON i.code = d.indicator_code JOIN users u ON u.id "
	    "= d.created_by WHERE d.audit_id = $1 ORDER BY d.id", 1, true },
	[STMT_DEDUCTION_INSERT] = { "db_deduction_insert",
	    "INSERT INTO special_deductions (audit_id, indicator_code, finding, "
	    "breached, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id", 5, false },
	[STMT_DEDUCTION_DELETE] = { "db_deduction_delete",
	    "DELETE FROM special_deductions WHERE id = $1 AND audit_id = $2 "
	    "RETURNING finding", 2, false },
	/* $2 NULL clears; a second bonus is not set (no row). */
	[STMT_AUDIT_BONUS_SET] = { "db_audit_bonus_set",
	    "UPDATE audits SET bonus_indicator = $2, bonus_justification = $3 "
	    "WHERE id = $1 AND state = 'confirmed' AND ($2::text IS NULL OR "
	    "bonus_indicator IS NULL) RETURNING version", 3, false },
	[STMT_AUDIT_ATTACHMENTS] = { "db_audit_attachments",
	    "SELECT f.id, f.indicator_code, f.file_name, f.content_type, f.size, "
	    "u.name, to_char(f.uploaded_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI') FROM audit_attachments f JOIN users u ON u.id "
	    "= f.uploaded_by WHERE f.audit_id = $1 ORDER BY f.id", 1, true },
	[STMT_AUDIT_ATTACHMENT_INSERT] = { "db_audit_attachment_insert",
	    "INSERT INTO audit_attachments (audit_id, indicator_code, "
	    "blob_sha256, file_name, content_type, size, uploaded_by) VALUES ($1, "
	    "$2, $3, $4, $5, $6, $7) RETURNING id", 7, false },
	[STMT_AUDIT_ATTACHMENT_GET] = { "db_audit_attachment_get",
	    "SELECT audit_id, blob_sha256, file_name, content_type FROM "
	    "audit_attachments WHERE id = $1", 1, true },
	[STMT_INDICATOR_BY_POSITION] = { "db_indicator_by_position",
	    "SELECT code FROM indicators WHERE position = $1", 1, true },
	/* $1 audit, $2 its scheme version: unscored indicators, applicable ones, serious open nonconformities */
	[STMT_AUDIT_REPORT_FACTS] = { "db_audit_report_facts",
	    "SELECT (SELECT count(*) FROM scheme_points p WHERE p.version = $2 "
	    "AND NOT EXISTS (SELECT 1 FROM audit_scores s WHERE s.audit_id = $1 "
	    "AND s.indicator_code = p.indicator_code)), (SELECT count(*) FROM "
	    "audit_scores s WHERE s.audit_id = $1 AND s.kind <> 'excluded'), "
	    "(SELECT count(*) FROM nonconformities n WHERE n.audit_id = $1 AND "
	    "n.severity = 'serious' AND n.state <> 'closed')", 2, true },
	[STMT_AUDIT_REPORT] = { "db_audit_report",
	    "UPDATE audits SET state = 'reported', reported_at = now(), "
	    "reported_by = $2, version = version + 1 WHERE id = $1 AND state = "
	    "'confirmed' RETURNING version", 2, false },
	[STMT_NCS_OF_AUDIT] = { "db_ncs_of_audit",
	    "SELECT n.id, i.name_zh, i.name_en, n.description, n.severity, "
	    "n.state, n.due_date::text, n.version, u.name, n.state <> 'closed' "
	    "AND n.due_date < current_date FROM nonconformities n JOIN indicators "
	    "i ON i.code = n.indicator_code JOIN users u ON u.id = n.raised_by "
	    "WHERE n.audit_id = $1 ORDER BY n.id", 1, true },
	[STMT_NC_ANSWERS_OF_AUDIT] = { "db_nc_answers_of_audit",
	    "SELECT x.nonconformity_id, x.cause, x.correction, "
	    "x.corrective_action, a.name, to_char(x.answered_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), coalesce(x.verdict, ''), "
	    "x.verify_comment, coalesce(v.name, ''), "
	    "coalesce(to_char(x.verified_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI'), '') FROM nonconformity_answers x JOIN "
	    "nonconformities n ON n.id = x.nonconformity_id JOIN users a ON a.id "
	    "= x.answered_by LEFT JOIN users v ON v.id = x.verified_by WHERE "
	    "n.audit_id = $1 ORDER BY x.id", 1, true },
	[STMT_NC_FILES_OF_AUDIT] = { "db_nc_files_of_audit",
	    "SELECT f.id, f.nonconformity_id, f.file_name, f.content_type, "
	    "to_char(f.uploaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD "
	    "HH24:MI') FROM nonconformity_files f JOIN nonconformities n ON n.id "
	    "= f.nonconformity_id WHERE n.audit_id = $1 ORDER BY f.id", 1, true },
	/* No row when the indicator is not in the audit's scheme. */
	[STMT_NC_INSERT] = { "db_nc_insert",
	    "INSERT INTO nonconformities (audit_id, indicator_code, description, "
	    "severity, due_date, raised_by) SELECT $1, $2, $3, $4, $5, $6 FROM "
	    "audits au JOIN scheme_points p ON p.version = au.scheme_version AND "
	    "p.indicator_code = $2 WHERE au.id = $1 RETURNING id", 6, false },
	[STMT_NC_GET] = { "db_nc_get",
	    "SELECT audit_id, state FROM nonconformities WHERE id = $1", 1, true },
	[STMT_NC_LOCK] = { "db_nc_lock",
	    "SELECT state FROM nonconformities WHERE id = $1 FOR UPDATE", 1, false },
	/* $1 nonconformity, $2 cause, $3 correction, $4 corrective action, $5 who */
	[STMT_NC_ANSWER] = { "db_nc_answer",
	    "WITH a AS (INSERT INTO nonconformity_answers (nonconformity_id, "
	    "cause, correction, corrective_action, answered_by) VALUES ($1, $2, "
	    "$3, $4, $5) RETURNING id) UPDATE nonconformities SET state = "
	    "'answered', version = version + 1 WHERE id = $1 AND state IN "
	    "('open', 'returned') AND EXISTS (SELECT 1 FROM a) RETURNING version", 5, false },
	/* $1 nonconformity, $2 closed or returned, $3 comment, $4 team member */
	[STMT_NC_VERIFY] = { "db_nc_verify",
	    "WITH x AS (UPDATE nonconformity_answers SET verdict = $2, "
	    "verify_comment = $3, verified_by = $4, verified_at = now() WHERE id "
	    "= (SELECT max(id) FROM nonconformity_answers WHERE nonconformity_id "
	    "= $1) AND verdict IS NULL RETURNING id) UPDATE nonconformities SET "
	    "state = $2, version = version + 1 WHERE id = $1 AND state = "
	    "'answered' AND EXISTS (SELECT 1 FROM x) RETURNING version", 4, false },
	[STMT_NC_FILE_INSERT] = { "db_nc_file_insert",
	    "INSERT INTO nonconformity_files (nonconformity_id, blob_sha256, "
	    "file_name, content_type, size, uploaded_by) VALUES ($1, $2, $3, $4, "
	    "$5, $6) RETURNING id", 6, false },
	[STMT_NC_FILE_GET] = { "db_nc_file_get",
	    "SELECT nonconformity_id, blob_sha256, file_name, content_type FROM "
	    "nonconformity_files WHERE id = $1", 1, true },
	[STMT_CONFLICTS_OF_USER] = { "db_conflicts_of_user",
	    "SELECT id, credit_code, organization, relation, from_date::text, "
	    "coalesce(to_date::text, ''), note FROM auditor_conflicts WHERE "
	    "user_id = $1 ORDER BY from_date DESC, id DESC", 1, true },
	[STMT_CONFLICT_INSERT] = { "db_conflict_insert",
	    "INSERT INTO auditor_conflicts (user_id, credit_code, organization, "
	    "relation, from_date, to_date, note) VALUES ($1, $2, $3, $4, $5, $6, "
	    "$7) RETURNING id", 7, false },
	[STMT_CONFLICT_DELETE] = { "db_conflict_delete",
	    "DELETE FROM auditor_conflicts WHERE id = $1 AND user_id = $2 "
	    "RETURNING credit_code || ' ' || organization", 2, false },
	[STMT_ADJUSTMENTS_OF_AUDIT] = { "db_adjustments_of_audit",
	    "SELECT a.indicator_code, a.adjusted_tenths, a.reason, u.name, "
	    "to_char(a.adjusted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD "
	    "HH24:MI'), i.name_zh, i.name_en, coalesce(CASE s.kind WHEN 'points' "
	    "THEN (s.obtained_tenths / 10.0)::numeric(5,1)::text WHEN 'sampled' "
	    "THEN s.nonconforming || '/' || s.checked ELSE s.kind END, '') FROM "
	    "score_adjustments a JOIN indicators i ON i.code = a.indicator_code "
	    "JOIN users u ON u.id = a.adjusted_by LEFT JOIN audit_scores s ON "
	    "s.audit_id = a.audit_id AND s.indicator_code = a.indicator_code "
	    "WHERE a.audit_id = $1 ORDER BY i.position", 1, true },
	/* $1 audit, $2 indicators (text[]), $3 tenths (integer[]), $4 reasons (text[]), $5 evaluator */
	[STMT_ADJUSTMENTS_SAVE] = { "db_adjustments_save",
	    "INSERT INTO score_adjustments (audit_id, indicator_code, "
	    "adjusted_tenths, reason, adjusted_by) SELECT $1, v.c, v.t, v.r, $5 "
	    "FROM unnest($2::text[], $3::integer[], $4::text[]) AS v (c, t, r)", 5, false },
	[STMT_EVALUATION_GET] = { "db_evaluation_get",
	    "SELECT e.evaluator_id, u.name, e.recommendation, coalesce(e.level, "
	    "''), e.final_tenths, e.comment, to_char(e.evaluated_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM evaluations e JOIN users "
	    "u ON u.id = e.evaluator_id WHERE e.audit_id = $1", 1, true },
	/* $1 audit, $2 evaluator, $3 recommendation, $4 level (NULL when refusing), $5 final score, $6 comment */
	[STMT_EVALUATION_INSERT] = { "db_evaluation_insert",
	    "INSERT INTO evaluations (audit_id, evaluator_id, recommendation, "
	    "level, final_tenths, comment) VALUES ($1, $2, $3, $4, $5, $6)", 6, false },
	[STMT_AUDIT_MOVE] = { "db_audit_move",
	    "UPDATE audits SET state = $3, version = version + 1 WHERE id = $1 "
	    "AND state = $2 RETURNING version", 3, false },
	[STMT_DECISION_INSERT] = { "db_decision_insert",
	    "INSERT INTO decisions (audit_id, supervisor_id, outcome, comment) "
	    "VALUES ($1, $2, $3, $4)", 4, false },
	[STMT_DECISION_GET] = { "db_decision_get",
	    "SELECT u.name, d.outcome, d.comment, to_char(d.decided_at AT TIME "
	    "ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM decisions d JOIN "
	    "users u ON u.id = d.supervisor_id WHERE d.audit_id = $1", 1, true },
	/* The row lock orders concurrent approvals: each gets the next serial. */
	[STMT_CERT_SERIAL_NEXT] = { "db_cert_serial_next",
	    "INSERT INTO certificate_serials (year, last) VALUES ($1, 1) ON "
	    "CONFLICT (year) DO UPDATE SET last = certificate_serials.last + 1 "
	    "RETURNING last", 1, false },
	/* $1 number, $2 audit, $3 issue, $4 expiry, $5 and $6 surveillance due */
	[STMT_CERTIFICATE_INSERT] = { "db_certificate_insert",
	    "INSERT INTO certificates (number, organization_id, application_id, "
	    "audit_id, issue_date, expiry_date, surveillance1_due, "
	    "surveillance2_due) SELECT $1, a.organization_id, a.id, au.id, $3, "
	    "$4, $5, $6 FROM audits au JOIN applications a ON a.id = "
	    "au.application_id WHERE au.id = $2 RETURNING id", 6, false },
	/* The printed facts of the certificate's current version: $1 certificate, $2 level, $3 standard */
	[STMT_CERTIFICATE_VERSION_INSERT] = { "db_certificate_version_insert",
	    "INSERT INTO certificate_versions (certificate_id, version, org_name, "
	    "credit_code, address, scope, standard, level, issue_date, "
	    "expiry_date) SELECT c.id, c.version, o.name, o.credit_code, "
	    "o.address, a.scope, $3, $2, c.issue_date, c.expiry_date FROM "
	    "certificates c JOIN organizations o ON o.id = c.organization_id JOIN "
	    "applications a ON a.id = c.application_id WHERE c.id = $1", 3, false },
	[STMT_CERTIFICATE_OF_AUDIT] = { "db_certificate_of_audit",
	    "SELECT id, number FROM certificates WHERE audit_id = $1", 1, true },
	[STMT_CERTIFICATE_GET] = { "db_certificate_get",
	    "SELECT c.id, c.number, c.organization_id, c.status, c.version, "
	    "to_char(c.issue_date, 'YYYY-MM-DD'), to_char(c.expiry_date, 'YYYY-MM-DD'), c.surveillance1_due::text, "
	    "c.surveillance2_due::text, v.org_name, v.credit_code, v.address, "
	    "v.scope, v.standard, v.level, coalesce(v.pdf_sha256, ''), "
	    "c.expiry_date < (now() AT TIME ZONE 'Asia/Shanghai')::date FROM "
	    "certificates c JOIN certificate_versions v ON v.certificate_id = "
	    "c.id AND v.version = c.version WHERE c.id = $1", 1, true },
	[STMT_CERTIFICATE_BY_NUMBER] = { "db_certificate_by_number",
	    "SELECT c.id, c.number, c.organization_id, c.status, c.version, "
	    "to_char(c.issue_date, 'YYYY-MM-DD'), to_char(c.expiry_date, 'YYYY-MM-DD'), c.surveillance1_due::text, "
	    "c.surveillance2_due::text, v.org_name, v.credit_code, v.address, "
	    "v.scope, v.standard, v.level, coalesce(v.pdf_sha256, ''), "
	    "c.expiry_date < (now() AT TIME ZONE 'Asia/Shanghai')::date FROM "
	    "certificates c JOIN certificate_versions v ON v.certificate_id = "
	    "c.id AND v.version = c.version WHERE c.number = upper($1)", 1, true },
	[STMT_CERTIFICATE_VERSION_GET] = { "db_certificate_version_get",
	    "SELECT org_name, credit_code, level, to_char(issue_date, 'YYYY-MM-DD'), "
	    "to_char(expiry_date, 'YYYY-MM-DD') FROM certificate_versions WHERE certificate_id = "
	    "$1 AND version = $2", 2, true },
	[STMT_CERTIFICATE_PDF_SET] = { "db_certificate_pdf_set",
	    "UPDATE certificate_versions SET pdf_sha256 = $3 WHERE certificate_id "
	    "= $1 AND version = $2 AND pdf_sha256 IS NULL", 3, false },
	/* One search box: $1 a certificate number or credit code (exact, any case),
	 * or $2 part of an organization's name (LIKE-escaped); a page of rows.  Nothing
	 * private: number, name, level, scope, dates, status. */
	[STMT_REGISTER_SEARCH] = { "db_register_search",
	    "SELECT c.number, v.org_name, v.level, v.scope, c.issue_date::text, "
	    "c.expiry_date::text, c.status, "
	    "c.expiry_date < (now() AT TIME ZONE 'Asia/Shanghai')::date "
	    "FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id "
	    "AND v.version = c.version "
	    /* The hits first, each through its own index (an OR across the two
	     * tables would scan both); a very common name part stops at 1000
	     * hits, unsorted, so that it costs a bounded scan. */
	    "WHERE c.id IN (SELECT id FROM certificates WHERE number = upper($1) "
	    "UNION ALL SELECT certificate_id FROM certificate_versions WHERE credit_code = upper($1) "
	    "UNION ALL (SELECT certificate_id FROM certificate_versions "
	    "WHERE org_name LIKE '%' || $2 || '%' LIMIT 1000)) "
	    "ORDER BY c.issue_date DESC, c.id DESC" DB_PAGE_LIMIT, 2, true },
	/* The daily tick, each step idempotent: $1 today.  Certificates past their expiry date. */
	[STMT_TICK_EXPIRE] = { "db_tick_expire",
	    "WITH x AS (UPDATE certificates c SET status = 'expired' FROM (SELECT "
	    "id, status FROM certificates WHERE status IN ('valid', 'suspended') "
	    "AND expiry_date < $1::date FOR UPDATE) old WHERE c.id = old.id "
	    "RETURNING c.id, old.status), h AS (INSERT INTO certificate_history "
	    "(certificate_id, on_date, change, from_value, to_value, reason_code) "
	    "SELECT id, $1, 'status', status, 'expired', 'expired' FROM x), e AS (INSERT "
	    "INTO events (object_type, object_id, action, from_state, to_state, "
	    "detail) SELECT 'certificate', id, 'certificate.expired', status, "
	    "'expired', 'tick ' || $1 FROM x) "
	    "SELECT notify('certificate', id, 'certificate.expired', 'org', NULL) FROM x", 1, false },
	/* Surveillance due within $2 days of $1 opens a case (once per kind). */
	[STMT_TICK_OPEN] = { "db_tick_open",
	    "WITH due AS (SELECT c.id, k.kind, k.due FROM certificates c CROSS "
	    "JOIN LATERAL (VALUES ('surveillance_1', c.surveillance1_due), "
	    "('surveillance_2', c.surveillance2_due)) AS k (kind, due) WHERE "
	    "c.status IN ('valid', 'suspended') AND k.due - $2::integer <= "
	    "$1::date), x AS (INSERT INTO surveillance_cases (certificate_id, "
	    "kind, due_date, opened_on) SELECT id, kind, due, $1 FROM due ON "
	    "CONFLICT (certificate_id, kind) WHERE kind <> 'special' DO NOTHING "
	    "RETURNING certificate_id, kind, due_date), h AS (INSERT INTO "
	    "certificate_history (certificate_id, on_date, change, to_value, "
	    "reason) SELECT certificate_id, $1, 'surveillance_opened', kind, 'due "
	    "' || due_date FROM x), e AS (INSERT INTO events (object_type, object_id, "
	    "action, to_state, detail) SELECT 'certificate', certificate_id, "
	    "'surveillance.opened', kind, 'due ' || due_date FROM x) "
	    "SELECT notify('certificate', certificate_id, 'surveillance.opened', 'org', NULL) FROM x", 2, false },
	/* Open cases past their date ($1 today) become overdue. */
	[STMT_TICK_OVERDUE] = { "db_tick_overdue",
	    "WITH x AS (UPDATE surveillance_cases s SET state = 'overdue', "
	    "overdue_on = $1 WHERE s.state = 'open' AND s.due_date < $1::date "
	    /* Only while the certificate lives: cancelled or withdrawn ones are done with. */
	    "AND EXISTS (SELECT 1 FROM certificates c WHERE c.id = s.certificate_id "
	    "AND c.status IN ('valid', 'suspended')) "
	    "RETURNING certificate_id, kind, due_date), h AS (INSERT INTO "
	    "certificate_history (certificate_id, on_date, change, to_value, "
	    "reason) SELECT certificate_id, $1, 'surveillance_overdue', kind, "
	    "'due ' || due_date FROM x), e AS (INSERT INTO events (object_type, "
	    "object_id, action, to_state, detail) SELECT 'certificate', "
	    "certificate_id, 'surveillance.overdue', kind, 'due ' || due_date "
	    "FROM x) SELECT notify('certificate', certificate_id, 'surveillance.overdue', "
	    "'org', NULL) FROM x", 1, false },
	/* Surveillance overdue more than $2 days on $1: the certificate is suspended. */
	[STMT_TICK_SUSPEND] = { "db_tick_suspend",
	    "WITH x AS (UPDATE certificates c SET status = 'suspended', "
	    "suspended_on = $1 WHERE c.status = 'valid' AND EXISTS (SELECT 1 FROM "
	    "surveillance_cases s WHERE s.certificate_id = c.id AND s.state = "
	    "'overdue' AND s.due_date + $2::integer < $1::date) RETURNING c.id), "
	    "h AS (INSERT INTO certificate_history (certificate_id, on_date, "
	    "change, from_value, to_value, reason_code) SELECT id, $1, 'status', "
	    "'valid', 'suspended', 'surveillance_overdue' FROM x), e AS (INSERT INTO "
	    "events (object_type, object_id, action, from_state, to_state, "
	    "detail) SELECT 'certificate', id, 'certificate.suspended', 'valid', "
	    "'suspended', 'surveillance overdue; tick ' || $1 FROM x) "
	    "SELECT notify('certificate', id, 'certificate.suspended', 'org', NULL) FROM x", 2, false },
	/* Suspended longer than $2 days on $1: withdrawn. */
	[STMT_TICK_WITHDRAW] = { "db_tick_withdraw",
	    "WITH x AS (UPDATE certificates SET status = 'withdrawn' WHERE status "
	    "= 'suspended' AND suspended_on + $2::integer < $1::date RETURNING "
	    "id), h AS (INSERT INTO certificate_history (certificate_id, on_date, "
	    "change, from_value, to_value, reason_code) SELECT id, $1, 'status', "
	    "'suspended', 'withdrawn', 'suspension_too_long' FROM x), e AS (INSERT INTO "
	    "events (object_type, object_id, action, from_state, to_state, "
	    "detail) SELECT 'certificate', id, 'certificate.withdrawn', "
	    "'suspended', 'withdrawn', 'suspended too long; tick ' || $1 FROM x) "
	    "SELECT notify('certificate', id, 'certificate.withdrawn', 'org', NULL) FROM x", 2, false },
	/* Certificates expiring within $2 days of $1 whose holders were not yet told. */
	[STMT_TICK_EXPIRY_NOTICE] = { "db_tick_expiry_notice",
	    "WITH x AS (UPDATE certificates SET expiry_notice_on = $1 WHERE status "
	    "IN ('valid', 'suspended') AND expiry_notice_on IS NULL AND expiry_date "
	    "- $2::integer <= $1::date AND expiry_date >= $1::date RETURNING id, "
	    "expiry_date) SELECT notify('certificate', id, 'certificate.expiry_ahead', "
	    "'org', NULL) FROM x", 2, false },
	/* $1 certificate, $2 the status it must have, $3 the new one, $4 today */
	[STMT_CERT_STATUS_SET] = { "db_cert_status_set",
	    "UPDATE certificates SET status = $3, suspended_on = CASE WHEN $3 = "
	    "'suspended' THEN $4::date ELSE suspended_on END WHERE id = $1 AND "
	    "status = $2 AND expiry_date >= $4::date RETURNING id", 4, false },
	/* $1 certificate, $2 date, $3 change, $4 from, $5 to, $6 reason code, $7 reason, $8 who */
	/* Reinstating accepts the corrective evidence for the overdue surveillance. */
	[STMT_SURVEILLANCE_SETTLE] = { "db_surveillance_settle",
	    "UPDATE surveillance_cases SET state = 'done' WHERE certificate_id = $1 "
	    "AND state = 'overdue' AND (SELECT reason_code FROM certificate_history "
	    "WHERE certificate_id = $1 AND to_value = 'suspended' ORDER BY id DESC "
	    "LIMIT 1) = 'surveillance_overdue'", 1, false },
	[STMT_CERT_HISTORY_ADD] = { "db_cert_history_add",
	    "INSERT INTO certificate_history (certificate_id, on_date, change, "
	    "from_value, to_value, reason_code, reason, actor_id) VALUES ($1, $2, "
	    "$3, $4, $5, $6, $7, $8)", 8, false },
	[STMT_CERT_HISTORY] = { "db_cert_history",
	    "SELECT h.on_date::text, h.change, coalesce(h.from_value, ''), "
	    "coalesce(h.to_value, ''), coalesce(h.reason_code, ''), h.reason, "
	    "coalesce(u.name, '') FROM certificate_history h LEFT JOIN users u ON "
	    "u.id = h.actor_id WHERE h.certificate_id = $1 ORDER BY h.id DESC", 1, true },
	/* A surveillance case with its certificate and the audit planned for it (0: none). */
	[STMT_SURVEILLANCE_CASE_GET] = { "db_surveillance_case_get",
	    "SELECT s.id, s.certificate_id, s.kind, s.state, c.application_id, c.status, "
	    "coalesce((SELECT a.id FROM audits a WHERE a.case_id = s.id), 0) "
	    "FROM surveillance_cases s JOIN certificates c ON c.id = s.certificate_id "
	    "WHERE s.id = $1", 1, true },
	/* A surveillance audit's case and certificate, locked: case, certificate, status, level. */
	[STMT_AUDIT_CASE] = { "db_audit_case",
	    "SELECT s.id, c.id, c.status, v.level FROM audits a "
	    "JOIN surveillance_cases s ON s.id = a.case_id "
	    "JOIN certificates c ON c.id = s.certificate_id "
	    "JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = c.version "
	    "WHERE a.id = $1 FOR UPDATE OF c, s", 1, false },
	[STMT_CASE_DONE] = { "db_case_done",
	    "UPDATE surveillance_cases SET state = 'done' WHERE id = $1 "
	    "AND state IN ('open', 'overdue')", 1, false },
	/* A new version of the printed facts with level $2; older prints verify as superseded. */
	[STMT_CERTIFICATE_LEVEL_VERSION] = { "db_certificate_level_version",
	    "WITH c AS (UPDATE certificates SET version = version + 1 WHERE id = $1 "
	    "RETURNING id, version) INSERT INTO certificate_versions (certificate_id, version, "
	    "org_name, credit_code, address, scope, standard, level, issue_date, expiry_date) "
	    "SELECT c.id, c.version, v.org_name, v.credit_code, v.address, v.scope, v.standard, "
	    "$2, v.issue_date, v.expiry_date FROM c JOIN certificate_versions v "
	    "ON v.certificate_id = c.id AND v.version = c.version - 1", 2, false },
	/* Recertification: $1 organization, $2 window (days), $3 today, $4 an application
	 * not to count: certificates in the window, recertifications in progress. */
	[STMT_RECERTIFICATION_FACTS] = { "db_recertification_facts",
	    "SELECT (SELECT count(*) FROM certificates WHERE organization_id = $1 "
	    "AND status IN ('valid', 'suspended') AND expiry_date >= $3::date "
	    "AND expiry_date - $2::integer <= $3::date), "
	    "(SELECT count(*) FROM applications a WHERE a.organization_id = $1 "
	    "AND a.kind = 'recertification' AND a.id <> coalesce($4::bigint, 0) "
	    "AND a.state <> 'declined' AND NOT EXISTS (SELECT 1 FROM certificates c "
	    "WHERE c.application_id = a.id))", 4, true },
	/* A recertification's certificate ($1) continues the organization's live one
	 * expiring first, which ends as replaced; returns it with its old status. */
	[STMT_CERTIFICATES_REPLACE] = { "db_certificates_replace",
	    "WITH old AS (SELECT o.id, o.status FROM certificates o JOIN certificates n "
	    "ON n.id = $1 AND o.organization_id = n.organization_id AND o.id <> n.id "
	    "JOIN applications a ON a.id = n.application_id AND a.kind = 'recertification' "
	    /* The one being renewed: the live certificate that expires first. */
	    "WHERE o.status IN ('valid', 'suspended') ORDER BY o.expiry_date, o.id LIMIT 1 "
	    "FOR UPDATE OF o), "
	    "r AS (UPDATE certificates c SET status = 'replaced' FROM old WHERE c.id = old.id "
	    "RETURNING c.id), n AS (UPDATE certificates SET replaces_id = (SELECT min(id) "
	    "FROM old) WHERE id = $1 AND EXISTS (SELECT 1 FROM old)) "
	    "SELECT id::text, status FROM old", 1, false },
	/* Certificates for the list, filtered ($1-$5), newest first, one more than shown. */
	[STMT_CERTIFICATES_LIST] = { "db_certificates_list",
	    "SELECT c.id, c.number, v.org_name, v.level, c.status, "
	    "to_char(c.issue_date, 'YYYY-MM-DD'), to_char(c.expiry_date, 'YYYY-MM-DD'), "
	    "c.expiry_date < (now() AT TIME ZONE 'Asia/Shanghai')::date, "
	    "(SELECT min(s.due_date)::text FROM surveillance_cases s WHERE s.certificate_id = c.id "
	    "AND s.state IN ('open', 'overdue')) "
	    "FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id "
	    "AND v.version = c.version WHERE " CERT_FILTER
	    "ORDER BY c.id DESC LIMIT " DB_STR(DB_CERTIFICATES_ROWS) " + 1", 5, true,
	    OPTIONAL(1) | OPTIONAL(2) | OPTIONAL(4) | OPTIONAL(5), .plan_with = OPTIONAL(2) },
	/* The same, every row, with what the register prints. */
	[STMT_CERTIFICATES_EXPORT] = { "db_certificates_export",
	    "SELECT c.number, v.org_name, v.credit_code, v.address, v.scope, v.level, "
	    CERT_STATUS_NOW ", to_char(c.issue_date, 'YYYY-MM-DD'), "
	    "to_char(c.expiry_date, 'YYYY-MM-DD'), s.due::text "
	    "FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id "
	    "AND v.version = c.version "
	    /* Every row: the open surveillance in one pass, not a look-up per certificate. */
	    "LEFT JOIN (SELECT certificate_id, min(due_date) AS due FROM surveillance_cases "
	    "WHERE state IN ('open', 'overdue') GROUP BY certificate_id) s ON s.certificate_id = c.id "
	    "WHERE " CERT_FILTER "ORDER BY c.id DESC", 5, true, .plan_always = true },
	/*
	 * The regulator's monthly report: every change of a certificate's
	 * status or level dated in [$1, $2), in order: date, event, number,
	 * name, credit code and level as printed then (the version current at
	 * the change), the status after it, reason code, reason, issue and
	 * expiry dates.
	 */
	[STMT_REPORT_MONTHLY] = { "db_report_monthly",
	    "SELECT h.on_date::text, " REPORT_EVENT ", c.number, v.org_name, v.credit_code, "
	    "CASE WHEN h.change = 'level' THEN h.to_value ELSE v.level END, "
	    "(SELECT s.to_value FROM certificate_history s WHERE s.certificate_id = h.certificate_id "
	    "AND s.change IN ('issued', 'status') AND s.id <= h.id ORDER BY s.id DESC LIMIT 1), "
	    "coalesce(h.reason_code, ''), h.reason, c.issue_date::text, c.expiry_date::text "
	    "FROM certificate_history h JOIN certificates c ON c.id = h.certificate_id "
	    "CROSS JOIN LATERAL (SELECT org_name, credit_code, level FROM certificate_versions x "
	    "WHERE x.certificate_id = c.id ORDER BY (x.created_at <= h.created_at) DESC, "
	    "x.version DESC LIMIT 1) v "
	    "WHERE h.on_date >= $1::date AND h.on_date < $2::date "
	    "AND h.change IN ('issued', 'status', 'level') ORDER BY h.on_date, h.id", 2, true,
	    .plan_always = true },
	/* How many of each event the month [$1, $2) had. */
	[STMT_REPORT_MONTHLY_COUNTS] = { "db_report_monthly_counts",
	    "SELECT " REPORT_EVENT ", count(*) FROM certificate_history h "
	    "WHERE h.on_date >= $1::date AND h.on_date < $2::date "
	    "AND h.change IN ('issued', 'status', 'level') GROUP BY 1", 2, true, .plan_always = true },
	/* For an export, until the end of its transaction: a longer statement timeout ($1).
	 * (JIT is off for every connection: compiling took 0.6 s of a 10^5-row export.) */
	[STMT_EXPORT_SETTINGS] = { "db_export_settings",
	    "SELECT set_config('statement_timeout', $1, true)", 1, false },
	/* A special surveillance (after complaints...): $1 certificate, $2 today. */
	[STMT_SPECIAL_CASE_OPEN] = { "db_special_case_open",
	    "INSERT INTO surveillance_cases (certificate_id, kind, due_date, opened_on) "
	    "SELECT id, 'special', $2, $2 FROM certificates WHERE id = $1 "
	    "AND status IN ('valid', 'suspended') RETURNING id", 2, false },
	/* Cases of a certificate with the audit planned for each (0: none). */
	[STMT_SURVEILLANCE_OF_CERTIFICATE] = { "db_surveillance_of_certificate",
	    "SELECT s.kind, s.due_date::text, s.state, s.opened_on::text, s.id, "
	    "coalesce((SELECT a.id FROM audits a WHERE a.case_id = s.id), 0) "
	    "FROM surveillance_cases s WHERE s.certificate_id = $1 ORDER BY s.due_date, s.id",
	    1, true },
	[STMT_ORGANIZATION_CODE_TAKEN] = { "db_organization_code_taken",
	    "SELECT EXISTS (SELECT 1 FROM organizations WHERE credit_code = $1)",
	    1, true },
	/* $1 object type, $2 id, $3 kind, $4 audience, $5 actor (or NULL): see notify() in 0010. */
	[STMT_NOTIFY] = { "db_notify",
	    "SELECT notify($1, $2::bigint, $3, $4, $5::bigint)", 5, false },
	/* A user's notifications, newest first, before id $2 (NULL: from the top); a page of rows. */
	[STMT_NOTIFICATIONS_LIST] = { "db_notifications_list",
	    "SELECT id, kind, subject, link, to_char(created_at AT TIME ZONE "
	    "'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), read_at IS NULL FROM "
	    "notifications WHERE user_id = $1 AND ($2::bigint IS NULL OR id < $2) "
	    "ORDER BY id DESC" DB_PAGE_LIMIT, 2, true, OPTIONAL(2) },
	/* Open one: mark it read and say where it leads. */
	[STMT_NOTIFICATION_READ] = { "db_notification_read",
	    "UPDATE notifications SET read_at = coalesce(read_at, now()) "
	    "WHERE id = $1 AND user_id = $2 RETURNING link", 2, false },
	/* Mark read everything up to the newest one the user saw ($2). */
	[STMT_NOTIFICATIONS_READ_ALL] = { "db_notifications_read_all",
	    "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND "
	    "read_at IS NULL AND id <= $2", 2, false },
	/*
	 * The next e-mail due, locked for this sender (others skip it): id,
	 * address, kind, subject, link, lang, attempts.  To the user's address
	 * as it is now; none while the user is disabled or has e-mail off.
	 */
	[STMT_OUTBOX_NEXT] = { "db_outbox_next",
	    "SELECT o.id, u.email, n.kind, n.subject, n.link, coalesce(u.lang, ''), "
	    "o.attempts FROM outbox o JOIN notifications n ON n.id = o.notification_id "
	    "JOIN users u ON u.id = n.user_id WHERE o.sent_at IS NULL AND NOT o.failed "
	    "AND o.next_attempt_at <= now() AND NOT u.disabled AND u.email_notify "
	    "ORDER BY o.next_attempt_at, o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED", 0, false },
	[STMT_OUTBOX_SENT] = { "db_outbox_sent",
	    "UPDATE outbox SET sent_at = now(), attempts = attempts + 1, "
	    "last_error = NULL WHERE id = $1", 1, false },
	/* A failed attempt ($2 the error, $3 the most attempts): wait 1, 2, 4... minutes,
	 * at most 6 hours (the power capped too: 2^38 minutes is no interval). */
	[STMT_OUTBOX_RETRY] = { "db_outbox_retry",
	    "UPDATE outbox SET attempts = attempts + 1, last_error = left($2, 1000), "
	    "failed = attempts + 1 >= $3::integer, next_attempt_at = now() + "
	    "least(interval '1 minute' * power(2, least(attempts, 9)), interval '6 hours') "
	    "WHERE id = $1 RETURNING failed", 3, false },

	/*
	 * Staff search: $1 the words, $2 the same LIKE-escaped, $3 an application
	 * number (or NULL).  At most 10 organizations, 10 applications and 10
	 * certificates, best first: kind, id, title, detail, state, past expiry,
	 * level.  Each hit goes through its own index (credit code and number
	 * btrees, trigram GIN on names; exact ones rank first, then names that
	 * begin with the words, then trigram similarity).
	 */
	[STMT_SEARCH] = { "db_search",
	    "WITH o AS MATERIALIZED (SELECT id, name, credit_code, "
	    "(credit_code = upper($1))::int * 4 + (name = $1)::int * 2 + "
	    "(name LIKE $2 || '%')::int + similarity(name, $1) AS rank "
	    "FROM organizations WHERE credit_code = upper($1) OR name LIKE '%' || $2 || '%' "
	    "ORDER BY rank DESC, id DESC LIMIT 50) "
	    "(SELECT 'organization', id, name, credit_code, '', false, '' FROM o "
	    "ORDER BY rank DESC, id DESC LIMIT 10) "
	    "UNION ALL (SELECT 'application', a.id, og.name, to_char(a.submitted_at AT TIME "
	    "ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), a.state, false, a.kind FROM applications a "
	    "JOIN organizations og ON og.id = a.organization_id WHERE a.state <> 'draft' AND "
	    "a.id = ANY (ARRAY(SELECT $3::bigint UNION ALL SELECT x.id FROM o CROSS JOIN "
	    "LATERAL (SELECT id FROM applications WHERE organization_id = o.id ORDER BY id "
	    "DESC LIMIT 10) x)) ORDER BY (a.id = $3::bigint) DESC, a.id DESC LIMIT 10) "
	    "UNION ALL (SELECT 'certificate', c.id, c.number, v.org_name, c.status, "
	    "c.expiry_date < (now() AT TIME ZONE 'Asia/Shanghai')::date, v.level "
	    "FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id AND "
	    "v.version = c.version WHERE c.id = ANY (ARRAY(SELECT id FROM certificates "
	    "WHERE number LIKE upper($2) || '%' UNION SELECT certificate_id FROM "
	    "certificate_versions WHERE credit_code = upper($1) UNION (SELECT certificate_id "
	    "FROM certificate_versions WHERE org_name LIKE '%' || $2 || '%' ORDER BY "
	    "certificate_id DESC LIMIT 200))) ORDER BY (c.number = upper($1)) DESC, "
	    "c.status = 'valid' DESC, c.id DESC LIMIT 10)", 3, true, .plan_always = true },


	/* A reviewer ($1, $2 review_overdue_days): what I hold in review, oldest first... */
	[STMT_DASHBOARD_REVIEWER] = { "db_dashboard_reviewer", DASH_ROWS(
	    "(SELECT 'wait'::text, 'review_held'::text" DASH_OF_APPLICATION("x") " FROM "
	    "(SELECT row_number() OVER (ORDER BY a.queued_at, a.id) AS ord, a.id, "
	    "a.organization_id, a.state, " LOCAL_DAY("a.queued_at") " AS day, "
	    DAYS_SINCE("a.queued_at") " AS n, a.queued_at < now() - make_interval(days "
	    "=> $2) AS flag, a.kind AS extra FROM applications a WHERE a.reviewer_id = $1 "
	    "AND a.state = 'in_review' ORDER BY a.queued_at, a.id LIMIT " DASH_WAIT_ROWS
	    ") x" DASH_ORGANIZATION("x") ")"
	    /* ... and the next ones in the queue. */
	    " UNION ALL (SELECT 'wait', 'review_next'" DASH_OF_APPLICATION("x") " FROM "
	    "(SELECT row_number() OVER (ORDER BY a.queued_at, a.id) AS ord, a.id, "
	    "a.organization_id, a.state, " LOCAL_DAY("a.queued_at") " AS day, "
	    DAYS_SINCE("a.queued_at") " AS n, a.queued_at < now() - make_interval(days "
	    "=> $2) AS flag, a.kind AS extra FROM applications a WHERE a.state IN "
	    "('submitted', 'resubmitted') ORDER BY a.queued_at, a.id LIMIT 3) x"
	    DASH_ORGANIZATION("x") ")"), 2, true },
	/* An auditor ($1): audits I am on, to confirm or to score (flag: I lead it)... */
	[STMT_DASHBOARD_AUDITOR] = { "db_dashboard_auditor", DASH_ROWS(
	    "(SELECT 'wait'::text, 'audit_team'::text, x.ord, x.id, 0::bigint, o.name, "
	    "x.state, " DAY("x.start_date") ", (x.start_date - " TODAY ")::bigint, "
	    "0::bigint, x.leader, x.kind FROM (SELECT row_number() OVER (ORDER BY "
	    "au.start_date, au.id) AS ord, au.id, au.application_id, au.state, "
	    "au.start_date, au.kind, m.leader FROM audit_members m JOIN audits au ON "
	    "au.id = m.audit_id WHERE m.user_id = $1 AND au.state IN ('planned', "
	    "'confirmed') ORDER BY au.start_date, au.id LIMIT " DASH_WAIT_ROWS ") x"
	    DASH_APPLICATION("x") ")"
	    /* ... answered nonconformities of my audits, to verify (state: the
	     * severity, extra: the finding's beginning)... */
	    " UNION ALL (SELECT 'wait', 'nc_verify', x.ord, x.id, x.audit_id, o.name, "
	    "x.severity, " DAY("x.due_date") ", x.due_date - " TODAY ", 0, false, "
	    "left(x.description, 60) FROM (SELECT row_number() OVER (ORDER BY n.due_date, "
	    "n.id) AS ord, n.id, n.audit_id, au.application_id, n.description, n.due_date, "
	    "n.severity FROM "
	    "audit_members m JOIN nonconformities n ON n.audit_id = m.audit_id JOIN "
	    "audits au ON au.id = n.audit_id WHERE m.user_id = $1 AND n.state = "
	    "'answered' ORDER BY n.due_date, n.id LIMIT " DASH_WAIT_ROWS ") x"
	    DASH_APPLICATION("x") ")"
	    /* ... and my audits on the calendar (ord: the day from Monday; the page places them by day). */
	    " UNION ALL (SELECT 'cal', 'mine', au.start_date - " MONDAY ", au.id, 0, "
	    "o.name, au.state, " DAY("au.start_date") ", 0, 0, true, au.kind FROM "
	    "audit_members m JOIN audits au ON au.id = m.audit_id" DASH_APPLICATION("au")
	    " WHERE m.user_id = $1 AND au.state IN ('planned', 'confirmed') AND "
	    "au.start_date >= " MONDAY " AND au.start_date < " MONDAY " + "
	    DASH_CALENDAR_DAYS ")"), 1, true },
	/* An evaluator ($1): reported audits of teams I was not on, by audit date. */
	[STMT_DASHBOARD_EVALUATOR] = { "db_dashboard_evaluator", DASH_ROWS(
	    "SELECT 'wait'::text, 'evaluate'::text, x.ord, x.id, 0::bigint, o.name, "
	    "x.state, " LOCAL_DAY("x.reported_at") ", (" DAYS_SINCE("x.reported_at")
	    ")::bigint, 0::bigint, false, x.kind FROM (SELECT row_number() OVER (ORDER BY "
	    "au.start_date, au.id) AS ord, au.id, au.application_id, au.state, "
	    "au.reported_at, au.kind FROM audits au WHERE au.state = 'reported' AND NOT "
	    "EXISTS (SELECT 1 FROM audit_members m WHERE m.audit_id = au.id AND "
	    "m.user_id = $1) ORDER BY au.start_date, au.id LIMIT " DASH_WAIT_ROWS ") x"
	    DASH_APPLICATION("x")), 1, true },
	/*
	 * A supervisor ($1): evaluated audits I may decide (not on the team,
	 * not the evaluator; state: the recommended level or refuse)...
	 */
	[STMT_DASHBOARD_SUPERVISOR] = { "db_dashboard_supervisor", DASH_ROWS(
	    "(SELECT 'wait'::text, 'decide'::text, x.ord, x.id, 0::bigint, o.name, "
	    "coalesce(e.level, 'refuse'), " LOCAL_DAY("e.evaluated_at") ", ("
	    DAYS_SINCE("e.evaluated_at") ")::bigint, 0::bigint, false, x.kind FROM "
	    "(SELECT row_number() OVER (ORDER BY au.start_date, au.id) AS ord, au.id, "
	    "au.application_id, au.kind FROM audits au WHERE au.state = 'evaluated' AND "
	    "NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.audit_id = au.id AND "
	    "e.evaluator_id = $1) AND NOT EXISTS (SELECT 1 FROM audit_members m WHERE "
	    "m.audit_id = au.id AND m.user_id = $1) ORDER BY au.start_date, au.id LIMIT "
	    DASH_WAIT_ROWS ") x JOIN evaluations e ON e.audit_id = x.id"
	    DASH_APPLICATION("x") ")"
	    /* ... accepted applications without an audit plan (total: man-days)... */
	    " UNION ALL (SELECT 'wait', 'plan_application', x.ord, x.id, 0, o.name, "
	    "x.state, " LOCAL_DAY("x.decided_at") ", " DAYS_SINCE("x.decided_at") ", "
	    "x.halfdays, false, x.kind FROM (SELECT row_number() OVER (ORDER BY "
	    "a.decided_at, a.id) AS ord, a.id, a.organization_id, a.state, a.decided_at, "
	    "coalesce(a.mandays_halfdays, 0) AS halfdays, a.kind FROM applications a "
	    "WHERE a.state = 'accepted' AND NOT a.audit_planned ORDER BY a.decided_at, "
	    "a.id LIMIT " DASH_WAIT_ROWS ") x" DASH_ORGANIZATION("x") ")"
	    /* ... surveillance cases of live certificates without an audit. */
	    " UNION ALL (SELECT 'wait', 'plan_surveillance', x.ord, x.id, "
	    "x.certificate_id, o.name, x.state, " DAY("x.due_date") ", x.due_date - "
	    TODAY ", 0, x.state = 'overdue', x.kind FROM (SELECT row_number() OVER "
	    "(ORDER BY s.due_date, s.id) AS ord, s.id, s.certificate_id, "
	    "c.organization_id, s.state, s.due_date, s.kind FROM surveillance_cases s "
	    "JOIN certificates c ON c.id = s.certificate_id WHERE s.state IN ('open', "
	    "'overdue') AND NOT s.audit_planned AND c.status IN ('valid', 'suspended') "
	    "ORDER BY s.due_date, s.id LIMIT " DASH_WAIT_ROWS ") x"
	    DASH_ORGANIZATION("x") ")"), 1, true },
	/*
	 * What waits for an applicant's organization $1: drafts, supplement
	 * requests (n: items asked), audit plans to confirm and nonconformities
	 * to answer (with their dates; flag: past them; note: the finding).
	 * Dated ones first.
	 */
	[STMT_DASHBOARD_APPLICANT] = { "db_dashboard_applicant",
	    "SELECT kind, id, link, state, day, n, flag, extra, note FROM ("
	    "SELECT 'draft' AS kind, a.id, 0::bigint AS link, a.state, "
	    LOCAL_DAY("a.created_at") " AS day, 0::bigint AS n, false AS flag, "
	    "a.kind AS extra, ''::text AS note FROM applications a WHERE "
	    "a.organization_id = $1 AND a.state = 'draft' UNION ALL SELECT 'supplement', "
	    "a.id, 0, a.state, coalesce(" LOCAL_DAY("r.closed_at") ", ''), (SELECT count(*) "
	    "FROM supplement_items i WHERE i.application_id = a.id AND i.round = "
	    "a.review_round), false, a.kind, '' FROM applications a LEFT JOIN review_rounds "
	    "r ON r.application_id = a.id AND r.round = a.review_round WHERE "
	    "a.organization_id = $1 AND a.state = 'supplement_needed' UNION ALL "
	    "SELECT 'confirm', au.id, au.application_id, au.state, " DAY("au.start_date")
	    ", au.start_date - " TODAY ", au.start_date <= " TODAY ", au.kind, '' FROM audits "
	    "au JOIN applications a ON a.id = au.application_id WHERE a.organization_id "
	    "= $1 AND au.state = 'planned' UNION ALL SELECT 'nc', n.id, n.audit_id, "
	    "n.state, " DAY("n.due_date") ", n.due_date - " TODAY ", n.due_date < " TODAY
	    ", n.severity, left(n.description, 80) FROM nonconformities n JOIN audits au ON "
	    "au.id = n.audit_id "
	    "JOIN applications a ON a.id = au.application_id WHERE a.organization_id = "
	    "$1 AND n.state IN ('open', 'returned')) x ORDER BY kind NOT IN ('nc', "
	    "'confirm'), kind = 'draft', day, id LIMIT 50", 1, true },
	/* The snapshot's time: an exact key, its age in seconds. */
	[STMT_FIGURES_AGE] = { "db_figures_age",
	    "SELECT to_char(computed_at, 'YYYY-MM-DD HH24:MI:SS.US TZH'), "
	    "extract(epoch FROM now() - computed_at)::bigint FROM dashboard_snapshot",
	    0, true },
	/* The snapshot as rows of the dashboards: counts as part fig (kind: the
	 * figure, org: its key), the lists, and the time (part snap: org its
	 * key, day HH24:MI and extra the day in Shanghai, n its age). */
	[STMT_FIGURES_READ] = { "db_figures_read", DASH_ROWS(
	    "SELECT 'fig'::text, figure, 0::bigint, 0::bigint, 0::bigint, key, ''::text, "
	    "''::text, n, total, false, ''::text FROM dashboard_figures UNION ALL "
	    "SELECT part, kind, ord, id, link, org, state, day, n, 0, flag, extra FROM "
	    "dashboard_items UNION ALL SELECT 'snap', 'snapshot', 0, 0, 0, "
	    "to_char(computed_at, 'YYYY-MM-DD HH24:MI:SS.US TZH'), '', "
	    "to_char(computed_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI'), "
	    "extract(epoch FROM now() - computed_at)::bigint, 0, false, "
	    LOCAL_DAY("computed_at") " FROM dashboard_snapshot"), 0, true },
	/* In a transaction: the snapshot is older than $1 seconds and no other
	 * worker is recomputing it (one row: ours to recompute). */
	[STMT_FIGURES_CLAIM] = { "db_figures_claim",
	    "SELECT 1 FROM dashboard_snapshot WHERE id = 1 AND computed_at < now() - "
	    "make_interval(secs => $1) FOR UPDATE SKIP LOCKED", 1, false },
	[STMT_FIGURES_CLEAR] = { "db_figures_clear",
	    "WITH i AS (DELETE FROM dashboard_items) DELETE FROM dashboard_figures", 0, false },
	/*
	 * The counts: $1 review_overdue_days, $2 withdrawal_warning_days, $3
	 * suspension_max_days (the overdue counts match the lists).  Months:
	 * the last 24 (Asia/Shanghai), each present even when nothing
	 * happened.  Days to decision: from the application's submission to
	 * the decision on its initial audit (initial applications and
	 * recertifications), by month of decision.
	 */
	[STMT_FIGURES_COMPUTE] = { "db_figures_compute",
	    "WITH s AS (UPDATE dashboard_snapshot SET computed_at = now() WHERE id = 1), "
	    "m AS (SELECT to_char(d, 'YYYY-MM') AS key FROM generate_series("
	    "date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '23 months', "
	    "date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai'), interval '1 month') d) "
	    "INSERT INTO dashboard_figures (figure, key, n, total) "
	    "SELECT 'stage', state, count(*), 0 FROM applications WHERE state IN "
	    "('submitted', 'resubmitted', 'in_review', 'supplement_needed') GROUP BY state "
	    "UNION ALL SELECT 'stage', 'to_plan', count(*), 0 FROM applications "
	    "WHERE state = 'accepted' AND NOT audit_planned "
	    "UNION ALL SELECT 'stage', 'audit_' || state, count(*), 0 FROM audits "
	    "WHERE state <> 'decided' GROUP BY state "
	    "UNION ALL SELECT 'stage', 'surveillance_to_plan', count(*), 0 FROM "
	    "surveillance_cases s JOIN certificates c ON c.id = s.certificate_id WHERE "
	    "s.state IN ('open', 'overdue') AND NOT s.audit_planned AND c.status IN "
	    "('valid', 'suspended') "
	    "UNION ALL SELECT 'overdue', 'review', count(*), 0 FROM applications WHERE "
	    "state IN ('submitted', 'resubmitted', 'in_review') AND queued_at < now() - "
	    "make_interval(days => $1) "
	    "UNION ALL SELECT 'overdue', 'nc', count(*), 0 FROM nonconformities WHERE "
	    "state IN ('open', 'returned') AND due_date < " TODAY
	    " UNION ALL SELECT 'overdue', 'surveillance', count(*), 0 FROM "
	    "surveillance_cases s JOIN certificates c ON c.id = s.certificate_id WHERE "
	    "s.state = 'overdue' AND c.status IN ('valid', 'suspended') "
	    "UNION ALL SELECT 'overdue', 'withdrawal', count(*), 0 FROM certificates "
	    "WHERE status = 'suspended' AND suspended_on <= " TODAY " + $2::int - $3::int - 1 "
	    /* The calendar's days from this week's Monday. */
	    "UNION ALL SELECT 'cal_day', " DAY("start_date") ", count(*), 0 FROM audits "
	    "WHERE state IN ('planned', 'confirmed') AND start_date >= " MONDAY " AND "
	    "start_date < " MONDAY " + " DASH_CALENDAR_DAYS " GROUP BY start_date "
	    /* The status people read: valid past its expiry is expired already. */
	    "UNION ALL SELECT 'cert_status', CASE WHEN status = 'valid' AND expiry_date < "
	    TODAY " THEN 'expired' ELSE status END, count(*), 0 FROM certificates GROUP BY 2 "
	    "UNION ALL SELECT 'cert_level', v.level, count(*), 0 FROM certificates c "
	    "JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = "
	    "c.version WHERE c.status = 'valid' AND c.expiry_date >= " TODAY " GROUP BY v.level "
	    "UNION ALL SELECT 'issued', m.key, coalesce(x.n, 0), 0 FROM m LEFT JOIN "
	    "(SELECT to_char(issue_date, 'YYYY-MM') AS key, count(*) AS n FROM certificates "
	    "WHERE issue_date >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - "
	    "interval '23 months' GROUP BY 1) x ON x.key = m.key "
	    "UNION ALL SELECT 'decision_days', m.key, coalesce(x.n, 0), coalesce(x.total, 0) "
	    "FROM m LEFT JOIN (SELECT to_char(d.decided_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM') AS key, count(*) AS n, sum(extract(epoch FROM d.decided_at - "
	    "a.submitted_at))::bigint AS total FROM decisions d JOIN audits au ON au.id = "
	    "d.audit_id JOIN applications a ON a.id = au.application_id WHERE au.case_id "
	    "IS NULL AND d.decided_at >= (date_trunc('month', now() AT TIME ZONE "
	    "'Asia/Shanghai') - interval '23 months') AT TIME ZONE 'Asia/Shanghai' "
	    "GROUP BY 1) x ON x.key = m.key", 3, false },
	/*
	 * The lists everyone shares: the first overdue items of each kind ($1
	 * review_overdue_days, $2 withdrawal_warning_days, $3
	 * suspension_max_days), and the first three audits to come of each day
	 * of the calendar (ord: the day from this week's Monday).
	 */
	[STMT_FIGURES_ITEMS] = { "db_figures_items",
	    "INSERT INTO dashboard_items (part, kind, ord, id, link, org, state, day, n, "
	    "flag, extra) "
	    /* Reviews waiting too long; extra: who holds it. */
	    "(SELECT 'late', 'review', x.ord, x.id, 0, o.name, x.state, x.day, x.n, "
	    "false, coalesce(u.name, '') FROM (SELECT row_number() OVER (ORDER BY "
	    "a.queued_at, a.id) AS ord, a.id, a.organization_id, a.reviewer_id, a.state, "
	    LOCAL_DAY("a.queued_at") " AS day, " DAYS_SINCE("a.queued_at") " AS n FROM "
	    "applications a WHERE a.state IN ('submitted', 'resubmitted', 'in_review') "
	    "AND a.queued_at < now() - make_interval(days => $1) ORDER BY a.queued_at, "
	    "a.id LIMIT " DASH_LATE_ROWS ") x" DASH_ORGANIZATION("x")
	    " LEFT JOIN users u ON u.id = x.reviewer_id)"
	    /* Nonconformities past their due date (state: the severity, extra: the finding). */
	    " UNION ALL (SELECT 'late', 'nc', x.ord, x.id, x.audit_id, o.name, x.severity, "
	    DAY("x.due_date") ", " TODAY " - x.due_date, false, left(x.description, 60) "
	    "FROM (SELECT row_number() OVER (ORDER BY n.due_date, n.id) AS ord, n.id, "
	    "n.audit_id, au.application_id, n.description, n.due_date, n.severity FROM "
	    "nonconformities n JOIN audits au ON au.id = n.audit_id WHERE n.state IN "
	    "('open', 'returned') AND n.due_date < " TODAY " ORDER BY n.due_date, n.id "
	    "LIMIT " DASH_LATE_ROWS ") x" DASH_APPLICATION("x") ")"
	    /* Surveillance past due; flag: an audit is planned. */
	    " UNION ALL (SELECT 'late', 'surveillance', x.ord, x.id, x.certificate_id, "
	    "o.name, x.kind, " DAY("x.due_date") ", " TODAY " - x.due_date, "
	    "x.audit_planned, x.number FROM (SELECT row_number() OVER (ORDER BY "
	    "s.due_date, s.id) AS ord, s.id, s.certificate_id, c.organization_id, s.kind, "
	    "s.due_date, s.audit_planned, c.number FROM surveillance_cases s JOIN "
	    "certificates c ON c.id = s.certificate_id WHERE s.state = 'overdue' AND "
	    "c.status IN ('valid', 'suspended') ORDER BY s.due_date, s.id LIMIT "
	    DASH_LATE_ROWS ") x" DASH_ORGANIZATION("x") ")"
	    /* Suspensions the tick withdraws within $2 days (on the day after
	     * suspended_on + $3); day: that day. */
	    " UNION ALL (SELECT 'late', 'withdrawal', x.ord, x.id, 0, o.name, x.status, "
	    DAY("x.suspended_on + $3::int + 1") ", x.suspended_on + $3::int + 1 - " TODAY
	    ", false, x.number FROM (SELECT row_number() OVER (ORDER BY c.suspended_on, "
	    "c.id) AS ord, c.id, c.organization_id, c.status, c.suspended_on, c.number "
	    "FROM certificates c WHERE c.status = 'suspended' AND c.suspended_on <= "
	    TODAY " + $2::int - $3::int - 1 ORDER BY c.suspended_on, c.id LIMIT "
	    DASH_LATE_ROWS ") x" DASH_ORGANIZATION("x") ")"
	    /* The calendar. */
	    " UNION ALL (SELECT 'cal', 'audit', g, x.id, 0, o.name, x.state, "
	    DAY("x.start_date") ", 0, false, x.kind FROM generate_series(0, "
	    DASH_CALENDAR_DAYS " - 1) g CROSS JOIN LATERAL (SELECT au.id, "
	    "au.application_id, au.state, au.kind, au.start_date FROM audits au WHERE "
	    "au.state IN ('planned', 'confirmed') AND au.start_date = " MONDAY " + g "
	    "ORDER BY au.id LIMIT 3) x" DASH_APPLICATION("x") ")", 3, false },
};
