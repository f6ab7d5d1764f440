/* health.c: /healthz: 200 when the database answers, 503 otherwise. */
#include <libpq-fe.h>

#include "../db/db.h"
#include "pages.h"

int
page_healthz(struct req *r)
{
	enum db_status	 st;
	PGresult	*res = db_query_rows(STMT_HEALTH_PING, NULL, 1, 1, &st);
	int		 ok = res != NULL;

	PQclear(res);
	r->content_type_out = "text/plain; charset=utf-8";
	r->private_page = true;
	buf_puts(r->body, ok ? "ok\n" : "database unavailable\n");
	r->body_ready = true;
	return ok ? 200 : 503;
}
