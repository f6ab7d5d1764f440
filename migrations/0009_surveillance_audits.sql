-- 0009_surveillance_audits: surveillance audits reuse the audit (planning,
-- sheet, nonconformities, evaluation, decision), one per surveillance case.
ALTER TABLE audits DROP CONSTRAINT audits_kind_check;
ALTER TABLE audits ADD CONSTRAINT audits_kind_check CHECK (kind IN
	('initial', 'surveillance_1', 'surveillance_2', 'special'));
ALTER TABLE audits ADD COLUMN case_id bigint REFERENCES surveillance_cases (id);
ALTER TABLE audits ADD CONSTRAINT audits_case_check CHECK ((kind = 'initial') = (case_id IS NULL));
CREATE UNIQUE INDEX audits_one_per_case ON audits (case_id) WHERE case_id IS NOT NULL;

-- Recertification: the new certificate continues the old one, which ends as replaced.
ALTER TABLE certificates ADD COLUMN replaces_id bigint REFERENCES certificates (id);
