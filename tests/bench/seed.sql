-- seed.sql: the large data set for make bench: organizations number :first
-- to :last (psql -v first=1 -v last=100000), each with one application
-- waiting in the review queue and ten uploaded documents, and a certificate
-- in the public register.  Run in steps (1..1000, then 1001..100000) to
-- measure a page at both sizes.
BEGIN;
CREATE TEMP TABLE seed (id bigint PRIMARY KEY) ON COMMIT DROP;
WITH o AS (INSERT INTO organizations (name, credit_code, address, legal_representative,
    contact_name, contact_phone, contact_email)
SELECT '基准企业' || i || (ARRAY['电器', '家具', '通信', '汽车服务', '建材'])[1 + i % 5] || '有限公司',
       '91' || lpad(i::text, 16, '0'), '测试地址' || i, '法人' || i, '联系人' || i,
       '010-' || lpad(i::text, 8, '0'), 'c' || i || '@bench.example'
FROM generate_series(:first, :last) i RETURNING id)
INSERT INTO seed SELECT id FROM o;
INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at, scope)
SELECT o.id, 'initial', (ARRAY['submitted', 'submitted', 'resubmitted', 'in_review'])[1 + o.id % 4],
       (SELECT min(id) FROM users), now() - (o.id || ' minutes')::interval,
       now() - (o.id || ' minutes')::interval, '基准范围'
FROM organizations o JOIN seed USING (id);
-- The register: a decided audit and a certificate per organization (the
-- audits stand for earlier applications; only the register reads them).
INSERT INTO audits (application_id, state, start_date, end_date, mandays_halfdays,
    scheme_version, planned_by, confirmed_at, confirmed_by, reported_at, reported_by)
SELECT a.id, 'decided', '2025-01-06', '2025-01-07', 4, 1, a.created_by, now(),
       a.created_by, now(), a.created_by
FROM applications a JOIN organizations o ON o.id = a.organization_id
JOIN seed s ON s.id = o.id;
INSERT INTO certificates (number, organization_id, application_id, audit_id, status,
    issue_date, expiry_date, surveillance1_due, surveillance2_due)
SELECT 'SCB-2025-' || lpad(au.id::text, 6, '0'), a.organization_id, a.id, au.id,
       CASE WHEN au.id % 50 = 0 THEN 'suspended' ELSE 'valid' END,
       date '2025-01-10' + (au.id % 300)::integer, date '2028-01-10' + (au.id % 300)::integer,
       date '2026-01-10' + (au.id % 300)::integer, date '2027-01-10' + (au.id % 300)::integer
FROM audits au JOIN applications a ON a.id = au.application_id
JOIN seed s ON s.id = a.organization_id;
INSERT INTO certificate_versions (certificate_id, version, org_name, credit_code, address,
    scope, standard, level, issue_date, expiry_date)
SELECT c.id, 1, o.name, o.credit_code, o.address, '家用电器的销售、安装和维修',
       'GB/T 27922-2011《商品售后服务评价体系》',
       (ARRAY['compliant', 'three_star', 'four_star', 'five_star'])[1 + c.id % 4],
       c.issue_date, c.expiry_date
FROM certificates c JOIN organizations o ON o.id = c.organization_id JOIN seed s ON s.id = o.id;
-- Their history (the monthly report reads it): issued, and the suspensions.
INSERT INTO certificate_history (certificate_id, on_date, change, to_value)
SELECT id, issue_date, 'issued', 'valid' FROM certificates JOIN seed s ON s.id = organization_id;
INSERT INTO certificate_history (certificate_id, on_date, change, from_value, to_value, reason_code)
SELECT id, surveillance1_due + 31, 'status', 'valid', 'suspended', 'surveillance_overdue'
FROM certificates JOIN seed s ON s.id = organization_id WHERE status = 'suspended';
-- Ten documents per application (10^6 at 10^5), all of one stand-in blob
-- (the pages read the rows, never the file).
INSERT INTO blobs (sha256, size, content_type)
VALUES (repeat('5e', 32), 123456, 'application/pdf') ON CONFLICT DO NOTHING;
INSERT INTO documents (application_id, material_id, version, blob_sha256, file_name,
    content_type, size, uploaded_by)
SELECT a.id, m.id, 1, repeat('5e', 32), '材料' || m.id || '.pdf', 'application/pdf', 123456,
       a.created_by
FROM applications a JOIN seed s ON s.id = a.organization_id
CROSS JOIN (SELECT id FROM material_items ORDER BY id LIMIT 10) m;
COMMIT;
ANALYZE organizations;
ANALYZE applications;
ANALYZE certificates;
ANALYZE certificate_versions;
ANALYZE certificate_history;
ANALYZE documents;
