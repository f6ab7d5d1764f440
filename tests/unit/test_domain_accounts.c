/* test_domain_accounts.c: unified social credit codes, account field rules and role names. */
#include <string.h>

#include <check.h>

#include "../../cgi-bin/domain/accounts.h"
#include "../../cgi-bin/domain/credit_code.h"
#include "../../cgi-bin/domain/date.h"
#include "../../cgi-bin/domain/roles.h"
#include "suites.h"

/* Codes of real enterprises, as printed on their business licences. */
static const char *const real_codes[] = {
	"914403001922038216", "9144030071526726XG", "91330100799655058B",
	"91110000100010433L", "911100001000044477", "91110108551385082Q",
	"91440101231243173M",
};
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

START_TEST(test_real_codes_valid)
{
	for (size_t i = 0; i < sizeof(real_codes) / sizeof(real_codes[0]); i++)
		ck_assert_msg(credit_code_valid(real_codes[i]), "%s", real_codes[i]);
}
END_TEST

/* Every one-character substitution of a real code is caught by the check character. */
START_TEST(test_every_substitution_refused)
{
	char code[CREDIT_CODE_LEN + 1];

	for (size_t c = 0; c < sizeof(real_codes) / sizeof(real_codes[0]); c++)
		for (int pos = 0; pos < CREDIT_CODE_LEN; pos++)
			for (const char *a = alphabet; *a != '\0'; a++) {
				strcpy(code, real_codes[c]);
				if (code[pos] == *a)
					continue;
				code[pos] = *a;
				ck_assert_msg(!credit_code_valid(code), "%s accepted", code);
			}
}
END_TEST

START_TEST(test_check_character_maps_31_to_0)
{
	/* 17 zeros: sum 0, 31 - 0 = 31, which maps to '0'. */
	ck_assert_int_eq(credit_code_check_char("00000000000000000"), '0');
	ck_assert(credit_code_valid("000000000000000000"));
	ck_assert_int_eq(credit_code_check_char("91440300192203821"), '6');
}
END_TEST

START_TEST(test_bad_shapes)
{
	ck_assert(!credit_code_valid(NULL));
	ck_assert(!credit_code_valid(""));
	ck_assert(!credit_code_valid("91440300192203821"));	/* 17 */
	ck_assert(!credit_code_valid("9144030019220382166"));	/* 19 */
	ck_assert(!credit_code_valid("91440300192203821I"));	/* I is not in the set */
	ck_assert(!credit_code_valid("9144030071526726xg"));	/* lower case */
	ck_assert_int_eq(credit_code_check_char("9144030019220382O"), 0);
}
END_TEST

START_TEST(test_normalise)
{
	char out[CREDIT_CODE_LEN + 1];

	ck_assert(credit_code_normalise("  9144030071526726xg ", out));
	ck_assert_str_eq(out, "9144030071526726XG");
	ck_assert(credit_code_valid(out));
	ck_assert(!credit_code_normalise("9144030071526726XG1", out));
	ck_assert(!credit_code_normalise("91440300 71526726XG", out));
}
END_TEST

START_TEST(test_password_bounds)
{
	char long_pw[300];

	ck_assert_int_eq(password_check("123456789"), PASSWORD_TOO_SHORT);
	ck_assert_int_eq(password_check("1234567890"), PASSWORD_OK);
	/* Ten Chinese characters are ten characters, though 30 bytes. */
	ck_assert_int_eq(password_check("一二三四五六七八九十"), PASSWORD_OK);
	ck_assert_int_eq(password_check("一二三四五六七八九"), PASSWORD_TOO_SHORT);
	memset(long_pw, 'a', 256);
	long_pw[256] = '\0';
	ck_assert_int_eq(password_check(long_pw), PASSWORD_OK);
	long_pw[256] = 'a';
	long_pw[257] = '\0';
	ck_assert_int_eq(password_check(long_pw), PASSWORD_TOO_LONG);
}
END_TEST

START_TEST(test_email)
{
	char e[] = "Li.Si+Cert@Example.COM";

	ck_assert(email_valid("li@example.com"));
	ck_assert(email_valid("li.si+x@mail.example.com.cn"));
	ck_assert(!email_valid("li@example"));
	ck_assert(!email_valid("@example.com"));
	ck_assert(!email_valid("li@@example.com"));
	ck_assert(!email_valid("li si@example.com"));
	ck_assert(!email_valid("li@-example.com"));
	ck_assert(!email_valid("li@example..com"));
	ck_assert(!email_valid("<script>@example.com"));
	ck_assert(!email_valid("李@example.com"));
	email_normalise(e);
	ck_assert_str_eq(e, "li.si+cert@example.com");
}
END_TEST

START_TEST(test_phone)
{
	ck_assert(phone_valid("010-88886666"));
	ck_assert(phone_valid("+86 (755) 2878 0808"));
	ck_assert(!phone_valid("1234"));
	ck_assert(!phone_valid("abc-12345"));
	ck_assert(!phone_valid("++--()"));
}
END_TEST

START_TEST(test_roles)
{
	ck_assert_str_eq(role_name(ROLE_SUPERVISOR), "supervisor");
	ck_assert_ptr_null(role_name(ROLE_REVIEWER | ROLE_AUDITOR));
	ck_assert_uint_eq(role_parse("auditor"), ROLE_AUDITOR);
	ck_assert_uint_eq(role_parse("Auditor"), 0);
	for (unsigned bit = 1; bit < (1u << ROLE_COUNT); bit <<= 1)
		ck_assert_uint_eq(role_parse(role_name(bit)), bit);
	ck_assert_uint_eq(ROLES_STAFF & ROLE_APPLICANT, 0);
}
END_TEST

/* Typed dates: qualification dates and the event and queue filters. */
START_TEST(test_dates)
{
	ck_assert(date_valid("2028-06-30"));
	ck_assert(date_valid("2024-02-29"));	/* leap year */
	ck_assert(date_valid("2000-02-29"));	/* divisible by 400 */
	ck_assert(!date_valid("2100-02-29"));	/* divisible by 100 only */
	ck_assert(!date_valid("2027-02-29"));
	ck_assert(!date_valid("2028-02-30"));
	ck_assert(!date_valid("2028-04-31"));
	ck_assert(!date_valid("2020-13-01"));
	ck_assert(!date_valid("2020-00-10"));
	ck_assert(!date_valid("2020-01-00"));
	ck_assert(!date_valid("1999-12-31"));
	ck_assert(!date_valid("2101-01-01"));
	ck_assert(!date_valid("2028-6-30"));
	ck_assert(!date_valid("2028/06/30"));
	ck_assert(!date_valid("2028-06-30 "));
	ck_assert(!date_valid("20a8-06-30"));
	ck_assert(!date_valid(""));
	ck_assert(!date_valid(NULL));
}
END_TEST

Suite *
domain_accounts_suite(void)
{
	Suite	*s = suite_create("domain_accounts");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_real_codes_valid);
	tcase_add_test(tc, test_every_substitution_refused);
	tcase_add_test(tc, test_check_character_maps_31_to_0);
	tcase_add_test(tc, test_bad_shapes);
	tcase_add_test(tc, test_normalise);
	tcase_add_test(tc, test_password_bounds);
	tcase_add_test(tc, test_email);
	tcase_add_test(tc, test_phone);
	tcase_add_test(tc, test_roles);
	tcase_add_test(tc, test_dates);
	suite_add_tcase(s, tc);
	return s;
}
