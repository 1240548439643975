-- Reference data (districts, periods, indicators) is now cached in the app until the data version moves
-- (datachanges.ReferenceCache, told by NOTIFY data_version): changes to it must move the version too, as
-- changes to organisations and values do since V23.
CREATE TRIGGER district_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON district
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER period_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON period
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indicator_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
