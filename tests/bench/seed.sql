-- seed.sql: the large data set for make bench (psql -v n=100000): n
-- organizations, each with one application waiting in the review queue (with
-- ten documents: 10^6 at 10^5) and
-- one certified earlier (accepted, its audit decided, its certificate in the
-- public register, issued over the last three years), and around them what
-- a body of that size has under way: surveillance cases falling due and
-- their audits on the calendar, reports to evaluate and to decide,
-- nonconformities, suspensions, accepted applications to plan.  Staff in
-- the seeded rows is the first user (the administrator).
BEGIN;
INSERT INTO organizations (name, credit_code, address, legal_representative,
    contact_name, contact_phone, contact_email)
SELECT '基准企业' || i || (ARRAY['电器', '家具', '通信', '汽车服务', '建材'])[1 + i % 5] || '有限公司',
       '91' || lpad(i::text, 16, '0'), '测试地址' || i, '法人' || i, '联系人' || i,
       '010-' || lpad(i::text, 8, '0'), 'c' || i || '@bench.example'
FROM generate_series(1, :n) i;

-- The certified application of each organization: submitted 30 to 89 days
-- before its certificate's issue date, accepted 10 days after submission.
CREATE TEMPORARY TABLE bench_issue ON COMMIT DROP AS
SELECT o.id AS organization_id, current_date - (o.id % 1095)::integer AS issued
FROM organizations o WHERE o.contact_email LIKE '%@bench.example';
INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at,
    decided_at, scope, mandays_halfdays, audit_planned)
SELECT b.organization_id, 'initial', 'accepted', (SELECT min(id) FROM users),
       b.issued - (30 + b.organization_id % 60) * interval '1 day',
       b.issued - (30 + b.organization_id % 60) * interval '1 day',
       b.issued - (20 + b.organization_id % 60) * interval '1 day', '基准范围', 4, true
FROM bench_issue b ORDER BY b.organization_id;
-- Its audit, decided on the issue day (10:00 in Shanghai), and a closed nonconformity.
INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays,
    scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
SELECT a.id, 'decided', b.issued - 14, b.issued - 13, 4, 1, a.created_by, a.decided_at,
       a.created_by, a.decided_at, a.created_by
FROM applications a JOIN bench_issue b ON b.organization_id = a.organization_id ORDER BY a.id;
INSERT INTO decisions (audit_id, supervisor_id, outcome, decided_at)
SELECT au.id, au.planned_by, 'approved', (b.issued + time '10:00') AT TIME ZONE 'Asia/Shanghai'
FROM audits au JOIN applications a ON a.id = au.application_id
JOIN bench_issue b ON b.organization_id = a.organization_id;
INSERT INTO nonconformities (audit_id, indicator_code, description, severity, due_date, state, raised_by)
SELECT id, 'repair', '维修记录不完整', 'general', start_date + 30, 'closed', planned_by FROM audits;
-- The register: a certificate per audit, a few suspended (in the last 200
-- days), withdrawn or cancelled.
INSERT INTO certificates (number, organization_id, application_id, audit_id, status, suspended_on,
    issue_date, expiry_date, surveillance1_due, surveillance2_due)
SELECT 'SCB-2025-' || lpad(au.id::text, 6, '0'), a.organization_id, a.id, au.id,
       CASE WHEN au.id % 50 = 0 THEN 'suspended' WHEN au.id % 100 = 1 THEN 'withdrawn'
            WHEN au.id % 200 = 3 THEN 'cancelled' ELSE 'valid' END,
       CASE WHEN au.id % 50 = 0 THEN current_date - (au.id % 200)::integer END,
       b.issued, (b.issued + interval '3 years')::date, (b.issued + interval '1 year')::date,
       (b.issued + interval '2 years')::date
FROM audits au JOIN applications a ON a.id = au.application_id
JOIN bench_issue b ON b.organization_id = a.organization_id;
-- Statistics of what this transaction made so far (ANALYZE sees its own
-- rows), so that the joins below are planned for 10^5 rows, not for none.
ANALYZE organizations;
ANALYZE applications;
ANALYZE audits;
ANALYZE certificates;
INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address,
    scope, standard, level, issue_date, expiry_date)
SELECT c.id, 1, o.name, o.credit_code, o.address, '家用电器的销售、安装和维修',
       'GB/T 27922-2011《商品售后服务评价体系》',
       (ARRAY['compliant', 'three_star', 'four_star', 'five_star'])[1 + c.id % 4],
       c.issue_date, c.expiry_date
FROM certificates c JOIN organizations o ON o.id = c.organization_id
WHERE c.number LIKE 'SCB-%';

-- The review queue: an application per organization.
INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at, scope)
SELECT o.id, 'initial', (ARRAY['submitted', 'submitted', 'resubmitted', 'in_review'])[1 + o.id % 4],
       (SELECT min(id) FROM users), now() - (o.id || ' minutes')::interval,
       now() - (o.id || ' minutes')::interval, '基准范围'
FROM organizations o WHERE o.contact_email LIKE '%@bench.example';
-- Accepted in the last weeks, their audits still to plan.
INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at,
    decided_at, scope, mandays_halfdays)
SELECT o.id, 'recertification', 'accepted', (SELECT min(id) FROM users),
       now() - interval '40 days', now() - interval '40 days',
       now() - (o.id % 20) * interval '1 day', '基准范围', 6
FROM organizations o WHERE o.contact_email LIKE '%@bench.example' AND o.id % 2000 = 0;

