-- 0002_accounts: organizations, users and roles, sessions, sign-in throttling,
-- invitations, auditor profiles, product categories and the event log.

-- Product categories: reference data the admin maintains; auditors are
-- competent for some, applications name theirs.
CREATE TABLE product_categories (
	id		serial PRIMARY KEY,
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,31}$'),
	name_zh		text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
	name_en		text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
	active		boolean NOT NULL DEFAULT true
);
INSERT INTO product_categories (code, name_zh, name_en) VALUES
	('household_appliances', '家用电器', 'Household appliances'),
	('consumer_electronics', '消费电子与通信产品', 'Consumer electronics and telecom products'),
	('computers_office', '计算机与办公设备', 'Computers and office equipment'),
	('vehicles', '汽车及零部件', 'Motor vehicles and parts'),
	('furniture', '家具', 'Furniture'),
	('building_materials', '建筑材料与家居装饰', 'Building materials and home decoration'),
	('machinery', '机械设备', 'Machinery and equipment'),
	('medical_devices', '医疗器械', 'Medical devices'),
	('textiles_apparel', '纺织服装与鞋帽', 'Textiles, apparel and footwear'),
	('food_beverage', '食品与饮料', 'Food and beverages'),
	('daily_chemicals', '日用化学品', 'Daily chemical products'),
	('services_other', '其他商品与服务', 'Other products and services');

-- Applicant organizations: independent legal entities registered in the PRC.
CREATE TABLE organizations (
	id			bigserial PRIMARY KEY,
	name			text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
	credit_code		text NOT NULL UNIQUE
				CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
	address			text NOT NULL CHECK (length(address) BETWEEN 2 AND 300),
	legal_representative	text NOT NULL CHECK (length(legal_representative) BETWEEN 1 AND 100),
	contact_name		text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
	contact_phone		text NOT NULL CHECK (length(contact_phone) BETWEEN 5 AND 40),
	contact_email		text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
	created_at		timestamptz NOT NULL DEFAULT now()
);

-- Users.  roles is a bit mask (cgi-bin/domain/roles.h): 1 applicant,
-- 2 reviewer, 4 auditor, 8 evaluator, 16 supervisor, 32 admin.  An applicant
-- belongs to exactly one organization and holds no staff role.
CREATE TABLE users (
	id			bigserial PRIMARY KEY,
	email			text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
	name			text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	password_hash		text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
	organization_id		bigint REFERENCES organizations (id),
	roles			integer NOT NULL CHECK (roles BETWEEN 1 AND 63),
	disabled		boolean NOT NULL DEFAULT false,
	must_change_password	boolean NOT NULL DEFAULT false,
	lang			text CHECK (lang IN ('zh', 'en')),
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now(),
	CHECK ((roles = 1) = (organization_id IS NOT NULL)),
	CHECK (roles = 1 OR roles & 1 = 0)
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_organization ON users (organization_id) WHERE organization_id IS NOT NULL;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_search ON users USING gin ((email || ' ' || lower(name)) gin_trgm_ops);

-- Auditors' registration and competence (the audit plan checks them).
CREATE TABLE auditor_profiles (
	user_id				bigint PRIMARY KEY REFERENCES users (id),
	registration_no			text NOT NULL CHECK (length(registration_no) BETWEEN 1 AND 64),
	qualification_valid_until	date NOT NULL,
	updated_at			timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE auditor_categories (
	user_id		bigint NOT NULL REFERENCES users (id),
	category_id	integer NOT NULL REFERENCES product_categories (id),
	PRIMARY KEY (user_id, category_id)
);

-- Sessions: only the SHA-256 of the token is stored.
CREATE TABLE sessions (
	id		bigserial PRIMARY KEY,
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token	text NOT NULL CHECK (length(csrf_token) = 64),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_seen	timestamptz NOT NULL DEFAULT now(),
	client_addr	text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins, per account (key "email:...") and per address ("addr:...").
CREATE TABLE login_throttle (
	key		text PRIMARY KEY,
	failures	integer NOT NULL DEFAULT 0,
	window_start	timestamptz NOT NULL DEFAULT now(),
	locked_until	timestamptz
);

-- Invitations of colleagues into an organization: a link with a token
-- (only its hash kept), valid for a week, used once.
CREATE TABLE invitations (
	id		bigserial PRIMARY KEY,
	organization_id	bigint NOT NULL REFERENCES organizations (id),
	email		text NOT NULL CHECK (email = lower(email)),
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	invited_by	bigint NOT NULL REFERENCES users (id),
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL DEFAULT now() + interval '7 days',
	accepted_at	timestamptz
);
CREATE INDEX invitations_organization ON invitations (organization_id, id);

-- The event log: append-only.  Every change of state writes one row in the
-- same transaction as the change.
CREATE TABLE events (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	actor_id	bigint REFERENCES users (id),
	object_type	text NOT NULL CHECK (object_type ~ '^[a-z_]{1,32}$'),
	object_id	bigint,
	action		text NOT NULL CHECK (action ~ '^[a-z_.]{1,64}$'),
	from_state	text,
	to_state	text,
	detail		text CHECK (length(detail) <= 2000),
	client_addr	text
);
CREATE INDEX events_at ON events (id DESC);
CREATE INDEX events_object ON events (object_type, object_id, id DESC);
CREATE INDEX events_actor ON events (actor_id, id DESC);
CREATE INDEX events_action ON events (action, id DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON events FROM starcert_app;

-- Count a failed sign-in for key and lock the key for window_minutes once it
-- has failed max_failures times within window_minutes.  Returns the count.
CREATE FUNCTION login_throttle_fail(p_key text, max_failures integer,
    window_minutes integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	n integer;
BEGIN
	INSERT INTO login_throttle AS t (key, failures, window_start)
	VALUES (p_key, 1, now())
	ON CONFLICT (key) DO UPDATE SET
		failures = CASE WHEN t.window_start < now() - make_interval(mins => window_minutes)
			THEN 1 ELSE t.failures + 1 END,
		window_start = CASE WHEN t.window_start < now() - make_interval(mins => window_minutes)
			THEN now() ELSE t.window_start END
	RETURNING failures INTO n;
	IF n >= max_failures THEN
		UPDATE login_throttle
		SET locked_until = now() + make_interval(mins => window_minutes)
		WHERE key = p_key;
	END IF;
	RETURN n;
END
$$;
