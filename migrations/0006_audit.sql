-- 0006_audit: the versioned scoring scheme, auditors' conflict-of-interest
-- declarations, audit plans with their team and sampled outlets, the score
-- sheet with evidence, special deductions and bonus, and nonconformities.

-- The scoring scheme: the points of each indicator, versioned.  An audit
-- keeps the version it started with.
CREATE TABLE scoring_schemes (
	version		integer PRIMARY KEY CHECK (version >= 1),
	published_at	timestamptz NOT NULL DEFAULT now(),
	published_by	bigint REFERENCES users (id),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 1000)
);
CREATE TABLE scheme_points (
	version		integer NOT NULL REFERENCES scoring_schemes (version),
	indicator_code	text NOT NULL REFERENCES indicators (code),
	points_tenths	integer NOT NULL CHECK (points_tenths BETWEEN 1 AND 1000),
	PRIMARY KEY (version, indicator_code)
);
-- DOMAIN.md's default: 40 / 35 / 25 over the fifteen indicators.
INSERT INTO scoring_schemes (version, note) VALUES (1, 'DOMAIN.md default');
INSERT INTO scheme_points (version, indicator_code, points_tenths) VALUES
	(1, 'organization', 50), (1, 'staffing', 60), (1, 'resources', 60),
	(1, 'norms', 60), (1, 'supervision', 60), (1, 'improvement', 60),
	(1, 'service_culture', 50), (1, 'product_information', 50),
	(1, 'technical_support', 60), (1, 'delivery', 60), (1, 'repair', 70),
	(1, 'quality_guarantee', 60), (1, 'take_back', 50),
	(1, 'customer_relations', 120), (1, 'complaint_handling', 130);

-- Conflict-of-interest declarations an auditor keeps about organizations
-- (by credit code, whether or not they use the portal).
CREATE TABLE auditor_conflicts (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id),
	credit_code	text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
	organization	text NOT NULL CHECK (length(organization) BETWEEN 1 AND 200),
	relation	text NOT NULL CHECK (relation IN ('consulting', 'employment',
			    'shareholding', 'family', 'other')),
	from_date	date NOT NULL,
	to_date		date,		-- NULL: still holds
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
	created_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX auditor_conflicts_user ON auditor_conflicts (user_id, credit_code);

-- An audit of an accepted application.  state: planned (waiting for the
-- applicant to confirm), confirmed (the team scores), reported (the leader
-- submitted the report: the sheet is locked).
CREATE TABLE audits (
	id			bigserial PRIMARY KEY,
	application_id		bigint NOT NULL REFERENCES applications (id),
	kind			text NOT NULL DEFAULT 'initial' CHECK (kind IN ('initial')),
	state			text NOT NULL DEFAULT 'planned'
				    CHECK (state IN ('planned', 'confirmed', 'reported')),
	start_date		date NOT NULL,
	end_date		date NOT NULL CHECK (end_date >= start_date),
	mandays_halfdays	integer NOT NULL CHECK (mandays_halfdays BETWEEN 1 AND 2000),
	mandays_reason		text NOT NULL DEFAULT '' CHECK (length(mandays_reason) <= 1000),
	scheme_version		integer NOT NULL REFERENCES scoring_schemes (version),
	bonus_indicator		text REFERENCES indicators (code),
	bonus_justification	text CHECK (length(bonus_justification) BETWEEN 1 AND 2000),
	version			integer NOT NULL DEFAULT 1,
	planned_by		bigint NOT NULL REFERENCES users (id),
	planned_at		timestamptz NOT NULL DEFAULT now(),
	confirmed_by		bigint REFERENCES users (id),
	confirmed_at		timestamptz,
	reported_by		bigint REFERENCES users (id),
	reported_at		timestamptz,
	CHECK ((bonus_indicator IS NULL) = (bonus_justification IS NULL)),
	CHECK ((state = 'planned') = (confirmed_at IS NULL)),
	CHECK ((state = 'reported') = (reported_at IS NOT NULL))
);
-- One initial audit per application.
CREATE UNIQUE INDEX audits_one_initial ON audits (application_id) WHERE kind = 'initial';

CREATE TABLE audit_members (
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	user_id		bigint NOT NULL REFERENCES users (id),
	leader		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (audit_id, user_id)
);
CREATE UNIQUE INDEX audit_members_one_leader ON audit_members (audit_id) WHERE leader;
CREATE INDEX audit_members_user ON audit_members (user_id);

CREATE TABLE audit_outlets (
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	outlet_id	bigint NOT NULL REFERENCES outlets (id),
	PRIMARY KEY (audit_id, outlet_id)
);

