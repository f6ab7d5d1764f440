/* main.c: run every unit-test suite; non-zero exit status when any test fails. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "suites.h"

int
main(void)
{
	SRunner		*sr;
	const char	*share;
	int		 failed;

	/* Catalogs and templates are read relative to the share directory. */
	if ((share = getenv("STARCERT_SHARE")) != NULL && chdir(share) != 0) {
		perror(share);
		return 2;
	}

	sr = srunner_create(arena_suite());
	srunner_add_suite(sr, buf_suite());
	srunner_add_suite(sr, parse_suite());
	srunner_add_suite(sr, multipart_suite());
	srunner_add_suite(sr, router_suite());
	srunner_add_suite(sr, request_suite());
	srunner_add_suite(sr, i18n_suite());
	srunner_add_suite(sr, templates_suite());
	srunner_add_suite(sr, domain_accounts_suite());
	srunner_add_suite(sr, blob_suite());
	srunner_add_suite(sr, domain_intake_suite());
	srunner_add_suite(sr, domain_review_suite());
	srunner_add_suite(sr, domain_scoring_suite());
	srunner_add_suite(sr, domain_audit_suite());
	srunner_add_suite(sr, cert_pdf_suite());
	srunner_add_suite(sr, domain_certificate_suite());
	srunner_add_suite(sr, mail_suite());
	srunner_add_suite(sr, exports_suite());
	srunner_add_suite(sr, svg_suite());
	srunner_add_suite(sr, variant_suite());

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
