-- 0012_exports.sql: the regulator's monthly report reads a month of certificate
-- history (issued, status and level changes) by date.

CREATE INDEX certificate_history_month ON certificate_history (on_date)
	WHERE change IN ('issued', 'status', 'level');
