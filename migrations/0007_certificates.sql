-- 0007_certificates: evaluation of the audit report, the certification
-- decision, certificates with their versions, and the public register.

-- An audit goes on: reported → evaluated → decided.
DO $$
DECLARE c text;
BEGIN
	FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'audits'::regclass
	    AND contype = 'c' AND (pg_get_constraintdef(oid) LIKE '%reported_at%'
	    OR pg_get_constraintdef(oid) LIKE '%''planned''::text, ''confirmed''::text, ''reported''::text%')
	LOOP
		EXECUTE format('ALTER TABLE audits DROP CONSTRAINT %I', c);
	END LOOP;
END $$;
ALTER TABLE audits ADD CONSTRAINT audits_state_check CHECK (state IN
	('planned', 'confirmed', 'reported', 'evaluated', 'decided'));
ALTER TABLE audits ADD CONSTRAINT audits_reported_check CHECK
	((state IN ('planned', 'confirmed')) = (reported_at IS NULL));

-- The evaluator's adjustments of single indicators; the sheet's own value stays.
CREATE TABLE score_adjustments (
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	indicator_code	text NOT NULL REFERENCES indicators (code),
	adjusted_tenths	integer NOT NULL CHECK (adjusted_tenths >= 0),
	reason		text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
	adjusted_by	bigint NOT NULL REFERENCES users (id),
	adjusted_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (audit_id, indicator_code)
);

CREATE TABLE evaluations (
	audit_id	bigint PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
	evaluator_id	bigint NOT NULL REFERENCES users (id),
	recommendation	text NOT NULL CHECK (recommendation IN ('certify', 'refuse')),
	level		text CHECK (level IN ('compliant', 'three_star', 'four_star', 'five_star')),
	final_tenths	integer NOT NULL CHECK (final_tenths BETWEEN 0 AND 1000),
	comment		text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
	evaluated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK ((recommendation = 'certify') = (level IS NOT NULL))
);

CREATE TABLE decisions (
	audit_id	bigint PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
	supervisor_id	bigint NOT NULL REFERENCES users (id),
	outcome		text NOT NULL CHECK (outcome IN ('approved', 'refused')),
	comment		text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
	decided_at	timestamptz NOT NULL DEFAULT now()
);

-- Serials per year: the row lock of the upsert orders concurrent approvals.
CREATE TABLE certificate_serials (
	year	integer PRIMARY KEY,
	last	integer NOT NULL CHECK (last >= 1)
);

-- A certificate; its printed facts are in certificate_versions (the
-- current one is version).  status uses the register's codes in exports:
-- 01 valid, 02 suspended, 03 withdrawn, 04 cancelled, 05 expired.
CREATE TABLE certificates (
	id			bigserial PRIMARY KEY,
	number			text NOT NULL UNIQUE CHECK (number ~ '^[A-Z0-9-]{3,40}$'),
	organization_id		bigint NOT NULL REFERENCES organizations (id),
	application_id		bigint NOT NULL REFERENCES applications (id),
	audit_id		bigint NOT NULL UNIQUE REFERENCES audits (id),
	status			text NOT NULL DEFAULT 'valid' CHECK (status IN
				    ('valid', 'suspended', 'withdrawn', 'cancelled', 'expired', 'replaced')),
	version			integer NOT NULL DEFAULT 1 CHECK (version >= 1),
	issue_date		date NOT NULL,
	expiry_date		date NOT NULL CHECK (expiry_date > issue_date),
	surveillance1_due	date NOT NULL,
	surveillance2_due	date NOT NULL,
	created_at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificates_organization ON certificates (organization_id);
CREATE INDEX certificates_status ON certificates (status);

CREATE TABLE certificate_versions (
	certificate_id	bigint NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
	version		integer NOT NULL CHECK (version >= 1),
	org_name	text NOT NULL,
	credit_code	text NOT NULL,
	address		text NOT NULL,
	scope		text NOT NULL,
	standard	text NOT NULL,
	level		text NOT NULL CHECK (level IN ('compliant', 'three_star', 'four_star', 'five_star')),
	issue_date	date NOT NULL,
	expiry_date	date NOT NULL,
	pdf_sha256	text REFERENCES blobs (sha256),
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (certificate_id, version)
);
CREATE INDEX certificate_versions_name_trgm ON certificate_versions USING gin (org_name gin_trgm_ops);
CREATE INDEX certificate_versions_credit ON certificate_versions (credit_code);
CREATE INDEX certificate_versions_pdf ON certificate_versions (pdf_sha256);
