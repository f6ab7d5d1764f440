/* accounts.h: rules for what a user may type: e-mail addresses, names, passwords. */
#ifndef STARCERT_ACCOUNTS_H
#define STARCERT_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN_CHARS	10
#define PASSWORD_MAX_CHARS	256
#define EMAIL_MAX		254
#define NAME_MAX_CHARS		100

enum password_problem {
	PASSWORD_OK,
	PASSWORD_TOO_SHORT,
	PASSWORD_TOO_LONG,
};

/* password_check: length in characters (UTF-8 code points) between the bounds. */
enum password_problem password_check(const char *utf8);

/*
 * email_valid: a plausible address: one '@', a non-empty local part of
 * printable ASCII without spaces, a domain with a dot, labels of letters,
 * digits and hyphens; at most EMAIL_MAX bytes.
 */
bool	email_valid(const char *);

/* email_normalise: lower-case ASCII letters in place. */
void	email_normalise(char *);

/* phone_valid: 5 to 40 characters of digits, spaces, '+', '-', '(' and ')', with at least 5 digits. */
bool	phone_valid(const char *);

#endif
