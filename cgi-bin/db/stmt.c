/* stmt.c: the statement table: every SQL statement the portal sends, in one place. */
#include "db.h"

#define USER_COLUMNS \
	"u.id, u.email, u.name, u.roles, u.disabled, u.must_change_password, " \
	"u.organization_id, o.name, u.lang, " \
	"to_char(u.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"

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
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", 8, false },
	/* $1 action prefix, $2 object type, $3 actor e-mail, $4 from date,
	 * $5 to date (all NULL when not filtered), $6 before id (keyset), $7 limit */
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
	    "ORDER BY e.id DESC LIMIT $7", 7, true },

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
	[STMT_USER_LANG_SET] = { "db_user_lang_set",
	    "UPDATE users SET lang = $2, updated_at = now() WHERE id = $1", 2, false },
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
	 * (0: any), $3 after id (keyset), $4 limit */
	[STMT_USERS_SEARCH] = { "db_users_search",
	    "SELECT " USER_COLUMNS " FROM users u "
	    "LEFT JOIN organizations o ON o.id = u.organization_id "
	    "WHERE ($1::text IS NULL OR (u.email || ' ' || lower(u.name)) "
	    "LIKE '%' || lower($1) || '%') AND ($2::int = 0 OR u.roles & $2 <> 0) "
	    "AND u.id > $3 ORDER BY u.id LIMIT $4", 4, true },
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
	    "s.last_seen < now() - interval '1 minute' "
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
};
