/* fuzz_router.c: router_match of the input as a path, per method, against a reference matcher. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/arena.h"
#include "http/router.h"

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

#define GET	METHOD_GET
#define POST	METHOD_POST
#define ID_LIMIT	INT64_C(1000000000000000)	/* 10^15 */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Like the portal's: literals, {id}, {key}, a shared path, odd shapes. */
static const struct route table[] = {
	{ GET, "/", NULL, 0, "home" },
	{ GET, "/healthz", NULL, 0, "healthz" },
	{ GET, "/lang/{code}", NULL, 0, "lang" },
	{ GET, "/applications", NULL, 1, "applications" },
	{ POST, "/applications", NULL, 1, "applications.create" },
	{ GET | POST, "/applications/new", NULL, 1, "applications.new" },
	{ GET, "/applications/{id}", NULL, 1, "application" },
	{ POST, "/applications/{id}/submit", NULL, 1, "application.submit" },
	{ GET, "/applications/{id}/files/{name}", NULL, 1, "application.file" },
	{ POST, "/admin/users/{id}/roles/{role}", NULL, 2, "admin.role" },
	{ GET, "/four/{a}/{b}/{id}/{d}", NULL, 0, "four" },
	{ GET, "/outlets/{outlet_id}/x/{my_idx}", NULL, 0, "named id" },
	{ GET, "/five/{a}/{b}/{c}/{d}/{e}", NULL, 0, "five" },
	{ GET, "/docs/", NULL, 0, "docs" },
	{ POST, "/x//y", NULL, 0, "empty-segment" },
};
#define NROUTES	(sizeof(table) / sizeof(table[0]))

struct ref_params {
	size_t		 count;
	const char	*name[ROUTE_MAX_PARAMS];
	size_t		 namelen[ROUTE_MAX_PARAMS];
	const char	*value[ROUTE_MAX_PARAMS];
	size_t		 valuelen[ROUTE_MAX_PARAMS];
	int64_t		 id[ROUTE_MAX_PARAMS];
};

/* The next '/'-separated segment after *s (which points at a '/'). */
static void
next_segment(const char **s, const char **seg, size_t *len)
{
	*seg = *s + 1;
	*len = strcspn(*seg, "/");
	*s = *seg + *len;
}

static bool
ref_match(const char *pattern, const char *path, struct ref_params *rp)
{
	const char *pp = pattern, *sp = path;

	rp->count = 0;
	for (;;) {
		const char	*pseg, *sseg;
		size_t		 plen, slen;

		if (*pp == '\0' || *sp == '\0')
			return *pp == '\0' && *sp == '\0';
		next_segment(&pp, &pseg, &plen);
		next_segment(&sp, &sseg, &slen);
		if (plen < 2 || pseg[0] != '{' || pseg[plen - 1] != '}') {
			if (plen != slen || strncmp(pseg, sseg, plen) != 0)
				return false;
			continue;
		}
		if (rp->count == ROUTE_MAX_PARAMS || slen == 0)
			return false;
		rp->id[rp->count] = 0;
		if ((plen == 4 && strncmp(pseg, "{id}", 4) == 0) ||
		    (plen > 5 && strncmp(pseg + plen - 4, "_id}", 4) == 0)) {
			int64_t v = 0;

			if (slen > 15 || sseg[0] == '0')
				return false;
			for (size_t i = 0; i < slen; i++) {
				if (sseg[i] < '0' || sseg[i] > '9')
					return false;
				v = v * 10 + (sseg[i] - '0');
			}
			rp->id[rp->count] = v;
		} else if (strspn(sseg, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") < slen)
			return false;
		rp->name[rp->count] = pseg + 1;
		rp->namelen[rp->count] = plen - 2;
		rp->value[rp->count] = sseg;
		rp->valuelen[rp->count] = slen;
		rp->count++;
	}
}

static void
check_method(const char *path, enum http_method m)
{
	struct arena		 a;
	const struct route	*found = NULL;
	struct route_params	 params;
	struct ref_params	 rp, want_rp;
	unsigned		 allowed = 0, want_allowed = 0;
	unsigned		 want = m == METHOD_HEAD ? GET | METHOD_HEAD : m;
	enum route_result	 res;
	size_t			 want_i = NROUTES;

	arena_init(&a, 4096, 1 << 20);
	memset(&params, 0xa5, sizeof(params));
	res = router_match(table, NROUTES, m, path, &a, &found, &params,
	    &allowed);

	if (path[0] == '/' && strlen(path) <= ROUTE_PATH_MAX)
		for (size_t i = 0; i < NROUTES; i++) {
			if (!ref_match(table[i].pattern, path, &rp))
				continue;
			if (table[i].methods & want) {
				want_i = i;
				want_rp = rp;
				break;
			}
			want_allowed |= table[i].methods;
		}

	if (want_i < NROUTES) {
		CHECK(res == ROUTE_FOUND);
		CHECK(found == &table[want_i]);
		/* allowed is only defined for ROUTE_METHOD_NOT_ALLOWED. */
		CHECK(params.count == want_rp.count);
		for (size_t k = 0; k < params.count; k++) {
			const char *v = params.values[k];

			CHECK(v != NULL && v[0] != '\0');
			CHECK(strlen(params.names[k]) == want_rp.namelen[k]);
			CHECK(memcmp(params.names[k], want_rp.name[k],
			    want_rp.namelen[k]) == 0);
			CHECK(strlen(v) == want_rp.valuelen[k]);
			CHECK(memcmp(v, want_rp.value[k],
			    want_rp.valuelen[k]) == 0);
			CHECK(params.ids[k] == want_rp.id[k]);
			/* {id} and {name_id} are integers; any other name is text. */
			if (strcmp(params.names[k], "id") == 0 ||
			    (strlen(params.names[k]) > 3 && strcmp(params.names[k] +
			    strlen(params.names[k]) - 3, "_id") == 0)) {
				CHECK(params.ids[k] > 0 &&
				    params.ids[k] < ID_LIMIT);
				CHECK(route_param_id(&params, params.names[k]) ==
				    params.ids[k]);
			} else
				CHECK(params.ids[k] == 0);
			CHECK(route_param(&params, params.names[k]) != NULL);
		}
		CHECK(route_param(&params, "no-such") == NULL);
		CHECK(route_param_id(&params, "no-such") == 0);
		CHECK(router_access(found, false, 0) ==
		    (found->roles == 0 ? ACCESS_OK : ACCESS_SIGN_IN));
	} else if (want_allowed != 0) {
		if (want_allowed & GET)
			want_allowed |= METHOD_HEAD;
		CHECK(res == ROUTE_METHOD_NOT_ALLOWED);
		CHECK(found == NULL);
		CHECK(allowed == want_allowed);
		CHECK((allowed & want) == 0);
	} else {
		CHECK(res == ROUTE_NOT_FOUND);
		CHECK(found == NULL);
		CHECK(allowed == 0);
	}
	arena_free(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path;

	if ((path = malloc(size + 1)) == NULL)
		abort();
	memcpy(path, data, size);
	path[size] = '\0';
	check_method(path, METHOD_GET);
	check_method(path, METHOD_HEAD);
	check_method(path, METHOD_POST);
	free(path);
	return 0;
}
