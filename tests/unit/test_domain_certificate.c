/* test_domain_certificate.c: certificate numbers, validity dates, signatures, statuses and their moves; today's date. */
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>
#include <sodium.h>

#include "../../cgi-bin/domain/certificate.h"
#include "../../cgi-bin/domain/date.h"
#include "../../cgi-bin/domain/roles.h"
#include "suites.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

#define DEFAULT_PATTERN	"SC-{YYYY}-{NNNNN}"

/* ---- numbers ---- */

START_TEST(test_number_default)
{
	char out[CERT_NUMBER_MAX + 1];

	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2026, 1, out), 0);
	ck_assert_str_eq(out, "SC-2026-00001");
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2026, 42, out), 0);
	ck_assert_str_eq(out, "SC-2026-00042");
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2031, 99999, out), 0);
	ck_assert_str_eq(out, "SC-2031-99999");
}
END_TEST

START_TEST(test_number_wide_serial)
{
	char out[CERT_NUMBER_MAX + 1];

	/* A serial wider than its run is written in full, not truncated. */
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2026, 123456, out), 0);
	ck_assert_str_eq(out, "SC-2026-123456");
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2026, 100000, out), 0);
	ck_assert_str_eq(out, "SC-2026-100000");
}
END_TEST

START_TEST(test_number_single_n)
{
	char out[CERT_NUMBER_MAX + 1];

	ck_assert_int_eq(cert_number("SC-{N}", 2026, 7, out), 0);
	ck_assert_str_eq(out, "SC-7");
	ck_assert_int_eq(cert_number("SC-{N}", 2026, 1234, out), 0);
	ck_assert_str_eq(out, "SC-1234");
	/* {N} alone: too short with a one-digit serial, fine once three digits long. */
	ck_assert_int_eq(cert_number("{N}", 2026, 5, out), -1);
	ck_assert_int_eq(cert_number("{N}", 2026, 123, out), 0);
	ck_assert_str_eq(out, "123");
	/* Nine N, the widest run accepted. */
	ck_assert_int_eq(cert_number("X-{NNNNNNNNN}", 2026, 12, out), 0);
	ck_assert_str_eq(out, "X-000000012");
}
END_TEST

START_TEST(test_number_slash)
{
	char out[CERT_NUMBER_MAX + 1];

	/* A number is one URL path segment (/verify/NUMBER): no slash. */
	ck_assert_int_eq(cert_number("SC/{YYYY}/{NNNN}", 2027, 15, out), -1);
	ck_assert_int_eq(cert_number("{NNN}-{YYYY}", 2027, 3, out), 0);
	ck_assert_str_eq(out, "003-2027");
}
END_TEST

START_TEST(test_number_bad_patterns)
{
	static const char *const bad[] = {
		"sc-{YYYY}-{NNNNN}",		/* lower case */
		"SC {YYYY}-{NNNNN}",		/* a space */
		"SC-证书-{NNNNN}",		/* a Chinese character */
		"SC-{YYYY}-{NN",		/* unclosed brace */
		"SC-{YYYY}-{NNNNNNNNNN}",	/* 10 N */
		"SC-{YYYY}",			/* no serial */
		"SC-2026",			/* no serial, no year */
		"SC-{YY}-{NNNNN}",		/* not a year placeholder */
		"SC-{YYYY}-{NNXNN}",		/* not a run of N */
		"SC-{YYYY}-{}",			/* empty braces */
		"SC-{YYYY}-{NNNNN}}",		/* stray closing brace */
		"",
	};
	char out[CERT_NUMBER_MAX + 1];

	for (size_t i = 0; i < NELEM(bad); i++) {
		ck_assert_msg(cert_number(bad[i], 2026, 1, out) == -1,
		    "pattern \"%s\" accepted", bad[i]);
		ck_assert_msg(!cert_number_pattern_valid(bad[i]),
		    "pattern \"%s\" judged valid", bad[i]);
	}
	ck_assert_int_eq(cert_number(NULL, 2026, 1, out), -1);
	ck_assert(!cert_number_pattern_valid(NULL));
}
END_TEST