-- Surveillance falling due from 30 days ago to 90 days ahead, as the daily
-- tick opens them: overdue once their day passed.
INSERT INTO surveillance_cases (certificate_id, kind, due_date, state, opened_on, overdue_on)
SELECT c.id, x.kind, x.due, CASE WHEN x.due < current_date THEN 'overdue' ELSE 'open' END,
       x.due - 90, CASE WHEN x.due < current_date THEN x.due + 1 END
FROM certificates c CROSS JOIN LATERAL (VALUES ('surveillance_1', c.surveillance1_due),
    ('surveillance_2', c.surveillance2_due)) x (kind, due)
WHERE c.status IN ('valid', 'suspended') AND x.due BETWEEN current_date - 30 AND current_date + 90;
-- Their audits, all but one certificate in ten: planned or under way for
-- those due in the next 45 days (on the calendar), reported or evaluated
-- for those past due.
INSERT INTO audits (application_id, kind, case_id, state, start_date, end_date, mandays_halfdays,
    scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
SELECT c.application_id, s.kind, s.id,
       CASE WHEN s.due_date < current_date - 24 THEN 'evaluated'
            WHEN s.due_date < current_date - 10 THEN 'reported'
            WHEN s.due_date < current_date + 7 THEN 'confirmed' ELSE 'planned' END,
       s.due_date - 3, s.due_date - 2, 2, 1, (SELECT min(id) FROM users),
       CASE WHEN s.due_date < current_date + 7 THEN now() - interval '20 days' END,
       CASE WHEN s.due_date < current_date + 7 THEN (SELECT min(id) FROM users) END,
       CASE WHEN s.due_date < current_date - 10 THEN now() - (current_date - s.due_date) * interval '1 hour' END,
       CASE WHEN s.due_date < current_date - 10 THEN (SELECT min(id) FROM users) END
FROM surveillance_cases s JOIN certificates c ON c.id = s.certificate_id
WHERE c.id % 10 <> 0 AND s.due_date < current_date + 45;
-- Forty auditors (who cannot sign in) share the teams: a leader and a member each.
INSERT INTO users (email, name, password_hash, roles)
SELECT 'auditor' || i || '@bench.example', '基准审核员' || i, '$argon2id$bench', 4
FROM generate_series(1, 40) i;
CREATE TEMPORARY TABLE bench_auditors ON COMMIT DROP AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM users WHERE email LIKE 'auditor%@bench.example';
INSERT INTO audit_members (audit_id, user_id, leader)
SELECT au.id, b.id, b.k = au.id % 40 FROM audits au JOIN bench_auditors b
    ON b.k IN (au.id % 40, (au.id + 1) % 40)
WHERE au.case_id IS NOT NULL;
INSERT INTO evaluations (audit_id, evaluator_id, recommendation, level, final_tenths, evaluated_at)
SELECT id, planned_by, 'certify', 'three_star', 850, reported_at + interval '1 hour'
FROM audits WHERE state = 'evaluated';
-- Nonconformities of the audits under way: open ones (some past due),
-- answered ones waiting to be verified.
INSERT INTO nonconformities (audit_id, indicator_code, description, severity, due_date, state, raised_by)
SELECT id, 'complaint_handling', '投诉处理记录缺失', CASE WHEN id % 7 = 0 THEN 'serious' ELSE 'general' END,
       start_date + 14, CASE WHEN id % 3 = 0 THEN 'answered' ELSE 'open' END, planned_by
FROM audits WHERE case_id IS NOT NULL AND state IN ('confirmed', 'reported') AND id % 4 = 0;
-- Their history (the monthly report reads it): issued, and the suspensions.
INSERT INTO certificate_history (certificate_id, on_date, change, to_value)
SELECT id, issue_date, 'issued', 'valid' FROM certificates WHERE number LIKE 'SCB-%';
INSERT INTO certificate_history (certificate_id, on_date, change, from_value, to_value, reason_code)
SELECT id, coalesce(suspended_on, surveillance1_due + 31), 'status', 'valid', 'suspended',
       'surveillance_overdue'
FROM certificates WHERE number LIKE 'SCB-%' AND status = 'suspended';
-- Ten documents per application in the review queue (10^6 at 10^5), all of
-- one stand-in blob (the pages read the rows, never the file).
INSERT INTO blobs (sha256, size, content_type)
VALUES (repeat('5e', 32), 123456, 'application/pdf') ON CONFLICT DO NOTHING;
INSERT INTO documents (application_id, material_id, version, blob_sha256, file_name,
    content_type, size, uploaded_by)
SELECT a.id, m.id, 1, repeat('5e', 32), '材料' || m.id || '.pdf', 'application/pdf', 123456,
       a.created_by
FROM applications a JOIN organizations o ON o.id = a.organization_id
CROSS JOIN (SELECT id FROM material_items ORDER BY id LIMIT 10) m
WHERE o.contact_email LIKE '%@bench.example'
    AND a.state IN ('submitted', 'resubmitted', 'in_review');
COMMIT;
-- What autovacuum would do in the next minutes, done before anything is
-- measured: statistics for the plans, and the visibility map and hint bits
-- of a million fresh rows (otherwise written by the first reads, and
-- autovacuum's own pass competing with wrk on two cores).
VACUUM (ANALYZE) organizations, applications, audits, users, audit_members, decisions,
    evaluations, nonconformities, certificates, certificate_versions, surveillance_cases,
    certificate_history, documents;
