/* accounts.h: creating users and recording who did what to an account (web and starcertctl alike). */
#ifndef STARCERT_AUTH_ACCOUNTS_H
#define STARCERT_AUTH_ACCOUNTS_H

#include <stdint.h>

#include "../db/db.h"
#include "password.h"

struct new_user {
	const char	*email;		/* normalised: lower case */
	const char	*name;
	const char	*password_hash;	/* from password_hash() */
	int64_t		 organization_id;	/* applicants; 0 for staff */
	unsigned	 roles;
	bool		 must_change_password;
};

/*
 * account_insert: insert u and its "user.created" event (actor may be 0)
 * in the caller's transaction.  *id gets the new id.  DB_UNIQUE means the
 * e-mail address is taken.
 */
enum db_status	account_insert(const struct new_user *u, int64_t actor,
		    const char *client_addr, int64_t *id);

/* account_roles_text: "reviewer,auditor" for a role mask, into buf. */
const char	*account_roles_text(unsigned roles, char *buf, size_t size);

#endif
