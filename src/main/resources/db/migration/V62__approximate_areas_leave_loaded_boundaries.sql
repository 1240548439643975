-- Real township boundaries (loaded with POST /api/admin/township-boundaries) and approximate areas side by
-- side: an approximate area no longer reaches into a loaded boundary (the Voronoi cells are clipped to the
-- district and then cut by the district's loaded boundaries), so the two never overlap and a district that
-- has some real boundaries is still covered once. Otherwise as V60.
CREATE OR REPLACE FUNCTION refresh_township_areas(district char(6), change_ids bigint[]) RETURNS void
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
    loaded AS (
        SELECT ST_Union(boundary) AS boundaries FROM township WHERE district_code = district AND boundary IS NOT NULL
    ),
    approximate AS (
        SELECT m.code, ST_Multi(ST_CollectionExtract(
                   CASE WHEN l.boundaries IS NULL THEN ST_Intersection(m.cells, d.outline)
                        ELSE ST_Difference(ST_Intersection(m.cells, d.outline), l.boundaries) END, 3)) AS area
        FROM merged m JOIN district d ON d.code = district CROSS JOIN loaded l
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
