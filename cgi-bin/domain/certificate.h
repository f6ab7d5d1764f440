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
 * result must be 3 to 40 characters of A-Z, 0-9, '-' and '/'.  0, or -1
 * (nothing useful in out).
 */
int	cert_number(const char *pattern, int year, long serial, char out[CERT_NUMBER_MAX + 1]);

/* cert_number_pattern_valid: does pattern make valid numbers (tried with a large serial)? */
bool	cert_number_pattern_valid(const char *pattern);

/* The printed facts a signature covers. */
struct cert_signed {
	const char	*number;
	int		 version;
	const char	*org_name, *credit_code, *level, *issue_date, *expiry_date;
};

/*
 * cert_sign: HMAC-SHA256 with key over the facts, one per line in the
 * order of struct cert_signed; the first 128 bits in lower-case hex.
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

#endif
