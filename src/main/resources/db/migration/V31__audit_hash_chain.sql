-- A tamper-evident audit trail: every row written from now on carries its place in a chain (chain_seq,
-- 1, 2, 3 ... without gaps), the hash of its predecessor and its own hash, an HMAC-SHA-256 over its
-- fields and the predecessor's hash, keyed with a secret the database does not hold (the app's audit key
-- file). Whoever edits or deletes a row, even a superuser who can switch the append-only trigger off,
-- breaks the chain at that row and cannot mend it without the key. Rows written before this migration
-- keep null chain fields and are reported as not covered.
ALTER TABLE audit_event
    ADD COLUMN chain_seq bigint UNIQUE CHECK (chain_seq > 0),
    ADD COLUMN prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    ADD COLUMN row_hash  text CHECK (row_hash ~ '^[0-9a-f]{64}$');
