/* routes.c: the route table: method, path pattern, handler and the roles allowed. */
#include <stdio.h>
#include <string.h>

#include "../domain/roles.h"
#include "pages.h"

#define PUBLIC	0

const struct route routes[] = {
	{ METHOD_GET, "/", page_home, PUBLIC, "home" },
	{ METHOD_GET, "/healthz", page_healthz, PUBLIC, "healthz" },
	{ METHOD_GET, "/lang/{code}", page_lang_switch, PUBLIC, "lang" },
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
