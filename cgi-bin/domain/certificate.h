/* certificate.h: certificate numbers, the dates a certificate carries, and the signature its QR link holds. */
#ifndef STARCERT_CERTIFICATE_H
#define STARCERT_CERTIFICATE_H

#include <stdbool.h>
#include <stddef.h>

#define CERT_NUMBER_MAX		40
#define CERT_KEY_BYTES		32
#define CERT_SIGNATURE_HEX	32	/* 128 bits of HMAC-SHA256, in hex */

/*
 * cert_number: the number for serial in year from pattern: "{YYYY}" is the
 * year, a run of N in braces ("{NNNNN}") the serial zero-padded to its
 * width (a wider serial is written in full); anything else is copied.  The
 * result must be 3 to 40 characters of A-Z, 0-9 and '-' (one URL path
 * segment, as /verify/NUMBER needs).  0, or -1
 * (nothing useful in out).
 */
int	cert_number(const char *pattern, int year, long serial, char out[CERT_NUMBER_MAX + 1]);

/* cert_number_pattern_valid: does pattern hold {YYYY} and make valid numbers (tried with serials 1 and 999999)? */
bool	cert_number_pattern_valid(const char *pattern);

/* The printed facts a signature covers. */
struct cert_signed {
	const char	*number;
	int		 version;
	const char	*org_name, *credit_code, *level, *issue_date, *expiry_date;
};

/*
 * cert_sign: HMAC-SHA256 with key over the facts in the order of struct
 * cert_signed, each as its length in bytes, ':', its text and '\n' (the
 * version in decimal); the first 128 bits in lower-case hex.
 */
void	cert_sign(const unsigned char key[CERT_KEY_BYTES], const struct cert_signed *,
	    char out[CERT_SIGNATURE_HEX + 1]);

/* cert_signature_equal: compare a given signature with the expected one in constant time. */
bool	cert_signature_equal(const char *given, const char *expected);

/*
 * cert_add_months: date (YYYY-MM-DD) plus months, the day kept or, where
 * the month is shorter, its last day (2028-02-29 + 12 → 2029-02-28).
 * 0, or -1 for a bad date.
 */
int	cert_add_months(const char *date, int months, char out[11]);

/* A certificate's status; the register's codes (DOMAIN.md) in cert_status_code. */
enum cert_status {
	CERT_VALID = 0,		/* 01 */
	CERT_SUSPENDED,		/* 02 暂停 */
	CERT_WITHDRAWN,		/* 03 撤销 */
	CERT_CANCELLED,		/* 04 注销, at the holder's request */
	CERT_EXPIRED,		/* 05 */
	CERT_REPLACED,		/* continued by a recertification's certificate */
	CERT_STATUS__MAX
};

const char	*cert_status_name(enum cert_status);
int		 cert_status_parse(const char *);	/* -1 when unknown */
/* cert_status_code: "01" to "05" for the register's statuses; "" for replaced. */
const char	*cert_status_code(enum cert_status);

/* What people may do to a certificate's status by hand (the daily tick does the rest). */
enum cert_action {
	CERT_SUSPEND = 0,	/* by a supervisor, with a reason code */
	CERT_REINSTATE,		/* by a supervisor, after corrective evidence */
	CERT_WITHDRAW,		/* by a supervisor, with a reason code */
	CERT_CANCEL,		/* at the holder's request, while valid */
	CERT_ACTION__MAX
};

struct cert_transition {
	enum cert_action	action;
	enum cert_status	from, to;
	unsigned		roles;	/* ROLE_* allowed */
};

/* cert_transition: the move for action from status from, or NULL when not allowed. */
const struct cert_transition *cert_transition(enum cert_action, enum cert_status from);
const char	*cert_action_name(enum cert_action);
int		 cert_action_parse(const char *);

#endif
