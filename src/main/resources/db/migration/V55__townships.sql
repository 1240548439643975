-- Township-level units (乡镇、街道) with their official 9-digit statistical codes (geodata/townships.csv,
-- loaded with every dataset). An organisation belongs to the township its township_zh names in its own
-- district; a village's or community's code begins with its township's code.
CREATE TABLE township (
    code          char(9) PRIMARY KEY CHECK (code ~ '^[0-9]{9}$'),
    name_zh       text NOT NULL CHECK (name_zh <> ''),
    district_code char(6) NOT NULL REFERENCES district (code) ON DELETE CASCADE,
    -- A real boundary, once one is loaded; until then the township's area is approximate (below).
    boundary      geometry(MultiPolygon, 4326) CHECK (boundary IS NULL OR ST_IsValid(boundary)),
    CHECK (left(code, 6) = district_code),
    UNIQUE (district_code, name_zh)
);

-- Each township's area as the map draws it: its real boundary, or, while it has none, an approximation:
-- the Voronoi cells of its organisations (ST_VoronoiPolygons over each district's organisations), clipped
-- to the district and merged per township. Cells of one district never overlap and fill its outline, so
-- the approximate areas cover each district without gaps. Rebuilt by refresh_township_areas() when the
-- data version has moved since it was built (the app checks before it serves the layer).
CREATE TABLE township_area (
    code        char(9) PRIMARY KEY REFERENCES township (code) ON DELETE CASCADE,
    area        geometry(MultiPolygon, 4326) NOT NULL,
    approximate boolean NOT NULL
);
CREATE INDEX township_area_area_idx ON township_area USING gist (area);

-- The data version township_area was built from (one row).
CREATE TABLE township_area_built (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    data_version bigint NOT NULL
);

-- Steps through temporary tables with a spatial index, so that finding each cell's organisation is a
-- lookup rather than a comparison of every cell with every organisation (that grew with the square of the
-- data: 0.7 s against 9 s at the demo's size as one statement).
CREATE FUNCTION refresh_township_areas() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMPORARY TABLE township_member ON COMMIT DROP AS
        SELECT t.code, t.district_code, o.geom
        FROM organisation o JOIN township t ON t.district_code = o.district_code AND t.name_zh = o.township_zh;
    CREATE INDEX ON township_member USING gist (geom);
    ANALYZE township_member;
    -- The diagram is extended past the district's envelope so that its cells reach every corner.
    CREATE TEMPORARY TABLE township_cell ON COMMIT DROP AS
        SELECT d.code AS district_code, dump.path[1] AS n, dump.geom
        FROM district d
        CROSS JOIN LATERAL (SELECT ST_Collect(m.geom) AS sites FROM township_member m
                            WHERE m.district_code = d.code) s
        CROSS JOIN LATERAL ST_Dump(ST_VoronoiPolygons(s.sites, 0.0, ST_Expand(d.outline, 0.5))) dump
        WHERE s.sites IS NOT NULL;
    ANALYZE township_cell;
    DELETE FROM township_area;
    WITH owned AS MATERIALIZED (
        -- Each cell goes to the township of the organisation that made it (several organisations at one
        -- place make one cell: the lowest township code takes it).
        SELECT c.district_code, c.geom,
               (SELECT m.code FROM township_member m
                WHERE m.district_code = c.district_code AND ST_Intersects(c.geom, m.geom)
                ORDER BY m.code LIMIT 1) AS code
        FROM township_cell c
    ),
    merged AS MATERIALIZED (
        SELECT o.code, o.district_code, ST_Union(o.geom) AS cells FROM owned o
        WHERE o.code IS NOT NULL GROUP BY o.code, o.district_code
    ),
    approximate AS (
        SELECT m.code, ST_Multi(ST_CollectionExtract(ST_Intersection(m.cells, d.outline), 3)) AS area
        FROM merged m JOIN district d ON d.code = m.district_code
    )
    INSERT INTO township_area (code, area, approximate)
    SELECT t.code, coalesce(t.boundary, a.area), t.boundary IS NULL
    FROM township t LEFT JOIN approximate a ON a.code = t.code
    WHERE t.boundary IS NOT NULL OR NOT ST_IsEmpty(a.area);
    INSERT INTO township_area_built (singleton, data_version) SELECT true, version FROM data_version
    ON CONFLICT (singleton) DO UPDATE SET data_version = excluded.data_version;
    DROP TABLE township_member, township_cell;
END $$;