-- The score sheet: one row per indicator once a team member has scored it.
CREATE TABLE audit_scores (
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	indicator_code	text NOT NULL REFERENCES indicators (code),
	kind		text NOT NULL CHECK (kind IN ('points', 'excluded', 'sampled')),
	obtained_tenths	integer CHECK (obtained_tenths >= 0),
	checked		integer CHECK (checked > 0),
	nonconforming	integer CHECK (nonconforming >= 0 AND nonconforming <= checked),
	notes		text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
	updated_by	bigint NOT NULL REFERENCES users (id),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (audit_id, indicator_code),
	CHECK ((kind = 'points') = (obtained_tenths IS NOT NULL)),
	CHECK ((kind = 'sampled') = (checked IS NOT NULL AND nonconforming IS NOT NULL)),
	-- An exclusion says why in its notes.
	CHECK (kind <> 'excluded' OR length(notes) > 0)
);

-- Evidence files (photos, scans) per indicator, in the blob store.
CREATE TABLE audit_attachments (
	id		bigserial PRIMARY KEY,
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	indicator_code	text NOT NULL REFERENCES indicators (code),
	blob_sha256	text NOT NULL REFERENCES blobs (sha256),
	file_name	text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	content_type	text NOT NULL,
	size		bigint NOT NULL CHECK (size >= 0),
	uploaded_by	bigint NOT NULL REFERENCES users (id),
	uploaded_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_attachments_audit ON audit_attachments (audit_id, indicator_code);
CREATE INDEX audit_attachments_blob ON audit_attachments (blob_sha256);

-- Special deductions (特别扣分项): each costs a point.
CREATE TABLE special_deductions (
	id		bigserial PRIMARY KEY,
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	indicator_code	text NOT NULL REFERENCES indicators (code),
	finding		text NOT NULL CHECK (length(finding) BETWEEN 1 AND 2000),
	breached	text NOT NULL CHECK (length(breached) BETWEEN 1 AND 1000),
	created_by	bigint NOT NULL REFERENCES users (id),
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX special_deductions_audit ON special_deductions (audit_id);

-- Nonconformities (不符合项) and the rounds of answers and verification.
CREATE TABLE nonconformities (
	id		bigserial PRIMARY KEY,
	audit_id	bigint NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	indicator_code	text NOT NULL REFERENCES indicators (code),
	description	text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
	severity	text NOT NULL CHECK (severity IN ('general', 'serious')),
	due_date	date NOT NULL,
	state		text NOT NULL DEFAULT 'open'
			    CHECK (state IN ('open', 'answered', 'returned', 'closed')),
	version		integer NOT NULL DEFAULT 1,
	raised_by	bigint NOT NULL REFERENCES users (id),
	raised_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX nonconformities_audit ON nonconformities (audit_id, id);

CREATE TABLE nonconformity_answers (
	id			bigserial PRIMARY KEY,
	nonconformity_id	bigint NOT NULL REFERENCES nonconformities (id) ON DELETE CASCADE,
	cause			text NOT NULL CHECK (length(cause) BETWEEN 1 AND 4000),
	correction		text NOT NULL CHECK (length(correction) BETWEEN 1 AND 4000),
	corrective_action	text NOT NULL CHECK (length(corrective_action) BETWEEN 1 AND 4000),
	answered_by		bigint NOT NULL REFERENCES users (id),
	answered_at		timestamptz NOT NULL DEFAULT now(),
	verdict			text CHECK (verdict IN ('closed', 'returned')),
	verify_comment		text NOT NULL DEFAULT '' CHECK (length(verify_comment) <= 4000),
	verified_by		bigint REFERENCES users (id),
	verified_at		timestamptz,
	CHECK ((verdict IS NULL) = (verified_at IS NULL)),
	CHECK (verdict IS DISTINCT FROM 'returned' OR length(verify_comment) > 0)
);
CREATE INDEX nonconformity_answers_nc ON nonconformity_answers (nonconformity_id, id);

-- Evidence files of a nonconformity's answers (uploaded while it is open or returned).
CREATE TABLE nonconformity_files (
	id			bigserial PRIMARY KEY,
	nonconformity_id	bigint NOT NULL REFERENCES nonconformities (id) ON DELETE CASCADE,
	blob_sha256		text NOT NULL REFERENCES blobs (sha256),
	file_name		text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	content_type		text NOT NULL,
	size			bigint NOT NULL CHECK (size >= 0),
	uploaded_by		bigint NOT NULL REFERENCES users (id),
	uploaded_at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX nonconformity_files_nc ON nonconformity_files (nonconformity_id);
CREATE INDEX nonconformity_files_blob ON nonconformity_files (blob_sha256);
