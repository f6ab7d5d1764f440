-- 0011_dashboard: what the dashboards read, kept cheap at 10^5 applications
-- and certificates: which accepted applications and surveillance cases still
-- wait for an audit plan, indexes under every list of open work, and a
-- snapshot of the body's figures recomputed at most every minute or so.

-- "Waiting for a plan" means "no audit yet", which no index can answer: the
-- anti-join reads every accepted application, every time.  An audit's insert
-- marks its application (initial audits) or its surveillance case, so that a
-- partial index holds exactly those still waiting.  The mark is only ever
-- set (audits are not deleted) and only on the row the audit belongs to, so
-- no two plannings ever wait on each other.
ALTER TABLE applications ADD COLUMN audit_planned boolean NOT NULL DEFAULT false;
ALTER TABLE surveillance_cases ADD COLUMN audit_planned boolean NOT NULL DEFAULT false;
UPDATE applications a SET audit_planned = true
	WHERE EXISTS (SELECT 1 FROM audits au WHERE au.application_id = a.id AND au.case_id IS NULL);
UPDATE surveillance_cases s SET audit_planned = true
	WHERE EXISTS (SELECT 1 FROM audits au WHERE au.case_id = s.id);

CREATE FUNCTION audit_marks_planned() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.case_id IS NULL THEN
		UPDATE applications SET audit_planned = true
		WHERE id = NEW.application_id AND NOT audit_planned;
	ELSE
		UPDATE surveillance_cases SET audit_planned = true
		WHERE id = NEW.case_id AND NOT audit_planned;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER audits_mark_planned AFTER INSERT ON audits
	FOR EACH ROW EXECUTE FUNCTION audit_marks_planned();

CREATE INDEX applications_to_plan ON applications (decided_at, id)
	WHERE state = 'accepted' AND NOT audit_planned;
CREATE INDEX surveillance_cases_to_plan ON surveillance_cases (due_date, id)
	WHERE state IN ('open', 'overdue') AND NOT audit_planned;
-- Audits still under way, by state: evaluations and decisions waiting, the
-- counts by stage.  Decided ones (nearly all of them, in time) stay out.
CREATE INDEX audits_open ON audits (state, start_date, id) WHERE state <> 'decided';
-- The calendar: audits to come by day, the first few of a day in id order.
CREATE INDEX audits_coming ON audits (start_date, id) WHERE state IN ('planned', 'confirmed');
-- An organization's audits, surveillance audits included (its applicants' dashboard).
CREATE INDEX audits_application ON audits (application_id);
-- Nonconformities still to be answered, by due date (the overdue ones first).
CREATE INDEX nonconformities_pending ON nonconformities (due_date, id)
	WHERE state IN ('open', 'returned');
-- Answers waiting for a team member to verify them, by audit.
CREATE INDEX nonconformities_answered ON nonconformities (audit_id) WHERE state = 'answered';
-- Suspended certificates by the day of suspension: the withdrawals to come.
CREATE INDEX certificates_suspended ON certificates (suspended_on, id)
	WHERE status = 'suspended';

-- The body's figures and lists: counts by stage and of what is overdue,
-- certificates by status and level, certificates issued and days from
-- submission to decision per month; the first overdue items of each kind
-- and the first audits of each day of the calendar.  They are the same for
-- everyone, and counting them at each request would read every application
-- and certificate; counters kept by triggers would make every change of
-- state update the same few rows (each state change of any application
-- waiting on every other's commit, and two changes taking two counters in
-- opposite orders deadlocking).  So they are a snapshot: recomputed by plain
-- queries when older than the dashboard_figures_seconds setting, by the one
-- worker that gets the snapshot row's lock (FOR UPDATE SKIP LOCKED); the
-- others meanwhile read the previous one.  What waits for each user is read
-- live.  See db/figures.c.
CREATE TABLE dashboard_snapshot (
	id		integer PRIMARY KEY CHECK (id = 1),
	computed_at	timestamptz NOT NULL
);
INSERT INTO dashboard_snapshot (id, computed_at) VALUES (1, '2000-01-01 00:00+00');
REVOKE INSERT, DELETE, TRUNCATE ON dashboard_snapshot FROM starcert_app;

-- figure: what is counted (stage, overdue, cal_day, cert_status, cert_level,
-- issued, decision_days); key: which one (a state, a level, a day
-- YYYY-MM-DD, a month YYYY-MM); n: how many; total: a sum beside the count
-- (decision_days: seconds).
CREATE TABLE dashboard_figures (
	figure	text NOT NULL CHECK (figure ~ '^[a-z_]{1,32}$'),
	key	text NOT NULL CHECK (key ~ '^[a-z0-9_-]{1,32}$'),
	n	bigint NOT NULL CHECK (n >= 0),
	total	bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (figure, key)
);

-- The lists, in the shape of the dashboards' rows (db/stmt.c): part (late,
-- cal), kind, ord (the order within the kind), id, link (a second id),
-- org (the organization's name), state, day (YYYY-MM-DD), n, flag, extra.
CREATE TABLE dashboard_items (
	part	text NOT NULL CHECK (part IN ('late', 'cal')),
	kind	text NOT NULL CHECK (kind ~ '^[a-z_]{1,32}$'),
	ord	bigint NOT NULL,
	id	bigint NOT NULL,
	link	bigint NOT NULL DEFAULT 0,
	org	text NOT NULL,
	state	text NOT NULL,
	day	text NOT NULL,
	n	bigint NOT NULL DEFAULT 0,
	flag	boolean NOT NULL DEFAULT false,
	extra	text NOT NULL DEFAULT '',
	PRIMARY KEY (part, kind, ord, id)
);
