/* home.c: the public home page: what the body certifies and how a case goes. */
#include "../view/view.h"
#include "pages.h"

int
page_home(struct req *r)
{
	if (view_page(r, "home", "home.title") == NULL)
		return 500;
	return view_render(r, 200);
}