START_TEST(test_number_length)
{
	char out[CERT_NUMBER_MAX + 1];
	char pattern[64];

	/* 35 characters of prefix, "-" and a five-digit serial: 41, one too many. */
	memset(pattern, 'A', 35);
	strcpy(pattern + 35, "-{NNNNN}");
	ck_assert_int_eq(cert_number(pattern, 2026, 1, out), -1);
	ck_assert(!cert_number_pattern_valid(pattern));
	/* 34 of prefix: exactly 40. */
	memset(pattern, 'A', 34);
	strcpy(pattern + 34, "-{NNNNN}");
	ck_assert_int_eq(cert_number(pattern, 2026, 1, out), 0);
	ck_assert_uint_eq(strlen(out), CERT_NUMBER_MAX);
	ck_assert_str_eq(out + 34, "-00001");
	/* Within 40 with a short serial, over 40 once the serial widens. */
	ck_assert_int_eq(cert_number(pattern, 2026, 123456, out), -1);
	/* The placeholders expand past 40 even though the pattern is shorter. */
	ck_assert_int_eq(cert_number("{YYYY}{YYYY}{YYYY}{YYYY}{YYYY}{YYYY}{YYYY}{YYYY}{YYYY}{NNNNN}",
	    2026, 1, out), -1);
}
END_TEST

START_TEST(test_number_year_serial_range)
{
	char out[CERT_NUMBER_MAX + 1];

	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 999, 1, out), -1);
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 10000, 1, out), -1);
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 0, 1, out), -1);
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, -2026, 1, out), -1);
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 1000, 1, out), 0);
	ck_assert_str_eq(out, "SC-1000-00001");
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 9999, 1, out), 0);
	ck_assert_str_eq(out, "SC-9999-00001");
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2026, 0, out), -1);
	ck_assert_int_eq(cert_number(DEFAULT_PATTERN, 2026, -1, out), -1);
}
END_TEST

START_TEST(test_number_pattern_valid)
{
	ck_assert(cert_number_pattern_valid(DEFAULT_PATTERN));
	ck_assert(!cert_number_pattern_valid("SC/{YYYY}/{NNNN}"));
	/* Without the year, serials restarting each year would repeat numbers. */
	ck_assert(!cert_number_pattern_valid("XY-{N}"));
	ck_assert(cert_number_pattern_valid("XY{YYYY}{N}"));
	/* Too short while the serial has one or two digits. */
	ck_assert(!cert_number_pattern_valid("{N}"));
	ck_assert(!cert_number_pattern_valid("A{N}"));
	/* Valid with serial 1 but not with a large serial: too long once it widens. */
	{
		char pattern[64];

		memset(pattern, 'A', 34);
		strcpy(pattern + 34, "-{NNNNN}");
		ck_assert(!cert_number_pattern_valid(pattern));
	}
}
END_TEST

/* ---- months ---- */

static void
check_add(const char *date, int months, const char *want)
{
	char out[11];

	memset(out, 'x', sizeof(out));
	ck_assert_msg(cert_add_months(date, months, out) == 0,
	    "%s + %d refused", date, months);
	ck_assert_msg(memchr(out, '\0', sizeof(out)) != NULL, "%s + %d unterminated", date, months);
	ck_assert_msg(strcmp(out, want) == 0, "%s + %d = %s, want %s",
	    date, months, out, want);
}

START_TEST(test_add_months)
{
	check_add("2026-01-31", 1, "2026-02-28");
	check_add("2028-01-31", 1, "2028-02-29");
	check_add("2028-02-29", 12, "2029-02-28");
	check_add("2026-11-24", 36, "2029-11-24");
	check_add("2026-12-15", 1, "2027-01-15");
	check_add("2026-03-31", 1, "2026-04-30");
	check_add("2026-01-30", 13, "2027-02-28");
	check_add("2026-12-31", 12, "2027-12-31");
	check_add("2026-05-17", 0, "2026-05-17");
	check_add("2028-02-29", 0, "2028-02-29");
}
END_TEST

START_TEST(test_add_months_bad)
{
	static const char *const bad[] = {
		"2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01",
		"26-01-01", "2026/01/01", "", "2026-01-01x", "2027-02-29",
	};
	char out[11];

	for (size_t i = 0; i < NELEM(bad); i++)
		ck_assert_msg(cert_add_months(bad[i], 1, out) == -1,
		    "bad date \"%s\" accepted", bad[i]);
	ck_assert_int_eq(cert_add_months(NULL, 1, out), -1);
	ck_assert_int_eq(cert_add_months("2026-01-15", -1, out), -1);
	ck_assert_int_eq(cert_add_months("2026-01-15", -12, out), -1);
}
END_TEST

