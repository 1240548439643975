-- The data version (V20) moves with every change to the data a map, a table or a preview shows, whoever
-- makes it: an import's apply, a status recorded on a card, a restore, a dataset load. Statement-level, so
-- a bulk COPY bumps it once; announced with NOTIFY data_version like an apply.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next bigint;
BEGIN
    UPDATE data_version SET version = version + 1 RETURNING version INTO next;
    PERFORM pg_notify('data_version', CAST(next AS text));
    RETURN NULL;
END $$;

CREATE TRIGGER organisation_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER organisation_status_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_status
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER contact_point_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contact_point
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER leader_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON leader
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indicator_value_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_value
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
