-- Township areas (V55) rebuilt in the background, per district, only when something they are made of moved.
-- Before, any change to the data (a status recorded on a card too) made the next request for the layer
-- rebuild every district's areas while it waited: 0.4-0.8 s at the demo's size, 37 s at 100 times it.
-- Now triggers write down which districts' areas no longer fit the data (an organisation added, removed,
-- moved or moved to another township; a township's boundary or a district's outline changed), and the app
-- (townships.TownshipAreas) rebuilds those districts one by one in its own transactions, while readers keep
-- seeing the previous areas until each district's new ones are committed. A status change touches none of it.

DROP TABLE township_area_built;
DROP FUNCTION refresh_township_areas();

-- Districts whose areas no longer fit the data: an append-only log, so that a change recorded while a
-- district is being rebuilt is a new row the rebuild does not delete (and never waits for the rebuild's locks).
CREATE TABLE township_area_change (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_code char(6) NOT NULL
);
CREATE INDEX township_area_change_district_idx ON township_area_change (district_code);

-- When a district's areas were last built (tests and operators can see which districts a change rebuilt).
ALTER TABLE township_area ADD COLUMN built_at timestamptz NOT NULL DEFAULT clock_timestamp();

CREATE FUNCTION record_township_area_changes(district_codes char(6)[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO township_area_change (district_code)
    SELECT DISTINCT c FROM unnest(district_codes) AS u (c) WHERE c IS NOT NULL;
$$;

-- Organisations: an insert or delete changes its districts' diagrams; an update only if it moved the point,
-- changed the township or the district (a status, a score, a name changes nothing the areas are made of).
CREATE FUNCTION organisations_change_township_areas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM record_township_area_changes(ARRAY(SELECT DISTINCT district_code FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM record_township_area_changes(ARRAY(SELECT DISTINCT district_code FROM old_rows));
    ELSE
        PERFORM record_township_area_changes(ARRAY(
            SELECT o.district_code FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE NOT ST_Equals(o.geom, n.geom) OR o.township_zh IS DISTINCT FROM n.township_zh
               OR o.district_code <> n.district_code
            UNION
            SELECT n.district_code FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.township_zh IS DISTINCT FROM n.township_zh OR o.district_code <> n.district_code));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER organisations_inserted_change_township_areas AFTER INSERT ON organisation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_change_township_areas();
CREATE TRIGGER organisations_deleted_change_township_areas AFTER DELETE ON organisation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_change_township_areas();
CREATE TRIGGER organisations_updated_change_township_areas AFTER UPDATE ON organisation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION organisations_change_township_areas();

-- A township added, removed or given a boundary; a district's outline redrawn.
CREATE FUNCTION township_changes_township_areas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM record_township_area_changes(ARRAY[OLD.district_code]);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM record_township_area_changes(ARRAY[NEW.district_code]);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER township_changes_township_areas AFTER INSERT OR DELETE OR UPDATE OF boundary, name_zh, district_code
    ON township FOR EACH ROW EXECUTE FUNCTION township_changes_township_areas();
CREATE FUNCTION district_changes_township_areas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_township_area_changes(ARRAY[NEW.code]);
    RETURN NULL;
END $$;
CREATE TRIGGER district_changes_township_areas AFTER INSERT OR UPDATE OF outline ON district
    FOR EACH ROW EXECUTE FUNCTION district_changes_township_areas();

-- Rebuilds one district's township areas (the V55 method, for one district): its real boundaries where
-- loaded, else the Voronoi cells of its organisations clipped to the district and merged per township.
-- Steps through temporary tables with a spatial index, so finding each cell's organisation is a lookup.
-- Deletes the change rows it has seen (change_ids, read by the caller before it started) and moves the data
-- version, so tile caches and ETags drop the old areas; a change recorded meanwhile stays for the next round.
CREATE FUNCTION refresh_township_areas(district char(6), change_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    next bigint;
BEGIN
    CREATE TEMPORARY TABLE township_member ON COMMIT DROP AS
        SELECT t.code, o.geom
        FROM organisation o JOIN township t ON t.district_code = o.district_code AND t.name_zh = o.township_zh
        WHERE o.district_code = district;
    CREATE INDEX ON township_member USING gist (geom);
    ANALYZE township_member;
    -- The diagram is extended past the district's envelope so that its cells reach every corner.
    CREATE TEMPORARY TABLE township_cell ON COMMIT DROP AS
        SELECT dump.geom
        FROM district d
        CROSS JOIN LATERAL (SELECT ST_Collect(m.geom) AS sites FROM township_member m) s
        CROSS JOIN LATERAL ST_Dump(ST_VoronoiPolygons(s.sites, 0.0, ST_Expand(d.outline, 0.5))) dump
        WHERE d.code = district AND s.sites IS NOT NULL;
    ANALYZE township_cell;
    DELETE FROM township_area a USING township t WHERE t.code = a.code AND t.district_code = district;
    WITH owned AS MATERIALIZED (
        -- Each cell goes to the township of the organisation that made it (several organisations at one
        -- place make one cell: the lowest township code takes it).
        SELECT c.geom,
               (SELECT m.code FROM township_member m WHERE ST_Intersects(c.geom, m.geom)
                ORDER BY m.code LIMIT 1) AS code
        FROM township_cell c
    ),
    merged AS MATERIALIZED (
        SELECT o.code, ST_Union(o.geom) AS cells FROM owned o WHERE o.code IS NOT NULL GROUP BY o.code
    ),
    approximate AS (
        SELECT m.code, ST_Multi(ST_CollectionExtract(ST_Intersection(m.cells, d.outline), 3)) AS area
        FROM merged m JOIN district d ON d.code = district
    )
    INSERT INTO township_area (code, area, approximate)
    SELECT t.code, coalesce(t.boundary, a.area), t.boundary IS NULL
    FROM township t LEFT JOIN approximate a ON a.code = t.code
    WHERE t.district_code = district AND (t.boundary IS NOT NULL OR NOT ST_IsEmpty(a.area));
    DROP TABLE township_member, township_cell;
    DELETE FROM township_area_change WHERE id = ANY (change_ids);
    -- Last, so that the data version's row is locked only for the moment before the commit.
    UPDATE data_version SET version = version + 1 RETURNING version INTO next;
    PERFORM pg_notify('data_version', CAST(next AS text));
END $$;

-- A change to a township (a boundary loaded) moves the data version like any change to the data (V23,
-- V50): the app hears it (NOTIFY data_version) and rebuilds what the change log names.
CREATE TRIGGER township_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON township
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- Every district is rebuilt once after this migration (by the app, in the background; the areas built
-- before stay on the map meanwhile).
INSERT INTO township_area_change (district_code) SELECT code FROM district;
