/* figures.h: the dashboards' snapshot of the body's figures and shared lists. */
#ifndef STARCERT_FIGURES_H
#define STARCERT_FIGURES_H

#include <stdbool.h>

#include "db.h"

/*
 * figures_refresh: recompute the snapshot (dashboard_figures and
 * dashboard_items) when it is older than the dashboard_figures_seconds
 * setting and no other worker is recomputing it, in one transaction;
 * *done says whether this call did.  Readers never wait: until the commit
 * they read the previous snapshot.  Not inside a transaction of the
 * caller's.
 */
enum db_status	figures_refresh(bool *done);

/*
 * figures_current: the snapshot as rows of the dashboards (the columns of
 * STMT_FIGURES_READ), recomputed first when it is too old.  The worker
 * keeps the rows and reads them again only when the snapshot changed, so
 * that a request costs one small query.  The rows belong to this cache and
 * stay valid until the next call; NULL with *st on failure.
 */
const PGresult	*figures_current(enum db_status *st);

#endif
