/* roles.h: who a user is to the portal; a route names the roles it admits. */
#ifndef STARCERT_ROLES_H
#define STARCERT_ROLES_H

enum role {
	ROLE_APPLICANT = 1 << 0,	/* enterprise staff, bound to one organization */
	ROLE_REVIEWER = 1 << 1,		/* document review */
	ROLE_AUDITOR = 1 << 2,		/* on-site audit team */
	ROLE_EVALUATOR = 1 << 3,	/* evaluation after the audit */
	ROLE_SUPERVISOR = 1 << 4,	/* certification decisions */
	ROLE_ADMIN = 1 << 5,		/* accounts and reference data */
};

#define ROLES_STAFF	(ROLE_REVIEWER | ROLE_AUDITOR | ROLE_EVALUATOR | \
			 ROLE_SUPERVISOR | ROLE_ADMIN)
#define ROLES_ANY_USER	(ROLE_APPLICANT | ROLES_STAFF)
#define ROLE_COUNT	6

/* role_name: the stable English name of a single role bit ("reviewer"), or NULL. */
const char	*role_name(unsigned role);
/* role_parse: the bit for a name, or 0. */
unsigned	 role_parse(const char *name);

#endif
