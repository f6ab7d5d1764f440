/* credit_code.c: GB 32100-2015 unified social credit codes. */
#include <string.h>

#include "credit_code.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";	/* 31 characters */
static const int weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

static int
char_value(char c)
{
	const char *p;

	if (c == '\0' || (p = strchr(alphabet, c)) == NULL)
		return -1;
	return (int)(p - alphabet);
}

char
credit_code_check_char(const char *first17)
{
	int sum = 0, v;

	for (int i = 0; i < 17; i++) {
		if ((v = char_value(first17[i])) < 0)
			return 0;
		sum += v * weights[i];
	}
	v = 31 - sum % 31;
	return alphabet[v == 31 ? 0 : v];
}

bool
credit_code_valid(const char *s)
{
	char check;

	if (s == NULL || strlen(s) != CREDIT_CODE_LEN)
		return false;
	if ((check = credit_code_check_char(s)) == 0)
		return false;
	return s[17] == check;
}

bool
credit_code_normalise(const char *s, char out[CREDIT_CODE_LEN + 1])
{
	size_t n = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s != '\0' && *s != ' ' && *s != '\t'; s++) {
		if (n == CREDIT_CODE_LEN) {
			out[0] = '\0';
			return false;
		}
		out[n++] = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	out[n] = '\0';
	return *s == '\0';
}
