-- An editor limited to one district (a county organisation department): imports and changes that
-- district's rows only. No row: the editor's role alone decides. No foreign key to district, since a
-- dataset load truncates the districts (and would cascade into the scopes).
CREATE TABLE editor_scope (
    user_id       bigint PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    district_code char(6) NOT NULL CHECK (district_code ~ '^6209[0-9]{2}$')
);
