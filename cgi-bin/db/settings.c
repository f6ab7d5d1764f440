/* settings.c: declared settings and a small per-worker cache of the database's values. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "settings.h"

#define SETTINGS_TTL_SECONDS	5

const struct setting_def setting_defs[] = {
	{ "body_name_zh", "星级服务认证中心", 0, 0, 100,
	    "The certification body's name in Chinese, shown on every page "
	    "and printed on certificates." },
	{ "body_name_en", "Star Service Certification Centre", 0, 0, 100,
	    "The certification body's name in English." },
	{ "session_idle_minutes", "30", 5, 24 * 60, 0,
	    "A session unused for this many minutes ends." },
	{ "session_absolute_hours", "12", 1, 24 * 7, 0,
	    "A session ends this many hours after sign-in, used or not." },
	{ "login_max_failures_account", "5", 3, 100, 0,
	    "Failed sign-ins for one e-mail address within the lock period "
	    "before that address is locked." },
	{ "login_max_failures_address", "50", 5, 10000, 0,
	    "Failed sign-ins from one network address within the lock period "
	    "before that address is locked." },
	{ "login_lock_minutes", "15", 1, 24 * 60, 0,
	    "How long failures are counted, and how long a lock lasts." },
	{ "upload_max_mb", "50", 1, 1000, 0,
	    "The largest file an applicant may upload, in MB (nginx accepts "
	    "at most 1000 MB in a request)." },
	{ "mandays_sample_initial_permille", "1000", 100, 5000, 0,
	    "k in k·√n, the fixed outlets visited at an initial audit, in thousandths." },
	{ "mandays_sample_surveillance_permille", "600", 100, 5000, 0,
	    "k for surveillance audits, in thousandths." },
	{ "mandays_sample_recertification_permille", "800", 100, 5000, 0,
	    "k for recertification audits, in thousandths." },
	{ "mandays_base_halfdays", "2", 0, 100, 0,
	    "Audit time at the head office, in half man-days." },
	{ "mandays_per_outlet_halfdays", "1", 1, 20, 0,
	    "Audit time per fixed outlet visited, in half man-days (at least 0.5 man-day)." },
	{ "mandays_per_extra_category_halfdays", "1", 0, 20, 0,
	    "Audit time per product category beyond the first, in half man-days." },
	{ "public_base_url", "", 0, 0, 200,
	    "The address printed in certificates' QR codes (e.g. https://cert.example.cn); "
	    "empty: the address the portal was reached at." },
	{ "certificate_number_pattern", "SC-{YYYY}-{NNNNN}", 0, 0, 40,
	    "Certificate numbers: {YYYY} is the year of issue, {NNNNN} the serial in "
	    "that year (as many N as digits); otherwise upper-case letters, digits and -." },
	{ "surveillance_lead_days", "90", 1, 365, 0,
	    "The daily tick opens a surveillance case this many days before it falls due." },
	{ "surveillance_grace_days", "30", 0, 365, 0,
	    "A certificate is suspended when its surveillance is overdue longer than this." },
	{ "suspension_max_days", "183", 1, 730, 0,
	    "A certificate suspended longer than this is withdrawn (about six months)." },
	{ "recertification_window_days", "183", 30, 730, 0,
	    "A holder may apply for recertification this many days before its certificate expires." },
	{ "stars_after_a_year", "0", 0, 1, 0,
	    "1: grant stars only after a year at the compliant level, unless the "
	    "score is outstanding; 0: the score decides alone." },
	{ "outstanding_score_tenths", "950", 700, 1000, 0,
	    "Under the one-year policy, a score at least this (in tenths of a point) "
	    "earns stars at once." },
	{ "serious_nc_blocks_report", "1", 0, 1, 0,
	    "1: the audit report cannot be submitted while a serious nonconformity "
	    "is open; 0: it can." },
	{ "smtp_url", "", 0, 0, 200,
	    "The mail server notifications are e-mailed through (smtp://host:25 or "
	    "smtps://host:465); empty: no e-mail, only the in-app inbox.  Credentials, "
	    "if any, come from STARCERT_SMTP_USER and STARCERT_SMTP_PASSWORD in "
	    "starcertctl mail's environment, never from here." },
	{ "smtp_from", "noreply@starcert.invalid", 0, 0, 254,
	    "The sender address of notification e-mails." },
	{ "mail_max_attempts", "8", 1, 50, 0,
	    "Sending an e-mail is retried this many times, waiting 1, 2, 4... minutes "
	    "(at most 6 hours) between attempts; then it is kept as failed." },
	{ "review_overdue_days", "14", 1, 365, 0,
	    "The dashboards show a review as overdue when its application has waited "
	    "longer than this many days since it entered the queue (taken or not)." },
	{ "withdrawal_warning_days", "30", 1, 365, 0,
	    "The dashboards warn of a suspended certificate this many days before "
	    "the daily tick would withdraw it." },
	{ "dashboard_figures_seconds", "60", 10, 3600, 0,
	    "The body's figures on the dashboards (counts, charts) are recomputed "
	    "when older than this many seconds." },
};
const unsigned setting_defs_count = sizeof(setting_defs) / sizeof(setting_defs[0]);

static struct {
	char	*values[sizeof(setting_defs) / sizeof(setting_defs[0])];
	time_t	 loaded;
} cache;

const struct setting_def *
settings_def(const char *key)
{
	for (unsigned i = 0; i < setting_defs_count; i++)
		if (strcmp(setting_defs[i].key, key) == 0)
			return &setting_defs[i];
	return NULL;
}

bool
settings_valid(const struct setting_def *d, const char *v)
{
	char	*end;
	long	 n;

	if (d->min == d->max) {
		size_t chars = 0;

		for (const char *p = v; *p != '\0'; p++)
			chars += ((unsigned char)*p & 0xc0) != 0x80;
		/* A text whose default is empty may be left empty. */
		return (chars > 0 || *d->default_value == '\0') && chars <= d->max_chars;
	}
	n = strtol(v, &end, 10);
	return *v != '\0' && *end == '\0' && n >= d->min && n <= d->max;
}

long
settings_long(const char *key)
{
	const struct setting_def	*d = settings_def(key);
	const char			*v = settings_get(key);

	if (d == NULL || v == NULL)
		return 0;
	if (!settings_valid(d, v))
		v = d->default_value;
	return strtol(v, NULL, 10);
}

void
settings_forget(void)
{
	cache.loaded = 0;
}

void
settings_refresh(void)
{
	PGresult	*res;
	enum db_status	 st;
	time_t		 now = time(NULL);

	if (cache.loaded != 0 && now - cache.loaded < SETTINGS_TTL_SECONDS)
		return;
	cache.loaded = now;	/* also after a failure: no retry storm */
	if ((res = db_query(STMT_SETTINGS_LIST, NULL, &st)) == NULL)
		return;
	for (unsigned i = 0; i < setting_defs_count; i++) {
		free(cache.values[i]);
		cache.values[i] = NULL;
	}
	for (int row = 0; row < PQntuples(res); row++)
		for (unsigned i = 0; i < setting_defs_count; i++)
			if (strcmp(PQgetvalue(res, row, 0), setting_defs[i].key) == 0)
				cache.values[i] = strdup(PQgetvalue(res, row, 1));
	PQclear(res);
}

const char *
settings_get(const char *key)
{
	for (unsigned i = 0; i < setting_defs_count; i++)
		if (strcmp(setting_defs[i].key, key) == 0)
			return cache.values[i] != NULL ? cache.values[i] :
			    setting_defs[i].default_value;
	return NULL;
}
