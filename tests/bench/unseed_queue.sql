-- unseed_queue.sql: remove what seed_queue.sql made.
BEGIN;
DELETE FROM applications WHERE organization_id IN
    (SELECT id FROM organizations WHERE contact_email LIKE '%@queue.bench.example');
DELETE FROM organizations WHERE contact_email LIKE '%@queue.bench.example';
COMMIT;
