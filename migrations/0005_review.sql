-- 0005_review: the reviewer's verdict on each material, the eligibility
-- checklist, the rounds of a review with what was asked and answered, and
-- the man-days confirmed at acceptance.

-- The current verdict per material of an application.  A verdict stays
-- until the reviewer changes it, so accepted items stay accepted across
-- rounds.  document_id: the newest version when the verdict was given.
CREATE TABLE material_verdicts (
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	material_id	integer NOT NULL REFERENCES material_items (id),
	verdict		text NOT NULL CHECK (verdict IN ('accepted', 'supplement', 'not_applicable')),
	comment		text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
	document_id	bigint REFERENCES documents (id) ON DELETE SET NULL,
	round		integer NOT NULL CHECK (round >= 1),
	decided_by	bigint NOT NULL REFERENCES users (id),
	decided_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (application_id, material_id),
	-- What is wrong, or why it does not apply, is always said.
	CHECK (verdict = 'accepted' OR length(comment) > 0)
);

-- DOMAIN.md's eligibility criteria, ticked by the reviewer with a note.
CREATE TABLE eligibility_checks (
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	criterion	text NOT NULL CHECK (criterion IN ('legal_entity', 'written_rules',
			    'responsible_people', 'funding', 'no_major_failure', 'trained_staff')),
	met		boolean NOT NULL,
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
	checked_by	bigint NOT NULL REFERENCES users (id),
	checked_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (application_id, criterion)
);

-- One row per round: opened when the application enters the queue
-- (submitted or resubmitted), closed by the reviewer's outcome.
CREATE TABLE review_rounds (
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	round		integer NOT NULL CHECK (round >= 1),
	opened_at	timestamptz NOT NULL DEFAULT now(),
	opened_by	bigint NOT NULL REFERENCES users (id),
	outcome		text CHECK (outcome IN ('supplement', 'accepted', 'declined')),
	comment		text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
	closed_at	timestamptz,
	closed_by	bigint REFERENCES users (id),
	PRIMARY KEY (application_id, round),
	CHECK ((outcome IS NULL) = (closed_at IS NULL)),
	CHECK (outcome <> 'declined' OR length(comment) > 0)
);

-- The items a supplement request flagged, with the reviewer's comment as it
-- was then and the applicant's answer.
CREATE TABLE supplement_items (
	application_id	bigint NOT NULL,
	round		integer NOT NULL,
	material_id	integer NOT NULL REFERENCES material_items (id),
	comment		text NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
	answer		text NOT NULL DEFAULT '' CHECK (length(answer) <= 2000),
	answered_by	bigint REFERENCES users (id),
	answered_at	timestamptz,
	PRIMARY KEY (application_id, round, material_id),
	FOREIGN KEY (application_id, round) REFERENCES review_rounds (application_id, round)
	    ON DELETE CASCADE
);

-- Man-days as the reviewer confirmed them at acceptance (in half days),
-- with the reason when they differ from the computed estimate.
ALTER TABLE applications ADD COLUMN mandays_halfdays integer
	CHECK (mandays_halfdays BETWEEN 1 AND 2000);
ALTER TABLE applications ADD COLUMN mandays_reason text NOT NULL DEFAULT ''
	CHECK (length(mandays_reason) <= 1000);
ALTER TABLE applications ADD COLUMN decided_at timestamptz;

-- Rounds for the applications already submitted when this migration runs.
INSERT INTO review_rounds (application_id, round, opened_at, opened_by)
	SELECT id, review_round, coalesce(queued_at, submitted_at), created_by
	FROM applications WHERE state <> 'draft';