/* ---- signatures ---- */

static const unsigned char test_key[CERT_KEY_BYTES] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

static struct cert_signed
base_facts(void)
{
	struct cert_signed s = {
		.number = "SC-2026-00001",
		.version = 3,
		.org_name = "星辰科技有限公司",
		.credit_code = "91310000MA1FL0XX0X",
		.level = "A",
		.issue_date = "2026-11-24",
		.expiry_date = "2029-11-23",
	};

	return s;
}

static void
sign(const unsigned char *key, const struct cert_signed *s, char out[CERT_SIGNATURE_HEX + 1])
{
	memset(out, 'x', CERT_SIGNATURE_HEX + 1);
	cert_sign(key, s, out);
}

START_TEST(test_sign_shape)
{
	struct cert_signed	s = base_facts();
	char			a[CERT_SIGNATURE_HEX + 1], b[CERT_SIGNATURE_HEX + 1];

	sign(test_key, &s, a);
	ck_assert_uint_eq(strlen(a), CERT_SIGNATURE_HEX);
	for (size_t i = 0; i < CERT_SIGNATURE_HEX; i++)
		ck_assert_msg((a[i] >= '0' && a[i] <= '9') || (a[i] >= 'a' && a[i] <= 'f'),
		    "signature \"%s\" has '%c' at %zu", a, a[i], i);
	/* Deterministic. */
	sign(test_key, &s, b);
	ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(test_sign_known_answer)
{
	struct cert_signed	s = base_facts();
	char			got[CERT_SIGNATURE_HEX + 1], want[CERT_SIGNATURE_HEX + 1];
	char			msg[512];
	unsigned char		mac[crypto_auth_hmacsha256_BYTES];
	int			n;

	ck_assert_int_ge(sodium_init(), 0);
	/* As documented: each fact in the order of struct cert_signed as
	 * "<bytes>:<text>\n" (the version in decimal). */
	{
		char version[16];

		snprintf(version, sizeof(version), "%d", s.version);
		n = snprintf(msg, sizeof(msg), "%zu:%s\n%zu:%s\n%zu:%s\n%zu:%s\n%zu:%s\n%zu:%s\n%zu:%s\n",
		    strlen(s.number), s.number, strlen(version), version,
		    strlen(s.org_name), s.org_name, strlen(s.credit_code), s.credit_code,
		    strlen(s.level), s.level, strlen(s.issue_date), s.issue_date,
		    strlen(s.expiry_date), s.expiry_date);
	}
	ck_assert(n > 0 && (size_t)n < sizeof(msg));
	crypto_auth_hmacsha256(mac, (const unsigned char *)msg, (unsigned long long)n, test_key);
	sodium_bin2hex(want, sizeof(want), mac, CERT_SIGNATURE_HEX / 2);

	sign(test_key, &s, got);
	ck_assert_str_eq(got, want);
	/* The same value from Python's hmac module, fixed, so a change of format shows. */
	ck_assert_str_eq(got, "7f5290c9ca8e8b7060bf64f6a891d9ca");
}
END_TEST

START_TEST(test_sign_each_field)
{
	struct cert_signed	base = base_facts();
	char			ref[CERT_SIGNATURE_HEX + 1], sig[CERT_SIGNATURE_HEX + 1];

	sign(test_key, &base, ref);
	for (int f = 0; f < 7; f++) {
		struct cert_signed s = base;

		switch (f) {
		case 0: s.number = "SC-2026-00002"; break;
		case 1: s.version = 4; break;
		case 2: s.org_name = "星辰科技有限公司 "; break;
		case 3: s.credit_code = "91310000MA1FL0XX0Y"; break;
		case 4: s.level = "B"; break;
		case 5: s.issue_date = "2026-11-25"; break;
		case 6: s.expiry_date = "2029-11-24"; break;
		}
		sign(test_key, &s, sig);
		ck_assert_msg(strcmp(sig, ref) != 0, "changing field %d leaves the signature", f);
	}
	/* Version 0 and a negative version are distinct too. */
	{
		struct cert_signed s = base;
		char v0[CERT_SIGNATURE_HEX + 1], vneg[CERT_SIGNATURE_HEX + 1];

		s.version = 0;
		sign(test_key, &s, v0);
		s.version = -3;
		sign(test_key, &s, vneg);
		ck_assert_str_ne(v0, vneg);
		ck_assert_str_ne(vneg, ref);
	}
}
END_TEST

START_TEST(test_sign_key)
{
	struct cert_signed	s = base_facts();
	unsigned char		key2[CERT_KEY_BYTES];
	char			a[CERT_SIGNATURE_HEX + 1], b[CERT_SIGNATURE_HEX + 1];

	sign(test_key, &s, a);
	memcpy(key2, test_key, sizeof(key2));
	key2[CERT_KEY_BYTES - 1] ^= 0x01;	/* the last byte: the whole key is used */
	sign(key2, &s, b);
	ck_assert_str_ne(a, b);
	memcpy(key2, test_key, sizeof(key2));
	key2[0] ^= 0x80;
	sign(key2, &s, b);
	ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(test_sign_field_boundaries)
{
	struct cert_signed	x = base_facts(), y = base_facts();
	char			a[CERT_SIGNATURE_HEX + 1], b[CERT_SIGNATURE_HEX + 1];

	/* number | version */
	x.number = "SC-1"; x.version = 23;
	y.number = "SC-12"; y.version = 3;
	sign(test_key, &x, a);
	sign(test_key, &y, b);
	ck_assert_str_ne(a, b);

	/* Each pair of adjacent string fields: ("ab","c") against ("a","bc"). */
	for (int f = 0; f < 4; f++) {
		x = base_facts();
		y = base_facts();
		switch (f) {
		case 0: x.org_name = "ab"; x.credit_code = "c"; y.org_name = "a"; y.credit_code = "bc"; break;
		case 1: x.credit_code = "ab"; x.level = "c"; y.credit_code = "a"; y.level = "bc"; break;
		case 2: x.level = "ab"; x.issue_date = "c"; y.level = "a"; y.issue_date = "bc"; break;
		case 3: x.issue_date = "ab"; x.expiry_date = "c"; y.issue_date = "a"; y.expiry_date = "bc"; break;
		}
		sign(test_key, &x, a);
		sign(test_key, &y, b);
		ck_assert_msg(strcmp(a, b) != 0, "fields %d and %d run together", f + 2, f + 3);
	}
	/* An empty field is not the same as a missing one shifted over. */
	x = base_facts();
	y = base_facts();
	x.level = ""; x.issue_date = "A";
	y.level = "A"; y.issue_date = "";
	sign(test_key, &x, a);
	sign(test_key, &y, b);
	ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(test_signature_equal)
{
	struct cert_signed	s = base_facts();
	char			sig[CERT_SIGNATURE_HEX + 1], other[CERT_SIGNATURE_HEX + 2];

	sign(test_key, &s, sig);
	strcpy(other, sig);
	ck_assert(cert_signature_equal(other, sig));
	/* The last character differs. */
	other[CERT_SIGNATURE_HEX - 1] = sig[CERT_SIGNATURE_HEX - 1] == '0' ? '1' : '0';
	ck_assert(!cert_signature_equal(other, sig));
	/* The first character differs. */
	strcpy(other, sig);
	other[0] = sig[0] == 'a' ? 'b' : 'a';
	ck_assert(!cert_signature_equal(other, sig));
	/* Wrong lengths: one short, one long, empty. */
	strcpy(other, sig);
	other[CERT_SIGNATURE_HEX - 1] = '\0';
	ck_assert(!cert_signature_equal(other, sig));
	strcpy(other, sig);
	other[CERT_SIGNATURE_HEX] = '0';
	other[CERT_SIGNATURE_HEX + 1] = '\0';
	ck_assert(!cert_signature_equal(other, sig));
	ck_assert(!cert_signature_equal("", sig));
	/* Nothing given. */
	ck_assert(!cert_signature_equal(NULL, sig));
}
END_TEST

/* ---- statuses and actions ---- */

START_TEST(test_status_round_trip)
{
	static const char *const codes[CERT_STATUS__MAX] = {
		[CERT_VALID] = "01", [CERT_SUSPENDED] = "02", [CERT_WITHDRAWN] = "03",
		[CERT_CANCELLED] = "04", [CERT_EXPIRED] = "05", [CERT_REPLACED] = "",
	};

	for (int s = 0; s < CERT_STATUS__MAX; s++) {
		const char *name = cert_status_name((enum cert_status)s);

		ck_assert_ptr_nonnull(name);
		ck_assert_msg(name[0] != '\0', "status %d has no name", s);
		ck_assert_msg(cert_status_parse(name) == s, "status %d (\"%s\") parses to %d",
		    s, name, cert_status_parse(name));
		ck_assert_str_eq(cert_status_code((enum cert_status)s), codes[s]);
		for (int t = s + 1; t < CERT_STATUS__MAX; t++)
			ck_assert_str_ne(name, cert_status_name((enum cert_status)t));
	}
	ck_assert_str_eq(cert_status_name(CERT_VALID), "valid");
	ck_assert_str_eq(cert_status_name(CERT_SUSPENDED), "suspended");
	ck_assert_str_eq(cert_status_name(CERT_WITHDRAWN), "withdrawn");
	ck_assert_str_eq(cert_status_name(CERT_CANCELLED), "cancelled");
	ck_assert_str_eq(cert_status_name(CERT_EXPIRED), "expired");
	ck_assert_str_eq(cert_status_name(CERT_REPLACED), "replaced");
	ck_assert_int_eq(cert_status_parse("VALID"), -1);
	ck_assert_int_eq(cert_status_parse("valid "), -1);
	ck_assert_int_eq(cert_status_parse(""), -1);
	ck_assert_int_eq(cert_status_parse("01"), -1);
	ck_assert_int_eq(cert_status_parse(NULL), -1);
	ck_assert_str_eq(cert_status_name(CERT_STATUS__MAX), "unknown");
	ck_assert_str_eq(cert_status_code(CERT_STATUS__MAX), "");
}
END_TEST

START_TEST(test_action_round_trip)
{
	static const char *const names[CERT_ACTION__MAX] = {
		[CERT_SUSPEND] = "suspend", [CERT_REINSTATE] = "reinstate",
		[CERT_WITHDRAW] = "withdraw", [CERT_CANCEL] = "cancel",
	};

	for (int a = 0; a < CERT_ACTION__MAX; a++) {
		ck_assert_str_eq(cert_action_name((enum cert_action)a), names[a]);
		ck_assert_int_eq(cert_action_parse(names[a]), a);
	}
	ck_assert_int_eq(cert_action_parse("Suspend"), -1);
	ck_assert_int_eq(cert_action_parse("revoke"), -1);
	ck_assert_int_eq(cert_action_parse(""), -1);
	ck_assert_int_eq(cert_action_parse(NULL), -1);
	ck_assert_str_eq(cert_action_name(CERT_ACTION__MAX), "unknown");
}
END_TEST

START_TEST(test_transitions)
{
	/* to[action][from]: the status reached, or -1 when not allowed; roles alike. */
	int		to[CERT_ACTION__MAX][CERT_STATUS__MAX];
	unsigned	roles[CERT_ACTION__MAX][CERT_STATUS__MAX];

	for (int a = 0; a < CERT_ACTION__MAX; a++)
		for (int s = 0; s < CERT_STATUS__MAX; s++) {
			to[a][s] = -1;
			roles[a][s] = 0;
		}
	to[CERT_SUSPEND][CERT_VALID] = CERT_SUSPENDED;
	roles[CERT_SUSPEND][CERT_VALID] = ROLE_SUPERVISOR;
	to[CERT_REINSTATE][CERT_SUSPENDED] = CERT_VALID;
	roles[CERT_REINSTATE][CERT_SUSPENDED] = ROLE_SUPERVISOR;
	to[CERT_WITHDRAW][CERT_VALID] = CERT_WITHDRAWN;
	roles[CERT_WITHDRAW][CERT_VALID] = ROLE_SUPERVISOR;
	to[CERT_WITHDRAW][CERT_SUSPENDED] = CERT_WITHDRAWN;
	roles[CERT_WITHDRAW][CERT_SUSPENDED] = ROLE_SUPERVISOR;
	to[CERT_CANCEL][CERT_VALID] = CERT_CANCELLED;
	roles[CERT_CANCEL][CERT_VALID] = ROLE_APPLICANT;

	for (int a = 0; a < CERT_ACTION__MAX; a++)
		for (int s = 0; s < CERT_STATUS__MAX; s++) {
			const struct cert_transition *t =
			    cert_transition((enum cert_action)a, (enum cert_status)s);

			if (to[a][s] < 0) {
				ck_assert_msg(t == NULL, "%s from %s allowed",
				    cert_action_name((enum cert_action)a),
				    cert_status_name((enum cert_status)s));
				continue;
			}
			ck_assert_msg(t != NULL, "%s from %s refused",
			    cert_action_name((enum cert_action)a),
			    cert_status_name((enum cert_status)s));
			ck_assert_int_eq(t->action, a);
			ck_assert_int_eq(t->from, s);
			ck_assert_int_eq(t->to, to[a][s]);
			ck_assert_uint_eq(t->roles, roles[a][s]);
		}
	/* A few named for the record. */
	ck_assert_ptr_null(cert_transition(CERT_REINSTATE, CERT_WITHDRAWN));
	ck_assert_ptr_null(cert_transition(CERT_CANCEL, CERT_EXPIRED));
	ck_assert_ptr_null(cert_transition(CERT_SUSPEND, CERT_SUSPENDED));
	ck_assert_ptr_null(cert_transition(CERT_REINSTATE, CERT_VALID));
	ck_assert_ptr_null(cert_transition(CERT_WITHDRAW, CERT_REPLACED));
}
END_TEST

/* ---- today ---- */

static void
utc8_date(char out[11])
{
	time_t		now = time(NULL) + 8 * 3600;
	struct tm	tm;

	gmtime_r(&now, &tm);
	snprintf(out, 11, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

START_TEST(test_date_today)
{
	char	today[11], before[11], after[11];
	regex_t	re;

	ck_assert_int_eq(regcomp(&re, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", REG_EXTENDED | REG_NOSUB), 0);
	utc8_date(before);
	memset(today, 'x', sizeof(today));
	date_today(today);
	utc8_date(after);
	ck_assert_msg(memchr(today, '\0', sizeof(today)) != NULL, "date_today unterminated");
	ck_assert_msg(regexec(&re, today, 0, NULL, 0) == 0, "date_today gave \"%s\"", today);
	regfree(&re);
	ck_assert_msg(date_valid(today), "date_today gave an invalid date \"%s\"", today);
	/* In UTC+8, whether or not midnight fell between the readings. */
	ck_assert_msg(strcmp(today, before) == 0 || strcmp(today, after) == 0,
	    "date_today \"%s\", UTC+8 is \"%s\"", today, after);
}
END_TEST

Suite *
domain_certificate_suite(void)
{
	Suite *s = suite_create("domain_certificate");
	TCase *tc;

	tc = tcase_create("number");
	tcase_add_test(tc, test_number_default);
	tcase_add_test(tc, test_number_wide_serial);
	tcase_add_test(tc, test_number_single_n);
	tcase_add_test(tc, test_number_slash);
	tcase_add_test(tc, test_number_bad_patterns);
	tcase_add_test(tc, test_number_length);
	tcase_add_test(tc, test_number_year_serial_range);
	tcase_add_test(tc, test_number_pattern_valid);
	suite_add_tcase(s, tc);

	tc = tcase_create("months");
	tcase_add_test(tc, test_add_months);
	tcase_add_test(tc, test_add_months_bad);
	suite_add_tcase(s, tc);

	tc = tcase_create("signature");
	tcase_add_test(tc, test_sign_shape);
	tcase_add_test(tc, test_sign_known_answer);
	tcase_add_test(tc, test_sign_each_field);
	tcase_add_test(tc, test_sign_key);
	tcase_add_test(tc, test_sign_field_boundaries);
	tcase_add_test(tc, test_signature_equal);
	suite_add_tcase(s, tc);

	tc = tcase_create("status");
	tcase_add_test(tc, test_status_round_trip);
	tcase_add_test(tc, test_action_round_trip);
	tcase_add_test(tc, test_transitions);
	suite_add_tcase(s, tc);

	tc = tcase_create("today");
	tcase_add_test(tc, test_date_today);
	suite_add_tcase(s, tc);

	return s;
}
