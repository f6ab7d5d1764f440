-- Staff search: certificate numbers by their beginning (SC-2026-…).
CREATE INDEX certificates_number_prefix ON certificates (number text_pattern_ops);
