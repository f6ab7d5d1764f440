/* credit_code.h: the unified social credit code (GB 32100-2015) and its check character. */
#ifndef STARCERT_CREDIT_CODE_H
#define STARCERT_CREDIT_CODE_H

#include <stdbool.h>

#define CREDIT_CODE_LEN	18

/*
 * credit_code_valid: true when s is exactly 18 characters from
 * 0-9 A-H J-N P-R T-U W-Y whose last is the check character computed from
 * the first 17 (weights 3^i mod 31).  Lower case is not accepted: callers
 * normalise with credit_code_normalise first.
 */
bool	credit_code_valid(const char *s);

/* credit_code_check_char: the check character for the first 17 characters, or 0 if one is invalid. */
char	credit_code_check_char(const char *first17);

/* credit_code_normalise: copy s upper-cased without surrounding spaces into out[19]; false if too long. */
bool	credit_code_normalise(const char *s, char out[CREDIT_CODE_LEN + 1]);

#endif
