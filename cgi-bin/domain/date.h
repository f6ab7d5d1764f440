/* date.h: calendar dates as people type them (YYYY-MM-DD). */
#ifndef STARCERT_DATE_H
#define STARCERT_DATE_H

#include <stdbool.h>

/* date_valid: s is exactly YYYY-MM-DD, a day that exists, in the years 2000 to 2100. */
bool	date_valid(const char *s);

/* date_today: today in the body's time zone (Asia/Shanghai, UTC+8 all year). */
void	date_today(char out[11]);

#endif
