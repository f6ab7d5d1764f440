-- seed.sql: the large data set for make bench: 10^5 organizations, each with
-- one application waiting in the review queue (psql -v n=100000).
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
COMMIT;
ANALYZE organizations;
ANALYZE applications;
