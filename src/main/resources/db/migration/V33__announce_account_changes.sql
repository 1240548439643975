-- Instances of the app sharing this database keep API token checks for a moment (security.ApiTokenService).
-- A change to a user or a token is announced on the channel "accounts", so every instance forgets its
-- checks at once, not only the one that made the change (cluster.ChangeListener). Statement-level: one
-- announcement per change, however many rows.
CREATE FUNCTION announce_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('accounts', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER app_user_announced AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION announce_account_change();
CREATE TRIGGER api_token_announced AFTER UPDATE OR DELETE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION announce_account_change();
