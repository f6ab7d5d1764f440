/* tick.h: the daily scheduler of certificates' lives (starcertctl tick, or the admin page). */
#ifndef STARCERT_TICK_H
#define STARCERT_TICK_H

#include "db.h"

struct tick_counts {
	int	expired, opened, overdue, suspended, withdrawn, expiry_notices;
};

/*
 * tick_run: as of today (YYYY-MM-DD), in one transaction: expire
 * certificates past their expiry date, open surveillance cases falling due
 * within the lead time, mark overdue ones, suspend certificates whose
 * surveillance is overdue past the grace period, withdraw those suspended
 * too long, tell holders whose certificates expire within the
 * recertification window.  Each change is an event and a history row, and
 * notifies the holder.  Running it twice on a day changes nothing the
 * second time.
 */
enum db_status	tick_run(const char *today, struct tick_counts *);

/* tick_summary: "2026-11-24: 1 expired, ..." for logs, into buf (NUL-terminated). */
void		tick_summary(const char *today, const struct tick_counts *, char *buf,
		    size_t size);

#endif
