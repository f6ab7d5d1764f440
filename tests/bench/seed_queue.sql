-- seed_queue.sql: a small review queue (psql -v n=1000) for the growth
-- measurement of make bench: n organizations with one application each,
-- waiting; removed again by unseed_queue.sql before the large data set.
BEGIN;
INSERT INTO organizations (name, credit_code, address, legal_representative,
    contact_name, contact_phone, contact_email)
SELECT '小队列企业' || i || '有限公司', '93' || lpad(i::text, 16, '0'), '测试地址' || i,
       '法人' || i, '联系人' || i, '010-' || lpad(i::text, 8, '0'), 'q' || i || '@queue.bench.example'
FROM generate_series(1, :n) i;
INSERT INTO applications (organization_id, kind, state, created_by, submitted_at, queued_at, scope)
SELECT o.id, 'initial', (ARRAY['submitted', 'submitted', 'resubmitted', 'in_review'])[1 + o.id % 4],
       (SELECT min(id) FROM users), now() - (o.id || ' minutes')::interval,
       now() - (o.id || ' minutes')::interval, '基准范围'
FROM organizations o WHERE o.contact_email LIKE '%@queue.bench.example';
COMMIT;
-- What autovacuum does within a minute of such a change: without it the
-- plans were made for the empty tables of a new instance (seq scans, the
-- whole queue sorted and formatted), and the small queue measured slower
-- than the large one.
VACUUM (ANALYZE) organizations, applications;
