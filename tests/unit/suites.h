/* suites.h: the Check suites of the unit tests, one per module, run by main.c. */
#ifndef STARCERT_TEST_SUITES_H
#define STARCERT_TEST_SUITES_H

#include <check.h>

Suite	*arena_suite(void);
Suite	*buf_suite(void);
Suite	*parse_suite(void);
Suite	*multipart_suite(void);
Suite	*router_suite(void);
Suite	*request_suite(void);
Suite	*i18n_suite(void);
Suite	*templates_suite(void);
Suite	*domain_accounts_suite(void);
Suite	*blob_suite(void);
Suite	*domain_intake_suite(void);
Suite	*domain_review_suite(void);
Suite	*domain_scoring_suite(void);
Suite	*domain_audit_suite(void);
Suite	*cert_pdf_suite(void);
Suite	*domain_certificate_suite(void);
Suite	*mail_suite(void);
Suite	*exports_suite(void);
Suite	*svg_suite(void);
Suite	*variant_suite(void);

#endif
