/* roles.c: role names as stored in the database and typed on the command line. */
#include <string.h>

#include "roles.h"

static const struct {
	unsigned	 bit;
	const char	*name;
} roles[ROLE_COUNT] = {
	{ ROLE_APPLICANT, "applicant" },
	{ ROLE_REVIEWER, "reviewer" },
	{ ROLE_AUDITOR, "auditor" },
	{ ROLE_EVALUATOR, "evaluator" },
	{ ROLE_SUPERVISOR, "supervisor" },
	{ ROLE_ADMIN, "admin" },
};

const char *
role_name(unsigned role)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles[i].bit == role)
			return roles[i].name;
	return NULL;
}

unsigned
role_parse(const char *name)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(roles[i].name, name) == 0)
			return roles[i].bit;
	return 0;
}
