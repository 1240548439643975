-- How many organisations of each kind have each status at each quarter's end, per district. The dashboard
-- counts the organisations that pass its filters on every view; scanning the organisations for that took
-- over 100 ms at a hundred times the demo data, this table answers from a few hundred rows. It is kept by
-- the same statement-level triggers as organisation_indicator_count (V11), through that function's name.
CREATE TABLE organisation_status_count (
    district_code char(6) NOT NULL REFERENCES district (code) ON DELETE CASCADE,
    period        char(6) NOT NULL REFERENCES period (code),
    kind          text    NOT NULL,
    status        text    NOT NULL,
    organisations bigint  NOT NULL,
    PRIMARY KEY (district_code, period, kind, status)
);

CREATE FUNCTION refresh_organisation_status_count(district_codes char(6)[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM organisation_status_count WHERE district_code = ANY (district_codes);
    INSERT INTO organisation_status_count (district_code, period, kind, status, organisations)
    SELECT o.district_code, s.period, o.kind, s.status, count(*)
    FROM organisation_period_status s JOIN organisation o ON o.id = s.organisation_id
    WHERE o.district_code = ANY (district_codes)
    GROUP BY o.district_code, s.period, o.kind, s.status;
$$;

-- Every trigger of V11 calls refresh_organisation_indicator_count by name (SQL function bodies are resolved
-- when they run), so the old function keeps its work under a new name and the name now refreshes both.
ALTER FUNCTION refresh_organisation_indicator_count(char(6)[]) RENAME TO refresh_organisation_indicator_count_only;
CREATE FUNCTION refresh_organisation_indicator_count(district_codes char(6)[]) RETURNS void
LANGUAGE sql AS $$
    SELECT refresh_organisation_indicator_count_only(district_codes);
    SELECT refresh_organisation_status_count(district_codes);
$$;

SELECT refresh_organisation_status_count(ARRAY(SELECT code FROM district));
