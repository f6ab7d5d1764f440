/* lang.c: switch the interface language (a cookie, no server state) and go back. */
#include "../http/response.h"
#include "../view/i18n.h"
#include "pages.h"

#define LANG_COOKIE_SECONDS	(365L * 24 * 3600)

int
page_lang_switch(struct req *r)
{
	int		 l = lang_parse(route_param(&r->params, "code"));
	bool		 dup;
	const char	*next = req_param(r, "next", &dup);

	if (l < 0 || dup)
		return 404;
	if (resp_cookie(r, "lang", l == LANG_EN ? "en" : "zh",
	    LANG_COOKIE_SECONDS, true) != 0)
		return 500;
	return resp_redirect(r, local_path_ok(next) ? next : "/");
}
