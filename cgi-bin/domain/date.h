/* date.h: calendar dates as people type them (YYYY-MM-DD). */
#ifndef STARCERT_DATE_H
#define STARCERT_DATE_H

#include <stdbool.h>

/* date_valid: s is exactly YYYY-MM-DD, a day that exists, in the years 2000 to 2100. */
bool	date_valid(const char *s);

/* date_today: today in the body's time zone (Asia/Shanghai, UTC+8 all year). */
void	date_today(char out[11]);

/*
 * date_month_range: for month "YYYY-MM" (years 2000 to 2099), its first
 * day and the first day of the next month, as YYYY-MM-DD.  0, or -1 when
 * month is not exactly that.
 */
int	date_month_range(const char *month, char first[11], char next[11]);

/* date_previous_month: the month before the one date (YYYY-MM-DD) lies in, as YYYY-MM. */
void	date_previous_month(const char *date, char out[8]);

#endif
