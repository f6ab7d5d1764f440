/* certificate.c: numbers from the body's pattern, validity dates, signatures over the printed facts. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "certificate.h"
#include "date.h"
#include "roles.h"

static bool
number_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

int
cert_number(const char *pattern, int year, long serial, char out[CERT_NUMBER_MAX + 1])
{
	size_t	len = 0;
	char	piece[32];

	if (pattern == NULL || year < 1000 || year > 9999 || serial < 1)
		return -1;
	for (const char *p = pattern; *p != '\0';) {
		size_t n = 0;

		if (strncmp(p, "{YYYY}", 6) == 0) {
			snprintf(piece, sizeof(piece), "%04d", year);
			p += 6;
		} else if (p[0] == '{' && p[1] == 'N') {
			while (p[1 + n] == 'N')
				n++;
			if (p[1 + n] != '}' || n > 9)
				return -1;
			snprintf(piece, sizeof(piece), "%0*ld", (int)n, serial);
			p += n + 2;
		} else {
			if (!number_char(*p))
				return -1;
			piece[0] = *p++;
			piece[1] = '\0';
		}
		if (len + strlen(piece) > CERT_NUMBER_MAX)
			return -1;
		memcpy(out + len, piece, strlen(piece));
		len += strlen(piece);
	}
	out[len] = '\0';
	if (len < 3 || strstr(pattern, "{N") == NULL)
		return -1;	/* without a serial every number would be the same */
	return 0;
}

bool
cert_number_pattern_valid(const char *pattern)
{
	char out[CERT_NUMBER_MAX + 1];

	/* The year keeps numbers apart across years (serials restart); then
	 * the shortest and the longest numbers it will make. */
	return pattern != NULL && strstr(pattern, "{YYYY}") != NULL &&
	    cert_number(pattern, 2099, 1, out) == 0 &&
	    cert_number(pattern, 2099, 999999, out) == 0;
}

void
cert_sign(const unsigned char key[CERT_KEY_BYTES], const struct cert_signed *s,
    char out[CERT_SIGNATURE_HEX + 1])
{
	crypto_auth_hmacsha256_state	st;
	unsigned char			mac[crypto_auth_hmacsha256_BYTES];
	char				version[16];
	const char			*parts[7];

	snprintf(version, sizeof(version), "%d", s->version);
	parts[0] = s->number;
	parts[1] = version;
	parts[2] = s->org_name;
	parts[3] = s->credit_code;
	parts[4] = s->level;
	parts[5] = s->issue_date;
	parts[6] = s->expiry_date;
	crypto_auth_hmacsha256_init(&st, key, CERT_KEY_BYTES);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char len[24];

		/* Length-prefixed, so that no field's text can pass for a boundary. */
		snprintf(len, sizeof(len), "%zu:", strlen(parts[i]));
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)len, strlen(len));
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)parts[i], strlen(parts[i]));
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	}
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, CERT_SIGNATURE_HEX + 1, mac, CERT_SIGNATURE_HEX / 2);
}

bool
cert_signature_equal(const char *given, const char *expected)
{
	if (given == NULL || expected == NULL || strlen(given) != CERT_SIGNATURE_HEX ||
	    strlen(expected) != CERT_SIGNATURE_HEX)
		return false;
	return sodium_memcmp(given, expected, CERT_SIGNATURE_HEX) == 0;
}

static int
month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
cert_add_months(const char *date, int months, char out[11])
{
	int y, m, d, total;

	if (date == NULL || !date_valid(date) || months < 0 || months > 1200 ||
	    sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	/* y ≤ 2200, m ≤ 12, d ≤ 31: exactly ten characters. */
	{
		char tmp[32];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
		memcpy(out, tmp, 11);
	}
	return 0;
}

static const char *const status_names[CERT_STATUS__MAX] = {
	[CERT_VALID] = "valid", [CERT_SUSPENDED] = "suspended",
	[CERT_WITHDRAWN] = "withdrawn", [CERT_CANCELLED] = "cancelled",
	[CERT_EXPIRED] = "expired", [CERT_REPLACED] = "replaced",
};

static const char *const status_codes[CERT_STATUS__MAX] = {
	[CERT_VALID] = "01", [CERT_SUSPENDED] = "02", [CERT_WITHDRAWN] = "03",
	[CERT_CANCELLED] = "04", [CERT_EXPIRED] = "05", [CERT_REPLACED] = "",
};

static const char *const action_names[CERT_ACTION__MAX] = {
	[CERT_SUSPEND] = "suspend", [CERT_REINSTATE] = "reinstate",
	[CERT_WITHDRAW] = "withdraw", [CERT_CANCEL] = "cancel",
};

static const struct cert_transition cert_transitions[] = {
	{ CERT_SUSPEND, CERT_VALID, CERT_SUSPENDED, ROLE_SUPERVISOR },
	{ CERT_REINSTATE, CERT_SUSPENDED, CERT_VALID, ROLE_SUPERVISOR },
	{ CERT_WITHDRAW, CERT_VALID, CERT_WITHDRAWN, ROLE_SUPERVISOR },
	{ CERT_WITHDRAW, CERT_SUSPENDED, CERT_WITHDRAWN, ROLE_SUPERVISOR },
	/* Not while suspended: that is for the body to end (withdraw) or lift. */
	{ CERT_CANCEL, CERT_VALID, CERT_CANCELLED, ROLE_APPLICANT },
};

static int
parse_name(const char *const *names, int n, const char *s)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
cert_status_name(enum cert_status s)
{
	return (unsigned)s < CERT_STATUS__MAX ? status_names[s] : "unknown";
}

int
cert_status_parse(const char *s)
{
	return parse_name(status_names, CERT_STATUS__MAX, s);
}

const char *
cert_status_code(enum cert_status s)
{
	return (unsigned)s < CERT_STATUS__MAX ? status_codes[s] : "";
}

const struct cert_transition *
cert_transition(enum cert_action a, enum cert_status from)
{
	for (size_t i = 0; i < sizeof(cert_transitions) / sizeof(cert_transitions[0]); i++)
		if (cert_transitions[i].action == a && cert_transitions[i].from == from)
			return &cert_transitions[i];
	return NULL;
}

const char *
cert_action_name(enum cert_action a)
{
	return (unsigned)a < CERT_ACTION__MAX ? action_names[a] : "unknown";
}

int
cert_action_parse(const char *s)
{
	return parse_name(action_names, CERT_ACTION__MAX, s);
}
