-- 0014_certificate_surveillance: a certificate's open surveillance case by
-- the certificate.  The certificate list shows each certificate's next due
-- date; the only index by certificate is partial on the kind, which that
-- look-up does not name, so every row of the list scanned the whole table
-- (200 rows over 10^5 certificates: a quarter of a second).
CREATE INDEX surveillance_cases_certificate_open ON surveillance_cases (certificate_id)
	WHERE state IN ('open', 'overdue');
