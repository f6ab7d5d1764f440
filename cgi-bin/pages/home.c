/* home.c: the home page: what the body certifies and how a case goes; a welcome for users. */
#include "../domain/roles.h"
#include "../view/view.h"
#include "pages.h"

int
page_home(struct req *r)
{
	struct tmpl_dict *d;

	if ((d = view_page(r, "home", "home.title")) == NULL)
		return 500;
	if (r->user != NULL) {
		struct tmpl_dict *w = tmpl_section(d, "WELCOME");

		r->private_page = true;
		if (w == NULL)
			return 500;
		tmpl_set(w, "NAME", r->user->name);
		if (r->user->roles & ROLE_APPLICANT)
			tmpl_show(w, "APPLICANT_LINKS");
		if (r->user->roles & ROLE_ADMIN)
			tmpl_show(w, "ADMIN_LINKS");
	}
	return view_render(r, 200);
}
