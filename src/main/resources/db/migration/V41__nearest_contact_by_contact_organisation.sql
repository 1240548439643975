-- Deleting an organisation deletes the nearest-contact rows that point at it (ON DELETE CASCADE), one
-- lookup per deleted organisation. Without an index each lookup read the whole table: replacing 150,000
-- organisations in one statement (a whole-dataset ZIP, a large replace import) took hours instead of seconds.
CREATE INDEX nearest_contact_contact_organisation_idx ON nearest_contact (contact_organisation_id);
