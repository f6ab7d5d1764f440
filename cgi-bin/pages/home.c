/* home.c: the home page: what the body certifies and how a case goes; signed-in users go to their dashboard. */
#include <string.h>

#include "../http/response.h"
#include "../view/view.h"
#include "pages.h"

int
page_home(struct req *r)
{
	if (r->user != NULL) {
		bool		 dup;
		const char	*done = req_param(r, "done", &dup);

		/* Registering lands here with ?done=registered: the notice goes along. */
		return resp_redirect(r, done != NULL && !dup && strcmp(done, "registered") == 0 ?
		    "/dashboard?done=registered" : "/dashboard");
	}
	if (view_page(r, "home", "home.title") == NULL)
		return 500;
	return view_render(r, 200);
}
