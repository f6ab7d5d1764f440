-- seed.sql: the large data set for make bench: 10^5 organizations, each with
-- one application waiting in the review queue, and 10^5 certificates in the
-- public register (psql -v n=100000).
BEGIN;
INSERT INTO organizations (name, credit_code, address, legal_representative,
    contact_name, contact_phone, contact_email)
SELECT '基准企业' || i || (ARRAY['电器', '家具', '通信', '汽车服务', '建材'])[1 + i % 5] || '有限公司',
       '91' || lpad(i::text, 16, '0'), '测试地址' || i, '法人' || i, '联系人' || i,
       '010-' || lpad(i::text, 8, '0'), 'c' || i || '@bench.example'
FROM generate_series(1, :n) i;
INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at, scope)
SELECT o.id, 'initial', (ARRAY['submitted', 'submitted', 'resubmitted', 'in_review'])[1 + o.id % 4],
       (SELECT min(id) FROM users), now() - (o.id || ' minutes')::interval,
       now() - (o.id || ' minutes')::interval, '基准范围'
FROM organizations o WHERE o.contact_email LIKE '%@bench.example';
-- The register: a decided audit and a certificate per organization (the
-- audits stand for earlier applications; only the register reads them).
INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays,
    scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
SELECT a.id, 'decided', '2025-01-06', '2025-01-07', 4, 1, a.created_by, now(),
       a.created_by, now(), a.created_by
FROM applications a JOIN organizations o ON o.id = a.organization_id
WHERE o.contact_email LIKE '%@bench.example';
INSERT INTO certificates (number, organization_id, application_id, audit_id, status,
    issue_date, expiry_date, surveillance1_due, surveillance2_due)
SELECT 'SCB-2025-' || lpad(au.id::text, 6, '0'), a.organization_id, a.id, au.id,
       CASE WHEN au.id % 50 = 0 THEN 'suspended' ELSE 'valid' END,
       date '2025-01-10' + (au.id % 300)::integer, date '2028-01-10' + (au.id % 300)::integer,
       date '2026-01-10' + (au.id % 300)::integer, date '2027-01-10' + (au.id % 300)::integer
FROM audits au JOIN applications a ON a.id = au.application_id
JOIN organizations o ON o.id = a.organization_id WHERE o.contact_email LIKE '%@bench.example';
INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address,
    scope, standard, level, issue_date, expiry_date)
SELECT c.id, 1, o.name, o.credit_code, o.address, '家用电器的销售、安装和维修',
       'GB/T 27922-2011《商品售后服务评价体系》',
       (ARRAY['compliant', 'three_star', 'four_star', 'five_star'])[1 + c.id % 4],
       c.issue_date, c.expiry_date
FROM certificates c JOIN organizations o ON o.id = c.organization_id
WHERE c.number LIKE 'SCB-%';
-- Their history (the monthly report reads it): issued, and the suspensions.
INSERT INTO certificate_history (certificate_id, on_date, change, to_value)
SELECT id, issue_date, 'issued', 'valid' FROM certificates WHERE number LIKE 'SCB-%';
INSERT INTO certificate_history (certificate_id, on_date, change, from_value, to_value, reason_code)
SELECT id, surveillance1_due + 31, 'status', 'valid', 'suspended', 'surveillance_overdue'
FROM certificates WHERE number LIKE 'SCB-%' AND status = 'suspended';
COMMIT;
ANALYZE organizations;
ANALYZE applications;
ANALYZE certificates;
ANALYZE certificate_versions;
ANALYZE certificate_history;
