/* date.c: checking a typed date against the calendar, and today's date in the body's time zone. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
date_valid(const char *s)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, last;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if ((y = digits(s, 4)) < 2000 || y > 2100 || (m = digits(s + 5, 2)) < 1 ||
	    m > 12 || (d = digits(s + 8, 2)) < 1)
		return false;
	last = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return d <= last;
}

void
date_today(char out[11])
{
	time_t		now = time(NULL) + 8 * 3600;
	struct tm	tm;

	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int
date_month_range(const char *month, char first[11], char next[11])
{
	int y, m;

	if (month == NULL || strlen(month) != 7 || month[4] != '-' ||
	    (y = digits(month, 4)) < 2000 || y > 2099 ||
	    (m = digits(month + 5, 2)) < 1 || m > 12)
		return -1;
	snprintf(first, 11, "%04d-%02d-01", y, m);
	snprintf(next, 11, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	return 0;
}

void
date_previous_month(const char *date, char out[8])
{
	unsigned y = (unsigned)digits(date, 4) % 10000, m = (unsigned)digits(date + 5, 2) % 100;

	if (m <= 1) {
		y = y == 0 ? 9999 : y - 1;
		m = 13;
	}
	snprintf(out, 8, "%04u-%02u", y, m - 1);
}

/* A valid date as a UTC time at noon (far from any day boundary). */
static bool
date_time(const char *s, time_t *t)
{
	struct tm tm;

	if (!date_valid(s))
		return false;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = digits(s, 4) - 1900;
	tm.tm_mon = digits(s + 5, 2) - 1;
	tm.tm_mday = digits(s + 8, 2);
	tm.tm_hour = 12;
	*t = timegm(&tm);
	return true;
}

bool
date_add_days(const char *date, int days, char out[11])
{
	time_t		t;
	struct tm	tm;

	if (!date_time(date, &t))
		return false;
	t += (time_t)days * 86400;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return true;
}

bool
date_iso_week(const char *date, int *year, int *week, int *weekday)
{
	time_t		t;
	struct tm	tm;
	char		s[16];

	if (!date_time(date, &t))
		return false;
	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%G %V", &tm);
	if (sscanf(s, "%d %d", year, week) != 2)
		return false;
	*weekday = tm.tm_wday == 0 ? 7 : tm.tm_wday;
	return true;
}

bool
date_report_due(const char *today, char month[8], char due[11])
{
	int y, m;

	if (!date_valid(today) || digits(today + 8, 2) > 10)
		return false;
	y = digits(today, 4);
	m = digits(today + 5, 2);
	snprintf(due, 11, "%04u-%02u-10", (unsigned)y % 10000u, (unsigned)m % 100u);
	if (--m == 0) {
		m = 12;
		y--;
	}
	snprintf(month, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
	return true;
}
