-- An audit row's detail as a message key and its arguments (JSON: text, numbers, nested {"key", "args"}
-- phrases), so the audit page and its CSV say it in each reader's language. Rows written before keep
-- their free text in `detail` (they cannot be rewritten: the table is append-only and hash-chained, and
-- changing them would break the chain's evidence); the app reads the known English phrasings of those
-- rows into the same keys when it shows them (audit.LegacyDetails). `json`, not `jsonb`: the hash of a row
-- covers the arguments' text exactly as written.
ALTER TABLE audit_event
    ADD COLUMN detail_key  text CHECK (detail_key ~ '^[a-z0-9_.-]+$'),
    ADD COLUMN detail_args json CHECK (detail_args IS NULL OR json_typeof(detail_args) = 'array'),
    ADD CONSTRAINT audit_event_detail_args_need_key CHECK (detail_args IS NULL OR detail_key IS NOT NULL);
