/* accounts.c: inserting users with their event. */
#include <stdio.h>
#include <string.h>

#include "../domain/roles.h"
#include "accounts.h"

const char *
account_roles_text(unsigned roles, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (unsigned bit = 1; bit < (1u << ROLE_COUNT); bit <<= 1)
		if ((roles & bit) != 0 && n < size)
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
			    n > 0 ? "," : "", role_name(bit));
	return buf;
}

enum db_status
account_insert(const struct new_user *u, int64_t actor, const char *client_addr,
    int64_t *id)
{
	char		 org[DB_INT_BUF], roles[DB_INT_BUF], text[128];
	const char	*params[6];
	PGresult	*res;
	enum db_status	 st;

	params[0] = u->email;
	params[1] = u->name;
	params[2] = u->password_hash;
	params[3] = u->organization_id != 0 ? db_int(org, u->organization_id) : NULL;
	params[4] = db_int(roles, u->roles);
	params[5] = u->must_change_password ? "true" : "false";
	if ((res = db_query_rows(STMT_USER_INSERT, params, 1, 1, &st)) == NULL)
		return st;
	*id = db_long(res, 0, 0);
	PQclear(res);
	return db_event(actor, "user", *id, "user.created", NULL,
	    account_roles_text(u->roles, text, sizeof(text)), u->email, client_addr);
}
