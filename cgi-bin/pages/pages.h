/* pages.h: every page handler and the route table that names who may reach it. */
#ifndef STARCERT_PAGES_H
#define STARCERT_PAGES_H

#include <stddef.h>

#include "../http/request.h"
#include "../http/router.h"

extern const struct route	routes[];
extern const size_t		routes_count;

/* routes_check: every pattern well-formed and no two rows alike; 0 or -1 with a message. */
int	routes_check(void);

/* home.c */
int	page_home(struct req *);
/* health.c */
int	page_healthz(struct req *);
/* lang.c */
int	page_lang_switch(struct req *);

#endif
