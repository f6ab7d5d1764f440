-- Notifications: an in-app inbox per user, and an outbox of e-mails that
-- `starcertctl mail` sends.  Both are written by notify() in the same
-- transaction as the workflow step that asks something of someone, so a
-- step rolled back leaves neither.

CREATE TABLE notifications (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id),
	-- The event action that caused it (application.accepted...): the
	-- title is the catalog's notify.<kind> in the reader's language.
	kind		text NOT NULL CHECK (kind ~ '^[a-z_]+\.[a-z_]+$'),
	subject		text NOT NULL CHECK (length(subject) <= 400),
	link		text NOT NULL CHECK (link ~ '^/[a-z0-9/_-]*$'),
	-- Set for reminders a daily job might repeat: once per user and key.
	dedupe		text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	read_at		timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe)
	WHERE dedupe IS NOT NULL;

ALTER TABLE users ADD COLUMN email_notify boolean NOT NULL DEFAULT true;

-- One row per e-mail; never deleted when a send fails: attempts and the
-- next attempt grow, the last error is kept, and after the last attempt
-- the row stays as 'failed' for the admin to see and retry.
CREATE TABLE outbox (
	id		bigserial PRIMARY KEY,
	notification_id	bigint NOT NULL UNIQUE REFERENCES notifications (id),
	to_addr		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	attempts	integer NOT NULL DEFAULT 0,
	next_attempt_at	timestamptz NOT NULL DEFAULT now(),
	sent_at		timestamptz,
	failed		boolean NOT NULL DEFAULT false,
	last_error	text CHECK (length(last_error) <= 1000)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND NOT failed;

-- notify: tell the audience of one object that kind happened; returns how
-- many users were told.  p_type/p_id name the object (application, audit,
-- nonconformity, certificate); p_audience is
--   org          the users of the organization the object belongs to
--   holder       the reviewer holding the application
--   team         the audit's team
--   evaluators   every enabled evaluator not on the audit's team
--   supervisors  every enabled supervisor
-- The actor is never told of their own step.  E-mail is queued only when
-- the smtp_url setting is set and the user has not turned e-mail off.
CREATE FUNCTION notify(p_type text, p_id bigint, p_kind text, p_audience text,
    p_actor bigint, p_dedupe text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	v_org		bigint;
	v_app		bigint;
	v_audit		bigint;
	v_subject	text;
	v_link		text;
	v_users		bigint[];
	v_n		integer;
BEGIN
	IF p_type = 'application' THEN
		v_app := p_id;
		v_link := '/applications/' || p_id;
	ELSIF p_type = 'audit' THEN
		SELECT application_id INTO v_app FROM audits WHERE id = p_id;
		v_audit := p_id;
		v_link := '/audits/' || p_id;
	ELSIF p_type = 'nonconformity' THEN
		SELECT a.application_id, a.id INTO v_app, v_audit FROM nonconformities n
		    JOIN audits a ON a.id = n.audit_id WHERE n.id = p_id;
		v_link := '/audits/' || v_audit;
	ELSIF p_type = 'certificate' THEN
		SELECT c.organization_id, c.number || ' ' || o.name INTO v_org, v_subject
		    FROM certificates c JOIN organizations o ON o.id = c.organization_id
		    WHERE c.id = p_id;
		v_link := '/certificates/' || p_id;
	ELSE
		RAISE EXCEPTION 'notify: unknown object type %', p_type;
	END IF;
	IF v_subject IS NULL THEN
		SELECT a.organization_id, '#' || a.id || ' ' || o.name INTO v_org, v_subject
		    FROM applications a JOIN organizations o ON o.id = a.organization_id
		    WHERE a.id = v_app;
	END IF;
	IF v_org IS NULL THEN
		RAISE EXCEPTION 'notify: no % %', p_type, p_id;
	END IF;

	IF p_audience = 'org' THEN
		v_users := ARRAY(SELECT id FROM users WHERE organization_id = v_org);
	ELSIF p_audience = 'holder' THEN
		v_users := ARRAY(SELECT reviewer_id FROM applications
		    WHERE id = v_app AND reviewer_id IS NOT NULL);
	ELSIF p_audience = 'team' THEN
		v_users := ARRAY(SELECT user_id FROM audit_members WHERE audit_id = v_audit);
	ELSIF p_audience = 'evaluators' THEN
		v_users := ARRAY(SELECT id FROM users WHERE roles & 8 <> 0
		    AND id NOT IN (SELECT user_id FROM audit_members WHERE audit_id = v_audit));
	ELSIF p_audience = 'supervisors' THEN
		v_users := ARRAY(SELECT id FROM users WHERE roles & 16 <> 0);
	ELSE
		RAISE EXCEPTION 'notify: unknown audience %', p_audience;
	END IF;

	WITH n AS (
		INSERT INTO notifications (user_id, kind, subject, link, dedupe)
		SELECT u.id, p_kind, left(v_subject, 400), v_link, p_dedupe
		FROM users u WHERE u.id = ANY (v_users) AND NOT u.disabled
		    AND u.id IS DISTINCT FROM p_actor
		ON CONFLICT (user_id, dedupe) WHERE dedupe IS NOT NULL DO NOTHING
		RETURNING id, user_id
	), o AS (
		INSERT INTO outbox (notification_id, to_addr)
		SELECT n.id, u.email FROM n JOIN users u ON u.id = n.user_id
		WHERE u.email_notify AND coalesce((SELECT value FROM settings
		    WHERE key = 'smtp_url'), '') <> ''
	)
	SELECT count(*) INTO v_n FROM n;
	RETURN v_n;
END $$;

-- The daily tick tells holders once that their certificate expires soon.
ALTER TABLE certificates ADD COLUMN expiry_notice_on date;
