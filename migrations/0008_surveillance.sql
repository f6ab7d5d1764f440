-- 0008_surveillance: the certificate's life after issue: surveillance cases
-- opened by the daily tick, and a history of every status and level change.

ALTER TABLE certificates ADD COLUMN suspended_on date;

-- A surveillance falling due (opened within the lead time), overdue when
-- its date passes, done when its audit is decided.
CREATE TABLE surveillance_cases (
	id		bigserial PRIMARY KEY,
	certificate_id	bigint NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('surveillance_1', 'surveillance_2', 'special')),
	due_date	date NOT NULL,
	state		text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'overdue', 'done', 'cancelled')),
	opened_on	date NOT NULL,
	overdue_on	date,
	CHECK ((state = 'overdue') <= (overdue_on IS NOT NULL))
);
-- The scheduled ones once per certificate; special ones as often as needed.
CREATE UNIQUE INDEX surveillance_cases_scheduled ON surveillance_cases (certificate_id, kind)
	WHERE kind <> 'special';
CREATE INDEX surveillance_cases_open ON surveillance_cases (due_date) WHERE state IN ('open', 'overdue');

-- What happened to a certificate, why, who (NULL: the daily tick), when.
CREATE TABLE certificate_history (
	id		bigserial PRIMARY KEY,
	certificate_id	bigint NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
	on_date		date NOT NULL,
	change		text NOT NULL CHECK (change IN ('issued', 'status', 'level',
			    'surveillance_opened', 'surveillance_overdue')),
	from_value	text,
	to_value	text,
	reason_code	text CHECK (reason_code ~ '^[a-z_]{1,40}$'),
	reason		text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
	actor_id	bigint REFERENCES users (id),
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificate_history_certificate ON certificate_history (certificate_id, id);
CREATE INDEX certificates_expiry ON certificates (expiry_date) WHERE status IN ('valid', 'suspended');

INSERT INTO certificate_history (certificate_id, on_date, change, to_value)
	SELECT id, issue_date, 'issued', 'valid' FROM certificates;
