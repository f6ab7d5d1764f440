/* accounts.c: validation of account fields; pure functions. */
#include <string.h>

#include "accounts.h"

static size_t
code_points(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

enum password_problem
password_check(const char *pw)
{
	size_t n = code_points(pw);

	if (n < PASSWORD_MIN_CHARS)
		return PASSWORD_TOO_SHORT;
	if (n > PASSWORD_MAX_CHARS)
		return PASSWORD_TOO_LONG;
	return PASSWORD_OK;
}

static bool
label_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

bool
email_valid(const char *s)
{
	const char	*at, *p, *label;
	bool		 dot = false;

	if (s == NULL || strlen(s) > EMAIL_MAX || (at = strchr(s, '@')) == NULL ||
	    at == s || strchr(at + 1, '@') != NULL)
		return false;
	for (p = s; p < at; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    strchr("()<>[]\\,;:\"", *p) != NULL)
			return false;
	label = at + 1;
	for (p = at + 1;; p++) {
		if (*p == '.' || *p == '\0') {
			if (p == label || label[0] == '-' || p[-1] == '-')
				return false;
			if (*p == '\0')
				break;
			dot = true;
			label = p + 1;
		} else if (!label_char(*p))
			return false;
	}
	return dot;
}

void
email_normalise(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

bool
phone_valid(const char *s)
{
	size_t len = strlen(s), digits = 0;

	if (len < 5 || len > 40)
		return false;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (strchr(" +-()", *s) == NULL)
			return false;
	}
	return digits >= 5;
}
