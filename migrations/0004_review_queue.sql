-- 0004_review_queue: the document-review states, who holds an application,
-- and a trigram index for finding organizations by part of their name.
ALTER TABLE applications DROP CONSTRAINT applications_state_check;
ALTER TABLE applications ADD CONSTRAINT applications_state_check CHECK (state IN
	('draft', 'submitted', 'in_review', 'supplement_needed', 'resubmitted',
	 'accepted', 'declined'));
ALTER TABLE applications ADD COLUMN reviewer_id bigint REFERENCES users (id);
ALTER TABLE applications ADD COLUMN review_round integer NOT NULL DEFAULT 1
	CHECK (review_round >= 1);

CREATE INDEX organizations_name_trgm ON organizations USING gin (name gin_trgm_ops);
CREATE INDEX applications_reviewer ON applications (reviewer_id, state)
	WHERE reviewer_id IS NOT NULL;

-- The queue runs oldest first by the time an application last entered it
-- (submitted, or resubmitted after a supplement).
ALTER TABLE applications ADD COLUMN queued_at timestamptz;
UPDATE applications SET queued_at = submitted_at WHERE submitted_at IS NOT NULL;
CREATE INDEX applications_queue_order ON applications (queued_at, id)
	WHERE state IN ('submitted', 'resubmitted', 'in_review');
