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

/* date_add_days: date (valid) moved by days into out; false when date is not valid. */
bool	date_add_days(const char *date, int days, char out[11]);

/* date_iso_week: the ISO 8601 week of a valid date: its year, week (1-53) and weekday (1 Monday - 7 Sunday). */
bool	date_iso_week(const char *date, int *year, int *week, int *weekday);

/*
 * date_report_due: bodies report each month's certificates to the
 * regulator by the 10th of the next month.  On days 1 to 10 of today's
 * month: true, with the month to report (the previous one, YYYY-MM) in
 * month and its deadline (YYYY-MM-10) in due.  Otherwise false.
 */
bool	date_report_due(const char *today, char month[8], char due[11]);

#endif
